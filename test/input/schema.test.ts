import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { parseSpecText } from '../../lib/input/load';
import { SPEC_SCHEMA } from '../../lib/input/schema';

// Compiled to dist/test/input: read the committed files from the source tree.
const ROOT = path.resolve(__dirname, '../../..');
const SCHEMA_FILE = path.join(ROOT, 'schema', 'adcs-spec.schema.json');
const CORPUS = path.join(ROOT, 'test', 'input', 'corpus');

describe('shipped JSON Schema', () => {
  it('schema/adcs-spec.schema.json is SPEC_SCHEMA, byte for byte (run `npm run schema` after changing it)', () => {
    // GIVEN the committed file and the compiled schema  THEN the file is its 2-space JSON plus a newline
    assert.equal(readFileSync(SCHEMA_FILE, 'utf8'), `${JSON.stringify(SPEC_SCHEMA, null, 2)}\n`);
  });

  it('ships in the npm package', () => {
    // GIVEN package.json  THEN its "files" include the schema folder
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { files: string[] };
    assert.ok(pkg.files.includes('schema'));
  });

  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
  const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));

  const specs = ['good', 'warn'].flatMap((dir) => readdirSync(path.join(CORPUS, dir)).filter((f) => /\.(ya?ml|json)$/.test(f)).map((f) => path.join(dir, f)));
  for (const rel of specs) {
    it(`${rel} validates against the committed schema`, () => {
      // GIVEN a spec the CLI accepts  WHEN checked by a stock JSON Schema validator
      const file = path.join(CORPUS, rel);
      const doc = parseSpecText(readFileSync(file, 'utf8'), file);
      // THEN no schema error (editors will not flag valid specs)
      assert.ok(validate(doc), JSON.stringify(validate.errors));
    });
  }

  it('rejects what the shape check rejects: unknown keys, misspelt values, missing core tiers', () => {
    // GIVEN shape errors  WHEN checked by the committed schema  THEN invalid
    const core = { clients: { cidrs: ['10.20.0.0/16'] }, ca: { cidrs: ['10.0.1.0/24'] }, dc: { cidrs: ['10.0.0.0/24'] } };
    assert.ok(validate({ tiers: core }));
    assert.ok(!validate({ tiers: core, colour: 'blue' }));
    assert.ok(!validate({ tiers: core, osGeneration: 'legcy' }));
    assert.ok(!validate({ tiers: { clients: core.clients, ca: core.ca } }));
    assert.ok(!validate({ tiers: { ...core, ca: { cidrs: [] } } }));
  });
});
