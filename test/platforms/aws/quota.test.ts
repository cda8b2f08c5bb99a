import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Testing, TerraformStack } from 'cdktf';
import { AdcsEnrollmentSecurity } from '../../../lib/cdktf/adcs-enrollment-security';
import { AdcsInputError } from '../../../lib/errors';
import { EstateProps } from '../../../lib/input/props';
import { AWS, modernAws, planOf, withTier } from './support/estates';

/** `n` client CIDRs that never aggregate (every other /24). */
const clientCidrs = (n: number): string[] => Array.from({ length: n }, (_, i) => `10.${100 + Math.floor(i / 100)}.${(i % 100) * 2}.0/24`);

/** The error planning `props` throws (fails the test when none). */
function planError(props: EstateProps): AdcsInputError {
  try {
    planOf(props);
  } catch (e) {
    if (e instanceof AdcsInputError) return e;
    throw e;
  }
  assert.fail('expected an AdcsInputError');
}

describe('AWS rule quotas', () => {
  it('accepts a group at exactly the quota and refuses one rule more, naming the group, count and ways out', () => {
    // GIVEN a CA admitting the CES group and the clients by CIDR: 2 rules per client CIDR, 2 from CES,
    // 2 from the DCs' one CIDR (the DCs enroll, and have no group)
    const at = (n: number): EstateProps => withTier(withTier(modernAws({ aws: { ...AWS, ruleQuota: 20 } }), 'dc', { cidrs: ['10.50.0.0/26'] }),
      'clients', { cidrs: clientCidrs(n) });
    // WHEN 8 client CIDRs (16 + 2 + 2 = 20 rules)  THEN it plans
    assert.equal(planOf(at(8)).counts.find((c) => c.groupKey === 'ca' && c.direction === 'ingress')!.count, 20);
    // WHEN 9 client CIDRs (22 rules)  THEN it fails with one problem for the CA's inbound rules
    const e = planError(at(9));
    const caProblems = e.problems.filter((p) => p.path === 'tiers.ca.createSecurityGroup');
    assert.equal(e.problems.length, 1);
    assert.equal(caProblems.length, 1);
    const m = caProblems[0].message;
    assert.match(m, /^security group pki-ca \(created for tier ca\) would hold 22 inbound rules \(CIDRs of clients \(9 CIDRs\): 18 rules, CIDRs of dc \(1 CIDR\): 2 rules, group pki-ces: 2 rules\); the quota is 20 per group and direction/);
    assert.match(m, /reference a security group instead of CIDRs \(createSecurityGroup or securityGroupId on the peer tier/);
    assert.match(m, /list the peer tier's addresses as fewer, larger CIDRs/);
    assert.match(m, /raise aws\.ruleQuota/);
    assert.match(m, /up to 1000, with rules per group × groups per network interface ≤ 1000/);
  });

  it('collects every overflowing group and direction into one error', () => {
    // GIVEN 40 client CIDRs: the CA (80 + 2), CES and CEP (40 each) and the DCs (400 + ...) all overflow 30
    const e = planError(withTier(modernAws({ aws: { ...AWS, ruleQuota: 30 } }), 'clients', { cidrs: clientCidrs(40) }));
    // THEN one error lists all four, in group order
    assert.deepEqual(e.problems.map((p) => p.path), [
      'tiers.ca.createSecurityGroup', 'tiers.cep.createSecurityGroup', 'tiers.ces.createSecurityGroup', 'tiers.dc.securityGroupId',
    ]);
    assert.match(e.problems[3].message, /^security group sg-0123456789abcdef0 \(existing; tier dc\) would hold 4\d\d inbound rules/);
    assert.match(e.message, /^test: tiers\.ca\.createSecurityGroup: security group pki-ca/);
  });

  it('counts egress too, and a referenced group as one rule however many hosts it holds', () => {
    // GIVEN DCs known by 6 CIDRs without a group: the CA's egress holds 13 ranges per DC CIDR
    const byCidr = withTier(modernAws({ aws: { ...AWS, ruleQuota: 60 } }), 'dc', { cidrs: clientCidrs(6) });
    const e = planError(byCidr);
    assert.match(e.problems.find((p) => p.path === 'tiers.ca.createSecurityGroup')!.message, /would hold 78 outbound rules \(CIDRs of dc \(6 CIDRs\): 78 rules\)/);
    // WHEN the DCs get a group instead  THEN the CA's egress is 13 rules
    const byGroup = planOf(withTier(byCidr, 'dc', { cidrs: clientCidrs(6), createSecurityGroup: true }));
    assert.equal(byGroup.counts.find((c) => c.groupKey === 'ca' && c.direction === 'egress')!.count, 13);
  });

  it('counts the allow-all egress rule and passes once aws.ruleQuota is raised', () => {
    const props = (quota: number): EstateProps => modernAws({ aws: { ...AWS, ruleQuota: quota, allowAllEgress: true } });
    // GIVEN the CA's 13 egress rules plus allow-all  THEN 14 fits 14 and not 13
    assert.equal(planOf(props(60)).counts.find((c) => c.groupKey === 'ca' && c.direction === 'egress')!.count, 14);
    assert.ok(!planError(props(14)).problems.some((p) => /^security group pki-ca .* outbound/.test(p.message)), 'the CA\'s egress fits 14 (the DCs\' group does not)');
    assert.ok(planError(props(13)).problems.some((p) => /pki-ca .* 14 outbound rules/.test(p.message)));
  });

  it('writes nothing when the construct refuses an estate', () => {
    // GIVEN a stack with an estate that overflows
    const stack = new TerraformStack(Testing.app(), 'test');
    const props = withTier(modernAws(), 'clients', { cidrs: clientCidrs(40) });
    // WHEN the construct is added  THEN it throws AdcsInputError naming the construct path
    assert.throws(() => new AdcsEnrollmentSecurity(stack, 'adcs', props), (e: unknown) =>
      e instanceof AdcsInputError && /^AdcsEnrollmentSecurity test\/adcs: tiers\.ca/.test(e.message));
    // AND the stack holds no resource
    assert.equal(JSON.parse(Testing.synth(stack)).resource, undefined);
  });

  it('refuses created group names AWS would refuse, and two tiers creating one name', () => {
    const bad = (name: string): string => planError(withTier(modernAws(), 'ca', { cidrs: ['10.50.1.0/28'], createSecurityGroup: true, securityGroupName: name })).message;
    // THEN a name starting with sg-, one with characters outside AWS's set, and a clash are each explained
    assert.match(bad('sg-pki'), /tiers\.ca\.securityGroupName: "sg-pki" is not a security group name: it starts with "sg-"/);
    assert.match(bad('pki|ca'), /"pki\|ca" is not a security group name: it has characters outside the accepted set/);
    assert.match(bad('x'.repeat(256)), /it has 256 characters/);
    assert.match(bad('pki-ces'), /tiers\.ces\.createSecurityGroup: tiers "ca" and "ces" would both create security group "pki-ces"; names are unique in a VPC/);
  });
});
