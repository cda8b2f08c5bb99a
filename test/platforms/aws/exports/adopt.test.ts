import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { adoptionFiles } from '../../../../lib/audit/adopt';
import { EstateProps } from '../../../../lib/input/props';
import type { LiveExport } from '../../../../lib/platforms/live';
import { PLATFORMS } from '../../../../lib/platforms/registry';
import { resolveSpec } from '../../../../lib/spec';
import { planEstate } from '../../../../lib/spec/estate-plan';

// `audit --adopt` on AWS, against exports written by hand in the shape `aws ec2
// describe-security-groups` and `describe-security-group-rules --output json` print (botocore's
// ec2 service model: SecurityGroups[].GroupId, GroupName, Description, VpcId, Tags, IpPermissions,
// IpPermissionsEgress with IpRanges/UserIdGroupPairs; SecurityGroupRules[].SecurityGroupRuleId,
// GroupId, IsEgress, IpProtocol, FromPort, ToPort, CidrIpv4, ReferencedGroupInfo.GroupId,
// Description, Tags). What is imported follows the aws provider (docs/semantics.md, "Adoption"):
// aws_vpc_security_group_ingress_rule / egress_rule are imported by `security_group_rule_id`
// ("sgr-02108b27edd666983", website/docs/r/vpc_security_group_ingress_rule.html.markdown); only
// security_group_id and the kind of peer force a new rule, description and tags are updated in
// place (ModifySecurityGroupRules; internal/service/ec2/vpc_security_group_ingress_rule.go);
// aws_security_group is imported by its id, and name, description and vpc_id force a new group
// (internal/service/ec2/vpc_security_group.go). AWS refuses a rule that exists already
// (InvalidPermission.Duplicate), so an equal rule whose sgr- id is not known is a collision.
// The estate's rules and their Terraform addresses come from `adcs-firewall synth`, used as a black box.

const VPC = 'vpc-0a1b2c3d4e5f60718';
const SG_CA = 'sg-0ca1b2c3d4e5f6071';
const SG_DC = 'sg-0d1c2b3a4f5e60789';
const props = {
  name: 'pki', platform: 'aws',
  aws: { vpcId: VPC, region: 'eu-west-1' },
  tiers: { clients: { cidrs: ['10.20.0.0/16'] }, ca: { cidrs: ['10.0.1.0/24'], createSecurityGroup: true }, dc: { cidrs: ['10.0.0.0/24'], securityGroupId: SG_DC } },
} as unknown as EstateProps;
const spec = resolveSpec(props, 'test');
const planned = planEstate(spec, 'test', 'audit', true);

type Body = Record<string, unknown>;
const CA_DESCRIPTION = 'adcs-firewall pki: AD CS tier ca, enterprise issuing certification authorities';
const CA_TAGS = [{ Key: 'Name', Value: 'pki-ca' }, { Key: 'adcs-firewall:estate', Value: 'pki' }, { Key: 'adcs-firewall:tier', Value: 'ca' }];

/** A live rule: [sgr id, group, egress, protocol, from, to, peer (CIDR or sg-), description]. */
type Rule = [string, string, boolean, string, number, number, string, string?];
const RULES: Rule[] = [
  // The ca group's rules as planned (one with another description), another team's SSH rule, and AWS's default egress.
  ['sgr-0a00000000000001a', SG_CA, false, 'tcp', 135, 135, '10.20.0.0/16', 'enrollment, hand-made'],
  ['sgr-0a00000000000002a', SG_CA, false, 'tcp', 49152, 65535, '10.20.0.0/16', 'adcs-firewall pki: enroll-dcom (clients to ca)'],
  ['sgr-0a00000000000003a', SG_CA, true, 'tcp', 389, 389, SG_DC, 'adcs-firewall pki: directory (ca to dc)'],
  ['sgr-0a00000000000004a', SG_CA, false, 'tcp', 22, 22, '10.0.250.0/26', 'bastion'],
  ['sgr-0a00000000000005a', SG_CA, true, '-1', -1, -1, '0.0.0.0/0'],
  // The dc group (existing): one planned rule, one of the identity team's.
  ['sgr-0d00000000000001d', SG_DC, false, 'tcp', 389, 389, '10.20.0.0/16', 'adcs-firewall pki: client-directory (clients to dc)'],
  ['sgr-0d00000000000002d', SG_DC, false, 'tcp', 389, 389, '10.30.0.0/16', 'apps'],
];

/** The rules of a group as IpPermissions (one permission per rule: AWS groups them, the reading does not depend on it). */
const permissions = (group: string, egress: boolean): Body[] => RULES.filter((r) => r[1] === group && r[2] === egress).map(([, , , proto, from, to, peer, description]) => ({
  IpProtocol: proto, ...(proto === '-1' ? {} : { FromPort: from, ToPort: to }),
  UserIdGroupPairs: peer.startsWith('sg-') ? [{ ...(description ? { Description: description } : {}), UserId: '111122223333', GroupId: peer }] : [],
  IpRanges: peer.startsWith('sg-') ? [] : [{ CidrIp: peer, ...(description ? { Description: description } : {}) }], Ipv6Ranges: [], PrefixListIds: [],
}));
const group = (id: string, name: string, description: string, tags: Body[]): Body => ({
  Description: description, GroupName: name, IpPermissions: permissions(id, false), OwnerId: '111122223333', GroupId: id,
  IpPermissionsEgress: permissions(id, true), Tags: tags, VpcId: VPC,
});
const describeGroups = (caDescription = CA_DESCRIPTION): Body => ({ SecurityGroups: [
  group(SG_CA, 'pki-ca', caDescription, CA_TAGS),
  group(SG_DC, 'sg-identity-dc', 'domain controllers', []),
  group('sg-0f00d1e2c3b4a5968', 'default', 'default VPC security group', []),
] });
const describeRules = (): Body => ({ SecurityGroupRules: RULES.map(([id, g, egress, proto, from, to, peer, description]) => ({
  SecurityGroupRuleId: id, GroupId: g, GroupOwnerId: '111122223333', IsEgress: egress, IpProtocol: proto, FromPort: from, ToPort: to,
  ...(peer.startsWith('sg-') ? { ReferencedGroupInfo: { GroupId: peer, UserId: '111122223333' } } : { CidrIpv4: peer }),
  ...(description ? { Description: description } : {}), Tags: [], SecurityGroupRuleArn: `arn:aws:ec2:eu-west-1:111122223333:security-group-rule/${id}`,
})) });
const exportOf = (file: string, value: unknown): LiveExport => ({ file, value, command: PLATFORMS.aws.live.recognise(value)! });

const ADDR = {
  group: 'aws_security_group.adcs_aws_ca-security-group_FF96D3C7',
  in135: 'aws_vpc_security_group_ingress_rule.adcs_aws_ca-in-cidr-10-20-0-0_16-tcp-135_93DADB94',
  inDyn: 'aws_vpc_security_group_ingress_rule.adcs_aws_ca-in-cidr-10-20-0-0_16-tcp-49152-65535_F8C71B8E',
  out389: 'aws_vpc_security_group_egress_rule.adcs_aws_ca-out-sg-0d1c2b3a4f5e60789-tcp-389_09FDCE28',
  dcIn389: 'aws_vpc_security_group_ingress_rule.adcs_aws_sg-0d1c2b3a4f5e60789-in-cidr-10-20-0-0_16-tcp-389_ED4C3AB6',
  dcInCa135: 'aws_vpc_security_group_ingress_rule.adcs_aws_sg-0d1c2b3a4f5e60789-in-ca-tcp-135_734D260C',
};
const adopt = (exports: LiveExport[]): ReturnType<typeof adoptionFiles> => adoptionFiles(planned.platform, planned.plan, spec, exports, ['adcs']);
const count = (files: ReturnType<typeof adoptionFiles>): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const i of files.items) out[i.action] = (out[i.action] ?? 0) + 1;
  return out;
};
const item = (files: ReturnType<typeof adoptionFiles>, address: string): (ReturnType<typeof adoptionFiles>['items'])[number] => files.items.find((i) => i.address === address)!;

describe('audit --adopt (AWS)', () => {
  it('imports the created group by sg- id and the rules as planned by sgr- id; the rest is created or left', () => {
    // GIVEN both exports  WHEN compared with the plan (1 group and 42 rules, per synth)
    assert.equal(planned.elements.filter((e) => e.kind === 'resource').length, 43);
    const files = adopt([exportOf('groups.json', describeGroups()), exportOf('rules.json', describeRules())]);
    // THEN the group and four rules are imported, 38 rules created; the existing group, the SSH
    //   rule, the default egress and the identity team's rule are left
    assert.deepEqual(count(files), { import: 5, create: 38, leave: 4 });
    assert.deepEqual(JSON.parse(files.imports), { import: [
      { to: ADDR.group, id: SG_CA },
      { to: ADDR.out389, id: 'sgr-0a00000000000003a' },
      { to: ADDR.in135, id: 'sgr-0a00000000000001a' },
      { to: ADDR.inDyn, id: 'sgr-0a00000000000002a' },
      { to: ADDR.dcIn389, id: 'sgr-0d00000000000001d' },
    ] });
    assert.equal(item(files, ADDR.in135).detail, 'exists as planned; updated in place: description');
    assert.equal(item(files, ADDR.inDyn).detail, 'exists as planned');
    // AND the existing group is never imported, only named as left alone
    assert.deepEqual(files.items.filter((i) => i.action === 'leave').map((i) => [i.label, i.id]), [
      [SG_DC, SG_DC],
      [`${SG_CA} ingress tcp 22 10.0.250.0/26 (sgr-0a00000000000004a)`, 'sgr-0a00000000000004a'],
      [`${SG_CA} egress all all 0.0.0.0/0 (sgr-0a00000000000005a)`, 'sgr-0a00000000000005a'],
      [`${SG_DC} ingress tcp 389 10.30.0.0/16 (sgr-0d00000000000002d)`, 'sgr-0d00000000000002d'],
    ]);
    assert.match(files.items.find((i) => i.id === 'sgr-0a00000000000005a')!.detail, /AWS's default egress rule/);
    assert.deepEqual(files.items.filter((i) => i.action === 'create').map((i) => i.address).includes(ADDR.dcInCa135), true);
  });

  it('without describe-security-group-rules, an equal rule is a collision (its sgr- id is unknown), and the report says so', () => {
    // GIVEN only describe-security-groups
    const files = adopt([exportOf('groups.json', describeGroups())]);
    // THEN only the group is imported; the four equal rules collide, with no id guessed
    assert.deepEqual(JSON.parse(files.imports), { import: [{ to: ADDR.group, id: SG_CA }] });
    assert.deepEqual(count(files), { import: 1, collide: 4, create: 38, leave: 4 });
    assert.equal(item(files, ADDR.in135).id, undefined);
    assert.match(item(files, ADDR.in135).detail, /its sgr- id is only in aws ec2 describe-security-group-rules/);
    assert.ok(files.report.includes('No aws ec2 describe-security-group-rules export'), files.report);
  });

  it('a created group whose description differs is replaced, not imported, and nothing of it is imported', () => {
    // GIVEN the ca group with another description (description forces a new group)
    const files = adopt([exportOf('groups.json', describeGroups('PKI CA')), exportOf('rules.json', describeRules())]);
    // THEN the group is a replacement; its rules and the dc rules naming it are created; only the dc rule from the clients is imported
    assert.equal(item(files, ADDR.group).action, 'replace');
    assert.equal(item(files, ADDR.group).detail, 'its description is "PKI CA", planned "adcs-firewall pki: AD CS tier ca, enterprise issuing certification authorities" (description forces a new group)');
    assert.equal(item(files, ADDR.in135).action, 'create');
    assert.equal(item(files, ADDR.dcInCa135).action, 'create');
    assert.deepEqual(JSON.parse(files.imports), { import: [{ to: ADDR.dcIn389, id: 'sgr-0d00000000000001d' }] });
  });

  it('without describe-security-groups, a created group cannot be found, and the report says so', () => {
    // GIVEN only describe-security-group-rules
    const files = adopt([exportOf('rules.json', describeRules())]);
    // THEN the created group is reported as created; the existing group's rules are still compared by sgr- id
    assert.equal(item(files, ADDR.group).action, 'create');
    assert.deepEqual(JSON.parse(files.imports), { import: [{ to: ADDR.dcIn389, id: 'sgr-0d00000000000001d' }] });
    assert.ok(files.report.includes('No aws ec2 describe-security-groups export'), files.report);
  });
});
