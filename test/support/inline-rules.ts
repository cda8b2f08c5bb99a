/**
 * In JSON, attributes written as blocks (an NSG's `security_rule`, a group's `ingress` and
 * `egress`) are list-of-object expressions: each object lists every attribute, null when unused
 * (Terraform, "Attributes as Blocks"). These fill in the nulls of a hand-written object.
 */

/** The attributes of an NSG's `security_rule` object (azurerm network_security_group_resource.go), null. */
export const NSG_RULE_NULLS: Readonly<Record<string, null>> = Object.fromEntries(['name', 'description', 'protocol', 'source_port_range', 'source_port_ranges',
  'destination_port_range', 'destination_port_ranges', 'source_address_prefix', 'source_address_prefixes', 'source_application_security_group_ids',
  'destination_address_prefix', 'destination_address_prefixes', 'destination_application_security_group_ids', 'access', 'priority', 'direction'].map((k) => [k, null]));

/** An `aws_security_group` ingress or egress object with every attribute (aws security_group.go), unused ones null. */
export function awsInlineRule(p: Record<string, unknown>): Record<string, unknown> {
  return { cidr_blocks: null, description: null, ipv6_cidr_blocks: null, prefix_list_ids: null, security_groups: null, self: null, ...p };
}
