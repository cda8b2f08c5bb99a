import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli } from '../support/io';

// `audit --adopt DIR` through the CLI: both files written, and nothing written when the run fails.
// The export is written by hand in the shape `az network nsg list` / `az network vnet subnet list`
// print (flattened ARM objects, Azure/azure-rest-api-specs "SecurityRule" and "Subnet"); the rule's
// name and priority are the ones `synth` gives this spec.

const tmp = mkdtempSync(join(tmpdir(), 'adcs-adopt-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const SUB = '6f1d3c1e-2b7a-4c39-9a55-0d3e8f4b2a10';
const SNET = `/subscriptions/${SUB}/resourceGroups/rg-pki/providers/Microsoft.Network/virtualNetworks/vnet-pki/subnets/snet-ca`;
const NSG = `/subscriptions/${SUB}/resourceGroups/rg-pki/providers/Microsoft.Network/networkSecurityGroups/pki-ca-nsg`;
const SPEC = join(tmp, 'estate.json');
writeFileSync(SPEC, JSON.stringify({
  name: 'pki', platform: 'azure', azure: { resourceGroupName: 'rg-pki', location: 'westeurope', denyByDefault: false },
  tiers: { clients: { cidrs: ['10.20.0.0/16'] }, ca: { cidrs: ['10.0.1.0/24'], subnetIds: [SNET] }, dc: { cidrs: ['10.0.0.0/24'] } },
}));
const RULE = {
  access: 'Allow', description: 'AD CS clients to ca TCP: enroll-dcom', destinationAddressPrefix: '10.0.1.0/24', destinationAddressPrefixes: [],
  destinationPortRanges: ['135', '49152-65535'], direction: 'Inbound', etag: 'W/"2"', id: `${NSG}/securityRules/pki-in-clients-to-ca-tcp`,
  name: 'pki-in-clients-to-ca-tcp', priority: 132, protocol: 'Tcp', provisioningState: 'Succeeded', resourceGroup: 'rg-pki',
  sourceAddressPrefix: '10.20.0.0/16', sourceAddressPrefixes: [], sourcePortRange: '*', sourcePortRanges: [],
  type: 'Microsoft.Network/networkSecurityGroups/securityRules',
};
const NSG_LIST = join(tmp, 'nsg-list.json');
writeFileSync(NSG_LIST, JSON.stringify([{
  defaultSecurityRules: [], etag: 'W/"1"', id: NSG, location: 'westeurope', name: 'pki-ca-nsg', provisioningState: 'Succeeded', resourceGroup: 'rg-pki',
  securityRules: [RULE], subnets: [{ id: SNET, resourceGroup: 'rg-pki' }], tags: { 'adcs-firewall:estate': 'pki', 'adcs-firewall:tiers': 'ca' },
  type: 'Microsoft.Network/networkSecurityGroups',
}], null, 2));
const SUBNETS = join(tmp, 'subnet-list.json');
writeFileSync(SUBNETS, JSON.stringify([{
  addressPrefix: '10.0.1.0/24', id: SNET, name: 'snet-ca', networkSecurityGroup: { id: NSG, resourceGroup: 'rg-pki' }, provisioningState: 'Succeeded',
  resourceGroup: 'rg-pki', type: 'Microsoft.Network/virtualNetworks/subnets',
}], null, 2));

describe('cli: audit --adopt', () => {
  it('writes import.tf.json and adoption.md; every import names a resource synth writes, with the live rule\'s arguments', async () => {
    // GIVEN the estate, its NSG and subnet exports  WHEN audited with --adopt
    const dir = join(tmp, 'adopt');
    const r = await runCli(['audit', '--spec', SPEC, '--export', NSG_LIST, '--export', SUBNETS, '--adopt', dir]);
    // THEN the run ends as audit does (exit 1: the dc <-> ca rules are missing, so those flows are
    //   blocked), the adoption written all the same, and says where it is
    assert.equal(r.code, 1, r.out + r.err);
    assert.ok(r.out.includes(`Adoption written to ${dir}: import.tf.json, adoption.md\n`), r.out);
    assert.deepEqual(readdirSync(dir).sort(), ['adoption.md', 'import.tf.json']);
    const imports = JSON.parse(readFileSync(join(dir, 'import.tf.json'), 'utf8')).import as { to: string; id: string }[];
    assert.deepEqual(imports.map((i) => i.id), [NSG, `${NSG}/securityRules/pki-in-clients-to-ca-tcp`, SNET]);
    const report = readFileSync(join(dir, 'adoption.md'), 'utf8');
    assert.ok(report.startsWith('# Adopting estate pki (azure)\n'), report);
    assert.ok(report.includes('| 3 | 3 | 0 | 0 | 0 | 0 |'), report);
    // AND each address is a resource of the stack synth writes for the spec
    const out = join(tmp, 'synth');
    assert.equal((await runCli(['synth', '--spec', SPEC, '--out', out])).code, 0);
    const stack = JSON.parse(readFileSync(join(out, 'stacks', 'pki', 'cdk.tf.json'), 'utf8')).resource as Record<string, Record<string, Record<string, unknown>>>;
    for (const i of imports) {
      const [type, name] = i.to.split('.');
      assert.ok(stack[type]?.[name], `${i.to} is not in cdk.tf.json`);
    }
    // AND the imported rule's arguments are the live rule's (priority, direction, access, protocol, ports, prefixes, name)
    const rule = stack.azurerm_network_security_rule[imports[1].to.split('.')[1]];
    assert.deepEqual(
      [rule.name, rule.priority, rule.direction, rule.access, rule.protocol, rule.destination_port_ranges, rule.source_address_prefix, rule.destination_address_prefix, rule.description],
      [RULE.name, RULE.priority, RULE.direction, RULE.access, RULE.protocol, RULE.destinationPortRanges, RULE.sourceAddressPrefix, RULE.destinationAddressPrefix, RULE.description]);
  });

  it('a failed run (an export that is not one) writes nothing into DIR and leaves what it holds', async () => {
    // GIVEN DIR holding an earlier adoption, and a file that is no export
    const dir = join(tmp, 'kept');
    mkdirSync(dir);
    writeFileSync(join(dir, 'import.tf.json'), 'earlier');
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, JSON.stringify({ hello: 'world' }));
    // WHEN audited with --adopt DIR
    const r = await runCli(['audit', '--spec', SPEC, '--export', NSG_LIST, '--export', bad, '--adopt', dir]);
    // THEN exit 2, DIR as it was; and a DIR that did not exist is not created
    assert.equal(r.code, 2, r.out + r.err);
    assert.ok(r.err.includes(bad), r.err);
    assert.deepEqual(readdirSync(dir), ['import.tf.json']);
    assert.equal(readFileSync(join(dir, 'import.tf.json'), 'utf8'), 'earlier');
    const fresh = join(tmp, 'fresh');
    assert.equal((await runCli(['audit', '--spec', SPEC, '--export', bad, '--adopt', fresh])).code, 2);
    assert.equal(existsSync(fresh), false);
  });
});
