import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Box, intersectRegions, regionIndex, regionsMeet, splitBoxes, subtractRegions, unionBoxes } from '../../lib/util/boxes';
import { prng } from '../support/prng';

const N = 6;
const inside = (bs: readonly Box[], s: number, d: number, p: number): boolean =>
  bs.some((b) => b.src.lo <= s && s <= b.src.hi && b.dst.lo <= d && d <= b.dst.hi && b.port.lo <= p && p <= b.port.hi);
const disjoint = (bs: readonly Box[]): boolean => {
  for (let s = 0; s < N; s++) for (let d = 0; d < N; d++) for (let p = 0; p < N; p++) {
    if (bs.filter((b) => inside([b], s, d, p)).length > 1) return false;
  }
  return true;
};
const randomBoxes = (rnd: (n: number) => number, n: number): Box[] => Array.from({ length: n }, () => {
  const iv = () => { const a = rnd(N); const b = rnd(N); return { lo: Math.min(a, b), hi: Math.max(a, b) }; };
  return { src: iv(), dst: iv(), port: iv() };
});

describe('region algebra (sweep)', () => {
  it('agrees with point-by-point set algebra on random overlapping boxes, and returns disjoint boxes', () => {
    const rnd = prng(12);
    for (let round = 0; round < 300; round++) {
      // GIVEN two random sets of overlapping boxes in a 6×6×6 space
      const a = randomBoxes(rnd, 1 + rnd(6));
      const b = randomBoxes(rnd, rnd(6));
      // WHEN combined
      const { inside: both, outside: rest } = splitBoxes(a, b);
      const and = intersectRegions(a, b);
      const minus = subtractRegions(a, b);
      const union = unionBoxes(a);
      // THEN every point is where set algebra puts it
      for (let s = 0; s < N; s++) for (let d = 0; d < N; d++) for (let p = 0; p < N; p++) {
        const ia = inside(a, s, d, p);
        const ib = inside(b, s, d, p);
        assert.equal(inside(both, s, d, p), ia && ib);
        assert.equal(inside(and, s, d, p), ia && ib);
        assert.equal(inside(rest, s, d, p), ia && !ib);
        assert.equal(inside(minus, s, d, p), ia && !ib);
        assert.equal(inside(union, s, d, p), ia);
      }
      assert.equal(regionsMeet(a, b), and.length > 0);
      assert.ok(disjoint(both) && disjoint(rest) && disjoint(union));
    }
  });

  it('stays small: 1,000 source ranges with the same content give one box per distinct content, merged where adjacent', () => {
    // GIVEN 1,000 adjacent source /24s toward one destination at one port, minus one port of one of them
    const a: Box[] = Array.from({ length: 1000 }, (_, i) => ({ src: { lo: i * 256, hi: i * 256 + 255 }, dst: { lo: 0, hi: 9 }, port: { lo: 0, hi: 65535 } }));
    const cut: Box[] = [{ src: { lo: 256, hi: 511 }, dst: { lo: 0, hi: 9 }, port: { lo: 443, hi: 443 } }];
    // THEN the union is one box, and the difference three source runs (before, the cut /24 in two port parts, after)
    assert.equal(unionBoxes(a).length, 1);
    assert.deepEqual(subtractRegions(a, cut).map((b) => `${b.src.lo}-${b.src.hi}:${b.port.lo}-${b.port.hi}`),
      ['0-255:0-65535', '256-511:0-442', '256-511:444-65535', '512-255999:0-65535']);
  });
});

describe('regionIndex', () => {
  it('answers "does this set meet the region?" as regionsMeet does, on random overlapping boxes', () => {
    const rnd = prng(31);
    for (let round = 0; round < 500; round++) {
      // GIVEN a random region (overlapping boxes, or the disjoint boxes the algebra returns) and a random query
      const raw = randomBoxes(rnd, rnd(8));
      const region = round % 2 === 0 ? raw : unionBoxes(raw);
      const query = randomBoxes(rnd, 1 + rnd(3));
      // THEN the index agrees with the sweep
      assert.equal(regionIndex(region)(query), regionsMeet(query, region), JSON.stringify({ region, query }));
    }
  });
});
