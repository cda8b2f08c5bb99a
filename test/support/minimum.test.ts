import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EstateProps } from '../../lib/input/props';
import { resolveSpec } from '../../lib/spec';
import type { MinimumEnforcement as Enforcement } from './minimum';
import { flowsOf } from '../../lib/model/flows';
import { Platform } from '../../lib/model/options';
import {
  cidrToInterval, intervalToCidrs, MinimumEstate, MinimumFlow, minimumAwsRuleCounts, minimumAwsRules, minimumAzureRules,
} from './minimum';
import { largestFittingAwsCidrs } from './quota';

const NONE: Enforcement = { kind: 'none' };
const subnets = (...subnetIds: string[]): Enforcement => ({ kind: 'azureSubnets', subnetIds });
const flow = (from: string, to: string, protocol: string, ...ports: [number, number][]): MinimumFlow =>
  ({ from, to, protocol, ports: ports.map(([a, b]) => ({ from: a, to: b })) });

describe('rule-count oracle: CIDR arithmetic', () => {
  it('aggregates exactly: two aligned /25 halves give one /24, an unaligned pair stays two blocks', () => {
    // GIVEN intervals of CIDRs  WHEN decomposed back into blocks
    const half = (c: string) => cidrToInterval(c);
    assert.deepEqual(intervalToCidrs({ start: half('10.0.0.0/25').start, end: half('10.0.0.128/25').end }), ['10.0.0.0/24']);
    // THEN 10.0.1.0/24 + 10.0.2.0/24 is not a /23 (10.0.0.0/23 would widen it)
    assert.deepEqual(intervalToCidrs({ start: half('10.0.1.0/24').start, end: half('10.0.2.0/24').end }), ['10.0.1.0/24', '10.0.2.0/24']);
    assert.deepEqual(intervalToCidrs(cidrToInterval('0.0.0.0/0')), ['0.0.0.0/0']);
  });
});

describe('rule-count oracle: Azure', () => {
  // clients (no NSG); ca on its own NSG; ces and cep on the same subnet (one NSG) and the same hosts.
  const estate: MinimumEstate = {
    tiers: {
      clients: { cidrs: ['10.20.0.0/16'], enforcement: NONE },
      ca: { cidrs: ['10.0.1.0/27'], enforcement: subnets('snet-ca') },
      ces: { cidrs: ['10.0.2.0/27'], enforcement: subnets('snet-web') },
      cep: { cidrs: ['10.0.2.0/27'], enforcement: subnets('snet-web') },
      dc: { cidrs: ['10.0.0.0/27'], enforcement: { kind: 'azureExistingNsg', name: 'nsg-dc', resourceGroupName: 'rg', denyByDefault: false } },
    },
  };

  it('counts a hand-computed estate: ports merged per pair, identical rules on a shared NSG once, a deny and a probe Allow per created NSG', () => {
    const flows = [
      flow('clients', 'ca', 'tcp', [135, 135]), flow('clients', 'ca', 'tcp', [49152, 65535]), // 1: ca in (one TCP rule)
      flow('clients', 'ca', 'udp', [88, 88]),                                                  // 1: ca in (UDP)
      flow('clients', 'ces', 'tcp', [443, 443]), flow('clients', 'cep', 'tcp', [443, 443]),    // 1: web in (same content)
      flow('ces', 'ca', 'tcp', [135, 135]),                                                    // 2: ca in, web out
      flow('cep', 'dc', 'tcp', [389, 389]), flow('ces', 'dc', 'tcp', [389, 389]),              // 2: web out (once), dc in (once)
    ];
    // THEN 1 + 1 + 1 + 2 + 2 allows, plus the deny and the AzureLoadBalancer Allow of the ca and
    // web NSGs (dc's existing NSG has none)
    assert.equal(minimumAzureRules(estate, flows, true), 11);
    assert.equal(minimumAzureRules(estate, flows, false), 7);
    // One rule per tier pair instead (identical rules not merged): web in twice, web out for ces and cep, dc in twice
    assert.equal(minimumAzureRules(estate, flows, true, false), 14);
  });

  it('keeps two rules when a shared NSG\'s pairs differ in ports', () => {
    const flows = [flow('clients', 'ces', 'tcp', [443, 443]), flow('clients', 'cep', 'tcp', [80, 80], [443, 443])];
    assert.equal(minimumAzureRules(estate, flows, false), 2);
  });
});

describe('rule-count oracle: AWS', () => {
  const estate: MinimumEstate = {
    tiers: {
      // Two aligned halves (one /24 once aggregated) and a separate /24: two CIDR peers.
      clients: { cidrs: ['10.0.0.0/25', '10.0.0.128/25', '10.0.2.0/24'], enforcement: NONE },
      ca: { cidrs: ['10.50.1.0/28'], enforcement: { kind: 'awsCreateGroup' } },
      ces: { cidrs: ['10.50.2.0/27'], enforcement: { kind: 'awsCreateGroup' } },
      dc: { cidrs: ['10.50.0.0/26'], enforcement: { kind: 'awsExistingGroup', securityGroupId: 'sg-0123456789abcdef0' } },
    },
  };

  it('counts a hand-computed estate: one rule per group, direction, peer, protocol and maximal contiguous range', () => {
    const flows = [
      flow('clients', 'ca', 'tcp', [135, 135], [136, 140]), // touching: one range 135-140
      flow('clients', 'ca', 'tcp', [445, 445]),             // another range
      flow('clients', 'ca', 'udp', [88, 88]),               // another protocol
      flow('ces', 'ca', 'tcp', [135, 135]), flow('ces', 'dc', 'tcp', [88, 88]), flow('ces', 'dc', 'udp', [88, 88]),
    ];
    const counts = minimumAwsRuleCounts(estate, flows, false);
    // ca ingress: (135-140, 445, UDP 88) × 2 client blocks = 6, plus group ces TCP 135 = 7
    assert.equal(counts.get('created:ca ingress'), 7);
    // ces egress: group ca TCP 135, group dc TCP 88, group dc UDP 88
    assert.equal(counts.get('created:ces egress'), 3);
    assert.equal(counts.get('existing:sg-0123456789abcdef0 ingress'), 2);
    assert.equal(minimumAwsRules(estate, flows, false), 12);
    // allow-all egress adds one rule per created group (ca, ces), none on the existing one
    assert.equal(minimumAwsRules(estate, flows, true), 14);
    // Under rule identity (one rule per declared CIDR, not aggregated): the two /25 halves are two peers
    assert.equal(minimumAwsRuleCounts(estate, flows, false, false).get('created:ca ingress'), 10);
    assert.equal(minimumAwsRules(estate, flows, false, false), 15);
  });
});

describe('rule-count oracle: the most client CIDRs an AWS site holds under its quota', () => {
  // GIVEN a site with n separate client /24s: each adds the same rules to its busiest group and
  // direction (the DCs' ingress), which so needs base + perCidr·n rules
  const props = (n: number, ruleQuota = 60): EstateProps => ({
    name: 'quota', platform: Platform.AWS, aws: { vpcId: 'vpc-0a1b2c3d4e5f67890', ruleQuota },
    tiers: {
      clients: { cidrs: Array.from({ length: n }, (_, i) => `10.${100 + i}.0.0/24`) },
      ca: { cidrs: ['10.50.1.0/28'], createSecurityGroup: true },
      dc: { cidrs: ['10.50.0.0/26'], securityGroupId: 'sg-0123456789abcdef0' },
    },
  });
  const busiest = (n: number): number => {
    const { estate } = resolveSpec(props(n), 'quota');
    return Math.max(...minimumAwsRuleCounts(estate, flowsOf(estate), false, false).values());
  };

  it('is the largest n with base + perCidr·n within the quota, or the cap when everything fits', () => {
    const perCidr = busiest(2) - busiest(1);
    const base = busiest(1) - perCidr;
    assert.ok(perCidr > 0 && busiest(5) === base + 5 * perCidr, 'one client CIDR adds the same rules each time');
    // WHEN searched up to 100  THEN floor((60 - base) / perCidr), and never more than the cap
    assert.equal(largestFittingAwsCidrs(100, (n) => props(n)), Math.floor((60 - base) / perCidr));
    assert.equal(largestFittingAwsCidrs(3, (n) => props(n)), 3);
    // AND the quota is the spec's own
    assert.equal(largestFittingAwsCidrs(100, (n) => props(n, 1000)), Math.min(100, Math.floor((1000 - base) / perCidr)));
  });
});
