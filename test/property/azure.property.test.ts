import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { azureEstate, grown, shuffled } from '../support/arbitrary';
import { provesReachability } from '../support/azure-reach';
import { synthEstate } from '../support/estates';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 60);

function identities(json: any): Map<string, string> {
  const rules = (json.resource?.azurerm_network_security_rule ?? {}) as Record<string, any>;
  return new Map(Object.entries(rules).map(([k, r]) => [k, `${r.name} ${r.network_security_group_name} ${r.direction} ${r.priority}`]));
}

describe('Azure properties over random valid estates', () => {
  it('every flow is allowed, and nothing else gets in where the library owns the NSG', () => {
    fc.assert(fc.property(azureEstate(), (props) => { provesReachability(props); }), { numRuns: RUNS });
  });

  it('synthesizing twice is byte-identical, and reordering the spec changes nothing', () => {
    fc.assert(fc.property(azureEstate(), fc.integer({ min: 1, max: 1e6 }), (props, seed) => {
      const a = synthEstate(props).text;
      assert.equal(synthEstate(props).text, a);
      assert.equal(synthEstate(shuffled(props, seed)).text, a);
    }), { numRuns: RUNS });
  });

  it('adding a client CIDR or a tier never renames or renumbers an existing rule', () => {
    fc.assert(fc.property(azureEstate(), fc.integer({ min: 0, max: 63 }), (props, n) => {
      const before = identities(synthEstate(props).json);
      const { moreCidrs, moreTiers } = grown(props, n);
      const afterCidr = identities(synthEstate(moreCidrs).json);
      const afterTier = identities(synthEstate(moreTiers).json);
      for (const [k, v] of before) {
        assert.equal(afterCidr.get(k), v, `CIDR added: ${k}`);
        assert.equal(afterTier.get(k), v, `tier added: ${k}`);
      }
    }), { numRuns: RUNS });
  });

  it('never emits an Allow from *, Any, Internet, VirtualNetwork or 0.0.0.0/0, and describes every rule', () => {
    fc.assert(fc.property(azureEstate(), (props) => {
      for (const r of Object.values((synthEstate(props).json.resource?.azurerm_network_security_rule ?? {}) as Record<string, any>)) {
        const sources = [r.source_address_prefix, ...(r.source_address_prefixes ?? [])].filter(Boolean);
        if (r.access === 'Allow') assert.ok(sources.every((s) => !['*', 'Any', 'Internet', 'VirtualNetwork', '0.0.0.0/0'].includes(s)), r.name);
        assert.ok(typeof r.description === 'string' && r.description.length > 0 && r.description.length <= 140);
      }
    }), { numRuns: RUNS });
  });
});
