import { evaluatorFor } from '../../../lib/check/check';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Protocol } from '../../../lib/model/protocol';
import { CesAuthentication, OsGeneration } from '../../../lib/model/options';
import { resolveSpec } from '../../../lib/spec';
import { provesReachability, text } from '../../support/azure-reach';
import { AZURE, richAzure, subnet, synthEstate } from '../../support/estates';
import { estateProps } from '../../support/fixtures';

describe('Azure reachability (evaluated with NSG semantics)', () => {
  it('modern estate with every tier', () => provesReachability(richAzure()));
  it('legacy estate, DC on its own RPC range', () => provesReachability(richAzure({
    osGeneration: 'legacy',
    tiers: { ...richAzure().tiers, dc: { cidrs: ['10.0.0.0/24'], subnetIds: [subnet('dc')], rpcDynamicPorts: '50000-50999' } },
  })));
  it('static DCOM port', () => provesReachability(richAzure({ dcomPort: 10509, domainMemberFlows: true })));
  it('CES-only enrollment with username/password', () => provesReachability(estateProps({
    name: 'cesonly', platform: 'azure', azure: AZURE, directEnrollment: false, cesAuthentication: 'usernamePassword',
    tiers: {
      clients: { cidrs: ['192.168.0.0/16'] },
      ca: { cidrs: ['10.1.1.0/24'], subnetIds: [subnet('ca')] },
      ces: { cidrs: ['10.1.2.0/24'], subnetIds: [subnet('ces')] },
      dc: { cidrs: ['10.1.0.0/24'], networkSecurityGroup: { name: 'nsg-dc', resourceGroupName: 'rg-id', denyByDefault: true } },
    },
  })));
  it('an estate whose NSG-less tiers are enforced only at their peers', () => provesReachability(estateProps({
    platform: 'azure', azure: { ...AZURE, priorityRange: '1000-1299' },
    tiers: { clients: { cidrs: ['10.20.0.0/16'] }, ca: { cidrs: ['10.0.1.0/24'], subnetIds: [subnet('ca')] }, dc: { cidrs: ['10.0.0.0/24'] },
      ocsp: { cidrs: ['10.0.6.0/24'] }, cdp: { cidrs: ['10.0.3.0/24'], subnetIds: [subnet('cdp')] } },
  })));

  it('v2.1: the account forest on its existing NSG, every opt-in row, responders enrolled by hand, shared-port instances', () => provesReachability(richAzure({
    caSmb: true, ocspRemoteAdmin: true, webEnrollmentCallback: true, ocspAutoEnroll: false,
    tiers: { ...richAzure().tiers,
      admins: { cidrs: ['10.0.9.0/28'], subnetIds: [subnet('admins')] },
      webEnrollment: { cidrs: ['10.0.4.0/24'], subnetIds: [subnet('webenroll')], osGeneration: OsGeneration.LEGACY },
      ces: { cidrs: ['10.0.2.0/24'], subnetIds: [subnet('web')],
        instances: [{ port: 49999, authentication: CesAuthentication.USERNAME_PASSWORD }, { port: 49999, authentication: CesAuthentication.CERTIFICATE }] },
      accountDc: { cidrs: ['10.80.0.0/24', '10.81.0.0/24'], rpcDynamicPorts: '50000-50999',
        networkSecurityGroup: { name: 'nsg-account-dc', resourceGroupName: 'rg-account', denyByDefault: true, priorityRange: '2000-2999' } } },
  })));
  it('v2.1: the account forest known by its CIDRs only (rules at the CA, CES and CEP ends)', () => provesReachability(richAzure({
    tiers: { ...richAzure().tiers, accountDc: { cidrs: ['10.80.0.0/24'], osGeneration: OsGeneration.LEGACY } },
  })));

  it('ICMP custom flows (all types) through deny-by-default NSGs', () => provesReachability(richAzure({
    customFlows: [
      { name: 'ping-dc', from: 'admins', to: 'dc', protocol: 'icmp', purpose: 'the LDAP client pings DCs (KB 179442)' },
      { name: 'ping-ca', from: 'ces', to: 'ca', protocol: 'icmp', purpose: 'monitoring' },
    ],
  })));

  it('v2 flows pass deny-by-default NSGs: DCs enroll with the CA, servers fetch CRLs, admins reach the DCs', () => {
    // GIVEN the rich estate (every NSG created with its deny-by-default) and an ICMP custom flow
    const props = richAzure({ customFlows: [{ name: 'ping', from: 'ca', to: 'dc', protocol: 'icmp', purpose: 'ping' }] });
    const { json } = synthEstate(props);
    const ev = evaluatorFor(json, resolveSpec(props, 'test'));
    // WHEN the new flows are evaluated  THEN each is allowed, decided by the rule of its own tier pair
    const dcToCa = ev.reach({ tier: 'dc' }, 'ca', Protocol.TCP);
    assert.equal(text(dcToCa.allowed.filter((p) => p.contains(135) || p.contains(49152))), '135,49152-65535');
    assert.ok(dcToCa.inbound.rules.some((x) => x.includes('pki-ca-nsg-in-dc-ca-tcp')), dcToCa.inbound.rules.join());
    assert.ok(dcToCa.outbound.rules.some((x) => x.includes('pki-dc-nsg-out-dc-ca-tcp')), dcToCa.outbound.rules.join());
    for (const from of ['ca', 'ndes', 'dc'] as const) {
      const r = ev.reach({ tier: from }, 'cdp', Protocol.TCP);
      assert.ok(r.allowed.some((p) => p.contains(80)), `${from} -> cdp TCP 80`);
    }
    const admins = ev.reach({ tier: 'admins' }, 'dc', Protocol.TCP);
    assert.ok(admins.allowed.some((p) => p.contains(389)) && !admins.inbound.anyAllowed.some((p) => p.contains(636)), 'admins: LDAP yes, LDAPS no');
    // AND the ICMP flow is allowed, and ICMP from a tier without an ICMP flow is not
    assert.equal(text(ev.reach({ tier: 'ca' }, 'dc', Protocol.ICMP).allowed), '0-65535');
    assert.equal(text(ev.reach({ tier: 'ces' }, 'dc', Protocol.ICMP).inbound.anyAllowed), '');
    // AND the ICMP rule is Azure's Icmp with ports *, on a slot of its own
    const icmp = Object.values<any>(json.resource.azurerm_network_security_rule).filter((r) => r.protocol === 'Icmp');
    assert.deepEqual(icmp.map((r) => [r.name, r.destination_port_range, r.priority]).sort(),
      [['pki-in-ca-to-dc-icmp', '*', 100 + 512 + 4 * 16 + 1], ['pki-out-ca-to-dc-icmp', '*', 100 + 512 + 1 * 16 + 4]]);
  });

  it('blocks an ICMP flow when its rule is removed', () => {
    // GIVEN the ICMP rule at the DCs' NSG removed
    const props = richAzure({ customFlows: [{ name: 'ping', from: 'ca', to: 'dc', protocol: 'icmp', purpose: 'ping' }] });
    const { json } = synthEstate(props);
    const rules = json.resource.azurerm_network_security_rule;
    delete rules[Object.keys(rules).find((k) => k.includes('dc-nsg-in-ca-dc-icmp'))!];
    // WHEN evaluated  THEN the ICMP flow is blocked by the deny-by-default
    const r = evaluatorFor(json, resolveSpec(props, 'test')).reach({ tier: 'ca' }, 'dc', Protocol.ICMP);
    assert.equal(text(r.allowed), '');
  });

  it('blocks a flow when its rule is removed from the plan, naming the deny that decided', () => {
    // GIVEN a synthesized estate with the clients->ca TCP rule removed
    const props = richAzure();
    const { json } = synthEstate(props);
    const rules = json.resource.azurerm_network_security_rule;
    const victim = Object.keys(rules).find((k) => k.includes('ca-nsg-in-clients-ca-tcp'))!;
    delete rules[victim];
    // WHEN enrollment is evaluated
    const r = evaluatorFor(json, resolveSpec(props, 'test')).reach({ tier: 'clients' }, 'ca', Protocol.TCP);
    // THEN nothing is allowed, and the deny-by-default rule is named
    assert.equal(text(r.allowed), '');
    assert.ok(r.inbound.rules.some((x) => x.includes('deny-vnet-inbound')), r.inbound.rules.join());
  });
});
