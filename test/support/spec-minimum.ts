// The minimum rule count of validated specs: their flows from the flow model, counted by minimum.ts.
import { flowsOf } from '../../lib/model/flows';
import { Platform } from '../../lib/model/options';
import { ResolvedInput } from '../../lib/input/resolved';
import { minimumAwsRules, minimumAzureRules } from './minimum';
import { awsSettings } from '../../lib/platforms/aws/settings';
import { azureSettings } from '../../lib/platforms/azure/settings';

/** Rule counts of a spec's flows, from the flows alone (not read from any plan). */
export interface RuleMinimum {
  /** The fewest rules on the spec's platform. */
  readonly minimum: number;
  /**
   * The count under the library's rule identity: Azure, one rule per NSG, direction, tier pair
   * and protocol (identical rules of co-located tiers not merged); AWS, one rule per declared
   * CIDR (adjacent or overlapping CIDRs not aggregated).
   */
  readonly identity: number;
}

/** The fewest rules the spec's flows need on its platform, and the count under rule identity. */
export function minimumOfSpec(spec: ResolvedInput): RuleMinimum {
  const flows = flowsOf(spec.estate);
  if (spec.platform === Platform.AZURE) {
    const deny = azureSettings(spec).denyByDefault;
    return { minimum: minimumAzureRules(spec.estate, flows, deny), identity: minimumAzureRules(spec.estate, flows, deny, false) };
  }
  const egress = awsSettings(spec).allowAllEgress;
  return { minimum: minimumAwsRules(spec.estate, flows, egress), identity: minimumAwsRules(spec.estate, flows, egress, false) };
}
