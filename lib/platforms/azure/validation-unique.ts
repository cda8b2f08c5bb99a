import { TfInstanceOrigin, TfMultiplicity, type TfInstance } from '../../terraform/document';
import { TfReference, type ArgumentValue } from '../../terraform/values';
import type { InvalidValue } from '../validation';
import { isObject, jsonText } from '../validation-values';
import { appendTo } from '../../util/maps';

/**
 * What Azure refuses across the rules of one network security group: two rules with the same
 * priority and direction (`SecurityRuleConflict`: "Rules cannot have the same Priority and
 * Direction"), and two rules of one name (a name is unique within the NSG; a second
 * `azurerm_network_security_rule` of that name fails to create, "already exists - to be managed
 * via Terraform this resource needs to be imported"). Inline rules are compared within their
 * NSG; standalone rules when the same provider configuration names the same resource group and
 * NSG (literally, or by the same reference); a rule the plan forgets stays in Azure and still
 * holds its priority and name (it is never reported itself). Identical inline objects are one
 * element of the set, never a conflict. An instance standing for an unknown number of instances
 * is not compared.
 */

const OVERVIEW = 'Azure Network API: SecurityRuleConflict (network-security-groups-overview "You can\'t create two security rules with the same priority and direction"; azurerm issues #11137, #19202)';
const NAME_OVERVIEW = 'Azure Network API: rule names are unique within the network security group (network-security-groups-overview "Name")';
const RULE_CREATE = 'hashicorp/terraform-provider-azurerm internal/services/network/network_security_rule_resource.go:197-209 (ImportAsExistsError)';
const PRIORITY_RULE = 'unique per direction within the network security group: no two rules of one priority and direction';
const NAME_RULE = 'unique within the network security group';

/** The rules of this file, for the documentation. */
export const CLASH_RULE_LINES: readonly string[] = [
  `- azurerm_network_security_group.security_rule.priority: ${PRIORITY_RULE} (${OVERVIEW})`,
  `- azurerm_network_security_group.security_rule.name: ${NAME_RULE}, case-insensitive (${NAME_OVERVIEW})`,
  `- azurerm_network_security_rule.priority: ${PRIORITY_RULE}, among the rules naming one resource group and NSG (${OVERVIEW})`,
  `- azurerm_network_security_rule.name: ${NAME_RULE}, case-insensitive, among the rules naming one resource group and NSG (${RULE_CREATE})`,
];

/** A rule reduced to what must be unique, and where it is written. */
interface Keyed {
  readonly element: string;
  readonly attributePrefix: string;
  readonly values: { readonly [key: string]: ArgumentValue };
  readonly offset: number;
  /** False for a rule that only occupies its priority and name (forgotten by the plan, left in Azure). */
  readonly reportable: boolean;
}

/** Invalid values from rules that clash within one network security group. */
export function clashingRules(instances: readonly TfInstance[]): InvalidValue[] {
  const compared = instances.filter((i) => i.mode === 'managed' && i.multiplicity === TfMultiplicity.KNOWN);
  const judged = compared.filter((i) => i.origin === TfInstanceOrigin.CONFIGURATION || i.origin === TfInstanceOrigin.PLANNED);
  const out: InvalidValue[] = [];
  for (const nsg of judged.filter((i) => i.type === 'azurerm_network_security_group')) {
    const rules = nsg.values.security_rule;
    if (!Array.isArray(rules)) continue;
    const seen = new Set<string>();
    const keyed: Keyed[] = [];
    rules.forEach((r: ArgumentValue, i) => {
      if (!isObject(r) || seen.has(jsonText(r))) return;
      seen.add(jsonText(r));
      keyed.push({ element: nsg.address, attributePrefix: `security_rule[${i}].`, values: r, offset: nsg.offset, reportable: true });
    });
    out.push(...clashes(keyed, NAME_OVERVIEW, (k) => k.attributePrefix.slice(0, -1)));
  }
  const groups = new Map<string, Keyed[]>();
  const standalone = compared.filter((i) => i.type === 'azurerm_network_security_rule'
    && (judged.includes(i) || i.origin === TfInstanceOrigin.FORGOTTEN));
  for (const rule of [...standalone].sort((a, b) => Number(judged.includes(a)) - Number(judged.includes(b)))) {
    const rg = identity(rule.values.resource_group_name);
    const nsg = identity(rule.values.network_security_group_name);
    if (rg === undefined || nsg === undefined) continue;
    const key = JSON.stringify([rule.provider.key, rule.module, rg, nsg]);
    appendTo(groups, key, { element: rule.address, attributePrefix: '', values: rule.values, offset: rule.offset, reportable: judged.includes(rule) });
  }
  for (const rules of groups.values()) out.push(...clashes(rules, RULE_CREATE, (k) => k.element));
  return out;
}

/** What names a resource group or NSG for grouping: a literal (Azure names are case-insensitive), or a reference's text; undefined when neither. */
function identity(v: ArgumentValue | undefined): string | undefined {
  if (typeof v === 'string') return `literal:${v.toLowerCase()}`;
  if (v instanceof TfReference) return `reference:${v.traversal}`;
  return undefined;
}

/** Every rule after the first of a priority and direction, and of a name, in the order given. */
function clashes(rules: readonly Keyed[], nameSource: string, label: (k: Keyed) => string): InvalidValue[] {
  const out: InvalidValue[] = [];
  const byPriority = new Map<string, Keyed>();
  const byName = new Map<string, Keyed>();
  for (const r of rules) {
    const priority = r.values.priority;
    const direction = r.values.direction;
    if ((typeof priority === 'number' || typeof priority === 'string') && typeof direction === 'string' && Number.isInteger(Number(priority))) {
      const key = `${Number(priority)} ${direction}`;
      const first = byPriority.get(key);
      if (first && r.reportable) out.push(invalid(r, 'priority', `${PRIORITY_RULE} (${label(first)} has priority ${key} too)`, OVERVIEW));
      else if (!first) byPriority.set(key, r);
    }
    const name = r.values.name;
    if (typeof name === 'string') {
      const first = byName.get(name.toLowerCase());
      if (first && r.reportable) out.push(invalid(r, 'name', `${NAME_RULE}, case-insensitive (${label(first)} has this name too)`, nameSource));
      else if (!first) byName.set(name.toLowerCase(), r);
    }
  }
  return out;
}

function invalid(r: Keyed, attribute: string, rule: string, source: string): InvalidValue {
  return { element: r.element, attribute: r.attributePrefix + attribute, value: jsonText(r.values[attribute]), rule, source, offset: r.offset };
}
