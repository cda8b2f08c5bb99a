import { defineRules, FindingLevel, rule } from '../../findings/rule';
import { show } from '../../errors';

/** The messages of AWS's settings, planner and construct checks. */
export const AwsMessages = defineRules({
  securityGroupNameWithoutCreate: rule('ADCS-E201', FindingLevel.ERROR, 'securityGroupName without createSecurityGroup',
    'securityGroupName names a created group.',
    () => '"securityGroupName" names a created group, but createSecurityGroup is not true'),
  ruleQuotaBounds: rule('ADCS-E202', FindingLevel.ERROR, 'Rule quota out of range',
    'AWS allows 1-1000 rules per security group and direction.',
    (value: number) => `${value} is not a rule quota; AWS allows 1-1000 rules per security group and direction`),
  securityGroupIdMalformed: rule('ADCS-E203', FindingLevel.ERROR, 'Not a security group id',
    'Ids look like sg-0123456789abcdef0, or a Terraform reference.',
    (value: string) =>
    `${show(value)} is not a security group id; ids look like sg-0123456789abcdef0 (or a Terraform reference such as \${aws_security_group.web.id}, or the group's id token)`),
  awsRuleQuotaExceeded: rule('ADCS-E205', FindingLevel.ERROR, 'Security group over its rule quota',
    'Reference security groups instead of CIDRs, list fewer CIDRs, or raise aws.ruleQuota with the AWS quota.',
    (group: string, direction: string, count: number, quota: number, detail: string) =>
    `security group ${group} would hold ${count} ${direction} rules (${detail}); the quota is ${quota} per group and direction. Ways out: reference a security group instead of CIDRs (createSecurityGroup or securityGroupId on the peer tier: a referenced group counts as one rule), list the peer tier's addresses as fewer, larger CIDRs, or raise aws.ruleQuota after raising the AWS quota "Inbound or outbound rules per security group" (up to 1000, with rules per group × groups per network interface ≤ 1000)`),
  awsGroupNameInvalid: rule('ADCS-E206', FindingLevel.ERROR, 'Not a security group name',
    'AWS accepts up to 255 of a-z A-Z 0-9 space . _ - : / ( ) # , @ [ ] + = & ; { } ! $ *, not starting with "sg-".',
    (name: string, rule: string) =>
    `${show(name)} is not a security group name: ${rule}; AWS accepts up to 255 of a-z A-Z 0-9 space . _ - : / ( ) # , @ [ ] + = & ; { } ! $ *, not starting with "sg-"`),
  awsGroupNameDuplicate: rule('ADCS-E207', FindingLevel.ERROR, 'Two created groups of one name',
    'Names are unique in a VPC; give one another securityGroupName.',
    (name: string, a: string, b: string) =>
    `tiers "${a}" and "${b}" would both create security group ${show(name)}; names are unique in a VPC: give one a different securityGroupName, or put co-located tiers on one existing group (the same securityGroupId)`),
  awsExistingGroupEgress: rule('ADCS-W201', FindingLevel.WARNING, 'Egress rules on an existing group restrict nothing',
    'While a group keeps an allow-all egress rule (AWS\'s default outside Terraform), the egress rules added restrict nothing: remove that rule to enforce the egress side.',
    (groups: readonly { id: string; tiers: readonly string[] }[]) => (groups.length === 1
      ? `the library adds egress rules to existing security group ${groups[0].id} (tiers ${groups[0].tiers.join(', ')}), but they restrict nothing while the group keeps an allow-all egress rule (AWS's default for groups created outside Terraform): remove that rule to enforce the egress side`
      : `the library adds egress rules to ${groups.length} existing security groups (${groups.map((g) => `${g.id}: tiers ${g.tiers.join(', ')}`).join('; ')}), but they restrict nothing while a group keeps an allow-all egress rule (AWS's default for groups created outside Terraform): remove that rule from each group to enforce the egress side`)),
  awsSharedGroupDuplicate: rule('ADCS-E208', FindingLevel.ERROR, 'Two estates write one rule',
    'AWS refuses duplicate rules; let one estate own the flow.',
    (id: string, rule: string, first: string, second: string) =>
    `${first} and ${second} both write the rule ${rule} on existing security group ${id}; AWS refuses duplicate rules: let one estate own the flow (remove the tier from one of them) or give them distinct groups`),
  awsSharedGroupMixedHosts: rule('ADCS-E209', FindingLevel.ERROR, 'Tiers share a group but not their hosts',
    'A rule cannot tell a group\'s hosts apart: give each tier its own group, or list the same CIDRs.',
    (id: string, a: string, b: string) =>
    `tiers "${a}" and "${b}" share security group ${id} but not their CIDRs; a security group rule cannot tell the group's hosts apart, so each tier would receive the other's flows: give each tier its own group (createSecurityGroup or another securityGroupId), or list the same CIDRs when they are the same hosts`),
  awsSharedGroupQuota: rule('ADCS-E210', FindingLevel.ERROR, 'Shared group over its quota',
    'Estates writing one existing group together exceed its quota.',
    (id: string, direction: string, count: number, quota: number, owners: readonly string[]) =>
    `existing security group ${id} would hold ${count} ${direction} rules from ${owners.join(' and ')}; the quota is ${quota} per group and direction: reference security groups instead of CIDRs, list fewer, larger CIDRs, or raise aws.ruleQuota with the AWS quota`),
  vpcIdMalformed: rule('ADCS-E204', FindingLevel.ERROR, 'Not a VPC id',
    'Ids look like vpc-0a1b2c3d4e5f67890, or a Terraform reference.',
    (value: string) =>
    `${show(value)} is not a VPC id; ids look like vpc-0a1b2c3d4e5f67890 (or a Terraform reference such as \${aws_vpc.main.id}, or the vpc's id token)`),
  awsOverlappingTiers: rule('ADCS-W202', FindingLevel.WARNING, 'Tiers share addresses but not a group',
    'A host in both gets only the groups attached to it; attach both tiers\' groups, or list CIDRs that do not overlap.',
    (a: string, b: string, grouped: string) =>
    `tiers "${a}" and "${b}" share addresses but not a security group; a host in both gets only the groups attached to it (tier "${grouped}"'s, say), so the other tier's flows from or to that host are not allowed there (a created group has no egress but its own flows): attach both tiers' groups to those hosts, or list CIDRs that do not overlap`),
  awsSharedGroupProviders: rule('ADCS-E216', FindingLevel.ERROR, 'One security group under two provider configurations',
    'Tiers sharing an existing security group share its account and region: give them the same provider.',
    (id: string, a: string, b: string) =>
    `tiers "${a}" and "${b}" share security group ${id} but name different provider configurations; a group lives in one account and region: give both tiers the same "provider"`),
  roleArnMalformed: rule('ADCS-E217', FindingLevel.ERROR, 'Not an IAM role ARN',
    'A role to assume is arn:aws:iam::<account>:role/<name>, or a Terraform expression.',
    (value: string) =>
    `${show(value)} is not an IAM role ARN; roles look like arn:aws:iam::123456789012:role/pki-deploy (or a Terraform expression such as \${var.role_arn})`),
});
