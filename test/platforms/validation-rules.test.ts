import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { awsRuleLines } from '../../lib/platforms/aws/validation';
import { AWS_ROWS, AWS_SCHEMAS } from '../../lib/platforms/aws/validation-rules';
import { azureRuleLines } from '../../lib/platforms/azure/validation';
import { AZURE_ROWS, AZURE_SCHEMAS } from '../../lib/platforms/azure/validation-rules';
import type { ResourceSchema, ValidationRow } from '../../lib/platforms/validation-engine';
import { expectGolden } from '../support/golden';

/** docs/validation-rules.md, generated from the tables (regenerate with UPDATE_GOLDEN=1 and review). */
const DOC = join(__dirname, '..', '..', '..', 'docs', 'validation-rules.md');

function documentText(): string {
  return [
    '# Values the providers reject (issue 19, principle 4)',
    '',
    'Generated from the validation tables (`lib/platforms/azure/validation-rules.ts`, `lib/platforms/aws/validation-rules.ts`,',
    '`lib/platforms/azure/validation-unique.ts`, `validation-associations.ts`) by `test/platforms/validation-rules.test.ts`; regenerate with',
    '`UPDATE_GOLDEN=1 npm test` and review. One line per rule: `- <type>.<attribute>: <rule> (<source>)`.',
    'Instances of a configuration or a plan are judged (a state\'s values are facts); a reference or an unknown is never',
    'invalid by itself, and counts as set for ExactlyOneOf, ConflictsWith and AtLeastOneOf. `[configuration only]`:',
    'not judged on a plan, where the attribute carries a default or a computed value. `a|b|c`: a rule across attributes.',
    '',
    '## azurerm (hashicorp/terraform-provider-azurerm `main` 69697b7f, 5.2.x; the same schemas at v4.81.0)',
    '',
    ...azureRuleLines(),
    '',
    '## aws (hashicorp/terraform-provider-aws v5/v6 sources as stored in the search index)',
    '',
    ...awsRuleLines(),
    '',
  ].join('\n');
}

/** The attribute names a row is about (`a|b` names two), and the schema attributes where they live. */
function unknownAttributes(schemas: readonly ResourceSchema[], rows: readonly ValidationRow[]): string[] {
  const out: string[] = [];
  for (const r of rows) {
    const schema = schemas.find((s) => s.type === r.type);
    const attributes = r.block ? schema?.attributes[r.block]?.nested : schema?.attributes;
    for (const a of r.attribute.split('|')) if (!attributes || !(a in attributes)) out.push(`${r.type}.${r.block ? `${r.block}.` : ''}${a}`);
  }
  return out;
}

describe('validation tables', () => {
  it('name only attributes of their schemas', () => {
    assert.deepEqual(unknownAttributes(AZURE_SCHEMAS, AZURE_ROWS), []);
    assert.deepEqual(unknownAttributes(AWS_SCHEMAS, AWS_ROWS), []);
    // AND the check itself fails on a row that names no attribute of its schema
    assert.deepEqual(unknownAttributes(AWS_SCHEMAS, [{ ...AWS_ROWS[0], attribute: 'nmae' }]), ['aws_security_group.nmae']);
  });

  it('give each rule one line, each line once, and docs/validation-rules.md lists them all', () => {
    const lines = [...azureRuleLines(), ...awsRuleLines()];
    assert.deepEqual(lines.filter((l, i) => lines.indexOf(l) !== i), []);
    assert.ok(lines.every((l) => /^- [a-z0-9_]+\.[^:]+: .+ \(.+\)$/.test(l)), lines.find((l) => !/^- [a-z0-9_]+\.[^:]+: .+ \(.+\)$/.test(l)));
    expectGolden(DOC, documentText());
  });
});
