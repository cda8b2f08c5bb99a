import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { elementarySegments, segmentsCovered } from '../../lib/util/intervals';

describe('port segments', () => {
  it('elementarySegments cuts the range at every end', () => {
    assert.deepEqual(elementarySegments([{ lo: 10, hi: 20 }, { lo: 15, hi: 30 }], 0, 40),
      [{ lo: 0, hi: 9 }, { lo: 10, hi: 14 }, { lo: 15, hi: 20 }, { lo: 21, hi: 30 }, { lo: 31, hi: 40 }]);
  });

  it('segmentsCovered: segments some item covers, and those whose covering items pass the test', () => {
    // GIVEN rule a (ports 10-20, peer A) and rule b (15-30, peer B)  WHEN the test asks for both peers
    const items = [{ ports: { lo: 10, hi: 20 }, peer: 'A' }, { ports: { lo: 15, hi: 30 }, peer: 'B' }];
    const seen: string[][] = [];
    const r = segmentsCovered(items, 0, 40, (active) => {
      seen.push(active.map((x) => x.peer));
      return active.length === 2;
    });
    // THEN any: every covered segment; all: where both rules apply; the test is asked once per covered segment
    assert.deepEqual(r.any, [{ lo: 10, hi: 14 }, { lo: 15, hi: 20 }, { lo: 21, hi: 30 }]);
    assert.deepEqual(r.all, [{ lo: 15, hi: 20 }]);
    assert.deepEqual(seen, [['A'], ['A', 'B'], ['B']]);
  });
});
