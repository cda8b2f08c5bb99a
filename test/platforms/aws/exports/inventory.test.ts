import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { awsInventory } from '../../../../lib/platforms/aws/exports/inventory';
import { recogniseAws } from '../../../../lib/platforms/aws/exports/shapes';
import type { LiveExport } from '../../../../lib/platforms/live';

// Shapes: botocore ec2 `SecurityGroup`, `SecurityGroupRule`, `NetworkInterface`, as the CLI prints them.
const live = (file: string, value: Record<string, unknown>): LiveExport => ({ file, value, command: recogniseAws(value)! });
const sgs = live('sgs.json', { SecurityGroups: [{ GroupId: 'sg-0ca10000', GroupName: 'pki-ca', VpcId: 'vpc-01',
  IpPermissions: [{ IpProtocol: 'tcp', FromPort: 135, ToPort: 135, IpRanges: [{ CidrIp: '10.20.0.0/16' }], UserIdGroupPairs: [], Ipv6Ranges: [], PrefixListIds: [] }],
  IpPermissionsEgress: [] }] });
const sgr = live('sgr.json', { SecurityGroupRules: [{ SecurityGroupRuleId: 'sgr-0aa', GroupId: 'sg-0ca10000', GroupOwnerId: '111122223333', IsEgress: false,
  IpProtocol: 'tcp', FromPort: 135, ToPort: 135, CidrIpv4: '10.20.0.0/16' }] });

describe('awsInventory', () => {
  it('reads a group\'s rules once: from describe-security-group-rules when it holds them, named by sgr- id and group name', () => {
    const inv = awsInventory([sgs, sgr]);
    assert.deepEqual(inv.rulesByGroup.get('sg-0ca10000')!.map((r) => r.address), ['sgr-0aa (pki-ca (sg-0ca10000)) ingress tcp 135 from 10.20.0.0/16']);
    assert.deepEqual(inv.problems, []);
  });

  it('reads an interface\'s addresses and groups, names the group from the interface when no group export does', () => {
    const inv = awsInventory([live('enis.json', { NetworkInterfaces: [{ NetworkInterfaceId: 'eni-01', SubnetId: 'subnet-01', PrivateIpAddress: '10.0.1.10',
      PrivateIpAddresses: [{ PrivateIpAddress: '10.0.1.10' }, { PrivateIpAddress: '10.0.1.11' }], Ipv4Prefixes: [{ Ipv4Prefix: '10.0.1.32/28' }], Groups: [{ GroupId: 'sg-0ca10000', GroupName: 'pki-ca' }] }] })]);
    assert.deepEqual(inv.interfaces, [{ id: 'eni-01', subnet: 'subnet-01', groups: ['sg-0ca10000'],
      addresses: [{ lo: 0x0a00010a, hi: 0x0a00010b }, { lo: 0x0a000120, hi: 0x0a00012f }] }]);
    assert.deepEqual(inv.groups.get('sg-0ca10000'), { id: 'sg-0ca10000', name: 'pki-ca', rulesKnown: false });
  });

  it('names a listing cut short by NextToken, and an address it cannot read', () => {
    const inv = awsInventory([live('enis.json', { NetworkInterfaces: [{ NetworkInterfaceId: 'eni-01', PrivateIpAddress: 'fe80::1', Groups: [] }], NextToken: 'x' })]);
    assert.deepEqual(inv.problems.map((p) => `${p.element}: ${p.message}`), [
      'enis.json: enis.json is truncated (NextToken present): the aws ec2 describe-network-interfaces listing was cut short, so what it lacks cannot be judged (run it without --max-items)',
      'eni-01: PrivateIpAddress "fe80::1" is not an IPv4 address',
    ]);
    assert.deepEqual([...inv.truncated], ['NetworkInterfaces']);
  });
});
