import { AdcsInputError, Messages, problem } from '../errors';
import { cidrSpan } from '../model/cidr';
import { Flow, flowPortSpace, flowsOf } from '../model/flows';
import { Platform } from '../model/options';
import { differencePorts, PortRange } from '../model/port-range';
import { OTHER_PROTOCOL_NUMBERS, OTHER_PROTOCOLS, PROTOCOLS, TrafficProtocol } from '../model/protocol';
import { TierKey } from '../model/tiers';
import { ResolvedInput } from '../input/resolved';
import { PLATFORMS } from '../platforms/registry';
import { Finding, failsRun } from '../findings/finding';
import { FindingLevel } from '../findings/rule';
import { checkFindings } from './findings';
import { Box, Interval, intersectRegions, product, regionsMeet, subtractRegions } from '../util/boxes';
import { portsOf } from '../platforms/evaluator';
import { EndDecision, Grant, MissingEnforcement, Origin, TerraformEvaluator } from '../platforms/evaluator';

/** Verdict on one flow of the estate. */
export interface FlowFinding {
  /** The flow. */
  readonly flow: Flow;
  /** `allowed` at every port; `blocked` at some port; `unenforced` when neither end filters. */
  readonly status: 'allowed' | 'blocked' | 'unenforced';
  /** Ports of the flow the plan blocks. */
  readonly missing: readonly PortRange[];
  /** Rules that decided at the destination (inbound). */
  readonly inbound: readonly string[];
  /** Rules that decided at the source (outbound). */
  readonly outbound: readonly string[];
}

/** Traffic the plan lets through although no flow needs it. */
export interface ExtraFinding {
  /**
   * `over-permissive` when a rule of the plan allows it (a failure); `platform-default` when
   * only a platform default does, `requested` when only a rule the spec asked for does (AWS
   * allow-all egress): warnings.
   */
  readonly kind: 'over-permissive' | 'platform-default' | 'requested';
  /** Source: a tier key, or `elsewhere` (any address of no tier). */
  readonly from: string;
  /** Destination: a tier key, or `elsewhere` (egress toward addresses of no tier). */
  readonly to: string;
  readonly protocol: TrafficProtocol;
  /** The extra ports. */
  readonly ports: readonly PortRange[];
  /** The allow rules that let it through (plan rules first). */
  readonly rules: readonly string[];
  /** The end that lets it through: the destination's inbound or the source's outbound (each end is judged on its own). */
  readonly at?: 'inbound' | 'outbound';
}

/** The findings of a plan check. */
export interface CheckReport {
  /** Platform the plan was evaluated with (the spec's). */
  readonly platform: Platform;
  /** One per flow of the estate. */
  readonly flows: readonly FlowFinding[];
  /** Extra traffic, failures and warnings. */
  readonly extras: readonly ExtraFinding[];
  /** What the evaluator could not resolve (never taken as allowed): a failure. */
  readonly unresolved: readonly string[];
  /** Enforcement points the spec declares that the plan lacks (for tiers with flows): a failure. */
  readonly missing: readonly MissingEnforcement[];
  /** Every finding, as data (rule id, level, message, what it is about, acknowledgement): what the printers print. */
  readonly findings: readonly Finding[];
  /**
   * True when no finding fails the run: every enforcement point of the spec is in the plan,
   * everything resolved, every flow allowed, no rule of the plan allows extra traffic (findings
   * the spec acknowledges aside; with `failOn: warning`, no warning either).
   */
  readonly ok: boolean;
}

/** Options of a check. */
export interface CheckOptions {
  /** The lowest level that fails the check. @default FindingLevel.ERROR */
  readonly failOn?: FindingLevel;
}

/** Evaluates a plan with the semantics of the spec's platform. */
export function evaluatorFor(plan: unknown, spec: ResolvedInput): TerraformEvaluator {
  return PLATFORMS[spec.platform ?? Platform.AZURE].evaluator(plan, spec);
}

/** Every IPv4 address. */
const ALL_ADDRESSES: Interval = { lo: 0, hi: 2 ** 32 - 1 };

/** The protocols extra traffic is judged on: TCP, UDP, ICMP and every other IP protocol. */
const JUDGED_PROTOCOLS: readonly TrafficProtocol[] = [...PROTOCOLS, OTHER_PROTOCOLS];

/** How `check` names the addresses of no tier (the rest of the network, on-premises, the Internet). */
export const ELSEWHERE = 'elsewhere';

/**
 * Checks a plan (a synthesized cdk.tf.json, hand-written or not, or `terraform show -json`)
 * against the estate: every flow allowed at every port, and no allow rule letting through
 * traffic between the tiers, or from any address of no tier, or out toward one, that no flow
 * needs (judged on source, destination and port together). Traffic inside one tier is not judged.
 */
export function checkPlan(plan: unknown, spec: ResolvedInput, options: CheckOptions = {}): CheckReport {
  if (!spec.platform) throw new AdcsInputError(`estate ${spec.estate.name}`, [problem('platform', Messages.platformMissing('check', Object.keys(PLATFORMS)))]);
  const ev = evaluatorFor(plan, spec);
  const flows = flowsOf(spec.estate);
  const findings: FlowFinding[] = flows.map((flow) => {
    const r = ev.reach({ tier: flow.from }, flow.to, flow.protocol);
    const missing = differencePorts(flowPortSpace(flow), r.allowed);
    const status = !r.inbound.enforced && !r.outbound.enforced ? 'unenforced' : missing.length > 0 ? 'blocked' : 'allowed';
    return { flow, status, missing, inbound: r.inbound.rules, outbound: r.outbound.rules };
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
    if (!found) return;
    const region = protocol === OTHER_PROTOCOLS ? intersectRegions(found.region, product([ALL_ADDRESSES], [ALL_ADDRESSES], OTHER_PROTOCOL_NUMBERS)) : found.region;
    if (region.length > 0) extras.push({ kind: found.kind, rules: found.rules, from, to, protocol, ports: portsOf(region, protocol), at });
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
        if (r.inbound.enforced) push(classify(r.inbound, subtractRegions(r.inbound.region, need), true), label, to, protocol, 'inbound');
        if ('tier' in origin && r.outbound.enforced) push(classify(r.outbound, subtractRegions(r.outbound.region, need), false), label, to, protocol, 'outbound');
      }
    }
  }
  // Egress toward addresses of no tier: no flow needs any.
  for (const from of keys) {
    for (const protocol of JUDGED_PROTOCOLS) {
      const out = ev.reachOutside(from, protocol);
      if (!out.enforced || out.region.length === 0) continue;
      push(classify(out, out.region, false), from, ELSEWHERE, protocol, 'outbound');
    }
  }
  // IPv6: the tiers are IPv4 networks, so every IPv6 allow lets in (or out) what no flow needs.
  for (const a of ev.ipv6Allows ?? []) {
    extras.push({ kind: 'over-permissive', rules: [a.rule], protocol: a.protocol, ports: a.ports, at: a.direction,
      from: a.direction === 'inbound' ? `IPv6 ${a.prefixes.join(',')}` : a.tier, to: a.direction === 'inbound' ? a.tier : `IPv6 ${a.prefixes.join(',')}` });
  }
  // A tier with no flow (NDES devices without NDES, say) has nothing to enforce.
  const missing = ev.missing.filter((m) => flows.some((f) => f.from === m.tier || f.to === m.tier));
  const unresolved = [...ev.unresolved];
  const all = checkFindings({ flows: findings, extras, unresolved, missing }, spec);
  const failOn = options.failOn ?? FindingLevel.ERROR;
  return { platform: spec.platform!, flows: findings, extras, unresolved, missing, findings: all, ok: !all.some((f) => failsRun(f, failOn)) };
}


/**
 * Who let extra traffic through at one end, and which of it: a rule of the plan
 * (over-permissive), else a platform default at an inbound end (a warning; outbound, Azure
 * allows the network by design and the library writes no outbound deny), else a rule the spec
 * asked for; undefined when nothing did. Expected allows (Azure health probes) never count.
 */
function classify(end: EndDecision, extra: readonly Box[], inbound: boolean):
  (Pick<ExtraFinding, 'kind' | 'rules'> & { region: Box[] }) | undefined {
  if (extra.length === 0) return undefined;
  const grants = end.grants.filter((g) => !g.expected && regionsMeet(g.boxes, extra));
  const explicit = grants.filter((g) => !g.isDefault && !g.requested);
  const defaults = inbound ? grants.filter((g) => g.isDefault) : [];
  const requested = grants.filter((g) => g.requested);
  const found = (kind: ExtraFinding['kind'], gs: Grant[]) => ({
    kind, rules: [...new Set(gs.map((g) => g.rule))], region: intersectRegions(extra, gs.flatMap((g) => g.boxes)),
  });
  if (explicit.length > 0) return found('over-permissive', [...explicit, ...defaults]);
  if (defaults.length > 0) return found('platform-default', defaults);
  if (requested.length > 0) return found('requested', requested);
  return undefined;
}
