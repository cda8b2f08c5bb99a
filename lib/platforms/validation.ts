/**
 * Values Terraform or a provider would reject (issue 19, principle 4). An attribute outside
 * its validation makes the plan invalid: the check reports it as such, with the attribute, the
 * value and the provider's rule, instead of judging a configuration that will never exist.
 * Each platform answers for the resource types it writes and reads
 * (`lib/platforms/<platform>/validation.ts`); this file is what they share.
 */

/** A value the provider (or Terraform, or the cloud's API at plan/apply) would reject. */
export interface InvalidValue {
  /** The instance's address: `azurerm_network_security_rule.x`, `module.pki.aws_security_group.ca`. */
  readonly element: string;
  /** The attribute, with the position inside nested blocks and lists: `priority`, `security_rule[2].protocol`, `ingress[0].cidr_blocks[1]`. */
  readonly attribute: string;
  /** The value as JSON text (a reference as its `${…}` text), or `(unset)`. */
  readonly value: string;
  /** What is accepted, in the provider's words: `one of *, Tcp, Udp, Icmp, Ah, Esp (case-sensitive)`. */
  readonly rule: string;
  /** Where the rule comes from: `hashicorp/terraform-provider-azurerm internal/services/network/network_security_rule_resource.go`. */
  readonly source: string;
  /** The instance's offset in the input text; -1 when not from text. */
  readonly offset: number;
}

/** The text of an unset value in an `InvalidValue`. */
export const UNSET = '(unset)';

/** Orders invalid values by element, then attribute (then rule and value, so equal inputs give one order). */
export function compareInvalidValues(a: InvalidValue, b: InvalidValue): number {
  return compareText(a.element, b.element) || compareText(a.attribute, b.attribute)
    || compareText(a.rule, b.rule) || compareText(a.value, b.value);
}

/** Code-unit order, independent of the locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
