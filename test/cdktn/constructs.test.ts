import assert from 'node:assert/strict';
import { after } from 'node:test';
import * as cdktn from 'cdktn';
import * as lib from '../../lib/cdktn';
import { constructSuite } from '../support/construct-suite';

// The construct tests on CDK Terrain, through `adcs-firewall/cdktn`: this process never loads cdktf.
constructSuite({ name: 'cdktn', core: cdktn, lib });

after(() => {
  const leaked = Object.keys(require.cache).filter((k) => /node_modules\/(cdktf|@cdktf)\//.test(k));
  assert.deepEqual(leaked, [], 'no cdktf module is loaded beside cdktn');
});
