// The shape of bench/results.json, and the row of a contender's rounds.
import { ContenderRuns, PairedRatio, runsOf, RunStatus } from './rounds';
import { Spread, spreadOf } from './spread';

/** Where and how the bench ran. */
export interface BenchEnv {
  /** ISO date of the run. */
  readonly date: string;
  /** Git commit of the repository (HEAD), with `+dirty` when lib/, examples/ or bench/ had changes. */
  readonly commit: string;
  /** `process.version`. */
  readonly node: string;
  /** CPU model. */
  readonly cpu: string;
  /** Logical CPUs. */
  readonly cores: number;
  /** Total memory, GB. */
  readonly memoryGb: number;
  /** 1-minute load average when the run started (other work on the machine). */
  readonly loadAverage: number;
  /** Rounds of the interleaved sections. */
  readonly rounds: number;
  /** Quick mode (tiny sizes, two rounds, slow contenders left out). */
  readonly quick: boolean;
  /** Duration of the whole bench, s. */
  readonly durationS: number;
}

/** One contender's measurements over its rounds. */
export interface Row {
  /** Section (`start`, `examples: azure`, `cidr series`, ...). */
  readonly section: string;
  /** Row name within the section. */
  readonly name: string;
  /** The command as a user would type it. */
  readonly command: string;
  /** ok, over budget or not measured. */
  readonly status: RunStatus;
  /** Why over budget or not measured. */
  readonly note?: string;
  /** Rounds it ran in. */
  readonly rounds: number;
  /** Wall time of the process, ms (absent when never run). */
  readonly wallMs?: Spread;
  /** Peak RSS of the process, MB (absent when never run or killed). */
  readonly rssMb?: Spread;
  /** Numeric marks the child reported (phase times, ms), as spreads. */
  readonly marks: Readonly<Record<string, Spread>>;
  /** Distinct exit codes seen. */
  readonly exitCodes: readonly number[];
  /** Size in its series (client CIDRs or sites). */
  readonly size?: number;
  /** Resources written (synth rows). */
  readonly resources?: number;
  /** Firewall rules written (synth rows). */
  readonly rules?: number;
  /** Whether the output declares the same content as the CLI's (baseline and construct rows). */
  readonly sameContent?: boolean;
  /** Where it differs from the CLI's output. */
  readonly contentDiff?: readonly string[];
}

/** A paired ratio, named. */
export interface RatioResult extends PairedRatio {
  /** Section of both rows. */
  readonly section: string;
  /** What is compared (`time`, `memory`). */
  readonly of: 'time' | 'memory';
}

/** Growth of a cost over a series, fitted per round after warm-up. */
export interface GrowthResult {
  /** `azure client CIDRs synth`, ... */
  readonly name: string;
  /** Sizes fitted (at least five). */
  readonly sizes: readonly number[];
  /** Median work (ms, in the warmed-up process) at each size. */
  readonly medianMs: readonly number[];
  /** Exponent k of work ∝ size^k (least squares on logs), per round: 1 linear, 2 quadratic. */
  readonly exponent: Spread;
  /** Least-squares ms per unit of size, per round. */
  readonly slopeMs: Spread;
  /** Rounds fitted. */
  readonly rounds: number;
}

/** Rules written against the minimum on one estate. */
export interface RulesResult {
  /** Estate label. */
  readonly estate: string;
  /** Platform. */
  readonly platform: 'azure' | 'aws';
  /** Client CIDRs as listed in the spec. */
  readonly clientCidrs: readonly string[];
  /** Rules the CLI wrote (absent on error). */
  readonly rules?: number;
  /** The fewest rules for the same flows. */
  readonly minimum: number;
  /** The count under the library's rule identity (see test/support/spec-minimum.ts). */
  readonly identity: number;
  /** Bad-input message, when the spec does not synthesize. */
  readonly error?: string;
}

/** How a target fared. */
export type TargetStatus = 'met' | 'at risk' | 'not met' | 'not measured';

/** One target and how the run did against it. */
export interface TargetResult {
  /** The target. */
  readonly target: string;
  /** What was measured. */
  readonly measured: string;
  /** met (median meets it, and every round), at risk (median meets it, the worst round does not), not met, not measured. */
  readonly status: TargetStatus;
}

/** bench/results.json. */
export interface BenchResults {
  /** Environment. */
  readonly env: BenchEnv;
  /** Every measured contender. */
  readonly rows: readonly Row[];
  /** Paired ratios. */
  readonly ratios: readonly RatioResult[];
  /** Growth fits. */
  readonly growth: readonly GrowthResult[];
  /** Rules against the minimum. */
  readonly rules: readonly RulesResult[];
  /** Targets. */
  readonly targets: readonly TargetResult[];
}

/** The row of a contender's rounds (`extra`: counts and content checks known to the section). */
export function rowOf(section: string, c: ContenderRuns, extra: Partial<Row> = {}): Row {
  const runs = runsOf(c);
  const finished = runs.filter((r) => !r.timedOut);
  const marks: Record<string, Spread> = {};
  for (const key of Object.keys(finished[0]?.marks ?? {})) {
    const values = finished.map((r) => r.marks[key]).filter((v): v is number => typeof v === 'number');
    if (values.length > 0) marks[key] = spreadOf(values);
  }
  return {
    section, name: c.contender.name, command: c.contender.command, status: c.status, ...(c.note ? { note: c.note } : {}),
    rounds: runs.length,
    ...(runs.length > 0 ? { wallMs: spreadOf(runs.map((r) => r.wallMs)) } : {}),
    ...(finished.length > 0 ? { rssMb: spreadOf(finished.map((r) => r.maxRssMb)) } : {}),
    marks, exitCodes: [...new Set(runs.map((r) => r.exitCode))].sort((a, b) => a - b),
    ...extra,
  };
}
