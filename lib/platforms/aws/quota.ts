import { InputProblem, problem } from '../../errors';
import { AwsMessages } from './messages';
import { AwsGroup, groupLabel } from './groups';
import type { PlannedAwsRule, RuleDirection } from './planner';

/** Rules of one group and direction, as AWS counts them against "rules per security group". */
export interface RuleCount {
  /** Group key. */
  readonly groupKey: string;
  /** Ingress or egress. */
  readonly direction: RuleDirection;
  /** Rules the library writes there (a referenced group counts one, a CIDR one). */
  readonly count: number;
}

/**
 * Counts the library's rules per group and direction, sorted by group then direction. Every
 * rule has exactly one peer (one group or one CIDR), so each counts one. Rules the group holds
 * already (existing groups) are unknown and not counted.
 */
export function ruleCounts(groups: readonly AwsGroup[], rules: readonly PlannedAwsRule[]): RuleCount[] {
  const out: RuleCount[] = [];
  for (const g of groups) {
    for (const direction of ['ingress', 'egress'] as const) {
      const count = rules.filter((r) => r.groupKey === g.key && r.direction === direction).length;
      if (count > 0) out.push({ groupKey: g.key, direction, count });
    }
  }
  return out;
}

/**
 * One problem per group and direction over `quota`, naming the group, the count, where the
 * rules come from (peers with the most rules first) and the ways out.
 */
export function quotaProblems(groups: readonly AwsGroup[], rules: readonly PlannedAwsRule[], counts: readonly RuleCount[], quota: number): InputProblem[] {
  const out: InputProblem[] = [];
  for (const c of counts) {
    if (c.count <= quota) continue;
    const g = groups.find((x) => x.key === c.groupKey)!;
    const mine = rules.filter((r) => r.groupKey === c.groupKey && r.direction === c.direction);
    const path = `tiers.${g.tiers[0]}.${g.kind === 'created' ? 'createSecurityGroup' : 'securityGroupId'}`;
    out.push(problem(path, AwsMessages.awsRuleQuotaExceeded(groupLabel(g), c.direction === 'ingress' ? 'inbound' : 'outbound',
      c.count, quota, breakdown(groups, mine))));
  }
  return out;
}

/** `CIDRs of clients (12 CIDRs): 24 rules, group adcs-ca: 2 rules`: where a group's rules come from, most first. */
function breakdown(groups: readonly AwsGroup[], rules: readonly PlannedAwsRule[]): string {
  const tally = new Map<string, { rules: number; cidrs: Set<string> }>();
  for (const r of rules) {
    let label: string;
    if (r.peer.kind === 'cidr') label = r.peerTiers.length > 0 ? `CIDRs of ${r.peerTiers.join(', ')}` : `CIDR ${r.peer.cidr}`;
    else {
      const key = r.peer.groupKey;
      const g = groups.find((x) => x.key === key);
      label = `group ${g?.kind === 'created' ? g.name : g?.kind === 'existing' ? g.securityGroupId : key}`;
    }
    const t = tally.get(label) ?? { rules: 0, cidrs: new Set<string>() };
    t.rules++;
    if (r.peer.kind === 'cidr') t.cidrs.add(r.peer.cidr);
    tally.set(label, t);
  }
  return [...tally.entries()]
    .sort((a, b) => b[1].rules - a[1].rules || (a[0] < b[0] ? -1 : 1))
    .map(([l, t]) => `${l}${t.cidrs.size > 0 ? ` (${t.cidrs.size} CIDR${t.cidrs.size === 1 ? '' : 's'})` : ''}: ${t.rules} rule${t.rules === 1 ? '' : 's'}`)
    .join(', ');
}
