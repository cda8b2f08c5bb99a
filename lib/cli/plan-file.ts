import { readFileSync, statSync } from 'node:fs';
import { AdcsInputError, Messages, problem } from '../errors';
import { MAX_SPEC_BYTES } from '../input/load';
import { isTerraformJson } from '../terraform/terraform-json';

/** A plan file as read: its path, its text (for pointing findings at lines) and its JSON. */
export interface PlanFile {
  readonly file: string;
  readonly text: string;
  readonly doc: unknown;
}

/** Largest plan read, in bytes. */
export const MAX_PLAN_BYTES = 64 * MAX_SPEC_BYTES;

/** Reads a plan file: a cdk.tf.json or `terraform show -json` output (plan or state). */
export function readPlanFile(file: string): PlanFile {
  let text: string;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new AdcsInputError(file, [problem('', Messages.fileUnreadable(file, 'it is a directory'))]);
    if (st.size > MAX_PLAN_BYTES) throw new AdcsInputError(file, [problem('', Messages.fileTooLarge(st.size, MAX_PLAN_BYTES))]);
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof AdcsInputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new AdcsInputError(file, [problem('', code === 'ENOENT' ? Messages.planNotFound(file) : Messages.fileUnreadable(file, (e as Error).message))]);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new AdcsInputError(file, [problem('', Messages.jsonSyntax((e as Error).message))]);
  }
  if (!isTerraformJson(doc)) throw new AdcsInputError(file, [problem('', Messages.notAPlan())]);
  return { file, text, doc };
}
