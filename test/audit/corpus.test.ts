import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../support/io';

// The audit corpus of issue 23 (test/audit/corpus/README.md): 75 live estates written from the
// platforms' documentation and the CLIs' output formats by someone who had not read the
// evaluators, each with the verdict its grounds give. Each runs through the CLI as a user would:
// every export written to its own file as the cloud's CLI prints it (az: keys sorted, indent 2;
// aws: botocore's member order, indent 4; a string is a file that is not JSON), `audit --spec
// --export ...`, the exit code compared, and the names a correct report must contain looked for.

const ROOT = path.resolve(__dirname, '../../..');
const CORPUS = path.join(ROOT, 'test', 'audit', 'corpus');

interface AuditCase {
  readonly id: string;
  readonly class: string;
  readonly title: string;
  readonly spec: { readonly platform: string };
  readonly exports: Readonly<Record<string, unknown>>;
  readonly expect: { readonly exit: number; readonly because: readonly string[]; readonly names: readonly string[] };
  readonly grounds: string;
}

/** A value with every object's keys sorted, as `az -o json` prints (knack: `sort_keys=True`). */
function sorted(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sorted);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted((v as Record<string, unknown>)[k])]));
}

/** An export's file text as the platform's CLI writes it. */
function printed(platform: string, value: unknown): string {
  if (typeof value === 'string') return value;
  return `${platform === 'azure' ? JSON.stringify(sorted(value), null, 2) : JSON.stringify(value, null, 4)}\n`;
}

const tmp = mkdtempSync(path.join(tmpdir(), 'adcs-audit-corpus-'));
const files = readdirSync(CORPUS).filter((f) => f.endsWith('.json') && f !== 'index.json').sort();

describe('audit corpus (issue 23)', () => {
  it('holds 75 cases: 42 Azure, 33 AWS', () => {
    const platforms = files.map((f) => (JSON.parse(readFileSync(path.join(CORPUS, f), 'utf8')) as AuditCase).spec.platform);
    assert.deepEqual([platforms.filter((p) => p === 'azure').length, platforms.filter((p) => p === 'aws').length], [42, 33]);
  });
  for (const file of files) {
    const c = JSON.parse(readFileSync(path.join(CORPUS, file), 'utf8')) as AuditCase;
    it(`${c.id} (${c.class}): ${c.title}`, async () => {
      // GIVEN the case's spec and exports, written as the cloud's CLI prints them
      const dir = mkdtempSync(path.join(tmp, `${c.id}-`));
      const spec = path.join(dir, 'spec.json');
      writeFileSync(spec, JSON.stringify(c.spec, null, 2));
      const args = ['audit', '--spec', spec];
      for (const [name, value] of Object.entries(c.exports)) {
        writeFileSync(path.join(dir, name), printed(c.spec.platform, value));
        args.push('--export', path.join(dir, name));
      }
      // WHEN audited
      const r = await runCli(args);
      // THEN the verdict its grounds give, and the report names what decides it
      assert.equal(r.code, c.expect.exit, `${c.id}: expected exit ${c.expect.exit} (${c.expect.because.join('; ')}): ${c.grounds}\n${r.err}${r.out.slice(0, 3000)}`);
      for (const name of c.expect.names) assert.ok(`${r.out}${r.err}`.includes(name), `${c.id}: the report names ${name}\n${r.out.slice(0, 3000)}${r.err}`);
    });
  }
});
