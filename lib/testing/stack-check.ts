import { Messages } from '../errors';
import { registeredEstates } from '../framework/estates';
import type { EstateProps } from '../input/props';
import type { ResolvedInput } from '../input/resolved';
import { resolveSpec } from '../spec';
import { checkPlan, CheckReport } from '../check/check';
import { CheckFormat, renderReport } from '../check/report';

/** The check of one AdcsEnrollmentSecurity of a stack. */
export interface StackEstateReport {
  /** The construct's path (`pki/adcs`). */
  readonly path: string;
  /** Its report against the synthesized stack. */
  readonly report: CheckReport;
}

/** What an estate is given as: props, a resolved spec (`adcs.spec`), or the construct itself. */
export type EstateLike = EstateProps | ResolvedInput | { readonly spec: ResolvedInput };

/** True for a resolved spec (`adcs.spec`): it has `estate` and `warnings` where props have `tiers`. */
function isResolvedSpec(x: unknown): x is ResolvedInput {
  return x !== null && typeof x === 'object' && 'estate' in x && 'warnings' in x && !('tiers' in x);
}

/** The resolved spec of an estate given as props, as `adcs.spec`, or as the construct. */
export function specOf(estate: EstateLike): ResolvedInput {
  if (isResolvedSpec(estate)) return estate;
  const registered = registeredEstates(estate);
  if (registered.length === 1) return registered[0].spec;
  if (estate !== null && typeof estate === 'object' && 'spec' in estate && isResolvedSpec((estate as { spec: unknown }).spec)) {
    return (estate as { spec: ResolvedInput }).spec;
  }
  return resolveSpec(estate, 'estate');
}

/** True when `x` is a stack holding an AdcsEnrollmentSecurity, or the construct itself. */
export function isStackOrEstate(x: unknown): boolean {
  return registeredEstates(x).length > 0;
}

/**
 * The stack's Terraform JSON, synthesized as `Testing.synth` does: `x` is a stack holding an
 * AdcsEnrollmentSecurity or the construct (then its stack).
 */
export function synthesizedPlanOf(x: unknown): unknown {
  const [first] = registeredEstates(x);
  if (!first) throw new Error(Messages.noEstateInStack().text);
  return first.fw.synthStack(first.stack);
}

/**
 * Checks every AdcsEnrollmentSecurity of a stack (or the one construct given) against its own
 * estate, on the stack as synthesized: the user's resources passed as tokens are resolved to
 * the references Terraform sees. Throws when the stack holds none.
 */
export function checkStack(stackOrConstruct: object): StackEstateReport[] {
  const estates = registeredEstates(stackOrConstruct);
  if (estates.length === 0) throw new Error(Messages.noEstateInStack().text);
  const plan = estates[0].fw.synthStack(estates[0].stack);
  return estates.map((e) => ({ path: e.self.node.path, report: checkPlan(plan, e.spec) }));
}

/** The readable report of a stack check: one section per construct. */
export function renderStackReports(reports: readonly StackEstateReport[]): string {
  return reports.map((r) => `${r.path}: ${r.report.ok ? 'satisfies its estate' : 'does not satisfy its estate'}\n${renderReport(r.report, CheckFormat.TABLE)}`).join('\n');
}

/**
 * Throws an Error with the readable report unless every AdcsEnrollmentSecurity of the stack
 * (or the one construct given) is satisfied by the synthesized stack: every flow allowed,
 * nothing extra, every enforcement point present. Works with any test runner.
 */
export function assertStackSatisfies(stackOrConstruct: object): void {
  const reports = checkStack(stackOrConstruct);
  if (reports.some((r) => !r.report.ok)) throw new Error(`stack does not satisfy its AD CS estates:\n${renderStackReports(reports)}`);
}
