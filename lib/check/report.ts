import { plural } from '../errors';
import { AuditMessages } from '../findings/audit-rules';
import { CheckMessages } from '../findings/check-rules';
import { byImportance, failsRun, Finding } from '../findings/finding';
import { renderGithub } from '../findings/print/github';
import { renderJunit } from '../findings/print/junit';
import { renderMarkdown } from '../findings/print/markdown';
import { renderSarif } from '../findings/print/sarif';
import type { FindingPlaces, FindingsReport, ReportCase } from '../findings/report';
import { FindingLevel, FindingRule, rulesOf } from '../findings/rule';
import { formatPorts } from '../model/flows';
import { CheckReport, FlowFinding } from './check';

/** Output formats of `check`. */
export enum CheckFormat {
  /** A readable table. */
  TABLE = 'table',
  /** The report as JSON, for machines. */
  JSON = 'json',
  /** GitHub Actions workflow commands (annotations with file and line). */
  GITHUB = 'github',
  /** SARIF 2.1.0, for code scanning. */
  SARIF = 'sarif',
  /** JUnit XML: a test case per flow and per finding class. */
  JUNIT = 'junit',
  /** A markdown summary (a pull request comment). */
  MARKDOWN = 'markdown',
}

/** What the printers of a check may know beyond the report: where findings point, the rules of every platform, the version. */
export interface CheckPrintContext {
  /** Where a finding points (the plan's resource line, the spec key). @default nowhere */
  readonly places?: (f: Finding) => FindingPlaces;
  /** Every rule a finding may have (the check's own are always known). @default the check's rules */
  readonly rules?: readonly FindingRule[];
  /** The library's version. @default '0.0.0' */
  readonly version?: string;
  /** The command that judged (`check`, or `audit`, whose reports have its own finding classes too). @default 'check' */
  readonly command?: string;
}

const CHECK_RULES = rulesOf(CheckMessages);
const AUDIT_RULES = [...CHECK_RULES, ...rulesOf(AuditMessages)];

/** The finding classes of a command's reports. */
const rulesOfCommand = (command: string): FindingRule[] => (command === 'audit' ? AUDIT_RULES : CHECK_RULES);

function flowLine(f: FlowFinding): string {
  const base = `${f.flow.id} ${f.flow.from} -> ${f.flow.to} ${f.flow.protocol.toUpperCase()} ${formatPorts(f.flow.protocol, f.flow.ports, ',')}`;
  if (f.status === 'blocked') return `${base}: BLOCKED at ${formatPorts(f.flow.protocol, f.missing, ',')}${f.removed ? ` (the plan removes ${f.removed.join(', ')})` : ''}`;
  if (f.status === 'unenforced') return `${base}: allowed (neither end enforces anything)`;
  return `${base}: allowed`;
}

/** One-line summary of a report. */
export function summary(r: CheckReport): string {
  const blocked = r.flows.filter((f) => f.status === 'blocked').length;
  const open = r.findings.filter((f) => f.acknowledged === undefined);
  const count = (id: string): number => open.filter((f) => f.ruleId === id).length;
  const warn = open.filter((f) => f.level === FindingLevel.WARNING).length;
  const acknowledged = r.findings.length - open.length;
  return `${r.ok ? 'OK' : 'FAILED'}: ${r.flows.length - blocked} of ${plural(r.flows.length, 'flow')} allowed, ${blocked} blocked; ${count(CheckMessages.extraTraffic.rule.id)} over-permissive; `
    + `${plural(count(CheckMessages.enforcementMissing.rule.id), 'missing enforcement point')}; ${count(CheckMessages.unresolved.rule.id)} unresolved; ${plural(warn, 'warning')}`
    + `${acknowledged > 0 ? `; ${acknowledged} acknowledged` : ''}`;
}

/** The JUnit cases of a check: one per flow, one per check rule (a finding class). */
function cases(r: CheckReport, command: string): ReportCase[] {
  const flows = r.flows.map((f): ReportCase => ({ suite: 'flows', name: `${f.flow.id} ${f.flow.from} -> ${f.flow.to} ${f.flow.protocol.toUpperCase()}`,
    failure: f.status === 'blocked' ? flowLine(f) : undefined }));
  const classes = rulesOfCommand(command).filter((rule) => rule.level !== FindingLevel.NOTE).map((rule): ReportCase => {
    const failing = r.findings.filter((f) => f.ruleId === rule.id && failsRun(f, FindingLevel.ERROR));
    return { suite: 'findings', name: `${rule.id} ${rule.title}`, failure: failing.length > 0 ? failing.map((f) => f.message).join('\n') : undefined };
  });
  return [...flows, ...classes];
}

/** The check as the printers' report. */
export function findingsReport(r: CheckReport, context: CheckPrintContext = {}): FindingsReport {
  const command = context.command ?? 'check';
  const rules = new Map([...rulesOfCommand(command), ...(context.rules ?? [])].map((x) => [x.id, x]));
  return {
    command, version: context.version ?? '0.0.0', findings: r.findings, ok: r.ok, summary: summary(r),
    rule: (id) => rules.get(id) ?? { id, name: id, level: FindingLevel.ERROR, title: id, help: id },
    places: context.places ?? (() => ({ related: [] })), cases: cases(r, command),
  };
}

/** A finding as a table line: `FAIL [ADCS-C002] ...`, acknowledged ones with their reason. */
function findingLine(f: Finding): string {
  const tag = f.acknowledged !== undefined ? 'ack ' : f.level === FindingLevel.ERROR ? 'FAIL' : f.level === FindingLevel.WARNING ? 'warn' : 'note';
  return `  ${tag} [${f.ruleId}] ${f.message}${f.acknowledged !== undefined ? ` (acknowledged: ${f.acknowledged})` : ''}`;
}

function table(r: CheckReport): string {
  const lines = ['Flows:'];
  for (const f of r.flows) {
    lines.push(`  ${f.status === 'blocked' ? 'FAIL' : 'ok  '} ${flowLine(f)}`);
    if (f.status !== 'unenforced') {
      lines.push(`       inbound: ${f.inbound.join(', ') || 'not enforced'}; outbound: ${f.outbound.join(', ') || 'not enforced'}`);
    }
    if (f.points && f.points.length > 0) lines.push(`       at: ${f.points.join(', ')}`);
    for (const u of f.undecided ?? []) lines.push(`       depends: ${u}`);
  }
  const others = byImportance(r.findings.filter((f) => f.ruleId !== CheckMessages.flowBlocked.rule.id && f.ruleId !== CheckMessages.flowUnenforced.rule.id));
  if (others.length > 0) lines.push('Findings:', ...others.map(findingLine));
  lines.push(summary(r));
  return `${lines.join('\n')}\n`;
}

function json(r: CheckReport, report: FindingsReport): string {
  return `${JSON.stringify({
    ok: r.ok, platform: r.platform,
    flows: r.flows.map((f) => ({ flow: f.flow.id, custom: f.flow.custom, from: f.flow.from, to: f.flow.to, protocol: f.flow.protocol,
      ports: f.flow.ports.map(String), status: f.status, missing: f.missing.map(String), inbound: f.inbound, outbound: f.outbound })),
    findings: r.findings.map((f) => {
      const p = report.places(f).primary;
      return { ...f, title: report.rule(f.ruleId).title, ...(p ? { location: { file: p.file, line: p.line, column: p.column, offset: p.offset } } : {}) };
    }),
    extras: r.extras.map((e) => ({ ...e, ports: e.ports.map(String) })),
    unresolved: r.unresolved,
    missing: r.missing.map((m) => `tiers.${m.tier}: ${m.detail}`),
    summary: summary(r),
  }, null, 2)}\n`;
}

/** Renders a check report in one format. */
export function renderReport(r: CheckReport, format: CheckFormat, context: CheckPrintContext = {}): string {
  const report = findingsReport(r, context);
  switch (format) {
    case CheckFormat.JSON: return json(r, report);
    case CheckFormat.GITHUB: return renderGithub(report);
    case CheckFormat.SARIF: return renderSarif(report);
    case CheckFormat.JUNIT: return renderJunit(report);
    case CheckFormat.MARKDOWN: return renderMarkdown(report);
    default: return table(r);
  }
}
