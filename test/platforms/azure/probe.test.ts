import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { flowsOf } from '../../../lib/model/flows';
import { resolveSpec } from '../../../lib/spec';
import { EstateProps } from '../../../lib/input/props';
import { planAzureRules } from '../../../lib/platforms/azure/planner';
import { richAzure } from '../../support/estates';
import { estateProps } from '../../support/fixtures';

const plan = (props: EstateProps) => {
  const spec = resolveSpec(props, 'test');
  return planAzureRules(spec, flowsOf(spec.estate));
};

/** CA on an existing deny-by-default NSG with the given window, clients and DCs without NSG. */
const narrow = (priorityRange: string): EstateProps => estateProps({
  name: 'pki', platform: 'azure', azure: { resourceGroupName: 'rg', location: 'westeurope' },
  tiers: {
    clients: { cidrs: ['10.20.0.0/16'] },
    ca: { cidrs: ['10.0.1.0/24'], networkSecurityGroup: { name: 'nsg-ca', resourceGroupName: 'rg-net', denyByDefault: true, priorityRange } },
    dc: { cidrs: ['10.0.0.0/24'] },
  },
});

describe('Azure health-probe Allow before the deny by default', () => {
  it('gives every deny-by-default NSG an Allow from AzureLoadBalancer, all ports, at the last priority but one', () => {
    // GIVEN the rich estate (created NSGs and one existing deny-by-default NSG)  WHEN planned
    const nsgs = plan(richAzure()).plan!.nsgs;
    for (const n of nsgs) {
      const deny = n.rules.find((r) => r.access === 'Deny');
      const probe = n.rules.filter((r) => r.sourceAddressPrefixes.includes('AzureLoadBalancer'));
      // THEN exactly the NSGs with the deny have the probe Allow, one priority before it, inbound, every protocol and port
      assert.equal(probe.length, n.denyByDefault ? 1 : 0, n.name);
      if (!deny) continue;
      assert.equal(probe[0].priority, deny.priority - 1);
      assert.deepEqual([probe[0].direction, probe[0].access, probe[0].protocol, probe[0].destinationPortRanges], ['Inbound', 'Allow', '*', ['*']]);
      assert.deepEqual(probe[0].sourceAddressPrefixes, ['AzureLoadBalancer']);
      assert.deepEqual(probe[0].destinationAddressPrefixes, deny.destinationAddressPrefixes);
      // and no allow of the NSG's flows comes after it
      assert.ok(n.rules.filter((r) => r.direction === 'Inbound' && r !== probe[0] && r !== deny).every((r) => r.priority < probe[0].priority));
    }
  });

  it('refuses a narrow window whose slots put a flow rule on the probe priority, with the window size it needs', () => {
    // GIVEN a 4-priority window: the clients->ca slot folds onto 1002, the probe's priority
    const r = plan(narrow('1000-1003'));
    // THEN synth is refused, naming the NSG, the priority, the rule and a window that works
    assert.equal(r.plan, undefined);
    assert.deepEqual(r.problems.map((p) => `${p.path}: ${p.message}`), [
      'tiers.ca: NSG nsg-ca: the Allow from AzureLoadBalancer (health probes) needs priority 1002, just before the deny by default, but pki-in-clients-to-ca-tcp takes it in the window 1000-1003; widen the priority range to at least 43 priorities (for example "1000-1042")',
    ]);
    // AND the window it names is accepted: inbound slot 40 (dc->ca TCP) below the probe at 1041,
    // outbound slot 41 (ca->dc UDP) below the deny's 1042 (the probe is inbound only)
    const ok = plan(narrow('1000-1042'));
    assert.deepEqual(ok.problems, []);
    const probe = ok.plan!.nsgs[0].rules.find((x) => x.sourceAddressPrefixes.includes('AzureLoadBalancer'))!;
    assert.equal(probe.priority, 1041);
    // AND it is the smallest: one priority less is refused
    assert.equal(plan(narrow('1000-1041')).plan, undefined);
  });

  it('keeps every narrow window that already worked and has a free last-but-one priority', () => {
    // GIVEN a 6-priority window (slots fold onto 1000-1004; 1004 stays free)  THEN it still plans
    assert.deepEqual(plan(narrow('1000-1005')).problems, []);
  });
});
