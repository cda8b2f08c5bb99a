import { join } from 'node:path';
import { AdcsInputError, Messages, problem } from '../../errors';
import { checkPlan, CheckReport } from '../../check/check';
import { CheckFormat, renderReport } from '../../check/report';
import { allRules } from '../../spec/rules';
import type { ResolvedInput } from '../../input/resolved';
import { PLATFORM_INPUTS } from '../../platforms/registry';
import { resolveSpec } from '../../spec/spec';
import { estateRecords } from '../../spec/estate-record';
import { CliIo, ExitCode, UsageError } from '../io';
import { failOnOption, formatOption, writeStepSummary } from '../output';
import { EstateSource, placesOf } from '../places';
import { PlanFile, readPlanFile } from '../plan-file';
import { loadAndCheck } from './common';
import { ESTATE_CONSTRUCT_ID } from './synth';
import { version } from '../version';

/** An estate to check, and where it comes from. */
export interface EstateToCheck {
  readonly spec: ResolvedInput;
  readonly source: EstateSource;
  /** The construct path, when the plan recorded several. */
  readonly label?: string;
}

/**
 * The estates to check: the spec given; else the estates the plan records (a cdk.tf.json
 * written by synth or the constructs); else those recorded in `--stack DIR`'s cdk.tf.json (for
 * `terraform show -json`, which carries no record).
 */
export function estatesOf(opts: { spec?: string; stack?: string }, plan: PlanFile): EstateToCheck[] {
  if (opts.spec) return [{ spec: loadAndCheck(opts.spec, 'check').spec, source: { specFile: opts.spec } }];
  const recordFile = opts.stack ? readPlanFile(join(opts.stack, 'cdk.tf.json')) : plan;
  const records = estateRecords(recordFile.doc);
  if (records.length === 0) {
    throw new AdcsInputError(recordFile.file, [problem('', opts.stack ? Messages.noEstateRecord(recordFile.file) : Messages.planWithoutEstate())]);
  }
  return records.map((r) => {
    const spec = resolveSpec(r.spec, `${recordFile.file} (estate ${r.path})`);
    if (!spec.platform) throw new AdcsInputError(recordFile.file, [problem('platform', Messages.platformMissing('check', PLATFORM_INPUTS.map((p) => p.platform)))]);
    return { spec, source: { recordPath: r.path, recordFile }, label: records.length > 1 ? r.path : undefined };
  });
}

/**
 * Where the estate's construct sits in its stack, for recognising the library's rules by
 * address: the recorded construct path, else where `synth` puts it (`<stack>/adcs`).
 */
export function scopeOf(estate: EstateToCheck): string[] {
  return 'recordPath' in estate.source ? estate.source.recordPath.split('/').slice(1) : [ESTATE_CONSTRUCT_ID];
}

/**
 * `check [--spec FILE] --plan FILE [--stack DIR] [--format ...] [--fail-on error|warning]`: exit 0
 * when no finding fails the run, 1 findings, 2 bad input.
 */
export function checkCommand(opts: { spec?: string; plan?: string; stack?: string; format?: string; 'fail-on'?: string }, io: CliIo): ExitCode {
  if (!opts.plan) throw new UsageError(Messages.commandNeeds('check', '--plan FILE (and --spec FILE, unless the plan records its estate)'));
  const format = formatOption(opts.format, Object.values(CheckFormat), CheckFormat.TABLE);
  const failOn = failOnOption(opts['fail-on']);
  const plan = readPlanFile(opts.plan);
  const estates = estatesOf(opts, plan);
  const rules = [...allRules().values()];
  let ok = true;
  const reports: { report: CheckReport; estate: EstateToCheck }[] = estates.map((estate) => ({ estate,
    report: checkPlan(plan.document, estate.spec, { failOn, scope: scopeOf(estate) }) }));
  for (const { report, estate } of reports) {
    ok &&= report.ok;
    const context = { places: placesOf(plan, estate.source), rules, version: version() };
    if (estate.label && (format === CheckFormat.TABLE || format === CheckFormat.MARKDOWN)) io.out(`${estate.label}:\n`);
    io.out(renderReport(report, format, context));
    if (format === CheckFormat.GITHUB) writeStepSummary(() => renderReport(report, CheckFormat.MARKDOWN, context), io);
  }
  return ok ? ExitCode.OK : ExitCode.FINDINGS;
}
