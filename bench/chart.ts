// bench/chart.svg: synth time and peak memory against estate size (client CIDRs of one site,
// and sites), both platforms, written as plain SVG.
import { BenchPlatform, PLATFORMS } from './estates';
import { BenchResults, ScaleResult } from './results';
import { SCALE_TARGET_MS } from './targets';

const COLORS: Readonly<Record<BenchPlatform, string>> = { azure: '#0078d4', aws: '#e07b00' };
const NAMES: Readonly<Record<BenchPlatform, string>> = { azure: 'Azure', aws: 'AWS' };
const W = 1040;
const H = 740;
const PANEL = { left: 80, top: 150, width: 370, height: 220, gapX: 150, gapY: 105 };

/** XML-escaped text. */
function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Round tick positions from 0 covering `max` (about five steps of 1, 2, 2.5 or 5 × 10^k). */
export function niceTicks(max: number): number[] {
  const raw = Math.max(max, 1e-9) / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw)!;
  const ticks: number[] = [];
  for (let v = 0; v < max + step * 0.999; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

interface PanelSpec {
  readonly col: number;
  readonly row: number;
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly xTicks: readonly number[];
  readonly logX: boolean;
  readonly size: (r: ScaleResult) => number;
  readonly value: (r: ScaleResult) => number;
  readonly series: 'cidrs' | 'sites';
  readonly target?: { value: number; label: string };
  readonly format: (v: number) => string;
}

function panel(p: PanelSpec, results: readonly ScaleResult[]): string {
  const x0 = PANEL.left + p.col * (PANEL.width + PANEL.gapX);
  const y0 = PANEL.top + p.row * (PANEL.height + PANEL.gapY);
  const points = results.filter((r) => r.series.includes(p.series));
  const yMax = Math.max(...points.map(p.value), p.target?.value ?? 0) * 1.08;
  const yTicks = niceTicks(yMax);
  const xMax = p.xTicks[p.xTicks.length - 1];
  const yTop = yTicks[yTicks.length - 1];
  const sx = (v: number): number => x0 + (p.logX ? Math.log10(v) / Math.log10(xMax) : v / xMax) * PANEL.width;
  const sy = (v: number): number => y0 + PANEL.height - (v / yTop) * PANEL.height;
  const out: string[] = [];
  out.push(`<text x="${x0}" y="${y0 - 14}" class="panel">${esc(p.title)}</text>`);
  for (const t of yTicks) {
    out.push(`<line x1="${x0}" x2="${x0 + PANEL.width}" y1="${sy(t).toFixed(1)}" y2="${sy(t).toFixed(1)}" class="grid"/>`);
    out.push(`<text x="${x0 - 8}" y="${(sy(t) + 4).toFixed(1)}" class="tick" text-anchor="end">${esc(p.format(t))}</text>`);
  }
  for (const t of p.xTicks) {
    out.push(`<line x1="${sx(t).toFixed(1)}" x2="${sx(t).toFixed(1)}" y1="${y0 + PANEL.height}" y2="${y0 + PANEL.height + 5}" class="axis"/>`);
    out.push(`<text x="${sx(t).toFixed(1)}" y="${y0 + PANEL.height + 19}" class="tick" text-anchor="middle">${t.toLocaleString('en-US')}</text>`);
  }
  out.push(`<line x1="${x0}" x2="${x0 + PANEL.width}" y1="${y0 + PANEL.height}" y2="${y0 + PANEL.height}" class="axis"/>`);
  out.push(`<line x1="${x0}" x2="${x0}" y1="${y0}" y2="${y0 + PANEL.height}" class="axis"/>`);
  out.push(`<text x="${x0 + PANEL.width / 2}" y="${y0 + PANEL.height + 38}" class="label" text-anchor="middle">${esc(p.xLabel)}</text>`);
  out.push(`<text transform="translate(${x0 - 52},${y0 + PANEL.height / 2}) rotate(-90)" class="label" text-anchor="middle">${esc(p.yLabel)}</text>`);
  if (p.target) {
    out.push(`<line x1="${x0}" x2="${x0 + PANEL.width}" y1="${sy(p.target.value).toFixed(1)}" y2="${sy(p.target.value).toFixed(1)}" class="target"/>`);
    out.push(`<text x="${x0 + 4}" y="${(sy(p.target.value) - 5).toFixed(1)}" class="note">${esc(p.target.label)}</text>`);
  }
  for (const platform of PLATFORMS) {
    const mine = points.filter((r) => r.platform === platform).sort((a, b) => p.size(a) - p.size(b));
    const ok = mine.filter((r) => !r.error);
    const color = COLORS[platform];
    if (ok.length > 1) {
      out.push(`<polyline fill="none" stroke="${color}" stroke-width="2" points="${ok.map((r) => `${sx(p.size(r)).toFixed(1)},${sy(p.value(r)).toFixed(1)}`).join(' ')}"/>`);
    }
    for (const r of mine) {
      const cx = sx(p.size(r));
      const cy = sy(p.value(r));
      if (r.error) {
        out.push(`<path d="M${cx - 5},${cy - 5}L${cx + 5},${cy + 5}M${cx - 5},${cy + 5}L${cx + 5},${cy - 5}" stroke="${color}" stroke-width="2.5"/>`);
        out.push(`<text x="${cx - 6}" y="${cy + 16}" class="note" text-anchor="end" fill="${color}">quota error</text>`);
      } else {
        out.push(`<circle cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="3.5" fill="${color}"><title>${esc(`${NAMES[platform]}: ${p.size(r)} → ${p.format(p.value(r))}`)}</title></circle>`);
        // Azure's labels above the points, AWS's below, so equal values stay readable.
        const dy = platform === 'azure' ? -6 : 14;
        out.push(`<text x="${(cx + 6).toFixed(1)}" y="${(cy + dy).toFixed(1)}" class="value" fill="${color}">${esc(p.format(p.value(r)))}</text>`);
      }
    }
  }
  return out.join('\n');
}

/** The chart of a run, as an SVG document. */
export function chartSvg(r: BenchResults): string {
  const seconds = (v: number): string => (v >= 10 ? v.toFixed(0) : v >= 1 ? v.toFixed(1) : v.toFixed(2)).replace(/\.0+$/, '') + ' s';
  const megabytes = (v: number): string => `${Math.round(v)} MB`;
  const time = (x: ScaleResult): number => x.run.wallMs / 1000;
  const memory = (x: ScaleResult): number => x.run.maxRssMb;
  const cidrs = (x: ScaleResult): number => x.cidrsPerSite;
  const sites = (x: ScaleResult): number => x.sites;
  const perSite = r.scale.find((s) => s.series.includes('sites'))?.cidrsPerSite ?? 0;
  const common = { format: seconds, target: { value: SCALE_TARGET_MS / 1000, label: `target ${SCALE_TARGET_MS / 1000} s` } };
  const panels: PanelSpec[] = [
    { ...common, col: 0, row: 0, title: 'Synth time, one site', xLabel: 'client CIDRs (log scale)', yLabel: 'seconds (whole process)',
      xTicks: [1, 10, 100, 1000], logX: true, size: cidrs, value: time, series: 'cidrs' },
    { ...common, col: 1, row: 0, title: 'Synth time, sites in one stack', xLabel: `sites (${perSite} client CIDRs each)`,
      yLabel: 'seconds (whole process)', xTicks: [0, 10, 20, 30, 40, 50], logX: false, size: sites, value: time, series: 'sites' },
    { col: 0, row: 1, title: 'Peak memory, one site', xLabel: 'client CIDRs (log scale)', yLabel: 'MB (peak RSS)',
      xTicks: [1, 10, 100, 1000], logX: true, size: cidrs, value: memory, series: 'cidrs', format: megabytes },
    { col: 1, row: 1, title: 'Peak memory, sites in one stack', xLabel: `sites (${perSite} client CIDRs each)`, yLabel: 'MB (peak RSS)',
      xTicks: [0, 10, 20, 30, 40, 50], logX: false, size: sites, value: memory, series: 'sites', format: megabytes },
  ];
  const baselines = r.synth.filter((s) => s.name.startsWith('cli '))
    .map((s) => `${NAMES[s.name.slice(4) as BenchPlatform] ?? s.name} example: ours ${seconds(s.ours.wallMs / 1000)} / ${megabytes(s.ours.maxRssMb)}, `
      + `hand-written baseline ${seconds(s.baseline.wallMs / 1000)} / ${megabytes(s.baseline.maxRssMb)}`).join(';  ');
  const legend = PLATFORMS.map((p, i) => `<g transform="translate(${PANEL.left + i * 90},96)"><line x1="0" x2="22" y1="0" y2="0" stroke="${COLORS[p]}" stroke-width="2"/>`
    + `<circle cx="11" cy="0" r="3.5" fill="${COLORS[p]}"/><text x="28" y="4" class="label">${NAMES[p]}</text></g>`).join('\n');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif">`,
    '<style>.title{font-size:18px;font-weight:600}.sub{font-size:12px;fill:#444}.panel{font-size:14px;font-weight:600}'
      + '.tick{font-size:11px;fill:#555}.label{font-size:12px;fill:#222}.value{font-size:10px}.note{font-size:11px;fill:#b00}'
      + '.grid{stroke:#e6e6e6}.axis{stroke:#333}.target{stroke:#b00;stroke-dasharray:6 4}</style>',
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="${PANEL.left}" y="32" class="title">adcs-firewall: synth time and peak memory against estate size</text>`,
    `<text x="${PANEL.left}" y="54" class="sub">${esc(`Fresh Node process per point, median of ${r.env.reps}; ${r.env.cores} × ${r.env.cpu}, Node ${r.env.node}, ${r.env.date.slice(0, 10)}. AWS rule quota raised to 1,000.`)}</text>`,
    `<text x="${PANEL.left}" y="72" class="sub">${esc(baselines)}</text>`,
    legend,
    `<g transform="translate(${PANEL.left + 190},96)"><path d="M6,-5L16,5M6,5L16,-5" stroke="#555" stroke-width="2.5"/><text x="24" y="4" class="label">AWS rule-quota error (the estate does not fit; time to the error)</text></g>`,
    ...panels.map((p) => panel(p, r.scale)),
    '</svg>',
    '',
  ].join('\n');
}
