import { Messages, plural } from '../../errors';
import { warning } from '../../findings/warning';
import { warningFindings } from '../../findings/warning-findings';
import { flowsOf } from '../../model/flows';
import { loadSpecFile } from '../../spec';
import { enforcementKeysText, hasEnforcement } from '../../spec/estate-plan';
import { printFindings } from '../findings-output';
import { CliIo, ExitCode, UsageError } from '../io';
import { failOnOption, FindingsFormat, formatOption } from '../output';
import { planWarnings } from './common';

/**
 * `validate --spec FILE [--format ...] [--fail-on error|warning]`: checks a spec (its rules
 * planned as synth would), prints its warnings and a one-line summary; an estate with no
 * enforcement point is a warning here (synth and check refuse it).
 */
export function validateCommand(opts: { spec?: string; format?: string; 'fail-on'?: string }, io: CliIo): ExitCode {
  if (!opts.spec) throw new UsageError(Messages.commandNeeds('validate', '--spec FILE'));
  const format = formatOption(opts.format, Object.values(FindingsFormat), FindingsFormat.TABLE);
  const failOn = failOnOption(opts['fail-on']);
  const spec = loadSpecFile(opts.spec);
  // A spec on a platform whose tiers have no enforcement point would synthesize to nothing.
  const noOp = spec.platform === undefined || hasEnforcement(spec) ? [] : [warning('tiers', Messages.noEnforcementPointWarning(enforcementKeysText(spec)))];
  const warnings = [...spec.warnings, ...planWarnings(spec, opts.spec, 'validate'), ...noOp];
  const findings = warningFindings(warnings, spec.acknowledgements);
  const failed = printFindings(io, 'validate', findings, format, opts.spec, failOn);
  if (format === FindingsFormat.TABLE) {
    const tiers = Object.keys(spec.estate.tiers).length;
    const open = findings.filter((f) => f.acknowledged === undefined && f.ruleId.startsWith('ADCS-W')).length;
    const acknowledged = findings.length - findings.filter((f) => f.acknowledged === undefined).length;
    io.out(`${opts.spec}: valid; ${plural(tiers, 'tier')}, ${plural(flowsOf(spec.estate).length, 'flow')}, platform ${spec.platform ?? 'not set'}, ${plural(open, 'warning')}${acknowledged > 0 ? `, ${acknowledged} acknowledged` : ''}\n`);
  }
  return failed ? ExitCode.FINDINGS : ExitCode.OK;
}
