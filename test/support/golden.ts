import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The repository root (this file runs as dist/test/support/golden.js). */
const ROOT = join(__dirname, '..', '..', '..');

/** The one command that writes the golden files; review the diff before committing it. */
export const UPDATE_GOLDEN_COMMAND = 'UPDATE_GOLDEN=1 npm test';

/** The first line where `actual` and `expected` differ, for a message that does not hide the diff. */
function firstDifference(actual: string, expected: string): string {
  const a = actual.split('\n');
  const e = expected.split('\n');
  for (let i = 0; i < Math.max(a.length, e.length); i++) {
    if (a[i] !== e[i]) return `first difference at line ${i + 1}:\n  actual:   ${JSON.stringify(a[i])}\n  expected: ${JSON.stringify(e[i])}`;
  }
  return 'no line differs';
}

/**
 * Asserts that `text` equals the golden file `file` (an absolute path in the source tree).
 * The file is written only when UPDATE_GOLDEN=1 is set; a missing golden fails, naming the
 * file and the command that creates it, so a deleted golden can never pass by recreating itself.
 */
export function expectGolden(file: string, text: string): void {
  const shown = relative(ROOT, file);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, text);
  assert.ok(existsSync(file), `golden file ${shown} is missing: create it with ${UPDATE_GOLDEN_COMMAND} and review it before committing`);
  const golden = readFileSync(file, 'utf8');
  assert.ok(text === golden, `${shown} differs from the output (after an intended change, regenerate it with ${UPDATE_GOLDEN_COMMAND} and review the diff); ${firstDifference(text, golden)}`);
}
