// Runs a script in a fresh Node process and measures it: wall time in this process, peak
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
  /** Peak RSS of the child (its own process, not its children), in MB; 0 when it timed out. */
  readonly maxRssMb: number;
  /** Exit status (-1 when killed at the time limit). */
  readonly exitCode: number;
  /** What the child marked. */
  readonly marks: Marks;
  /** The child's stderr (its last 2,000 characters). */
  readonly stderr: string;
  /** Killed at the time limit. */
  readonly timedOut: boolean;
}

/** Options of a measured command. */
export interface MeasureOptions {
  /** Working directory of the child. */
  readonly cwd?: string;
  /** Extra environment variables. */
  readonly env?: Readonly<Record<string, string>>;
  /** Called before each run (to give it a fresh output folder). */
  readonly before?: () => void;
  /** Kill the child after this many ms (the run is then reported as timed out). @default none */
  readonly timeoutMs?: number;
}

/** The median of some numbers (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * Runs `node -r exit-report <script> <args>` once in a fresh process. Throws when the child
 * printed no report, unless it was killed at the time limit.
 */
export function runOnce(script: string, args: readonly string[], opts: MeasureOptions = {}): Run {
  opts.before?.();
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-r', EXIT_REPORT, script, ...args], {
    cwd: opts.cwd, env: { ...process.env, ...opts.env }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024,
    timeout: opts.timeoutMs, killSignal: 'SIGKILL',
  });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const timedOut = opts.timeoutMs !== undefined && r.signal === 'SIGKILL' && wallMs >= opts.timeoutMs;
  if (timedOut) return { wallMs, maxRssMb: 0, exitCode: -1, marks: {}, stderr: '', timedOut };
  if (r.error) throw r.error;
  const line = r.stdout.split('\n').reverse().find((l) => l.startsWith(REPORT_PREFIX));
  if (!line) {
    throw new Error(`no report from node ${script} ${args.join(' ')} (exit ${r.status}, signal ${r.signal}):\n${r.stderr.slice(-2000)}`);
  }
  const report = JSON.parse(line.slice(REPORT_PREFIX.length)) as ChildReport;
  return {
    wallMs, maxRssMb: report.maxRssKb / 1024, exitCode: r.status ?? report.exitCode, marks: report.marks, stderr: r.stderr.slice(-2000), timedOut,
  };
}
