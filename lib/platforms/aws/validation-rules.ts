import type { ResourceSchema, SchemaAttributes, ValidationRow } from '../validation-engine';
import { atLeast, atLeastOneOf, between, cidr, conflicting, exactlyOneOf, ipv4NetworkAddress, ipv6NetworkAddress, lengthBetween, notEmpty, notMatching, oneOf } from '../validation-checks';
import { AttributeKind as K } from '../validation-values';
import { icmpAllTypesAllCodes, portsRequiredFor, ruleDescription, zeroPortsForAllProtocols } from './validation-checks';

/**
 * The AWS provider's validation of the security group types the library writes and `check`
 * reads, as data (issue 19, principle 4). Sources are hashicorp/terraform-provider-aws as stored
 * in the search index (v5/v6-era files: `vpc_security_group.go` of the 6.x line, the framework
 * rule resources of commit d2b7f56a); the 6.x `region` argument is not validated here. Rows whose
 * source is the EC2 API say what AWS refuses although the provider sends it.
 */

const REPO = 'hashicorp/terraform-provider-aws';
const GROUP = `${REPO} internal/service/ec2/vpc_security_group.go`;
const LEGACY_RULE = `${REPO} internal/service/ec2/vpc_security_group_rule.go`;
const VPC_RULE = `${REPO} internal/service/ec2/vpc_security_group_ingress_rule.go (securityGroupRuleResource, shared by vpc_security_group_egress_rule.go)`;
const ATTACHMENT = `${REPO} internal/service/ec2/vpc_network_interface_sg_attachment.go`;
const PREFIX_LIST = `${REPO} internal/service/ec2/vpc_managed_prefix_list.go`;
const PREFIX_LIST_ENTRY = `${REPO} internal/service/ec2/vpc_managed_prefix_list_entry.go`;
const IPV4 = `${REPO} internal/verify/validate.go (ValidateIPv4CIDRBlock)`;
const IPV6 = `${REPO} internal/verify/validate.go (ValidateIPv6CIDRBlock)`;
const FW_CIDR = `${REPO} internal/framework/validators/cidr.go (IPv4CIDRNetworkAddress, IPv6CIDRNetworkAddress)`;
const DESCRIPTION = `${REPO} internal/service/ec2/validate.go (validSecurityGroupRuleDescription, after the EC2 API's IpRange)`;
const IP_PERMISSION = 'AWS EC2 API Reference: IpPermission (IpProtocol, ToPort)';
const SDK_CIDR = 'hashicorp/terraform-plugin-sdk helper/validation/network.go (IsCIDR)';

const IPV4_RULE = 'an IPv4 CIDR block that is its network address, no host bits ("10.0.0.1/8" is not a valid IPv4 CIDR block; did you mean "10.0.0.0/8"?)';
const IPV6_RULE = 'an IPv6 CIDR block that is its network address, no host bits';
const DESCRIPTION_RULE = 'at most 255 characters of a-z, A-Z, 0-9, spaces and ._-:/()#,@[]+=&;{}!$*';

/** The attributes of an inline `ingress` / `egress` object (all present in JSON: attributes as blocks). */
const INLINE_RULE: SchemaAttributes = {
  cidr_blocks: { kind: K.STRINGS },
  description: { kind: K.STRING },
  from_port: { kind: K.INT, required: true },
  ipv6_cidr_blocks: { kind: K.STRINGS },
  prefix_list_ids: { kind: K.STRINGS },
  protocol: { kind: K.STRING, required: true },
  security_groups: { kind: K.STRINGS },
  self: { kind: K.BOOL },
  to_port: { kind: K.INT, required: true },
};

/** The arguments of `aws_vpc_security_group_ingress_rule` and `_egress_rule`. */
const VPC_RULE_ATTRIBUTES: SchemaAttributes = {
  cidr_ipv4: { kind: K.STRING },
  cidr_ipv6: { kind: K.STRING },
  description: { kind: K.STRING },
  from_port: { kind: K.INT },
  ip_protocol: { kind: K.STRING, required: true },
  prefix_list_id: { kind: K.STRING },
  referenced_security_group_id: { kind: K.STRING },
  security_group_id: { kind: K.STRING, required: true },
  tags: { kind: K.MAP },
  to_port: { kind: K.INT },
};

/** The schemas of the aws types validated. */
export const AWS_SCHEMAS: readonly ResourceSchema[] = [
  {
    type: 'aws_security_group', source: GROUP, attributes: {
      description: { kind: K.STRING },
      egress: { kind: K.ATTRIBUTE_BLOCKS, nested: INLINE_RULE },
      ingress: { kind: K.ATTRIBUTE_BLOCKS, nested: INLINE_RULE },
      name: { kind: K.STRING },
      name_prefix: { kind: K.STRING },
      revoke_rules_on_delete: { kind: K.BOOL },
      tags: { kind: K.MAP },
      vpc_id: { kind: K.STRING },
    },
  },
  {
    type: 'aws_security_group_rule', source: LEGACY_RULE, attributes: {
      cidr_blocks: { kind: K.STRINGS },
      description: { kind: K.STRING },
      from_port: { kind: K.INT, required: true },
      ipv6_cidr_blocks: { kind: K.STRINGS },
      prefix_list_ids: { kind: K.STRINGS },
      protocol: { kind: K.STRING, required: true },
      security_group_id: { kind: K.STRING, required: true },
      self: { kind: K.BOOL },
      source_security_group_id: { kind: K.STRING },
      to_port: { kind: K.INT, required: true },
      type: { kind: K.STRING, required: true },
    },
  },
  { type: 'aws_vpc_security_group_ingress_rule', source: VPC_RULE, attributes: VPC_RULE_ATTRIBUTES },
  { type: 'aws_vpc_security_group_egress_rule', source: VPC_RULE, attributes: VPC_RULE_ATTRIBUTES },
  {
    type: 'aws_network_interface_sg_attachment', source: ATTACHMENT, attributes: {
      network_interface_id: { kind: K.STRING, required: true },
      security_group_id: { kind: K.STRING, required: true },
    },
  },
  {
    type: 'aws_ec2_managed_prefix_list', source: PREFIX_LIST, attributes: {
      address_family: { kind: K.STRING, required: true },
      entry: { kind: K.BLOCKS, nested: { cidr: { kind: K.STRING, required: true }, description: { kind: K.STRING } } },
      max_entries: { kind: K.INT, required: true },
      name: { kind: K.STRING, required: true },
      tags: { kind: K.MAP },
    },
  },
  {
    type: 'aws_ec2_managed_prefix_list_entry', source: PREFIX_LIST_ENTRY, attributes: {
      cidr: { kind: K.STRING, required: true },
      description: { kind: K.STRING },
      prefix_list_id: { kind: K.STRING, required: true },
    },
  },
];

/** The rows of an inline `ingress` or `egress` object. */
function inlineRows(block: string): ValidationRow[] {
  const type = 'aws_security_group';
  return [
    { type, block, attribute: 'cidr_blocks', check: ipv4NetworkAddress, rule: `each ${IPV4_RULE}`, source: IPV4 },
    { type, block, attribute: 'ipv6_cidr_blocks', check: ipv6NetworkAddress, rule: `each ${IPV6_RULE}`, source: IPV6 },
    { type, block, attribute: 'description', check: ruleDescription, rule: DESCRIPTION_RULE, source: DESCRIPTION },
    { type, block, attribute: 'from_port|to_port', check: zeroPortsForAllProtocols, rule: 'from_port and to_port both 0 with the protocol "-1" (expandIPPerms, at apply)', source: GROUP },
    { type, block, attribute: 'to_port', check: icmpAllTypesAllCodes('protocol'), rule: 'to_port -1 (all ICMP codes) when from_port is -1 (all ICMP types)', source: IP_PERMISSION },
  ];
}

/** The rows of the two framework rule resources. */
function vpcRuleRows(type: string): ValidationRow[] {
  return [
    { type, attribute: 'cidr_ipv4', check: ipv4NetworkAddress, rule: IPV4_RULE, source: FW_CIDR },
    { type, attribute: 'cidr_ipv6', check: ipv6NetworkAddress, rule: IPV6_RULE, source: FW_CIDR },
    { type, attribute: 'from_port', check: between(-1, 65535), rule: 'an integer from -1 to 65535 (int64validator.Between(-1, 65535))', source: VPC_RULE },
    { type, attribute: 'to_port', check: between(-1, 65535), rule: 'an integer from -1 to 65535 (int64validator.Between(-1, 65535))', source: VPC_RULE },
    {
      type, attribute: 'cidr_ipv4|cidr_ipv6|prefix_list_id|referenced_security_group_id',
      check: exactlyOneOf(['cidr_ipv4', 'cidr_ipv6', 'prefix_list_id', 'referenced_security_group_id']),
      rule: 'exactly one of cidr_ipv4, cidr_ipv6, prefix_list_id, referenced_security_group_id (resourcevalidator.ExactlyOneOf)', source: VPC_RULE,
    },
    { type, attribute: 'from_port|to_port', check: portsRequiredFor('ip_protocol'), rule: 'from_port and to_port set for tcp, udp and icmp ("For tcp, udp, and icmp, you must specify a port range")', source: IP_PERMISSION },
    { type, attribute: 'to_port', check: icmpAllTypesAllCodes('ip_protocol'), rule: 'to_port -1 (all ICMP codes) when from_port is -1 (all ICMP types)', source: IP_PERMISSION },
    { type, attribute: 'description', check: ruleDescription, rule: DESCRIPTION_RULE, source: `EC2 API Reference: IpRange (Description), as ${DESCRIPTION}` },
  ];
}

/** The legacy rule resource: its type, its sources' ConflictsWith and AtLeastOneOf, its CIDRs and description. */
function legacyRows(): ValidationRow[] {
  const type = 'aws_security_group_rule';
  const sources = ['cidr_blocks', 'ipv6_cidr_blocks', 'prefix_list_ids', 'self', 'source_security_group_id'];
  const conflicts: readonly [string, string][] = [
    ['cidr_blocks', 'self'], ['cidr_blocks', 'source_security_group_id'], ['ipv6_cidr_blocks', 'self'],
    ['ipv6_cidr_blocks', 'source_security_group_id'], ['self', 'source_security_group_id'],
  ];
  return [
    { type, attribute: 'type', check: oneOf(['ingress', 'egress']), rule: 'one of ingress, egress (case-sensitive)', source: LEGACY_RULE },
    { type, attribute: 'cidr_blocks', check: ipv4NetworkAddress, rule: `each ${IPV4_RULE}`, source: IPV4 },
    { type, attribute: 'ipv6_cidr_blocks', check: ipv6NetworkAddress, rule: `each ${IPV6_RULE}`, source: IPV6 },
    { type, attribute: 'prefix_list_ids', check: notEmpty, rule: 'each not empty (NoZeroValues)', source: LEGACY_RULE },
    { type, attribute: 'description', check: ruleDescription, rule: DESCRIPTION_RULE, source: DESCRIPTION },
    // self (default false) and source_security_group_id (computed) carry values in a plan the configuration never set.
    ...conflicts.map(([a, b]): ValidationRow => ({ type, attribute: b, check: conflicting(a, b), rule: `conflicts with ${a} (ConflictsWith)`, source: LEGACY_RULE, configurationOnly: true })),
    { type, attribute: sources.join('|'), check: atLeastOneOf(sources), rule: `one of ${sources.join(', ')} at least (AtLeastOneOf)`, source: LEGACY_RULE },
    { type, attribute: 'to_port', check: icmpAllTypesAllCodes('protocol'), rule: 'to_port -1 (all ICMP codes) when from_port is -1 (all ICMP types)', source: IP_PERMISSION },
  ];
}

/** Every row of the aws table. */
export const AWS_ROWS: readonly ValidationRow[] = [
  { type: 'aws_security_group', attribute: 'name', check: lengthBetween(0, 255), rule: 'at most 255 characters (StringLenBetween(0, 255))', source: GROUP },
  { type: 'aws_security_group', attribute: 'name', check: notMatching(/^sg-/), rule: 'cannot begin with sg-', source: GROUP },
  { type: 'aws_security_group', attribute: 'name_prefix', check: lengthBetween(0, 229), rule: 'at most 229 characters (StringLenBetween(0, 255-id.UniqueIDSuffixLength))', source: GROUP },
  { type: 'aws_security_group', attribute: 'name_prefix', check: notMatching(/^sg-/), rule: 'cannot begin with sg-', source: GROUP },
  // name and name_prefix are Optional+Computed: a plan carries both.
  { type: 'aws_security_group', attribute: 'name_prefix', check: conflicting('name', 'name_prefix'), rule: 'conflicts with name (ConflictsWith)', source: GROUP, configurationOnly: true },
  { type: 'aws_security_group', attribute: 'description', check: lengthBetween(0, 255), rule: 'at most 255 characters (StringLenBetween(0, 255))', source: GROUP },
  ...inlineRows('ingress'),
  ...inlineRows('egress'),
  ...legacyRows(),
  ...vpcRuleRows('aws_vpc_security_group_ingress_rule'),
  ...vpcRuleRows('aws_vpc_security_group_egress_rule'),
  { type: 'aws_ec2_managed_prefix_list', attribute: 'address_family', check: oneOf(['IPv4', 'IPv6']), rule: 'one of IPv4, IPv6 (case-sensitive)', source: PREFIX_LIST },
  { type: 'aws_ec2_managed_prefix_list', attribute: 'max_entries', check: atLeast(1), rule: 'at least 1 (IntAtLeast(1))', source: PREFIX_LIST },
  { type: 'aws_ec2_managed_prefix_list', attribute: 'name', check: lengthBetween(1, 255), rule: '1 to 255 characters (StringLenBetween(1, 255))', source: PREFIX_LIST },
  { type: 'aws_ec2_managed_prefix_list', block: 'entry', attribute: 'cidr', check: cidr, rule: 'a CIDR block Go parses (IsCIDR; host bits allowed)', source: `${PREFIX_LIST}; ${SDK_CIDR}` },
  { type: 'aws_ec2_managed_prefix_list', block: 'entry', attribute: 'description', check: lengthBetween(0, 255), rule: 'at most 255 characters (StringLenBetween(0, 255))', source: PREFIX_LIST },
  { type: 'aws_ec2_managed_prefix_list_entry', attribute: 'cidr', check: cidr, rule: 'a CIDR block Go parses (IsCIDR; host bits allowed)', source: `${PREFIX_LIST_ENTRY}; ${SDK_CIDR}` },
  { type: 'aws_ec2_managed_prefix_list_entry', attribute: 'description', check: lengthBetween(0, 255), rule: 'at most 255 characters (StringLenBetween(0, 255))', source: PREFIX_LIST_ENTRY },
];
