import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Testing, TerraformStack } from 'cdktf';
import { AdcsEnrollmentSecurity } from '../../../lib/cdktf/adcs-enrollment-security';
import { AdcsInputError } from '../../../lib/errors';
import { AZURE, richAzure, subnet, synthEstate } from '../../support/estates';
import { expectGolden } from '../../support/golden';

const GOLDEN = join(__dirname, '..', '..', '..', '..', 'test', 'platforms', 'azure', 'golden');

/** Rules of a synthesized stack, by Terraform name. */
const rulesOf = (json: any): Record<string, any> => json.resource.azurerm_network_security_rule ?? {};

describe('Azure synth', () => {
  it('matches the golden file (regenerate with UPDATE_GOLDEN=1 npm test)', () => {
    // GIVEN the rich estate  WHEN synthesized
    const { text } = synthEstate(richAzure());
    // THEN the output is byte-identical to the reviewed golden file (a missing one fails)
    expectGolden(join(GOLDEN, 'rich.tf.json'), text);
  });

  it('writes separate rule resources only, never inline security_rule blocks', () => {
    const { json } = synthEstate(richAzure());
    for (const nsg of Object.values(json.resource.azurerm_network_security_group) as any[]) {
      assert.equal(nsg.security_rule, undefined);
    }
    // AND exactly the rules counted by hand from the catalogue for the rich estate (v2.1 rows):
    // 35 (from, to, protocol) pairs of flows, every destination with an NSG, so 35 inbound allows
    // (7 pairs into ca, 1 each into ces, cep, webEnrollment, ndes, 2 into ocsp and 6 into cdp (v2.1
    // adds admins to ocsp-http and cdp-http), 8 tiers x TCP+UDP into dc); 21 outbound allows where the source has an NSG
    // (5 into ca, 4 into cdp, 6 tiers x 2 into dc); and per deny-by-default NSG (six created,
    // plus the existing nsg-ocsp that asks) one Deny and one AzureLoadBalancer probe Allow
    const kinds = new Map<string, number>();
    for (const r of Object.values(rulesOf(json)) as any[]) {
      const k = `${r.direction} ${r.access}${r.source_address_prefix === 'AzureLoadBalancer' ? ' probe' : ''}`;
      kinds.set(k, (kinds.get(k) ?? 0) + 1);
    }
    assert.deepEqual(Object.fromEntries([...kinds].sort()), { 'Inbound Allow': 35, 'Inbound Allow probe': 7, 'Inbound Deny': 7, 'Outbound Allow': 21 });
    assert.equal(Object.keys(rulesOf(json)).length, 70);
  });

  it('associates each created NSG with each subnet of its tier, shared subnets once', () => {
    const { json } = synthEstate(richAzure());
    const assoc = Object.values(json.resource.azurerm_subnet_network_security_group_association) as any[];
    assert.deepEqual(assoc.map((a) => a.subnet_id).sort(),
      ['ca', 'cdp', 'dc', 'ndes', 'web', 'webenroll'].map(subnet).sort());
    // ces and cep share snet web: one NSG for both
    const names = (Object.values(json.resource.azurerm_network_security_group) as any[]).map((n) => n.name).sort();
    assert.deepEqual(names, ['pki-ca-nsg', 'pki-cdp-nsg', 'pki-ces-nsg', 'pki-dc-nsg', 'pki-ndes-nsg', 'pki-webEnrollment-nsg']);
  });

  it('puts inbound rules at the destination and outbound rules at the source, with the catalogue ports', () => {
    const rules = rulesOf(synthEstate(richAzure()).json);
    const inCa = Object.entries(rules).find(([k]) => k.includes('_pki-ca-nsg-in-clients-ca-tcp'))![1];
    assert.equal(inCa.direction, 'Inbound');
    assert.equal(inCa.access, 'Allow');
    assert.deepEqual(inCa.destination_port_ranges, ['135', '49152-65535']);
    assert.deepEqual(inCa.source_address_prefix, '10.20.0.0/15', 'adjacent client /16s merged exactly');
    assert.equal(inCa.destination_address_prefix, '10.0.1.0/24');
    assert.match(inCa.description, /enroll-dcom/);
    const outCes = Object.entries(rules).find(([k]) => k.includes('_pki-ces-nsg-out-ces-ca-tcp'))![1];
    assert.equal(outCes.direction, 'Outbound');
    assert.match(outCes.network_security_group_name, /pki-ces-nsg/);
  });

  it('adds rules to an existing NSG by name, with no deny unless asked', () => {
    const props = richAzure();
    const { json } = synthEstate({ ...props, tiers: { ...props.tiers, ocsp: { cidrs: ['10.0.6.0/24'], networkSecurityGroup: { name: 'nsg-ocsp', resourceGroupName: 'rg-net' } } } });
    const onOcsp = Object.values(rulesOf(json)).filter((r: any) => r.network_security_group_name === 'nsg-ocsp') as any[];
    // the ocsp tier's flows (catalogue v2.1): clients and admins -> ocsp TCP 80 in; ocsp -> ca (ocsp-dcom), ocsp -> cdp
    // (ocsp-crl) and ocsp -> dc (directory, TCP and UDP) out; no deny nor probe rule (denyByDefault unset)
    assert.deepEqual(onOcsp.map((r) => r.name).sort(),
      ['pki-in-admins-to-ocsp-tcp', 'pki-in-clients-to-ocsp-tcp', 'pki-out-ocsp-to-ca-tcp', 'pki-out-ocsp-to-cdp-tcp', 'pki-out-ocsp-to-dc-tcp', 'pki-out-ocsp-to-dc-udp']);
    assert.ok(onOcsp.every((r) => r.resource_group_name === 'rg-net' && r.access === 'Allow'));
  });

  it('ends every created NSG with a Deny from VirtualNetwork at the window end, and warns on the DCs', () => {
    const { json, adcs } = synthEstate(richAzure());
    const denies = Object.values(rulesOf(json)).filter((r: any) => r.access === 'Deny') as any[];
    assert.equal(denies.length, 7, 'six created NSGs plus the existing one that asked');
    for (const d of denies) {
      assert.equal(d.source_address_prefix, 'VirtualNetwork');
      assert.equal(d.priority, 4096);
      assert.equal(d.direction, 'Inbound');
    }
    assert.ok(adcs.azure!.plan.warnings.some((w) => w.ruleId === 'ADCS-W102'));
  });

  it('omits the deny when denyByDefault is false', () => {
    const { json } = synthEstate(richAzure({ azure: { ...AZURE, denyByDefault: false } }));
    const denies = Object.values(rulesOf(json)).filter((r: any) => r.access === 'Deny');
    assert.equal(denies.length, 1, 'only the existing NSG that asked for one');
  });

  it('keeps priorities unique per NSG and direction, inside the window', () => {
    const { json } = synthEstate(richAzure({ azure: { ...AZURE, priorityRange: '200-999' } }));
    const seen = new Set<string>();
    for (const r of Object.values(rulesOf(json)) as any[]) {
      const k = `${r.network_security_group_name} ${r.direction} ${r.priority}`;
      assert.ok(!seen.has(k), `duplicate ${k}`);
      seen.add(k);
      if (r.network_security_group_name !== 'nsg-ocsp') assert.ok(r.priority >= 200 && r.priority <= 999, `${r.name} ${r.priority}`);
    }
  });

  it('never emits an Allow from *, Any, Internet or 0.0.0.0/0, and describes every rule within 140 characters', () => {
    for (const r of Object.values(rulesOf(synthEstate(richAzure({ dcomPort: 10509, domainMemberFlows: true })).json)) as any[]) {
      const sources = [r.source_address_prefix, ...(r.source_address_prefixes ?? [])].filter(Boolean);
      if (r.access === 'Allow' && r.source_address_prefix === 'AzureLoadBalancer') {
        // the health-probe Allow before the deny: all ports from the probe address only
        assert.equal(r.priority, 4095);
      } else if (r.access === 'Allow') {
        for (const s of sources) assert.ok(!['*', 'Any', 'Internet', '0.0.0.0/0', 'VirtualNetwork'].includes(s), `${r.name} source ${s}`);
        assert.notEqual(r.destination_port_range, '*');
      }
      assert.ok(r.description.length <= 140, r.description);
      // AND a flow rule's description names its own tier pair and protocol, then its flows
      const pair = /^pki-(?:in|out)-(\w+)-to-(\w+)-(tcp|udp|icmp)$/.exec(r.name);
      if (pair) assert.match(r.description, new RegExp(`^AD CS ${pair[1]} to ${pair[2]} ${pair[3].toUpperCase()}: [a-z]`), r.name);
    }
  });

  it('is deterministic: two synths are byte-identical', () => {
    assert.equal(synthEstate(richAzure()).text, synthEstate(richAzure()).text);
  });

  it('creates no provider: the user brings their own', () => {
    assert.equal(synthEstate(richAzure()).json.provider, undefined);
  });

  it('throws on a window too small to hold the priorities, naming the NSG and the fix', () => {
    assert.throws(() => synthEstate(richAzure({ azure: { ...AZURE, priorityRange: '100-110' } })),
      (e: unknown) => e instanceof AdcsInputError && /NSG pki-\w+-nsg: .* both need priority \d+ .* widen the priority range/.test(e.message));
  });

  it('throws past 4,000 source addresses in one NSG', () => {
    const cidrs = Array.from({ length: 4100 }, (_, i) => `10.${64 + Math.floor(i / 128)}.${(i % 128) * 2}.0/24`);
    assert.throws(() => synthEstate(richAzure({ tiers: { ...richAzure().tiers, clients: { cidrs } } })),
      /NSG pki-ca-nsg would hold \d+ source addresses over its rules; Azure allows 4000/);
  });

  it('refuses an estate without a platform, naming the prop', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 's');
    const { platform: _p, azure: _a, ...rest } = richAzure();
    const noPlatform = { ...rest, tiers: { clients: { cidrs: ['10.20.0.0/16'] }, ca: { cidrs: ['10.0.1.0/24'] }, dc: { cidrs: ['10.0.0.0/24'] } }, crlPublishing: undefined, ndesHttp: undefined, customFlows: undefined };
    assert.throws(() => new AdcsEnrollmentSecurity(stack, 'adcs', noPlatform), /s\/adcs: platform: "platform" is required/);
  });
});

describe('Azure whole-stack validation', () => {
  /** A site whose DC tier is on the identity team's NSG, in the given priority window. */
  const site = (name: string, window: string) => richAzure({ name, tiers: { ...richAzure().tiers,
    dc: { cidrs: ['10.0.0.0/24'], networkSecurityGroup: { name: 'nsg-dc', resourceGroupName: 'rg-id', priorityRange: window } },
    ocsp: { cidrs: ['10.0.6.0/24'] } } });

  it('refuses two estates writing the same priorities and names into one existing NSG', () => {
    // GIVEN two sites whose DC tiers share the identity team's NSG with the same window
    const app = Testing.app({ stackTraces: false });
    const stack = new TerraformStack(app, 'sites');
    new AdcsEnrollmentSecurity(stack, 'weu', site('weu', '3000-3499'));
    new AdcsEnrollmentSecurity(stack, 'neu', site('neu', '3000-3499'));
    // WHEN validated  THEN the clash is reported with both constructs and the fix
    const errors = stack.node.validate().concat(...stack.node.findAll().map((c) => c.node.validate()));
    assert.ok(errors.some((e) => /NSG nsg-dc: sites\/\w+\/azure and sites\/\w+\/azure both write inbound priority \d+; give the estates distinct names and disjoint priorityRange windows/.test(e)), errors.join('\n'));
  });

  it('accepts them with disjoint windows and distinct names', () => {
    const app = Testing.app({ stackTraces: false });
    const stack = new TerraformStack(app, 'sites');
    new AdcsEnrollmentSecurity(stack, 'weu', site('weu', '3000-3499'));
    new AdcsEnrollmentSecurity(stack, 'neu', site('neu', '3500-3999'));
    assert.deepEqual(stack.node.findAll().flatMap((c) => c.node.validate()).filter((e) => e.startsWith('NSG')), []);
  });
});
