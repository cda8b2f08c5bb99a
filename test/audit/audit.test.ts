import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { auditCase, writeAuditCase } from '../support/audit-cases';
import { runCli } from '../support/io';

// audit through the CLI on the corpus's faithful Azure estate, changed one fact at a time.

/** Writes a corpus case, its spec changed by `edit`; the audit arguments. */
function caseArgs(id: string, edit: (spec: any) => void = () => {}): string[] {
  const c = auditCase(id);
  edit(c.spec);
  const files = writeAuditCase(c);
  return ['audit', '--spec', files.spec, ...files.exports];
}

describe('audit', () => {
  it('the faithful Azure estate passes, with no finding but the identity NSG\'s platform defaults', async () => {
    const r = await runCli([...caseArgs('az-faithful-list'), '--format', 'json']);
    assert.equal(r.code, 0, r.err);
    const report = JSON.parse(r.out) as { findings: { ruleId: string; level: string }[] };
    assert.deepEqual([...new Set(report.findings.map((f) => `${f.ruleId} ${f.level}`))], ['ADCS-C003 warning']);
  });

  it('part of a tier in no exported subnet or interface is reported as not judged (ADCS-C014), by its addresses', async () => {
    // GIVEN the CA tier declared over 10.0.1.0/24 and 10.0.9.0/24, where only the first is a subnet
    const r = await runCli([...caseArgs('az-faithful-list', (s) => { s.tiers.ca.cidrs.push('10.0.9.0/24'); }), '--format', 'json']);
    const report = JSON.parse(r.out) as { findings: { ruleId: string; level: string; message: string }[] };
    // THEN a warning names the part not judged
    const c014 = report.findings.filter((f) => f.ruleId === 'ADCS-C014');
    assert.equal(c014.length, 1);
    assert.equal(c014[0].level, 'warning');
    assert.match(c014[0].message, /10\.0\.9\.0\/24 of tier ca is in no exported subnet or interface/);
  });

  it('--fail-on warning fails the faithful estate on the platform defaults it reports', async () => {
    const r = await runCli([...caseArgs('az-faithful-list'), '--fail-on', 'warning']);
    assert.equal(r.code, 1);
  });

  it('SARIF names the rule and the export', async () => {
    const r = await runCli([...caseArgs('az-widened-source'), '--format', 'sarif']);
    assert.equal(r.code, 1);
    const sarif = JSON.parse(r.out) as { version: string; runs: { results: { ruleId: string; level: string }[] }[] };
    assert.equal(sarif.version, '2.1.0');
    assert.deepEqual(sarif.runs[0].results.filter((x) => x.level === 'error').map((x) => x.ruleId), ['ADCS-C002']);
  });
});
