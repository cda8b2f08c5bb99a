// The repository README's performance section (from `## Performance` to the next `## `),
// rewritten by a full `npm run bench`: the table of the issue's rows and the date.
import { readFileSync, writeFileSync } from 'node:fs';
import { BenchResults, Row } from './results';
import { ratioText, spreadText } from './tables';

/** The section's Markdown. */
export function performanceSection(r: BenchResults): string {
  const counts = (['met', 'at risk', 'not met', 'not measured'] as const).map((s) => `${r.targets.filter((t) => t.status === s).length} ${s}`);
  const named = (status: string): string[] => r.targets.filter((t) => t.status === status).map((t) => t.target);
  const clean = !r.env.commit.endsWith('+dirty');
  const pick = (section: string, name: string): string[] => {
    const row = r.rows.find((x) => x.section === section && x.name === name);
    if (!row) return [];
    const wall = row.wallMs ? `${spreadText(row.wallMs)}${row.status === 'ok' ? '' : ` (${row.status})`}` : row.status;
    return [`| ${section} | ${name} | ${wall} | ${row.rssMb ? Math.round(row.rssMb.median) : '-'} | ${row.resources === undefined ? '' : row.resources.toLocaleString('en-US')} |`];
  };
  const sizes = (section: string): Row[] => r.rows.filter((x) => x.section === section);
  const cidr = sizes('cidr series: azure, one site');
  const sites = sizes('sites series');
  const ends = (rows: Row[], middle: number): Row[] => {
    const s = [...new Set(rows.map((x) => x.size!))].sort((a, b) => a - b);
    return rows.filter((x) => x.size === s[0] || x.size === s[s.length - 1] || x.size === middle);
  };
  return [
    '## Performance',
    '',
    `Measured by \`npm run bench\` on ${r.env.date.slice(0, 10)} (commit ${r.env.commit}${clean ? ', no local changes' : ''}, Node ${r.env.node}, `
      + `${r.env.cores} cores, ${r.env.memoryGb} GB, a machine shared with other work: load average ${r.env.loadAverage.toFixed(1)} at the start): `
      + `fresh processes, ${r.env.rounds} rounds in which every contender runs once in a rotating order; each figure is the median over the rounds `
      + 'with the min–max spread, each ratio the median of the per-round ratios. A target is met when the median and every round meet it, '
      + 'at risk when the median meets it and the worst round does not.',
    '',
    `Targets: ${counts.join(', ')}.`,
    ...(named('not met').length > 0 ? ['', `**Not met:** ${named('not met').join('; ')}.`] : []),
    ...(named('at risk').length > 0 ? ['', `**At risk:** ${named('at risk').join('; ')}.`] : []),
    '',
    '| target | measured | status |',
    '|---|---|---|',
    ...r.targets.map((t) => `| ${t.target.replace(/\|/g, '\\|')} | ${t.measured.replace(/\|/g, '\\|')} | ${t.status === 'met' ? 'met' : `**${t.status}**`} |`),
    '',
    '| example synth (wall ms, median (min–max)) | Azure | AWS |',
    '|---|---:|---:|',
    ...['CLI synth', 'floor (JSON.stringify)', 'deep-import program', 'root-import program', 'CLI validate', 'CLI check'].map((name) => {
      const cell = (p: string): string => {
        const row = r.rows.find((x) => x.section === `examples: ${p}` && x.name === name);
        const q = r.ratios.find((x) => x.section === `examples: ${p}` && x.a === 'CLI synth' && x.b === name && x.of === 'time');
        return `${spreadText(row?.wallMs)}${q ? `; CLI synth ÷ this ${ratioText(q.spread)}` : ''}`;
      };
      return `| ${name} | ${cell('azure')} | ${cell('aws')} |`;
    }),
    '',
    '| section | row | wall ms, median (min–max) | peak MB | resources |',
    '|---|---|---:|---:|---:|',
    ...sizes('start').flatMap((x) => pick('start', x.name)),
    ...sizes('construct path').flatMap((x) => pick('construct path', x.name)),
    ...ends(cidr, 100).flatMap((x) => pick(x.section, x.name)),
    ...ends(sites, 50).flatMap((x) => pick(x.section, x.name)),
    '',
    '[bench/README.md](bench/README.md) has every row (every size of the client CIDR and sites series, the rich',
    'estates, growth, rules against the minimum on adjacent and overlapping CIDRs) and how they are measured;',
    '[bench/results.json](bench/results.json) has every number.',
    '',
  ].join('\n');
}

/** Replaces the README's performance section (appended when absent). */
export function updateReadmeSection(file: string, r: BenchResults): void {
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf('\n## Performance\n');
  const section = performanceSection(r);
  if (start < 0) {
    writeFileSync(file, `${text.trimEnd()}\n\n${section}`);
    return;
  }
  const next = text.indexOf('\n## ', start + 1);
  writeFileSync(file, `${text.slice(0, start + 1)}${section}${next < 0 ? '' : text.slice(next)}`);
}
