import { cidrSpan } from '../model/cidr';
import { flowPortSpace, flowsOf } from '../model/flows';
import { differencePorts } from '../model/port-range';
import { OTHER_PROTOCOL_NUMBERS, OTHER_PROTOCOLS, PROTOCOLS, TrafficProtocol } from '../model/protocol';
import { TierKey } from '../model/tiers';
import type { ResolvedInput } from '../input/resolved';
import { failsRun } from '../findings/finding';
import { FindingLevel } from '../findings/rule';
import { Box, Interval, intersectRegions, product, regionIndex, subtractRegions } from '../util/boxes';
import { EndDecision, Grant, GrantAuthor, Origin, portsOf, ProblemKind, TerraformEvaluator } from '../platforms/evaluator';
import type { CheckOptions, CheckReport, ExtraFinding, FlowFinding, PlanProblem } from './check';
import { checkFindings } from './findings';

/** Every IPv4 address. */
const ALL_ADDRESSES: Interval = { lo: 0, hi: 2 ** 32 - 1 };

/** The protocols extra traffic is judged on: TCP, UDP, ICMP and every other IP protocol. */
const JUDGED_PROTOCOLS: readonly TrafficProtocol[] = [...PROTOCOLS, OTHER_PROTOCOLS];

/** How `check` and `audit` name the addresses of no tier (the rest of the network, on-premises, the Internet). */
export const ELSEWHERE = 'elsewhere';

/**
 * Judges an evaluator against the estate, whatever it was read from (a plan, live exports):
 * every flow allowed at every port, and no allow rule letting through traffic between the
 * tiers, or from any address of no tier, or out toward one, that no flow needs (judged on
 * source, destination and port together), at the ends the spec claims. Traffic inside one tier
 * is not judged. `more` are problems the caller found beside the evaluator's (values the
 * provider would reject).
 */
export function judge(ev: TerraformEvaluator, spec: ResolvedInput, options: CheckOptions = {}, more: readonly PlanProblem[] = []): CheckReport {
  const flows = flowsOf(spec.estate);
  const findings: FlowFinding[] = flows.map((flow) => {
    const r = ev.reach({ tier: flow.from }, flow.to, flow.protocol);
    const missing = differencePorts(flowPortSpace(flow), r.allowed);
    const status = !r.inbound.enforced && !r.outbound.enforced ? 'unenforced' : missing.length > 0 ? 'blocked' : 'allowed';
    const removed = status === 'blocked' ? [...new Set([...(ev.removedAt?.(flow.to) ?? []), ...(ev.removedAt?.(flow.from) ?? [])])].sort() : [];
    // Where it is blocked: the host groups of either end that do not let all of its missing ports through.
    const points = status === 'blocked' ? [...new Set([...(r.outbound.hosts ?? []), ...(r.inbound.hosts ?? [])]
      .filter((h) => differencePorts(missing, h.allowed).length > 0).map((h) => h.point))] : [];
    const undecided = status === 'blocked' ? [...new Set([...(r.inbound.undecided ?? []), ...(r.outbound.undecided ?? [])])] : [];
    return { flow, status, missing, inbound: r.inbound.rules, outbound: r.outbound.rules, ...(removed.length > 0 ? { removed } : {}),
      ...(points.length > 0 ? { points } : {}), ...(undecided.length > 0 ? { undecided } : {}) };
  });
  const tiers = spec.estate.tiers;
  const keys = Object.keys(tiers) as TierKey[];
  const intervals = (k: TierKey): Interval[] => tiers[k]!.cidrs.map(cidrSpan);
  // What the flows need, as (source address, destination address, port) boxes per protocol.
  // ICMP flows need every ICMP type (the whole port axis); no flow needs any other protocol.
  const needed = new Map(PROTOCOLS.map((p) => [p, flows.filter((f) => f.protocol === p)
    .flatMap((f) => product(intervals(f.from), intervals(f.to), flowPortSpace(f).map((r) => ({ lo: r.from, hi: r.to }))))]));
  const origins: [string, Origin][] = [
    ...keys.map((k): [string, Origin] => [k, { tier: k }]),
    [ELSEWHERE, { elsewhere: true }],
  ];
  const extras: ExtraFinding[] = [];
  const push = (found: ReturnType<typeof classify>, from: string, to: string, protocol: TrafficProtocol, at: 'inbound' | 'outbound'): void => {
    for (const f of found) {
      const region = protocol === OTHER_PROTOCOLS ? intersectRegions(f.region, product([ALL_ADDRESSES], [ALL_ADDRESSES], OTHER_PROTOCOL_NUMBERS)) : f.region;
      if (region.length > 0) {
        extras.push({ kind: f.kind, rules: f.rules, from, to, protocol, ports: portsOf(region, protocol), at, ...(f.points && f.points.length > 0 ? { points: f.points } : {}),
          ...(f.denies ? { denies: f.denies } : {}) });
      }
    }
  };
  for (const to of keys) {
    for (const [label, origin] of origins) {
      if ('tier' in origin && origin.tier === to) continue;
      for (const protocol of JUDGED_PROTOCOLS) {
        const r = ev.reach(origin, to, protocol);
        // Each end on its own: an ingress must not admit what no flow needs, whatever the
        // source's egress says (an existing group's egress restricts nothing; a created group's
        // is defence in depth), and an egress must not let out what no flow needs.
        // Judged on addresses and ports together: a flow from a tier inside a wider one needs nothing of the rest.
        const need = protocol === OTHER_PROTOCOLS ? [] : needed.get(protocol) ?? [];
        if (r.inbound.enforced && r.inbound.claimed !== false) push(classify(r.inbound, subtractRegions(r.inbound.region, need), true), label, to, protocol, 'inbound');
        if ('tier' in origin && r.outbound.enforced && r.outbound.claimed !== false) push(classify(r.outbound, subtractRegions(r.outbound.region, need), false), label, to, protocol, 'outbound');
      }
    }
  }
  // Egress toward addresses of no tier: no flow needs any.
  for (const from of keys) {
    for (const protocol of JUDGED_PROTOCOLS) {
      const out = ev.reachOutside(from, protocol);
      if (!out.enforced || out.claimed === false || out.region.length === 0) continue;
      push(classify(out, out.region, false), from, ELSEWHERE, protocol, 'outbound');
    }
  }
  // IPv6: the tiers are IPv4 networks, so every IPv6 allow lets in (or out) what no flow needs.
  for (const a of ev.ipv6Allows ?? []) {
    extras.push({ kind: a.author === GrantAuthor.LIBRARY || (a.owned ?? true) ? 'over-permissive' : 'foreign', rules: [a.rule], protocol: a.protocol, ports: a.ports, at: a.direction,
      from: a.direction === 'inbound' ? `IPv6 ${a.prefixes.join(',')}` : a.tier, to: a.direction === 'inbound' ? a.tier : `IPv6 ${a.prefixes.join(',')}` });
  }
  // A tier with no flow (NDES devices without NDES, say) has nothing to enforce.
  const missing = ev.missing.filter((m) => flows.some((f) => f.from === m.tier || f.to === m.tier));
  const problems: PlanProblem[] = [...(ev.problems ?? []).map((p) => ({ ...p, kind: p.kind as ProblemKind })), ...more]
    .sort((a, b) => (a.element < b.element ? -1 : a.element > b.element ? 1 : a.message < b.message ? -1 : a.message > b.message ? 1 : 0))
    .filter((p, i, all) => i === 0 || p.element !== all[i - 1].element || p.message !== all[i - 1].message);
  const unresolved = problems.filter((p) => p.kind === ProblemKind.UNRESOLVED).map((p) => `${p.element}: ${p.message}`);
  const all = checkFindings({ flows: findings, extras, problems, missing }, spec);
  const failOn = options.failOn ?? FindingLevel.ERROR;
  return { platform: spec.platform!, flows: findings, extras, unresolved, problems, missing, findings: all, ok: !all.some((f) => failsRun(f, failOn)) };
}

/**
 * Who let extra traffic through at one end, and which of it, judged by effect: each part of
 * the extra traffic goes to the rule that matched it first. A rule the library writes for this
 * estate is judged strictly everywhere, any other rule where the estate owns the enforcement
 * point (over-permissive, an error); elsewhere another team's rule is a warning. A platform
 * default counts at an inbound end only (outbound, Azure allows the network by design and the
 * library writes no outbound deny): an error where the estate owns the point, a warning where
 * not. A rule the spec asked for is a note. Expected allows (Azure health probes) never count.
 */
function classify(end: EndDecision, extra: readonly Box[], inbound: boolean):
  (Pick<ExtraFinding, 'kind' | 'rules' | 'points' | 'denies'> & { region: Box[] })[] {
  if (extra.length === 0) return [];
  const owned = end.owned ?? true;
  const meetsExtra = regionIndex(extra);
  const grants = end.grants.filter((g) => !g.expected && meetsExtra(g.boxes));
  const authorOf = (g: Grant): GrantAuthor => g.author ?? (g.isDefault ? GrantAuthor.DEFAULT : g.requested ? GrantAuthor.REQUESTED : GrantAuthor.FOREIGN);
  const kindOf = (g: Grant): ExtraFinding['kind'] | undefined => {
    switch (authorOf(g)) {
      case GrantAuthor.LIBRARY: return 'over-permissive';
      case GrantAuthor.FOREIGN: return owned ? 'over-permissive' : 'foreign';
      case GrantAuthor.DEFAULT: return !inbound ? undefined : end.denyAsked ? 'platform-default-owned' : 'platform-default';
      default: return 'requested';
    }
  };
  const byKind = new Map<ExtraFinding['kind'], Grant[]>();
  for (const g of grants) {
    const kind = kindOf(g);
    if (!kind) continue;
    const same = byKind.get(kind);
    if (same) same.push(g);
    else byKind.set(kind, [g]);
  }
  const order: ExtraFinding['kind'][] = ['over-permissive', 'platform-default-owned', 'foreign', 'platform-default', 'requested'];
  return order.filter((k) => byKind.has(k)).map((kind) => {
    const gs = byKind.get(kind)!;
    const points = [...new Set(gs.map((g) => g.point).filter((p): p is string => p !== undefined))].sort();
    // A deny by default that does not deny it: the denies the end's traffic met, for the finding to name.
    const denies = kind === 'platform-default-owned' ? end.rules.filter((r) => Number(/ \(Deny (\d+)\)$/.exec(r)?.[1] ?? 65000) < 65000) : [];
    return { kind, rules: [...new Set(gs.map((g) => g.rule))], points, region: intersectRegions(extra, gs.flatMap((g) => g.boxes)), ...(denies.length > 0 ? { denies } : {}) };
  });
}
