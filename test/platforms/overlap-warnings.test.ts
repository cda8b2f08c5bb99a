import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { flowsOf } from '../../lib/model/flows';
import { resolveSpec } from '../../lib/spec';
import { planAzureRules } from '../../lib/platforms/azure/planner';
import { planAwsRules } from '../../lib/platforms/aws/planner';
import { subnet } from '../support/estates';
import { EstateInput, estateProps } from '../support/fixtures';

const warningsOf = (input: EstateInput): string[] => {
  const spec = resolveSpec(estateProps(input), 'test');
  const r = spec.platform === 'aws' ? planAwsRules(spec, flowsOf(spec.estate)) : planAzureRules(spec, flowsOf(spec.estate));
  return r.warnings.map((w) => `${w.ruleId} ${w.path}`);
};

describe('warnings for hosts that get another tier\'s enforcement (issue 12, classes 11 and 12)', () => {
  it('AWS: a clients range containing servers on created groups warns, naming both tiers', () => {
    // GIVEN clients 10.0.0.0/8 by CIDR and the CA on a created group inside it
    const w = warningsOf({ name: 'pki', platform: 'aws', aws: { vpcId: 'vpc-1' }, tiers: {
      clients: { cidrs: ['10.0.0.0/8'] }, ca: { cidrs: ['10.50.1.0/28'], createSecurityGroup: true }, dc: { cidrs: ['172.16.0.0/24'], createSecurityGroup: true } } });
    // THEN one warning, for the overlapping pair only
    assert.deepEqual(w.filter((x) => x.startsWith('ADCS-W202')), ['ADCS-W202 tiers.ca.cidrs']);
  });

  it('AWS: disjoint tiers, or tiers on one shared group, do not warn', () => {
    const w = warningsOf({ name: 'pki', platform: 'aws', aws: { vpcId: 'vpc-1' }, tiers: {
      clients: { cidrs: ['10.20.0.0/16'] }, ca: { cidrs: ['10.50.1.0/28'], createSecurityGroup: true },
      ces: { cidrs: ['10.50.2.0/27'], securityGroupId: 'sg-0fedcba9876543210' }, cep: { cidrs: ['10.50.2.0/27'], securityGroupId: 'sg-0fedcba9876543210' },
      dc: { cidrs: ['10.50.0.0/26'], securityGroupId: 'sg-0123456789abcdef0' } } });
    assert.deepEqual(w.filter((x) => x.startsWith('ADCS-W202')), []);
  });

  it('Azure: a tier without NSG inside a deny-by-default NSG\'s tier warns; a wider range containing it does not', () => {
    // GIVEN admins (no NSG) inside the CA subnet, and clients (no NSG) that merely contain the DC subnet
    const w = warningsOf({ name: 'pki', platform: 'azure', azure: { resourceGroupName: 'rg', location: 'westeurope' }, tiers: {
      clients: { cidrs: ['10.0.0.0/8'] }, ca: { cidrs: ['10.0.1.0/24'], subnetIds: [subnet('ca')] },
      dc: { cidrs: ['172.16.0.0/24'], subnetIds: [subnet('dc')] }, admins: { cidrs: ['10.0.1.128/28'] } },
      customFlows: [{ name: 'rdp', from: 'clients', to: 'admins', protocol: 'tcp', ports: ['3389'], purpose: 'RDP to admin hosts' }] });
    // THEN only admins is named, with the CA's NSG
    assert.deepEqual(w.filter((x) => x.startsWith('ADCS-W103')), ['ADCS-W103 tiers.admins.cidrs']);
  });
});
