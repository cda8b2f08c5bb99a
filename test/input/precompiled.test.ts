import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import Ajv, { ValidateFunction } from 'ajv';
import { readSpecDocument } from '../../lib/input/load';
import { SPEC_SCHEMA } from '../../lib/spec';
import { AJV_OPTIONS } from '../../lib/input/validate';
import { NOT_PROPS } from '../support/corpus';

const BAD = path.resolve(__dirname, '../../../test/input/corpus/bad');

describe('precompiled spec validator', () => {
  it('is built by npm run build and reports exactly what a runtime-compiled one does, on the whole corpus', () => {
    // GIVEN the validator the build wrote, and one compiled now from the same schema and options
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const built = require('../../lib/spec/shape-validator') as ValidateFunction;
    const fresh = new Ajv(AJV_OPTIONS).compile(SPEC_SCHEMA);
    const compared: string[] = [];
    for (const name of readdirSync(BAD).filter((f) => /\.(ya?ml|json)$/.test(f))) {
      let doc: unknown;
      try { doc = readSpecDocument(path.join(BAD, name)); } catch { continue; }
      // WHEN both validate a bad spec  THEN same verdict, same errors
      assert.equal(built(doc), fresh(doc), name);
      assert.deepEqual(built.errors ?? null, fresh.errors ?? null, name);
      compared.push(name);
    }
    // AND it compared every bad spec that parses into a mapping: all but the 13 file-level ones (121 - 13)
    assert.deepEqual(compared.sort(), readdirSync(BAD).filter((f) => /\.(ya?ml|json)$/.test(f) && !NOT_PROPS.includes(f)).sort());
    assert.equal(compared.length, 108);
  });
});
