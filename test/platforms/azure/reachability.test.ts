import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AzureEvaluator } from '../../../lib/platforms/azure/evaluator';
import { resolveSpec } from '../../../lib/input/resolve';
import { provesReachability, text } from '../../support/azure-reach';
import { AZURE, richAzure, subnet, synthEstate } from '../../support/estates';

describe('Azure reachability (evaluated with NSG semantics)', () => {
  it('modern estate with every tier', () => provesReachability(richAzure()));
  it('legacy estate, DC on its own RPC range', () => provesReachability(richAzure({
    osGeneration: 'legacy' as never,
    tiers: { ...richAzure().tiers, dc: { cidrs: ['10.0.0.0/24'], subnetIds: [subnet('dc')], rpcDynamicPorts: '50000-50999' } },
  })));
  it('static DCOM port', () => provesReachability(richAzure({ dcomPort: 10509, domainMemberFlows: true })));
  it('CES-only enrollment with username/password', () => provesReachability({
    name: 'cesonly', platform: 'azure' as never, azure: AZURE, directEnrollment: false, cesAuthentication: 'usernamePassword' as never,
    tiers: {
      clients: { cidrs: ['192.168.0.0/16'] },
      ca: { cidrs: ['10.1.1.0/24'], subnetIds: [subnet('ca')] },
      ces: { cidrs: ['10.1.2.0/24'], subnetIds: [subnet('ces')] },
      dc: { cidrs: ['10.1.0.0/24'], networkSecurityGroup: { name: 'nsg-dc', resourceGroupName: 'rg-id', denyByDefault: true } },
    },
  }));
  it('an estate whose NSG-less tiers are enforced only at their peers', () => provesReachability({
    platform: 'azure' as never, azure: { ...AZURE, priorityRange: '1000-1299' },
    tiers: { clients: { cidrs: ['10.20.0.0/16'] }, ca: { cidrs: ['10.0.1.0/24'], subnetIds: [subnet('ca')] }, dc: { cidrs: ['10.0.0.0/24'] },
      ocsp: { cidrs: ['10.0.6.0/24'] }, cdp: { cidrs: ['10.0.3.0/24'], subnetIds: [subnet('cdp')] } },
  }));

  it('blocks a flow when its rule is removed from the plan, naming the deny that decided', () => {
    // GIVEN a synthesized estate with the clients->ca TCP rule removed
    const props = richAzure();
    const { json } = synthEstate(props);
    const rules = json.resource.azurerm_network_security_rule;
    const victim = Object.keys(rules).find((k) => k.includes('ca-nsg-in-clients-ca-tcp'))!;
    delete rules[victim];
    // WHEN enrollment is evaluated
    const r = new AzureEvaluator(json, resolveSpec(props, 'test')).reach({ tier: 'clients' }, 'ca', 'tcp' as never);
    // THEN nothing is allowed, and the deny-by-default rule is named
    assert.equal(text(r.allowed), '');
    assert.ok(r.inbound.rules.some((x) => x.includes('deny-vnet-inbound')), r.inbound.rules.join());
  });
});
