import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AzurePlanEvaluator } from '../../lib/audit/azure-evaluator';
import { cidrInterval } from '../../lib/model/cidr';
import { flowsOf } from '../../lib/model/flows';
import { normalizePortRanges, PortRange } from '../../lib/model/port-range';
import { PROTOCOLS } from '../../lib/model/protocol';
import { TierKey } from '../../lib/model/tiers';
import { EstateProps } from '../../lib/spec/props';
import { resolveSpec } from '../../lib/spec/resolve';
import { AZURE, richAzure, subnet, synthEstate } from '../support/estates';

const overlaps = (a: readonly string[], b: readonly string[]): boolean =>
  a.some((x) => b.some((y) => { const i = cidrInterval(x); const j = cidrInterval(y); return i.start <= j.end && j.start <= i.end; }));

const text = (rs: readonly PortRange[]): string => normalizePortRanges(rs).map(String).join(',');

/** Proves both halves of the promise on one estate. */
function provesReachability(props: EstateProps): void {
  // GIVEN the estate synthesized to cdk.tf.json and evaluated with Azure's semantics
  const { json } = synthEstate(props);
  const spec = resolveSpec(props, 'test');
  const flows = flowsOf(spec.estate);
  const ev = new AzurePlanEvaluator(json, spec);
  assert.deepEqual(ev.unresolved, [], 'the evaluator resolved everything the library wrote');
  // THEN every flow is allowed at every port of every range, end to end
  for (const f of flows) {
    const r = ev.reach({ tier: f.from }, f.to, f.protocol);
    for (const q of f.ports) assert.ok(r.allowed.some((p) => p.covers(q)), `${f.id} ${f.from}->${f.to} ${q.toLabel()} allowed (got ${text(r.allowed)})`);
  }
  // AND at every NSG the library created with a deny, inbound allows exactly the flows' ports
  const tiers = spec.estate.tiers;
  const keys = Object.keys(tiers) as TierKey[];
  for (const to of keys) {
    const e = tiers[to]!.enforcement;
    const denies = (e.kind === 'azureSubnets' && spec.azure!.denyByDefault) || (e.kind === 'azureExistingNsg' && e.denyByDefault);
    if (!denies) continue;
    for (const protocol of PROTOCOLS) {
      for (const from of keys) {
        const expected = normalizePortRanges(flows.filter((f) => f.protocol === protocol
          && overlaps(tiers[f.from]!.cidrs, tiers[from]!.cidrs) && overlaps(tiers[f.to]!.cidrs, tiers[to]!.cidrs)).flatMap((f) => f.ports));
        const got = ev.reach({ tier: from }, to, protocol).inbound.anyAllowed;
        assert.equal(text(got), text(expected), `inbound ${from}->${to} ${protocol}`);
      }
      for (const outside of ['10.99.0.0/24', '198.51.100.0/24']) {
        assert.equal(text(ev.reach({ cidr: outside }, to, protocol).inbound.anyAllowed), '', `nothing from ${outside} to ${to} ${protocol}`);
      }
    }
  }
}

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
    const victim = Object.keys(rules).find((k) => k.includes('ca-in-clients-ca-tcp'))!;
    delete rules[victim];
    // WHEN enrollment is evaluated
    const r = new AzurePlanEvaluator(json, resolveSpec(props, 'test')).reach({ tier: 'clients' }, 'ca', 'tcp' as never);
    // THEN nothing is allowed, and the deny-by-default rule is named
    assert.equal(text(r.allowed), '');
    assert.ok(r.inbound.rules.some((x) => x.includes('deny-vnet-inbound')), r.inbound.rules.join());
  });
});
