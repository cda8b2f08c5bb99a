// How the library's work grows with estate size: fitted per round over at least five sizes,
// on times measured in warmed-up processes (probe/cli-batch.ts runs the CLI's entry on a small
// spec first, untimed), then summarized as the exponent's spread over the rounds.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BenchConfig, PROBE } from './config';
import { BenchPlatform, siteProps } from './estates';
import { GrowthResult, Row, rowOf } from './results';
import { Contender, runRounds } from './rounds';
import { SeriesRuns, seriesName } from './series';
import { spreadOf } from './spread';
import { fresh, writer } from './versus';
import { median } from './measure';

/** One measured size. */
export interface GrowthPoint {
  /** Estate size (client CIDRs, sites). */
  readonly size: number;
  /** Cost at that size (ms). */
  readonly value: number;
}

/** Least-squares line y = intercept + slope·x. */
export function lineFit(points: readonly { x: number; y: number }[]): { slope: number; intercept: number } {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  const sxy = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { slope, intercept: my - slope * mx };
}

/** The exponent k of cost ∝ size^k: the least-squares slope of log(cost) on log(size). */
export function exponentOf(points: readonly GrowthPoint[]): number {
  return lineFit(points.map((p) => ({ x: Math.log(p.size), y: Math.log(Math.max(p.value, 1e-3)) }))).slope;
}

/** Fewest sizes a fit needs. */
export const MIN_SIZES = 5;

/**
 * Fits a series per round: in each round where at least MIN_SIZES sizes ran, the exponent and
 * the ms per unit of the `workMs` mark (the timed work after warm-up). Undefined when no round has enough sizes.
 */
export function fitSeries(name: string, series: readonly SeriesRuns[]): GrowthResult | undefined {
  const sorted = [...series].sort((a, b) => a.size - b.size);
  const rounds = Math.max(0, ...sorted.map((s) => s.runs.byRound.length));
  const exponents: number[] = [];
  const slopes: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const points = sorted.flatMap((s) => {
      const run = s.runs.byRound[r];
      const v = run?.marks.workMs;
      return run && !run.timedOut && typeof v === 'number' ? [{ size: s.size, value: v }] : [];
    });
    if (points.length < MIN_SIZES) continue;
    exponents.push(exponentOf(points));
    slopes.push(lineFit(points.map((p) => ({ x: p.size, y: p.value }))).slope);
  }
  if (exponents.length === 0) return undefined;
  const fitted = sorted.filter((s) => s.runs.byRound.some((run) => typeof run?.marks.workMs === 'number'));
  return {
    name, sizes: fitted.map((s) => s.size),
    medianMs: fitted.map((s) => median(s.runs.byRound.flatMap((run) => (typeof run?.marks.workMs === 'number' ? [run.marks.workMs] : [])))),
    exponent: spreadOf(exponents), slopeMs: spreadOf(slopes), rounds: exponents.length,
  };
}

/** Section name of the warmed-up client CIDR runs. */
export const GROWTH_SECTION = 'growth: client CIDRs, warmed-up process';

/**
 * The client CIDR series in warmed-up processes: `synth` of one site with N client CIDRs (Azure
 * and AWS), the CLI's entry called after warm-up, the fastest of three passes; interleaved.
 */
export function measureCidrGrowth(cfg: BenchConfig, tmp: string, log: (line: string) => void): { rows: Row[]; series: SeriesRuns[] } {
  const work = fresh(join(tmp, 'growth'));
  const batch = join(PROBE, 'cli-batch.js');
  const contenders: { c: Contender; platform: BenchPlatform; size: number }[] = [];
  const sizes: Record<BenchPlatform, readonly number[]> = { azure: cfg.azureCidrSeries, aws: cfg.awsCidrSeries };
  for (const platform of ['azure', 'aws'] as const) {
    for (const n of sizes[platform]) {
      const spec = join(work, `${platform}-${n}.json`);
      writeFileSync(spec, JSON.stringify(siteProps(platform, 0, n, 0)));
      const out = join(work, `out-${platform}-${n}`);
      contenders.push({ platform, size: n, c: writer(seriesName(platform, 'synth', n, 'client CIDRs'), `adcs-firewall synth --spec ${platform}-${n}-cidrs.json (warmed up)`,
        batch, ['synth', out, String(cfg.warmups + 3), '3', spec], work, out) });
    }
  }
  log(`${GROWTH_SECTION} (${contenders.length} contenders) ...`);
  const runs = runRounds(contenders.map((x) => x.c), cfg.rounds, log);
  return {
    rows: runs.map((r, i) => rowOf(GROWTH_SECTION, r, { size: contenders[i].size })),
    series: runs.map((r, i) => ({ platform: contenders[i].platform, command: 'synth', size: contenders[i].size, runs: r })),
  };
}
