import { Messages, problem } from '../../errors';
import type { EstateProps } from '../../input/props';
import { DEFAULT_AWS_RULE_QUOTA, MAX_AWS_RULE_QUOTA, ResolvedAws } from '../../input/resolved';
import type { PlatformSettings, SettingsContext } from '../platform';

/** The tier keys that make a tier's AWS enforcement point. */
export const AWS_TIER_KEYS = ['createSecurityGroup', 'securityGroupName', 'securityGroupId'] as const;

/** An existing security group: an `sg-…` id, or a whole Terraform reference such as `${aws_security_group.web.id}`. */
export function isSecurityGroupId(value: string): boolean {
  return /^sg-[0-9a-f]{8,17}$/.test(value) || /^\$\{[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+){2,}\}$/.test(value);
}

/** Validates the `aws` block and fills in its defaults. */
export function resolveAws(p: EstateProps, ctx: SettingsContext): ResolvedAws {
  const a = p.aws!;
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
