import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FRAMEWORK_PACKAGES, requireFramework, satisfiesRange } from '../../lib/framework/require-framework';

const ROOT = join(__dirname, '..', '..', '..');
const DIST_LIB = join(ROOT, 'dist', 'lib');
const tmp = mkdtempSync(join(tmpdir(), 'adcs-require-'));

/** A preload that makes `packages` look uninstalled (MODULE_NOT_FOUND, as node says it). */
function hiding(packages: readonly string[]): string {
  const file = join(tmp, `hide-${packages.join('-').replace(/[^a-z]/g, '')}.js`);
  writeFileSync(file, `const M = require('module'); const orig = M._resolveFilename; const hidden = ${JSON.stringify(packages)};
M._resolveFilename = function (request, ...rest) {
  if (hidden.some((p) => request === p || request.startsWith(p + '/'))) { const e = new Error("Cannot find module '" + request + "'"); e.code = 'MODULE_NOT_FOUND'; throw e; }
  return orig.call(this, request, ...rest);
};`);
  return file;
}

function node(preload: string, args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, ['-r', preload, ...args], { encoding: 'utf8', cwd: tmp });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('a missing framework or package', () => {
  it('the CDKTF entry point without cdktf names the package and the versions to install', () => {
    // GIVEN cdktf hidden  WHEN `adcs-firewall` is required  THEN one clear error, no bare Cannot find module
    const r = node(hiding(['cdktf']), ['-e', `require(${JSON.stringify(DIST_LIB)})`]);
    assert.notEqual(r.code, 0);
    assert.match(r.err, /adcs-firewall needs the package cdktf \^0\.21\.0, which is not installed; install it beside adcs-firewall: npm i cdktf@\^0\.21\.0 constructs@\^10\.4\.2 \(or use adcs-firewall\/cdktn/);
    assert.doesNotMatch(r.err, /Cannot find module/);
  });

  it('the CDK Terrain entry point without cdktn, and either without constructs, say so', () => {
    const r = node(hiding(['cdktn']), ['-e', `require(${JSON.stringify(join(DIST_LIB, 'cdktn'))})`]);
    assert.match(r.err, /adcs-firewall\/cdktn needs the package cdktn \^0\.24\.0 \|\| \^0\.25\.0, which is not installed; install it beside adcs-firewall: npm i 'cdktn@\^0\.24\.0 \|\| \^0\.25\.0' constructs@\^10\.6\.0/);
    const c = node(hiding(['constructs']), ['-e', `require(${JSON.stringify(DIST_LIB)})`]);
    assert.match(c.err, /adcs-firewall needs the package constructs \^10\.4\.2, which is not installed/);
  });

  it('the framework-free entry points and the CLI load without any framework or provider package', () => {
    const hide = hiding(['cdktf', 'cdktn', 'constructs', '@cdktf/provider-azurerm', '@cdktf/provider-aws']);
    const model = node(hide, ['-e', `const m = require(${JSON.stringify(join(DIST_LIB, 'model'))}); console.log(m.CATALOGUE.map((r) => r.id).join())`]);
    // the 27 catalogue rows (v2.1), in the order of the flows table of the catalogue document
    assert.equal(model.out.trim(), ['enroll-dcom', 'dc-enroll-dcom', 'ces-https', 'cep-https', 'ces-dcom', 'web-https', 'web-dcom',
      'ndes-https', 'ndes-dcom', 'ocsp-dcom', 'admin-dcom', 'ocsp-http', 'cdp-http', 'ocsp-crl', 'server-crl', 'crl-publish-smb',
      'directory', 'client-directory', 'admin-directory', 'ca-dc-rpc', 'ca-smb', 'ocsp-admin-dcom', 'web-callback',
      'cross-forest-directory', 'cross-forest-rpc', 'cross-forest-dc-enroll', 'member'].join(), model.err);
    const help = node(hide, [join(DIST_LIB, 'cli', 'bin.js'), '--help']);
    assert.equal(help.code, 0, help.err);
    assert.match(help.out, /^Usage: adcs-firewall/);
    const out = join(tmp, 'out');
    const synth = node(hide, [join(DIST_LIB, 'cli', 'bin.js'), 'synth', '--spec', join(ROOT, 'examples', 'aws-estate.yaml'), '--out', out]);
    assert.equal(synth.code, 0, synth.err);
  });

  it('the CLI names a missing dependency of its own and its version, exit 2, never 3', () => {
    // GIVEN the YAML parser hidden  WHEN a YAML spec is validated  THEN exit 2 naming yaml and the range of package.json
    const range = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).dependencies.yaml;
    const r = node(hiding(['yaml']), [join(DIST_LIB, 'cli', 'bin.js'), 'validate', '--spec', join(ROOT, 'examples', 'aws-estate.yaml')]);
    assert.equal(r.code, 2);
    assert.equal(r.err, `error: the package yaml ${range} is not installed (a dependency of adcs-firewall): reinstall adcs-firewall (npm i adcs-firewall) or npm i yaml@${range}\n`);
  });

  it('refuses a framework of an unsupported version, naming both versions', () => {
    // GIVEN a cdktf 0.20.3 package.json  WHEN checked  THEN the error names the range, the version found and the install
    const pkg = join(tmp, 'cdktf-package.json');
    writeFileSync(pkg, JSON.stringify({ version: '0.20.3' }));
    const resolve = (id: string): string => (id === 'cdktf/package.json' ? pkg : require.resolve(id));
    assert.throws(() => requireFramework('cdktf', resolve), /^Error: adcs-firewall needs cdktf \^0\.21\.0, but cdktf 0\.20\.3 is installed; install a supported version: npm i cdktf@\^0\.21\.0 constructs@\^10\.4\.2$/);
    assert.doesNotThrow(() => requireFramework('cdktf'));
    assert.doesNotThrow(() => requireFramework('cdktn'));
  });

  it('caret ranges: 0.x keeps the minor, others the major', () => {
    assert.equal(satisfiesRange('0.21.0', '^0.21.0'), true);
    assert.equal(satisfiesRange('0.21.7', '^0.21.0'), true);
    assert.equal(satisfiesRange('0.22.0', '^0.21.0'), false);
    assert.equal(satisfiesRange('10.7.0', '^10.4.2'), true);
    assert.equal(satisfiesRange('10.4.1', '^10.4.2'), false);
    assert.equal(satisfiesRange('11.0.0', '^10.4.2'), false);
  });

  it('alternatives and comparators: cdktn 0.24 and 0.25 pass, 0.23 and 0.26 do not (issue 24)', () => {
    const cdktn = FRAMEWORK_PACKAGES.cdktn.packages.cdktn;
    assert.deepEqual(['0.23.9', '0.24.0', '0.24.3', '0.25.0', '0.25.11', '0.26.0', '1.0.0'].map((v) => satisfiesRange(v, cdktn)), [false, true, true, true, true, false, false]);
    assert.deepEqual(['10.5.9', '10.6.0', '10.7.0', '11.0.0'].map((v) => satisfiesRange(v, FRAMEWORK_PACKAGES.cdktn.packages.constructs)), [false, true, true, false]);
    assert.deepEqual(['10.5.0', '10.6.0', '10.7.9', '10.8.0'].map((v) => satisfiesRange(v, '>=10.6.0 <10.8.0')), [false, true, true, false]);
    assert.equal(satisfiesRange('1.2.3', '1.2.3'), true);
    assert.equal(satisfiesRange('1.2.4', '<=1.2.3 || >2.0.0'), false);
  });

  it('refuses cdktn outside 0.24 and 0.25, quoting the range in the npm line', () => {
    const pkg = join(tmp, 'cdktn-package.json');
    writeFileSync(pkg, JSON.stringify({ version: '0.26.0' }));
    const resolve = (id: string): string => (id === 'cdktn/package.json' ? pkg : require.resolve(id));
    assert.throws(() => requireFramework('cdktn', resolve),
      /^Error: adcs-firewall\/cdktn needs cdktn \^0\.24\.0 \|\| \^0\.25\.0, but cdktn 0\.26\.0 is installed; install a supported version: npm i 'cdktn@\^0\.24\.0 \|\| \^0\.25\.0' constructs@\^10\.6\.0$/);
  });

  it('names the framework versions package.json declares as peers, and constructs within the peer range', () => {
    const peers = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).peerDependencies;
    assert.equal(FRAMEWORK_PACKAGES.cdktf.packages.cdktf, peers.cdktf);
    assert.equal(FRAMEWORK_PACKAGES.cdktn.packages.cdktn, peers.cdktn);
    // constructs: the peer range is cdktf's (the wider); cdktn asks for a part of it
    assert.equal(FRAMEWORK_PACKAGES.cdktf.packages.constructs, peers.constructs);
    assert.ok(satisfiesRange('10.6.0', peers.constructs));
  });
});
