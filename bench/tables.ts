// The bench's tables, rendered for the terminal and as Markdown (bench/README.md).
import { AUDIT_SECTION } from './audit';
import { BenchResults, Row, RulesResult } from './results';
import { SERIES } from './series';
import { Spread } from './spread';
import { GROWTH_SECTION } from './growth';

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

const int = (v: number): string => Math.round(v).toLocaleString('en-US');
/** `median (min–max)`, rounded. */
const spreadText = (s: Spread | undefined): string => (s ? `${int(s.median)} (${int(s.min)}–${int(s.max)})` : '-');
/** A ratio spread: `0.62 (0.55–0.71)`. */
const ratioText = (s: Spread | undefined): string => (s ? `${s.median.toFixed(2)} (${s.min.toFixed(2)}–${s.max.toFixed(2)})` : '-');
const wall = (r: Row | undefined): string => (!r ? '-' : r.wallMs ? `${spreadText(r.wallMs)}${r.status === 'ok' ? '' : ` ${r.status}`}` : r.status);
const mb = (r: Row | undefined): string => (r?.rssMb ? int(r.rssMb.median) : '-');
const same = (r: Row): string => (r.sameContent === undefined ? '' : r.sameContent ? 'yes' : 'NO');

/** Why an estate has more rules than the minimum. */
export function surplusWhy(r: RulesResult): string {
  if (r.rules === undefined) return `rejected: ${r.error?.split('\n')[0] ?? ''}`;
  if (r.rules === r.minimum) return '';
  if (r.rules !== r.identity) return 'NOT explained by rule identity';
  return r.platform === 'aws'
    ? 'identity: one rule per declared CIDR (adjacent or overlapping CIDRs not aggregated, so adding a CIDR never renames existing rules)'
    : 'identity: one rule per tier pair (identical rules of tiers sharing an NSG not merged)';
}

/** The tables of a run. */
export function tablesOf(r: BenchResults): Table[] {
  const ratio = (section: string, a: string, b: string, of: 'time' | 'memory' = 'time'): string =>
    ratioText(r.ratios.find((q) => q.section === section && q.a === a && q.b === b && q.of === of)?.spread);
  const versusSections = [...new Set(r.rows.filter((x) => x.section.startsWith('examples: ') || x.section.startsWith('rich: ')).map((x) => x.section))];
  const series = (section: string): Row[] => r.rows.filter((x) => x.section === section);
  const cidr = series(SERIES.cidrs);
  const at = (rows: Row[], command: string, size: number, platform = 'azure'): Row | undefined =>
    rows.find((x) => x.size === size && x.name.startsWith(`${platform} ${command}, `));
  const sizes = (rows: Row[]): number[] => [...new Set(rows.map((x) => x.size!))].sort((a, b) => a - b);
  const sites = series(SERIES.sites);
  return [
    {
      title: 'Targets', columns: ['target', 'measured', 'status'], numeric: [],
      rows: r.targets.map((t) => [t.target, t.measured, t.status === 'met' ? 'met' : t.status.toUpperCase()]),
    },
    {
      title: 'Start and load (fresh process; ms: median (min–max) over the rounds)', columns: ['row', 'command', 'wall ms', 'peak MB'], numeric: [2, 3],
      rows: series('start').map((x) => [x.name, `\`${x.command}\``, wall(x), mb(x)]),
    },
    {
      title: 'The CLI against the baselines (fresh processes, interleaved; ratio: CLI synth ÷ this row, paired per round)',
      columns: ['estate', 'row', 'wall ms', 'peak MB', 'time ratio', 'memory ratio', 'resources', 'same content'], numeric: [2, 3, 4, 5, 6],
      rows: versusSections.flatMap((s) => series(s).map((x) => [s, x.name, wall(x), mb(x),
        x.name === 'CLI synth' || x.name.startsWith('CLI ') ? '' : ratio(s, 'CLI synth', x.name),
        x.name.includes('program') ? ratio(s, 'CLI synth', x.name, 'memory') : '', x.resources === undefined ? '' : int(x.resources), same(x)])),
    },
    {
      title: 'Construct path, both example stacks (ratio: this row ÷ the deep-import program, paired per round)',
      columns: ['row', 'command', 'wall ms', 'peak MB', 'time ratio', 'resources', 'same content'], numeric: [2, 3, 4, 5],
      rows: series('construct path').map((x) => [x.name, `\`${x.command}\``, wall(x), mb(x),
        x.name.startsWith('deep') ? '' : ratio('construct path', x.name, 'deep-import program, both stacks'), x.resources === undefined ? '' : int(x.resources), same(x)]),
    },
    {
      title: 'Client CIDR series: one Azure site, the CLI in fresh processes (wall ms: median (min–max))',
      columns: ['client CIDRs', 'validate', 'synth', 'check', 'resources', 'rules', 'synth peak MB'], numeric: [0, 1, 2, 3, 4, 5, 6],
      rows: sizes(cidr).map((n) => {
        const s = at(cidr, 'synth', n);
        return [int(n), wall(at(cidr, 'validate', n)), wall(s), wall(at(cidr, 'check', n)), s?.resources === undefined ? '-' : int(s.resources),
          s?.rules === undefined ? '-' : int(s.rules), mb(s)];
      }),
    },
    {
      title: 'Sites series: one spec file per site, all through the CLI\'s entry in one process (wall ms of the process; work: the CLI calls after warm-up)',
      columns: ['platform', 'sites', 'synth wall', 'synth work', 'validate wall', 'validate work', 'resources', 'synth peak MB'], numeric: [1, 2, 3, 4, 5, 6, 7],
      rows: ['azure', 'aws'].flatMap((p) => sizes(sites.filter((x) => x.name.startsWith(`${p} `))).map((n) => {
        const s = at(sites, 'synth', n, p);
        const v = at(sites, 'validate', n, p);
        return [p, int(n), wall(s), spreadText(s?.marks.workMs), wall(v), spreadText(v?.marks.workMs), s?.resources === undefined ? '-' : int(s.resources), mb(s)];
      })),
    },
    {
      title: 'audit of large live exports (issue 23), beside the floor: reading and JSON.parse of the same files (fresh processes, interleaved)',
      columns: ['row', 'rules', 'wall ms', 'work ms', 'peak MB', 'exit'], numeric: [1, 2, 3, 4],
      rows: series(AUDIT_SECTION).map((x) => [x.name, x.rules === undefined ? '-' : int(x.rules), wall(x), spreadText(x.marks.workMs), mb(x), x.exitCodes.join(', ')]),
    },
    {
      title: 'Growth: exponent k of work ∝ size^k fitted per round after warm-up (1 = linear), spread over the rounds',
      columns: ['series', 'sizes', 'median work ms per size', 'exponent', 'ms per unit'], numeric: [3, 4],
      rows: r.growth.map((g) => [g.name, g.sizes.join(', '), g.medianMs.map((v) => v.toFixed(0)).join(', '), ratioText(g.exponent),
        `${g.slopeMs.median.toFixed(2)} (${g.slopeMs.min.toFixed(2)}–${g.slopeMs.max.toFixed(2)})`]),
    },
    {
      title: `Warmed-up synth of one site (${GROWTH_SECTION}; work ms: fastest of three passes)`,
      columns: ['row', 'work ms', 'wall ms'], numeric: [1, 2],
      rows: series(GROWTH_SECTION).map((x) => [x.name, spreadText(x.marks.workMs), wall(x)]),
    },
    {
      title: 'Rules written against the minimum (client CIDRs separate, adjacent, overlapping; not timed)',
      columns: ['platform', 'estate', 'rules', 'minimum', 'identity count', 'surplus', 'why'], numeric: [2, 3, 4, 5],
      rows: r.rules.map((x) => [x.platform, x.estate, x.rules === undefined ? '-' : int(x.rules), int(x.minimum), int(x.identity),
        x.rules === undefined ? '-' : int(x.rules - x.minimum), surplusWhy(x)]),
    },
    {
      title: 'Every paired ratio (a ÷ b per round; median (min–max))',
      columns: ['section', 'a', 'b', 'of', 'ratio', 'rounds'], numeric: [4, 5],
      rows: r.ratios.map((q) => [q.section, q.a, q.b, q.of, ratioText(q.spread), String(q.perRound.length)]),
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
