import { readFileSync, statSync } from 'node:fs';
import { AdcsInputError, Messages, problem } from '../../errors';
import { checkPlan } from '../../check/check';
import { isTerraformJson } from '../../terraform/terraform-json';
import { CheckFormat, renderReport } from '../../check/report';
import { MAX_SPEC_BYTES } from '../../input/load';
import { loadAndCheck } from './common';
import { CliIo, ExitCode, UsageError } from '../io';

const FORMATS = Object.values(CheckFormat) as string[];

/** Reads a plan file: a cdk.tf.json or `terraform show -json` output. */
export function readPlanFile(file: string): unknown {
  let text: string;
  try {
    const st = statSync(file);
    if (st.size > 64 * MAX_SPEC_BYTES) throw new AdcsInputError(file, [problem('', Messages.fileTooLarge(st.size, 64 * MAX_SPEC_BYTES))]);
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof AdcsInputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new AdcsInputError(file, [problem('', code === 'ENOENT' ? Messages.planNotFound(file) : Messages.fileUnreadable(file, (e as Error).message))]);
  }
  let plan: unknown;
  try {
    plan = JSON.parse(text);
  } catch (e) {
    throw new AdcsInputError(file, [problem('', Messages.jsonSyntax((e as Error).message))]);
  }
  if (!isTerraformJson(plan)) throw new AdcsInputError(file, [problem('', Messages.notAPlan())]);
  return plan;
}

/** `check --spec FILE --plan FILE [--format table|json|github]`: exit 0 ok, 1 findings, 2 bad input. */
export function checkCommand(opts: { spec?: string; plan?: string; format?: string }, io: CliIo): ExitCode {
  if (!opts.spec || !opts.plan) throw new UsageError(Messages.commandNeeds('check', '--spec FILE and --plan FILE'));
  const format = (opts.format ?? CheckFormat.TABLE) as CheckFormat;
  if (!FORMATS.includes(format)) throw new UsageError(Messages.notAccepted(opts.format, FORMATS), '--format');
  const { spec } = loadAndCheck(opts.spec, 'check');
  const plan = readPlanFile(opts.plan);
  const report = checkPlan(plan, spec);
  io.out(renderReport(report, format));
  return report.ok ? ExitCode.OK : ExitCode.FINDINGS;
}
