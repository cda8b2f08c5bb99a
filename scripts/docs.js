#!/usr/bin/env node
// `npm run docs`: writes the README's rule table (between the rules:start and rules:end markers)
// from the finding table in the build (dist/). A test fails while the README's table is stale.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
const { rulesTable } = require(join(ROOT, 'dist', 'lib', 'spec', 'rules'));
const file = join(ROOT, 'README.md');
const text = readFileSync(file, 'utf8');
const marked = /<!-- rules:start -->[\s\S]*<!-- rules:end -->/;
if (!marked.test(text)) {
  process.stderr.write('README.md has no <!-- rules:start --> ... <!-- rules:end --> block\n');
  process.exit(2);
}
writeFileSync(file, text.replace(marked, () => `<!-- rules:start -->\n${rulesTable()}\n<!-- rules:end -->`));
