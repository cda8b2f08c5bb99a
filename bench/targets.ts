// Issue 15's targets, read from a run's results (reported, never asserted). A target is met when
// the median meets it and every round does; at risk when the median meets it and the worst
// round does not; not met when the median does not.
import { GrowthResult, RatioResult, Row, RulesResult, TargetResult, TargetStatus } from './results';
import { AUDIT_SECTION, auditRowName } from './audit';
import { SERIES, seriesName } from './series';
import { Spread } from './spread';
import { START_ROWS } from './start';
import { VERSUS_ROWS } from './versus';

/** CLI start (`--version`), wall of the process, under this. */
export const CLI_START_MS = 150;
/** `adcs-firewall/model` load, wall of the process, under this. */
export const MODEL_LOAD_MS = 100;
/** CLI synth / deep-import program at most this (1.4× faster or more). */
export const DEEP_RATIO = 0.75;
/** CLI synth of 50 sites / validate of the same specs at most this. */
export const SYNTH_VALIDATE_RATIO = 1.5;
/** `check` of 1,000 client CIDRs under this. */
export const CHECK_MS = 5000;
/** `audit` of the large exports under this. */
export const AUDIT_MS = 5000;
/** The scale series reaches this many resources ... */
export const SCALE_RESOURCES = 50000;
/** ... with peak memory under this (MB). */
export const SCALE_MB = 1024;
/** Growth no worse than linear: exponent at most this (1 = linear, noise allowed). */
export const LINEAR_EXPONENT = 1.1;

/** Sections whose CLI synth is compared with the deep-import program for the target. */
export const DEEP_TARGET_SECTIONS = ['examples: azure', 'examples: aws'];

const ms = (v: number): string => `${Math.round(v).toLocaleString('en-US')} ms`;
const spreadMs = (s: Spread): string => `${ms(s.median)} (${Math.round(s.min)}–${Math.round(s.max)})`;
const spreadX = (s: Spread): string => `${s.median.toFixed(2)} (${s.min.toFixed(2)}–${s.max.toFixed(2)})`;

/** met / at risk / not met for "value below (or at) limit". */
export function statusBelow(s: Spread, limit: number, strict = true): TargetStatus {
  const ok = (v: number): boolean => (strict ? v < limit : v <= limit);
  if (!ok(s.median)) return 'not met';
  return ok(s.max) ? 'met' : 'at risk';
}

/** Every target with what was measured. */
export function evaluateTargets(rows: readonly Row[], ratios: readonly RatioResult[], growth: readonly GrowthResult[], rules: readonly RulesResult[],
  richSections: readonly string[]): TargetResult[] {
  const out: TargetResult[] = [];
  const row = (section: string, name: string): Row | undefined => rows.find((r) => r.section === section && r.name === name);
  const timeTarget = (target: string, r: Row | undefined, limit: number): void => {
    if (!r?.wallMs) {
      out.push({ target, measured: r?.note ?? 'not measured', status: 'not measured' });
      return;
    }
    out.push({ target, measured: `${spreadMs(r.wallMs)}, ${r.rounds} rounds`, status: statusBelow(r.wallMs, limit) });
  };
  timeTarget(`CLI start (--version) < ${CLI_START_MS} ms`, row('start', START_ROWS.cli), CLI_START_MS);
  timeTarget(`load adcs-firewall/model < ${MODEL_LOAD_MS} ms`, row('start', START_ROWS.model), MODEL_LOAD_MS);
  for (const section of [...DEEP_TARGET_SECTIONS, ...richSections]) {
    const target = `${section}: CLI synth ≤ ${DEEP_RATIO} × the deep-import program (≥ 1.4× faster)`;
    const q = ratios.find((x) => x.section === section && x.of === 'time' && x.a === VERSUS_ROWS.synth && x.b === VERSUS_ROWS.deep);
    if (!q) out.push({ target, measured: 'not measured', status: 'not measured' });
    else out.push({ target, measured: `ratio ${spreadX(q.spread)}, paired over ${q.perRound.length} rounds`, status: statusBelow(q.spread, DEEP_RATIO, false) });
  }
  for (const platform of ['azure', 'aws'] as const) {
    const target = `${platform}, 50 sites: CLI synth ≤ ${SYNTH_VALIDATE_RATIO} × validate of the same specs`;
    const q = ratios.find((x) => x.section === SERIES.sites && x.a === seriesName(platform, 'synth', 50, 'sites') && x.b === seriesName(platform, 'validate', 50, 'sites'));
    if (!q) out.push({ target, measured: 'not measured (no 50-site point)', status: 'not measured' });
    else out.push({ target, measured: `ratio ${spreadX(q.spread)} (whole processes), paired over ${q.perRound.length} rounds`, status: statusBelow(q.spread, SYNTH_VALIDATE_RATIO, false) });
  }
  {
    const target = `check of 1,000 client CIDRs < ${CHECK_MS / 1000} s`;
    const r = row(SERIES.cidrs, seriesName('azure', 'check', 1000, 'client CIDRs'));
    const checks = rows.filter((x) => x.section === SERIES.cidrs && x.name.includes(' check, ') && x.wallMs).sort((a, b) => (a.size ?? 0) - (b.size ?? 0));
    const over = checks.find((x) => x.status === 'over budget');
    if (r?.status === 'ok' && r.wallMs) out.push({ target, measured: `${spreadMs(r.wallMs)}, ${r.rounds} rounds`, status: statusBelow(r.wallMs, CHECK_MS) });
    else if (over?.wallMs) {
      out.push({ target, measured: `not measured at 1,000: check of ${over.size} client CIDRs already took ${ms(over.wallMs.max)} (over the ${ms(CHECK_MS)} budget; larger sizes not run)`, status: 'not met' });
    } else out.push({ target, measured: r?.note ?? 'not measured (no 1,000 point in this run)', status: 'not measured' });
  }
  {
    const target = `the scale series reaches ≥ ${SCALE_RESOURCES.toLocaleString('en-US')} resources with peak memory < 1 GB`;
    const biggest = rows.filter((r) => r.resources !== undefined && r.rssMb && r.section === SERIES.sites).sort((a, b) => b.resources! - a.resources!)[0];
    if (!biggest?.rssMb) out.push({ target, measured: 'not measured', status: 'not measured' });
    else {
      const mem = statusBelow(biggest.rssMb, SCALE_MB);
      out.push({ target, measured: `${biggest.name}: ${biggest.resources!.toLocaleString('en-US')} resources, peak ${Math.round(biggest.rssMb.median)} MB (max ${Math.round(biggest.rssMb.max)})`,
        status: biggest.resources! < SCALE_RESOURCES ? 'not met' : mem });
    }
  }
  for (const platform of ['azure', 'aws'] as const) {
    const r = row(AUDIT_SECTION, auditRowName(platform, 'audit'));
    const what = platform === 'azure' ? '1,000 NSGs / 50,000 rules' : '2,000 groups / 50,000 rules / 10,000 interfaces';
    const target = `${platform} audit of ${what} < ${AUDIT_MS / 1000} s and < 1 GB`;
    if (!r?.wallMs || !r.rssMb) out.push({ target, measured: r?.note ?? 'not measured', status: 'not measured' });
    else {
      const [time, mem] = [statusBelow(r.wallMs, AUDIT_MS), statusBelow(r.rssMb, SCALE_MB)];
      const worst = [time, mem].includes('not met') ? 'not met' : [time, mem].includes('at risk') ? 'at risk' : 'met';
      out.push({ target, measured: `${spreadMs(r.wallMs)}, peak ${Math.round(r.rssMb.median)} MB (max ${Math.round(r.rssMb.max)}), ${(r.rules ?? 0).toLocaleString('en-US')} rules, ${r.rounds} rounds`, status: worst });
    }
  }
  for (const g of growth) {
    out.push({ target: `${g.name}: growth no worse than linear (exponent ≤ ${LINEAR_EXPONENT})`,
      measured: `exponent ${spreadX(g.exponent)} over ${g.sizes.length} sizes (${g.sizes[0]}–${g.sizes[g.sizes.length - 1]}), ${g.rounds} rounds`,
      status: statusBelow(g.exponent, LINEAR_EXPONENT, false) });
  }
  {
    const checked = rows.filter((r) => r.sameContent !== undefined);
    const off = checked.filter((r) => !r.sameContent);
    out.push({ target: 'every baseline and construct path writes the CLI\'s content (check)',
      measured: off.length === 0 ? `same content on all ${checked.length} rows` : off.map((r) => `${r.section} / ${r.name}: ${(r.contentDiff ?? []).slice(0, 2).join('; ')}`).join(' | '),
      status: off.length === 0 ? 'met' : 'not met' });
  }
  {
    const ok = rules.filter((r) => r.rules !== undefined);
    const unexplained = ok.filter((r) => r.rules !== r.identity || r.rules! < r.minimum);
    const surplus = ok.filter((r) => r.rules! > r.minimum);
    out.push({ target: 'rules above the minimum only where rule identity asks for it',
      measured: `${surplus.length} of ${ok.length} estates above the minimum, `
        + `${surplus.reduce((n, r) => n + r.rules! - r.minimum, 0)} rules in all, ${unexplained.length === 0 ? 'each equal to the identity count' : `${unexplained.length} not explained by identity`}`
        + (rules.length > ok.length ? `; ${rules.length - ok.length} estates rejected` : ''),
      status: unexplained.length === 0 ? 'met' : 'not met' });
  }
  return out;
}
