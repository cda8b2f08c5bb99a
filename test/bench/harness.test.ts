import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { QUICK } from '../../bench/config';
import { EXAMPLE_SPECS, REPO_ROOT } from '../../bench/estates';
import { exponentOf, fitSeries, lineFit } from '../../bench/growth';
import { BenchResults, rowOf } from '../../bench/results';
import { Contender, ContenderRuns, pairedRatio, runRounds } from '../../bench/rounds';
import { readmeOf } from '../../bench/readme';
import { optionsOf } from '../../bench/run';
import { measureStart, START_ROWS } from '../../bench/start';
import { renderMarkdown, tablesOf } from '../../bench/tables';
import { statusBelow } from '../../bench/targets';
import { measureVersus, VERSUS_ROWS } from '../../bench/versus';

// The bench harness on tiny inputs: well-formed rows, rotation, budgets, fits and tables.
// Nothing here is timed as a pass/fail criterion (speed targets live in `npm run bench`).
const tmp = mkdtempSync(join(tmpdir(), 'adcs-bench-test-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const NOOP = join(__dirname, '..', '..', 'bench', 'probe', 'require.js');

describe('bench rounds', () => {
  it('runs every contender once a round, in a rotating order, and pairs ratios per round', () => {
    // GIVEN two contenders that record when they start
    const order: string[] = [];
    const c = (name: string): Contender => ({ name, command: name, script: NOOP, args: [], opts: { before: () => order.push(name) } });
    // WHEN three rounds run
    const runs = runRounds([c('a'), c('b')], 3);
    // THEN round r starts with contender r mod 2, each ran three times
    assert.deepEqual(order, ['a', 'b', 'b', 'a', 'a', 'b']);
    assert.deepEqual(runs.map((r) => r.byRound.length), [3, 3]);
    const q = pairedRatio(runs[0], runs[1])!;
    assert.equal(q.perRound.length, 3);
    assert.ok(q.spread.min <= q.spread.median && q.spread.median <= q.spread.max);
    // AND the row is well-formed
    const row = rowOf('s', runs[0]);
    assert.equal(row.rounds, 3);
    assert.deepEqual(row.exitCodes, [0]);
    assert.ok(row.wallMs && row.wallMs.min <= row.wallMs.median && row.wallMs.median <= row.wallMs.max);
    assert.ok(row.rssMb && row.rssMb.median > 0);
  });

  it('stops a contender over budget after one run and skips the ones that follow it', () => {
    // GIVEN a budget no process start can meet (1 ms), and a contender skipped after it
    const slow: Contender = { name: 'slow', command: 'slow', script: NOOP, args: [], budgetMs: 1 };
    const next: Contender = { name: 'next', command: 'next', script: NOOP, args: [], skipAfter: ['slow'] };
    // WHEN two rounds run
    const [s, n] = runRounds([slow, next], 2);
    // THEN the slow one ran once and is over budget; the next one was not measured
    assert.equal(s.status, 'over budget');
    assert.equal(s.byRound.filter(Boolean).length, 1);
    assert.equal(n.status, 'not measured');
    assert.match(n.note ?? '', /slow was over budget/);
    assert.equal(rowOf('s', n).wallMs, undefined);
  });
});

describe('bench targets and growth', () => {
  it('says met, at risk or not met from the median and the worst round', () => {
    assert.equal(statusBelow({ min: 90, median: 100, max: 140 }, 150), 'met');
    assert.equal(statusBelow({ min: 90, median: 100, max: 160 }, 150), 'at risk');
    assert.equal(statusBelow({ min: 140, median: 155, max: 160 }, 150), 'not met');
    assert.equal(statusBelow({ min: 0.5, median: 0.75, max: 0.75 }, 0.75, false), 'met');
  });

  it('fits the exponent on logs and the slope on sizes', () => {
    const quadratic = [10, 20, 50, 100, 200].map((size) => ({ size, value: 3 * size * size }));
    assert.ok(Math.abs(exponentOf(quadratic) - 2) < 1e-9);
    assert.ok(Math.abs(lineFit([{ x: 1, y: 5 }, { x: 2, y: 7 }, { x: 3, y: 9 }]).slope - 2) < 1e-9);
    // Per round, from the workMs mark; fewer than five sizes give no fit
    const runsAt = (size: number): ContenderRuns => ({
      contender: { name: `n${size}`, command: '', script: '', args: [] }, status: 'ok',
      byRound: [1, 2].map((k) => ({ wallMs: 1, maxRssMb: 1, exitCode: 0, marks: { workMs: k * size }, stderr: '', timedOut: false })),
    });
    const g = fitSeries('linear', [1, 2, 4, 8, 16].map((size) => ({ platform: 'azure', command: 'synth', size, runs: runsAt(size) })))!;
    assert.equal(g.rounds, 2);
    assert.ok(Math.abs(g.exponent.median - 1) < 1e-9);
    assert.deepEqual(g.sizes, [1, 2, 4, 8, 16]);
    assert.equal(fitSeries('short', [1, 2, 4, 8].map((size) => ({ platform: 'azure', command: 'synth', size, runs: runsAt(size) }))), undefined);
  });
});

describe('bench sections on tiny inputs', () => {
  it('measures start and load rows', () => {
    const rows = measureStart({ ...QUICK, rounds: 1 }, () => {});
    assert.deepEqual(rows.map((r) => r.name), Object.values(START_ROWS));
    for (const r of rows) assert.ok(r.wallMs && r.rounds === 1 && r.exitCodes[0] === 0, r.name);
  });

  it('the deep-import program and the floor write the CLI\'s content on the Azure example; tables are rectangular', () => {
    // GIVEN the Azure example  WHEN one quick round runs
    const v = measureVersus({ section: 'examples: azure', platform: 'azure', specFile: EXAMPLE_SPECS.azure, shown: 'azure', stack: 'pki-weu', withRoot: true },
      { ...QUICK, rounds: 1 }, tmp, () => {});
    // THEN the programs declare the same content, check passes, and the root program is listed as not measured (quick)
    const by = (name: string) => v.rows.find((r) => r.name === name)!;
    assert.equal(by(VERSUS_ROWS.deep).sameContent, true);
    assert.equal(by(VERSUS_ROWS.floor).sameContent, true);
    assert.deepEqual(by(VERSUS_ROWS.check).exitCodes, [0]);
    assert.equal(by(VERSUS_ROWS.root).status, 'not measured');
    assert.ok(v.ratios.some((q) => q.b === VERSUS_ROWS.deep && q.of === 'time'));
    const results: BenchResults = {
      env: { date: '', commit: '', node: '', cpu: '', cores: 2, memoryGb: 1, loadAverage: 0, rounds: 1, quick: true, durationS: 0 },
      rows: v.rows, ratios: v.ratios, growth: [], rules: [], targets: [],
    };
    for (const t of tablesOf(results)) {
      for (const row of t.rows) assert.equal(row.length, t.columns.length, t.title);
      assert.match(renderMarkdown(t), /^### /);
    }
  });

  it('reads --quick, BENCH_QUICK and --rounds', () => {
    assert.equal(optionsOf(['--quick'], {}).cfg.quick, true);
    assert.equal(optionsOf([], { BENCH_QUICK: '1' }).outDir, undefined);
    assert.equal(optionsOf([], {}).outDir, join(REPO_ROOT, 'bench'));
    assert.equal(optionsOf(['--rounds', '12'], {}).cfg.rounds, 12);
    assert.throws(() => optionsOf(['--rounds', '0'], {}), /positive integer/);
    assert.deepEqual([optionsOf(['--render-only'], {}).renderOnly, optionsOf(['--render-only'], {}).outDir], [true, join(REPO_ROOT, 'bench')]);
    assert.equal(optionsOf(['--render-only', '--out', tmp], {}).outDir, tmp);
  });
});

describe('bench/README.md', () => {
  const committed = join(REPO_ROOT, 'bench');
  const results = (): BenchResults => JSON.parse(readFileSync(join(committed, 'results.json'), 'utf8'));

  it('is what the renderer writes from bench/results.json (regenerate: npm run bench:render)', () => {
    assert.equal(readFileSync(join(committed, 'README.md'), 'utf8'), readmeOf(results()));
  });

  it('--render-only rewrites README.md from the results.json beside it, measuring nothing', () => {
    // GIVEN a folder holding only the committed results  WHEN rendered
    const dir = mkdtempSync(join(tmp, 'render-'));
    copyFileSync(join(committed, 'results.json'), join(dir, 'results.json'));
    const r = spawnSync(process.execPath, [join(__dirname, '..', '..', 'bench', 'run.js'), '--render-only', '--out', dir], { encoding: 'utf8' });
    // THEN it exits at once with the README of those results, and nothing on stdout (no tables: nothing ran)
    assert.equal(r.status, 0, r.stderr);
    assert.equal(readFileSync(join(dir, 'README.md'), 'utf8'), readmeOf(results()));
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /nothing measured/);
  });
});
