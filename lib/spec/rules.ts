import { Messages } from '../errors';
import { AuditMessages } from '../findings/audit-rules';
import { CheckMessages } from '../findings/check-rules';
import { FindingRule, rulesOf } from '../findings/rule';
import { HostMessages } from '../host/messages';
import { PLATFORM_INPUTS } from '../platforms/registry';

/** Every rule of the finding table, by id: the estate's input errors and warnings, the check's, every platform's, the host script's. */
export function allRules(): Map<string, FindingRule> {
  return new Map([...rulesOf(Messages), ...rulesOf(CheckMessages), ...rulesOf(AuditMessages), ...PLATFORM_INPUTS.flatMap((p) => p.rules), ...rulesOf(HostMessages)].map((r) => [r.id, r]));
}

const cell = (s: string): string => s.replace(/\|/g, '\\|');

/**
 * The README's rule table: one row per rule id, in id order, with an anchor (`#rule-adcs-c002`,
 * where SARIF's helpUri points), its level, title and help.
 */
export function rulesTable(): string {
  const rules = [...allRules().values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  const rows = rules.map((r) => `| <a id="rule-${r.id.toLowerCase()}"></a>${r.id} | ${r.level} | ${cell(r.title)} | ${cell(r.help)} |`);
  return ['| id | level | what it finds | why it matters, and the fix |', '|---|---|---|---|', ...rows].join('\n');
}
