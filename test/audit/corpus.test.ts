import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { auditCase, auditCaseFiles, writeAuditCase } from '../support/audit-cases';
import { runCli } from '../support/io';

// The audit corpus of issue 23 (test/audit/corpus/README.md): 75 live estates written from the
// platforms' documentation and the CLIs' output formats by someone who had not read the
// evaluators, each with the verdict its grounds give. Each runs through the CLI as a user would:
// every export written to its own file as the cloud's CLI prints it (az: keys sorted, indent 2;
// aws: botocore's member order, indent 4; a string is a file that is not JSON), `audit --spec
// --export ...`, the exit code compared, and the names a correct report must contain looked for.

const tmp = mkdtempSync(path.join(tmpdir(), 'adcs-audit-corpus-'));
const cases = auditCaseFiles().map(auditCase);

describe('audit corpus (issue 23)', () => {
  it('holds 75 cases: 42 Azure, 33 AWS', () => {
    const platforms = cases.map((c) => c.spec.platform);
    assert.deepEqual([platforms.filter((p) => p === 'azure').length, platforms.filter((p) => p === 'aws').length], [42, 33]);
  });
  for (const c of cases) {
    it(`${c.id} (${c.class}): ${c.title}`, async () => {
      // GIVEN the case's spec and exports, written as the cloud's CLI prints them
      const files = writeAuditCase(c, tmp);
      // WHEN audited
      const r = await runCli(['audit', '--spec', files.spec, ...files.exports]);
      // THEN the verdict its grounds give, and the report names what decides it
      assert.equal(r.code, c.expect.exit, `${c.id}: expected exit ${c.expect.exit} (${c.expect.because.join('; ')}): ${c.grounds}\n${r.err}${r.out.slice(0, 3000)}`);
      for (const name of c.expect.names) assert.ok(`${r.out}${r.err}`.includes(name), `${c.id}: the report names ${name}\n${r.out.slice(0, 3000)}${r.err}`);
    });
  }
});
