// Issue 8's targets, checked against a run's results (reported, never asserted).
import { GrowthResult, LoadResult, ScaleResult, SynthResult, TargetResult } from './results';

/** Load targets: time (wall of a fresh process) and peak memory. */
export const LOAD_TARGET = { ms: 300, mb: 150 } as const;
/** Example synth: at least this many times faster and leaner than the baseline. */
export const BASELINE_FACTOR = 5;
/** 1,000 client CIDRs (Azure) or 50 sites (both): wall time under this. */
export const SCALE_TARGET_MS = 3000;
/** Growth no worse than linear: the work's exponent between the two largest sizes at most this (1 = linear, noise allowed). */
export const LINEAR_EXPONENT = 1.1;

const ms = (v: number): string => `${Math.round(v)} ms`;
const mb = (v: number): string => `${Math.round(v)} MB`;
const x = (v: number): string => `×${v.toFixed(1)}`;

/** Every target with what was measured and whether it is met. */
export function evaluateTargets(load: LoadResult, synth: readonly SynthResult[], scale: readonly ScaleResult[], growth: readonly GrowthResult[]): TargetResult[] {
  const out: TargetResult[] = [];
  const entryRequire = Object.entries(load.entry.marks).reduce((n, [k, v]) => n + (k.startsWith('require ') ? Number(v) : 0), 0);
  out.push({ target: `load the library < ${LOAD_TARGET.ms} ms`, met: load.entry.wallMs < LOAD_TARGET.ms,
    measured: `${ms(load.entry.wallMs)} (process; require alone ${ms(entryRequire)}, Node alone ${ms(load.node.wallMs)})` });
  out.push({ target: `load the library < ${LOAD_TARGET.mb} MB`, met: load.entry.maxRssMb < LOAD_TARGET.mb,
    measured: `${mb(load.entry.maxRssMb)} (Node alone ${mb(load.node.maxRssMb)})` });
  for (const s of synth) {
    out.push({ target: `${s.name}: ≥ ${BASELINE_FACTOR}× faster than the baseline`, met: s.timeRatio >= BASELINE_FACTOR,
      measured: `${ms(s.ours.wallMs)} vs ${ms(s.baseline.wallMs)}: ${x(s.timeRatio)}` });
    out.push({ target: `${s.name}: ≥ ${BASELINE_FACTOR}× less memory than the baseline`, met: s.memoryRatio >= BASELINE_FACTOR,
      measured: `${mb(s.ours.maxRssMb)} vs ${mb(s.baseline.maxRssMb)}: ${x(s.memoryRatio)}` });
    out.push({ target: `${s.name}: the baseline declares the same resources (check)`, met: s.contentDiff.length === 0,
      measured: s.contentDiff.length === 0 ? `same content, ${s.resources} resources` : s.contentDiff.slice(0, 3).join('; ') });
  }
  const at = (platform: string, sites: number, cidrs: number): ScaleResult | undefined =>
    scale.find((r) => r.platform === platform && r.sites === sites && r.cidrsPerSite === cidrs);
  for (const [label, r] of [['Azure, 1,000 client CIDRs', at('azure', 1, 1000)], ['Azure, 50 sites', at('azure', 50, 10)], ['AWS, 50 sites', at('aws', 50, 10)]] as const) {
    if (!r) continue;
    out.push({ target: `${label}: < ${SCALE_TARGET_MS / 1000} s`, met: !r.error && r.run.wallMs < SCALE_TARGET_MS,
      measured: r.error ? `error: ${r.error.slice(0, 120)}` : `${ms(r.run.wallMs)} (${r.resources} resources, ${mb(r.run.maxRssMb)})` });
  }
  for (const g of growth) {
    const unit = g.series === 'cidrs' ? 1000 : 1;
    const what = g.series === 'cidrs' ? 'per 1,000 client CIDRs' : 'per site';
    out.push({ target: `${g.platform} ${g.series === 'cidrs' ? 'client CIDRs' : 'sites'}: growth no worse than linear`,
      met: g.work.exponent <= LINEAR_EXPONENT,
      measured: `work exponent ${g.work.exponent.toFixed(2)} between ${g.sizes.slice(-2).join(' and ')}; ${ms(g.work.slope * unit)} ${what}` });
  }
  const rated = [
    ...synth.map((s) => ({ label: s.name, rules: s.rules, minimum: s.minimumRules, perPair: s.perPairRules })),
    ...scale.filter((r) => !r.error).map((r) => ({ label: `${r.platform} ${r.sites}×${r.cidrsPerSite}`, rules: r.rules!, minimum: r.minimumRules, perPair: r.perPairRules })),
  ];
  const off = rated.filter((r) => r.rules !== r.minimum);
  const why = off.length > 0 && off.every((r) => r.rules === r.perPair)
    ? ' (each equals one rule per tier pair: identical rules of co-located tiers on a shared Azure NSG are not merged)' : '';
  out.push({ target: 'rules emitted = minimum (ratio 1.0) on every estate', met: off.length === 0,
    measured: off.length === 0 ? `1.00 on all ${rated.length} estates that synthesize`
      : `${off.length} of ${rated.length} off: ${off.map((r) => `${r.label} ${r.rules}/${r.minimum} = ${(r.rules / r.minimum).toFixed(2)}`).join('; ')}${why}` });
  for (const r of scale.filter((s) => s.error)) {
    out.push({ target: `${r.platform} ${r.sites}×${r.cidrsPerSite} over the quota: a clear quota error (check)`, met: /quota/i.test(r.error!),
      measured: `exit ${r.run.exitCode}, ${ms(r.run.wallMs)}: ${r.error!.slice(0, 100)}…` });
  }
  return out;
}
