import type { Finding } from './finding';
import { FindingLevel } from './rule';
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

/**
 * A warning finding as a construct annotation (and the manifest entry `synth` writes for it):
 * a warning, or info when it is acknowledged (with its reason) or a note.
 */
export function annotationOf(f: Finding): { readonly level: '@cdktf/warn' | '@cdktf/info'; readonly message: string } {
  const text = `[${f.ruleId}] ${f.specPath && f.ruleId.startsWith('ADCS-W') ? `${f.specPath}: ` : ''}${f.message}`;
  if (f.acknowledged !== undefined) return { level: '@cdktf/info', message: `${text} (acknowledged: ${f.acknowledged})` };
  return { level: f.level === FindingLevel.NOTE ? '@cdktf/info' : '@cdktf/warn', message: text };
}
