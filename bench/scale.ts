// The scale series: one app per estate size (sites × client CIDRs), synthesized in fresh
// processes; rules written against the minimum computed from the flows; growth per series.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { flowsOf } from '../lib/model/flows';
import { resolveSpec } from '../lib/input/resolve';
import {
  AWS_MAX_RULE_QUOTA, BenchPlatform, CIDR_SERIES, cidrSeries, CIDRS_PER_SITE, PLATFORMS, SCALE_STACK, scaleProps, ScaleSize,
  scaleSizes, SITE_SERIES, siteProps,
} from './estates';
import { growthOf } from './growth';
import { measure } from './measure';
import { GrowthResult, ScaleResult } from './results';
import { countStack, readStack } from './tfjson';
import { minimumAwsRuleCounts } from './minimum';
import { minimumOfSpec, RuleMinimum } from './spec-minimum';

const SCALE_APP = join(__dirname, 'probe', 'scale-app.js');

/** The rule minimum of every site of a size, summed (sites share no NSG or group). */
function minimumOf(size: ScaleSize): RuleMinimum {
  const each = scaleProps(size).map((props, i) => minimumOfSpec(resolveSpec(props, `site ${i + 1}`)));
  return { minimum: each.reduce((n, m) => n + m.minimum, 0), perPair: each.reduce((n, m) => n + m.perPair, 0) };
}

/**
 * The most client CIDRs one AWS site holds under the raised quota (its busiest group and
 * direction at most AWS_MAX_RULE_QUOTA rules), from the minimum rule counts: the AWS CIDR
 * series gets this point too, so it has a point between 10 and the quota error.
 */
export function largestFittingAwsCidrs(max: number): number {
  const fits = (n: number): boolean => {
    const spec = resolveSpec(siteProps('aws', 0, n, 0), 'largest fitting');
    const counts = minimumAwsRuleCounts(spec.estate, flowsOf(spec.estate), spec.aws?.allowAllEgress ?? false);
    return Math.max(...counts.values()) <= AWS_MAX_RULE_QUOTA;
  };
  let lo = 1;
  let hi = max;
  if (fits(hi)) return hi;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Measures one size. */
function measureSize(size: ScaleSize, extra: readonly number[], reps: number, tmp: string, log: (line: string) => void): ScaleResult {
  const out = join(tmp, `scale-${size.platform}-${size.sites}x${size.cidrsPerSite}`);
  const run = measure(SCALE_APP, [size.platform, String(size.sites), String(size.cidrsPerSite), out], reps,
    { cwd: tmp, before: () => rmSync(out, { recursive: true, force: true }) });
  const series: ('cidrs' | 'sites')[] = [];
  if (size.sites === 1 && cidrSeries(extra).includes(size.cidrsPerSite)) series.push('cidrs');
  if (size.cidrsPerSite === CIDRS_PER_SITE && SITE_SERIES.includes(size.sites)) series.push('sites');
  const { minimum: minimumRules, perPair: perPairRules } = minimumOf(size);
  const workMs = Number(run.marks.buildMs ?? 0) + Number(run.marks.synthMs ?? 0);
  const base = { platform: size.platform, series, sites: size.sites, cidrsPerSite: size.cidrsPerSite, run, workMs, minimumRules, perPairRules };
  let result: ScaleResult;
  if (run.exitCode === 0) {
    const counts = countStack(readStack(out, SCALE_STACK), size.platform);
    result = { ...base, ...counts, rulesRatio: counts.rules / minimumRules };
  } else {
    const error = typeof run.marks.error === 'string' ? run.marks.error : `exit ${run.exitCode}: ${run.stderr.trim().split('\n').slice(-3).join(' ')}`;
    result = { ...base, error };
  }
  rmSync(out, { recursive: true, force: true });
  log(`  ${size.platform} ${size.sites} site(s) × ${size.cidrsPerSite} client CIDRs: ${Math.round(run.wallMs)} ms, `
    + `${Math.round(run.maxRssMb)} MB, ${result.error ? 'error (see results)' : `${result.rules} rules / minimum ${minimumRules}`}`);
  return result;
}

/** Measures every size of both series on both platforms. */
export function measureScale(reps: number, tmp: string, log: (line: string) => void): ScaleResult[] {
  const extra: Partial<Record<BenchPlatform, number[]>> = { aws: [largestFittingAwsCidrs(Math.max(...CIDR_SERIES))] };
  return scaleSizes(extra).map((size) => measureSize(size, extra[size.platform] ?? [], reps, tmp, log));
}

/** Growth of time and memory over each series (sizes that synthesized only; at least two needed). */
export function scaleGrowth(results: readonly ScaleResult[]): GrowthResult[] {
  const out: GrowthResult[] = [];
  for (const platform of PLATFORMS) {
    for (const series of ['cidrs', 'sites'] as const) {
      const points = results.filter((r) => r.platform === platform && r.series.includes(series) && !r.error);
      if (points.length < 2) continue;
      const size = (r: ScaleResult): number => (series === 'cidrs' ? r.cidrsPerSite : r.sites);
      out.push({
        platform, series, sizes: points.map(size),
        wall: growthOf(points.map((r) => ({ size: size(r), value: r.run.wallMs }))),
        work: growthOf(points.map((r) => ({ size: size(r), value: r.workMs }))),
        memory: growthOf(points.map((r) => ({ size: size(r), value: r.run.maxRssMb }))),
      });
    }
  }
  return out;
}
