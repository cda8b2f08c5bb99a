import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkPlan } from '../../lib/check/check';
import { resolveSpec } from '../../lib/spec';
import { modernAws, synthAws } from '../platforms/aws/support/estates';
import { richAzure, synthEstate } from '../support/estates';
import { asDeployedShowJson } from '../support/show-json';

// The plan CI sees for an estate already deployed: terraform show -json with literal ids.
describe('check on terraform show -json of a deployed estate', () => {
  it('Azure: passes the library\'s plan, and catches an allow-all rule added to a created NSG', () => {
    const props = richAzure();
    const spec = resolveSpec(props, 'test');
    const show = asDeployedShowJson(synthEstate(props).json);
    const r = checkPlan(show, spec);
    assert.deepEqual(r.unresolved, []);
    assert.equal(r.ok, true, JSON.stringify({ missing: r.missing, blocked: r.flows.filter((f) => f.status === 'blocked').map((f) => f.flow.id) }));
    // WHEN the plan creates an Allow * -> * by name in the CA's NSG
    const evil = { address: 'azurerm_network_security_rule.evil', mode: 'managed', type: 'azurerm_network_security_rule', name: 'evil', provider_name: 'registry.terraform.io/hashicorp/azurerm',
      values: { name: 'evil', network_security_group_name: 'pki-ca-nsg', resource_group_name: 'rg-pki', priority: 101, direction: 'Inbound', access: 'Allow',
        protocol: '*', source_port_range: '*', source_address_prefix: '*', destination_address_prefix: '*', destination_port_range: '*' } };
    show.planned_values.root_module.resources.push(evil);
    show.resource_changes.push({ ...evil, change: { actions: ['create'], before: null, after: evil.values, after_unknown: { id: true } } });
    // THEN it fails, naming the rule
    const bad = checkPlan(show, spec);
    assert.equal(bad.ok, false);
    assert.ok(bad.extras.some((e) => e.kind === 'over-permissive' && e.rules.includes('azurerm_network_security_rule.evil')));
  });

  it('AWS: passes the library\'s plan with literal group ids', () => {
    const props = modernAws({ dcomPort: 10509 });
    const r = checkPlan(asDeployedShowJson(synthAws(props).json), resolveSpec(props, 'test'));
    assert.deepEqual(r.unresolved, []);
    assert.equal(r.ok, true, JSON.stringify({ missing: r.missing, blocked: r.flows.filter((f) => f.status === 'blocked').map((f) => f.flow.id) }));
  });
});
