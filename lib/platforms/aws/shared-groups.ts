import { withRuleId } from '../../findings/text';
import { AwsMessages } from './messages';
import { AwsPlan } from './planner';

/** One estate's plan in a stack, for the whole-stack check. */
export interface PlanOwner {
  /** Construct path of the AwsSecurityGroupRules. */
  readonly path: string;
  /** Its plan. */
  readonly plan: AwsPlan;
  /** Its `aws.ruleQuota`. */
  readonly quota: number;
}

/**
 * Problems between estates of one stack that write to the same existing security group: the
 * same rule written twice (same direction, protocol, ports and CIDR or existing-group peer:
 * AWS refuses duplicates at apply), and their rules together over the smaller of their quotas.
 * Rules referencing a group one estate creates can never collide. Empty when all is well.
 */
export function sharedGroupClashes(owners: readonly PlanOwner[]): string[] {
  const errors: string[] = [];
  const seen = new Map<string, string>();
  const counts = new Map<string, { id: string; direction: string; count: number; quota: number; owners: Set<string> }>();
  for (const owner of owners) {
    const byKey = new Map(owner.plan.groups.map((g) => [g.key, g]));
    for (const r of owner.plan.rules) {
      const g = byKey.get(r.groupKey);
      if (g?.kind !== 'existing') continue;
      const peerGroup = r.peer.kind === 'group' ? byKey.get(r.peer.groupKey) : undefined;
      const peer = r.peer.kind === 'cidr' ? r.peer.cidr : peerGroup?.kind === 'existing' ? peerGroup.securityGroupId : undefined;
      if (peer !== undefined) {
        const rule = `${r.direction} ${r.protocol.toUpperCase()} ${r.fromPort === r.toPort ? r.fromPort : `${r.fromPort}-${r.toPort}`} ${r.direction === 'ingress' ? 'from' : 'to'} ${peer}`;
        const key = `${g.securityGroupId}\n${rule}`;
        const first = seen.get(key);
        if (first === undefined) seen.set(key, owner.path);
        else if (first !== owner.path) errors.push(withRuleId(AwsMessages.awsSharedGroupDuplicate(g.securityGroupId, rule, first, owner.path)));
      }
      const k = `${g.securityGroupId}\n${r.direction}`;
      const c = counts.get(k) ?? { id: g.securityGroupId, direction: r.direction, count: 0, quota: owner.quota, owners: new Set<string>() };
      c.count++;
      c.quota = Math.min(c.quota, owner.quota);
      c.owners.add(owner.path);
      counts.set(k, c);
    }
  }
  for (const c of counts.values()) {
    if (c.owners.size > 1 && c.count > c.quota) {
      errors.push(withRuleId(AwsMessages.awsSharedGroupQuota(c.id, c.direction === 'ingress' ? 'inbound' : 'outbound', c.count, c.quota, [...c.owners])));
    }
  }
  return errors;
}
