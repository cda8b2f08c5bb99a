import { show } from '../../errors';

/** The messages of AWS's settings, planner and construct checks. */
export const AwsMessages = {
  securityGroupNameWithoutCreate: () => '"securityGroupName" names a created group, but createSecurityGroup is not true',
  ruleQuotaBounds: (value: number) => `${value} is not a rule quota; AWS allows 1-1000 rules per security group and direction`,
  securityGroupIdMalformed: (value: string) =>
    `${show(value)} is not a security group id; ids look like sg-0123456789abcdef0 (or a Terraform reference such as \${aws_security_group.web.id}, or the group's id token)`,
  awsRuleQuotaExceeded: (group: string, direction: string, count: number, quota: number, detail: string) =>
    `security group ${group} would hold ${count} ${direction} rules (${detail}); the quota is ${quota} per group and direction. Ways out: reference a security group instead of CIDRs (createSecurityGroup or securityGroupId on the peer tier: a referenced group counts as one rule), list the peer tier's addresses as fewer, larger CIDRs, or raise aws.ruleQuota after raising the AWS quota "Inbound or outbound rules per security group" (up to 1000, with rules per group × groups per network interface ≤ 1000)`,
  awsGroupNameInvalid: (name: string, rule: string) =>
    `${show(name)} is not a security group name: ${rule}; AWS accepts up to 255 of a-z A-Z 0-9 space . _ - : / ( ) # , @ [ ] + = & ; { } ! $ *, not starting with "sg-"`,
  awsGroupNameDuplicate: (name: string, a: string, b: string) =>
    `tiers "${a}" and "${b}" would both create security group ${show(name)}; names are unique in a VPC: give one a different securityGroupName, or put co-located tiers on one existing group (the same securityGroupId)`,
  awsExistingGroupEgress: (id: string, tiers: readonly string[]) =>
    `the library adds egress rules to existing security group ${id} (tiers ${tiers.join(', ')}), but they restrict nothing while the group keeps an allow-all egress rule (AWS's default for groups created outside Terraform): remove that rule to enforce the egress side`,
  awsSharedGroupDuplicate: (id: string, rule: string, first: string, second: string) =>
    `${first} and ${second} both write the rule ${rule} on existing security group ${id}; AWS refuses duplicate rules: let one estate own the flow (remove the tier from one of them) or give them distinct groups`,
  awsSharedGroupMixedHosts: (id: string, a: string, b: string) =>
    `tiers "${a}" and "${b}" share security group ${id} but not their CIDRs; a security group rule cannot tell the group's hosts apart, so each tier would receive the other's flows: give each tier its own group (createSecurityGroup or another securityGroupId), or list the same CIDRs when they are the same hosts`,
  awsSharedGroupQuota: (id: string, direction: string, count: number, quota: number, owners: readonly string[]) =>
    `existing security group ${id} would hold ${count} ${direction} rules from ${owners.join(' and ')}; the quota is ${quota} per group and direction: reference security groups instead of CIDRs, list fewer, larger CIDRs, or raise aws.ruleQuota with the AWS quota`,
  vpcIdMalformed: (value: string) =>
    `${show(value)} is not a VPC id; ids look like vpc-0a1b2c3d4e5f67890 (or a Terraform reference such as \${aws_vpc.main.id}, or the vpc's id token)`,
  awsExistingGroupsEgress: (groups: readonly { id: string; tiers: string }[]) =>
    `the library adds egress rules to ${groups.length} existing security groups (${groups.map((g) => `${g.id}: tiers ${g.tiers}`).join('; ')}), but they restrict nothing while a group keeps an allow-all egress rule (AWS's default for groups created outside Terraform): remove that rule from each group to enforce the egress side`,
  awsOverlappingTiers: (a: string, b: string, grouped: string) =>
    `tiers "${a}" and "${b}" share addresses but not a security group; a host in both gets only the groups attached to it (tier "${grouped}"'s, say), so the other tier's flows from or to that host are not allowed there (a created group has no egress but its own flows): attach both tiers' groups to those hosts, or list CIDRs that do not overlap`,
};
