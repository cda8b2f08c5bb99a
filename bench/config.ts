// What a bench run measures: the full run (`npm run bench`) or the quick one (`--quick` or
// BENCH_QUICK=1: tiny sizes, two rounds, the slow contenders left out; for tests and CI smoke).
import { join } from 'node:path';
import type { AuditSizes } from './audit';
import { REPO_ROOT } from './estates';

/** Sizes, rounds and budgets of a run. */
export interface BenchConfig {
  /** Quick mode. */
  readonly quick: boolean;
  /** Rounds of every interleaved section (each round runs every contender once). */
  readonly rounds: number;
  /** Client CIDR counts of the Azure CIDR series (one site). */
  readonly azureCidrSeries: readonly number[];
  /** Client CIDR counts of the AWS growth series (one site, under the raised quota). */
  readonly awsCidrSeries: readonly number[];
  /** Site counts of the sites series. */
  readonly siteSeries: readonly number[];
  /** Client CIDRs of every site in the sites series. */
  readonly cidrsPerSite: number;
  /** The sites series runs `validate` up to this many sites (synth at every size). */
  readonly validateSitesUpTo: number;
  /** A `check` run longer than this is over budget: kept, not repeated, larger sizes not run. */
  readonly checkBudgetMs: number;
  /** Client CIDRs of the rich Azure estate. */
  readonly richAzureCidrs: number;
  /** Client CIDRs of the rich AWS estate (undefined: the most that fit under the raised quota). */
  readonly richAwsCidrs?: number;
  /** Whether the slow contenders run (the root-import program, `cdktf synth`). */
  readonly slowContenders: boolean;
  /** Warm-up calls before the timed work in the warmed-up (batch) processes. */
  readonly warmups: number;
  /** Sizes of the live estates `audit` reads (issue 23). */
  readonly audit: AuditSizes;
}

/** `npm run bench`. */
export const FULL: BenchConfig = {
  quick: false,
  rounds: 10,
  azureCidrSeries: [10, 20, 50, 100, 200, 500, 1000],
  awsCidrSeries: [5, 10, 20, 40, 80],
  // Six sizes (a fit needs five); 100 is left out to keep a full run under ~15 minutes.
  siteSeries: [1, 5, 10, 25, 50, 200],
  // 12 client CIDRs: an AWS site is then 257 resources, so 200 sites reach 51,400.
  cidrsPerSite: 12,
  validateSitesUpTo: 50,
  checkBudgetMs: 5000,
  richAzureCidrs: 1000,
  slowContenders: true,
  warmups: 2,
  audit: { azureNsgs: 1000, azureRules: 50000, awsGroups: 2000, awsRules: 50000, awsInterfaces: 10000 },
};

/** `--quick`: the same sections on tiny inputs. */
export const QUICK: BenchConfig = {
  quick: true,
  rounds: 2,
  azureCidrSeries: [1, 2, 3, 4, 5],
  awsCidrSeries: [1, 2, 3, 4, 5],
  siteSeries: [1, 2, 3, 4, 5],
  cidrsPerSite: 2,
  validateSitesUpTo: 5,
  checkBudgetMs: 5000,
  richAzureCidrs: 5,
  richAwsCidrs: 5,
  slowContenders: false,
  warmups: 1,
  audit: { azureNsgs: 10, azureRules: 200, awsGroups: 10, awsRules: 200, awsInterfaces: 20 },
};

/** The CLI's bin. */
export const CLI = join(REPO_ROOT, 'dist', 'lib', 'cli', 'bin.js');
/** The examples' app (what `cdktf synth` spawns). */
export const EXAMPLES_APP = join(REPO_ROOT, 'dist', 'examples', 'main.js');
/** The baseline programs (plain JavaScript, out of the tsc project). */
export const BASELINES = join(REPO_ROOT, 'bench', 'baselines');
/** cdktf-cli's bin. */
export const CDKTF_CLI = join(REPO_ROOT, 'node_modules', 'cdktf-cli', 'bundle', 'bin', 'cdktf');
/** Probe scripts (compiled). */
export const PROBE = join(__dirname, 'probe');
