import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AdcsInputError } from '../../lib/errors';
import { flowsOf } from '../../lib/model/flows';
import { EstateProps } from '../../lib/input/props';
import { resolveSpec } from '../../lib/spec';

function withCustom(customFlows: object[]): EstateProps {
  return {
    tiers: { clients: { cidrs: ['10.20.0.0/16'] }, ca: { cidrs: ['10.0.1.0/24'] }, dc: { cidrs: ['10.0.0.0/24'] }, admins: { cidrs: ['10.0.9.0/28'] } },
    customFlows,
  } as unknown as EstateProps;
}

describe('custom flows', () => {
  it('are emitted after the catalogue, marked custom, with id custom:<name>, purpose and reference', () => {
    // GIVEN an RDP flow from the admins  WHEN flows are computed
    const fs = flowsOf(resolveSpec(withCustom([{ name: 'rdp', from: 'admins', to: 'ca', protocol: 'tcp', ports: ['3389'], purpose: 'RDP from the PAWs', reference: 'runbook 7' }]), 't').estate);
    const last = fs[fs.length - 1];
    // THEN it is last, custom, and carries what the user wrote
    assert.deepEqual({ ...last, ports: last.ports.map(String) },
      { id: 'custom:rdp', custom: true, from: 'admins', to: 'ca', protocol: 'tcp', ports: ['3389'], purpose: 'RDP from the PAWs', reference: 'runbook 7' });
    assert.ok(fs.slice(0, -1).every((f) => !f.custom));
  });

  it('without a name get an id derived from content, and a default reference', () => {
    // GIVEN WinRM without a name, ports given as numbers and touching
    const fs = flowsOf(resolveSpec(withCustom([{ from: 'admins', to: 'ca', protocol: 'tcp', ports: [5986, 5985], purpose: 'WinRM' }]), 't').estate);
    const c = fs.find((f) => f.custom)!;
    // THEN the ports merge exactly and the id is derived from them
    assert.equal(c.id, 'custom:admins-ca-tcp-5985-5986');
    assert.deepEqual(c.ports.map(String), ['5985-5986']);
    assert.equal(c.reference, 'custom flow');
  });

  it('keep their protocol (UDP) and are ordered by id', () => {
    // GIVEN two flows declared z-then-a  WHEN computed  THEN ordered a, z, UDP kept
    const fs = flowsOf(resolveSpec(withCustom([
      { name: 'z-snmp', from: 'ca', to: 'admins', protocol: 'udp', ports: ['162'], purpose: 'traps' },
      { name: 'a-rdp', from: 'admins', to: 'ca', protocol: 'tcp', ports: ['3389'], purpose: 'RDP' },
    ]), 't').estate).filter((f) => f.custom);
    assert.deepEqual(fs.map((f) => `${f.id} ${f.protocol}`), ['custom:a-rdp tcp', 'custom:z-snmp udp']);
  });

  it('may duplicate a catalogue flow without changing it', () => {
    // GIVEN a custom flow on TCP 135 to the CA  THEN enroll-dcom is unchanged beside it
    const fs = flowsOf(resolveSpec(withCustom([{ name: 'epm', from: 'clients', to: 'ca', protocol: 'tcp', ports: ['135'], purpose: 'dup' }]), 't').estate);
    assert.deepEqual(fs.find((f) => f.id === 'enroll-dcom')!.ports.map(String), ['135', '49152-65535']);
    assert.deepEqual(fs.find((f) => f.id === 'custom:epm')!.ports.map(String), ['135']);
  });

  it('refuse two flows with the same id', () => {
    // GIVEN two flows named rdp  WHEN resolved  THEN one error at the second's name
    assert.throws(() => resolveSpec(withCustom([
      { name: 'rdp', from: 'admins', to: 'ca', protocol: 'tcp', ports: ['3389'], purpose: 'a' },
      { name: 'rdp', from: 'admins', to: 'dc', protocol: 'tcp', ports: ['3389'], purpose: 'b' },
    ]), 't'), (e: AdcsInputError) => e.problems.length === 1 && e.problems[0].path === 'customFlows[1].name'
      && e.problems[0].message === 'custom flow id "custom:rdp" is already used by customFlows[0]; give each flow a distinct "name"');
  });
});
