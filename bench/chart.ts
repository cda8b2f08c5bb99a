// bench/chart.svg: the CLI against the baselines on the examples, and the scale series (time
// and peak memory against estate size, medians with min–max whiskers), as plain SVG.
import { BenchResults, Row } from './results';
import { SERIES } from './series';
import { Spread } from './spread';
import { CHECK_MS, SCALE_MB } from './targets';

const W = 1040;
const H = 760;
const PANEL = { left: 90, top: 120, width: 370, height: 220, gapX: 160, gapY: 140 };
const PALETTE = ['#0078d4', '#e07b00', '#2a9d3f', '#b5179e', '#6c757d'];

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

interface Line { readonly label: string; readonly points: readonly { x: number; y: Spread }[] }
interface Frame { readonly x0: number; readonly y0: number; readonly yTop: number }

function frame(col: number, row: number, title: string, yLabel: string, yMax: number, out: string[]): Frame {
  const x0 = PANEL.left + col * (PANEL.width + PANEL.gapX);
  const y0 = PANEL.top + row * (PANEL.height + PANEL.gapY);
  const ticks = niceTicks(yMax * 1.08);
  const yTop = ticks[ticks.length - 1];
  out.push(`<text x="${x0}" y="${y0 - 16}" class="panel">${esc(title)}</text>`);
  for (const t of ticks) {
    const y = y0 + PANEL.height - (t / yTop) * PANEL.height;
    out.push(`<line x1="${x0}" x2="${x0 + PANEL.width}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" class="grid"/>`);
    out.push(`<text x="${x0 - 8}" y="${(y + 4).toFixed(1)}" class="tick" text-anchor="end">${t.toLocaleString('en-US')}</text>`);
  }
  out.push(`<line x1="${x0}" x2="${x0 + PANEL.width}" y1="${y0 + PANEL.height}" y2="${y0 + PANEL.height}" class="axis"/>`);
  out.push(`<line x1="${x0}" x2="${x0}" y1="${y0}" y2="${y0 + PANEL.height}" class="axis"/>`);
  out.push(`<text transform="translate(${x0 - 60},${y0 + PANEL.height / 2}) rotate(-90)" class="label" text-anchor="middle">${esc(yLabel)}</text>`);
  return { x0, y0, yTop };
}

function linePanel(col: number, row: number, title: string, xLabel: string, yLabel: string, lines: readonly Line[],
  target: { value: number; label: string } | undefined, out: string[]): void {
  const all = lines.flatMap((l) => l.points);
  if (all.length === 0) return;
  const f = frame(col, row, title, yLabel, Math.max(...all.map((p) => p.y.max), target?.value ?? 0), out);
  const xs = [...new Set(all.map((p) => p.x))].sort((a, b) => a - b);
  const lo = Math.log10(xs[0]);
  const hi = Math.log10(xs[xs.length - 1]);
  const sx = (v: number): number => f.x0 + (hi === lo ? 0.5 : (Math.log10(v) - lo) / (hi - lo)) * PANEL.width;
  const sy = (v: number): number => f.y0 + PANEL.height - (v / f.yTop) * PANEL.height;
  for (const x of xs) {
    out.push(`<text x="${sx(x).toFixed(1)}" y="${f.y0 + PANEL.height + 18}" class="tick" text-anchor="middle">${x.toLocaleString('en-US')}</text>`);
  }
  out.push(`<text x="${f.x0 + PANEL.width / 2}" y="${f.y0 + PANEL.height + 38}" class="label" text-anchor="middle">${esc(xLabel)}</text>`);
  if (target) {
    out.push(`<line x1="${f.x0}" x2="${f.x0 + PANEL.width}" y1="${sy(target.value).toFixed(1)}" y2="${sy(target.value).toFixed(1)}" class="target"/>`);
    out.push(`<text x="${f.x0 + 4}" y="${(sy(target.value) - 5).toFixed(1)}" class="note">${esc(target.label)}</text>`);
  }
  lines.forEach((l, i) => {
    const color = PALETTE[i % PALETTE.length];
    const pts = [...l.points].sort((a, b) => a.x - b.x);
    if (pts.length > 1) out.push(`<polyline fill="none" stroke="${color}" stroke-width="2" points="${pts.map((p) => `${sx(p.x).toFixed(1)},${sy(p.y.median).toFixed(1)}`).join(' ')}"/>`);
    for (const p of pts) {
      const x = sx(p.x).toFixed(1);
      out.push(`<line x1="${x}" x2="${x}" y1="${sy(p.y.min).toFixed(1)}" y2="${sy(p.y.max).toFixed(1)}" stroke="${color}" stroke-width="1.2"/>`);
      out.push(`<circle cx="${x}" cy="${sy(p.y.median).toFixed(1)}" r="3.2" fill="${color}"><title>${esc(`${l.label}: ${p.x} → ${Math.round(p.y.median)} (${Math.round(p.y.min)}–${Math.round(p.y.max)})`)}</title></circle>`);
    }
    out.push(`<rect x="${f.x0 + 10}" y="${f.y0 + 8 + i * 16}" width="10" height="10" fill="${color}"/>`);
    out.push(`<text x="${f.x0 + 26}" y="${f.y0 + 17 + i * 16}" class="note">${esc(l.label)}</text>`);
  });
}

function barPanel(col: number, row: number, title: string, yLabel: string, groups: readonly { label: string; bars: readonly { label: string; y?: Spread }[] }[], out: string[]): void {
  const vals = groups.flatMap((g) => g.bars.flatMap((b) => (b.y ? [b.y.max] : [])));
  if (vals.length === 0) return;
  const f = frame(col, row, title, yLabel, Math.max(...vals), out);
  const sy = (v: number): number => f.y0 + PANEL.height - (v / f.yTop) * PANEL.height;
  const gw = PANEL.width / groups.length;
  groups.forEach((g, gi) => {
    const bw = (gw - 20) / g.bars.length;
    out.push(`<text x="${(f.x0 + gi * gw + gw / 2).toFixed(1)}" y="${f.y0 + PANEL.height + 18}" class="label" text-anchor="middle">${esc(g.label)}</text>`);
    g.bars.forEach((b, bi) => {
      const x = f.x0 + gi * gw + 10 + bi * bw;
      const color = PALETTE[bi % PALETTE.length];
      if (!b.y) {
        out.push(`<text x="${(x + bw / 2).toFixed(1)}" y="${f.y0 + PANEL.height - 4}" class="note" text-anchor="middle">n/m</text>`);
        return;
      }
      out.push(`<rect x="${(x + 2).toFixed(1)}" y="${sy(b.y.median).toFixed(1)}" width="${(bw - 4).toFixed(1)}" height="${(f.y0 + PANEL.height - sy(b.y.median)).toFixed(1)}" fill="${color}"><title>${esc(`${g.label} ${b.label}: ${Math.round(b.y.median)} ms (${Math.round(b.y.min)}–${Math.round(b.y.max)})`)}</title></rect>`);
      const cx = (x + bw / 2).toFixed(1);
      out.push(`<line x1="${cx}" x2="${cx}" y1="${sy(b.y.min).toFixed(1)}" y2="${sy(b.y.max).toFixed(1)}" stroke="#222" stroke-width="1.2"/>`);
      out.push(`<text x="${cx}" y="${(sy(b.y.max) - 4).toFixed(1)}" class="value" text-anchor="middle">${Math.round(b.y.median).toLocaleString('en-US')}</text>`);
    });
  });
  groups[0].bars.forEach((b, i) => {
    out.push(`<rect x="${f.x0 + 10 + i * 92}" y="${f.y0 + PANEL.height + 30}" width="10" height="10" fill="${PALETTE[i % PALETTE.length]}"/>`);
    out.push(`<text x="${f.x0 + 24 + i * 92}" y="${f.y0 + PANEL.height + 39}" class="note">${esc(b.label)}</text>`);
  });
}

/** The chart of a run. */
export function chartSvg(r: BenchResults): string {
  const out: string[] = [];
  const rows = (section: string, prefix: string): Row[] => r.rows.filter((x) => x.section === section && x.name.startsWith(prefix) && x.wallMs);
  const line = (label: string, section: string, prefix: string, value: (x: Row) => Spread | undefined = (x) => x.wallMs): Line =>
    ({ label, points: rows(section, prefix).flatMap((x) => { const y = value(x); return y && x.size !== undefined ? [{ x: x.size, y }] : []; }) });
  const cell = (section: string, name: string): Spread | undefined => r.rows.find((x) => x.section === section && x.name === name)?.wallMs;
  barPanel(0, 0, 'Example synth: the CLI against the baselines', 'wall ms (median, min–max)', ['azure', 'aws'].map((p) => ({
    label: `${p} example`,
    bars: [['CLI synth', 'CLI synth'], ['floor', 'floor (JSON.stringify)'], ['deep imports', 'deep-import program'], ['root imports', 'root-import program']]
      .map(([label, name]) => ({ label, y: cell(`examples: ${p}`, name) })),
  })), out);
  linePanel(1, 0, 'One Azure site: the CLI against client CIDRs', 'client CIDRs (log scale)', 'wall ms',
    [line('validate', SERIES.cidrs, 'azure validate'), line('synth', SERIES.cidrs, 'azure synth'), line('check (budgeted)', SERIES.cidrs, 'azure check')],
    { value: CHECK_MS, label: `check target ${CHECK_MS / 1000} s` }, out);
  linePanel(0, 1, 'Sites: the CLI over N spec files, one process', 'sites (log scale)', 'wall ms',
    [line('azure synth', SERIES.sites, 'azure synth'), line('azure validate', SERIES.sites, 'azure validate'), line('aws synth', SERIES.sites, 'aws synth'), line('aws validate', SERIES.sites, 'aws validate')],
    undefined, out);
  linePanel(1, 1, 'Sites: peak memory of synth', 'sites (log scale)', 'peak MB',
    [line('azure synth', SERIES.sites, 'azure synth', (x) => x.rssMb), line('aws synth', SERIES.sites, 'aws synth', (x) => x.rssMb)],
    { value: SCALE_MB, label: '1 GB target' }, out);
  const sub = `${r.env.date.slice(0, 10)}, commit ${r.env.commit}, Node ${r.env.node}, ${r.env.cores} cores; ${r.env.rounds} interleaved rounds, fresh processes`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Helvetica, Arial, sans-serif">`,
    '<style>.title{font-size:20px;font-weight:bold}.sub{font-size:12px;fill:#555}.panel{font-size:14px;font-weight:bold}.tick{font-size:11px;fill:#444}'
      + '.label{font-size:12px;fill:#333}.note{font-size:11px;fill:#333}.value{font-size:10px;fill:#222}.grid{stroke:#e5e5e5}.axis{stroke:#888}'
      + '.target{stroke:#c00;stroke-dasharray:5 4}</style>',
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${PANEL.left}" y="40" class="title">adcs-firewall: npm run bench</text>`,
    `<text x="${PANEL.left}" y="62" class="sub">${esc(sub)}</text>`,
    ...out,
    '</svg>',
    '',
  ].join('\n');
}
