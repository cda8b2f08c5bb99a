import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { specAndPlanFiles } from '../support/files';
import { runCli } from '../support/io';
import { readSpecDocument } from '../../lib/input/load';

const ROOT = join(__dirname, '..', '..', '..');

// Plans with nulls where objects belong: bad input or findings, never a crash (exit 3).
const PLANS: unknown[] = [
  { resource: null },
  { resource: { azurerm_network_security_group: { x: { name: 'n', resource_group_name: 'rg', security_rule: [null] } } } },
  { resource: { azurerm_network_security_rule: { r: null } } },
  { resource: { aws_security_group: { x: { name: 'n', ingress: [null] } } } },
  { planned_values: { root_module: { resources: [null, { type: 'x' }] } } },
  { planned_values: { root_module: { resources: [] } }, configuration: { root_module: { resources: [null], module_calls: null } } },
  [],
];

describe('check on malformed plans', () => {
  for (const platform of ['azure', 'aws']) {
    it(`${platform}: exit 1 or 2 with a message, never an internal error`, async () => {
      const spec = readSpecDocument(join(ROOT, 'examples', `${platform}-estate.yaml`));
      for (const plan of PLANS) {
        const files = specAndPlanFiles(spec, plan);
        const r = await runCli(['check', '--spec', files.spec, '--plan', files.plan]);
        assert.ok(r.code === 1 || r.code === 2, `${JSON.stringify(plan)}: exit ${r.code} ${r.err}`);
        assert.doesNotMatch(r.err, /internal error/);
      }
    });
  }
});
