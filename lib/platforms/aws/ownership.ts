import { cidrSpan } from '../../model/cidr';
import { flowsOf } from '../../model/flows';
import { TierKey } from '../../model/tiers';
import type { ResolvedInput } from '../../input/resolved';
import { Interval, unionOf } from '../../util/intervals';
import { planAwsRules, PlannedAwsRule } from './planner';
import { GroupRef, TfRule } from './reader';

/**
 * Which rules of the input are the library's: the rules the planner writes for this estate,
 * recognised by Terraform address or by content (the same tier's group, direction, protocol,
 * ports and peer, whatever the resource is called or how it is written). Every other rule is
 * foreign: on a group the estate does not own (an existing one), another team's.
 */

const text = (xs: readonly Interval[]): string => unionOf(xs).map((i) => `${i.lo}-${i.hi}`).join(',');
const ALL: Interval = { lo: 0, hi: 65535 };

/** A planned rule's ports on the check's port axis (ICMP: the type; -1 every type). */
function plannedPorts(r: PlannedAwsRule): Interval {
  if (r.protocol === 'all') return ALL;
  if (r.protocol === 'icmp') return r.fromPort === undefined || r.fromPort < 0 ? ALL : { lo: r.fromPort, hi: r.fromPort };
  return { lo: r.fromPort ?? 0, hi: r.toPort ?? 65535 };
}

/** The addresses of the input's rules that are the library's for this estate. */
export function libraryRules(spec: ResolvedInput, groupOf: Partial<Record<TierKey, GroupRef>>, rules: readonly TfRule[], addresses: ReadonlySet<string>): Set<string> {
  const planned = planAwsRules(spec, flowsOf(spec.estate)).plan;
  const out = new Set<string>();
  if (!planned) return out;
  const tiersOfKey = new Map(planned.groups.map((g) => [g.key, [...g.tiers].sort().join(',')]));
  const tiersOfRef = new Map<GroupRef, string>();
  for (const [tier, ref] of Object.entries(groupOf)) if (ref) tiersOfRef.set(ref, [...(tiersOfRef.get(ref)?.split(',') ?? []), tier].filter(Boolean).sort().join(','));
  const contents = new Set(planned.rules.map((r) => [tiersOfKey.get(r.groupKey), r.direction, r.protocol, text([plannedPorts(r)]),
    r.peer.kind === 'cidr' ? text([cidrSpan(r.peer.cidr)]) : '', r.peer.kind === 'group' ? tiersOfKey.get(r.peer.groupKey) : ''].join('|')));
  for (const r of rules) {
    const peerTiers = r.groups.map((g) => tiersOfRef.get(g) ?? `?${g}`).join(';');
    const content = [tiersOfRef.get(r.group), r.direction, r.protocol, text([r.ports]), text(r.cidrs), peerTiers].join('|');
    if (addresses.has(r.address) || (r.ipv6.length === 0 && r.cidrs.length + r.groups.length === 1 && contents.has(content))) out.add(r.address);
  }
  return out;
}
