import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { expectGolden, UPDATE_GOLDEN_COMMAND } from './golden';

/** Runs `fn` with UPDATE_GOLDEN set to `value` (or unset), restoring it after. */
function withUpdate<T>(value: string | undefined, fn: () => T): T {
  const saved = process.env.UPDATE_GOLDEN;
  if (value === undefined) delete process.env.UPDATE_GOLDEN; else process.env.UPDATE_GOLDEN = value;
  try {
    return fn();
  } finally {
    if (saved === undefined) delete process.env.UPDATE_GOLDEN; else process.env.UPDATE_GOLDEN = saved;
  }
}

describe('expectGolden', () => {
  const dir = mkdtempSync(join(tmpdir(), 'golden-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('fails on a missing golden, naming the file and the command, and writes nothing', () => {
    const file = join(dir, 'missing.json');
    assert.equal(UPDATE_GOLDEN_COMMAND, 'UPDATE_GOLDEN=1 npm test');
    for (const value of [undefined, '', 'true', '0']) {
      assert.throws(() => withUpdate(value, () => expectGolden(file, '{}\n')),
        /golden file \S*missing\.json is missing: create it with UPDATE_GOLDEN=1 npm test and review it before committing/,
        `UPDATE_GOLDEN=${String(value)}`);
      assert.equal(existsSync(file), false, `UPDATE_GOLDEN=${String(value)} must not write`);
    }
  });

  it('writes the golden only with UPDATE_GOLDEN=1, then passes', () => {
    const file = join(dir, 'written.json');
    withUpdate('1', () => expectGolden(file, 'a\nb\n'));
    assert.equal(readFileSync(file, 'utf8'), 'a\nb\n');
    withUpdate(undefined, () => expectGolden(file, 'a\nb\n'));
  });

  it('fails on a difference, showing the first differing line, and leaves the golden as it was', () => {
    const file = join(dir, 'differs.json');
    writeFileSync(file, 'a\nb\nc\n');
    assert.throws(() => withUpdate(undefined, () => expectGolden(file, 'a\nB\nc\n')),
      /differs.json differs from the output \(after an intended change, regenerate it with UPDATE_GOLDEN=1 npm test and review the diff\); first difference at line 2:\n {2}actual: {3}"B"\n {2}expected: "b"/);
    assert.equal(readFileSync(file, 'utf8'), 'a\nb\nc\n');
  });
});
