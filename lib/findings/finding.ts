import { FindingLevel } from './rule';

/** One finding of a run: a rule's message about one thing, where it is, and whether it was acknowledged. */
export interface Finding {
  /** The rule (`ADCS-C001`). */
  readonly ruleId: string;
  /** Its level. */
  readonly level: FindingLevel;
  /** What was found. */
  readonly message: string;
  /** The tier it is about, when one. */
  readonly tier?: string;
  /** The flow it is about (`enroll-dcom`, `custom:rdp-paw`), when one. */
  readonly flow?: string;
  /** The resources it is about (Terraform addresses), the deciding one first. */
  readonly resources?: readonly string[];
  /** The spec key path it is about (`tiers.ca.cidrs[0]`), when one. */
  readonly specPath?: string;
  /** The reason of the acknowledgement that covers it: it no longer fails the run. */
  readonly acknowledged?: string;
}

/** True when the finding fails a run that fails on `failOn` and above (acknowledged findings never do). */
export function failsRun(f: Finding, failOn: FindingLevel): boolean {
  if (f.acknowledged !== undefined) return false;
  return f.level === FindingLevel.ERROR || (failOn === FindingLevel.WARNING && f.level === FindingLevel.WARNING);
}

/** Orders findings most important first: errors, warnings, notes; unacknowledged before acknowledged; then as found. */
export function byImportance(findings: readonly Finding[]): Finding[] {
  const rank = (f: Finding): number => [FindingLevel.ERROR, FindingLevel.WARNING, FindingLevel.NOTE].indexOf(f.level) * 2 + (f.acknowledged === undefined ? 0 : 1);
  return findings.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).map((x) => x.f);
}
