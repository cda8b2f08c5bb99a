import { checkPlan, CheckReport } from '../check/check';
import { CheckFormat, renderReport } from '../check/report';
import { checkStack, EstateLike, isStackOrEstate, renderStackReports, specOf, synthesizedPlanOf } from './stack-check';

/** Result shape of a jest/vitest custom matcher. */
export interface MatcherResult {
  /** True when the plan allows every flow and nothing extra. */
  readonly pass: boolean;
  /** The report, for the failure message. */
  readonly message: () => string;
}

function asPlan(plan: unknown): unknown {
  if (isStackOrEstate(plan)) return synthesizedPlanOf(plan);
  return typeof plan === 'string' ? JSON.parse(plan) : plan;
}

/**
 * Checks a plan (object or JSON text, e.g. `Testing.synth(stack)`, or a stack or construct,
 * synthesized here) against an estate (props, `adcs.spec`, or the construct); returns the report.
 */
export function checkPlanAgainst(plan: unknown, estate: EstateLike): CheckReport {
  return checkPlan(asPlan(plan), specOf(estate));
}

/** Throws an Error with the readable report unless the plan allows every flow and nothing extra. */
export function assertPlanSatisfies(plan: unknown, estate: EstateLike): void {
  const r = checkPlanAgainst(plan, estate);
  if (!r.ok) throw new Error(`plan does not satisfy the AD CS estate:\n${renderReport(r, CheckFormat.TABLE)}`);
}

/**
 * A jest/vitest matcher: `expect.extend({ toSatisfyAdcsEstate })`, then
 * `expect(stack).toSatisfyAdcsEstate()` (every AdcsEnrollmentSecurity of the stack against its
 * own estate), `expect(adcs).toSatisfyAdcsEstate()`, or
 * `expect(Testing.synth(stack)).toSatisfyAdcsEstate(adcs)` (props and `adcs.spec` work too).
 */
export function toSatisfyAdcsEstate(received: unknown, estate?: EstateLike): MatcherResult {
  if (estate === undefined) {
    const reports = checkStack(received as object);
    return { pass: reports.every((r) => r.report.ok), message: () => renderStackReports(reports) };
  }
  const r = checkPlanAgainst(received, estate);
  return { pass: r.ok, message: () => renderReport(r, CheckFormat.TABLE) };
}
