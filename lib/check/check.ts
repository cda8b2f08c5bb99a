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
import { TfDocument } from '../terraform/document';
import { readTerraformValue } from '../terraform/read-document';
import { logicalIdOf } from '../terraform/logical-id';
import { EndDecision, Grant, GrantAuthor, MissingEnforcement, Origin, ProblemKind, TerraformEvaluator } from '../platforms/evaluator';

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
  /** Rules of either end's enforcement point that the plan removes (a blocked flow may have needed them). */
  readonly removed?: readonly string[];
}

/** Traffic the plan lets through although no flow needs it. */
export interface ExtraFinding {
  /**
   * `over-permissive` when a rule of the library, or any rule at an enforcement point the
   * estate owns, allows it (a failure); `platform-default-owned` when a platform default does
   * at a point the estate owns (a failure); `foreign` when another team's rule does at a point
   * the estate does not own, `platform-default` when a platform default does there (warnings);
   * `requested` when a rule the spec asked for does (AWS allow-all egress: a note).
   */
  readonly kind: 'over-permissive' | 'platform-default' | 'platform-default-owned' | 'foreign' | 'requested';
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
  /** The enforcement points whose rules let it through (an NSG's or group's Terraform address, or its name). */
  readonly points?: readonly string[];
}

/** The findings of a plan check. */
export interface CheckReport {
  /** Platform the plan was evaluated with (the spec's). */
  readonly platform: Platform;
  /** One per flow of the estate. */
  readonly flows: readonly FlowFinding[];
  /** Extra traffic, failures and warnings. */
  readonly extras: readonly ExtraFinding[];
  /** What the evaluator could not resolve (never taken as allowed): a failure. One line each, `element: why`. */
  readonly unresolved: readonly string[];
  /** Problems of the input as data: unresolved elements, values the provider would reject, forms the reader refuses (all failures). */
  readonly problems: readonly PlanProblem[];
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

/** A problem of the checked input: what it is, where, and why it keeps the verdict from holding. */
export interface PlanProblem {
  /** `unresolved`, `invalid` (the provider or Terraform would reject it), `unsupported` (a form the reader refuses), or `elsewhere` (a rule that enforces nothing of the estate: a warning). */
  readonly kind: ProblemKind;
  /** The element: a Terraform address, a spec path, or a JSON path of the input. */
  readonly element: string;
  /** Why. */
  readonly message: string;
  /** Offset in the input text; -1 when unknown. */
  readonly offset: number;
}

/** Options of a check. */
export interface CheckOptions {
  /** The lowest level that fails the check. @default FindingLevel.ERROR */
  readonly failOn?: FindingLevel;
  /**
   * Construct ids from the stack down to the estate's construct (`['adcs']`), when the input is a
   * stack synthesized by the library: the library's rules are then also recognised by address.
   * @default - by name and content only
   */
  readonly scope?: readonly string[];
}

/** True for a document already read (not raw Terraform JSON). */
function isDocument(v: unknown): v is TfDocument {
  return v !== null && typeof v === 'object' && Array.isArray((v as TfDocument).instances) && typeof (v as TfDocument).form === 'string';
}

/** Reads a plan (a document already read, or Terraform JSON as a parsed value) and evaluates it with the semantics of the spec's platform. */
export function evaluatorFor(plan: unknown, spec: ResolvedInput, options: CheckOptions = {}): TerraformEvaluator {
  const doc = isDocument(plan) ? plan : readTerraformValue(plan);
  const platform = PLATFORMS[spec.platform ?? Platform.AZURE];
  return platform.evaluator(doc, spec, { libraryAddresses: libraryAddresses(spec, options.scope) });
}

/** The Terraform addresses of the library's resources for this estate in a stack, under `scope`. */
function libraryAddresses(spec: ResolvedInput, scope: readonly string[] | undefined): Set<string> {
  if (!scope || !spec.platform) return new Set();
  const platform = PLATFORMS[spec.platform];
  const planned = platform.plan(spec, flowsOf(spec.estate)).plan;
  if (!planned) return new Set();
  return new Set(platform.elements(planned, spec).filter((e) => e.kind === 'resource')
    .map((e) => `${(e as { type: string }).type}.${logicalIdOf([...scope, platform.constructId, ...e.path])}`));
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
  const doc = isDocument(plan) ? plan : readTerraformValue(plan);
  const ev = evaluatorFor(doc, spec, options);
  const flows = flowsOf(spec.estate);
  const findings: FlowFinding[] = flows.map((flow) => {
    const r = ev.reach({ tier: flow.from }, flow.to, flow.protocol);
    const missing = differencePorts(flowPortSpace(flow), r.allowed);
    const status = !r.inbound.enforced && !r.outbound.enforced ? 'unenforced' : missing.length > 0 ? 'blocked' : 'allowed';
    const removed = status === 'blocked' ? [...new Set([...(ev.removedAt?.(flow.to) ?? []), ...(ev.removedAt?.(flow.from) ?? [])])].sort() : [];
    return { flow, status, missing, inbound: r.inbound.rules, outbound: r.outbound.rules, ...(removed.length > 0 ? { removed } : {}) };
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
      if (region.length > 0) extras.push({ kind: f.kind, rules: f.rules, from, to, protocol, ports: portsOf(region, protocol), at, ...(f.points && f.points.length > 0 ? { points: f.points } : {}) });
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
    extras.push({ kind: a.author === GrantAuthor.LIBRARY || (a.owned ?? true) ? 'over-permissive' : 'foreign', rules: [a.rule], protocol: a.protocol, ports: a.ports, at: a.direction,
      from: a.direction === 'inbound' ? `IPv6 ${a.prefixes.join(',')}` : a.tier, to: a.direction === 'inbound' ? a.tier : `IPv6 ${a.prefixes.join(',')}` });
  }
  // A tier with no flow (NDES devices without NDES, say) has nothing to enforce.
  const missing = ev.missing.filter((m) => flows.some((f) => f.from === m.tier || f.to === m.tier));
  const invalid: PlanProblem[] = PLATFORMS[spec.platform].invalidValues(doc.instances).map((v) => ({
    kind: ProblemKind.INVALID, element: v.element, offset: v.offset,
    message: `${v.attribute} = ${v.value}: ${v.rule} (${v.source})`,
  }));
  const problems: PlanProblem[] = [...(ev.problems ?? []).map((p) => ({ ...p, kind: p.kind as ProblemKind })), ...invalid]
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
  (Pick<ExtraFinding, 'kind' | 'rules' | 'points'> & { region: Box[] })[] {
  if (extra.length === 0) return [];
  const owned = end.owned ?? true;
  const grants = end.grants.filter((g) => !g.expected && regionsMeet(g.boxes, extra));
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
    if (kind) byKind.set(kind, [...(byKind.get(kind) ?? []), g]);
  }
  const order: ExtraFinding['kind'][] = ['over-permissive', 'platform-default-owned', 'foreign', 'platform-default', 'requested'];
  return order.filter((k) => byKind.has(k)).map((kind) => {
    const gs = byKind.get(kind)!;
    const points = [...new Set(gs.map((g) => g.point).filter((p): p is string => p !== undefined))].sort();
    return { kind, rules: [...new Set(gs.map((g) => g.rule))], points, region: intersectRegions(extra, gs.flatMap((g) => g.boxes)) };
  });
}
