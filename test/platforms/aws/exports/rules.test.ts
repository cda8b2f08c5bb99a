import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { protocolAndPorts, readPermission, readSecurityGroupRule } from '../../../../lib/platforms/aws/exports/rules';
import { cidrSpan } from '../../../../lib/model/cidr';

// Shapes: botocore `IpPermission` and `SecurityGroupRule` (ec2 service-2.json), as `aws ec2 ... --output json` prints them.

describe('protocolAndPorts (IpPermission IpProtocol / FromPort / ToPort)', () => {
  it('reads -1 as every protocol and port, whatever ports are given', () => {
    assert.deepEqual(protocolAndPorts('-1', 22, 22), { protocol: 'all', ports: { lo: 0, hi: 65535 } });
  });
  it('reads protocol numbers 6, 17 and 1 as tcp, udp and icmp', () => {
    assert.deepEqual(protocolAndPorts('6', 135, 135), { protocol: 'tcp', ports: { lo: 135, hi: 135 } });
    assert.deepEqual(protocolAndPorts('17', 53, 53), { protocol: 'udp', ports: { lo: 53, hi: 53 } });
    assert.deepEqual(protocolAndPorts('1', 3, 4), { protocol: 'icmp', ports: { lo: 3, hi: 3 } });
  });
  it('reads icmp FromPort as the type, -1 as every type', () => {
    assert.deepEqual(protocolAndPorts('icmp', -1, -1), { protocol: 'icmp', ports: { lo: 0, hi: 65535 } });
    assert.deepEqual(protocolAndPorts('icmp', 8, -1), { protocol: 'icmp', ports: { lo: 8, hi: 8 } });
  });
  it('reads another protocol number as that protocol, its ports ignored', () => {
    assert.deepEqual(protocolAndPorts('47', undefined, undefined), { protocol: 'other', ports: { lo: 47, hi: 47 } });
  });
  it('refuses a tcp rule without ports and an unknown protocol name', () => {
    assert.equal(protocolAndPorts('tcp', undefined, 80), 'ports null-80 are not a port range');
    assert.equal(protocolAndPorts('sctp', 1, 2), 'protocol "sctp" is not a protocol name or number');
  });
});

describe('readPermission (describe-security-groups)', () => {
  it('reads one rule per peer: a CIDR and a referenced group of one permission', () => {
    const r = readPermission('sg-0ca1', 'pki-ca (sg-0ca1)', 'ingress', {
      IpProtocol: 'tcp', FromPort: 135, ToPort: 135,
      IpRanges: [{ CidrIp: '10.20.0.0/16' }], UserIdGroupPairs: [{ UserId: '111122223333', GroupId: 'sg-0dc1' }], Ipv6Ranges: [], PrefixListIds: [],
    });
    assert.deepEqual(r.unreadable, []);
    assert.deepEqual(r.rules.map((x) => [x.address, x.protocol, x.ports, x.cidrs, x.groups]), [
      ['pki-ca (sg-0ca1) ingress tcp 135 from 10.20.0.0/16', 'tcp', { lo: 135, hi: 135 }, [cidrSpan('10.20.0.0/16')], []],
      ['pki-ca (sg-0ca1) ingress tcp 135 from sg-0dc1', 'tcp', { lo: 135, hi: 135 }, [], ['sg-0dc1']],
    ]);
    assert.deepEqual(r.peers, [{ groupId: 'sg-0dc1', userId: '111122223333', vpcId: undefined, peering: undefined }]);
  });
  it('keeps an IPv6 peer as written', () => {
    const r = readPermission('sg-0ca1', 'pki-ca', 'ingress', { IpProtocol: 'tcp', FromPort: 3389, ToPort: 3389, Ipv6Ranges: [{ CidrIpv6: '::/0' }] });
    assert.deepEqual(r.rules.map((x) => [x.address, x.ipv6]), [['pki-ca ingress tcp 3389 from ::/0', ['::/0']]]);
  });
  it('names a prefix list it cannot read, and keeps the permission\'s other peers', () => {
    const r = readPermission('sg-0ca1', 'pki-ca', 'ingress', { IpProtocol: 'tcp', FromPort: 135, ToPort: 135,
      PrefixListIds: [{ PrefixListId: 'pl-0f1e' }], UserIdGroupPairs: [{ GroupId: 'sg-0dc1' }] });
    assert.deepEqual(r.unreadable.map((u) => u.element), ['pki-ca ingress tcp 135 from pl-0f1e']);
    assert.match(r.unreadable[0].why, /prefix list pl-0f1e, whose entries no export shows/);
    assert.deepEqual(r.rules.map((x) => x.address), ['pki-ca ingress tcp 135 from sg-0dc1']);
  });
  it('refuses a permission with a member it does not know', () => {
    const r = readPermission('sg-0ca1', 'pki-ca', 'egress', { IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], SourcePortRange: { From: 1 } });
    assert.deepEqual(r.rules, []);
    assert.deepEqual(r.unreadable.map((u) => [u.element, u.why]), [['pki-ca egress "-1" null-null', 'it has members audit does not read (SourcePortRange)']]);
  });
});

describe('readSecurityGroupRule (describe-security-group-rules)', () => {
  it('reads one sgr- rule with its referenced group', () => {
    const r = readSecurityGroupRule({ SecurityGroupRuleId: 'sgr-01', GroupId: 'sg-0ca1', GroupOwnerId: '111122223333', IsEgress: true,
      IpProtocol: 'udp', FromPort: 53, ToPort: 53, ReferencedGroupInfo: { GroupId: 'sg-0dc1', UserId: '111122223333' } }, 'pki-ca (sg-0ca1)');
    assert.deepEqual(r.rules.map((x) => [x.address, x.direction, x.group, x.protocol, x.ports, x.groups]),
      [['sgr-01 (pki-ca (sg-0ca1)) egress udp 53 to sg-0dc1', 'egress', 'sg-0ca1', 'udp', { lo: 53, hi: 53 }, ['sg-0dc1']]]);
  });
  it('reads -1 with FromPort/ToPort -1 as all traffic', () => {
    const r = readSecurityGroupRule({ SecurityGroupRuleId: 'sgr-02', GroupId: 'sg-0dc1', IsEgress: true, IpProtocol: '-1', FromPort: -1, ToPort: -1, CidrIpv4: '0.0.0.0/0' }, 'sg-0dc1');
    assert.deepEqual(r.rules.map((x) => [x.protocol, x.ports, x.cidrs]), [['all', { lo: 0, hi: 65535 }, [{ lo: 0, hi: 2 ** 32 - 1 }]]]);
  });
});
