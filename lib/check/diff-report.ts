import { formatPorts } from '../model/flows';
import { summary } from './report';
import { PlanDiff } from './diff';

/** Output formats of `diff`. */
export enum DiffFormat {
  /** A pull request comment. */
  MARKDOWN = 'markdown',
  /** The diff as JSON, for machines. */
  JSON = 'json',
  /** Plain text. */
  TABLE = 'table',
}

const status = (s: { readonly status: string; readonly blocked: readonly { toString(): string }[] }, protocol: string): string =>
  (s.status === 'blocked' ? `blocked at ${s.blocked.map(String).join(',') || protocol}` : s.status);

/** One line on the counts: `2 flows change, 1 rule widened, 0 extra traffic`. */
function headline(d: PlanDiff): string {
  const count = (change: string): number => d.rules.filter((r) => r.change === change).length;
  const now = d.extras.filter((e) => e.change === 'now').length;
  const gone = d.extras.length - now;
  const parts = [`${d.flows.length} flow${d.flows.length === 1 ? '' : 's'} change${d.flows.length === 1 ? 's' : ''}`,
    ...['added', 'removed', 'widened', 'narrowed', 'changed'].filter((c) => count(c) > 0).map((c) => `${count(c)} rule${count(c) === 1 ? '' : 's'} ${c}`),
    `${now} new extra traffic, ${gone} gone`];
  return parts.join('; ');
}

function markdown(d: PlanDiff): string {
  const lines = [`### adcs-firewall diff: ${headline(d)}`, '', `Before: ${summary(d.before)}`, `After: ${summary(d.after)}`, ''];
  if (d.flows.length > 0) {
    lines.push('| flow | from → to | protocol | before | after |', '|---|---|---|---|---|');
    for (const f of d.flows) lines.push(`| ${f.flow} | ${f.from} → ${f.to} | ${f.protocol.toUpperCase()} | ${status(f.before, f.protocol)} | ${status(f.after, f.protocol)} |`);
    lines.push('');
  }
  if (d.extras.length > 0) {
    lines.push('| traffic no flow needs | from → to | ports | by |', '|---|---|---|---|');
    for (const e of d.extras) lines.push(`| ${e.change} gets through (${e.kind}) | ${e.from} → ${e.to} | ${e.protocol.toUpperCase()} ${formatPorts(e.protocol, e.ports, ',')} | ${e.rules.join(', ')} |`);
    lines.push('');
  }
  if (d.rules.length > 0) {
    lines.push('| rule | change | at | before | after | now admits | no longer admits |', '|---|---|---|---|---|---|---|');
    for (const r of d.rules) lines.push(`| ${r.id} | ${r.change} | ${r.point} | ${r.before ?? ''} | ${r.after ?? ''} | ${r.gained.join('; ')} | ${r.lost.join('; ')} |`);
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

function table(d: PlanDiff): string {
  const lines = [headline(d), `before: ${summary(d.before)}`, `after:  ${summary(d.after)}`];
  for (const f of d.flows) lines.push(`  flow ${f.flow} ${f.from} -> ${f.to} ${f.protocol.toUpperCase()}: ${status(f.before, f.protocol)} -> ${status(f.after, f.protocol)}`);
  for (const e of d.extras) lines.push(`  ${e.change} gets through (${e.kind}): ${e.from} -> ${e.to} ${e.protocol.toUpperCase()} ${formatPorts(e.protocol, e.ports, ',')} by ${e.rules.join(', ')}`);
  for (const r of d.rules) {
    lines.push(`  rule ${r.change}: ${r.id} at ${r.point}${r.before ? `\n    before: ${r.before}` : ''}${r.after ? `\n    after:  ${r.after}` : ''}`
      + `${r.gained.length > 0 ? `\n    now admits: ${r.gained.join('; ')}` : ''}${r.lost.length > 0 ? `\n    no longer admits: ${r.lost.join('; ')}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

function json(d: PlanDiff): string {
  return `${JSON.stringify({
    summary: headline(d), before: { ok: d.before.ok, summary: summary(d.before) }, after: { ok: d.after.ok, summary: summary(d.after) },
    flows: d.flows.map((f) => ({ ...f, before: { status: f.before.status, blocked: f.before.blocked.map(String) }, after: { status: f.after.status, blocked: f.after.blocked.map(String) } })),
    extras: d.extras.map((e) => ({ ...e, ports: e.ports.map(String) })),
    rules: d.rules,
  }, null, 2)}\n`;
}

/** Renders a diff. */
export function renderDiff(d: PlanDiff, format: DiffFormat): string {
  return format === DiffFormat.JSON ? json(d) : format === DiffFormat.TABLE ? table(d) : markdown(d);
}
