import { AdcsInputError, InputProblem, Messages, problem } from '../errors';
import type { ResolvedInput } from '../input/resolved';
import { Flow, flowsOf } from '../model/flows';
import { Warning } from '../findings/warning';
import type { TfElement } from '../terraform/elements';
import type { PlatformModule, PlatformPlan } from '../platforms/platform';
import { PLATFORM_INPUTS, PLATFORMS, platformOf } from '../platforms/registry';

/** An estate planned for its platform: what the constructs and the CLI's writer render. */
export interface EstatePlan<P extends PlatformPlan = PlatformPlan> {
  /** The platform. */
  readonly platform: PlatformModule<P>;
  /** The estate's flows, in catalogue order. */
  readonly flows: readonly Flow[];
  /** The platform's rule plan. */
  readonly plan: P;
  /** The plan as Terraform elements (paths relative to the platform's construct). */
  readonly elements: readonly TfElement[];
  /** Warnings of the rendering (the spec's own are in `spec.warnings`). */
  readonly warnings: readonly Warning[];
}

/** The elements of each plan, written once (the constructs render the plan planEstate wrote). */
const ELEMENTS = new WeakMap<object, readonly TfElement[]>();

/** The Terraform elements of a platform's plan, written once per plan. */
export function elementsOf<P extends PlatformPlan>(platform: PlatformModule<P>, plan: P, spec: ResolvedInput): readonly TfElement[] {
  let elements = ELEMENTS.get(plan);
  if (!elements) ELEMENTS.set(plan, elements = platform.elements(plan, spec));
  return elements;
}

/**
 * Plans a resolved spec for its platform. The one place a planner's problems become an error:
 * one AdcsInputError naming `source` (the spec file, or the construct). `who` names the caller
 * in the "platform is required" message; `platformGiven` says whether the spec set `platform`.
 */
export function planEstate(spec: ResolvedInput, source: string, who: string, platformGiven: boolean): EstatePlan {
  const platform = platformOf(spec);
  if (!platform) throw new AdcsInputError(source, [problem('platform', Messages.platformMissing(who, Object.keys(PLATFORMS)))]);
  if (spec.settings === undefined) throw new AdcsInputError(source, [missingSettings(platform, platformGiven)]);
  const flows = flowsOf(spec.estate);
  const planned = platform.plan(spec, flows);
  if (!planned.plan) throw new AdcsInputError(source, planned.problems);
  return { platform, flows, plan: planned.plan, elements: elementsOf(platform, planned.plan, spec), warnings: planned.warnings };
}

/** True when some tier of the estate has an enforcement point. */
export function hasEnforcement(spec: ResolvedInput): boolean {
  return Object.values(spec.estate.tiers).some((t) => t !== undefined && t.enforcement.kind !== 'none');
}

/** The keys that would give a tier an enforcement point, on the estate's platform (or every platform), as messages name them. */
export function enforcementKeysText(spec: ResolvedInput): string {
  const inputs = PLATFORM_INPUTS.filter((p) => spec.platform === undefined || p.platform === spec.platform);
  return inputs.map((p) => `${p.enforcementKeys.join(' or ')} (${p.owner})`).join(', or ');
}

/**
 * Refuses an estate with no enforcement point at all: nothing would be written or checked (a
 * silent no-op). synth, check and the constructs call it; validate warns instead.
 */
export function requireEnforcement(spec: ResolvedInput, source: string): void {
  if (!hasEnforcement(spec)) throw new AdcsInputError(source, [problem('tiers', Messages.noEnforcementPoint(enforcementKeysText(spec)))]);
}

/** The settings block is missing: say whether `platform` or the tiers' keys asked for it. */
function missingSettings(platform: PlatformModule, platformGiven: boolean): InputProblem {
  const { platform: name, owner, settingsExample } = platform.input;
  return platformGiven
    ? problem('platform', Messages.platformSettingsMissing(name, settingsExample))
    : problem(name, Messages.platformImpliedWithoutSettings(name, owner, settingsExample, 'the tiers\' enforcement keys'));
}
