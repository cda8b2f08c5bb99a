import { MatrixFormat, renderMatrix } from '../../matrix/matrix';
import { flowsOf } from '../../model/flows';
import { DEFAULT_ESTATE } from '../../input/default-estate';
import { loadSpecFile } from '../../spec';
import { resolveSpec } from '../../spec';
import { CliIo, ExitCode, UsageError } from '../io';
import { planWarnings, printWarnings } from './common';
import { Messages } from '../../errors';

const FORMATS = Object.values(MatrixFormat) as string[];

/** `matrix [--spec FILE] [--format markdown|csv|json|mermaid]`: the estate's flows. */
export function matrixCommand(opts: { spec?: string; format?: string }, io: CliIo): ExitCode {
  const format = (opts.format ?? MatrixFormat.MARKDOWN) as MatrixFormat;
  if (!FORMATS.includes(format)) throw new UsageError(Messages.notAccepted(opts.format, FORMATS), '--format');
  // `--spec ""` is a bad path, not a request for the default estate.
  const spec = opts.spec !== undefined ? loadSpecFile(opts.spec) : resolveSpec(DEFAULT_ESTATE, 'default estate');
  // A spec its platform cannot render (a window too small, a quota overflow) is refused here too.
  const warnings = [...spec.warnings, ...(opts.spec !== undefined ? planWarnings(spec, opts.spec, 'matrix') : [])];
  const flows = flowsOf(spec.estate);
  io.out(renderMatrix(format, spec.estate, flows, warnings));
  if (format !== MatrixFormat.MARKDOWN) printWarnings(io, warnings);
  return ExitCode.OK;
}
