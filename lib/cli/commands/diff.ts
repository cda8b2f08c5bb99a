import { readFileSync } from 'node:fs';
import { AdcsInputError, Messages, problem } from '../../errors';
import { diffPlans } from '../../check/diff';
import { DiffFormat, renderDiff } from '../../check/diff-report';
import { NotTerraformJson, NotTerraformJsonReason, readPriorState } from '../../terraform/read-document';
import { CliIo, ExitCode, UsageError } from '../io';
import { formatOption } from '../output';
import { readPlanFile } from '../plan-file';
import { estatesOf, scopeOf } from './check';

/**
 * `diff --plan OLD --plan NEW [--spec FILE | --stack DIR] [--format markdown|json|table]`, or
 * `diff --plan PLAN` for the state a `terraform show -json` plan starts from against the one it
 * leads to: the flows whose verdict changes, the traffic no flow needs that starts or stops
 * getting through, the rules added, removed, widened or narrowed. Exit 0 (a diff informs; `check`
 * gates), 2 on bad input.
 */
export function diffCommand(opts: { spec?: string; plan?: string[]; stack?: string; format?: string }, io: CliIo): ExitCode {
  const plans = opts.plan ?? [];
  if (plans.length === 0 || plans.length > 2) throw new UsageError(Messages.commandNeeds('diff', '--plan OLD --plan NEW, or --plan PLAN (terraform show -json of a saved plan)'));
  const format = formatOption(opts.format, Object.values(DiffFormat), DiffFormat.MARKDOWN);
  const after = readPlanFile(plans[plans.length - 1]);
  let before = plans.length === 2 ? readPlanFile(plans[0]).document : undefined;
  if (!before) {
    try {
      before = readPriorState(readFileSync(after.file, 'utf8'));
    } catch (e) {
      if (!(e instanceof NotTerraformJson)) throw e;
      throw new AdcsInputError(after.file, [problem('', e.reason === NotTerraformJsonReason.SYNTAX ? Messages.jsonSyntax(e.message) : Messages.diffNeedsSavedPlan(e.message))]);
    }
  }
  for (const estate of estatesOf(opts, after)) {
    const d = diffPlans(before, after.document, estate.spec, { scope: scopeOf(estate) });
    if (estate.label && format !== DiffFormat.JSON) io.out(`${estate.label}:\n`);
    io.out(renderDiff(d, format));
  }
  return ExitCode.OK;
}
