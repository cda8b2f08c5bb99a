import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { parseSpecText } from '../../lib/input/load';
import { SPEC_SCHEMA } from '../../lib/spec';

// Compiled to dist/test/input: read the committed files from the source tree.
const ROOT = path.resolve(__dirname, '../../..');
const SCHEMA_FILE = path.join(ROOT, 'schema', 'adcs-spec.schema.json');
const CORPUS = path.join(ROOT, 'test', 'input', 'corpus');

describe('shipped JSON Schema', () => {
  it('schema/adcs-spec.schema.json is SPEC_SCHEMA, byte for byte (run `npm run schema` after changing it)', () => {
    // GIVEN the committed file and the compiled schema  THEN the file is its 2-space JSON plus a newline
    assert.equal(readFileSync(SCHEMA_FILE, 'utf8'), `${JSON.stringify(SPEC_SCHEMA, null, 2)}\n`);
  });

  it('ships in the npm package', () => {
    // GIVEN package.json  THEN its "files" include the schema folder
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { files: string[] };
    assert.ok(pkg.files.includes('schema'));
  });

  const ajv = new Ajv({ allErrors: true, strict: true });
  const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));

  const specs = ['good', 'warn'].flatMap((dir) => readdirSync(path.join(CORPUS, dir)).filter((f) => /\.(ya?ml|json)$/.test(f)).map((f) => path.join(dir, f)));
  for (const rel of specs) {
    it(`${rel} validates against the committed schema`, () => {
      // GIVEN a spec the CLI accepts  WHEN checked by a stock JSON Schema validator
      const file = path.join(CORPUS, rel);
      const doc = parseSpecText(readFileSync(file, 'utf8'), file);
      // THEN no schema error (editors will not flag valid specs)
      assert.ok(validate(doc), JSON.stringify(validate.errors));
    });
  }

  it('rejects what the shape check rejects: unknown keys, misspelt values, missing core tiers', () => {
    // GIVEN shape errors  WHEN checked by the committed schema  THEN invalid
    const core = { clients: { cidrs: ['10.20.0.0/16'] }, ca: { cidrs: ['10.0.1.0/24'] }, dc: { cidrs: ['10.0.0.0/24'] } };
    assert.ok(validate({ tiers: core }));
    assert.ok(!validate({ tiers: core, colour: 'blue' }));
    assert.ok(!validate({ tiers: core, osGeneration: 'legcy' }));
    assert.ok(!validate({ tiers: { clients: core.clients, ca: core.ca } }));
    assert.ok(!validate({ tiers: { ...core, ca: { cidrs: [] } } }));
  });

  it('checks literal values by pattern and bounds, accepts Terraform references where resources are named, and asks for the platform\'s block', () => {
    const core = { clients: { cidrs: ['10.20.0.0/16'] }, ca: { cidrs: ['10.0.1.0/24'] }, dc: { cidrs: ['10.0.0.0/24'] } };
    // GIVEN literal values outside their patterns or bounds  THEN invalid
    assert.ok(!validate({ tiers: { ...core, ca: { cidrs: ['10.0.1.0'] } } }));
    assert.ok(!validate({ tiers: { ...core, ca: { cidrs: ['fd00::/8'] } } }));
    assert.ok(!validate({ rpcDynamicPorts: '1000-2000', tiers: core }));
    assert.ok(!validate({ dcomPort: 135, tiers: core }));
    assert.ok(!validate({ azure: { resourceGroupName: 'rg', location: 'westeurope', priorityRange: '50-4096' }, tiers: core }));
    assert.ok(!validate({ aws: { vpcId: 'vpc-0abc' }, tiers: { ...core, dc: { cidrs: ['10.0.0.0/24'], securityGroupId: 'sg-xyz' } } }));
    assert.ok(!validate({ tiers: core, customFlows: [{ from: 'clients', to: 'ca', protocol: 'tcp', ports: ['70000'], purpose: 'x' }] }));
    // AND the platform named needs its block
    assert.ok(!validate({ platform: 'aws', tiers: core }));
    // AND references (construct tokens resolved) pass where the user's resources are named, literals in range pass
    assert.ok(validate({ aws: { vpcId: '${aws_vpc.main.id}' }, tiers: { ...core, dc: { cidrs: ['10.0.0.0/24'], securityGroupId: '${aws_security_group.dc.id}' } } }), JSON.stringify(validate.errors));
    assert.ok(validate({ azure: { resourceGroupName: '${azurerm_resource_group.rg.name}', location: 'westeurope', priorityRange: '100-4096' }, rpcDynamicPorts: '49152-65535', dcomPort: 10509, tiers: core }), JSON.stringify(validate.errors));
  });
});
