import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PlannedAwsRule } from '../../../lib/platforms/aws/planner';
import { isAwsText } from '../../../lib/platforms/aws/text';
import { EstateProps } from '../../../lib/input/props';
import { tiersProps } from '../../support/fixtures';
import { mergeIntervals, oracleFlows, OracleSpec } from '../../support/oracle';
import { AWS, DC_SG, modernAws, planOf, richAws, WEB_SG, withTier } from './support/estates';

const rulesOn = (rules: readonly PlannedAwsRule[], group: string, direction: 'ingress' | 'egress'): PlannedAwsRule[] =>
  rules.filter((r) => r.groupKey === group && r.direction === direction);
const line = (r: PlannedAwsRule): string =>
  `${r.protocol} ${r.fromPort === r.toPort ? r.fromPort : `${r.fromPort}-${r.toPort}`} ${r.peer.kind === 'group' ? `group:${r.peer.groupKey}` : r.peer.cidr}`;

/**
 * The fewest rules AWS needs, computed independently of lib/aws: per (group, direction, peer,
 * protocol) a bitmap of the oracle flows' ports, counted in maximal runs.
 */
function minimumRules(props: EstateProps): number {
  const tiers = props.tiers as unknown as Record<string, { cidrs: string[]; createSecurityGroup?: boolean; securityGroupId?: string }>;
  const group = (t: string): string | undefined => (tiers[t].createSecurityGroup ? `c:${t}` : tiers[t].securityGroupId);
  const peers = (t: string): string[] => (group(t) ? [group(t)!] : [...new Set<string>(tiers[t].cidrs)]);
  const maps = new Map<string, Uint8Array>();
  for (const [key, ivs] of oracleFlows(props as unknown as OracleSpec)) {
    const [, from, to, protocol] = key.split('|');
    const ends: [string | undefined, string, string][] = [[group(to), 'in', from], [group(from), 'out', to]];
    for (const [g, dir, other] of ends) {
      if (!g) continue;
      for (const peer of peers(other)) {
        const k = `${g}|${dir}|${peer}|${protocol}`;
        const map = maps.get(k) ?? new Uint8Array(65537);
        for (const [a, b] of ivs) map.fill(1, a, b + 1);
        maps.set(k, map);
      }
    }
  }
  let n = 0;
  for (const map of maps.values()) for (let p = 0; p <= 65535; p++) if (map[p] === 1 && map[p + 1] !== 1) n++;
  return n;
}

describe('planAws', () => {
  it('peers: the other tier\'s group when it has one, else each of its CIDRs', () => {
    // GIVEN CA, CES, CEP on created groups, DCs on an existing group, clients by CIDR
    const p = planOf(modernAws());
    // THEN the CA admits the clients by CIDR, CES and the DCs (enrolling) by group; the DCs admit the CA by group
    assert.deepEqual(rulesOn(p.rules, 'ca', 'ingress').map(line), [
      'tcp 135 group:ces', 'tcp 49152-65535 group:ces',
      `tcp 135 group:${DC_SG}`, `tcp 49152-65535 group:${DC_SG}`,
      'tcp 135 10.20.0.0/16', 'tcp 49152-65535 10.20.0.0/16', 'tcp 135 172.16.8.0/22', 'tcp 49152-65535 172.16.8.0/22',
    ]);
    assert.ok(rulesOn(p.rules, DC_SG, 'ingress').some((r) => line(r) === 'tcp 88 group:ca'));
    // AND the CA's egress to the DCs references the existing group by its key (the id)
    assert.ok(rulesOn(p.rules, 'ca', 'egress').every((r) => r.peer.kind === 'group' && r.peer.groupKey === DC_SG));
    // AND no rule is on the clients, who have no group
    assert.equal(p.byTier.clients, undefined);
    assert.deepEqual(p.groups.map((g) => g.key), ['ca', 'cep', 'ces', DC_SG]);
  });

  it('keeps one rule per declared CIDR: adjacent blocks are not aggregated (identity stays per CIDR)', () => {
    // GIVEN two blocks that would form a /15, and two adjacent blocks that do not align
    const p = planOf(withTier(modernAws({ aws: { ...AWS, ruleQuota: 100 } }), 'clients', { cidrs: ['10.20.0.0/16', '10.21.0.0/16', '10.23.0.0/16', '10.24.0.0/16'] }));
    const peers = [...new Set(rulesOn(p.rules, 'ces', 'ingress').map((r) => (r.peer.kind === 'cidr' ? r.peer.cidr : '')))];
    // THEN every declared block is its own peer, none widened
    assert.deepEqual(peers, ['10.20.0.0/16', '10.21.0.0/16', '10.23.0.0/16', '10.24.0.0/16']);
  });

  it('merges the ranges of every flow sharing group, direction, peer and protocol into maximal ranges', () => {
    // GIVEN a legacy CA (135 + 1024-65535) and custom flows that fill the gap and touch each other
    const p = planOf(modernAws({
      osGeneration: 'legacy',
      customFlows: [
        { name: 'gap', from: 'ces', to: 'ca', protocol: 'tcp', ports: ['136-1023'], purpose: 'fills the gap' },
        { name: 'a', from: 'clients', to: 'ces', protocol: 'tcp', ports: ['5000-5100'], purpose: 'a' },
        { name: 'b', from: 'clients', to: 'ces', protocol: 'tcp', ports: ['5101-5200'], purpose: 'b' },
      ],
    }));
    // THEN CES→CA is one rule 135-65535 carrying both flows
    const fromCes = rulesOn(p.rules, 'ca', 'ingress').filter((r) => r.peer.kind === 'group' && r.peer.groupKey === 'ces');
    assert.deepEqual(fromCes.map(line), ['tcp 135-65535 group:ces']);
    assert.deepEqual(fromCes[0].flows, ['ces-dcom', 'custom:gap']);
    // AND the touching custom ranges become 5000-5200, next to 443
    assert.deepEqual(rulesOn(p.rules, 'ces', 'ingress').filter((r) => r.peer.kind === 'cidr' && r.peer.cidr === '10.20.0.0/16').map(line),
      ['tcp 443 10.20.0.0/16', 'tcp 5000-5200 10.20.0.0/16']);
  });

  it('writes each rule once on a shared group, and both directions for a flow inside one group', () => {
    // GIVEN CES and CEP on one existing group, with a custom flow from CES to CEP
    const shared = { securityGroupId: WEB_SG };
    const p = planOf(modernAws({
      tiers: { ...modernAws().tiers, ces: { cidrs: ['10.50.2.0/27'], ...shared }, cep: { cidrs: ['10.50.2.0/27'], ...shared } },
      customFlows: [{ name: 'sync', from: 'ces', to: 'cep', protocol: 'tcp', ports: ['8443'], purpose: 'inside' }],
    }));
    // THEN clients→ces and clients→cep on 443 are one rule per client CIDR carrying both flows
    const https = rulesOn(p.rules, WEB_SG, 'ingress').filter((r) => r.fromPort === 443);
    assert.deepEqual(https.map(line), ['tcp 443 10.20.0.0/16', 'tcp 443 172.16.8.0/22']);
    assert.deepEqual(https[0].flows, ['cep-https', 'ces-https']);
    // AND the directory rules toward the DCs are written once for both tiers
    const toDc = rulesOn(p.rules, WEB_SG, 'egress').filter((r) => r.peer.kind === 'group' && r.peer.groupKey === DC_SG);
    assert.equal(toDc.length, 10);
    assert.ok(toDc.every((r) => r.description.includes('directory (ces, cep to dc)')), toDc[0].description);
    // AND the flow inside the group is an ingress and an egress on the group, referencing itself
    const self = p.rules.filter((r) => r.fromPort === 8443);
    assert.deepEqual(self.map((r) => `${r.direction} ${line(r)}`), [`ingress tcp 8443 group:${WEB_SG}`, `egress tcp 8443 group:${WEB_SG}`]);
    // AND no two rules are the same (AWS refuses duplicates at apply)
    const keys = p.rules.map((r) => `${r.groupKey} ${r.direction} ${line(r)}`);
    assert.equal(new Set(keys).size, keys.length);
  });

  it('writes the fewest rules: one per group, direction, peer, protocol and maximal range', () => {
    for (const props of [modernAws(), richAws(), modernAws({ osGeneration: 'legacy', dcomPort: 10509 })]) {
      // GIVEN an estate  WHEN planned  THEN the rule count is the independently computed minimum
      const p = planOf(props);
      assert.equal(p.rules.filter((r) => r.protocol !== 'all').length, minimumRules(props));
      // AND counts are what AWS counts, per group and direction
      for (const c of p.counts) assert.equal(c.count, rulesOn(p.rules, c.groupKey, c.direction).length);
      // AND within one group, direction, peer and protocol no two ranges overlap or touch
      const byBucket = new Map<string, [number, number][]>();
      for (const r of p.rules) {
        const k = `${r.groupKey}|${r.direction}|${JSON.stringify(r.peer)}|${r.protocol}`;
        byBucket.set(k, [...(byBucket.get(k) ?? []), [r.fromPort!, r.toPort!]]);
      }
      for (const ivs of byBucket.values()) assert.equal(mergeIntervals(ivs).length, ivs.length);
    }
  });

  it('describes every rule in AWS\'s character set, at most 255 characters, naming its flows', () => {
    // GIVEN the rich estate, and one with 40 custom flows merged into one range
    const many = modernAws({ customFlows: Array.from({ length: 40 }, (_, i) => ({
      name: `monitoring-agent-${i}`, from: 'clients', to: 'ca', protocol: 'tcp', ports: [String(20000 + i)], purpose: 'p' })) });
    for (const p of [planOf(richAws()), planOf(many)]) {
      for (const r of p.rules) {
        // THEN each description is valid AWS text and names every flow it carries (or says how many more)
        assert.ok(isAwsText(r.description), r.description);
        assert.ok(r.description.length <= 255);
        const named = r.flows.filter((f) => r.description.includes(`${f} (`));
        const more = /\+(\d+) more$/.exec(r.description);
        assert.equal(named.length + (more ? Number(more[1]) : 0) >= r.flows.length, true, r.description);
        assert.ok(r.flows.length > 0, r.id);
      }
    }
    const merged = planOf(many).rules.find((r) => r.fromPort === 20000)!;
    assert.equal(merged.toPort, 20039);
    assert.equal(merged.flows.length, 40);
    assert.match(merged.description, /^adcs-firewall pki: custom:monitoring-agent-0 \(clients to ca\), .* \+\d+ more$/);
    // AND a rule of the rich estate reads as expected
    const rdp = planOf(richAws()).rules.find((r) => r.groupKey === 'ca' && r.fromPort === 3389)!;
    assert.equal(rdp.description, 'adcs-firewall pki: custom:rdp-paw (admins to ca)');
  });

  it('gives created groups no egress but their flows unless allowAllEgress, then one -1 rule each', () => {
    // GIVEN the rich estate (the CDP group is only ever a destination)
    const plain = planOf(richAws());
    // THEN there is no allow-all rule and the CDP group has no egress at all
    assert.equal(plain.rules.filter((r) => r.protocol === 'all').length, 0);
    assert.equal(rulesOn(plain.rules, 'cdp', 'egress').length, 0);
    // WHEN allowAllEgress is set  THEN each created group gets exactly one, existing groups none
    const all = planOf(richAws({ aws: { ...AWS, ruleQuota: 200, allowAllEgress: true } }));
    const allEgress = all.rules.filter((r) => r.protocol === 'all');
    assert.deepEqual(allEgress.map((r) => r.id), ['ca-out-all', 'cdp-out-all', 'ces-out-all', 'ocsp-out-all']);
    assert.ok(allEgress.every((r) => r.direction === 'egress' && r.peer.kind === 'cidr' && r.peer.cidr === '0.0.0.0/0'));
    assert.match(allEgress[0].description, /requested by aws\.allowAllEgress/);
    // AND every other rule is unchanged
    assert.deepEqual(all.rules.filter((r) => r.protocol !== 'all'), plain.rules);
  });

  it('names, describes and tags created groups after the tier', () => {
    const p = planOf(richAws());
    const ca = p.byTier.ca!;
    const ces = p.byTier.ces!;
    assert.ok(ca.kind === 'created' && ces.kind === 'created');
    // THEN default and given names, descriptions naming the tier, user tags plus the library's
    assert.equal(ca.name, 'pki-ca');
    assert.equal(ces.name, 'pki-enrollment-web');
    assert.equal(ca.description, 'adcs-firewall pki: AD CS tier ca, enterprise issuing certification authorities');
    assert.ok(isAwsText(ces.description));
    assert.deepEqual(ca.tags, { owner: 'pki-team', environment: 'test', Name: 'pki-ca', 'adcs-firewall:estate': 'pki', 'adcs-firewall:tier': 'ca' });
    // AND the two tiers on WEB_SG are one existing group; the outputs are per created group
    assert.equal(p.byTier.webEnrollment, p.byTier.ndes);
    assert.deepEqual(p.byTier.ndes!.tiers, ['webEnrollment', 'ndes']);
    assert.deepEqual(p.outputs.map((o) => o.id), ['ca-security-group-id', 'cdp-security-group-id', 'ces-security-group-id', 'ocsp-security-group-id']);
  });

  it('does not depend on input order', () => {
    // GIVEN the rich estate with CIDRs, tiers and custom flows listed in reverse
    const base = richAws();
    const tiers = Object.fromEntries(Object.entries(base.tiers).reverse().map(([k, t]) => [k, { ...t, cidrs: [...t!.cidrs].reverse() }]));
    const reversed = { ...base, tiers: tiersProps(tiers), customFlows: [...base.customFlows!].reverse() };
    // THEN the plans are equal
    assert.deepEqual(planOf(reversed), planOf(base));
  });

  it('warns when it writes egress rules to an existing group', () => {
    // GIVEN a custom flow out of the DCs' existing group
    const p = planOf(modernAws({ customFlows: [{ name: 'ntp', from: 'dc', to: 'ca', protocol: 'udp', ports: ['123'], purpose: 'p' }] }));
    // THEN the plan warns that an allow-all egress rule on that group would make it moot
    assert.deepEqual(p.warnings.map((w) => [w.ruleId, w.path]), [['ADCS-W201', 'tiers.dc.securityGroupId']]);
    assert.match(p.warnings[0].message, new RegExp(`${DC_SG}.*allow-all egress`));
    assert.deepEqual(planOf(modernAws({ dcEnrollment: false })).warnings, []);
    // AND the DCs enrolling with the CA (dc-enroll-dcom, on by default) is such egress too
    assert.deepEqual(planOf(modernAws()).warnings.map((w) => w.ruleId), ['ADCS-W201']);
  });
});
