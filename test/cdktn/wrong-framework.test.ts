import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as cdktf from 'cdktf';
import * as cdktn from 'cdktn';
import * as rootLib from '../../lib';
import * as cdktnLib from '../../lib/cdktn';
import { AdcsInputError } from '../../lib/errors';
import { subnet } from '../support/estates';

// Issue 24: a cdktn App given the root (cdktf) constructs failed at synth with
// `TypeError: e._resetResolveDiscoveredProviderFeatureUsage is not a function`. The constructs
// say which entry point the app needs, when they are made, and leave nothing in the tree.

const PROPS: any = {
  azure: { resourceGroupName: 'rg-pki', location: 'westeurope' },
  tiers: { clients: { cidrs: ['10.20.0.0/16'] }, ca: { cidrs: ['10.0.1.0/24'], subnetIds: [subnet('ca')] }, dc: { cidrs: ['10.0.0.0/24'] } },
};

function refusal(make: () => unknown): { ruleId: string; message: string } {
  try {
    make();
  } catch (e) {
    assert.ok(e instanceof AdcsInputError, String(e));
    return { ruleId: e.problems[0].ruleId, message: e.message };
  }
  assert.fail('accepted');
}

describe('constructs of the other framework', () => {
  it('the cdktf constructs in a cdktn app: "these are the cdktf constructs; use adcs-firewall/cdktn"', () => {
    const stack = new cdktn.TerraformStack(new cdktn.App(), 'pki');
    const r = refusal(() => new rootLib.AdcsEnrollmentSecurity(stack, 'adcs', PROPS));
    assert.equal(r.ruleId, 'ADCS-E305');
    assert.equal(r.message, 'AdcsEnrollmentSecurity pki/adcs: these are the cdktf constructs; use adcs-firewall/cdktn (stack "pki" is a cdktn TerraformStack, and a stack takes the constructs of its own framework)');
    assert.equal(refusal(() => new rootLib.AdcsProvider(stack, 'azurerm', { platform: 'azure' as any })).ruleId, 'ADCS-E305');
    assert.deepEqual(stack.node.children.map((c) => c.node.id), []);
    // AND the right entry point works in the same stack
    assert.doesNotThrow(() => new cdktnLib.AdcsEnrollmentSecurity(stack, 'adcs', PROPS));
  });

  it('the cdktn constructs in a cdktf app: "these are the cdktn constructs; use adcs-firewall"', () => {
    class PkiStack extends cdktf.TerraformStack {}
    const stack = new PkiStack(new cdktf.App(), 'pki');
    const r = refusal(() => new cdktnLib.AdcsEnrollmentSecurity(stack as any, 'adcs', PROPS));
    assert.equal(r.message, 'AdcsEnrollmentSecurity pki/adcs: these are the cdktn constructs; use adcs-firewall (stack "pki" is a cdktf TerraformStack, and a stack takes the constructs of its own framework)');
    assert.doesNotThrow(() => new rootLib.AdcsEnrollmentSecurity(stack, 'adcs', PROPS));
  });
});
