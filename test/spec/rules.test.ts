import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Messages } from '../../lib/errors';
import { AuditMessages } from '../../lib/findings/audit-rules';
import { CheckMessages } from '../../lib/findings/check-rules';
import { FindingLevel, rulesOf } from '../../lib/findings/rule';
import { HostMessages } from '../../lib/host/messages';
import { PLATFORM_INPUTS } from '../../lib/platforms/registry';
import { allRules, rulesTable } from '../../lib/spec/rules';

const ROOT = join(__dirname, '..', '..', '..');
const EVERY = [...rulesOf(Messages), ...rulesOf(CheckMessages), ...rulesOf(AuditMessages), ...PLATFORM_INPUTS.flatMap((p) => p.rules), ...rulesOf(HostMessages)];

describe('the finding table (issue 20)', () => {
  it('gives every rule its own id: no id twice across the estate\'s, the check\'s and every platform\'s tables', () => {
    const seen = new Map<string, string>();
    const twice = EVERY.filter((r) => {
      const first = seen.get(r.id);
      seen.set(r.id, r.name);
      return first !== undefined;
    }).map((r) => `${r.id} (${seen.get(r.id)})`);
    assert.deepEqual(twice, []);
    assert.equal(allRules().size, EVERY.length);
  });

  it('names ids by kind and level: E errors, W warnings, C check findings, N notes', () => {
    for (const r of EVERY) {
      assert.match(r.id, /^ADCS-[EWCN]\d{3}$/, r.name);
      const kind = r.id[5];
      if (kind === 'E') assert.equal(r.level, FindingLevel.ERROR, r.id);
      if (kind === 'W') assert.equal(r.level, FindingLevel.WARNING, r.id);
      if (kind === 'N') assert.equal(r.level, FindingLevel.NOTE, r.id);
      assert.ok(r.title.length >= 8 && r.help.length >= 30, `${r.id} has a title and a help`);
    }
  });

  it('keeps the ids this release documents (a rule moved or renamed keeps its id)', () => {
    const ids = (names: Record<string, string>): void => {
      for (const [name, id] of Object.entries(names)) assert.equal(EVERY.find((r) => r.name === name)?.id, id, name);
    };
    ids({ cidrNotNetwork: 'ADCS-E032', msIcprNotCovered: 'ADCS-W004', priorityCollision: 'ADCS-E108', awsRuleQuotaExceeded: 'ADCS-E205',
      flowBlocked: 'ADCS-C001', extraTraffic: 'ADCS-C002', defaultExtraTraffic: 'ADCS-C003', acknowledgementUnused: 'ADCS-N001', awsExistingGroupEgress: 'ADCS-W201',
      liveMismatch: 'ADCS-C013', notJudged: 'ADCS-C014', observed: 'ADCS-N002' });
  });

  it('the README\'s table is the table in the code (run npm run docs after changing a rule)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = /<!-- rules:start -->\n([\s\S]*?)\n<!-- rules:end -->/.exec(readme);
    assert.ok(block, 'README.md has the rules block');
    assert.equal(block[1], rulesTable());
    assert.equal(block[1].split('\n').length, EVERY.length + 2);
  });
});
