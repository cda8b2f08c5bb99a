// The minimum rule count of validated specs: their flows from the flow model, counted by minimum.ts.
import { flowsOf } from '../lib/model/flows';
import { Platform } from '../lib/model/options';
import { ResolvedInput } from '../lib/input/resolved';
import { minimumAwsRules, minimumAzureRules } from './minimum';

/** Rule counts of a spec's flows, from the flows alone (not read from any plan). */
export interface RuleMinimum {
  /** The fewest rules on the spec's platform. */
  readonly minimum: number;
  /** Azure: one rule per NSG, direction, tier pair and protocol, identical rules not merged (AWS: the minimum). */
  readonly perPair: number;
}

/** The fewest rules the spec's flows need on its platform, and the per-tier-pair count. */
export function minimumOfSpec(spec: ResolvedInput): RuleMinimum {
  const flows = flowsOf(spec.estate);
  if (spec.platform === Platform.AZURE) {
    const deny = spec.azure?.denyByDefault ?? true;
    return { minimum: minimumAzureRules(spec.estate, flows, deny), perPair: minimumAzureRules(spec.estate, flows, deny, false) };
  }
  const minimum = minimumAwsRules(spec.estate, flows, spec.aws?.allowAllEgress ?? false);
  return { minimum, perPair: minimum };
}
