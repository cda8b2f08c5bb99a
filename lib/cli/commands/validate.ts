import { Messages, plural } from '../../errors';
import { flowsOf } from '../../model/flows';
import { loadSpecFile } from '../../spec';
import { CliIo, ExitCode, UsageError } from '../io';
import { planWarnings, printWarnings } from './common';

/** `validate --spec FILE`: checks a spec (its rules planned as synth would), prints its warnings and a one-line summary. */
export function validateCommand(opts: { spec?: string }, io: CliIo): ExitCode {
  if (!opts.spec) throw new UsageError(Messages.commandNeeds('validate', '--spec FILE'));
  const spec = loadSpecFile(opts.spec);
  const warnings = [...spec.warnings, ...planWarnings(spec, opts.spec, 'validate')];
  printWarnings(io, warnings);
  const tiers = Object.keys(spec.estate.tiers).length;
  io.out(`${opts.spec}: valid; ${plural(tiers, 'tier')}, ${plural(flowsOf(spec.estate).length, 'flow')}, platform ${spec.platform ?? 'not set'}, ${plural(warnings.length, 'warning')}\n`);
  return ExitCode.OK;
}
