import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Testing, TerraformStack } from 'cdktf';
import { AdcsEnrollmentSecurity } from '../../../lib/cdktf/adcs-enrollment-security';
import { awsExampleStack } from '../../../examples/aws';
import { tiersProps } from '../../support/fixtures';
import { expectGolden } from '../../support/golden';
import { AWS, DC_SG, modernAws, richAws, synthAws } from './support/estates';

/**
 * The golden file: the example estate (examples/aws-estate.yaml) as `Testing.synth` writes it.
 * After an intended change, regenerate it with `UPDATE_GOLDEN=1 npm test` (or, for this file
 * alone, `npm run build && UPDATE_GOLDEN=1 node --test dist/test/platforms/aws/synth.test.js`)
 * and review the diff; a missing golden fails.
 */
const GOLDEN = join(__dirname, '..', '..', '..', '..', 'test', 'platforms', 'aws', 'golden', 'aws-estate.tf.json');
const RULE_TYPES = ['aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule'];

const rulesOf = (json: any): [string, any][] => RULE_TYPES.flatMap((t) => Object.entries(json.resource[t] ?? {}).map(([k, v]): [string, any] => [`${t}.${k}`, v]));

describe('AWS synth', () => {
  it('writes only security groups and VPC rule resources, one peer each, no inline rules', () => {
    // GIVEN the rich estate  WHEN synthesized
    const { json } = synthAws(richAws());
    // THEN only the three resource types appear, never aws_security_group_rule
    assert.deepEqual(Object.keys(json.resource).sort(), ['aws_security_group', ...RULE_TYPES].sort());
    assert.equal(json.provider, undefined, 'the construct declares no provider');
    // AND created groups carry no inline ingress or egress
    for (const g of Object.values<any>(json.resource.aws_security_group)) {
      assert.equal(g.ingress, undefined);
      assert.equal(g.egress, undefined);
      assert.equal(g.vpc_id, AWS.vpcId);
    }
    // AND every rule has exactly one peer, a protocol, ports for TCP/UDP, a description and the user's tags
    for (const [address, r] of rulesOf(json)) {
      assert.equal([r.cidr_ipv4, r.referenced_security_group_id, r.prefix_list_id, r.cidr_ipv6].filter((x) => x !== undefined).length, 1, address);
      assert.ok(['tcp', 'udp'].includes(r.ip_protocol), address);
      assert.ok(Number.isInteger(r.from_port) && Number.isInteger(r.to_port) && r.from_port <= r.to_port, address);
      assert.ok(r.description.length > 0 && r.description.length <= 255, address);
      assert.deepEqual(r.tags, { environment: 'test', owner: 'pki-team' });
    }
  });

  it('uses the plan ids as construct ids, and references created groups by token, existing ones by id', () => {
    // GIVEN the modern estate
    const { json, adcs } = synthAws(modernAws());
    const plan = adcs.aws!.plan;
    // THEN the Terraform names are the plan ids under the construct path (plus cdktf's hash)
    const names = rulesOf(json).map(([a]) => a.split('.')[1].replace(/_[0-9A-F]{8}$/, '')).sort();
    assert.deepEqual(names, plan.rules.map((r) => `adcs_aws_${r.id.replace(/[^A-Za-z0-9_-]/g, '')}`).sort());
    // AND rules on the CA's group reference it; rules on the DCs' group use the literal id
    const ca = Object.keys(json.resource.aws_security_group).find((k) => k.startsWith('adcs_aws_ca-security-group_'))!;
    for (const [address, r] of rulesOf(json)) {
      if (address.includes('_ca-in-') || address.includes('_ca-out-')) assert.equal(r.security_group_id, `\${aws_security_group.${ca}.id}`);
      if (address.includes(`_${DC_SG}-in-`)) assert.equal(r.security_group_id, DC_SG);
    }
    const fromCa = rulesOf(json).filter(([a]) => a.includes(`_${DC_SG}-in-ca-`));
    assert.ok(fromCa.every(([, r]) => r.referenced_security_group_id === `\${aws_security_group.${ca}.id}`));
    // by hand: DIRECTORY (TCP 53, 88, 389, 464, 636, 3268-3269; UDP 53, 88, 389, 464) and ca-dc-rpc's
    // TCP 135, 445 and 49152-65535: 9 TCP + 4 UDP
    assert.equal(fromCa.length, 13);
    // AND the construct exposes the groups, their ids and one output per created group
    assert.deepEqual(Object.keys(adcs.aws!.securityGroups).sort(), ['ca', 'cep', 'ces']);
    assert.equal(adcs.aws!.securityGroupIds.dc, DC_SG);
    assert.match(adcs.aws!.securityGroupIds.ca!, /^\$\{TfToken\[/);
    assert.deepEqual(Object.keys(json.output).map((k) => k.replace(/_[0-9A-F]{8}$/, '')).sort(),
      ['adcs_aws_ca-security-group-id', 'adcs_aws_cep-security-group-id', 'adcs_aws_ces-security-group-id']);
    assert.equal(Object.values<any>(json.output).find((o) => o.value.includes(ca)).value, `\${aws_security_group.${ca}.id}`);
  });

  it('gives created groups an egress rule to 0.0.0.0/0 only when allowAllEgress is set', () => {
    const egress = (json: any): any[] => Object.values(json.resource.aws_vpc_security_group_egress_rule);
    assert.equal(egress(synthAws(modernAws()).json).filter((r) => r.ip_protocol === '-1').length, 0);
    const all = egress(synthAws(modernAws({ aws: { ...AWS, allowAllEgress: true } })).json).filter((r) => r.ip_protocol === '-1');
    assert.equal(all.length, 3);
    for (const r of all) {
      assert.equal(r.cidr_ipv4, '0.0.0.0/0');
      assert.equal(r.from_port, undefined);
      assert.equal(r.to_port, undefined);
    }
  });

  it('is deterministic: two synths are byte-identical, and input order does not matter', () => {
    // GIVEN the rich estate, and the same estate with every list and mapping reversed
    const base = richAws();
    const reversed = {
      ...base,
      aws: { ...base.aws!, tags: Object.fromEntries(Object.entries(base.aws!.tags!).reverse()) },
      tiers: tiersProps(Object.fromEntries(Object.entries(base.tiers).reverse().map(([k, t]) => [k, { ...t, cidrs: [...t!.cidrs].reverse() }]))),
      customFlows: [...base.customFlows!].reverse(),
    };
    // THEN Testing.synth gives the same bytes twice, and the raw stack JSON (insertion order) is equal too
    assert.equal(synthAws(base).text, synthAws(base).text);
    const raw = (p: typeof base): string => {
      const stack = new TerraformStack(Testing.app(), 'test');
      new AdcsEnrollmentSecurity(stack, 'adcs', p);
      return JSON.stringify(stack.toTerraform());
    };
    assert.equal(raw(reversed), raw(base));
  });

  it('synthesizes the example estate byte-for-byte as the golden file', () => {
    // GIVEN the example stack (examples/aws-estate.yaml)
    const stack = awsExampleStack(Testing.app());
    const text = `${Testing.synth(stack)}\n`;
    // THEN it equals the golden file
    expectGolden(GOLDEN, text);
    // AND, next to it, what the golden file is meant to show
    const json = JSON.parse(text);
    assert.equal(stack.node.id, 'pki-use1');
    assert.deepEqual(json.provider.aws, [{ region: 'us-east-1' }]);
    assert.deepEqual(Object.values<any>(json.resource.aws_security_group).map((g) => g.name).sort(), ['pki-use1-ca', 'pki-use1-cep', 'pki-use1-ces']);
    const caIn = rulesOf(json).filter(([a]) => a.includes('_ca-in-cidr-10-20-0-0_16-'));
    assert.deepEqual(caIn.map(([, r]) => r.from_port).sort(), [10509, 135], 'static DCOM port: 135 and 10509, no dynamic range');
    // 0.1's 52 inbound rules on the DCs' group, plus TCP 445 from the CA (ca-dc-rpc) and the admins' 9 (admin-directory)
    assert.equal(rulesOf(json).filter(([a]) => a.includes(`_${DC_SG}-in-`)).length, 62);
    assert.equal(rulesOf(json).filter(([a]) => a.includes(`_${DC_SG}-in-cidr-10-50-9-0_28-`)).length, 9);
    assert.ok(rulesOf(json).some(([a, r]) => a.includes('_ca-in-cidr-10-50-9-0_28-tcp-3389') && r.description === 'adcs-firewall pki-use1: custom:rdp-paw (admins to ca)'));
  });

  it('adds the example to any app, reading nothing outside the project', () => {
    // GIVEN an app  WHEN the example is added  THEN one stack named after the spec exists
    const app = Testing.app();
    const stack = awsExampleStack(app);
    assert.equal(stack, TerraformStack.of(stack));
    assert.deepEqual(app.node.children.map((c) => c.node.id), ['pki-use1']);
  });
});
