import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../support/io';

// The red-team corpus of issue 19 (test/check/corpus/README.md): 155 plans written from the
// specifications (HCL JSON, terraform show -json, the azurerm and AWS providers, the platforms'
// documentation) by someone who had not read the check's code, each with the verdict its
// grounds give. Each runs through the CLI as a user would: the plan written byte for byte,
// `check --spec --plan --format json`, the exit code compared, and the names a correct report
// must contain looked for in what it prints.

const ROOT = path.resolve(__dirname, '../../..');
const CORPUS = path.join(ROOT, 'test', 'check', 'corpus');

interface CorpusCase {
  readonly id: string;
  readonly class: string;
  readonly title: string;
  readonly spec: string;
  readonly planFile: string;
  readonly plan: unknown;
  readonly planIsText?: boolean;
  readonly expect: { readonly exit: number; readonly because: readonly string[]; readonly names: readonly string[] };
  readonly grounds: string;
}

const tmp = mkdtempSync(path.join(tmpdir(), 'adcs-corpus-'));

for (const cloud of ['azure', 'aws']) {
  describe(`check corpus (issue 19): ${cloud}`, () => {
    const files = readdirSync(path.join(CORPUS, 'cases', cloud)).filter((f) => f.endsWith('.json')).sort();
    for (const file of files) {
      const c = JSON.parse(readFileSync(path.join(CORPUS, 'cases', cloud, file), 'utf8')) as CorpusCase;
      it(`${c.id} (${c.class}): ${c.title}`, async () => {
        // GIVEN the case's plan, written as its author wrote it
        const dir = mkdtempSync(path.join(tmp, `${c.id}-`));
        const plan = path.join(dir, c.planFile);
        writeFileSync(plan, c.planIsText ? c.plan as string : JSON.stringify(c.plan, null, 2));
        // WHEN checked against the case's spec
        const r = await runCli(['check', '--spec', path.join(CORPUS, 'specs', `${c.spec}.yaml`), '--plan', plan, '--format', 'json']);
        // THEN the verdict its grounds give, and the report names what decides it
        assert.equal(r.code, c.expect.exit, `${c.id}: expected exit ${c.expect.exit} (${c.expect.because.join(' or ')}): ${c.grounds}\n${r.err}${summaryOf(r.out)}`);
        const text = r.code === 2 ? r.err : r.out;
        for (const name of c.expect.names) assert.ok(text.includes(name), `${c.id}: the report names ${name}\n${summaryOf(r.out) || r.err}`);
      });
    }
  });
}

/** The summary line of a JSON report, for failure messages. */
function summaryOf(out: string): string {
  try {
    const report = JSON.parse(out) as { summary?: string; findings?: { ruleId: string; message: string }[] };
    return `\n${report.summary}\n${(report.findings ?? []).slice(0, 8).map((f) => `  ${f.ruleId} ${f.message.slice(0, 300)}`).join('\n')}`;
  } catch {
    return out.slice(0, 500);
  }
}

/** One fresh case (test/check/fresh-cases/README.md). */
interface FreshCase { readonly case: string; readonly class: string; readonly plan: string; readonly exit: number; readonly firstRun: number }

describe('check: the fresh cases (issue 19, written after the corpus passed)', () => {
  const dir = path.join(ROOT, 'test', 'check', 'fresh-cases');
  const cases = JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8')) as FreshCase[];
  it('holds ten cases, nine of them right on their first run', () => {
    assert.equal(cases.length, 10);
    assert.deepEqual(cases.filter((c) => c.firstRun !== c.exit).map((c) => c.case), ['case-03']);
  });
  for (const c of cases) {
    it(`${c.case} (${c.class})`, async () => {
      const r = await runCli(['check', '--spec', path.join(dir, c.case, 'spec.yaml'), '--plan', path.join(dir, c.case, c.plan), '--format', 'json']);
      assert.equal(r.code, c.exit, `${c.case}: see ${c.case}/expect.md\n${r.err}${summaryOf(r.out)}`);
    });
  }
});
