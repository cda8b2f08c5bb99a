import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { awsExports, azureExports } from '../../bench/audit';
import { FULL, QUICK } from '../../bench/config';
import { runCli } from '../support/io';

// The bench's large live estates: the sizes the issue names, and still the corpus's faithful estate.

describe('bench: the large exports audit reads', () => {
  it('Azure: 1,000 NSGs holding 50,000 rules, 997 of them other teams\'', () => {
    const { files } = azureExports(FULL.audit);
    const nsgs = files['nsg-list.json'] as { name: string; securityRules: unknown[] }[];
    assert.equal(nsgs.length, 1000);
    const rules = nsgs.reduce((n, g) => n + g.securityRules.length, 0);
    assert.equal(rules, 50000);
    assert.equal(nsgs.filter((g) => g.name.startsWith('nsg-app-')).length, 997);
    assert.equal((files['nic-list.json'] as unknown[]).length, 5 + 997);
  });

  it('AWS: 2,000 groups, 50,000 rules, 10,000 interfaces', () => {
    const { files } = awsExports(FULL.audit);
    const groups = (files['describe-security-groups.json'] as { SecurityGroups: { IpPermissions: unknown[]; IpPermissionsEgress: unknown[] }[] }).SecurityGroups;
    assert.equal(groups.length, 2000);
    const rules = groups.reduce((n, g) => n + g.IpPermissions.length + g.IpPermissionsEgress.length, 0);
    assert.equal(rules, 50000);
    assert.equal((files['describe-network-interfaces.json'] as { NetworkInterfaces: unknown[] }).NetworkInterfaces.length, 10000);
  });

  it('the quick Azure estate is still the faithful estate: audit exits 0', async () => {
    const { spec, files } = azureExports(QUICK.audit);
    const dir = mkdtempSync(path.join(tmpdir(), 'adcs-bench-audit-'));
    writeFileSync(path.join(dir, 'spec.json'), JSON.stringify(spec));
    const args = ['audit', '--spec', path.join(dir, 'spec.json')];
    for (const [name, value] of Object.entries(files)) {
      writeFileSync(path.join(dir, name), JSON.stringify(value));
      args.push('--export', path.join(dir, name));
    }
    const r = await runCli(args);
    assert.equal(r.code, 0, r.err + r.out);
    assert.match(r.out, /OK: 11 of 11 flows allowed/);
  });
});
