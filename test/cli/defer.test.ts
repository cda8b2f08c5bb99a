import assert from 'node:assert/strict';
import { dirname } from 'node:path';
import { describe, it } from 'node:test';
import { deferArchiver } from '../../lib/cli/defer';

describe('deferArchiver (CLI start-up)', () => {
  it('puts a stand-in in the cache that loads the real archiver on first call', () => {
    // GIVEN the stand-in in place of cdktf's archiver
    deferArchiver();
    const path = require.resolve('archiver', { paths: [dirname(require.resolve('cdktf'))] });
    const stand = require.cache[path]!.exports as (format: string) => { append: unknown; finalize: unknown };
    assert.equal(stand.name, 'lazyArchiver');
    // WHEN cdktf would call it  THEN a real zip archiver comes back, and the real module is cached
    const archive = stand('zip');
    assert.equal(typeof archive.append, 'function');
    assert.equal(typeof archive.finalize, 'function');
    assert.notEqual((require.cache[path]!.exports as { name?: string }).name, 'lazyArchiver');
  });
});
