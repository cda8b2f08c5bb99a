import { AdcsInputError, Messages, problem } from '../errors';
import { cidrInterval, cidrsOverlap } from '../model/cidr';
import { EstateTier } from '../model/estate';
import { Flow, flowsOf } from '../model/flows';
import { Platform } from '../model/options';
import { PortRange } from '../model/port-range';
import { Protocol, PROTOCOLS } from '../model/protocol';
import { TierKey } from '../model/tiers';
import { ResolvedSpec } from '../spec/resolved';
import { differencePorts, intersectPorts } from './boxes';
import { EndDecision, Grant, MissingEnforcement, Origin, PlanEvaluator } from './reachability';

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
  /** Source: a tier key, or `outside:<cidr>`. */
  readonly from: string;
  /** Destination: a tier key, or `outside:<cidr>` (egress toward addresses of no tier). */
  readonly to: string;
  readonly protocol: Protocol;
  /** The extra ports. */
  readonly ports: readonly PortRange[];
  /** The allow rules that let it through (plan rules first). */
  readonly rules: readonly string[];
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
  /**
   * True when every enforcement point of the spec is in the plan, everything resolved, every
   * flow allowed and no rule of the plan allows extra traffic.
   */
  readonly ok: boolean;
}

/** Evaluates a plan with the semantics of the spec's platform. */
export function evaluatorFor(plan: unknown, spec: ResolvedSpec): PlanEvaluator {
  /* eslint-disable @typescript-eslint/no-require-imports */
  if (spec.platform === Platform.AWS) {
    const { AwsPlanEvaluator } = require('./aws-evaluator') as typeof import('./aws-evaluator');
    return new AwsPlanEvaluator(plan, spec);
  }
  const { AzurePlanEvaluator } = require('./azure-evaluator') as typeof import('./azure-evaluator');
  return new AzurePlanEvaluator(plan, spec);
}

/** Addresses outside every tier, to ask "what reaches the estate from elsewhere?". */
function outsiders(spec: ResolvedSpec): string[] {
  const tiers = (Object.values(spec.estate.tiers) as EstateTier[]).flatMap((t) => t.cidrs.map(cidrInterval));
  const free = (c: string): boolean => { const i = cidrInterval(c); return !tiers.some((t) => t.start <= i.end && i.start <= t.end); };
  const network = ['10.255.255.0/24', '172.31.255.0/24', '192.168.255.0/24'].find(free);
  const internet = ['198.51.100.0/24', '203.0.113.0/24', '192.0.2.0/24'].find(free);
  return [network, internet].filter((c): c is string => c !== undefined);
}

/**
 * Checks a plan (a synthesized cdk.tf.json, hand-written or not, or `terraform show -json`)
 * against the estate: every flow allowed at every port, and no allow rule letting through
 * traffic between the tiers, or from outside them, that no flow needs. Traffic inside one
 * tier is not judged.
 */
export function checkPlan(plan: unknown, spec: ResolvedSpec): CheckReport {
  if (!spec.platform) throw new AdcsInputError(`estate ${spec.estate.name}`, [problem('platform', Messages.platformMissing('check'))]);
  const ev = evaluatorFor(plan, spec);
  const flows = flowsOf(spec.estate);
  const findings: FlowFinding[] = flows.map((flow) => {
    const r = ev.reach({ tier: flow.from }, flow.to, flow.protocol);
    const missing = differencePorts(flow.ports, r.allowed);
    const status = !r.inbound.enforced && !r.outbound.enforced ? 'unenforced' : missing.length > 0 ? 'blocked' : 'allowed';
    return { flow, status, missing, inbound: r.inbound.rules, outbound: r.outbound.rules };
  });
  const tiers = spec.estate.tiers;
  const keys = Object.keys(tiers) as TierKey[];
  const origins: [string, Origin][] = [
    ...keys.map((k): [string, Origin] => [k, { tier: k }]),
    ...outsiders(spec).map((c): [string, Origin] => [`outside:${c}`, { cidr: c }]),
  ];
  const extras: ExtraFinding[] = [];
  for (const to of keys) {
    for (const [label, origin] of origins) {
      if ('tier' in origin && origin.tier === to) continue;
      for (const protocol of PROTOCOLS) {
        const r = ev.reach(origin, to, protocol);
        if (!r.inbound.enforced && !r.outbound.enforced) continue;
        const src = 'tier' in origin ? tiers[origin.tier]!.cidrs : [origin.cidr];
        const needed = flows.filter((f) => f.protocol === protocol && cidrsOverlap(tiers[f.from]!.cidrs, src) && cidrsOverlap(tiers[f.to]!.cidrs, tiers[to]!.cidrs))
          .flatMap((f) => f.ports);
        const extra = differencePorts(r.anyAllowed, needed);
        if (extra.length === 0) continue;
        const kind = classify(r.inbound, r.outbound, extra);
        if (kind) extras.push({ ...kind, from: label, to, protocol, ports: extra });
      }
    }
  }
  // Egress toward addresses of no tier: no flow needs any.
  for (const from of keys) {
    for (const cidr of outsiders(spec)) {
      for (const protocol of PROTOCOLS) {
        const out = ev.reachOutside(from, cidr, protocol);
        if (!out.enforced || out.anyAllowed.length === 0) continue;
        const kind = classify(undefined, out, out.anyAllowed);
        if (kind) extras.push({ ...kind, from, to: `outside:${cidr}`, protocol, ports: out.anyAllowed });
      }
    }
  }
  // A tier with no flow (NDES devices without NDES, say) has nothing to enforce.
  const missing = ev.missing.filter((m) => flows.some((f) => f.from === m.tier || f.to === m.tier));
  const ok = missing.length === 0 && ev.unresolved.length === 0
    && findings.every((f) => f.status !== 'blocked') && extras.every((e) => e.kind !== 'over-permissive');
  return { platform: spec.platform!, flows: findings, extras, unresolved: [...ev.unresolved], missing, ok };
}

/**
 * Who let extra ports through: a rule of the plan (over-permissive), else a platform default at
 * an enforced inbound end (a warning: outbound, Azure allows the network by design and the
 * library writes no outbound deny), else a rule the spec asked for; undefined when nothing did.
 */
function classify(inbound: EndDecision | undefined, outbound: EndDecision, extra: readonly PortRange[]): Pick<ExtraFinding, 'kind' | 'rules'> | undefined {
  const touches = (g: Grant): boolean => intersectPorts(g.ports, extra).length > 0;
  const grants = [...(inbound?.grants ?? []), ...outbound.grants].filter(touches);
  const explicit = grants.filter((g) => !g.isDefault && !g.requested);
  const defaults = inbound?.enforced ? inbound.grants.filter((g) => g.isDefault && touches(g)) : [];
  const requested = grants.filter((g) => g.requested);
  const rules = (gs: Grant[]): string[] => [...new Set(gs.map((g) => g.rule))];
  if (explicit.length > 0) return { kind: 'over-permissive', rules: rules([...explicit, ...defaults]) };
  if (defaults.length > 0) return { kind: 'platform-default', rules: rules(defaults) };
  if (requested.length > 0) return { kind: 'requested', rules: rules(requested) };
  return undefined;
}
