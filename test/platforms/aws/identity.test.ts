import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EstateProps } from '../../../lib/input/props';
import { flowProps } from '../../support/fixtures';
import { AWS, DC_SG, modernAws, synthAws, withTier } from './support/estates';

type Flat = Map<string, string>;

/** Every resource and output of a synth, `type.name` → its JSON. */
function flat(props: EstateProps): Flat {
  const { json } = synthAws(props);
  const out: Flat = new Map();
  for (const [type, byName] of Object.entries<Record<string, unknown>>(json.resource)) {
    for (const [name, body] of Object.entries(byName)) out.set(`${type}.${name}`, JSON.stringify(body));
  }
  for (const [name, body] of Object.entries(json.output ?? {})) out.set(`output.${name}`, JSON.stringify(body));
  return out;
}

/** Addresses of `before` that are gone or changed in `after`. */
function changed(before: Flat, after: Flat): string[] {
  return [...before].filter(([a, body]) => after.get(a) !== body).map(([a]) => a);
}
/** Like `changed`, with descriptions (an in-place update on AWS) left out of the comparison. */
function changedBeyondDescription(before: Flat, after: Flat): string[] {
  const strip = (body: string | undefined): string | undefined => (body === undefined ? undefined : JSON.stringify({ ...JSON.parse(body), description: undefined }));
  return [...before].filter(([a, body]) => strip(after.get(a)) !== strip(body)).map(([a]) => a);
}
const added = (before: Flat, after: Flat): string[] => [...after.keys()].filter((a) => !before.has(a));

const BASE = modernAws({ aws: { ...AWS, ruleQuota: 100 } });

describe('AWS identity stability', () => {
  it('adding a CIDR to the clients keeps every existing address and its content; it only adds rules for that CIDR', () => {
    // GIVEN the base estate  WHEN the clients get a third, non-adjacent CIDR
    const before = flat(BASE);
    const after = flat(withTier(BASE, 'clients', { cidrs: ['10.20.0.0/16', '172.16.8.0/22', '192.168.50.0/24'] }));
    // THEN nothing existing changes and every new resource is a rule whose peer is the new CIDR
    assert.deepEqual(changed(before, after), []);
    const extra = added(before, after);
    // by hand: the new CIDR's rules to ca (135, 49152-65535), ces (443), cep (443) and dc (DIRECTORY, 10)
    assert.equal(extra.length, 14, extra.join('\n'));
    assert.ok(extra.every((a) => a.includes('-in-cidr-192-168-50-0_24-')), extra.join('\n'));
  });

  it('adding a tier with a created group only adds its group, output and rules', () => {
    // GIVEN the base estate  WHEN an OCSP tier with its own group and a CDP tier by CIDR appear
    const before = flat(BASE);
    const after = flat(withTier(withTier(BASE, 'ocsp', { cidrs: ['10.50.6.0/28'], createSecurityGroup: true }), 'cdp', { cidrs: ['10.50.7.0/28'] }));
    // THEN nothing existing changes; the new resources are the OCSP group, its output, and rules on it or toward it or the CDP
    assert.deepEqual(changed(before, after), []);
    const extra = added(before, after);
    assert.ok(extra.some((a) => a.startsWith('aws_security_group.adcs_aws_ocsp-security-group_')));
    assert.ok(extra.some((a) => a.startsWith('output.adcs_aws_ocsp-security-group-id_')));
    assert.ok(extra.every((a) => /ocsp|cidr-10-50-7-0_28/.test(a)), extra.join('\n'));
  });

  it('the account forest\'s DCs (accountDc, v2.1) on an existing group of another team only add their rules', () => {
    // GIVEN the base estate  WHEN accountDc joins on its own existing security group
    const before = flat(BASE);
    const after = flat(withTier(BASE, 'accountDc', { cidrs: ['10.80.0.0/24'], securityGroupId: 'sg-0aaaaaaaaaaaaaaaa' }));
    // THEN nothing existing changes beyond descriptions (a CA rule toward the DCs' group gains no port)
    assert.deepEqual(changedBeyondDescription(before, after), []);
    // AND every new resource is a rule on that group, or on the CA, CES and CEP groups toward it
    const extra = added(before, after).map((a) => a.replace(/_[0-9A-F]{8}$/, '').replace(/^aws_vpc_security_group_(in|e)gress_rule\.adcs_aws_/, ''));
    assert.equal(extra.length, 70);
    assert.ok(extra.every((a) => a.startsWith('sg-0aaaaaaaaaaaaaaaa-') || /^(ca|ces|cep)-(in|out)-sg-0aaaaaaaaaaaaaaaa-/.test(a)), extra.join('\n'));
    // AND the DCOM of its enrollment reaches the CA's group from that group
    assert.ok(extra.includes('ca-in-sg-0aaaaaaaaaaaaaaaa-tcp-135') && extra.includes('ca-in-sg-0aaaaaaaaaaaaaaaa-tcp-49152-65535'), extra.join('\n'));
  });

  it('a tier joining an existing group keeps every address', () => {
    // GIVEN the base estate  WHEN a tier on the DC hosts joins the DCs' existing group
    const before = flat(BASE);
    const dcCidrs = (BASE.tiers.dc as { cidrs: string[] }).cidrs;
    const after = flat(withTier(BASE, 'ocsp', { cidrs: dcCidrs, securityGroupId: DC_SG }));
    // THEN every address stays and nothing but descriptions changes: the group's key is its id,
    // not its tiers (the DC group's rules toward the CA now also carry ocsp-dcom, and say so)
    assert.deepEqual(changedBeyondDescription(before, after), []);
    assert.deepEqual(changed(before, after).filter((a) => !/sg-0123456789abcdef0-out-ca-|ca-in-sg-0123456789abcdef0-/.test(a)), []);
    // AND what ocsp brings is added: clients -> ocsp TCP 80 per client CIDR (2) on the group, and its
    // directory flow to the DCs inside the one group, an ingress and an egress per DIRECTORY rule (10 + 10);
    // ocsp -> ca rides on the DCs' existing 135 and 49152-65535 rules
    assert.equal(added(before, after).length, 22, added(before, after).join('\n'));
  });

  it('turning allowAllEgress on only adds one rule per created group', () => {
    const before = flat(BASE);
    const after = flat(modernAws({ aws: { ...AWS, ruleQuota: 100, allowAllEgress: true } }));
    assert.deepEqual(changed(before, after), []);
    assert.deepEqual(added(before, after).map((a) => a.replace(/_[0-9A-F]{8}$/, '')).sort(), [
      'aws_vpc_security_group_egress_rule.adcs_aws_ca-out-all',
      'aws_vpc_security_group_egress_rule.adcs_aws_cep-out-all',
      'aws_vpc_security_group_egress_rule.adcs_aws_ces-out-all',
    ]);
  });

  it('a new flow touching a merged range replaces only that range\'s rules (documented)', () => {
    // GIVEN the base estate  WHEN a custom flow opens TCP 136-140 from the clients to the CA (touching 135)
    const before = flat(BASE);
    const after = flat({ ...BASE, customFlows: [flowProps({ name: 'touch', from: 'clients', to: 'ca', protocol: 'tcp', ports: ['136-140'], purpose: 'p' })] });
    // THEN exactly the clients→CA rules on 135 are replaced (by 135-140), one per client CIDR
    assert.deepEqual(changed(before, after).map((a) => a.replace(/_[0-9A-F]{8}$/, '')).sort(), [
      'aws_vpc_security_group_ingress_rule.adcs_aws_ca-in-cidr-10-20-0-0_16-tcp-135',
      'aws_vpc_security_group_ingress_rule.adcs_aws_ca-in-cidr-172-16-8-0_22-tcp-135',
    ]);
    assert.deepEqual(added(before, after).map((a) => a.replace(/_[0-9A-F]{8}$/, '')).sort(), [
      'aws_vpc_security_group_ingress_rule.adcs_aws_ca-in-cidr-10-20-0-0_16-tcp-135-140',
      'aws_vpc_security_group_ingress_rule.adcs_aws_ca-in-cidr-172-16-8-0_22-tcp-135-140',
    ]);
  });
});

describe('AWS identity when a neighbouring CIDR is added', () => {
  it('adding 10.20.128.0/17 next to 10.20.0.0/17 only adds rules (no aggregation into a /16)', () => {
    const one = withTier(BASE, 'clients', { cidrs: ['10.20.0.0/17'] });
    const two = withTier(BASE, 'clients', { cidrs: ['10.20.0.0/17', '10.20.128.0/17'] });
    const before = flat(one);
    const after = flat(two);
    assert.deepEqual(changed(before, after), []);
    assert.ok(added(before, after).every((a) => a.includes('cidr-10-20-128-0_17')), added(before, after).join('\n'));
  });
});
