import { acknowledge, Acknowledgement } from './acknowledge';
import { CheckMessages } from './check-rules';
import type { Finding } from './finding';
import { FindingLevel } from './rule';
import type { Warning } from './warning';

/**
 * Warnings as findings, the acknowledgements of warning rules applied: what validate, synth and
 * the constructs report. An acknowledgement of a warning rule that covers nothing is a note.
 */
export function warningFindings(warnings: readonly Warning[], acknowledgements: readonly Acknowledgement[]): Finding[] {
  const raw: Finding[] = warnings.map((w) => ({
    ruleId: w.ruleId, level: FindingLevel.WARNING, message: w.message, ...(w.path ? { specPath: w.path } : {}),
    ...(/^tiers\.([A-Za-z]+)/.test(w.path) ? { tier: /^tiers\.([A-Za-z]+)/.exec(w.path)![1] } : {}),
  }));
  const { findings, unused } = acknowledge(raw, acknowledgements, (id) => id.startsWith('ADCS-W'));
  return [...findings, ...unused.map((a) => {
    const m = CheckMessages.acknowledgementUnused(a.at, a.ruleId);
    return { ruleId: m.ruleId, level: FindingLevel.NOTE, message: m.text, specPath: a.at };
  })];
}
