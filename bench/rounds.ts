// Interleaved rounds: each round runs every contender once, in a rotating order (round r starts
// with contender r mod n), each run in a fresh process, so a slow or fast spell of the machine
// weighs on every contender alike. Ratios are taken per round, then summarized.
import { MeasureOptions, Run, runOnce } from './measure';
import { Spread, spreadOf } from './spread';

/** One command taking part in the rounds. */
export interface Contender {
  /** Row name, unique within its rounds. */
  readonly name: string;
  /** The command as shown in the tables. */
  readonly command: string;
  /** Script run by node. */
  readonly script: string;
  /** Its arguments. */
  readonly args: readonly string[];
  /** Options (working folder, environment, a fresh output folder before each run). */
  readonly opts?: MeasureOptions;
  /**
   * A run longer than this is over budget: that run is kept and the contender is not run again
   * (nor any contender naming it in `skipAfter`). @default no budget
   */
  readonly budgetMs?: number;
  /** Contenders whose going over budget skips this one (larger sizes of a series). @default none */
  readonly skipAfter?: readonly string[];
}

/** What happened to a contender in the rounds. */
export type RunStatus = 'ok' | 'over budget' | 'not measured';

/** A contender's runs, one per round it ran in (round index kept). */
export interface ContenderRuns {
  /** The contender. */
  readonly contender: Contender;
  /** Its runs by round (undefined: not run in that round). */
  readonly byRound: (Run | undefined)[];
  /** ok, over budget (one long run kept, then stopped) or not measured (skipped after another went over budget). */
  status: RunStatus;
  /** Why it is over budget or not measured. */
  note?: string;
}

/** Runs `rounds` rounds of every contender; `log` gets one line per round. */
export function runRounds(contenders: readonly Contender[], rounds: number, log: (line: string) => void = () => {}): ContenderRuns[] {
  const out: ContenderRuns[] = contenders.map((contender) => ({ contender, byRound: [], status: 'ok' }));
  const byName = new Map(out.map((c) => [c.contender.name, c]));
  for (let r = 0; r < rounds; r++) {
    const started = Date.now();
    for (let k = 0; k < out.length; k++) {
      const c = out[(r + k) % out.length];
      if (c.status !== 'ok') continue;
      const blocker = (c.contender.skipAfter ?? []).map((n) => byName.get(n)).find((b) => b && b.status !== 'ok');
      if (blocker) {
        c.status = 'not measured';
        c.note = `skipped: ${blocker.contender.name} was ${blocker.status}`;
        continue;
      }
      const { budgetMs } = c.contender;
      // The kill limit leaves room above the budget, so a run just over it still reports its memory.
      const run = runOnce(c.contender.script, c.contender.args, { ...c.contender.opts, timeoutMs: budgetMs === undefined ? undefined : budgetMs * 2 });
      c.byRound[r] = run;
      if (budgetMs !== undefined && (run.timedOut || run.wallMs > budgetMs)) {
        c.status = 'over budget';
        c.note = run.timedOut ? `killed after ${Math.round(run.wallMs)} ms (budget ${budgetMs} ms)` : `one run took ${Math.round(run.wallMs)} ms (budget ${budgetMs} ms)`;
      }
    }
    log(`  round ${r + 1}/${rounds}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return out;
}

/** The runs a contender made (rounds it ran in). */
export function runsOf(c: ContenderRuns): Run[] {
  return c.byRound.filter((r): r is Run => r !== undefined);
}

/** A ratio a/b taken per round (rounds where both ran), with its spread. */
export interface PairedRatio {
  /** Numerator contender. */
  readonly a: string;
  /** Denominator contender. */
  readonly b: string;
  /** a/b in each round both ran. */
  readonly perRound: readonly number[];
  /** Spread of the per-round ratios (the ratio quoted is the median). */
  readonly spread: Spread;
}

/** a/b per round of some value of a run (wall time unless told). */
export function pairedRatio(a: ContenderRuns, b: ContenderRuns, value: (r: Run) => number = (r) => r.wallMs): PairedRatio | undefined {
  const perRound: number[] = [];
  a.byRound.forEach((ra, i) => {
    const rb = b.byRound[i];
    if (ra && rb && !ra.timedOut && !rb.timedOut) perRound.push(value(ra) / value(rb));
  });
  return perRound.length === 0 ? undefined : { a: a.contender.name, b: b.contender.name, perRound, spread: spreadOf(perRound) };
}
