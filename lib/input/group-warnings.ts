import { Messages } from '../errors';
import { Warning } from '../model/warnings';

/** The planner's "egress restricts nothing" warning, one per existing AWS group: its group id and tiers. */
const EXISTING_EGRESS = /^the library adds egress rules to existing security group (.+) \(tiers ([^)]*)\), but /;

/**
 * Warnings as the user reads them: near-identical warnings of one kind (the egress of several
 * existing AWS security groups) become one line naming every group, at the place of the first.
 * Every other warning is kept, in order.
 */
export function groupWarnings(warnings: readonly Warning[]): Warning[] {
  const egress = warnings.filter((w) => w.code === 'AWS_EXISTING_GROUP_EGRESS');
  const parsed = egress.map((w) => EXISTING_EGRESS.exec(w.message));
  if (egress.length < 2 || parsed.some((m) => !m)) return [...warnings];
  const merged: Warning = {
    code: 'AWS_EXISTING_GROUP_EGRESS',
    path: egress.map((w) => w.path).join(', '),
    message: Messages.awsExistingGroupsEgress(parsed.map((m) => ({ id: m![1], tiers: m![2] }))),
  };
  const out: Warning[] = [];
  for (const w of warnings) {
    if (w.code !== 'AWS_EXISTING_GROUP_EGRESS') out.push(w);
    else if (w === egress[0]) out.push(merged);
  }
  return out;
}
