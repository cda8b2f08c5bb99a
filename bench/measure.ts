// Runs a script in fresh Node processes and measures it: wall time in this process, peak
// memory and marks reported by the child itself at exit (probe/exit-report.ts).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ChildReport, Marks, REPORT_PREFIX } from './probe/protocol';

/** The preload every measured child runs with. */
const EXIT_REPORT = join(__dirname, 'probe', 'exit-report.js');

/** One run of a child process. */
export interface Run {
  /** Wall time from spawn to exit, measured by the parent, in ms. */
  readonly wallMs: number;
  /** Peak RSS of the child, in MB. */
  readonly maxRssMb: number;
  /** The child's own time from process start to exit, in ms. */
  readonly uptimeMs: number;
  /** Exit status. */
  readonly exitCode: number;
  /** What the child marked. */
  readonly marks: Marks;
  /** The child's stderr (its last 2,000 characters). */
  readonly stderr: string;
}

/** Median-of-runs summary of one measured command. */
export interface Measurement {
  /** Median wall time, ms. */
  readonly wallMs: number;
  /** Median peak RSS, MB. */
  readonly maxRssMb: number;
  /** Median of each numeric mark; string marks from the first run. */
  readonly marks: Marks;
  /** Exit status of the first run. */
  readonly exitCode: number;
  /** Every run's wall time, ms. */
  readonly wallRunsMs: readonly number[];
  /** Every run's peak RSS, MB. */
  readonly rssRunsMb: readonly number[];
  /** stderr of the first run. */
  readonly stderr: string;
}

/** Options of a measured command. */
export interface MeasureOptions {
  /** Working directory of the child. */
  readonly cwd?: string;
  /** Extra environment variables. */
  readonly env?: Readonly<Record<string, string>>;
  /** Called before each run with the run's index (to give it a fresh output folder). */
  readonly before?: (run: number) => void;
}

/** The median of some numbers (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Runs `node -r exit-report <script> <args>` once in a fresh process. Throws when the child printed no report. */
export function runOnce(script: string, args: readonly string[], opts: MeasureOptions = {}): Run {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-r', EXIT_REPORT, script, ...args], {
    cwd: opts.cwd, env: { ...process.env, ...opts.env }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024,
  });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.error) throw r.error;
  const line = r.stdout.split('\n').reverse().find((l) => l.startsWith(REPORT_PREFIX));
  if (!line) {
    throw new Error(`no report from node ${script} ${args.join(' ')} (exit ${r.status}, signal ${r.signal}):\n${r.stderr.slice(-2000)}`);
  }
  const report = JSON.parse(line.slice(REPORT_PREFIX.length)) as ChildReport;
  return {
    wallMs, maxRssMb: report.maxRssKb / 1024, uptimeMs: report.uptimeMs, exitCode: r.status ?? report.exitCode,
    marks: report.marks, stderr: r.stderr.slice(-2000),
  };
}

/** Summarizes runs of one command by their medians. */
function summarize(runs: readonly Run[]): Measurement {
  const marks: Marks = {};
  for (const [k, v] of Object.entries(runs[0].marks)) {
    marks[k] = typeof v === 'number' ? median(runs.map((r) => Number(r.marks[k]))) : v;
  }
  return {
    wallMs: median(runs.map((r) => r.wallMs)),
    maxRssMb: median(runs.map((r) => r.maxRssMb)),
    marks,
    exitCode: runs[0].exitCode,
    wallRunsMs: runs.map((r) => r.wallMs),
    rssRunsMb: runs.map((r) => r.maxRssMb),
    stderr: runs[0].stderr,
  };
}

/** One command to measure: a script, its arguments and options. */
export interface Command {
  /** Script run by node. */
  readonly script: string;
  /** Its arguments. */
  readonly args: readonly string[];
  /** Options. */
  readonly opts?: MeasureOptions;
}

/**
 * Runs each command `reps` times, each run in a fresh process, taking turns (A B A B ...) so
 * that a slower or faster spell of the machine weighs on every command alike.
 */
export function measureAlternating(commands: readonly Command[], reps: number): Measurement[] {
  const runs: Run[][] = commands.map(() => []);
  for (let i = 0; i < reps; i++) {
    commands.forEach((c, j) => {
      c.opts?.before?.(i);
      runs[j].push(runOnce(c.script, c.args, c.opts));
    });
  }
  return runs.map(summarize);
}

/** Runs a script `reps` times, each in a fresh process, and summarizes the runs by their medians. */
export function measure(script: string, args: readonly string[], reps: number, opts: MeasureOptions = {}): Measurement {
  return measureAlternating([{ script, args, opts }], reps)[0];
}
