import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli } from '../support/io';

// The AWS half of the audit corpus (test/audit/corpus, README there): each case's exports written as
// `aws --output json` prints them, `audit` run in process; the exit code and the names the report must carry.
const CORPUS = path.resolve(__dirname, '../../../test/audit/corpus');
const tmp = mkdtempSync(path.join(tmpdir(), 'adcs-aws-corpus-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

interface Case { id: string; spec: unknown; exports: Record<string, unknown>; expect: { exit: number; names: string[] } }
const cases = readdirSync(CORPUS).filter((f) => f.startsWith('aws-') && f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(path.join(CORPUS, f), 'utf8')) as Case);

describe('audit corpus (AWS)', () => {
  it('holds the 33 AWS cases', () => assert.equal(cases.length, 33));
  for (const c of cases) {
    it(`${c.id}: exit ${c.expect.exit}${c.expect.names.length > 0 ? `, names ${c.expect.names.join(', ')}` : ''}`, async () => {
      const dir = mkdtempSync(path.join(tmp, `${c.id}-`));
      const spec = path.join(dir, 'spec.json');
      writeFileSync(spec, JSON.stringify(c.spec, null, 2));
      const args = ['audit', '--spec', spec];
      for (const [name, value] of Object.entries(c.exports)) {
        const file = path.join(dir, name);
        writeFileSync(file, typeof value === 'string' ? value : `${JSON.stringify(value, null, 4)}\n`);
        args.push('--export', file);
      }
      const { code, out, err } = await runCli(args);
      assert.equal(code, c.expect.exit, `${out}${err}`);
      assert.deepEqual(c.expect.names.filter((n) => !`${out}${err}`.includes(n)), []);
    });
  }
});
