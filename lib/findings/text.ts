import type { Warning } from './warning';
import type { RuleMessage } from './rule';

/** A message with its rule id in front, as annotations and construct errors show it: `[ADCS-E208] ...`. */
export function withRuleId(m: RuleMessage): string {
  return `[${m.ruleId}] ${m.text}`;
}

/** A warning as an annotation shows it: `[ADCS-W004] dcomPort: static DCOM port ...`. */
export function warningText(w: Warning): string {
  return `[${w.ruleId}] ${w.path ? `${w.path}: ` : ''}${w.message}`;
}

/** A warning as the command line prints it on stderr: `warning: [ADCS-W004] dcomPort: ...`. */
export function warningLine(w: Warning): string {
  return `warning: ${warningText(w)}`;
}
