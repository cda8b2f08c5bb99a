import { AdcsInputError, Messages, problem } from '../errors';
import type { ResolvedInput } from '../input/resolved';
import { PLATFORMS } from '../platforms/registry';
import type { LiveExport } from '../platforms/live';
import type { CheckOptions, CheckReport } from '../check/check';
import { judge } from '../check/judge';

/**
 * Audits a live estate: the exports read into the platform's evaluator (through the registry)
 * and judged as `check` judges a plan: every flow allowed at the live enforcement points, and
 * nothing more where the estate owns the point or asks a deny by default; mismatches between the
 * spec and what the exports show, and what they leave unjudged, among the findings.
 */
export function auditExports(exports: readonly LiveExport[], spec: ResolvedInput, options: CheckOptions = {}): CheckReport {
  if (!spec.platform) throw new AdcsInputError(`estate ${spec.estate.name}`, [problem('platform', Messages.platformMissing('audit', Object.keys(PLATFORMS)))]);
  return judge(PLATFORMS[spec.platform].live.evaluator(exports, spec), spec, options);
}
