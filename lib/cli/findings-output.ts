import { plural } from '../errors';
import { byImportance, failsRun, Finding } from '../findings/finding';
import { renderGithub } from '../findings/print/github';
import { renderJunit } from '../findings/print/junit';
import { renderMarkdown } from '../findings/print/markdown';
import { renderSarif } from '../findings/print/sarif';
import type { FindingsReport } from '../findings/report';
import { FindingLevel } from '../findings/rule';
import { allRules } from '../spec/rules';
import { CliIo } from './io';
import { FindingsFormat, writeStepSummary } from './output';
import { placesOf } from './places';
import { version } from './version';

/** A finding as a line on stderr: `warning: [ADCS-W004] dcomPort: ...`, `acknowledged: ...`, `note: ...`. */
export function findingLine(f: Finding): string {
  const where = f.specPath && f.ruleId.startsWith('ADCS-W') ? `${f.specPath}: ` : '';
  const head = f.acknowledged !== undefined ? 'acknowledged' : f.level;
  return `${head}: [${f.ruleId}] ${where}${f.message}${f.acknowledged !== undefined ? ` (acknowledged: ${f.acknowledged})` : ''}`;
}

/**
 * Prints the findings of validate or synth (warnings and acknowledgement notes) in `format`:
 * the table prints them on stderr (stdout keeps the command's own line), every other format
 * prints the report on stdout (with github, the job summary too). Returns true when a finding
 * fails the run at `failOn`.
 */
export function printFindings(io: CliIo, command: string, findings: readonly Finding[], format: FindingsFormat, specFile: string, failOn: FindingLevel): boolean {
  const failed = findings.some((f) => failsRun(f, failOn));
  if (format === FindingsFormat.TABLE) {
    for (const f of findings) io.err(`${findingLine(f)}\n`);
    return failed;
  }
  const rules = allRules();
  const open = findings.filter((f) => f.acknowledged === undefined);
  const report: FindingsReport = {
    command, version: version(), findings, ok: !failed,
    summary: `${failed ? 'FAILED' : 'OK'}: ${plural(open.filter((f) => f.level === FindingLevel.WARNING).length, 'warning')}, ${findings.length - open.length} acknowledged, ${plural(open.filter((f) => f.level === FindingLevel.NOTE).length, 'note')}`,
    rule: (id) => rules.get(id)!,
    places: placesOf(undefined, { specFile }),
  };
  switch (format) {
    case FindingsFormat.SARIF: io.out(renderSarif(report)); break;
    case FindingsFormat.JUNIT: io.out(renderJunit(report)); break;
    case FindingsFormat.MARKDOWN: io.out(renderMarkdown(report)); break;
    case FindingsFormat.GITHUB:
      io.out(renderGithub(report));
      writeStepSummary(() => renderMarkdown(report), io);
      break;
    default: io.out(`${JSON.stringify({ ok: report.ok, summary: report.summary, findings: byImportance(findings).map((f) => {
      const p = report.places(f).primary;
      return { ...f, title: rules.get(f.ruleId)?.title, ...(p ? { location: { file: p.file, line: p.line, column: p.column, offset: p.offset } } : {}) };
    }) }, null, 2)}\n`);
  }
  return failed;
}
