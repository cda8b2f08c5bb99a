import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(__dirname, '..', '..');
const LIB = join(ROOT, 'lib');
const FRAMEWORK = /(?:from\s+|require\(\s*|import\(\s*)['"](cdktf|cdktn|constructs|@cdktf\/[^'"]+|@cdktn\/[^'"]+)['"]/g;
const FRAMEWORK_MODULE = /node_modules\/(cdktf|cdktn|constructs|@cdktf|@cdktn)\//;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);
}

/** The framework modules each source of lib/ imports, by path relative to lib/. */
function frameworkImports(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of sources(LIB)) {
    const found = [...readFileSync(f, 'utf8').matchAll(FRAMEWORK)].map((m) => m[1]);
    if (found.length > 0) out.set(relative(LIB, f), [...new Set(found)]);
  }
  return out;
}

/** Modules of a framework in the cache of a fresh process once `script` calls `report()`. */
function loadedFrameworks(script: string): string[] {
  const report = 'const report = () => console.log(JSON.stringify(Object.keys(require.cache)));';
  const out = execFileSync(process.execPath, ['-e', `${report} ${script}`], { cwd: ROOT, encoding: 'utf8' });
  return (JSON.parse(out.trim().split('\n').pop()!) as string[]).filter((k) => FRAMEWORK_MODULE.test(k));
}

describe('layering: the frameworks live in lib/cdktf and lib/cdktn only', () => {
  it('no source outside lib/cdktf and lib/cdktn imports cdktf, cdktn, constructs or a provider package', () => {
    // GIVEN every source of lib/  WHEN its imports are read  THEN only the two framework folders name a framework
    const all = frameworkImports();
    const outside = [...all.keys()].filter((f) => !f.startsWith('cdktf/') && !f.startsWith('cdktn/'));
    assert.deepEqual(outside, []);
    // AND each folder names its own framework only (constructs is shared), never a provider package
    for (const [f, mods] of all) {
      const own = f.split('/')[0];
      assert.deepEqual(mods.filter((m) => m !== own && m !== 'constructs'), [], f);
    }
    assert.ok(all.has('cdktf/resource.ts') && all.has('cdktn/resource.ts'));
  });

  it('the platforms, the check, the input and the CLI import nothing of lib/cdktf or lib/cdktn', () => {
    const offenders = sources(LIB).filter((f) => /^(platforms|check|input|cli|model|terraform|framework|matrix)\//.test(relative(LIB, f)))
      .filter((f) => /from ['"][./]*\/(cdktf|cdktn)(\/|['"])/.test(readFileSync(f, 'utf8')));
    assert.deepEqual(offenders.map((f) => relative(LIB, f)), []);
  });

  for (const [command, args] of [
    ['synth', "['synth', '--spec', 'examples/aws-estate.yaml', '--out', require('fs').mkdtempSync(require('os').tmpdir() + '/adcs-')]"],
    ['validate', "['validate', '--spec', 'examples/azure-estate.yaml']"],
    ['matrix', "['matrix', '--spec', 'examples/azure-estate.yaml']"],
    ['check', "['check', '--spec', 'examples/aws-estate.yaml', '--plan', 'test/upgrade/baseline-0.1/aws-example.tf.json']"],
  ] as const) {
    it(`the CLI's ${command} loads no framework`, () => {
      // GIVEN a fresh process  WHEN it runs the command  THEN no framework module is in the cache
      const loaded = loadedFrameworks(`const { main } = require('./dist/lib/cli/main'); main(${args}, { out() {}, err() {} }).then((c) => { if (c > 1) process.exit(9); report(); })`);
      assert.deepEqual(loaded, []);
    });
  }

  it('adcs-firewall/cdktn loads cdktn and constructs, never cdktf', () => {
    const loaded = loadedFrameworks("require('./dist/lib/cdktn'); report()");
    assert.ok(loaded.some((k) => /node_modules\/cdktn\//.test(k)));
    assert.deepEqual(loaded.filter((k) => /node_modules\/(cdktf|@cdktf)\//.test(k)), []);
  });

  it('the package exports the CDK Terrain entry point beside the root', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.equal(pkg.exports['./cdktn'].default, './dist/lib/cdktn/index.js');
    assert.equal(pkg.exports['.'].default, './dist/lib/index.js');
    assert.equal(pkg.peerDependenciesMeta.cdktf.optional, true);
    assert.equal(pkg.peerDependenciesMeta.cdktn.optional, true);
    assert.deepEqual(Object.keys(pkg.peerDependencies).filter((k) => k.startsWith('@')), []);
  });
});
