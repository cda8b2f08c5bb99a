import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { appendTo } from '../../lib/util/maps';

describe('appendTo', () => {
  it('groups values by key in order, the first list a copy of what was given', () => {
    const m = new Map<string, number[]>();
    const first = [1, 2];
    appendTo(m, 'a', ...first);
    appendTo(m, 'b', 3);
    appendTo(m, 'a', 4);
    appendTo(m, 'c');
    assert.deepEqual([...m], [['a', [1, 2, 4]], ['b', [3]], ['c', []]]);
    assert.deepEqual(first, [1, 2]);
  });
});
