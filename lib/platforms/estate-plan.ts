import { AdcsInputError, InputProblem, Messages, problem } from '../errors';
import type { ResolvedInput } from '../input/resolved';
import { Flow, flowsOf } from '../model/flows';
import { Warning } from '../model/warnings';
import type { TfElement } from '../terraform/elements';
import type { PlatformModule } from './platform';
import { platformOf } from './registry';

/** An estate planned for its platform: what the constructs and the CLI's writer render. */
export interface EstatePlan<P = unknown> {
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

/**
 * Plans a resolved spec for its platform. The one place a planner's problems become an error:
 * one AdcsInputError naming `source` (the spec file, or the construct). `who` names the caller
 * in the "platform is required" message; `platformGiven` says whether the spec set `platform`.
 */
export function planEstate(spec: ResolvedInput, source: string, who: string, platformGiven: boolean): EstatePlan {
  const platform = platformOf(spec);
  if (!platform) throw new AdcsInputError(source, [problem('platform', Messages.platformMissing(who))]);
  if (!spec[platform.platform]) throw new AdcsInputError(source, [missingSettings(platform.platform, platformGiven)]);
  const flows = flowsOf(spec.estate);
  const planned = platform.plan(spec, flows);
  if (!planned.plan) throw new AdcsInputError(source, planned.problems);
  return { platform, flows, plan: planned.plan, elements: platform.elements(planned.plan, spec), warnings: planned.warnings };
}

/** The settings block is missing: say whether `platform` or the tiers' keys asked for it. */
function missingSettings(platform: string, platformGiven: boolean): InputProblem {
  return platformGiven
    ? problem('platform', Messages.platformSettingsMissing(platform))
    : problem(platform, Messages.platformImpliedWithoutSettings(platform, 'the tiers\' enforcement keys'));
}
