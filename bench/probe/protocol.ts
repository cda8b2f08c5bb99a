/** Prefix of the one stdout line a measured child prints at exit (see exit-report.ts). */
export const REPORT_PREFIX = '@@adcs-bench ';

/** Global key under which a child's named measurements are kept until exit. */
export const MARKS_KEY = Symbol.for('adcs-firewall.bench.marks');

/** Named values a child records about itself (phase times in ms, counts, an error message). */
export type Marks = Record<string, number | string>;

/** What a measured child reports about itself at exit. */
export interface ChildReport {
  /** Peak resident set size of the child, in KB (`process.resourceUsage().maxRSS`). */
  readonly maxRssKb: number;
  /** Time from process start (before Node's bootstrap) to exit, in ms (`process.uptime()`). */
  readonly uptimeMs: number;
  /** Exit code the child was about to exit with. */
  readonly exitCode: number;
  /** What the child's script recorded with `mark`. */
  readonly marks: Marks;
}
