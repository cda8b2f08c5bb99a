import { FindingLevel } from '../rule';
import { byImportance, Finding } from '../finding';
import type { FindingsReport } from '../report';
import { appendTo } from '../../util/maps';

/** GitHub shows at most this many annotations of one kind per step and drops the rest. */
export const GITHUB_ANNOTATIONS_PER_KIND = 10;

const data = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const property = (s: string): string => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** The annotation command of a finding's level: acknowledged findings and notes are notices. */
function kind(f: Finding): 'error' | 'warning' | 'notice' {
  if (f.acknowledged !== undefined || f.level === FindingLevel.NOTE) return 'notice';
  return f.level === FindingLevel.ERROR ? 'error' : 'warning';
}

/**
 * The report as GitHub Actions workflow commands: one annotation per finding, most important
 * first, each with the file, line and column it points at (so it shows inline on the pull
 * request) and its rule in the title. GitHub keeps 10 annotations of a kind per step: the tenth
 * of a kind that has more says how many more there are and where they are (the step summary).
 */
export function renderGithub(r: FindingsReport): string {
  const lines: string[] = [];
  const byKind = new Map<string, Finding[]>();
  for (const f of byImportance(r.findings)) appendTo(byKind, kind(f), f);
  for (const k of ['error', 'warning', 'notice']) {
    const list = byKind.get(k) ?? [];
    const shown = list.length > GITHUB_ANNOTATIONS_PER_KIND ? list.slice(0, GITHUB_ANNOTATIONS_PER_KIND - 1) : list;
    for (const f of shown) {
      const p = r.places(f).primary;
      const props = [...(p ? [`file=${property(p.file)}`, `line=${p.line}`, `col=${p.column}`] : []), `title=${property(`${f.ruleId} ${r.rule(f.ruleId).title}`)}`];
      const text = f.acknowledged !== undefined ? `${f.message} (acknowledged: ${f.acknowledged})` : f.message;
      lines.push(`::${k} ${props.join(',')}::${data(text)}`);
    }
    if (shown.length < list.length) {
      lines.push(`::${k} title=${property(`adcs-firewall ${r.command}`)}::${data(`${list.length - shown.length} more ${k} findings are not annotated (GitHub keeps ${GITHUB_ANNOTATIONS_PER_KIND} a kind): every finding is in the job summary and in --format sarif`)}`);
    }
  }
  lines.push(`::notice title=${property(`adcs-firewall ${r.command}`)}::${data(r.summary)}`);
  return `${lines.join('\n')}\n`;
}
