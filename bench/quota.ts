// The most client CIDRs one AWS site holds under the raised rule quota, from the minimum rule counts.
import { flowsOf } from '../lib/model/flows';
import { resolveSpec } from '../lib/input/resolve';
import { AWS_MAX_RULE_QUOTA, siteProps } from './estates';
import { minimumAwsRuleCounts } from './minimum';

/**
 * The most client CIDRs (up to `max`) one AWS site holds with its busiest group and direction
 * at most AWS_MAX_RULE_QUOTA rules, counting one rule per declared CIDR as the planner does.
 */
export function largestFittingAwsCidrs(max: number): number {
  const fits = (n: number): boolean => {
    const spec = resolveSpec(siteProps('aws', 0, n, 0), 'largest fitting');
    const counts = minimumAwsRuleCounts(spec.estate, flowsOf(spec.estate), spec.aws?.allowAllEgress ?? false, false);
    return Math.max(...counts.values()) <= AWS_MAX_RULE_QUOTA;
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
