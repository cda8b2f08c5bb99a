// The repository README's performance section (from `## Performance` to the next `## `),
// rewritten by a full `npm run bench`: the table of the issue's rows, the chart and the date.
import { readFileSync, writeFileSync } from 'node:fs';
import { BenchResults } from './results';
import { ratioText, spreadText } from './tables';

/** The section's Markdown. */
export function performanceSection(r: BenchResults): string {
  const counts = (['met', 'at risk', 'not met', 'not measured'] as const).map((s) => `${r.targets.filter((t) => t.status === s).length} ${s}`);
  const missed = r.targets.filter((t) => t.status !== 'met');
  return [
    '## Performance',
    '',
    `Measured by \`npm run bench\` on ${r.env.date.slice(0, 10)} (commit ${r.env.commit}, Node ${r.env.node}, ${r.env.cores} cores, `
      + `${r.env.memoryGb} GB, a machine shared with other work: load average ${r.env.loadAverage.toFixed(1)} at the start), from a clean clone: `
      + `fresh processes, ${r.env.rounds} rounds in which every contender runs once in a rotating order; each figure is the median over the rounds `
      + 'with the min–max spread, each ratio the median of the per-round ratios. A target is met when the median and every round meet it, '
      + 'at risk when the median meets it and the worst round does not.',
    '',
    `Targets: ${counts.join(', ')}.${missed.length > 0 ? ` Not met or at risk: ${missed.map((t) => `${t.target} (${t.status})`).join('; ')}.` : ''}`,
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
    '![CLI against the baselines, and the scale series](bench/chart.svg)',
    '',
    '[bench/README.md](bench/README.md) has every row (start and load, the construct path, the client CIDR and sites',
    'series, growth, rules against the minimum on adjacent and overlapping CIDRs) and how they are measured;',
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
