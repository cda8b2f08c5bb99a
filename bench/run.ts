// `npm run bench`: every section in fresh processes, interleaved round by round; prints the
// tables and writes bench/results.json and bench/README.md (the repository README's performance
// section is a hand-written summary of them). `--quick` (or BENCH_QUICK=1): tiny sizes, two
// rounds, slow contenders left out, results written only with `--out DIR` (tests and CI smoke).
// `--render-only`: measures nothing, rewrites bench/README.md (or DIR/README.md with `--out DIR`)
// from the results.json beside it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { loadSpecFile } from '../lib/spec';
import { largestFittingAwsCidrs } from '../test/support/quota';
import { BenchConfig, FULL, QUICK } from './config';
import { measureConstructs } from './constructs';
import { EXAMPLE_SPECS, PLATFORMS, REPO_ROOT, siteProps } from './estates';
import { fitSeries, measureCidrGrowth } from './growth';
import { measureRatio, renderRatio } from './ratio';
import { readmeOf } from './readme';
import { BenchEnv, BenchResults, RatioResult, Row } from './results';
import { pairedRatio } from './rounds';
import { measureRules } from './rules';
import { measureAudit } from './audit';
import { measureCidrSeries, measureSitesSeries, SERIES, SeriesRuns } from './series';
import { measureStart } from './start';
import { renderText, tablesOf } from './tables';
import { evaluateTargets } from './targets';
import { measureVersus, VersusEstate } from './versus';

/** Progress goes to stderr; the tables to stdout. */
function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** HEAD's short hash, `+dirty` when lib/, examples/ or bench/ have uncommitted changes. */
function commit(): string {
  const git = (...args: string[]): string => spawnSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).stdout?.trim() ?? '';
  const head = git('rev-parse', '--short', 'HEAD') || 'unknown';
  return git('status', '--porcelain', '--', 'lib', 'examples', 'bench') ? `${head}+dirty` : head;
}

/** Options of a run. */
export interface RunOptions {
  /** The sizes and rounds. */
  readonly cfg: BenchConfig;
  /** Where to write results.json and README.md (undefined: nowhere). */
  readonly outDir?: string;
  /** Measure nothing: rewrite README.md in `outDir` from the results.json there. */
  readonly renderOnly: boolean;
}

/** Parses argv and the environment. */
export function optionsOf(argv: readonly string[], env: NodeJS.ProcessEnv): RunOptions {
  const quick = argv.includes('--quick') || env.BENCH_QUICK === '1';
  const renderOnly = argv.includes('--render-only');
  const i = argv.indexOf('--out');
  const j = argv.indexOf('--rounds');
  let cfg = quick ? QUICK : FULL;
  if (j >= 0) {
    const n = Number(argv[j + 1]);
    if (!Number.isInteger(n) || n < 1) throw new Error('--rounds takes a positive integer');
    cfg = { ...cfg, rounds: n };
  }
  const outDir = i >= 0 ? resolve(argv[i + 1]) : quick && !renderOnly ? undefined : join(REPO_ROOT, 'bench');
  return { cfg, outDir, renderOnly };
}

/** Runs every section; returns the results. */
export function runBench(cfg: BenchConfig, tmp: string): BenchResults {
  const started = process.hrtime.bigint();
  const load = loadavg()[0];
  const rows: Row[] = [];
  const ratios: RatioResult[] = [];
  log(`adcs-firewall bench${cfg.quick ? ' (quick)' : ''}: ${cfg.rounds} interleaved rounds, fresh processes, scratch in ${tmp}`);
  log('start ...');
  rows.push(...measureStart(cfg, log));
  const examples: VersusEstate[] = PLATFORMS.map((platform) => ({
    section: `examples: ${platform}`, platform, specFile: EXAMPLE_SPECS[platform], shown: `examples/${platform}-estate.yaml`,
    stack: loadSpecFile(EXAMPLE_SPECS[platform]).estate.name, withRoot: true,
  }));
  const richAws = cfg.richAwsCidrs ?? largestFittingAwsCidrs(1000, (n) => siteProps('aws', 0, n, 0));
  const rich: VersusEstate[] = [['azure', cfg.richAzureCidrs], ['aws', richAws]].map(([platform, n]) => {
    const file = join(tmp, `rich-${platform}-${n}.json`);
    writeFileSync(file, JSON.stringify(siteProps(platform as 'azure' | 'aws', 0, n as number, 0)));
    return { section: `rich: ${platform}, ${n} client CIDRs`, platform: platform as 'azure' | 'aws', specFile: file, shown: `${platform}-${n}-cidrs.json`, stack: 'pki-s01', withRoot: false };
  });
  for (const e of [...examples, ...rich]) {
    const v = measureVersus(e, cfg, tmp, log);
    rows.push(...v.rows);
    ratios.push(...v.ratios);
  }
  const c = measureConstructs(cfg, tmp, log);
  rows.push(...c.rows);
  ratios.push(...c.ratios);
  const cidrs = measureCidrSeries(cfg, tmp, log);
  rows.push(...cidrs.rows);
  const sites = measureSitesSeries(cfg, tmp, log);
  rows.push(...sites.rows);
  for (const platform of PLATFORMS) {
    const at = (command: string): SeriesRuns | undefined => sites.series.find((s) => s.platform === platform && s.command === command && s.size === 50)
      ?? sites.series.filter((s) => s.platform === platform && s.command === command).sort((a, b) => b.size - a.size)[0];
    const [synth, validate] = [at('synth'), at('validate')];
    if (synth && validate && synth.size === validate.size) {
      const q = pairedRatio(synth.runs, validate.runs);
      if (q) ratios.push({ ...q, section: SERIES.sites, of: 'time' });
      const w = pairedRatio(synth.runs, validate.runs, (r) => Number(r.marks.workMs));
      if (w) ratios.push({ ...w, a: `${w.a} (work after warm-up)`, b: `${w.b} (work after warm-up)`, section: SERIES.sites, of: 'time' });
    }
  }
  const g = measureCidrGrowth(cfg, tmp, log);
  rows.push(...g.rows);
  const growth = [
    fitSeries('azure synth, client CIDRs', g.series.filter((s) => s.platform === 'azure')),
    fitSeries('aws synth, client CIDRs', g.series.filter((s) => s.platform === 'aws')),
    ...PLATFORMS.flatMap((p) => ['synth', 'validate'].map((cmd) => fitSeries(`${p} ${cmd}, sites`, sites.series.filter((s) => s.platform === p && s.command === cmd)))),
  ].filter((x): x is NonNullable<typeof x> => x !== undefined);
  rows.push(...measureAudit(cfg, cfg.audit, tmp, log));
  log('rules against the minimum ...');
  const rules = measureRules(tmp);
  const targets = evaluateTargets(rows, ratios, growth, rules, rich.map((e) => e.section));
  const env: BenchEnv = {
    date: new Date().toISOString(), commit: commit(), node: process.version, cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), loadAverage: load, rounds: cfg.rounds, quick: cfg.quick,
    durationS: Number(process.hrtime.bigint() - started) / 1e9,
  };
  return { env, rows, ratios, growth, rules, targets };
}

function main(): void {
  const opts = optionsOf(process.argv.slice(2), process.env);
  if (opts.renderOnly) {
    const dir = opts.outDir!; // always set with --render-only
    writeFileSync(join(dir, 'README.md'), readmeOf(JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as BenchResults));
    log(`wrote README.md in ${dir} from its results.json (nothing measured)`);
    return;
  }
  const tmp = mkdtempSync(join(tmpdir(), 'adcs-bench-'));
  try {
    const results = runBench(opts.cfg, tmp);
    process.stdout.write(`${tablesOf(results).map(renderText).join('\n\n')}\n\n`);
    if (!opts.cfg.quick) {
      // Issue 13's two estates: synth against validate of the same spec, paired per round.
      log('synth against validate (issue 13 estates) ...');
      process.stdout.write(`${renderRatio(measureRatio(opts.cfg.rounds, join(tmp, 'ratio')))}\n\n`);
    }
    if (opts.outDir) {
      mkdirSync(opts.outDir, { recursive: true });
      writeFileSync(join(opts.outDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
      writeFileSync(join(opts.outDir, 'README.md'), readmeOf(results));
      log(`wrote results.json and README.md in ${opts.outDir}`);
    }
    log(`${Math.round(results.env.durationS)} s in all`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (require.main === module) main();
