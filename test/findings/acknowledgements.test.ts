import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { App, TerraformStack } from 'cdktf';
import { AdcsEnrollmentSecurity } from '../../lib/cdktf';
import { AdcsInputError } from '../../lib/errors';
import { EstateProps } from '../../lib/input/props';
import { runCli } from '../support/io';
import { estateProps } from '../support/fixtures';

const ROOT = join(__dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'adcs-ack-'));

/** A spec file of `body` (YAML). */
function spec(name: string, body: string): string {
  const file = join(dir, name);
  writeFileSync(file, body);
  return file;
}

// An Azure estate with a static DCOM port inside the CA's dynamic range: warnings ADCS-W003 and ADCS-W004.
const BASE = `platform: azure
azure: { resourceGroupName: rg-pki, location: westeurope }
dcomPort: 50000
tiers:
  clients: { cidrs: [10.20.0.0/16] }
  ca: { cidrs: [10.0.1.0/24], subnetIds: ["/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/ca"] }
  dc: { cidrs: [10.0.0.0/24] }
`;

describe('acknowledgements (issue 20)', () => {
  it('validate: an acknowledged warning stays in the report, marked with its reason, and no longer fails --fail-on warning', async () => {
    const one = spec('one.yaml', `${BASE}acknowledgements:
  - { ruleId: ADCS-W004, reason: "no MS-ICPR clients: IF_NORPCICERTREQUEST is set on the CA" }
`);
    const r = await runCli(['validate', '--spec', one]);
    assert.equal(r.code, 0, r.err);
    const lines = r.err.trim().split('\n');
    assert.equal(lines.length, 2);
    assert.match(lines[0], /^warning: \[ADCS-W003\] dcomPort: static DCOM port 50000 lies inside/);
    assert.match(lines[1], /^acknowledged: \[ADCS-W004\] dcomPort: static DCOM port 50000 covers DCOM enrollment .* \(acknowledged: no MS-ICPR clients: IF_NORPCICERTREQUEST is set on the CA\)$/);
    assert.match(r.out, /, 1 warning, 1 acknowledged\n$/);
    // WHEN warnings fail the run  THEN the open one does, the acknowledged one does not
    assert.equal((await runCli(['validate', '--spec', one, '--fail-on', 'warning'])).code, 1);
    const both = spec('both.yaml', `${BASE}acknowledgements:
  - { ruleId: ADCS-W004, reason: "no MS-ICPR clients" }
  - { ruleId: ADCS-W003, reason: "50000 is excluded from the CA's dynamic range by netsh" }
`);
    assert.equal((await runCli(['validate', '--spec', both, '--fail-on', 'warning'])).code, 0);
  });

  it('an acknowledgement that matches nothing is a note of the command that raises its rule', async () => {
    const file = spec('unused.yaml', `${BASE}acknowledgements:
  - { ruleId: ADCS-W004, reason: "no MS-ICPR clients" }
  - { ruleId: ADCS-W006, tier: clients, reason: "once the clients were 0.0.0.0/0" }
  - { ruleId: ADCS-C003, reason: "judged by check, not validate" }
`);
    const r = await runCli(['validate', '--spec', file]);
    assert.equal(r.code, 0);
    assert.match(r.err, /^note: \[ADCS-N001\] acknowledgements\[1\]: the acknowledgement of ADCS-W006 matched no finding of this run$/m);
    assert.doesNotMatch(r.err, /ADCS-C003/);
  });

  it('refuses an unknown rule id, an input error and an empty reason (exit 2, naming the key)', async () => {
    const bad = spec('bad.yaml', `${BASE}acknowledgements:
  - { ruleId: ADCS-W0O4, reason: "typo" }
  - { ruleId: ADCS-E032, reason: "host bits are fine" }
  - { ruleId: ADCS-W004, reason: "   " }
`);
    const r = await runCli(['validate', '--spec', bad]);
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    const lines = r.err.trim().split('\n');
    assert.match(lines[0], /^error: \S+bad\.yaml: acknowledgements\[0\]\.ruleId: "ADCS-W0O4" is not a rule id \(did you mean "ADCS-W004"\?\)/);
    assert.match(lines[1], /^error: \S+bad\.yaml: acknowledgements\[1\]\.ruleId: ADCS-E032 is an input error, which an acknowledgement cannot accept: fix the input/);
    assert.match(lines[2], /^error: \S+bad\.yaml: acknowledgements\[2\]\.reason: an acknowledgement needs a reason a reviewer accepts/);
    assert.equal(lines.length, 3);
  });

  it('check: one acknowledgement of a tier covers its findings of that rule, and only those', async () => {
    const example = readFileSync(join(ROOT, 'examples', 'azure-estate.yaml'), 'utf8');
    const out = join(dir, 'out');
    // GIVEN the Azure example without its acknowledgements: check warns 28 times about the DCs' NSG (ADCS-C003)
    const bare = spec('bare.yaml', example.replace(/\nacknowledgements:[\s\S]*?(?=\n\S|$)/, ''));
    assert.equal((await runCli(['synth', '--spec', bare, '--out', out])).code, 0);
    const plan = join(out, 'stacks', 'pki-weu', 'cdk.tf.json');
    const open = JSON.parse((await runCli(['check', '--plan', plan, '--format', 'json'])).out);
    assert.equal(open.findings.filter((f: any) => f.ruleId === 'ADCS-C003' && f.tier === 'dc' && f.acknowledged === undefined).length, 28);
    assert.equal((await runCli(['check', '--plan', plan, '--fail-on', 'warning'])).code, 1);
    // WHEN the spec acknowledges ADCS-C003 for the dc tier
    const acked = spec('acked.yaml', `${example.replace(/\nacknowledgements:[\s\S]*?(?=\n\S|$)/, '')}\nacknowledgements:\n  - { ruleId: ADCS-C003, tier: dc, reason: "the identity team's NSG" }\n`);
    const r = await runCli(['check', '--spec', acked, '--plan', plan, '--format', 'json', '--fail-on', 'warning']);
    // THEN the 28 stay in the report, acknowledged, and the run passes even on warnings
    assert.equal(r.code, 0, r.out);
    const doc = JSON.parse(r.out);
    assert.deepEqual([...new Set(doc.findings.filter((f: any) => f.ruleId === 'ADCS-C003').map((f: any) => f.acknowledged))], ["the identity team's NSG"]);
    assert.equal(doc.findings.filter((f: any) => f.ruleId === 'ADCS-C003').length, 28);
    assert.match(doc.summary, /; 0 warnings; 28 acknowledged$/);
  });

  it('check: an acknowledgement limited to another resource does not cover an over-permissive rule', async () => {
    const out = join(dir, 'out2');
    assert.equal((await runCli(['synth', '--spec', join(ROOT, 'examples', 'azure-estate.yaml'), '--out', out])).code, 0);
    const planFile = join(out, 'stacks', 'pki-weu', 'cdk.tf.json');
    const doc = JSON.parse(readFileSync(planFile, 'utf8'));
    const name = Object.keys(doc.resource.azurerm_network_security_rule).find((k) => k.startsWith('adcs_azure_pki-weu-ca-nsg-in-clients-ca-tcp'))!;
    doc.resource.azurerm_network_security_rule[name].destination_port_ranges = ['135', '1024-65535'];
    writeFileSync(planFile, JSON.stringify(doc, null, 2));
    const address = `azurerm_network_security_rule.${name}`;
    const other = spec('other.yaml', `${readFileSync(join(ROOT, 'examples', 'azure-estate.yaml'), 'utf8')}  - { ruleId: ADCS-C002, resource: azurerm_network_security_rule.elsewhere, reason: "another rule" }\n`);
    assert.equal((await runCli(['check', '--spec', other, '--plan', planFile])).code, 1);
    const mine = spec('mine.yaml', `${readFileSync(join(ROOT, 'examples', 'azure-estate.yaml'), 'utf8')}  - { ruleId: ADCS-C002, resource: ${address}, reason: "the CA takes ICPR over its whole range while the pin is rolled out" }\n`);
    const r = await runCli(['check', '--spec', mine, '--plan', planFile]);
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /^ {2}ack {2}\[ADCS-C002\] azurerm_network_security_rule\.\S+ lets clients -> ca TCP 1024-10508,10510-65535 through at azurerm_network_security_group\.\S+; no flow needs it \(acknowledged: the CA takes ICPR over its whole range while the pin is rolled out\)$/m);
  });

  it('constructs: an acknowledged warning is an info annotation with its reason, every finding is construct metadata', () => {
    const props: EstateProps = estateProps({
      name: 'pki', platform: 'azure', azure: { resourceGroupName: 'rg', location: 'westeurope' }, dcomPort: 50000,
      tiers: { clients: { cidrs: ['10.20.0.0/16'] }, ca: { cidrs: ['10.0.1.0/24'], subnetIds: ['/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/ca'] }, dc: { cidrs: ['10.0.0.0/24'] } },
      acknowledgements: [{ ruleId: 'ADCS-W004', reason: 'no MS-ICPR clients' }],
    });
    const stack = new TerraformStack(new App(), 's');
    const adcs = new AdcsEnrollmentSecurity(stack, 'adcs', props);
    const entries = adcs.node.metadata;
    assert.deepEqual(entries.filter((m) => m.type === '@cdktf/warn').map((m) => String(m.data).slice(0, 44)), ['[ADCS-W003] dcomPort: static DCOM port 50000']);
    assert.deepEqual(entries.filter((m) => m.type === '@cdktf/info').map((m) => String(m.data)).map((t) => t.replace(/ covers .* \(acknowledged/, ' ... (acknowledged')),
      ['[ADCS-W004] dcomPort: static DCOM port 50000 ... (acknowledged: no MS-ICPR clients)']);
    assert.deepEqual(entries.filter((m) => m.type === 'adcs-firewall:finding').map((m) => [(m.data as any).ruleId, (m.data as any).level, (m.data as any).acknowledged]),
      [['ADCS-W003', 'warning', undefined], ['ADCS-W004', 'warning', 'no MS-ICPR clients']]);
  });
});

describe('no silent no-op (issue 20)', () => {
  const NONE = `platform: aws
aws: { vpcId: vpc-0abc }
tiers:
  clients: { cidrs: [10.20.0.0/16] }
  ca: { cidrs: [10.0.1.0/24] }
  dc: { cidrs: [10.0.0.0/24] }
`;

  it('synth refuses an estate none of whose tiers has an enforcement point, naming the keys; nothing is written', async () => {
    const file = spec('none.yaml', NONE);
    const out = join(dir, 'none-out');
    const r = await runCli(['synth', '--spec', file, '--out', out]);
    assert.equal(r.code, 2);
    assert.equal(r.err, `error: ${file}: tiers: no tier of the estate has an enforcement point, so nothing would be written or checked; give a tier one of createSecurityGroup: true or securityGroupId (AWS)\n`);
    assert.throws(() => readFileSync(join(out, 'manifest.json')), /ENOENT/);
  });

  it('validate warns (ADCS-W007); a spec without a platform (for the matrix) does not', async () => {
    const r = await runCli(['validate', '--spec', spec('none2.yaml', NONE)]);
    assert.equal(r.code, 0);
    assert.equal(r.err, 'warning: [ADCS-W007] tiers: no tier of the estate has an enforcement point: synth and check refuse it; give a tier one of createSecurityGroup: true or securityGroupId (AWS)\n');
    const matrixOnly = await runCli(['validate', '--spec', spec('m.yaml', NONE.replace('platform: aws\naws: { vpcId: vpc-0abc }\n', ''))]);
    assert.equal(matrixOnly.err, '');
  });

  it('the construct refuses it too, leaving nothing in the tree', () => {
    const stack = new TerraformStack(new App(), 's');
    assert.throws(() => new AdcsEnrollmentSecurity(stack, 'adcs', estateProps({ platform: 'aws', aws: { vpcId: 'vpc-0abc' },
      tiers: { clients: { cidrs: ['10.20.0.0/16'] }, ca: { cidrs: ['10.0.1.0/24'] }, dc: { cidrs: ['10.0.0.0/24'] } } })),
    (e: AdcsInputError) => e.problems.length === 1 && e.problems[0].ruleId === 'ADCS-E067');
  });
});
