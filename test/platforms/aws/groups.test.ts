import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AdcsInputError } from '../../../lib/errors';
import { DC_SG, modernAws, planOf } from './support/estates';

describe('AWS groups shared by tiers', () => {
  it('refuses tiers on one group with different hosts, naming both tiers, the group and the fixes', () => {
    // GIVEN admins put on the DCs' group with their own addresses
    const props = modernAws();
    const bad = { ...props, tiers: { ...props.tiers, admins: { cidrs: ['10.50.9.0/28'], securityGroupId: DC_SG } } };
    // WHEN planned  THEN refused: every DC would accept the admins' flows and the reverse
    assert.throws(() => planOf(bad), (e: unknown) => e instanceof AdcsInputError
      && e.problems.some((p) => p.path === 'tiers.admins.securityGroupId'
        && /tiers "dc" and "admins" share security group sg-0123456789abcdef0 but not their CIDRs; .* give each tier its own group/.test(p.message)));
  });

  it('accepts co-located tiers (same CIDRs) on one group', () => {
    const props = modernAws({ aws: { vpcId: 'vpc-0a1b2c3d4e5f67890', ruleQuota: 200 } });
    const dc = props.tiers.dc;
    const plan = planOf({ ...props, tiers: { ...props.tiers, ocsp: { cidrs: dc.cidrs, securityGroupId: DC_SG } } });
    // AND the shared group gets ocsp's rules: ocsp-http, TCP 80 from each client CIDR
    assert.deepEqual(plan.rules.filter((r) => r.groupKey === DC_SG && r.direction === 'ingress' && r.fromPort === 80)
      .map((r) => (r.peer.kind === 'cidr' ? r.peer.cidr : r.peer.groupKey)), ['10.20.0.0/16', '172.16.8.0/22']);
  });

  it('refuses "default" as a created group name', () => {
    const props = modernAws();
    assert.throws(() => planOf({ ...props, tiers: { ...props.tiers, ca: { cidrs: ['10.50.1.0/28'], createSecurityGroup: true, securityGroupName: 'default' } } }),
      /"default" is not a security group name: "default" is reserved/);
  });
});
