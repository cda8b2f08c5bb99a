import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { adoptionFiles } from '../../../../lib/audit/adopt';
import { EstateProps } from '../../../../lib/input/props';
import type { LiveExport } from '../../../../lib/platforms/live';
import { PLATFORMS } from '../../../../lib/platforms/registry';
import { resolveSpec } from '../../../../lib/spec';
import { planEstate } from '../../../../lib/spec/estate-plan';

// `audit --adopt` on Azure, against exports written by hand in the shape `az network nsg list` and
// `az network vnet subnet list` print (flattened ARM objects: "SecurityRule" and "Subnet" of the
// REST API specification, Azure/azure-rest-api-specs network.json / virtualNetwork.json; az -o json
// prints them without "properties", with "resourceGroup" added). What is imported, changed,
// replaced and created follows the azurerm provider's source (docs/semantics.md, "Adoption"):
// - network_security_rule_resource.go: only name, resource_group_name and
//   network_security_group_name are ForceNew; the other arguments are updated in place; Create
//   fails with "already exists - to be managed via Terraform this resource needs to be imported"
//   when a rule of that name exists; the import id is the rule's resource id
//   (.../networkSecurityGroups/<nsg>/securityRules/<rule>).
// - network_security_group_resource.go: name, location and resource_group_name are ForceNew.
// - subnet_network_security_group_association_resource.go: imported by the subnet id; subnet_id
//   and network_security_group_id are ForceNew; Create fails when the subnet carries an NSG.
// A rule of another name at a planned priority and direction is a collision: "You can't create two
// security rules with the same priority and direction" (Learn, "Network security groups overview").
// The names and priorities of the estate's rules come from `adcs-firewall synth` on this spec, used
// as a black box; the Terraform addresses are the ones its cdk.tf.json holds.

const SUB = '6f1d3c1e-2b7a-4c39-9a55-0d3e8f4b2a10';
const SNET_CA = `/subscriptions/${SUB}/resourceGroups/rg-pki/providers/Microsoft.Network/virtualNetworks/vnet-pki/subnets/snet-ca`;
const NSG_CA = `/subscriptions/${SUB}/resourceGroups/rg-pki/providers/Microsoft.Network/networkSecurityGroups/pki-ca-nsg`;
const NSG_DC = `/subscriptions/${SUB}/resourceGroups/rg-identity/providers/Microsoft.Network/networkSecurityGroups/nsg-dc`;
const NSG_OTHER = `/subscriptions/${SUB}/resourceGroups/rg-pki/providers/Microsoft.Network/networkSecurityGroups/legacy-nsg`;

const props: EstateProps = {
  name: 'pki',
  azure: { resourceGroupName: 'rg-pki', location: 'westeurope', denyByDefault: false },
  tiers: {
    clients: { cidrs: ['10.20.0.0/16'] },
    ca: { cidrs: ['10.0.1.0/24'], subnetIds: [SNET_CA] },
    dc: { cidrs: ['10.0.0.0/24'], networkSecurityGroup: { name: 'nsg-dc', resourceGroupName: 'rg-identity', priorityRange: '3000-3499' } },
  },
};
const spec = resolveSpec({ ...props, platform: 'azure' } as EstateProps, 'test');
const planned = planEstate(spec, 'test', 'audit', true);

type Body = Record<string, unknown>;
/**
 * A custom rule as `az network nsg list` prints it: one of each singular/plural pair set, the
 * other absent (prefixes) or `[]`, as the service returns it.
 */
function rule(nsgId: string, name: string, p: { priority: number; direction: 'Inbound' | 'Outbound'; access?: string; protocol: string;
  source: string | string[]; destination: string | string[]; ports: string | string[]; description?: string }): Body {
  const one = (single: string, plural: string, v: string | string[]): Body => (Array.isArray(v) ? { [plural]: v } : { [single]: v, [plural]: [] });
  return {
    access: p.access ?? 'Allow', ...(p.description === undefined ? {} : { description: p.description }),
    ...one('destinationAddressPrefix', 'destinationAddressPrefixes', p.destination), ...one('destinationPortRange', 'destinationPortRanges', p.ports),
    direction: p.direction, etag: 'W/"00000000-0000-0000-0000-000000000000"', id: `${nsgId}/securityRules/${name}`, name, priority: p.priority,
    protocol: p.protocol, provisioningState: 'Succeeded', resourceGroup: nsgId.split('/')[4],
    ...one('sourceAddressPrefix', 'sourceAddressPrefixes', p.source), sourcePortRange: '*', sourcePortRanges: [],
    type: 'Microsoft.Network/networkSecurityGroups/securityRules',
  };
}
/** An NSG as `az network nsg list` prints it (default rules left empty: adoption never reads them). */
function nsg(id: string, securityRules: Body[], extra: Body = {}): Body {
  const [, , , , rg, , , , name] = id.split('/');
  return { defaultSecurityRules: [], etag: 'W/"1"', id, location: 'westeurope', name, provisioningState: 'Succeeded', resourceGroup: rg, securityRules,
    type: 'Microsoft.Network/networkSecurityGroups', ...extra };
}
const subnet = (id: string, nsgId: string | undefined): Body => ({
  addressPrefix: '10.0.1.0/24', id, name: id.split('/').pop(), ...(nsgId ? { networkSecurityGroup: { id: nsgId, resourceGroup: nsgId.split('/')[4] } } : {}),
  provisioningState: 'Succeeded', resourceGroup: 'rg-pki', type: 'Microsoft.Network/virtualNetworks/subnets',
});
const exportOf = (file: string, value: unknown): LiveExport => ({ file, value, command: PLATFORMS.azure.live.recognise(value)! });

const CA_TAGS = { 'adcs-firewall:estate': 'pki', 'adcs-firewall:tiers': 'ca' };
/** The live estate: part of the plan in place, one rule widened, one priority taken, other teams' rules. */
function estate(over: { caNsg?: Body; subnetNsg?: string } = {}): LiveExport[] {
  const ca = nsg(NSG_CA, [
    // Equal effect, another description: imported (the description is updated in place).
    rule(NSG_CA, 'pki-in-clients-to-ca-tcp', { priority: 132, direction: 'Inbound', protocol: 'Tcp', source: '10.20.0.0/16', destination: '10.0.1.0/24', ports: ['135', '49152-65535'], description: 'Enrollment (hand-made)' }),
    // Equal effect, the source written in the plural argument: imported (updated in place).
    rule(NSG_CA, 'pki-in-dc-to-ca-tcp', { priority: 140, direction: 'Inbound', protocol: 'Tcp', source: ['10.0.0.0/24'], destination: '10.0.1.0/24', ports: ['135', '49152-65535'], description: 'AD CS dc to ca TCP: dc-enroll-dcom' }),
    // Same name, other ports: a change.
    rule(NSG_CA, 'pki-out-ca-to-dc-tcp', { priority: 140, direction: 'Outbound', protocol: 'Tcp', source: '10.0.1.0/24', destination: '10.0.0.0/24', ports: ['53', '88', '389'] }),
    // Another team's rule at the priority the plan gives pki-out-ca-to-dc-udp: a collision.
    rule(NSG_CA, 'allow-ntp-out', { priority: 141, direction: 'Outbound', protocol: 'Udp', source: '10.0.1.0/24', destination: '10.0.0.4', ports: '123' }),
    // Another team's rule elsewhere: left alone.
    rule(NSG_CA, 'allow-bastion-rdp', { priority: 300, direction: 'Inbound', protocol: 'Tcp', source: '10.0.250.0/26', destination: '*', ports: '3389' }),
  ], { tags: CA_TAGS, ...over.caNsg });
  const dc = nsg(NSG_DC, [
    rule(NSG_DC, 'pki-in-clients-to-dc-tcp', { priority: 3128, direction: 'Inbound', protocol: 'Tcp', source: '10.20.0.0/16', destination: '10.0.0.0/24',
      ports: ['53', '88', '389', '464', '636', '3268-3269'], description: 'AD CS clients to dc TCP: client-directory' }),
    rule(NSG_DC, 'identity-allow-ldap-from-apps', { priority: 200, direction: 'Inbound', protocol: 'Tcp', source: '10.30.0.0/16', destination: '10.0.0.0/24', ports: '389' }),
  ]);
  const other = nsg(NSG_OTHER, []);
  return [exportOf('nsg-list.json', [ca, dc, other]), exportOf('subnet-list.json', [subnet(SNET_CA, over.subnetNsg ?? NSG_CA)])];
}

const ADDR = {
  nsg: 'azurerm_network_security_group.adcs_azure_nsg-pki-ca-nsg_5C6EF012',
  assoc: 'azurerm_subnet_network_security_group_association.adcs_azure_pki-ca-nsg-assoc-snet-ca-d48618b0_F75F92A7',
  inClientsCa: 'azurerm_network_security_rule.adcs_azure_pki-ca-nsg-in-clients-ca-tcp_F83F0E8A',
  inDcCa: 'azurerm_network_security_rule.adcs_azure_pki-ca-nsg-in-dc-ca-tcp_062B3367',
  outCaDcTcp: 'azurerm_network_security_rule.adcs_azure_pki-ca-nsg-out-ca-dc-tcp_D324A098',
  outCaDcUdp: 'azurerm_network_security_rule.adcs_azure_pki-ca-nsg-out-ca-dc-udp_B0CE758C',
  inClientsDcTcp: 'azurerm_network_security_rule.adcs_azure_existing-rg-identity-nsg-dc-in-clients-dc-tcp_D769E064',
  inClientsDcUdp: 'azurerm_network_security_rule.adcs_azure_existing-rg-identity-nsg-dc-in-clients-dc-udp_99D69BB9',
  inCaDcTcp: 'azurerm_network_security_rule.adcs_azure_existing-rg-identity-nsg-dc-in-ca-dc-tcp_07610202',
  inCaDcUdp: 'azurerm_network_security_rule.adcs_azure_existing-rg-identity-nsg-dc-in-ca-dc-udp_24C227B2',
  outDcCa: 'azurerm_network_security_rule.adcs_azure_existing-rg-identity-nsg-dc-out-dc-ca-tcp_A7243BD1',
};

const adopt = (exports: LiveExport[]): ReturnType<typeof adoptionFiles> => adoptionFiles(planned.platform, planned.plan, spec, exports, ['adcs']);
const byAction = (files: ReturnType<typeof adoptionFiles>): Record<string, string[]> => {
  const out: Record<string, string[]> = {};
  for (const i of files.items) (out[i.action] ??= []).push(i.address ?? i.label);
  for (const k of Object.keys(out)) out[k].sort();
  return out;
};

describe('audit --adopt (Azure)', () => {
  it('imports what exists with the planned effect, by ARM id; reports changes, collisions, creations and other teams\' rules', () => {
    // GIVEN the live estate above  WHEN compared with the plan
    const files = adopt(estate());
    // THEN per action, every planned resource once and every live rule of the estate's NSGs once
    assert.deepEqual(byAction(files), {
      import: [ADDR.nsg, ADDR.inClientsDcTcp, ADDR.inClientsCa, ADDR.inDcCa, ADDR.assoc].sort(),
      change: [ADDR.outCaDcTcp],
      collide: [ADDR.outCaDcUdp],
      create: [ADDR.inCaDcTcp, ADDR.inCaDcUdp, ADDR.inClientsDcUdp, ADDR.outDcCa].sort(),
      leave: ['rg-identity/nsg-dc', 'rg-identity/nsg-dc/identity-allow-ldap-from-apps', 'rg-pki/pki-ca-nsg/allow-bastion-rdp'],
    });
    // AND import.tf.json holds the five imports, sorted by address, each with the exact resource id
    assert.deepEqual(JSON.parse(files.imports), { import: [
      { to: ADDR.nsg, id: NSG_CA },
      { to: ADDR.inClientsDcTcp, id: `${NSG_DC}/securityRules/pki-in-clients-to-dc-tcp` },
      { to: ADDR.inClientsCa, id: `${NSG_CA}/securityRules/pki-in-clients-to-ca-tcp` },
      { to: ADDR.inDcCa, id: `${NSG_CA}/securityRules/pki-in-dc-to-ca-tcp` },
      { to: ADDR.assoc, id: SNET_CA },
    ] });
    // AND the existing NSG the estate only names is never imported, nor is the unrelated legacy-nsg listed
    assert.ok(!files.imports.includes(`"${NSG_DC}"`));
    assert.ok(!files.items.some((i) => i.label.includes('legacy-nsg')));
    const item = (address: string): (typeof files.items)[number] => files.items.find((i) => i.address === address)!;
    // AND the details say why
    assert.equal(item(ADDR.inClientsCa).detail, 'exists with the planned effect; updated in place: description');
    assert.equal(item(ADDR.inDcCa).detail, 'exists with the planned effect; updated in place: source prefixes as written');
    assert.equal(item(ADDR.outCaDcTcp).detail, 'exists with another effect: destination ports 53, 88, 389, planned 53, 88, 135, 389, 445, 464, 636, 3268-3269, 49152-65535');
    assert.equal(item(ADDR.outCaDcTcp).id, `${NSG_CA}/securityRules/pki-out-ca-to-dc-tcp`);
    assert.equal(item(ADDR.outCaDcUdp).detail, 'live rule allow-ntp-out holds outbound priority 141: Azure allows one rule per priority and direction, so creating pki-out-ca-to-dc-udp fails');
    assert.equal(item(ADDR.outCaDcUdp).id, `${NSG_CA}/securityRules/allow-ntp-out`);
    // AND the report counts them in one table row: import, create, change, replace, collide, leave
    assert.ok(files.report.includes('| 5 | 4 | 1 | 0 | 1 | 3 |'), files.report);
  });

  it('an imported rule\'s planned arguments have the live rule\'s effect', () => {
    // GIVEN the plan's elements (what synth writes) and the live rules imported
    const files = adopt(estate());
    const live = (estate()[0].value as Body[]).flatMap((n) => n.securityRules as Body[]);
    for (const i of files.items.filter((x) => x.action === 'import' && x.type === 'azurerm_network_security_rule')) {
      const element = planned.elements.find((e) => e.kind === 'resource' && e.path.join('/') === i.path!.join('/'));
      const a = (element as { attributes: Record<string, unknown> }).attributes;
      const l = live.find((r) => r.id === i.id)!;
      // THEN priority, direction, access, protocol, ports and prefixes mean the same
      assert.equal(a.priority, l.priority);
      assert.equal(a.direction, l.direction);
      assert.equal(a.access, l.access);
      assert.equal(a.protocol, l.protocol);
      const values = (one: unknown, many: unknown): string[] => [...(typeof one === 'string' && one !== '' ? [one] : []), ...((many as string[] | undefined) ?? [])].sort();
      assert.deepEqual(values(a.destination_port_range, a.destination_port_ranges), values(l.destinationPortRange, l.destinationPortRanges));
      assert.deepEqual(values(a.source_address_prefix, a.source_address_prefixes), values(l.sourceAddressPrefix, l.sourceAddressPrefixes));
      assert.deepEqual(values(a.destination_address_prefix, a.destination_address_prefixes), values(l.destinationAddressPrefix, l.destinationAddressPrefixes));
      assert.equal(a.name, l.name);
    }
  });

  it('replaces what a ForceNew argument keeps apart: another location, a subnet carrying another NSG', () => {
    // GIVEN the created NSG live in another region, and its subnet carrying legacy-nsg
    const files = adopt(estate({ caNsg: { location: 'northeurope' }, subnetNsg: NSG_OTHER }));
    const item = (address: string): (typeof files.items)[number] => files.items.find((i) => i.address === address)!;
    // THEN the NSG and the association are replacements, not imports
    assert.equal(item(ADDR.nsg).action, 'replace');
    assert.equal(item(ADDR.nsg).detail, 'location northeurope, planned westeurope (location forces a new resource)');
    assert.equal(item(ADDR.assoc).action, 'replace');
    assert.match(item(ADDR.assoc).detail, /^subnet snet-ca carries NSG rg-pki\/legacy-nsg: importing the association would replace it/);
    // AND the rules of the NSG are still compared one by one, and say that their NSG is not imported
    assert.equal(item(ADDR.inClientsCa).action, 'import');
    assert.match(item(ADDR.inClientsCa).detail, /its NSG rg-pki\/pki-ca-nsg is not imported$/);
    assert.deepEqual(JSON.parse(files.imports).import.map((x: { to: string }) => x.to), [ADDR.inClientsDcTcp, ADDR.inClientsCa, ADDR.inDcCa]);
  });

  it('imports a rule Azure spells in another case under the plan\'s spelling (the provider reads the name from the import id)', () => {
    // GIVEN the NSG's rule named in capitals (ARM names compare without regard to case)
    const exports = estate();
    const ca = (exports[0].value as Body[])[0];
    const r = (ca.securityRules as Body[])[0];
    Object.assign(r, { name: 'PKI-IN-CLIENTS-TO-CA-TCP', id: `${NSG_CA}/securityRules/PKI-IN-CLIENTS-TO-CA-TCP` });
    const files = adopt(exports);
    // THEN it is imported by an id that names it as the plan does
    const i = files.items.find((x) => x.address === ADDR.inClientsCa)!;
    assert.equal(i.action, 'import');
    assert.equal(i.id, `${NSG_CA}/securityRules/pki-in-clients-to-ca-tcp`);
  });

  it('a change that moves a rule to a priority another live rule holds says that it fails until that rule moves', () => {
    // GIVEN pki-out-ca-to-dc-tcp live at priority 150, and another team's rule at its planned 140 outbound
    const exports = estate();
    const rules = (exports[0].value as Body[])[0].securityRules as Body[];
    rules.find((r) => r.name === 'pki-out-ca-to-dc-tcp')!.priority = 150;
    rules.push(rule(NSG_CA, 'legacy-dns-out', { priority: 140, direction: 'Outbound', protocol: 'Udp', source: '10.0.1.0/24', destination: '10.0.0.4', ports: '53' }));
    const files = adopt(exports);
    // THEN it is a change naming both differences and the holder, which is left alone
    const i = files.items.find((x) => x.address === ADDR.outCaDcTcp)!;
    assert.equal(i.action, 'change');
    assert.equal(i.detail, 'exists with another effect: priority 150, planned 140; destination ports 53, 88, 389, planned 53, 88, 135, 389, 445, 464, 636, 3268-3269, 49152-65535; '
      + 'live rule legacy-dns-out holds outbound priority 140, so the change fails until it moves');
    assert.equal(files.items.find((x) => x.label === 'rg-pki/pki-ca-nsg/legacy-dns-out')!.action, 'leave');
  });

  it('without an NSG export, every planned resource is created and the report says why', () => {
    // GIVEN only the subnet list
    const files = adopt([estate()[1]]);
    // THEN no import: the NSG, its association and the nine rules are reported as created (the
    //   association saying that the subnet carries the NSG no export shows), the existing NSG left
    assert.deepEqual(JSON.parse(files.imports), { import: [] });
    assert.deepEqual(files.items.map((i) => i.action).sort(), [...Array(11).fill('create'), 'leave']);
    assert.match(files.items.find((i) => i.address === ADDR.assoc)!.detail, /^subnet snet-ca carries rg-pki\/pki-ca-nsg, which no NSG export shows/);
    assert.ok(files.report.includes('No az network nsg list or show export'), files.report);
  });
});
