import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { JsonSyntaxError, parseJsonTree, plainOf, treeOf } from '../../lib/terraform/json-tree';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 200);

describe('parseJsonTree', () => {
  it('reads any JSON without a repeated property as JSON.parse does', () => {
    // GIVEN random JSON text (with whitespace)  WHEN parsed  THEN its plain value is JSON.parse's
    fc.assert(fc.property(fc.jsonValue(), fc.boolean(), (v, pretty) => {
      const text = JSON.stringify(v, null, pretty ? 2 : undefined);
      assert.deepEqual(plainOf(parseJsonTree(text)), JSON.parse(text));
    }), { numRuns: RUNS });
  });

  it('keeps a "__proto__" property as a property, as JSON.parse does (fast-check seed 1025120371)', () => {
    // GIVEN an object with a "__proto__" key  WHEN read  THEN it is an own property, not the prototype
    const text = '{"":{"__proto__":false},"b":{"__proto__":{"x":1}}}';
    const plain = plainOf(parseJsonTree(text)) as Record<string, Record<string, unknown>>;
    assert.deepEqual(plain, JSON.parse(text));
    assert.deepEqual(Object.keys(plain.b), ['__proto__']);
    assert.equal(Object.getPrototypeOf(plain.b), Object.prototype);
    assert.equal((plain.b as { x?: number }).x, undefined);
  });

  it('refuses what JSON.parse refuses', () => {
    // GIVEN random text cut from JSON  WHEN parsed  THEN it throws exactly when JSON.parse throws
    fc.assert(fc.property(fc.jsonValue(), fc.nat(), (v, cut) => {
      const whole = JSON.stringify(v);
      const text = whole.slice(0, cut % (whole.length + 1));
      let jsonOk = true;
      try { JSON.parse(text); } catch { jsonOk = false; }
      let treeOk = true;
      try { parseJsonTree(text); } catch (e) { treeOk = false; assert.ok(e instanceof JsonSyntaxError); }
      assert.equal(treeOk, jsonOk, JSON.stringify(text));
    }), { numRuns: RUNS });
  });

  it('keeps every repeated property, in order, with the offsets of the keys', () => {
    // GIVEN an object repeating "a"  WHEN parsed  THEN both members, the key offsets, the last value for plainOf
    const tree = parseJsonTree(' {"a": 1, "b": [true, null], "a": "x"}');
    assert.equal(tree.kind, 'object');
    if (tree.kind !== 'object') return;
    assert.deepEqual(tree.members.map((m) => [m.key, m.offset]), [['a', 2], ['b', 10], ['a', 29]]);
    assert.deepEqual(plainOf(tree), { a: 'x', b: [true, null] });
  });

  it('reads numbers of any length, escapes and a byte-order mark', () => {
    // GIVEN a 500-digit number, every escape, a leading byte-order mark  WHEN parsed  THEN as JSON.parse reads them
    const digits = '9'.repeat(500);
    assert.equal(plainOf(parseJsonTree(`[${digits}]`)) instanceof Array, true);
    assert.deepEqual(plainOf(parseJsonTree(`[${digits}, -0.5e-3]`)), JSON.parse(`[${digits}, -0.5e-3]`));
    assert.equal(plainOf(parseJsonTree('"\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9"')), '" \\ / \b \f \n \r \t é');
    assert.deepEqual(plainOf(parseJsonTree('\ufeff{"a": 1}')), { a: 1 });
  });

  it('builds a tree of a JavaScript value, undefined members left out', () => {
    // GIVEN a value with an undefined member  WHEN treeOf  THEN plainOf gives it back without that member, offsets -1
    const tree = treeOf({ a: [1, 'x', null, false], b: undefined });
    assert.deepEqual(plainOf(tree), { a: [1, 'x', null, false] });
    assert.equal(tree.offset, -1);
  });
});
