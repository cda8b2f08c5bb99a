// The most client CIDRs an AWS site holds under its rule quota, from the minimum rule counts.
import type { EstateProps } from '../../lib/input/props';
import { resolveSpec } from '../../lib/spec';
import { flowsOf } from '../../lib/model/flows';
import { minimumAwsRuleCounts } from './minimum';
import { awsSettings } from '../../lib/platforms/aws/settings';

/**
 * The most client CIDRs n (up to `max`) for which the AWS spec `propsOf(n)` keeps its busiest
 * group and direction within its `aws.ruleQuota`, counting one rule per declared CIDR as the
 * planner does.
 */
export function largestFittingAwsCidrs(max: number, propsOf: (clientCidrs: number) => EstateProps): number {
  const fits = (n: number): boolean => {
    const spec = resolveSpec(propsOf(n), 'largest fitting');
    const { estate } = spec;
    const aws = awsSettings(spec);
    return Math.max(...minimumAwsRuleCounts(estate, flowsOf(estate), aws.allowAllEgress, false).values()) <= aws.ruleQuota;
  };
  if (fits(max)) return max;
  let lo = 1;
  let hi = max;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}
