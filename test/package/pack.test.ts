import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ts from 'typescript';

// The package as a user gets it: `npm pack`, installed into a fresh project from the tarball
// and the npm cache (--prefer-offline: the dependencies npm ci already fetched), without
// cdktf, cdktn or any provider package. About 10-20 s (one npm pack, one npm install).

const ROOT = join(__dirname, '..', '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'adcs-pack-'));
const project = join(tmp, 'consumer');
after(() => rmSync(tmp, { recursive: true, force: true }));

const npm = (args: string[], cwd: string): string =>
  execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });

/** The consumer's source: every subpath used for a type it exports, and a mistake the types must catch. */
const CONSUMER = `/// <reference types="adcs-firewall/jest" />
import { App, TerraformStack } from 'cdktf';
import { AdcsEnrollmentSecurity, AdcsProvider, assertStackSatisfies, Platform, toSatisfyAdcsEstate } from 'adcs-firewall';
import * as terrain from 'adcs-firewall/cdktn';
import { flowsOf, CATALOGUE, Flow } from 'adcs-firewall/model';
import { hostConfig } from 'adcs-firewall/host';
import { resolveSpec } from 'adcs-firewall/spec';
import { checkPlanAgainst } from 'adcs-firewall/testing';
import { diffPlans, readTerraformValue } from 'adcs-firewall/internal';
import schema from 'adcs-firewall/schema/adcs-spec.schema.json';

const stack = new TerraformStack(new App(), 'pki');
const adcs = new AdcsEnrollmentSecurity(stack, 'adcs', {
  platform: Platform.AWS,
  aws: { vpcId: 'vpc-0abc' },
  tiers: { clients: { cidrs: ['10.20.0.0/16'] }, ca: { cidrs: ['10.0.1.0/24'], createSecurityGroup: true }, dc: { cidrs: ['10.0.0.0/24'] } },
});
// @ts-expect-error tiers is required: the props are typed, not any
new AdcsEnrollmentSecurity(stack, 'bad', { platform: Platform.AWS });
// A tier under another provider configuration: a TerraformProvider with an alias (issue 24)
const shared = new AdcsProvider(stack, 'shared', { platform: Platform.AWS, alias: 'shared' });
new AdcsEnrollmentSecurity(stack, 'lz', {
  platform: Platform.AWS,
  aws: { vpcId: 'vpc-0abc' },
  tiers: { clients: { cidrs: ['10.20.0.0/16'] }, ca: { cidrs: ['10.0.1.0/24'], createSecurityGroup: true }, dc: { cidrs: ['10.0.0.0/24'], securityGroupId: 'sg-0123456789abcdef0', provider: shared } },
});
const flows: readonly Flow[] = adcs.flows;
const n: number = flowsOf(adcs.spec.estate).length + CATALOGUE.length + flows.length;
const host = hostConfig(adcs.spec.estate, 'ca');
const t: typeof terrain.AdcsEnrollmentSecurity = terrain.AdcsEnrollmentSecurity;
declare function expect(x: unknown): jest.Matchers<void>;
expect(stack).toSatisfyAdcsEstate();
assertStackSatisfies(stack);
const spec = resolveSpec({ name: 'x', platform: 'aws', aws: { vpcId: 'vpc-0abc' }, tiers: { clients: { cidrs: ['10.20.0.0/16'] }, ca: { cidrs: ['10.0.1.0/24'], createSecurityGroup: true } } }, 'consumer');
const ok: boolean = checkPlanAgainst({ resource: {} }, spec).ok;
const changes: number = diffPlans(readTerraformValue({}), readTerraformValue({}), spec).flows.length;
export const used = [n, host, t, toSatisfyAdcsEstate, schema.title, ok, changes];
`;

/** The README's complete test file, with the jest globals it uses declared (jest itself is not installed). */
function readmeTestFile(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = /A complete jest test file:\n\n```ts\n([\s\S]*?)```/.exec(readme);
  assert.ok(block, 'the README shows a complete test file');
  const [first, ...rest] = block[1].split('\n');
  return [first, ...rest, `declare global {
  namespace jest { interface Matchers<R> { toContain(x: unknown): R } }
  const expect: { (x: unknown): jest.Matchers<void>; extend(matchers: object): void };
  function test(name: string, fn: () => void): void;
}`].join('\n');
}

function typeCheck(resolution: 'node10' | 'node16', file = 'consumer.ts'): string[] {
  const options: ts.CompilerOptions = resolution === 'node10'
    ? { module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10 }
    : { module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16 };
  const program = ts.createProgram([join(project, file)], {
    ...options, strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, lib: ['lib.es2022.d.ts'], types: [],
    esModuleInterop: true, resolveJsonModule: true, skipLibCheck: true, preserveSymlinks: true,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

describe('the packed package, installed into a fresh project', () => {
  before(() => {
    // GIVEN the tarball npm pack writes (dist/ is built by npm test)
    npm(['pack', '--ignore-scripts', '--pack-destination', tmp], ROOT);
    const [tarball] = readdirSync(tmp).filter((f) => f.endsWith('.tgz'));
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
    // WHEN installed from it and the npm cache, scripts off
    npm(['install', join(tmp, tarball), '--prefer-offline', '--ignore-scripts', '--no-package-lock'], project);
  });

  it('ships the license, the schema and the matcher types, and installs no framework or provider', () => {
    const pkg = join(project, 'node_modules', 'adcs-firewall');
    for (const f of ['LICENSE', 'README.md', 'schema/adcs-spec.schema.json', 'dist/lib/testing/jest.d.ts', 'dist/lib/testing/vitest.d.ts']) assert.ok(existsSync(join(pkg, f)), f);
    for (const absent of ['cdktf', 'cdktn', '@cdktf']) assert.equal(existsSync(join(project, 'node_modules', absent)), false, absent);
  });

  it('npx adcs-firewall --help runs without the providers or a framework', () => {
    const r = spawnSync('npx', ['--no-install', 'adcs-firewall', '--help'], { cwd: project, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^Usage: adcs-firewall <command>/);
    const synth = spawnSync('npx', ['--no-install', 'adcs-firewall', 'synth', '--spec', join(ROOT, 'examples', 'azure-estate.yaml'), '--out', join(tmp, 'out')], { cwd: project, encoding: 'utf8' });
    assert.equal(synth.status, 0, synth.stderr);
  });

  it('the construct entry point without cdktf names what to install', () => {
    const r = spawnSync(process.execPath, ['-e', "require('adcs-firewall')"], { cwd: project, encoding: 'utf8' });
    assert.match(r.stderr, /adcs-firewall needs the package cdktf \^0\.21\.0, which is not installed; install it beside adcs-firewall: npm i cdktf@\^0\.21\.0/);
  });

  it('every subpath type-checks under node10 and node16 resolution', () => {
    // GIVEN the frameworks the project would install (linked from this repository's node_modules)
    for (const fw of ['cdktf', 'cdktn']) symlinkSync(join(ROOT, 'node_modules', fw), join(project, 'node_modules', fw), 'dir');
    writeFileSync(join(project, 'consumer.ts'), CONSUMER);
    // WHEN type-checked  THEN no diagnostic under either resolution (the @ts-expect-error proves the props are typed)
    assert.deepEqual(typeCheck('node10'), []);
    assert.deepEqual(typeCheck('node16'), []);
  });

  it('the README says how to install from a release tarball and from the git repository, as npm pack names the tarball', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const [tarball] = readdirSync(tmp).filter((f) => f.endsWith('.tgz') && f.startsWith('adcs-firewall-'));
    const line = /^npm install \.\/(adcs-firewall-<version>\.tgz)\s/m.exec(readme);
    assert.ok(line, 'the README installs from a tarball');
    assert.equal(line[1].replace('<version>', pkg.version), tarball);
    // the git URL is the repository's, at a tag (npm runs prepare, which builds dist/)
    const git = /^npm install (git\+https:\/\/\S+)#v<version>\s/m.exec(readme);
    assert.ok(git, 'the README installs from the git repository');
    assert.equal(git[1], pkg.repository.url);
    assert.equal(pkg.scripts.prepare, 'npm run build');
  });

  it('npm takes cdktn 0.24 and 0.25 beside it and refuses 0.26 (ERESOLVE), with constructs 10.7 (issue 24)', () => {
    // GIVEN stand-ins of cdktn 0.25.0 and 0.26.0 (the registry here serves 0.24 only): their
    // package.json as cdktn 0.24's, with its peer range of constructs, packed
    const stand = (version: string): string => {
      const dir = join(tmp, `cdktn-${version}`);
      mkdirSync(dir);
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'cdktn', version, main: 'index.js', peerDependencies: { constructs: '>=10.6.0 <10.8.0' } }));
      writeFileSync(join(dir, 'index.js'), '');
      npm(['pack', '--ignore-scripts', '--pack-destination', tmp], dir);
      return join(tmp, `cdktn-${version}.tgz`);
    };
    const [tarball] = readdirSync(tmp).filter((f) => f.endsWith('.tgz') && f.startsWith('adcs-firewall-'));
    const consumer = join(tmp, 'peers');
    mkdirSync(consumer);
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'peers', version: '1.0.0', private: true }));
    const resolve = (cdktn: string): ReturnType<typeof spawnSync> => spawnSync('npm', ['install', '--dry-run', '--prefer-offline', '--ignore-scripts', '--no-package-lock', '--no-audit', '--no-fund',
      join(tmp, tarball), cdktn, 'constructs@10.7.0'], { cwd: consumer, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
    // WHEN npm resolves the package beside each  THEN 0.25 resolves, 0.26 is a peer conflict
    const ok = resolve(stand('0.25.0'));
    assert.equal(ok.status, 0, String(ok.stderr));
    const refused = resolve(stand('0.26.0'));
    assert.notEqual(refused.status, 0);
    assert.match(String(refused.stderr), /ERESOLVE[\s\S]*peerOptional cdktn@"\^0\.24\.0 \|\| \^0\.25\.0" from adcs-firewall/);
  });

  it("the README's complete test file type-checks against the installed package", () => {
    // GIVEN the provider package it imports (linked from this repository's node_modules) and the README's file
    mkdirSync(join(project, 'node_modules', '@cdktf'), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', '@cdktf', 'provider-azurerm'), join(project, 'node_modules', '@cdktf', 'provider-azurerm'), 'dir');
    writeFileSync(join(project, 'readme.test.ts'), readmeTestFile());
    // WHEN type-checked  THEN no diagnostic
    assert.deepEqual(typeCheck('node10', 'readme.test.ts'), []);
  });
});
