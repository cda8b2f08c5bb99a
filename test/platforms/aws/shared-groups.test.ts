import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Testing, TerraformStack } from 'cdktf';
import { AdcsEnrollmentSecurity } from '../../../lib/cdktf/adcs-enrollment-security';
import { EstateProps } from '../../../lib/input/props';
import { AWS, DC_SG, modernAws, withTier } from './support/estates';

/** Validation errors of a stack holding one AdcsEnrollmentSecurity per estate. */
function validate(estates: Record<string, EstateProps>): string[] {
  const stack = new TerraformStack(Testing.app({ stackTraces: false }), 'sites');
  new AwsProvider(stack, 'aws', { region: 'us-east-1' });
  for (const [id, props] of Object.entries(estates)) new AdcsEnrollmentSecurity(stack, id, props);
  return stack.node.findAll().flatMap((c) => c.node.validate());
}

const site = (name: string, clients: string[], quota = 100): EstateProps =>
  withTier(modernAws({ name, aws: { ...AWS, ruleQuota: quota } }), 'clients', { cidrs: clients });

describe('AWS whole-stack validation of estates sharing an existing group', () => {
  it('refuses two estates writing the same rule to one existing group', () => {
    // GIVEN two sites whose DCs share the identity team's group and whose clients share 10.20.0.0/16
    const errors = validate({ use1: site('use1', ['10.20.0.0/16']), euw1: site('euw1', ['10.20.0.0/16', '10.30.0.0/16']) });
    // THEN each duplicated rule is reported once, naming the group, the rule and both constructs
    // the one shared rule set: client-directory (DIRECTORY, 10 rules) from 10.20.0.0/16 on the DCs' group;
    // everything else references each site's own created groups
    assert.equal(errors.length, 10, errors.join('\n'));
    assert.ok(errors.every((e) => e.startsWith('[ADCS-E208] sites/use1/aws and sites/euw1/aws both write the rule ingress ')), errors.join('\n'));
    assert.ok(errors.some((e) => e.includes(`ingress TCP 88 from 10.20.0.0/16 on existing security group ${DC_SG}; AWS refuses duplicate rules`)));
    assert.ok(!errors.some((e) => e.includes('10.30.0.0/16')));
  });

  it('refuses them when their rules together overflow the group, and accepts disjoint estates that fit', () => {
    // GIVEN two sites with disjoint clients: 10 + 10 rules per client CIDR on the DCs, plus 33 from each site's groups (the CA's RPC now includes TCP 445)
    const errors = validate({ a: site('a', ['10.20.0.0/16'], 80), b: site('b', ['10.30.0.0/16'], 80) });
    // THEN the sum (86 > 80) is reported with both owners
    assert.deepEqual(errors, [`[ADCS-E210] existing security group ${DC_SG} would hold 86 inbound rules from sites/a/aws and sites/b/aws; the quota is 80 per group and direction: reference security groups instead of CIDRs, list fewer, larger CIDRs, or raise aws.ruleQuota with the AWS quota`]);
    // AND with a quota that fits, nothing is reported
    assert.deepEqual(validate({ a: site('a', ['10.20.0.0/16'], 100), b: site('b', ['10.30.0.0/16'], 100) }), []);
  });
});
