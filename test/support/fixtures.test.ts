import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CesAuthentication, ClientDirectory, CrlPublishing, OsGeneration, Platform } from '../../lib/model/options';
import { Protocol } from '../../lib/model/protocol';
import { estateProps, flowProps, invalid, protocolOf, tierProps, tiersProps } from './fixtures';

const CORE = { clients: { cidrs: ['10.20.0.0/16'] }, ca: { cidrs: ['10.0.1.0/24'] }, dc: { cidrs: ['10.0.0.0/24'] } };

describe('typed fixtures', () => {
  it('turns the spellings of a spec into the enums, and leaves absent keys out', () => {
    const p = estateProps({
      name: 'x', platform: 'aws', osGeneration: 'legacy', cesAuthentication: 'certificate', clientDirectory: 'minimal', crlPublishing: 'smb',
      tiers: { ...CORE, ces: { cidrs: ['10.0.2.0/24'], osGeneration: 'modern', instances: [{ port: 443 }, { port: 8443, authentication: 'usernamePassword' }] } },
      customFlows: [{ from: 'ca', to: 'dc', protocol: 'icmp', purpose: 'ping' }],
    });
    assert.deepEqual(p, {
      name: 'x', platform: Platform.AWS, osGeneration: OsGeneration.LEGACY, cesAuthentication: CesAuthentication.CERTIFICATE,
      clientDirectory: ClientDirectory.MINIMAL, crlPublishing: CrlPublishing.SMB,
      tiers: { ...CORE, ces: { cidrs: ['10.0.2.0/24'], osGeneration: OsGeneration.MODERN, instances: [{ port: 443 }, { port: 8443, authentication: CesAuthentication.USERNAME_PASSWORD }] } },
      customFlows: [{ from: 'ca', to: 'dc', protocol: Protocol.ICMP, purpose: 'ping' }],
    });
    assert.deepEqual(Object.keys(estateProps({ tiers: CORE })), ['tiers']);
    assert.deepEqual(Object.keys(tierProps({ cidrs: ['10.0.1.0/24'] })), ['cidrs']);
    assert.equal(flowProps({ from: 'a', to: 'b', protocol: Protocol.UDP, ports: ['1'], purpose: 'p' }).protocol, Protocol.UDP);
    assert.equal(protocolOf('tcp'), Protocol.TCP);
  });

  it('keeps the order of the tiers given, and refuses tiers without the core three', () => {
    assert.deepEqual(Object.keys(tiersProps({ dc: CORE.dc, admins: { cidrs: ['10.0.9.0/28'] }, ca: CORE.ca, clients: CORE.clients })), ['dc', 'admins', 'ca', 'clients']);
    assert.throws(() => tiersProps({ clients: CORE.clients, ca: CORE.ca }), /^Error: fixture: tiers need clients, ca and dc \(got clients, ca\)$/);
  });

  it('refuses a spelling the enum lacks instead of passing it through', () => {
    assert.throws(() => estateProps({ platform: invalid('gcp'), tiers: CORE }), /^Error: fixture: platform "gcp" is not one of azure, aws$/);
    assert.throws(() => protocolOf(invalid('sctp')), /^Error: fixture: protocol "sctp" is not one of tcp, udp, icmp$/);
  });
});
