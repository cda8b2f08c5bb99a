import { Messages, problem } from '../../errors';
import type { EstateProps } from '../../input/props';
import { DEFAULT_AWS_RULE_QUOTA, MAX_AWS_RULE_QUOTA, ResolvedAws } from '../../input/resolved';
import { isTerraformExpression } from '../../terraform/expression';
import type { PlatformSettings, SettingsContext } from '../platform';

/** The tier keys that make a tier's AWS enforcement point. */
export const AWS_TIER_KEYS = ['createSecurityGroup', 'securityGroupName', 'securityGroupId'] as const;

/** AWS security group ids. */
const AWS_SECURITY_GROUP_ID = /^sg-[0-9a-f]{8,17}$/;
/** AWS VPC ids. */
const AWS_VPC_ID = /^vpc-[0-9a-f]{1,17}$/;

/** An existing security group: an `sg-…` id, or a Terraform expression such as `${aws_security_group.web.id}` (a token resolved). */
export function isSecurityGroupId(value: string): boolean {
  return isTerraformExpression(value) || AWS_SECURITY_GROUP_ID.test(value);
}

/** Validates the `aws` block and fills in its defaults. */
export function resolveAws(p: EstateProps, ctx: SettingsContext): ResolvedAws {
  const a = p.aws!;
  if (!isTerraformExpression(a.vpcId) && !AWS_VPC_ID.test(a.vpcId)) ctx.problems.push(problem('aws.vpcId', Messages.vpcIdMalformed(a.vpcId)));
  if (a.ruleQuota !== undefined && (a.ruleQuota < 1 || a.ruleQuota > MAX_AWS_RULE_QUOTA)) {
    ctx.problems.push(problem('aws.ruleQuota', Messages.ruleQuotaBounds(a.ruleQuota)));
  }
  return { vpcId: a.vpcId, region: a.region, ruleQuota: a.ruleQuota ?? DEFAULT_AWS_RULE_QUOTA, allowAllEgress: a.allowAllEgress ?? false, tags: a.tags ?? {} };
}

/** AWS's spec keys: the tiers' enforcement keys and the `aws` block. */
export const AWS_SETTINGS: PlatformSettings = {
  owner: 'AWS',
  tierKeys: AWS_TIER_KEYS,
  checkTiers: () => undefined,
  resolve: (p, ctx) => ({ aws: resolveAws(p, ctx) }),
};
