import { byImportance, Finding } from '../finding';
import type { FindingsReport } from '../report';

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** Where a finding points, as markdown shows it: `file:line`. */
function where(r: FindingsReport, f: Finding): string {
  const p = r.places(f).primary;
  return p ? `${p.file}:${p.line}` : '';
}

/**
 * The report as a markdown summary (a pull request comment, `$GITHUB_STEP_SUMMARY`): the verdict,
 * then one table row per finding, most important first, acknowledged ones with their reason.
 */
export function renderMarkdown(r: FindingsReport): string {
  const lines = [`### adcs-firewall ${r.command}: ${r.ok ? 'passed' : 'failed'}`, '', r.summary, ''];
  if (r.findings.length > 0) {
    lines.push('| level | rule | finding | where |', '|---|---|---|---|');
    for (const f of byImportance(r.findings)) {
      const level = f.acknowledged !== undefined ? `${f.level} (acknowledged: ${cell(f.acknowledged)})` : f.level;
      lines.push(`| ${level} | ${f.ruleId} | ${cell(f.message)} | ${cell(where(r, f))} |`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
