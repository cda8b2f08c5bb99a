import { Messages } from '../../errors';
import { auditExports } from '../../audit/audit';
import { readExports } from '../../audit/exports';
import { CheckFormat, renderReport } from '../../check/report';
import { allRules } from '../../spec/rules';
import { planEstate, requireEnforcement } from '../../spec/estate-plan';
import { CliIo, ExitCode, UsageError } from '../io';
import { failOnOption, formatOption, writeStepSummary } from '../output';
import { placesOf } from '../places';
import { version } from '../version';
import { loadAndCheck } from './common';
import { ESTATE_CONSTRUCT_ID } from './synth';
import { writeAdoption } from './adopt-files';

/**
 * `audit --spec FILE --export FILE [--export FILE ...] [--format F] [--fail-on L] [--adopt DIR]`:
 * judges the live estate the exports show as check judges a plan; exit 0 when no finding fails
 * the run, 1 findings, 2 bad input (a file that is not a recognised export names the shapes
 * accepted; nothing is written). With --adopt, writes DIR/import.tf.json and DIR/adoption.md.
 */
export function auditCommand(opts: { spec?: string; export?: string[]; format?: string; 'fail-on'?: string; adopt?: string }, io: CliIo): ExitCode {
  if (!opts.spec || !opts.export || opts.export.length === 0) throw new UsageError(Messages.commandNeeds('audit', '--spec FILE and --export FILE (one or more)'));
  const format = formatOption(opts.format, Object.values(CheckFormat), CheckFormat.TABLE);
  const failOn = failOnOption(opts['fail-on']);
  const { spec } = loadAndCheck(opts.spec, 'audit');
  requireEnforcement(spec, opts.spec);
  // The estate must plan as synth would (priority windows, quotas): adoption compares with that plan.
  const planned = planEstate(spec, opts.spec, 'audit', false);
  const exports = readExports(opts.export, spec.platform!);
  const report = auditExports(exports, spec, { failOn });
  const context = { places: placesOf(undefined, { specFile: opts.spec }), rules: [...allRules().values()], version: version(), command: 'audit' };
  if (opts.adopt) writeAdoption(opts.adopt, exports, spec, planned, [ESTATE_CONSTRUCT_ID]);
  if (format === CheckFormat.TABLE) io.out(`Exports: ${exports.map((e) => `${e.file} (${e.command})`).join(', ')}\n`);
  io.out(renderReport(report, format, context));
  if (format === CheckFormat.GITHUB) writeStepSummary(() => renderReport(report, CheckFormat.MARKDOWN, context), io);
  if (opts.adopt && format === CheckFormat.TABLE) io.out(`Adoption written to ${opts.adopt}: import.tf.json, adoption.md\n`);
  return report.ok ? ExitCode.OK : ExitCode.FINDINGS;
}
