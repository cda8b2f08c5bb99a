import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Testing, TerraformStack } from 'cdktf';
import { AdcsEnrollmentSecurity } from '../../lib/cdktf/adcs-enrollment-security';
import { AdcsInputError } from '../../lib/errors';
import { EstateProps } from '../../lib/input/props';
import { readSpecDocument } from '../../lib/input/load';
import { NOT_PROPS } from '../support/corpus';
import { invalid } from '../support/fixtures';
import { runCli } from '../support/io';

const BAD = path.resolve(__dirname, '../../../test/input/corpus/bad');

/** The bad specs that parse into a mapping: they are also bad construct props. */
function propsCases(): { name: string; file: string; doc: Record<string, unknown> }[] {
  const out: { name: string; file: string; doc: Record<string, unknown> }[] = [];
  for (const name of readdirSync(BAD).filter((f) => /\.(ya?ml|json)$/.test(f)).sort()) {
    const file = path.join(BAD, name);
    try {
      out.push({ name, file, doc: readSpecDocument(file) });
    } catch {
      // a file-level error (syntax, encoding, not a mapping): not expressible as props
    }
  }
  return out;
}

describe('bad-input corpus as construct props', () => {
  const cases = propsCases();

  it('covers every bad spec that parses into a mapping: all but the 13 file-level ones', () => {
    const all = readdirSync(BAD).filter((f) => /\.(ya?ml|json)$/.test(f)).sort();
    assert.deepEqual(cases.map((c) => c.name), all.filter((f) => !NOT_PROPS.includes(f)));
    assert.ok(NOT_PROPS.every((f) => all.includes(f)), 'every file-level name is in the corpus');
    // the corpus holds 121 bad specs (01-121; 110-121 came with catalogue v2.1), so 108 are props
    assert.equal(all.length, 121);
    assert.equal(cases.length, 108);
  });

  for (const c of cases) {
    it(c.name, async () => {
      // GIVEN the spec as props  WHEN the construct is created
      const app = Testing.app({ stackTraces: false });
      const stack = new TerraformStack(app, 'site');
      let thrown: unknown;
      try {
        new AdcsEnrollmentSecurity(stack, 'adcs', invalid<EstateProps>(c.doc));
      } catch (e) {
        thrown = e;
      }
      // THEN it throws the same problems the CLI prints for the file, naming the construct, and adds nothing
      assert.ok(thrown instanceof AdcsInputError, String(thrown));
      const cli = (await runCli(['validate', '--spec', c.file])).err.trim().split('\n')
        .map((l) => l.replace(`error: ${c.file}: `, ''));
      assert.deepEqual(thrown.problems.map((p) => `${p.path ? `${p.path}: ` : ''}${p.message}`), cli);
      assert.equal(thrown.source, 'AdcsEnrollmentSecurity site/adcs');
      assert.deepEqual(stack.node.findAll().map((n) => n.node.path).filter((p) => p.startsWith('site/adcs/')), []);
    });
  }
});
