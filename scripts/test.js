#!/usr/bin/env node
// The test tiers. `npm test` (what .ci/run runs): every test. `npm run test:fast` (the edit
// loop, after an incremental build): every test but the slow tiers that guard packaging and
// types (packing and installing the package, tsc type tests of the matcher types, the bench
// harness), with the property tests at a smaller size (PROPERTY_RUNS). Either way it runs the
// compiled file of each test/**/*.test.ts that exists, so the output of a moved or deleted
// test left in dist/ never runs.
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync } = require('node:fs');
const { availableParallelism } = require('node:os');
const { join, relative } = require('node:path');

const ROOT = join(__dirname, '..');
/** Test files the fast tier leaves out, by path relative to the repository. */
const SLOW = [/^test\/package\//, /^test\/testing\/matcher-types\.test\.ts$/, /^test\/bench\//];
/** Property runs in the fast tier (the whole suite uses each test's own default). */
const FAST_PROPERTY_RUNS = '10';

function testSources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? testSources(p) : e.name.endsWith('.test.ts') ? [relative(ROOT, p)] : [];
  }).sort();
}

const fast = process.argv.includes('--fast');
const sources = testSources(join(ROOT, 'test')).filter((f) => !fast || !SLOW.some((r) => r.test(f)));
const compiled = sources.map((f) => join('dist', f.replace(/\.ts$/, '.js')));
const missing = compiled.filter((f) => !existsSync(join(ROOT, f)));
if (missing.length > 0) {
  process.stderr.write(`not built: ${missing.join(', ')}; run npm run build first\n`);
  process.exit(2);
}
const env = { ...process.env, ...(fast && !process.env.PROPERTY_RUNS ? { PROPERTY_RUNS: FAST_PROPERTY_RUNS } : {}) };
const args = ['--test', `--test-concurrency=${Math.max(1, availableParallelism())}`, `--test-reporter=${process.env.TEST_REPORTER ?? 'spec'}`, ...compiled];
const r = spawnSync(process.execPath, args, { cwd: ROOT, env, stdio: 'inherit' });
process.exit(r.status ?? 1);
