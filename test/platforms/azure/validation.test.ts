import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { azureInvalidValues } from '../../../lib/platforms/azure/validation';
import { TfInstanceOrigin, TfMultiplicity } from '../../../lib/terraform/document';
import { TfReference, TfUnknown, type ArgumentValue } from '../../../lib/terraform/values';
import { libraryOutputs, lineOf } from '../../support/invalid-values';
import { configurationInstances, instance, planned } from '../../support/tf-instances';

const RULE = 'azurerm_network_security_rule';
const NSG = 'azurerm_network_security_group';
const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network';

/** A valid standalone rule, with `over` replacing (or, as undefined, removing) arguments. */
function rule(name: string, over: { readonly [key: string]: ArgumentValue | undefined } = {}) {
  const values: Record<string, ArgumentValue | undefined> = {
    name: `allow-${name}`, resource_group_name: 'rg-net', network_security_group_name: 'nsg-ca', priority: 100, direction: 'Inbound',
    access: 'Allow', protocol: 'Tcp', source_port_range: '*', destination_port_range: '443', source_address_prefix: '10.0.0.0/24',
    destination_address_prefix: '10.1.0.0/24', ...over,
  };
  return instance(RULE, name, Object.fromEntries(Object.entries(values).filter((e): e is [string, ArgumentValue] => e[1] !== undefined)));
}

/** A complete inline security_rule object (every attribute present, unused ones null). */
function inline(over: { readonly [key: string]: ArgumentValue } = {}): { readonly [key: string]: ArgumentValue } {
  return {
    name: 'allow-https', description: null, protocol: 'Tcp', source_port_range: '*', source_port_ranges: null, destination_port_range: '443',
    destination_port_ranges: null, source_address_prefix: '10.0.0.0/24', source_address_prefixes: null, source_application_security_group_ids: null,
    destination_address_prefix: '*', destination_address_prefixes: null, destination_application_security_group_ids: null,
    access: 'Allow', priority: 100, direction: 'Inbound', ...over,
  };
}

const nsg = (name: string, rules: ArgumentValue, over: { readonly [key: string]: ArgumentValue } = {}) =>
  instance(NSG, name, { name: `nsg-${name}`, location: 'westeurope', resource_group_name: 'rg-net', security_rule: rules, ...over });

const lines = (...instances: Parameters<typeof azureInvalidValues>[0]) => azureInvalidValues(instances).map(lineOf);

describe('azure validation (issue 19, principle 4)', () => {
  it("finds nothing in the library's own output (the golden and the upgrade baselines)", () => {
    // GIVEN every Terraform JSON the library writes for Azure  WHEN validated  THEN no invalid value
    const outputs = libraryOutputs('azure');
    assert.ok(outputs.size >= 7);
    for (const [file, json] of outputs) {
      const instances = configurationInstances(json);
      assert.ok(instances.some((i) => i.type === RULE), file);
      assert.deepEqual(azureInvalidValues(instances).map(lineOf), [], file);
    }
  });

  it('refuses enums in the wrong case, priorities outside 100-4096 and descriptions over 140 bytes', () => {
    assert.deepEqual(lines(
      rule('a', { protocol: 'TCP', access: 'allow', direction: 'inbound', priority: 4097, description: 'é'.repeat(71) }),
      rule('b', { protocol: 'Any', priority: '99', direction: 'Outbound', description: 'x'.repeat(140) }),
    ), [
      `${RULE}.a access = "allow": one of Allow, Deny (case-sensitive)`,
      `${RULE}.a description = "${'é'.repeat(71)}": at most 140 characters (StringLenBetween(0, 140), bytes)`,
      `${RULE}.a direction = "inbound": one of Inbound, Outbound (case-sensitive)`,
      `${RULE}.a priority = 4097: an integer from 100 to 4096 (IntBetween(100, 4096))`,
      `${RULE}.a protocol = "TCP": one of *, Tcp, Udp, Icmp, Ah, Esp (case-sensitive)`,
      `${RULE}.b priority = "99": an integer from 100 to 4096 (IntBetween(100, 4096))`,
      `${RULE}.b protocol = "Any": one of *, Tcp, Udp, Icmp, Ah, Esp (case-sensitive)`,
    ]);
  });

  it('reports missing required arguments and values of the wrong type, and never throws on odd shapes', () => {
    // GIVEN arguments left out, an object for a string, a string for a list, text and a fraction for a number, a null in a list
    const found = lines(
      rule('a', { name: undefined, priority: undefined, access: undefined }),
      rule('b', { protocol: { tcp: true }, destination_port_range: undefined, destination_port_ranges: '443', priority: 'high' }),
      rule('c', { priority: 100.5, destination_port_range: undefined, destination_port_ranges: ['443', null], source_port_range: 0 }),
    );
    assert.deepEqual(found, [
      `${RULE}.a access = (unset): required (Missing required argument)`,
      `${RULE}.a name = (unset): required (Missing required argument)`,
      `${RULE}.a priority = (unset): required (Missing required argument)`,
      `${RULE}.b destination_port_ranges = "443": a list of strings (Incorrect attribute value type)`,
      `${RULE}.b priority = "high": a number (Incorrect attribute value type)`,
      `${RULE}.b protocol = {"tcp":true}: a string (Incorrect attribute value type)`,
      `${RULE}.c destination_port_ranges[1] = null: no null element (Null value found in list)`,
      `${RULE}.c priority = 100.5: a whole number (Attribute must be a whole number)`,
    ]);
    // AND a number where a string goes is converted (0 is the port "0"), a string where a number goes too
    assert.deepEqual(lines(rule('d', { source_port_range: 0, priority: '4096', description: 7 })), []);
  });

  it('applies ConflictsWith and ExactlyOneOf; a reference counts as set, a reference or unknown alone is never invalid', () => {
    const ref = new TfReference('azurerm_application_security_group.ca.id');
    assert.deepEqual(lines(
      rule('a', { source_port_ranges: ['1024-65535'] }),
      rule('b', { source_address_prefixes: ['10.2.0.0/24'], priority: 101 }),
      rule('c', { destination_address_prefix: undefined, priority: 102 }),
      rule('d', { destination_application_security_group_ids: [ref], priority: 103 }),
      rule('e', { source_port_range: new TfUnknown('known after apply'), source_address_prefix: ref, priority: new TfUnknown('var.p') }),
    ), [
      `${RULE}.a source_port_ranges = ["1024-65535"]: conflicts with source_port_range (ConflictsWith) (source_port_range is also set)`,
      `${RULE}.b source_address_prefixes = ["10.2.0.0/24"]: exactly one of source_address_prefix, source_address_prefixes, source_application_security_group_ids (ExactlyOneOf) (source_address_prefix is also set)`,
      `${RULE}.c destination_address_prefix = (unset): exactly one of destination_address_prefix, destination_address_prefixes, destination_application_security_group_ids (ExactlyOneOf) (none is set)`,
      `${RULE}.d destination_application_security_group_ids = ["\${azurerm_application_security_group.ca.id}"]: exactly one of destination_address_prefix, destination_address_prefixes, destination_application_security_group_ids (ExactlyOneOf) (destination_address_prefix is also set)`,
    ]);
  });

  it("checks the rule's name (the provider's characters, Azure's naming rules) and at most 10 application security groups", () => {
    const asgs = Array.from({ length: 11 }, (_, i) => `${SUB}/applicationSecurityGroups/asg-${i}`);
    assert.deepEqual(lines(
      rule('a', { name: 'allow/https' }),
      rule('b', { name: '-allow', priority: 101 }),
      rule('c', { name: 'x'.repeat(81), priority: 102 }),
      rule('d', { source_address_prefix: undefined, source_application_security_group_ids: asgs, priority: 103 }),
      rule('e', { name: 'Règle_ä.1_', priority: 104 }),
    ), [
      `${RULE}.a name = "allow/https": 1-80 characters: word characters, ., - and _, beginning with a word character and ending with one or _`,
      `${RULE}.a name = "allow/https": no /, \\, ? or % (StringDoesNotContainAny("/\\?%"))`,
      `${RULE}.b name = "-allow": 1-80 characters: word characters, ., - and _, beginning with a word character and ending with one or _`,
      `${RULE}.c name = "${'x'.repeat(81)}": 1-80 characters: word characters, ., - and _, beginning with a word character and ending with one or _`,
      `${RULE}.d source_application_security_group_ids = ${JSON.stringify(asgs)}: at most 10 ids (MaxItems: 10) (11 given)`,
    ]);
  });

  it("refuses the ports and address prefixes Azure's API refuses, and a rule without ports on a side", () => {
    assert.deepEqual(lines(
      rule('a', { destination_port_range: '80,443', source_port_range: 'any' }),
      rule('b', { destination_port_range: undefined, destination_port_ranges: ['443', '1024-65536', '*'], priority: 101 }),
      rule('c', { source_address_prefix: '10.0.0.5/24', destination_address_prefix: '10.0.0.0/33', priority: 102 }),
      rule('d', { source_address_prefix: undefined, source_address_prefixes: ['10.0.0.0/8', 'VirtualNetwork', '*', '2001:db8::1/32'], priority: 103 }),
      rule('e', { destination_port_range: undefined, priority: 104 }),
      rule('f', { source_address_prefix: 'AzureLoadBalancer', destination_address_prefix: '10.0.0.7', destination_port_range: '0-65535', priority: 105 }),
      rule('g', { source_address_prefix: 'Sql.WestEurope', destination_address_prefix: '2001:db8::/32', source_port_range: '0', priority: 106 }),
    ), [
      `${RULE}.a destination_port_range = "80,443": *, an integer or an integer range N-M, from 0 to 65535 ("Value should be an integer OR integer range with '-' delimiter. Valid range 0-65535")`,
      `${RULE}.a source_port_range = "any": *, an integer or an integer range N-M, from 0 to 65535 ("Value should be an integer OR integer range with '-' delimiter. Valid range 0-65535")`,
      `${RULE}.b destination_port_ranges[1] = "1024-65536": each an integer or an integer range N-M, from 0 to 65535 ("Value should be an integer OR integer range with '-' delimiter"; * not judged)`,
      `${RULE}.c destination_address_prefix = "10.0.0.0/33": an address, a CIDR network address (no host bits, prefix length within the family), * or a service tag`,
      `${RULE}.c source_address_prefix = "10.0.0.5/24": an address, a CIDR network address (no host bits, prefix length within the family), * or a service tag`,
      `${RULE}.d source_address_prefixes[1] = "VirtualNetwork": each an address or an address range: no *, VirtualNetwork, Internet, AzureLoadBalancer or other tags`,
      `${RULE}.d source_address_prefixes[2] = "*": each an address or an address range: no *, VirtualNetwork, Internet, AzureLoadBalancer or other tags`,
      `${RULE}.d source_address_prefixes[3] = "2001:db8::1/32": each an address or a CIDR network address (no host bits, prefix length within the family)`,
      `${RULE}.e destination_port_range = (unset): one of destination_port_range and destination_port_ranges ("This is required if destination_port_ranges is not specified") (none is set)`,
    ]);
  });

  it('holds every JSON security_rule object to all its attributes, and to the checks the provider makes at apply', () => {
    // GIVEN a configuration whose inline rules leave attributes out, add one, or set both single and list forms
    const { description: _d, source_port_ranges: _s, ...partial } = inline();
    const found = lines(nsg('ca', [
      partial,
      inline({ name: 'both', priority: 110, source_port_ranges: ['1024-65535'], destination_address_prefixes: ['10.9.0.0/16'], protocol: 'UDP' }),
      inline({ name: 'neither', priority: 120, destination_port_range: null, source_address_prefix: '' }),
      { ...inline({ name: 'extra', priority: 130 }), port: 443 },
    ]));
    assert.deepEqual(found, [
      `${NSG}.ca security_rule[0].description = (unset): present in every security_rule object, null when unused (attributes as blocks are list-of-object expressions in JSON)`,
      `${NSG}.ca security_rule[0].source_port_ranges = (unset): present in every security_rule object, null when unused (attributes as blocks are list-of-object expressions in JSON)`,
      `${NSG}.ca security_rule[1].destination_address_prefixes = ["10.9.0.0/16"]: only one of "destination_address_prefix" and "destination_address_prefixes" can be used per security rule (validateSecurityRule, at apply) (destination_address_prefix is also set)`,
      `${NSG}.ca security_rule[1].protocol = "UDP": one of *, Tcp, Udp, Icmp, Ah, Esp (case-sensitive)`,
      `${NSG}.ca security_rule[1].source_port_ranges = ["1024-65535"]: only one of "source_port_range" and "source_port_ranges" can be used per security rule (validateSecurityRule, at apply) (source_port_range is also set)`,
      `${NSG}.ca security_rule[2].destination_port_range = (unset): one of destination_port_range and destination_port_ranges ("This is required if destination_port_ranges is not specified") (none is set)`,
      `${NSG}.ca security_rule[2].source_address_prefix = "": one of source_address_prefix, source_address_prefixes, source_application_security_group_ids ("This is required if source_address_prefixes is not specified") (none is set)`,
      `${NSG}.ca security_rule[3].port = 443: an argument of security_rule: name, description, protocol, source_port_range, source_port_ranges, destination_port_range, destination_port_ranges, source_address_prefix, source_address_prefixes, source_application_security_group_ids, destination_address_prefix, destination_address_prefixes, destination_application_security_group_ids, access, priority, direction (Unsupported argument)`,
    ]);
    // AND a plan's objects (unset fields written as "", [] or null by SDKv2, left out by the reader) are not held to the JSON form
    const fromPlan = { ...partial, source_port_range: '*', destination_port_ranges: [], source_address_prefixes: [] };
    assert.deepEqual(lines(planned(nsg('ca', [fromPlan]))), []);
    // AND an object where the list goes is the wrong type; a dynamic block (unknown) is not judged
    assert.deepEqual(lines(nsg('ca', inline()), nsg('db', new TfUnknown('a dynamic block'))),
      [`${NSG}.ca security_rule = ${JSON.stringify(inline())}: a list of objects (Incorrect attribute value type)`]);
  });

  it('parses subnet, NSG, NIC and ASG ids as the provider does (case-sensitive segments, one optional leading and trailing slash)', () => {
    const nsgId = `${SUB}/networkSecurityGroups/nsg-ca`;
    const assoc = (name: string, subnetId: ArgumentValue, nsgIdValue: ArgumentValue = nsgId) =>
      instance('azurerm_subnet_network_security_group_association', name, { subnet_id: subnetId, network_security_group_id: nsgIdValue });
    assert.deepEqual(lines(
      assoc('a', `${SUB}/virtualNetworks/vnet/subnets/ca`),
      assoc('b', `${SUB.slice(1)}/virtualNetworks/vnet/subnets/ca/`, new TfReference('azurerm_network_security_group.ca.id')),
      assoc('c', `${SUB.replace('resourceGroups', 'resourcegroups')}/virtualNetworks/vnet/subnets/ca`),
      assoc('d', `${SUB}/virtualNetworks/vnet/subnets/ca/extra`, `${SUB}/networkSecurityGroups/`),
      assoc('e', `${SUB}/virtualNetworks/vnet`, nsgId.replace('Microsoft.Network', 'microsoft.network')),
      instance('azurerm_network_interface_security_group_association', 'f', { network_interface_id: `${SUB}/networkInterfaces/nic-ca//`, network_security_group_id: nsgId }),
      instance('azurerm_network_interface_application_security_group_association', 'g', { network_interface_id: `${SUB}/networkInterfaces/nic-ca`, application_security_group_id: nsgId }),
    ).filter((l) => !l.includes('association per')), [
      `azurerm_network_interface_application_security_group_association.g application_security_group_id = "${nsgId}": an id of the form /subscriptions/{…}/resourceGroups/{…}/providers/Microsoft.Network/applicationSecurityGroups/{…}, case-sensitive (applicationsecuritygroups.ValidateApplicationSecurityGroupID)`,
      `azurerm_network_interface_security_group_association.f network_interface_id = "${SUB}/networkInterfaces/nic-ca//": an id of the form /subscriptions/{…}/resourceGroups/{…}/providers/Microsoft.Network/networkInterfaces/{…}, case-sensitive (commonids.ValidateNetworkInterfaceID)`,
      `azurerm_subnet_network_security_group_association.c subnet_id = "${SUB.replace('resourceGroups', 'resourcegroups')}/virtualNetworks/vnet/subnets/ca": an id of the form /subscriptions/{…}/resourceGroups/{…}/providers/Microsoft.Network/virtualNetworks/{…}/subnets/{…}, case-sensitive (commonids.ValidateSubnetID)`,
      `azurerm_subnet_network_security_group_association.d network_security_group_id = "${SUB}/networkSecurityGroups/": an id of the form /subscriptions/{…}/resourceGroups/{…}/providers/Microsoft.Network/networkSecurityGroups/{…}, case-sensitive (networksecuritygroups.ValidateNetworkSecurityGroupID)`,
      `azurerm_subnet_network_security_group_association.d subnet_id = "${SUB}/virtualNetworks/vnet/subnets/ca/extra": an id of the form /subscriptions/{…}/resourceGroups/{…}/providers/Microsoft.Network/virtualNetworks/{…}/subnets/{…}, case-sensitive (commonids.ValidateSubnetID)`,
      `azurerm_subnet_network_security_group_association.e network_security_group_id = "${nsgId.replace('Microsoft.Network', 'microsoft.network')}": an id of the form /subscriptions/{…}/resourceGroups/{…}/providers/Microsoft.Network/networkSecurityGroups/{…}, case-sensitive (networksecuritygroups.ValidateNetworkSecurityGroupID)`,
      `azurerm_subnet_network_security_group_association.e subnet_id = "${SUB}/virtualNetworks/vnet": an id of the form /subscriptions/{…}/resourceGroups/{…}/providers/Microsoft.Network/virtualNetworks/{…}/subnets/{…}, case-sensitive (commonids.ValidateSubnetID)`,
    ]);
  });

  it("checks the NSG's and the ASG's name, location, resource group and tags", () => {
    const tags = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i === 0 ? 'v'.repeat(257) : 'v']));
    assert.deepEqual(lines(
      nsg('a', [], { name: 'nsg ca', location: '', resource_group_name: 'rg.' }),
      instance('azurerm_application_security_group', 'b', { name: 'asg-ca', location: 'westeurope', resource_group_name: 'rg net', tags }),
      instance('azurerm_application_security_group', 'c', { name: 'asg-ca', location: 'West Europe', resource_group_name: 'rg_(net)-1.x' }),
    ), [
      `azurerm_application_security_group.b resource_group_name = "rg net": 1-90 characters of letters, digits, -, _, ., ( and ), not ending in . (resourcegroups.ValidateName)`,
      `azurerm_application_security_group.b tags = ${JSON.stringify(tags)}: at most 50 tags, keys of at most 512 characters, values of at most 256 (tags.Validate) (51 entries; the value of "k0" is 257 bytes)`,
      `${NSG}.a location = "": not empty (location.EnhancedValidate)`,
      `${NSG}.a name = "nsg ca": 1-80 characters: word characters, ., - and _, beginning with a word character and ending with one or _`,
      `${NSG}.a resource_group_name = "rg.": 1-90 characters of letters, digits, -, _, ., ( and ), not ending in . (resourcegroups.ValidateName)`,
    ]);
  });

  it('refuses two rules of one priority and direction, or of one name, in one NSG', () => {
    const byRef = { network_security_group_name: new TfReference('azurerm_network_security_group.ca.name') };
    assert.deepEqual(lines(
      rule('a'), rule('b', { name: 'ALLOW-a', priority: 200 }), rule('c', { direction: 'Outbound', name: 'out' }),
      rule('d', { name: 'other', priority: '100' }),
      rule('e', { ...byRef, name: 'e' }), rule('f', { ...byRef, name: 'f' }),
      rule('g', { name: 'g' }, ),
    ).filter((l) => l.includes('unique')), [
      `${RULE}.b name = "ALLOW-a": unique within the network security group, case-insensitive (${RULE}.a has this name too)`,
      `${RULE}.d priority = "100": unique per direction within the network security group: no two rules of one priority and direction (${RULE}.a has priority 100 Inbound too)`,
      `${RULE}.f priority = 100: unique per direction within the network security group: no two rules of one priority and direction (${RULE}.e has priority 100 Inbound too)`,
      `${RULE}.g priority = 100: unique per direction within the network security group: no two rules of one priority and direction (${RULE}.a has priority 100 Inbound too)`,
    ]);
    // AND another provider configuration, an unknown number of instances, or a differing NSG are not compared; a rule the plan forgets still holds its slot
    const other = { ...rule('h'), provider: { localName: 'azurerm', alias: 'hub', source: 'hashicorp/azurerm', key: 'azurerm.hub' } };
    assert.deepEqual(lines(rule('a'), other, { ...rule('i'), multiplicity: TfMultiplicity.UNKNOWN }, rule('j', { network_security_group_name: 'nsg-db' })), []);
    assert.deepEqual(lines(planned(rule('k')), { ...rule('l', { name: 'allow-k' }), origin: TfInstanceOrigin.FORGOTTEN }), [
      `${RULE}.k name = "allow-k": unique within the network security group, case-insensitive (${RULE}.l has this name too)`,
      `${RULE}.k priority = 100: unique per direction within the network security group: no two rules of one priority and direction (${RULE}.l has priority 100 Inbound too)`,
    ]);
    // AND inline rules clash within their NSG, but two identical objects are one element of the set
    assert.deepEqual(lines(nsg('ca', [inline(), inline(), inline({ name: 'other' }), inline({ direction: 'Outbound', name: 'out' })])), [
      `${NSG}.ca security_rule[2].priority = 100: unique per direction within the network security group: no two rules of one priority and direction (security_rule[0] has priority 100 Inbound too)`,
    ]);
  });

  it('refuses a second NSG association of one subnet or one network interface', () => {
    const subnet = `${SUB}/virtualNetworks/vnet/subnets/ca`;
    const nic = `${SUB}/networkInterfaces/nic-ca`;
    const subnetAssoc = (name: string, id: ArgumentValue) => instance('azurerm_subnet_network_security_group_association', name, { subnet_id: id, network_security_group_id: `${SUB}/networkSecurityGroups/nsg-${name}` });
    const nicAssoc = (name: string, id: ArgumentValue) => instance('azurerm_network_interface_security_group_association', name, { network_interface_id: id, network_security_group_id: `${SUB}/networkSecurityGroups/nsg-${name}` });
    const ref = new TfReference('azurerm_subnet.ca.id');
    assert.deepEqual(lines(
      subnetAssoc('a', subnet), subnetAssoc('b', subnet.toUpperCase().replace('/SUBSCRIPTIONS', '/subscriptions')), subnetAssoc('c', `${subnet}x`),
      subnetAssoc('d', ref), subnetAssoc('e', ref), { ...subnetAssoc('f', ref), module: 'module.other', address: 'module.other.azurerm_subnet_network_security_group_association.f' },
      nicAssoc('g', nic), { ...nicAssoc('h', nic), origin: TfInstanceOrigin.FORGOTTEN }, nicAssoc('i', new TfUnknown('known after apply')),
    ).filter((l) => l.includes('association per')), [
      `azurerm_network_interface_security_group_association.g network_interface_id = "${nic}": one network security group association per network interface: none where the network interface has one (unless the provider skips its import check) (azurerm_network_interface_security_group_association.h associates it too)`,
      `azurerm_subnet_network_security_group_association.b subnet_id = ${JSON.stringify(subnet.toUpperCase().replace('/SUBSCRIPTIONS', '/subscriptions'))}: one network security group association per subnet: none where the subnet has one (unless the provider skips its import check) (azurerm_subnet_network_security_group_association.a associates it too)`,
      'azurerm_subnet_network_security_group_association.e subnet_id = "${azurerm_subnet.ca.id}": one network security group association per subnet: none where the subnet has one (unless the provider skips its import check) (azurerm_subnet_network_security_group_association.d associates it too)',
    ]);
  });

  it("judges a configuration's and a plan's instances only, and sorts by element, then attribute", () => {
    const bad = rule('z', { protocol: 'tcp', access: 'allow' });
    assert.deepEqual(lines({ ...bad, origin: TfInstanceOrigin.STATE }, { ...bad, origin: TfInstanceOrigin.FORGOTTEN }, { ...bad, mode: 'data' }), []);
    const values = azureInvalidValues([bad, { ...rule('a', { priority: 1 }), offset: 42 }]);
    assert.deepEqual(values.map((v) => [v.element, v.attribute, v.offset]), [[`${RULE}.a`, 'priority', 42], [`${RULE}.z`, 'access', -1], [`${RULE}.z`, 'protocol', -1]]);
    assert.equal(values[0].source, 'hashicorp/terraform-provider-azurerm internal/services/network/network_security_rule_resource.go:176');
  });
});
