import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(__dirname, '..', '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);
}

describe('layering', () => {
  it('the flow model loads no CDKTF, constructs or provider module (the framework stays replaceable)', () => {
    // GIVEN a fresh process  WHEN it loads the model entry point  THEN no framework module is in the cache
    const loaded = execFileSync(process.execPath, ['-e',
      "require('./dist/lib/model'); console.log(JSON.stringify(Object.keys(require.cache)))"], { cwd: ROOT, encoding: 'utf8' });
    const framework = (JSON.parse(loaded) as string[]).filter((k) => /node_modules\/(cdktf|constructs|@cdktf)\//.test(k));
    assert.deepEqual(framework, []);
  });

  it('no source imports a provider package from its root (seconds and ~900 MB per synth)', () => {
    const offenders = [...sources(join(ROOT, 'lib')), ...sources(join(ROOT, 'examples'))].filter((f) =>
      /from ['"]@cdktf\/provider-(aws|azurerm)['"]|require\(['"]@cdktf\/provider-(aws|azurerm)['"]\)/.test(readFileSync(f, 'utf8')));
    assert.deepEqual(offenders, []);
  });

  it('the host renderer loads no CDKTF either (lib/host is framework-free)', () => {
    // GIVEN a fresh process  WHEN it loads the host entry point and renders a tier  THEN no framework module is in the cache
    const loaded = execFileSync(process.execPath, ['-e',
      "const h = require('./dist/lib/host'); const { DEFAULT_ESTATE } = require('./dist/lib/input/default-estate');" +
      " const { resolveSpec } = require('./dist/lib/spec');" +
      " h.renderPowerShell(h.hostConfig(resolveSpec(DEFAULT_ESTATE, 'd').estate, 'ca'));" +
      " console.log(JSON.stringify(Object.keys(require.cache)))"], { cwd: ROOT, encoding: 'utf8' });
    const framework = (JSON.parse(loaded) as string[]).filter((k) => /node_modules\/(cdktf|constructs|@cdktf)\//.test(k));
    assert.deepEqual(framework, []);
  });

  it('the package exports the model on its own subpath', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.equal(pkg.exports['./model'].default, './dist/lib/model/index.js');
    assert.equal(pkg.exports['./host'].default, './dist/lib/host/index.js');
    assert.equal(pkg.bin['adcs-firewall'], 'dist/lib/cli/bin.js');
  });
});
