import { resolveSpec } from '../input/resolve';
import { EstateProps } from '../input/props';
import { checkPlan, CheckReport } from './check';
import { CheckFormat, renderReport } from './report';

/** Result shape of a jest/vitest custom matcher. */
export interface MatcherResult {
  /** True when the plan allows every flow and nothing extra. */
  readonly pass: boolean;
  /** The report, for the failure message. */
  readonly message: () => string;
}

function asPlan(plan: unknown): unknown {
  return typeof plan === 'string' ? JSON.parse(plan) : plan;
}

/**
 * Checks a plan (object or JSON text, e.g. `Testing.synth(stack)`) against an estate; returns
 * the report. For the framework-free form, see `assertPlanSatisfies`.
 */
export function checkPlanAgainst(plan: unknown, estate: EstateProps): CheckReport {
  return checkPlan(asPlan(plan), resolveSpec(estate, 'estate'));
}

/** Throws an Error with the readable report unless the plan allows every flow and nothing extra. */
export function assertPlanSatisfies(plan: unknown, estate: EstateProps): void {
  const r = checkPlanAgainst(plan, estate);
  if (!r.ok) throw new Error(`plan does not satisfy the AD CS estate:\n${renderReport(r, CheckFormat.TABLE)}`);
}

/**
 * A jest/vitest matcher: `expect.extend({ toSatisfyAdcsEstate })`, then
 * `expect(Testing.synth(stack)).toSatisfyAdcsEstate(estate)`.
 */
export function toSatisfyAdcsEstate(received: unknown, estate: EstateProps): MatcherResult {
  const r = checkPlanAgainst(received, estate);
  return { pass: r.ok, message: () => renderReport(r, CheckFormat.TABLE) };
}
