import type { ResourceSchema, SchemaAttributes, ValidationRow } from '../validation-engine';
import { atLeastOneOf, between, conflicting, exactlyOneOf, lengthBetween, mapWithin, mapKeysWithout, maxItems, notContainingAny, notEmpty, oneOf } from '../validation-checks';
import { AttributeKind as K } from '../validation-values';
import { AZURE_IDS, azureAddressPrefix, azureId, azureListedPrefix, azureName, azurePort, idShape, resourceGroupName } from './validation-checks';

/**
 * The azurerm provider's validation of the resource types the library writes and `check`
 * reads, as data (issue 19, principle 4). Schemas and validators are those of
 * hashicorp/terraform-provider-azurerm at `main` 69697b7f (5.2.x); the schemas of these types are
 * the same at v4.81.0. Rows whose source is Azure's API say what the Network resource provider
 * refuses at apply although the provider lets it through.
 */

const REPO = 'hashicorp/terraform-provider-azurerm';
const NSG = `${REPO} internal/services/network/network_security_group_resource.go`;
const RULE = `${REPO} internal/services/network/network_security_rule_resource.go`;
const SUBNET_ASSOCIATION = `${REPO} internal/services/network/subnet_network_security_group_association_resource.go`;
const NIC_ASSOCIATION = `${REPO} internal/services/network/network_interface_security_group_association_resource.go`;
const ASG = `${REPO} internal/services/network/application_security_group_resource.go`;
const NIC_ASG_ASSOCIATION = `${REPO} internal/services/network/network_interface_application_security_group_association_resource.go`;
const NSG_DOC = `${REPO} website/docs/r/network_security_group.html.markdown`;
const RULE_DOC = `${REPO} website/docs/r/network_security_rule.html.markdown`;
const HELPERS = 'hashicorp/go-azure-helpers resourcemanager (vendored in terraform-provider-azurerm)';
const API_PORTS = 'Azure Network API: SecurityRuleInvalidPortRange (azurerm issue #659, PR #1530)';
const API_PREFIX = 'Azure Network API: SecurityRuleInvalidAddressPrefix (Azure/azure-powershell#4557)';
const API_LISTED = `Azure Network API: SecurityRuleParameterContainsUnsupportedValue (azurerm issue #5617); ${RULE_DOC}:71,79 "Tags may not be used"`;
const API_NAMES = 'Azure naming rules: learn.microsoft.com azure-resource-manager/management/resource-name-rules (Microsoft.Network), network-security-groups-overview "Name"';

const PROTOCOLS = ['*', 'Tcp', 'Udp', 'Icmp', 'Ah', 'Esp'];

/** The attributes of a security rule, inline (`security_rule`) or standalone: ports, addresses, access. */
const RULE_ATTRIBUTES: SchemaAttributes = {
  name: { kind: K.STRING, required: true },
  description: { kind: K.STRING },
  protocol: { kind: K.STRING, required: true },
  source_port_range: { kind: K.STRING },
  source_port_ranges: { kind: K.STRINGS },
  destination_port_range: { kind: K.STRING },
  destination_port_ranges: { kind: K.STRINGS },
  source_address_prefix: { kind: K.STRING },
  source_address_prefixes: { kind: K.STRINGS },
  source_application_security_group_ids: { kind: K.STRINGS },
  destination_address_prefix: { kind: K.STRING },
  destination_address_prefixes: { kind: K.STRINGS },
  destination_application_security_group_ids: { kind: K.STRINGS },
  access: { kind: K.STRING, required: true },
  priority: { kind: K.INT, required: true },
  direction: { kind: K.STRING, required: true },
};

/** The schemas of the azurerm types validated. */
export const AZURE_SCHEMAS: readonly ResourceSchema[] = [
  {
    type: 'azurerm_network_security_group', source: NSG, attributes: {
      name: { kind: K.STRING, required: true },
      location: { kind: K.STRING, required: true },
      resource_group_name: { kind: K.STRING, required: true },
      security_rule: { kind: K.ATTRIBUTE_BLOCKS, nested: RULE_ATTRIBUTES },
      tags: { kind: K.MAP },
    },
  },
  {
    type: 'azurerm_network_security_rule', source: RULE, attributes: {
      ...RULE_ATTRIBUTES,
      resource_group_name: { kind: K.STRING, required: true },
      network_security_group_name: { kind: K.STRING, required: true },
    },
  },
  {
    type: 'azurerm_subnet_network_security_group_association', source: SUBNET_ASSOCIATION, attributes: {
      subnet_id: { kind: K.STRING, required: true },
      network_security_group_id: { kind: K.STRING, required: true },
    },
  },
  {
    type: 'azurerm_network_interface_security_group_association', source: NIC_ASSOCIATION, attributes: {
      network_interface_id: { kind: K.STRING, required: true },
      network_security_group_id: { kind: K.STRING, required: true },
    },
  },
  {
    type: 'azurerm_application_security_group', source: ASG, attributes: {
      name: { kind: K.STRING, required: true },
      location: { kind: K.STRING, required: true },
      resource_group_name: { kind: K.STRING, required: true },
      tags: { kind: K.MAP },
    },
  },
  {
    type: 'azurerm_network_interface_application_security_group_association', source: NIC_ASG_ASSOCIATION, attributes: {
      network_interface_id: { kind: K.STRING, required: true },
      application_security_group_id: { kind: K.STRING, required: true },
    },
  },
];

/** Lines of a rule schema's validators: description, protocol, access, priority, direction. */
type ValidatorLines = { readonly description: number; readonly protocol: number; readonly access: number; readonly priority: number; readonly direction: number };

/** The rows every security rule carries, inline (`block: 'security_rule'`) or standalone, with the schema's file and its validators' lines. */
function ruleRows(type: string, block: string | undefined, source: string, doc: string, at: ValidatorLines): ValidationRow[] {
  const row = (attribute: string, check: ValidationRow['check'], rule: string, from = source): ValidationRow => ({ type, block, attribute, check, rule, source: from });
  return [
    row('name', azureName, '1-80 characters: word characters, ., - and _, beginning with a word character and ending with one or _', API_NAMES),
    row('description', lengthBetween(0, 140), 'at most 140 characters (StringLenBetween(0, 140), bytes)', `${source}:${at.description}`),
    row('protocol', oneOf(PROTOCOLS), `one of ${PROTOCOLS.join(', ')} (case-sensitive)`, `${source}:${at.protocol}`),
    row('access', oneOf(['Allow', 'Deny']), 'one of Allow, Deny (case-sensitive)', `${source}:${at.access}`),
    row('priority', between(100, 4096), 'an integer from 100 to 4096 (IntBetween(100, 4096))', `${source}:${at.priority}`),
    row('direction', oneOf(['Inbound', 'Outbound']), 'one of Inbound, Outbound (case-sensitive)', `${source}:${at.direction}`),
    ...['source', 'destination'].flatMap((side) => [
      row(`${side}_port_range`, azurePort, "*, an integer or an integer range N-M, from 0 to 65535 (\"Value should be an integer OR integer range with '-' delimiter. Valid range 0-65535\")", API_PORTS),
      row(`${side}_port_ranges`, azurePort, "each an integer or an integer range N-M, from 0 to 65535 (\"Value should be an integer OR integer range with '-' delimiter\"; * not judged)", API_PORTS),
      row(`${side}_port_range|${side}_port_ranges`, atLeastOneOf([`${side}_port_range`, `${side}_port_ranges`]),
        `one of ${side}_port_range and ${side}_port_ranges ("This is required if ${side}_port_ranges is not specified")`, doc),
      row(`${side}_address_prefix`, azureAddressPrefix, 'an address, a CIDR network address (no host bits, prefix length within the family), * or a service tag', API_PREFIX),
      row(`${side}_address_prefixes`, azureAddressPrefix, 'each an address or a CIDR network address (no host bits, prefix length within the family)', API_PREFIX),
      row(`${side}_address_prefixes`, azureListedPrefix, 'each an address or an address range: no *, VirtualNetwork, Internet, AzureLoadBalancer or other tags', API_LISTED),
    ]),
  ];
}

/** The inline rules' checks at apply (`validateSecurityRule`) and the sides the documentation requires. */
function inlineRows(): ValidationRow[] {
  const type = 'azurerm_network_security_group';
  const block = 'security_rule';
  return [
    ...ruleRows(type, block, NSG, `${NSG_DOC}:75-81`, { description: 83, protocol: 89, access: 170, priority: 179, direction: 185 }),
    ...(['source_port_range', 'destination_port_range', 'source_address_prefix', 'destination_address_prefix'] as const).map((single): ValidationRow => {
      const list = single.endsWith('prefix') ? `${single}es` : `${single}s`;
      return {
        type, block, attribute: list, check: conflicting(single, list),
        rule: `only one of "${single}" and "${list}" can be used per security rule (validateSecurityRule, at apply)`, source: `${NSG}:533-566`,
      };
    }),
    ...['source', 'destination'].map((side): ValidationRow => ({
      type, block, attribute: `${side}_address_prefix|${side}_address_prefixes|${side}_application_security_group_ids`,
      check: atLeastOneOf([`${side}_address_prefix`, `${side}_address_prefixes`, `${side}_application_security_group_ids`]),
      rule: `one of ${side}_address_prefix, ${side}_address_prefixes, ${side}_application_security_group_ids ("This is required if ${side}_address_prefixes is not specified")`, source: `${NSG_DOC}:83-93`,
    })),
  ];
}

/** The standalone rule's own schema checks: the name's characters, ConflictsWith, ExactlyOneOf, MaxItems. */
function standaloneRows(): ValidationRow[] {
  const type = 'azurerm_network_security_rule';
  return [
    ...ruleRows(type, undefined, RULE, `${RULE_DOC}:61-67`, { description: 66, protocol: 72, access: 167, priority: 176, direction: 182 }),
    { type, attribute: 'name', check: notContainingAny('/\\?%'), rule: 'no /, \\, ? or % (StringDoesNotContainAny("/\\?%"))', source: `${RULE}:52` },
    { type, attribute: 'resource_group_name', check: resourceGroupName, rule: '1-90 characters of letters, digits, -, _, ., ( and ), not ending in . (resourcegroups.ValidateName)', source: `${HELPERS} resourcegroups/validate.go` },
    ...([['source', 85, 113, 141], ['destination', 99, 127, 154]] as const).flatMap(([side, conflicts, exactly, max]): ValidationRow[] => [
      { type, attribute: `${side}_port_ranges`, check: conflicting(`${side}_port_range`, `${side}_port_ranges`), rule: `conflicts with ${side}_port_range (ConflictsWith)`, source: `${RULE}:${conflicts}` },
      {
        type, attribute: `${side}_address_prefix|${side}_address_prefixes|${side}_application_security_group_ids`,
        check: exactlyOneOf([`${side}_address_prefix`, `${side}_address_prefixes`, `${side}_application_security_group_ids`]),
        rule: `exactly one of ${side}_address_prefix, ${side}_address_prefixes, ${side}_application_security_group_ids (ExactlyOneOf)`, source: `${RULE}:${exactly}`,
      },
      { type, attribute: `${side}_application_security_group_ids`, check: maxItems(`${side}_application_security_group_ids`, 10), rule: 'at most 10 ids (MaxItems: 10)', source: `${RULE}:${max}` },
    ]),
  ];
}

/** Name, location, resource group and tags of a resource with `commonschema` arguments. */
function placedRows(type: string): ValidationRow[] {
  return [
    { type, attribute: 'location', check: notEmpty, rule: 'not empty (location.EnhancedValidate)', source: `${HELPERS} commonschema/location.go, location/validation.go` },
    { type, attribute: 'resource_group_name', check: resourceGroupName, rule: '1-90 characters of letters, digits, -, _, ., ( and ), not ending in . (resourcegroups.ValidateName)', source: `${HELPERS} resourcegroups/validate.go` },
    { type, attribute: 'tags', check: mapWithin('tags', 50, 512, 256), rule: 'at most 50 tags, keys of at most 512 characters, values of at most 256 (tags.Validate)', source: `${HELPERS} tags/validate.go` },
    { type, attribute: 'tags', check: mapKeysWithout('tags', '<>%&\\?/'), rule: 'tag names without <, >, %, &, \\, ? or / (Azure Resource Manager)',
      source: 'Learn, "Use tags to organize your Azure resources", Limitations ("Tag names can\'t contain these characters: <, >, %, &, \\, ?, /"), https://learn.microsoft.com/en-us/azure/azure-resource-manager/management/tag-resources#limitations' },
  ];
}

/** A row checking an id argument against the id the provider parses. */
function idRow(type: string, attribute: string, segments: readonly (string | undefined)[], validator: string, source: string): ValidationRow {
  return { type, attribute, check: azureId(segments), rule: `an id of the form ${idShape(segments)}, case-sensitive (${validator})`, source };
}

/** Every row of the azurerm table. */
export const AZURE_ROWS: readonly ValidationRow[] = [
  { type: 'azurerm_network_security_group', attribute: 'name', check: azureName, rule: '1-80 characters: word characters, ., - and _, beginning with a word character and ending with one or _', source: API_NAMES },
  ...placedRows('azurerm_network_security_group'),
  ...inlineRows(),
  ...standaloneRows(),
  idRow('azurerm_subnet_network_security_group_association', 'subnet_id', AZURE_IDS.subnet, 'commonids.ValidateSubnetID', `${SUBNET_ASSOCIATION}:47`),
  idRow('azurerm_subnet_network_security_group_association', 'network_security_group_id', AZURE_IDS.networkSecurityGroup, 'networksecuritygroups.ValidateNetworkSecurityGroupID', `${SUBNET_ASSOCIATION}:54`),
  idRow('azurerm_network_interface_security_group_association', 'network_interface_id', AZURE_IDS.networkInterface, 'commonids.ValidateNetworkInterfaceID', `${NIC_ASSOCIATION}:45`),
  idRow('azurerm_network_interface_security_group_association', 'network_security_group_id', AZURE_IDS.networkSecurityGroup, 'networksecuritygroups.ValidateNetworkSecurityGroupID', `${NIC_ASSOCIATION}:52`),
  ...placedRows('azurerm_application_security_group'),
  idRow('azurerm_network_interface_application_security_group_association', 'network_interface_id', AZURE_IDS.networkInterface, 'commonids.ValidateNetworkInterfaceID', `${NIC_ASG_ASSOCIATION}:51`),
  idRow('azurerm_network_interface_application_security_group_association', 'application_security_group_id', AZURE_IDS.applicationSecurityGroup, 'applicationsecuritygroups.ValidateApplicationSecurityGroupID', `${NIC_ASG_ASSOCIATION}:58`),
];
