import assert from 'node:assert/strict';
import { dirname } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { logicalIdOf } from '../../lib/terraform/logical-id';
import { stableJson } from '../../lib/terraform/stable-json';

// The frameworks' own implementations, to hold the pure copies to them.
/* eslint-disable @typescript-eslint/no-require-imports */
const { makeUniqueId } = require('cdktf/lib/private/unique') as { makeUniqueId: (c: string[]) => string };
const stringify = require(require.resolve('json-stable-stringify', { paths: [dirname(require.resolve('cdktf'))] })) as (v: unknown, o: { space: number }) => string;
/* eslint-enable @typescript-eslint/no-require-imports */

const component = fc.oneof(
  fc.constantFrom('adcs', 'aws', 'azure', 'Default', 'Resource', 'ca-security-group', 'group', 'sg-0123', 'a.b/c d', 'x'.repeat(130)),
  fc.string({ minLength: 1, maxLength: 20 }),
);

describe('the writer\'s parts hold to the frameworks\' own code', () => {
  it('logicalIdOf is CDKTF\'s makeUniqueId (hash, readable part, dupes, hidden ids, long paths)', () => {
    assert.equal(logicalIdOf(['adcs', 'aws', 'ca-security-group']), 'adcs_aws_ca-security-group_FF96D3C7');
    fc.assert(fc.property(fc.array(component, { minLength: 1, maxLength: 5 }).filter((c) => c.some((x) => x !== 'Default')), (c) => {
      assert.equal(logicalIdOf(c), makeUniqueId(c));
    }), { numRuns: 300 });
  });

  it('stableJson is json-stable-stringify with two spaces (empty objects and lists, undefined members, escapes)', () => {
    assert.equal(stableJson({ b: {}, a: [], c: undefined }), '{\n  "a": [\n  ],\n  "b": {\n  }\n}');
    fc.assert(fc.property(fc.jsonValue(), fc.dictionary(fc.string(), fc.option(fc.string(), { nil: undefined })), (v, withUndefined) => {
      assert.equal(stableJson(v), stringify(v, { space: 2 }));
      assert.equal(stableJson(withUndefined), stringify(withUndefined, { space: 2 }));
    }), { numRuns: 300 });
  });
});
