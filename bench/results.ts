// The shape of bench/results.json.
import { BenchPlatform } from './estates';
import { Growth } from './growth';
import { Measurement } from './measure';

/** Where and how the bench ran. */
export interface BenchEnv {
  /** ISO date of the run. */
  readonly date: string;
  /** Git commit of the repository (HEAD), with `+dirty` when lib/ or examples/ had changes. */
  readonly commit: string;
  /** `process.version`. */
  readonly node: string;
  /** CPU model. */
  readonly cpu: string;
  /** Logical CPUs. */
  readonly cores: number;
  /** Total memory, GB. */
  readonly memoryGb: number;
  /** Runs per measurement (medians are reported). */
  readonly reps: number;
  /** Duration of the whole bench, s. */
  readonly durationS: number;
}

/** One module's share of a load, in load order within its process. */
export interface LoadShare {
  /** What was required (package name or path under the repository). */
  readonly module: string;
  /** Time its require took on top of the modules loaded before it in the same process, ms (median). */
  readonly requireMs: number;
  /** Modules loaded before it in that process. */
  readonly after: readonly string[];
}

/** Loading the library's entry point. */
export interface LoadResult {
  /** A fresh process requiring dist/lib/index.js. */
  readonly entry: Measurement;
  /** A fresh process requiring nothing (Node's own start-up and memory). */
  readonly node: Measurement;
  /** What the entry's time is made of. */
  readonly shares: readonly LoadShare[];
}

/** One example synthesis, ours against the baseline. */
export interface SynthResult {
  /** `cli azure`, `cli aws`, `examples app`. */
  readonly name: string;
  /** The command measured. */
  readonly command: string;
  /** Stacks written. */
  readonly stacks: readonly string[];
  /** Our run. */
  readonly ours: Measurement;
  /** The baseline program declaring the same stacks. */
  readonly baseline: Measurement;
  /** baseline time / our time (target ≥ 5). */
  readonly timeRatio: number;
  /** baseline peak memory / our peak memory (target ≥ 5). */
  readonly memoryRatio: number;
  /** Where the baseline's stacks differ from ours (empty: same resources, same content). */
  readonly contentDiff: readonly string[];
  /** Resources written (all stacks). */
  readonly resources: number;
  /** Firewall rules written (all stacks). */
  readonly rules: number;
  /** The fewest rules for the same flows (all stacks). */
  readonly minimumRules: number;
  /** Rules with one per tier pair, identical rules on a shared Azure NSG not merged (all stacks). */
  readonly perPairRules: number;
}

/** One estate size of the scale series. */
export interface ScaleResult {
  /** Platform. */
  readonly platform: BenchPlatform;
  /** Series the size belongs to (the 1-site point is in both). */
  readonly series: readonly ('cidrs' | 'sites')[];
  /** Sites (AdcsEnrollmentSecurity constructs) in the one stack. */
  readonly sites: number;
  /** Client CIDRs per site. */
  readonly cidrsPerSite: number;
  /** The measured app run. */
  readonly run: Measurement;
  /** Library work in the child (construct tree + synth), ms: the run minus Node start-up and module loading. */
  readonly workMs: number;
  /** Bad-input message when the estate cannot be rendered (AWS quota), else absent. */
  readonly error?: string;
  /** Resources written (absent on error). */
  readonly resources?: number;
  /** Firewall rules written (absent on error). */
  readonly rules?: number;
  /** The fewest rules for the same flows, computed from the flows. */
  readonly minimumRules: number;
  /** Rules with one per tier pair, identical rules on a shared Azure NSG not merged. */
  readonly perPairRules: number;
  /** rules / minimumRules (goal 1.0; absent on error). */
  readonly rulesRatio?: number;
}

/** Growth of one series. */
export interface GrowthResult {
  /** Platform. */
  readonly platform: BenchPlatform;
  /** `cidrs` (client CIDRs of one site) or `sites`. */
  readonly series: 'cidrs' | 'sites';
  /** Sizes fitted (those that synthesized). */
  readonly sizes: readonly number[];
  /** Of the process wall time. */
  readonly wall: Growth;
  /** Of the library's work in the process (construct tree + synth). */
  readonly work: Growth;
  /** Of the peak memory (MB per unit). */
  readonly memory: Growth;
}

/** One target of issue 8 and how the run did against it. */
export interface TargetResult {
  /** The target. */
  readonly target: string;
  /** What was measured. */
  readonly measured: string;
  /** Met or missed. */
  readonly met: boolean;
}

/** bench/results.json. */
export interface BenchResults {
  /** Environment. */
  readonly env: BenchEnv;
  /** Loading the entry point. */
  readonly load: LoadResult;
  /** Example syntheses against the baseline. */
  readonly synth: readonly SynthResult[];
  /** Scale series. */
  readonly scale: readonly ScaleResult[];
  /** Growth per platform and series. */
  readonly growth: readonly GrowthResult[];
  /** Targets. */
  readonly targets: readonly TargetResult[];
}
