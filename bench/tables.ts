// The bench's tables, rendered for the terminal and as Markdown (bench/README.md).
import { BenchResults } from './results';

/** A table: title, header, rows of cells, and which columns are numbers (right-aligned). */
export interface Table {
  /** Shown above the table. */
  readonly title: string;
  /** Column names. */
  readonly columns: readonly string[];
  /** Cells. */
  readonly rows: readonly (readonly string[])[];
  /** Right-aligned columns (by index). */
  readonly numeric: readonly number[];
}

const ms = (v: number): string => `${Math.round(v).toLocaleString('en-US')}`;
const mb = (v: number): string => `${Math.round(v)}`;
const ratio = (v: number): string => `×${v.toFixed(1)}`;

/** The tables of a run: targets, load, synth against the baseline, scale, growth. */
export function tablesOf(r: BenchResults): Table[] {
  const requireMs = (marks: Record<string, number | string>): number =>
    Object.entries(marks).reduce((n, [k, v]) => n + (k.startsWith('require ') ? Number(v) : 0), 0);
  return [
    {
      title: 'Targets (issue 8)', columns: ['target', 'measured', 'met'], numeric: [],
      rows: r.targets.map((t) => [t.target, t.measured, t.met ? 'yes' : 'NO']),
    },
    {
      title: 'Load (fresh process)', columns: ['process', 'wall ms', 'require ms', 'peak MB'], numeric: [1, 2, 3],
      rows: [
        ['node, requiring dist/lib/index.js', ms(r.load.entry.wallMs), ms(requireMs(r.load.entry.marks)), mb(r.load.entry.maxRssMb)],
        ['node alone', ms(r.load.node.wallMs), '0', mb(r.load.node.maxRssMb)],
      ],
    },
    {
      title: 'What the load is made of (each require on top of the ones before it, in one process)',
      columns: ['module', 'ms'], numeric: [1],
      rows: r.load.shares.map((s) => [s.module, s.requireMs.toFixed(1)]),
    },
    {
      title: 'Example synth against the hand-written baseline (provider packages imported from their root)',
      columns: ['run', 'ours ms', 'ours MB', 'baseline ms', 'baseline MB', 'faster', 'leaner', 'resources', 'rules', 'minimum', 'per pair', 'same content'],
      numeric: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      rows: r.synth.map((s) => [s.name, ms(s.ours.wallMs), mb(s.ours.maxRssMb), ms(s.baseline.wallMs), mb(s.baseline.maxRssMb),
        ratio(s.timeRatio), ratio(s.memoryRatio), String(s.resources), String(s.rules), String(s.minimumRules),
        String(s.perPairRules), s.contentDiff.length === 0 ? 'yes' : 'NO']),
    },
    {
      title: 'Scale: one app, one stack, one AdcsEnrollmentSecurity per site (wall = whole process; work = construct tree + synth)',
      columns: ['platform', 'sites', 'client CIDRs/site', 'wall ms', 'work ms', 'peak MB', 'resources', 'rules', 'minimum', 'per pair', 'ratio'],
      numeric: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      rows: r.scale.map((s) => [s.platform, String(s.sites), String(s.cidrsPerSite), ms(s.run.wallMs),
        s.error ? '-' : ms(s.workMs), mb(s.run.maxRssMb),
        s.error ? 'quota error' : String(s.resources), s.error ? '-' : String(s.rules), String(s.minimumRules),
        String(s.perPairRules), s.rulesRatio === undefined ? '-' : s.rulesRatio.toFixed(2)]),
    },
    {
      title: 'Growth (least-squares line over the sizes that synthesize; exponent between the two largest: 1 = linear)',
      columns: ['platform', 'series', 'sizes', 'work ms per unit', 'marginal work ms per unit, step by step', 'work exponent', 'wall R²', 'MB per unit'],
      numeric: [3, 5, 6, 7],
      rows: r.growth.map((g) => [g.platform, g.series === 'cidrs' ? 'client CIDRs' : 'sites', g.sizes.join(', '),
        g.work.slope.toFixed(2), g.work.marginal.map((m) => m.toFixed(2)).join(', '), g.work.exponent.toFixed(2),
        g.wall.r2.toFixed(3), g.memory.slope.toFixed(3)]),
    },
  ];
}

/** A table for the terminal: padded columns under a title. */
export function renderText(t: Table): string {
  const widths = t.columns.map((c, i) => Math.max(c.length, ...t.rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (t.numeric.includes(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [t.title, line(t.columns), widths.map((w) => '-'.repeat(w)).join('  '), ...t.rows.map(line)].join('\n');
}

/** A table as Markdown, under a level-3 heading. */
export function renderMarkdown(t: Table): string {
  const esc = (c: string): string => c.replace(/\|/g, '\\|');
  return [`### ${t.title}`, '', `| ${t.columns.map(esc).join(' | ')} |`,
    `|${t.columns.map((_, i) => (t.numeric.includes(i) ? '---:' : '---')).join('|')}|`,
    ...t.rows.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n');
}
