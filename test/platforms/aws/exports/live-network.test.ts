import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { judge } from '../../../../lib/check/judge';
import type { CheckReport } from '../../../../lib/check/check';
import { AwsEvaluator } from '../../../../lib/platforms/aws/evaluator';
import { readAwsExports } from '../../../../lib/platforms/aws/exports/live-network';
import { recogniseAws } from '../../../../lib/platforms/aws/exports/shapes';
import type { AwsNetwork } from '../../../../lib/platforms/aws/network';
import type { LiveExport } from '../../../../lib/platforms/live';
import { resolveSpec } from '../../../../lib/spec';
import { estateProps } from '../../../support/fixtures';
import { Protocol } from '../../../../lib/model/protocol';

// Small hand-written exports in the shapes `aws ec2 describe-security-groups`, `describe-network-interfaces` and
// `describe-network-acls` print (botocore ec2 service-2.json: SecurityGroup, IpPermission, NetworkInterface, NetworkAcl).
const VPC = 'vpc-0a1';
const CA = 'sg-0ca10000';
const DC = 'sg-0dc10000';
const spec = resolveSpec(estateProps({
  name: 'pki', platform: 'aws', aws: { vpcId: VPC },
  tiers: { clients: { cidrs: ['10.20.0.0/16'] }, ca: { cidrs: ['10.0.1.0/24'], createSecurityGroup: true }, dc: { cidrs: ['10.0.0.0/24'], securityGroupId: DC } },
}), 'test');

type Json = Record<string, unknown>;
const perm = (protocol: string, from: number | undefined, to: number | undefined, peers: { cidrs?: string[]; groups?: string[] }): Json => ({
  IpProtocol: protocol, ...(from === undefined ? {} : { FromPort: from, ToPort: to }),
  UserIdGroupPairs: (peers.groups ?? []).map((g) => ({ UserId: '111122223333', GroupId: g })),
  IpRanges: (peers.cidrs ?? []).map((c) => ({ CidrIp: c })), Ipv6Ranges: [], PrefixListIds: [],
});
const group = (id: string, name: string, ingress: Json[], egress: Json[]): Json => ({ GroupId: id, GroupName: name, VpcId: VPC, OwnerId: '111122223333', IpPermissions: ingress, IpPermissionsEgress: egress });
/** The CA's group: DCOM from the clients and the DCs, everything to the DCs; the DCs' group: everything from the CA and the clients. */
const faithful = (): Json[] => [
  group(CA, 'pki-ca', [perm('tcp', 135, 135, { cidrs: ['10.20.0.0/16'], groups: [DC] }), perm('tcp', 49152, 65535, { cidrs: ['10.20.0.0/16'], groups: [DC] })],
    [perm('tcp', 0, 65535, { groups: [DC] }), perm('udp', 0, 65535, { groups: [DC] })]),
  group(DC, 'sg-identity-dc', [perm('-1', undefined, undefined, { groups: [CA] }), perm('tcp', 0, 65535, { cidrs: ['10.20.0.0/16'] }), perm('udp', 0, 65535, { cidrs: ['10.20.0.0/16'] })],
    [perm('-1', undefined, undefined, { cidrs: ['0.0.0.0/0'] })]),
];
const eni = (id: string, ip: string, subnet: string, groups: string[]): Json => ({
  NetworkInterfaceId: id, SubnetId: subnet, VpcId: VPC, PrivateIpAddress: ip, PrivateIpAddresses: [{ Primary: true, PrivateIpAddress: ip }],
  Groups: groups.map((g) => ({ GroupId: g })),
});
const enis = (): Json[] => [eni('eni-ca', '10.0.1.10', 'subnet-ca', [CA]), eni('eni-dc1', '10.0.0.10', 'subnet-dc', [DC]), eni('eni-dc2', '10.0.0.11', 'subnet-dc', [DC])];
const entry = (n: number, egress: boolean, action: string, protocol: string, cidr: string, ports?: [number, number]): Json => ({
  RuleNumber: n, Egress: egress, RuleAction: action, Protocol: protocol, CidrBlock: cidr, ...(ports ? { PortRange: { From: ports[0], To: ports[1] } } : {}),
});
const star = [entry(32767, false, 'deny', '-1', '0.0.0.0/0'), entry(32767, true, 'deny', '-1', '0.0.0.0/0')];
const allowAll = [entry(100, false, 'allow', '-1', '0.0.0.0/0'), entry(100, true, 'allow', '-1', '0.0.0.0/0'), ...star];
const acl = (id: string, subnets: string[], entries: Json[]): Json => ({ NetworkAclId: id, VpcId: VPC, IsDefault: false, Entries: entries,
  Associations: subnets.map((s) => ({ NetworkAclId: id, SubnetId: s })) });

/** The exports as files the audit reads (each recognised by its shape). */
function liveExports(parts: { groups?: Json[]; enis?: Json[] | null; acls?: Json[]; next?: boolean }): LiveExport[] {
  const out: { file: string; value: Json }[] = [{ file: 'sgs.json', value: { SecurityGroups: parts.groups ?? faithful() } }];
  if (parts.enis !== null) out.push({ file: 'enis.json', value: { NetworkInterfaces: parts.enis ?? enis(), ...(parts.next ? { NextToken: 'eyJ' } : {}) } });
  if (parts.acls) out.push({ file: 'acls.json', value: { NetworkAcls: parts.acls } });
  return out.map((x) => ({ ...x, command: recogniseAws(x.value)! }));
}
function audit(parts: Parameters<typeof liveExports>[0]): { network: AwsNetwork; report: CheckReport } {
  const network = readAwsExports(liveExports(parts), spec);
  return { network, report: judge(new AwsEvaluator(network, spec), spec) };
}
const flow = (r: CheckReport, id: string, protocol = 'tcp'): CheckReport['flows'][number] => r.flows.find((f) => f.flow.id === id && f.flow.protocol === protocol)!;
const problems = (n: AwsNetwork, kind: string): string[] => n.problems.filter((p) => p.kind === kind).map((p) => `${p.element}: ${p.message}`);

describe('readAwsExports: the tiers\' interfaces and their groups', () => {
  it('judges every flow through the groups the interfaces carry, a referenced group being its interfaces\' addresses', () => {
    const { network, report } = audit({});
    assert.deepEqual(report.flows.filter((f) => f.status !== 'allowed').map((f) => f.flow.id), []);
    assert.deepEqual(network.live!.members.get(DC), [{ lo: 0x0a00000a, hi: 0x0a00000b }]);
    assert.deepEqual([...network.owned], [CA]);
    assert.deepEqual(network.groupOf, { ca: CA, dc: DC });
    assert.deepEqual(problems(network, 'not-judged'), ['network ACLs: network ACLs were not judged (no `aws ec2 describe-network-acls` export): a subnet\'s ACL may still drop a flow or its replies']);
  });

  it('a DC interface without the DCs\' group is not a member: the CA\'s rule by group no longer admits every DC', () => {
    const { report } = audit({ enis: [eni('eni-ca', '10.0.1.10', 'subnet-ca', [CA]), eni('eni-dc1', '10.0.0.10', 'subnet-dc', [DC]), eni('eni-dc2', '10.0.0.11', 'subnet-dc', ['sg-0ee00000'])],
      groups: [...faithful(), group('sg-0ee00000', 'other', [], [perm('-1', undefined, undefined, { cidrs: ['0.0.0.0/0'] })])] });
    const f = flow(report, 'dc-enroll-dcom');
    assert.equal(f.status, 'blocked');
    assert.deepEqual(f.missing.map(String), ['135', '49152-65535']);
    assert.deepEqual(f.points, ['pki-ca (sg-0ca10000) on eni-ca']);
  });

  it('a host\'s groups are a union: a second group on the CA\'s interface widens what the created group admits', () => {
    const legacy = group('sg-0be10000', 'legacy', [perm('tcp', 0, 65535, { cidrs: ['10.0.0.0/8'] })], []);
    const { report } = audit({ groups: [...faithful(), legacy], enis: [eni('eni-ca', '10.0.1.10', 'subnet-ca', [CA, 'sg-0be10000']), ...enis().slice(1)] });
    const extra = report.findings.filter((x) => x.ruleId === 'ADCS-C002' && x.message.includes('elsewhere -> ca'));
    assert.deepEqual(extra.map((x) => x.message), ['legacy (sg-0be10000) ingress tcp 0-65535 from 10.0.0.0/8 lets elsewhere -> ca TCP 0-65535 through at legacy (sg-0be10000) on eni-ca; no flow needs it']);
  });

  it('an existing group named by the spec that the tier\'s interfaces do not carry is a mismatch (C013)', () => {
    const other = 'sg-0dc20000';
    const { network, report } = audit({ enis: [enis()[0], eni('eni-dc1', '10.0.0.10', 'subnet-dc', [other]), eni('eni-dc2', '10.0.0.11', 'subnet-dc', [other])],
      groups: [...faithful(), group(other, 'sg-identity-dc-2026', [], [])] });
    assert.deepEqual(problems(network, 'mismatch'), ['tiers.dc.securityGroupId: sg-0dc10000 is on no interface in 10.0.0.0/24; eni-dc1, eni-dc2 carry only sg-identity-dc-2026 (sg-0dc20000)']);
    assert.equal(report.findings.filter((x) => x.ruleId === 'ADCS-C013').length, 1);
    assert.equal(report.ok, false);
  });

  it('a created group on none of the tier\'s interfaces is detached (C013), and the group they carry decides', () => {
    const dflt = group('sg-0def0000', 'default', [perm('-1', undefined, undefined, { groups: ['sg-0def0000'] })], [perm('-1', undefined, undefined, { cidrs: ['0.0.0.0/0'] })]);
    const { network, report } = audit({ groups: [...faithful(), dflt], enis: [eni('eni-ca', '10.0.1.10', 'subnet-ca', ['sg-0def0000']), ...enis().slice(1)] });
    assert.deepEqual(problems(network, 'mismatch'), ['tiers.ca.createSecurityGroup: pki-ca (sg-0ca10000) is attached to no interface in 10.0.1.0/24 (detached); eni-ca carries only default (sg-0def0000)']);
    assert.deepEqual(flow(report, 'enroll-dcom').points, ['default (sg-0def0000) on eni-ca']);
  });

  it('a created group absent from the exports is a missing enforcement point', () => {
    const { network } = audit({ groups: faithful().slice(1), enis: [eni('eni-ca', '10.0.1.10', 'subnet-ca', [DC]), ...enis().slice(1)] });
    assert.deepEqual(network.missing, [{ tier: 'ca', detail: 'no security group named "pki-ca" in the exports (eni-ca carries only sg-identity-dc (sg-0dc10000))' }]);
  });
});

describe('readAwsExports: what the exports do not show is unresolved', () => {
  it('without describe-network-interfaces, no claimed tier can be judged', () => {
    const { network } = audit({ enis: null });
    assert.deepEqual(problems(network, 'unresolved'), [
      'tiers.ca: tier ca (10.0.1.0/24): no `aws ec2 describe-network-interfaces` export, so which groups guard its addresses cannot be known',
      'tiers.dc: tier dc (10.0.0.0/24): no `aws ec2 describe-network-interfaces` export, so which groups guard its addresses cannot be known',
    ]);
  });

  it('a listing cut short (top-level NextToken) is named, and the tier it lacks is uncovered', () => {
    const { network } = audit({ enis: [enis()[0]], next: true });
    assert.deepEqual(problems(network, 'unresolved'), [
      'enis.json: enis.json is truncated (NextToken present): the aws ec2 describe-network-interfaces listing was cut short, so what it lacks cannot be judged (run it without --max-items)',
      'tiers.dc: tier dc (10.0.0.0/24): no exported interface covers its addresses, so no group can be judged for it',
    ]);
  });

  it('a group in a peered VPC that no exported interface carries is unresolved for the rule naming it', () => {
    const peered = { IpProtocol: 'tcp', FromPort: 135, ToPort: 135, IpRanges: [], Ipv6Ranges: [], PrefixListIds: [],
      UserIdGroupPairs: [{ UserId: '444455556666', GroupId: 'sg-0aa10000', VpcId: 'vpc-0ee1', VpcPeeringConnectionId: 'pcx-01', PeeringStatus: 'active' }] };
    const [ca, dc] = faithful();
    const { network } = audit({ groups: [{ ...ca, IpPermissions: [...(ca.IpPermissions as Json[]), peered] }, dc] });
    assert.deepEqual(problems(network, 'unresolved'), ['pki-ca (sg-0ca10000) ingress tcp 135 from sg-0aa10000: pki-ca (sg-0ca10000) admits tcp 135 from sg-0aa10000 in vpc-0ee1 (account 444455556666) (via pcx-01), whose interfaces are not in the exports: its members cannot be known']);
    assert.equal(network.rules.some((r) => r.groups.includes('sg-0aa10000')), false);
  });

  it('a group of the estate\'s VPC that no exported interface carries is unresolved, not read as empty (the export may be filtered)', () => {
    // GIVEN the CA's group admitting DCOM from a jump-host group of the same VPC, on no exported interface
    const jump = group('sg-0ab10000', 'jump-hosts', [], []);
    const [ca, dc] = faithful();
    const fromJump = perm('tcp', 3389, 3389, { groups: ['sg-0ab10000'] });
    const { network } = audit({ groups: [{ ...ca, IpPermissions: [...(ca.IpPermissions as Json[]), fromJump] }, dc, jump] });
    // THEN the rule naming it is unresolved, with why
    assert.deepEqual(problems(network, 'unresolved'), ['pki-ca (sg-0ca10000) ingress tcp 3389 from sg-0ab10000: pki-ca (sg-0ca10000) admits tcp 3389 from jump-hosts (sg-0ab10000), whose interfaces are not in the exports: its members cannot be known']);
  });

  it('a group on a tier\'s interface whose rules no export holds is unresolved', () => {
    const { network } = audit({ enis: [eni('eni-ca', '10.0.1.10', 'subnet-ca', [CA, 'sg-0ff00000']), ...enis().slice(1)] });
    assert.deepEqual(problems(network, 'unresolved'), ['sg-0ff00000: it guards eni-ca, but no export holds its rules (give `aws ec2 describe-security-groups`)']);
  });
});

describe('network ACLs: stateless, first match by rule number, request and replies', () => {
  it('an ACL without the outbound rule for replies to the clients\' ephemeral ports blocks the flow there', () => {
    const caAcl = acl('acl-ca', ['subnet-ca'], [entry(100, false, 'allow', '-1', '0.0.0.0/0'), entry(100, true, 'allow', '-1', '10.0.0.0/24'), ...star]);
    const { report } = audit({ acls: [caAcl, acl('acl-dc', ['subnet-dc'], allowAll)] });
    const f = flow(report, 'enroll-dcom');
    assert.equal(f.status, 'blocked');
    assert.deepEqual(f.missing.map(String), ['135', '49152-65535']);
    assert.deepEqual(f.points, ['network ACL acl-ca (outbound, return traffic tcp to 10.20.0.0/16 dport 49152-65535) rule 32767 (*) (deny) on subnet-ca']);
    assert.equal(flow(report, 'dc-enroll-dcom').status, 'allowed');
  });

  it('a lower-numbered deny shadows the allow after it: the CA\'s SMB to the DCs is dropped at the DCs\' subnet', () => {
    const dcAcl = acl('acl-dc', ['subnet-dc'], [entry(90, false, 'deny', '6', '0.0.0.0/0', [445, 445]), ...allowAll]);
    const { report } = audit({ acls: [acl('acl-ca', ['subnet-ca'], allowAll), dcAcl] });
    const f = flow(report, 'ca-dc-rpc');
    assert.deepEqual(f.missing.map(String), ['445']);
    assert.deepEqual(f.points, ['network ACL acl-dc (inbound) rule 90 (deny) on subnet-dc']);
  });

  it('traffic between two interfaces of one subnet does not cross its ACL', () => {
    const shared = acl('acl-pki', ['subnet-pki'], star);
    const { report } = audit({ enis: [eni('eni-ca', '10.0.1.10', 'subnet-pki', [CA]), eni('eni-dc1', '10.0.0.10', 'subnet-pki', [DC])], acls: [shared] });
    assert.deepEqual(report.flows.filter((f) => f.status === 'allowed').map((f) => `${f.flow.id} ${f.flow.protocol}`).sort(),
      ['ca-dc-rpc tcp', 'dc-enroll-dcom tcp', 'directory tcp', 'directory udp']);
    assert.equal(flow(report, 'enroll-dcom').status, 'blocked');
  });

  it('an ACL associated with no subnet of a tier is ignored; a tier subnet no ACL names is unresolved', () => {
    const { network, report } = audit({ acls: [acl('acl-ca', ['subnet-ca'], allowAll), acl('acl-unused', [], star)] });
    assert.deepEqual(problems(network, 'unresolved'), ['subnet-dc: no network ACL of the export is associated with subnet-dc (of eni-dc1); every subnet has one, so the export is incomplete']);
    assert.equal(flow(report, 'enroll-dcom').status, 'allowed');
  });
});

describe('explain: one packet through the groups and the ACLs', () => {
  it('names the ACL entry that decides first and every group rule that admits it', () => {
    const dcAcl = acl('acl-dc', ['subnet-dc'], [entry(90, false, 'deny', '6', '0.0.0.0/0', [445, 445]), ...allowAll]);
    const ev = new AwsEvaluator(readAwsExports(liveExports({ acls: [acl('acl-ca', ['subnet-ca'], allowAll), dcAcl] }), spec), spec);
    const v = ev.explain({ source: 0x0a00010a, destination: 0x0a00000a, protocol: Protocol.TCP, port: 445 });
    assert.equal(v.decision, 'deny');
    assert.deepEqual(v.outbound.points.map((p) => [p.point, p.decision, p.steps.map((s) => `${s.rule}: ${s.access}`)]), [
      ['security groups (egress) pki-ca (sg-0ca10000) on eni-ca', 'allow', ['pki-ca (sg-0ca10000) egress tcp 0-65535 to sg-0dc10000: Allow']],
      ['network ACL acl-ca (outbound) on subnet-ca', 'allow', ['rule 100 (allow): Allow']],
    ]);
    assert.deepEqual(v.inbound.points.map((p) => [p.point, p.decision, p.steps.map((s) => `${s.rule}: ${s.access}`)]), [
      ['network ACL acl-dc (inbound) on subnet-dc', 'deny', ['rule 90 (deny): Deny']],
      ['security groups (ingress) sg-identity-dc (sg-0dc10000) on eni-dc1', 'allow', ['sg-identity-dc (sg-0dc10000) ingress all traffic from sg-0ca10000: Allow']],
    ]);
  });
});

describe('aws.allowAllEgress', () => {
  it('covers the created group\'s allow-all egress (a note), not another team\'s group (still foreign)', () => {
    const asks = resolveSpec(estateProps({
      name: 'pki', platform: 'aws', aws: { vpcId: VPC, allowAllEgress: true },
      tiers: { clients: { cidrs: ['10.20.0.0/16'] }, ca: { cidrs: ['10.0.1.0/24'], createSecurityGroup: true }, dc: { cidrs: ['10.0.0.0/24'], securityGroupId: DC } },
    }), 'test');
    const [ca, dc] = faithful();
    const groups = [{ ...ca, IpPermissionsEgress: [perm('-1', undefined, undefined, { cidrs: ['0.0.0.0/0'] })] }, dc];
    const report = judge(new AwsEvaluator(readAwsExports(liveExports({ groups }), asks), asks), asks);
    const toElsewhere = (from: string): string[] => [...new Set(report.extras.filter((e) => e.from === from && e.to === 'elsewhere' && e.protocol === 'tcp').map((e) => `${e.kind} ${e.rules.join(', ')}`))];
    assert.deepEqual(toElsewhere('ca'), ['requested pki-ca (sg-0ca10000) egress all traffic to 0.0.0.0/0']);
    assert.deepEqual(toElsewhere('dc'), ['foreign sg-identity-dc (sg-0dc10000) egress all traffic to 0.0.0.0/0']);
    assert.equal(report.ok, true);
  });
});

describe('a tier the spec gives no group', () => {
  const withAdmins = resolveSpec(estateProps({
    name: 'pki', platform: 'aws', aws: { vpcId: VPC },
    tiers: { clients: { cidrs: ['10.20.0.0/16'] }, ca: { cidrs: ['10.0.1.0/24'], createSecurityGroup: true }, dc: { cidrs: ['10.0.0.0/24'], securityGroupId: DC },
      admins: { cidrs: ['10.0.9.0/28'] } },
    customFlows: [{ name: 'rdp', from: 'admins', to: 'ca', protocol: 'tcp', ports: ['3389'], purpose: 'RDP from the PAWs' }],
  }), 'test');
  const [ca, dc] = faithful();
  const caRdp = { ...ca, IpPermissions: [...(ca.IpPermissions as Json[]), perm('tcp', 3389, 3389, { cidrs: ['10.0.9.0/28'] })] };
  const run = (adminEgress: Json[]): CheckReport => {
    const groups = [caRdp, dc, group('sg-0aa00000', 'paw', [], adminEgress)];
    const network = readAwsExports(liveExports({ groups, enis: [...enis(), eni('eni-paw', '10.0.9.4', 'subnet-mgmt', ['sg-0aa00000'])] }), withAdmins);
    return judge(new AwsEvaluator(network, withAdmins), withAdmins);
  };

  it('its interfaces\' groups decide whether its flows leave', () => {
    const f = flow(run([perm('tcp', 443, 443, { cidrs: ['0.0.0.0/0'] })]), 'custom:rdp');
    assert.equal(f.status, 'blocked');
    assert.deepEqual(f.points, ['paw (sg-0aa00000) on eni-paw']);
  });

  it('what else they let out is not the estate\'s to judge', () => {
    const report = run([perm('-1', undefined, undefined, { cidrs: ['0.0.0.0/0'] })]);
    assert.equal(flow(report, 'custom:rdp').status, 'allowed');
    assert.deepEqual(report.extras.filter((e) => e.from === 'admins' && e.at === 'outbound'), []);
  });
});
