import assert from 'node:assert/strict';
import { CheckReport } from '../../lib/check/check';
import { summary } from '../../lib/check/report';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { plural } from '../../lib/errors';
import { runCli } from '../support/io';

const tmp = mkdtempSync(join(tmpdir(), 'adcs-messages-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function spec(name: string, text: string): string {
  const file = join(tmp, name);
  writeFileSync(file, text);
  return file;
}

const CORE = `  clients: { cidrs: [10.20.0.0/16] }
  ca: { cidrs: [10.0.1.0/24] }
  dc: { cidrs: [10.0.0.0/24] }
`;

describe('messages a user reads', () => {
  it('one typo, one error: the did-you-mean, not a missing key besides', async () => {
    // GIVEN azure.resourceGroup for resourceGroupName  WHEN validated  THEN exactly one error, naming the key meant
    const file = spec('typo.yaml', `azure: { resourceGroup: rg-pki, location: westeurope }\ntiers:\n${CORE}`);
    const r = await runCli(['validate', '--spec', file]);
    assert.equal(r.code, 2);
    assert.equal(r.err, `error: ${file}: azure.resourceGroup: unknown key "resourceGroup" (did you mean "resourceGroupName"?); accepted keys: resourceGroupName, location, priorityRange, denyByDefault, tags, providers\n`);
    // AND a key that is missing with no near miss is still reported
    const missing = await runCli(['validate', '--spec', spec('missing.yaml', `azure: { colour: blue, location: westeurope }\ntiers:\n${CORE}`)]);
    assert.match(missing.err, /missing required key "resourceGroupName"/);
    assert.match(missing.err, /unknown key "colour"; accepted keys/);
  });

  it('counts with the right plural: "1 warning", "2 warnings"', async () => {
    const one = spec('one.yaml', `rpcDynamicPorts: "50000-50050"\ntiers:\n${CORE}`);
    const r = await runCli(['validate', '--spec', one]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /: valid; 3 tiers, \d+ flows, platform not set, 1 warning\n$/);
    assert.equal(plural(1, 'tier'), '1 tier');
    assert.equal(plural(0, 'warning'), '0 warnings');
    assert.equal(plural(2, 'flow'), '2 flows');
  });

  it('check\'s summary counts with the right plural too', () => {
    // GIVEN a report with one flow, one missing enforcement point and one warning
    const report = { ok: false, platform: 'azure', flows: [{ status: 'allowed' }], extras: [{ kind: 'platform-default' }],
      missing: [{}], unresolved: [],
      findings: [{ ruleId: 'ADCS-C005', level: 'error', message: 'missing' }, { ruleId: 'ADCS-C003', level: 'warning', message: 'default' }] } as unknown as CheckReport;
    // THEN singular forms, and plural ones for zero
    assert.equal(summary(report), 'FAILED: 1 of 1 flow allowed, 0 blocked; 0 over-permissive; 1 missing enforcement point; 0 unresolved; 1 warning');
  });

  it('near-identical warnings become one line naming every group', async () => {
    // GIVEN three tiers on three existing AWS groups  WHEN validated
    const file = spec('groups.yaml', `aws: { vpcId: vpc-0abc }
tiers:
  clients: { cidrs: [10.20.0.0/16] }
  ca: { cidrs: [10.0.1.0/24], securityGroupId: sg-0123456789abcdef0 }
  ces: { cidrs: [10.0.2.0/24], securityGroupId: sg-0123456789abcdef1 }
  dc: { cidrs: [10.0.0.0/24], securityGroupId: sg-0123456789abcdef2 }
`);
    const r = await runCli(['validate', '--spec', file]);
    assert.equal(r.code, 0, r.err);
    // THEN one warning line names the three groups and their tiers, and the count says 1
    const lines = r.err.trim().split('\n');
    assert.equal(lines.length, 1, r.err);
    assert.match(lines[0], /^warning: \[ADCS-W201\] tiers\.ca\.securityGroupId, tiers\.ces\.securityGroupId, tiers\.dc\.securityGroupId: the library adds egress rules to 3 existing security groups \(sg-0123456789abcdef0: tiers ca; sg-0123456789abcdef1: tiers ces; sg-0123456789abcdef2: tiers dc\), but they restrict nothing/);
    assert.match(r.out, /1 warning\n$/);
  });

  it('a priority window too small says how many priorities the rules need', async () => {
    const file = spec('window.yaml', `azure: { resourceGroupName: rg, location: westeurope, priorityRange: "100-104" }
tiers:
  clients: { cidrs: [10.20.0.0/16] }
  ca: { cidrs: [10.0.1.0/24], subnetIds: [/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/snet-ca] }
  dc: { cidrs: [10.0.0.0/24] }
`);
    const r = await runCli(['validate', '--spec', file]);
    assert.equal(r.code, 2);
    // clients→ca TCP is slot 32 and dc→ca TCP slot 40 inbound on the CA's created NSG, ca→dc UDP
    // slot 41 outbound: 43 priorities hold them all before the probe Allow (inbound) and the deny
    assert.match(r.err, /adcs-in-clients-to-ca-tcp and adcs-in-dc-to-ca-tcp both need priority 100 in the window; widen the priority range to at least 43 priorities \("100-142"\), where every rule of this NSG keeps its own slot before the health-probe Allow and the deny by default; 378 priorities hold every TCP and UDP rule of any estate, 702 with ICMP custom flows/);
    // AND the window it names is enough for every rule of the NSG, and one less is not
    const window = (range: string): string => spec(`w-${range}.yaml`, `azure: { resourceGroupName: rg, location: westeurope, priorityRange: "${range}" }
tiers:
  clients: { cidrs: [10.20.0.0/16] }
  ca: { cidrs: [10.0.1.0/24], subnetIds: [/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/snet-ca] }
  dc: { cidrs: [10.0.0.0/24] }
`);
    assert.equal((await runCli(['validate', '--spec', window('100-141')])).code, 2);
    const wider = await runCli(['validate', '--spec', window('100-142')]);
    assert.equal(wider.code, 0, wider.err);
  });
});
