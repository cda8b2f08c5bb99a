import { readFileSync, statSync } from 'node:fs';
import { AdcsInputError, InputProblem, Messages, problem } from '../errors';
import { MAX_SPEC_BYTES } from '../input/load';
import { Platform } from '../model/options';
import type { LiveExport } from '../platforms/live';
import { PLATFORMS } from '../platforms/registry';
import { isObject } from '../util/json';

/**
 * Reads the files given as `--export`, in any number and order, and recognises each by its
 * shape through the registry (each platform knows its CLI's exports). All or nothing: a file
 * that is not JSON, not an export (a --query projection, an ARM REST body, a Terraform plan:
 * `check` reads those) or of another platform than the spec's fails the run with every problem
 * named, and nothing is judged.
 */

/** Largest export read, in bytes (an export of 50,000 rules is some 40 MB). */
export const MAX_EXPORT_BYTES = 64 * MAX_SPEC_BYTES;

/** Every command whose output is accepted, over all platforms. */
export function acceptedCommands(): string[] {
  return Object.values(PLATFORMS).flatMap((p) => p.live.commands);
}

/** True for JSON that is a Terraform configuration, plan or state (check's input). */
function isTerraform(v: unknown): boolean {
  return isObject(v) && (['resource', 'terraform', 'planned_values', 'resource_changes', 'format_version', 'provider', 'data'].some((k) => k in v)
    || (isObject(v.values) && 'root_module' in v.values));
}

/** One file read and recognised, or its problem. */
function readOne(file: string, platform: Platform): LiveExport | InputProblem {
  let text: string;
  try {
    const st = statSync(file);
    if (st.isDirectory()) return problem('', Messages.fileUnreadable(file, 'it is a directory'));
    if (st.size > MAX_EXPORT_BYTES) return problem('', Messages.fileTooLarge(st.size, MAX_EXPORT_BYTES));
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return problem('', code === 'ENOENT' ? Messages.exportNotFound(file) : Messages.fileUnreadable(file, (e as Error).message));
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return problem('', Messages.exportNotJson((e as Error).message, acceptedCommands()));
  }
  if (isTerraform(value)) return problem('', Messages.exportIsTerraform());
  for (const p of Object.values(PLATFORMS)) {
    const command = p.live.recognise(value);
    if (command === undefined) continue;
    if (p.platform !== platform) return problem('', Messages.exportOtherPlatform(command, platform));
    return { file, value, command };
  }
  const near = Object.values(PLATFORMS).map((p) => p.live.nearMiss(value)).find((x) => x !== undefined);
  return problem('', Messages.exportNotRecognised(near ?? '', acceptedCommands()));
}

/** Reads every export for an estate of `platform`; throws AdcsInputError naming each bad file. */
export function readExports(files: readonly string[], platform: Platform): LiveExport[] {
  const read = files.map((f) => ({ file: f, r: readOne(f, platform) }));
  const bad = read.filter((x): x is { file: string; r: InputProblem } => 'ruleId' in x.r);
  if (bad.length > 0) {
    const e = new AdcsInputError(bad[0].file, [bad[0].r]);
    if (bad.length === 1) throw e;
    // Every bad file named, each with its own problem.
    throw Object.assign(new AdcsInputError(bad.map((b) => b.file).join(', '), bad.map((b) => ({ ...b.r, path: '' }))),
      { message: bad.map((b) => `${b.file}: ${b.r.message}`).join('\n') });
  }
  return read.map((x) => x.r as LiveExport);
}
