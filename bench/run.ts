// `npm run bench`: load, example synth against the baseline, and scale, each in fresh
// processes; prints the tables and writes bench/results.json, bench/chart.svg, bench/README.md.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { chartSvg } from './chart';
import { REPO_ROOT } from './estates';
import { ENTRY, measureLoad } from './load';
import { runOnce } from './measure';
import { readmeOf } from './readme';
import { BenchEnv, BenchResults } from './results';
import { measureScale, scaleGrowth } from './scale';
import { measureRatio, renderRatio } from './ratio';
import { measureSynth } from './synth';
import { renderText, tablesOf } from './tables';
import { evaluateTargets } from './targets';

/** Progress goes to stderr; the tables to stdout. */
function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** HEAD's short hash, `+dirty` when lib/ or examples/ have uncommitted changes. */
function commit(): string {
  const git = (...args: string[]): string => spawnSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).stdout?.trim() ?? '';
  const head = git('rev-parse', '--short', 'HEAD') || 'unknown';
  return git('status', '--porcelain', '--', 'lib', 'examples') ? `${head}+dirty` : head;
}

function repsOf(argv: readonly string[]): number {
  const i = argv.indexOf('--reps');
  const n = i >= 0 ? Number(argv[i + 1]) : 5;
  if (!Number.isInteger(n) || n < 1) throw new Error('--reps takes a positive integer');
  return n;
}

function main(): void {
  const reps = repsOf(process.argv.slice(2));
  const started = process.hrtime.bigint();
  const tmp = mkdtempSync(join(tmpdir(), 'adcs-bench-'));
  try {
    log(`adcs-firewall bench: ${reps} run(s) per number, fresh processes, scratch in ${tmp}`);
    runOnce(join(__dirname, 'probe', 'require.js'), [ENTRY]); // warm the file cache; not counted
    log('load ...');
    const load = measureLoad(reps);
    log('example synth and baseline ...');
    const synth = measureSynth(reps, tmp);
    log('scale ...');
    const scale = measureScale(reps, tmp, log);
    const growth = scaleGrowth(scale);
    const targets = evaluateTargets(load, synth, scale, growth);
    const env: BenchEnv = {
      date: new Date().toISOString(), commit: commit(), node: process.version, cpu: cpus()[0]?.model.trim() ?? 'unknown',
      cores: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), reps,
      durationS: Number(process.hrtime.bigint() - started) / 1e9,
    };
    const results: BenchResults = { env, load, synth, scale, growth, targets };
    const dir = join(REPO_ROOT, 'bench');
    writeFileSync(join(dir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync(join(dir, 'chart.svg'), chartSvg(results));
    writeFileSync(join(dir, 'README.md'), readmeOf(results));
    process.stdout.write(`${tablesOf(results).map(renderText).join('\n\n')}\n\n`);
    log('synth against validate ...');
    process.stdout.write(`${renderRatio(measureRatio(reps, join(tmp, 'ratio')))}\n\n`);
    for (const s of scale.filter((x) => x.error)) {
      process.stdout.write(`${s.platform} ${s.sites}×${s.cidrsPerSite}: ${s.error!.slice(0, 400)}${s.error!.length > 400 ? '…' : ''}\n`);
    }
    log(`wrote bench/results.json, bench/chart.svg, bench/README.md (${Math.round(env.durationS)} s)`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main();
