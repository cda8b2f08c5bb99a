import type { TierKey } from '../../model/tiers';
import type { AwsPlan } from './planner';

/** What AwsSecurityGroupRules exposes of the resources it made. */
export interface AwsConstructAttributes<R> {
  /** The groups the library created, by tier. */
  readonly securityGroups: Partial<Record<TierKey, R>>;
  /** The security group id of every tier that has a group: a token for created ones, the given id (or token) for existing ones. */
  readonly securityGroupIds: Partial<Record<TierKey, string>>;
  /** The rules, by construct id. */
  readonly rules: Record<string, R>;
}

/**
 * The construct's groups, group ids and rules, from the resources it made (by element path);
 * `restore` turns an existing group's id back into the token the user gave.
 */
export function awsConstructAttributes<R extends { getStringAttribute(attribute: string): string }>(
  plan: AwsPlan, made: ReadonlyMap<string, R>, restore: (value: string) => string,
): AwsConstructAttributes<R> {
  const securityGroups: Partial<Record<TierKey, R>> = {};
  const groupIds = new Map<string, string>();
  for (const g of plan.groups) {
    if (g.kind === 'created') {
      securityGroups[g.tiers[0]] = made.get(g.id)!;
      groupIds.set(g.key, made.get(g.id)!.getStringAttribute('id'));
    } else {
      groupIds.set(g.key, restore(g.securityGroupId));
    }
  }
  const rules: Record<string, R> = {};
  for (const r of plan.rules) rules[r.id] = made.get(r.id)!;
  const securityGroupIds = Object.fromEntries(Object.entries(plan.byTier).map(([tier, g]) => [tier, groupIds.get(g!.key)!])) as Partial<Record<TierKey, string>>;
  return { securityGroups, securityGroupIds, rules };
}
