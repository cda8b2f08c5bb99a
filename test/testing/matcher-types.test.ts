import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import ts from 'typescript';

// The matcher types shipped for jest and vitest (dist/lib/testing/jest.d.ts, vitest.d.ts) make
// `expect(x).toSatisfyAdcsEstate(...)` type-check, and refuse a wrong argument.

const DIST = join(__dirname, '..', '..', '..');
const DIST_CHECK = 'adcs-firewall/dist/lib/testing';
const tmp = mkdtempSync(join(tmpdir(), 'adcs-matcher-types-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** Type-checks `files` (name → text) in a fresh folder; returns the diagnostics' messages. */
function typeCheck(name: string, files: Record<string, string>): string[] {
  const dir = join(tmp, name);
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), text);
  }
  // The package as installed: node_modules/adcs-firewall (a link kept as a link, so `vitest` resolves from the project).
  symlinkSync(DIST, join(dir, 'node_modules', 'adcs-firewall'), 'dir');
  const program = ts.createProgram([join(dir, 'test.ts')], {
    strict: true, noEmit: true, preserveSymlinks: true, target: ts.ScriptTarget.ES2022, lib: ['lib.es2022.d.ts'], module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10, types: [], skipLibCheck: false,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

const USES = `
declare const stack: object;
declare const adcs: { readonly spec: import('${DIST_CHECK}/../input/resolved').ResolvedInput };
expect(stack).toSatisfyAdcsEstate();
expect('{}').toSatisfyAdcsEstate(adcs);
expect('{}').toSatisfyAdcsEstate({ tiers: { clients: { cidrs: ['10.0.0.0/16'] }, ca: { cidrs: ['10.0.1.0/24'] }, dc: { cidrs: ['10.0.2.0/24'] } } });
// @ts-expect-error an estate is props, a spec or the construct, not a number
expect(stack).toSatisfyAdcsEstate(42);
`;

describe('matcher types for jest and vitest', () => {
  it('jest: the global jest.Matchers gain toSatisfyAdcsEstate', () => {
    // GIVEN a jest-style global expect and the shipped declaration  WHEN type-checked  THEN no error
    const errors = typeCheck('jest', {
      'test.ts': `/// <reference types="${DIST_CHECK}/jest" />
declare global { namespace jest { interface Matchers<R> { toBe(x: unknown): R } } }
declare function expect(x: unknown): jest.Matchers<void>;
${USES}
export {};`,
      'node_modules/expect/index.d.ts': 'export interface Matchers<R> { toBe(x: unknown): R }\n',
    });
    assert.deepEqual(errors, []);
  });

  it('vitest: vitest\'s Assertion gains toSatisfyAdcsEstate', () => {
    const errors = typeCheck('vitest', {
      'test.ts': `/// <reference types="${DIST_CHECK}/vitest" />
import { expect } from 'vitest';
${USES}`,
      'node_modules/vitest/index.d.ts': 'export interface Assertion<T = any> { toBe(x: T): void }\nexport interface AsymmetricMatchersContaining {}\nexport declare function expect<T>(x: T): Assertion<T>;\n',
    });
    assert.deepEqual(errors, []);
  });

  it('without the declaration the matcher does not type-check (the test above can fail)', () => {
    const errors = typeCheck('none', {
      'test.ts': `import { expect } from 'vitest';\nexpect({}).toSatisfyAdcsEstate();\n`,
      'node_modules/vitest/index.d.ts': 'export interface Assertion<T = any> { toBe(x: T): void }\nexport declare function expect<T>(x: T): Assertion<T>;\n',
    });
    assert.equal(errors.length, 1);
    assert.match(errors[0], /Property 'toSatisfyAdcsEstate' does not exist/);
  });
});
