import { readFileSync, statSync } from 'node:fs';
import { AdcsInputError, Messages, problem } from '../errors';
import { MAX_SPEC_BYTES } from '../input/load';
import { TfDocument } from '../terraform/document';
import { NotTerraformJson, readTerraformText } from '../terraform/read-document';

/** A plan file as read: its path, its text (for pointing findings at lines) and the document. */
export interface PlanFile {
  readonly file: string;
  readonly text: string;
  /** The Terraform document, read as Terraform reads it. */
  readonly document: TfDocument;
  /** The root's `//` member as plain JSON (`{ '//': ... }`), where a synthesized stack records its estates. */
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
    const bytes = readFileSync(file);
    // JSON is UTF-8 (RFC 8259 8.1); a UTF-16 byte-order mark is the usual Windows mistake, named as such.
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) throw new AdcsInputError(file, [problem('', Messages.notUtf8(true))]);
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new AdcsInputError(file, [problem('', Messages.notUtf8())]);
    }
  } catch (e) {
    if (e instanceof AdcsInputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new AdcsInputError(file, [problem('', code === 'ENOENT' ? Messages.planNotFound(file) : Messages.fileUnreadable(file, (e as Error).message))]);
  }
  let document: TfDocument;
  try {
    document = readTerraformText(text);
  } catch (e) {
    if (!(e instanceof NotTerraformJson)) throw e;
    throw new AdcsInputError(file, [problem('', e.reason === 'syntax' ? Messages.jsonSyntax(e.message) : Messages.notAPlan(e.message))]);
  }
  return { file, text, document, doc: { '//': document.comment } };
}
