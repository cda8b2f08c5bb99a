import { Messages } from '../../errors';
import { flowsOf } from '../../model/flows';
import { loadSpecFile } from '../../spec/load';
import { CliIo, ExitCode, UsageError } from '../io';

/** `validate --spec FILE`: checks a spec, prints its warnings and a one-line summary. */
export function validateCommand(opts: { spec?: string }, io: CliIo): ExitCode {
  if (!opts.spec) throw new UsageError(Messages.commandNeeds('validate', '--spec FILE'));
  const spec = loadSpecFile(opts.spec);
  for (const w of spec.warnings) io.err(`${Messages.warning(w.path, w.message)}\n`);
  const tiers = Object.keys(spec.estate.tiers).length;
  io.out(`${opts.spec}: valid; ${tiers} tiers, ${flowsOf(spec.estate).length} flows, platform ${spec.platform ?? 'not set'}, ${spec.warnings.length} warnings\n`);
  return ExitCode.OK;
}
