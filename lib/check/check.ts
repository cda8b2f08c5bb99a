import { AdcsInputError, Messages, problem } from '../errors';
import { Flow, flowsOf } from '../model/flows';
import { Platform } from '../model/options';
import { PortRange } from '../model/port-range';
import { TrafficProtocol } from '../model/protocol';
import { ResolvedInput } from '../input/resolved';
import { PLATFORMS } from '../platforms/registry';
import { Finding } from '../findings/finding';
import { FindingLevel } from '../findings/rule';
import { TfDocument } from '../terraform/document';
import { readTerraformValue } from '../terraform/read-document';
import { logicalIdOf } from '../terraform/logical-id';
import { MissingEnforcement, ProblemKind, TerraformEvaluator } from '../platforms/evaluator';
import { judge } from './judge';

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
  /** For a blocked flow: the enforcement points that decided it (a rule-less block names them). */
  readonly points?: readonly string[];
  /** For a blocked flow: what its verdict depends on that the input does not show. */
  readonly undecided?: readonly string[];
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
  /** For a platform default at an end that asks a deny by default: the deny rules the end's traffic met, which do not cover it. */
  readonly denies?: readonly string[];
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

export { ELSEWHERE } from './judge';

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
  const invalid: PlanProblem[] = PLATFORMS[spec.platform].invalidValues(doc.instances).map((v) => ({
    kind: ProblemKind.INVALID, element: v.element, offset: v.offset,
    message: `${v.attribute} = ${v.value}: ${v.rule} (${v.source})`,
  }));
  return judge(ev, spec, options, invalid);
}
