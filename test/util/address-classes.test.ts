import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addressClasses } from '../../lib/util/address-classes';
import { Interval, unionOf } from '../../lib/util/intervals';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 100);
const iv = (lo: number, hi: number): Interval => ({ lo, hi });

describe('address classes', () => {
  it('groups a thousand client ranges that every rule sees alike into one class', () => {
    // GIVEN 1,000 separate /24s, a rule holding all of them, a deny holding everything, a rule holding the first only
    const clients = Array.from({ length: 1000 }, (_, i) => iv(i * 512, i * 512 + 255));
    const classes = addressClasses(clients, [clients, [iv(0, 2 ** 32 - 1)], [clients[0]]]);
    // THEN two classes: the first /24 (held by all three), the other 999 (held by the first two)
    assert.deepEqual(classes.map((c) => c.members.length), [1, 999]);
    assert.deepEqual(classes[0].representative, iv(0, 255));
    assert.deepEqual(classes[1].representative, iv(512, 767));
  });

  it('splits a range a rule holds only part of, at the rule\'s boundaries', () => {
    // GIVEN 10.0.0.0/16 as numbers 0-65535, a rule holding 256-511  THEN three pieces, two classes
    const classes = addressClasses([iv(0, 65535)], [[iv(256, 511)]]);
    assert.deepEqual(classes.map((c) => c.members), [[iv(0, 255), iv(512, 65535)], [iv(256, 511)]]);
  });

  it('partitions the question\'s addresses, each piece wholly inside or outside every set, alike within a class', () => {
    const interval = fc.tuple(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 200 })).map(([lo, len]) => iv(lo, lo + len));
    fc.assert(fc.property(fc.array(interval, { maxLength: 12 }), fc.array(fc.array(interval, { maxLength: 6 }), { maxLength: 5 }), (axis, sets) => {
      const classes = addressClasses(axis, sets);
      const pieces = classes.flatMap((c) => c.members).sort((a, b) => a.lo - b.lo);
      // the pieces are disjoint and make up the axis
      assert.deepEqual(unionOf(pieces), unionOf(axis));
      for (let k = 1; k < pieces.length; k++) assert.ok(pieces[k].lo > pieces[k - 1].hi);
      const holders = (p: Interval): string => sets.map((set, n) => {
        const inside = set.some((i) => i.lo <= p.lo && p.hi <= i.hi);
        const meets = set.some((i) => i.lo <= p.hi && p.lo <= i.hi);
        assert.equal(meets, inside, 'a piece is wholly inside or outside each set');
        return inside ? n : '';
      }).join(',');
      for (const c of classes) {
        assert.deepEqual(c.representative, c.members[0]);
        for (const m of c.members) assert.equal(holders(m), holders(c.representative));
      }
    }), { numRuns: RUNS });
  });
});
