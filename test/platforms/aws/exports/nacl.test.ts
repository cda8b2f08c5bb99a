import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cidrSpan } from '../../../../lib/model/cidr';
import { aclDecide, readAcl } from '../../../../lib/platforms/aws/exports/nacl';

// Shape: botocore `NetworkAcl` / `NetworkAclEntry` (ec2 service-2.json), as describe-network-acls prints them.
const entry = (n: number, egress: boolean, action: string, protocol: string, cidr: string, ports?: [number, number]): Record<string, unknown> => ({
  RuleNumber: n, Egress: egress, RuleAction: action, Protocol: protocol, CidrBlock: cidr, ...(ports ? { PortRange: { From: ports[0], To: ports[1] } } : {}),
});
const acl = (...entries: Record<string, unknown>[]): ReturnType<typeof readAcl> =>
  readAcl({ NetworkAclId: 'acl-01', Entries: entries, Associations: [{ NetworkAclId: 'acl-01', SubnetId: 'subnet-dc' }] });
const CA = [cidrSpan('10.0.1.0/24')];

describe('readAcl', () => {
  it('reads entries in rule number order and the associated subnets', () => {
    const { acl: a, unreadable } = acl(entry(32767, false, 'deny', '-1', '0.0.0.0/0'), entry(100, false, 'allow', '6', '10.0.1.0/24', [445, 445]));
    assert.deepEqual(unreadable, []);
    assert.deepEqual(a.entries.map((e) => [e.number, e.protocol, e.ports, e.allow]), [[100, 'tcp', { lo: 445, hi: 445 }, true], [32767, 'all', { lo: 0, hi: 65535 }, false]]);
    assert.deepEqual(a.subnets, ['subnet-dc']);
  });
  it('names an entry it cannot read', () => {
    const { unreadable } = acl(entry(100, false, 'reject', '6', '10.0.1.0/24', [445, 445]));
    assert.deepEqual(unreadable, ['rule 100 (inbound): RuleAction "reject" is neither allow nor deny']);
  });
});

describe('aclDecide: first match by rule number', () => {
  it('a lower-numbered deny shadows a later allow', () => {
    const { acl: a } = acl(entry(90, false, 'deny', '6', '0.0.0.0/0', [445, 445]), entry(100, false, 'allow', '6', '10.0.1.0/24', [0, 65535]), entry(32767, false, 'deny', '-1', '0.0.0.0/0'));
    const d = aclDecide(a, false, CA, 'tcp', [{ lo: 135, hi: 135 }, { lo: 445, hi: 445 }]);
    assert.deepEqual(d.allowed, [{ lo: 135, hi: 135 }]);
    assert.deepEqual(d.denies.map((x) => [x.entry, x.ports]), [['rule 90 (deny)', [{ lo: 445, hi: 445 }]]]);
  });
  it('the same deny after the allow changes nothing', () => {
    const { acl: a } = acl(entry(100, false, 'allow', '6', '10.0.1.0/24', [0, 65535]), entry(200, false, 'deny', '6', '0.0.0.0/0', [445, 445]));
    assert.deepEqual(aclDecide(a, false, CA, 'tcp', [{ lo: 445, hi: 445 }]), { allowed: [{ lo: 445, hi: 445 }], denies: [] });
  });
  it('what no entry matches is denied by the * rule, even when the export lacks it', () => {
    const { acl: a } = acl(entry(100, true, 'allow', '6', '10.20.0.0/16', [32768, 61000]));
    const d = aclDecide(a, true, [cidrSpan('10.20.0.0/16')], 'tcp', [{ lo: 49152, hi: 65535 }]);
    assert.deepEqual(d.allowed, [{ lo: 49152, hi: 61000 }]);
    assert.deepEqual(d.denies.map((x) => [x.entry, x.ports, x.peers]), [['rule 32767 (*) (deny)', [{ lo: 61001, hi: 65535 }], [cidrSpan('10.20.0.0/16')]]]);
  });
  it('an entry for part of the peers allows only for those', () => {
    const { acl: a } = acl(entry(100, false, 'allow', '-1', '10.0.1.0/25'));
    const d = aclDecide(a, false, CA, 'udp', [{ lo: 53, hi: 53 }]);
    assert.deepEqual(d.allowed, []);
    assert.deepEqual(d.denies.map((x) => x.peers), [[cidrSpan('10.0.1.128/25')]]);
  });
  it('an outbound entry does not decide inbound traffic', () => {
    const { acl: a } = acl(entry(100, true, 'allow', '-1', '0.0.0.0/0'));
    assert.deepEqual(aclDecide(a, false, CA, 'tcp', [{ lo: 443, hi: 443 }]).allowed, []);
  });
});
