import { evaluatorFor } from '../../lib/check/check';
import assert from 'node:assert/strict';
import { cidrInterval } from '../../lib/model/cidr';
import { flowPortSpace, flowsOf } from '../../lib/model/flows';
import { normalizePortRanges, PortRange } from '../../lib/model/port-range';
import { PROTOCOLS } from '../../lib/model/protocol';
import { TierKey } from '../../lib/model/tiers';
import { EstateProps } from '../../lib/input/props';
import { resolveSpec } from '../../lib/spec';
import { synthEstate } from './estates';
import { azureEnforcement, azureSettings } from '../../lib/platforms/azure/settings';

const overlaps = (a: readonly string[], b: readonly string[]): boolean =>
  a.some((x) => b.some((y) => { const i = cidrInterval(x); const j = cidrInterval(y); return i.start <= j.end && j.start <= i.end; }));

export const text = (rs: readonly PortRange[]): string => normalizePortRanges(rs).map(String).join(',');

/** Proves both halves of the Azure promise on one estate: every flow allowed, nothing else in at denying NSGs. */
export function provesReachability(props: EstateProps): void {
  // GIVEN the estate synthesized to cdk.tf.json and evaluated with Azure's semantics
  const { json } = synthEstate(props);
  const spec = resolveSpec(props, 'test');
  const flows = flowsOf(spec.estate);
  const ev = evaluatorFor(json, spec);
  assert.deepEqual(ev.unresolved, [], 'the evaluator resolved everything the library wrote');
  // THEN every flow is allowed at every port of every range, end to end
  for (const f of flows) {
    const r = ev.reach({ tier: f.from }, f.to, f.protocol);
    // (ICMP has no ports: along the evaluators' port axis it is the whole axis, every type)
    for (const q of flowPortSpace(f)) assert.ok(r.allowed.some((p) => p.covers(q)), `${f.id} ${f.from}->${f.to} ${q.toLabel()} allowed (got ${text(r.allowed)})`);
  }
  // AND at every NSG the library created with a deny, inbound allows exactly the flows' ports
  const tiers = spec.estate.tiers;
  const keys = Object.keys(tiers) as TierKey[];
  for (const to of keys) {
    const e = azureEnforcement(tiers[to]!);
    const denies = (e.kind === 'azureSubnets' && azureSettings(spec).denyByDefault) || (e.kind === 'azureExistingNsg' && e.denyByDefault);
    if (!denies) continue;
    for (const protocol of PROTOCOLS) {
      for (const from of keys) {
        const expected = normalizePortRanges(flows.filter((f) => f.protocol === protocol
          && overlaps(tiers[f.from]!.cidrs, tiers[from]!.cidrs) && overlaps(tiers[f.to]!.cidrs, tiers[to]!.cidrs)).flatMap(flowPortSpace));
        const got = ev.reach({ tier: from }, to, protocol).inbound.anyAllowed;
        assert.equal(text(got), text(expected), `inbound ${from}->${to} ${protocol}`);
      }
      for (const outside of ['10.99.0.0/24', '198.51.100.0/24']) {
        assert.equal(text(ev.reach({ cidr: outside }, to, protocol).inbound.anyAllowed), '', `nothing from ${outside} to ${to} ${protocol}`);
      }
    }
  }
}

