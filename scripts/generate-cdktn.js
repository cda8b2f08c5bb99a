#!/usr/bin/env node
// Build step (`npm run build`, before tsc): writes lib/cdktn/ from lib/cdktf/, the one source of
// the construct classes. The CDK Terrain entry point differs only in its framework: the `cdktf`
// package becomes `cdktn`, the CDKTF framework object CDKTN (named 'cdktn'), require-cdktf
// require-cdktn. A file
// is rewritten only when its content changes, so tsc's incremental build stays incremental.
'use strict';
const { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync, rmSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
const FROM = join(ROOT, 'lib', 'cdktf');
const TO = join(ROOT, 'lib', 'cdktn');

/** The cdktn source of one cdktf source: the framework's names swapped, nothing else. */
function toCdktn(text) {
  return text
    .replace(/from 'cdktf'/g, "from 'cdktn'")
    .replace(/require-cdktf/g, 'require-cdktn')
    .replace(/requireFramework\('cdktf'\)/g, "requireFramework('cdktn')")
    .replace(/name: 'cdktf'/g, "name: 'cdktn'")
    .replace(/\bCDKTF\b/g, 'CDKTN');
}

/** The file name of a cdktf source's cdktn twin. */
function cdktnName(name) {
  return name.replace('cdktf', 'cdktn');
}

function generate() {
  mkdirSync(TO, { recursive: true });
  const wanted = new Set();
  for (const name of readdirSync(FROM).filter((n) => n.endsWith('.ts')).sort()) {
    const target = cdktnName(name);
    wanted.add(target);
    const text = `// Generated from lib/cdktf/${name} by scripts/generate-cdktn.js at build; do not edit.\n${toCdktn(readFileSync(join(FROM, name), 'utf8'))}`;
    const path = join(TO, target);
    if (!existsSync(path) || readFileSync(path, 'utf8') !== text) writeFileSync(path, text);
  }
  for (const name of readdirSync(TO)) if (!wanted.has(name)) rmSync(join(TO, name));
}

module.exports = { toCdktn, cdktnName };
if (require.main === module) generate();
