import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { awsEstate, grown, shuffled } from '../support/arbitrary';
import { synthAws } from '../platforms/aws/support/estates';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 40);

/** Terraform address → content of every AWS rule. */
function rules(json: any): Map<string, string> {
  const out = new Map<string, string>();
  for (const type of ['aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule']) {
    for (const [k, r] of Object.entries((json.resource?.[type] ?? {}) as Record<string, any>)) {
      out.set(`${type}.${k}`, `${r.security_group_id} ${r.ip_protocol} ${r.from_port}-${r.to_port} ${r.cidr_ipv4 ?? r.referenced_security_group_id}`);
    }
  }
  return out;
}

describe('AWS properties over random valid estates', () => {
  it('synthesizing twice is byte-identical, and reordering the spec changes nothing', () => {
    fc.assert(fc.property(awsEstate(), fc.integer({ min: 1, max: 1e6 }), (props, seed) => {
      const a = synthAws(props).text;
      assert.equal(synthAws(props).text, a);
      assert.equal(synthAws(shuffled(props, seed)).text, a);
    }), { numRuns: RUNS });
  });

  it('adding a client CIDR or a tier only adds rules: every existing address keeps its content', () => {
    fc.assert(fc.property(awsEstate(), fc.integer({ min: 0, max: 63 }), (props, n) => {
      const before = rules(synthAws(props).json);
      const { moreCidrs, moreTiers } = grown(props, n);
      for (const after of [rules(synthAws(moreCidrs).json), rules(synthAws(moreTiers).json)]) {
        for (const [k, v] of before) assert.equal(after.get(k), v, k);
      }
    }), { numRuns: RUNS });
  });

  it('hygiene: no rule from 0.0.0.0/0 and no allow-all egress unless asked, a description on every rule and group', () => {
    fc.assert(fc.property(awsEstate(), (props) => {
      const json = synthAws(props).json;
      const asked = props.aws?.allowAllEgress === true;
      for (const type of ['aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule']) {
        for (const r of Object.values((json.resource?.[type] ?? {}) as Record<string, any>)) {
          const wide = r.cidr_ipv4 === '0.0.0.0/0' || r.ip_protocol === '-1';
          assert.ok(!wide || (asked && type.endsWith('egress_rule')), JSON.stringify(r));
          assert.ok(typeof r.description === 'string' && r.description.length > 0 && r.description.length <= 255);
        }
      }
      for (const g of Object.values((json.resource?.aws_security_group ?? {}) as Record<string, any>)) {
        assert.ok(g.description && g.description.length <= 255);
        assert.equal(g.ingress, undefined);
        assert.equal(g.egress, undefined);
      }
    }), { numRuns: RUNS });
  });
});
