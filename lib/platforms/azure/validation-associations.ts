import { TfInstanceOrigin, TfMultiplicity, type TfInstance } from '../../terraform/document';
import { TfReference } from '../../terraform/values';
import type { InvalidValue } from '../validation';
import { jsonText } from '../validation-values';

/**
 * Two NSG associations of one subnet, or of one network interface: a subnet or an interface
 * carries one network security group, and the provider refuses to create an association where
 * one is already there ("we're intentionally not checking the ID - if there's a NSG, it needs to
 * be imported"), so one of the two fails at apply. The subnet or interface is the same when
 * the ids are the same text (Azure ids are case-insensitive) or the same reference in one
 * module. An association the plan forgets leaves its NSG in place and still occupies the subnet
 * (it is never reported itself). An instance standing for an unknown number is not compared.
 */

const REPO = 'hashicorp/terraform-provider-azurerm internal/services/network';
const KINDS = [
  {
    type: 'azurerm_subnet_network_security_group_association', attribute: 'subnet_id', what: 'subnet',
    source: `${REPO}/subnet_network_security_group_association_resource.go:134-138 (ImportAsExistsAssociationError)`,
  },
  {
    type: 'azurerm_network_interface_security_group_association', attribute: 'network_interface_id', what: 'network interface',
    source: `${REPO}/network_interface_security_group_association_resource.go:96-100 (ImportAsExistsError)`,
  },
] as const;

/** The rule of each kind of association, as reported. */
const ruleOf = (what: string): string => `one network security group association per ${what}: none where the ${what} has one (unless the provider skips its import check)`;

/** The rules of this file, for the documentation. */
export const ASSOCIATION_RULE_LINES: readonly string[] = KINDS.map((k) => `- ${k.type}.${k.attribute}: ${ruleOf(k.what)} (${k.source})`);

/** Invalid values from associations of one subnet or one network interface. */
export function sharedAssociations(instances: readonly TfInstance[]): InvalidValue[] {
  const out: InvalidValue[] = [];
  for (const kind of KINDS) {
    const judged = (i: TfInstance): boolean => i.origin === TfInstanceOrigin.CONFIGURATION || i.origin === TfInstanceOrigin.PLANNED;
    const compared = instances.filter((i) => i.type === kind.type && i.mode === 'managed' && i.multiplicity === TfMultiplicity.KNOWN
      && (judged(i) || i.origin === TfInstanceOrigin.FORGOTTEN));
    const first = new Map<string, TfInstance>();
    // Facts first (forgotten associations), then by address: the report never depends on input order.
    for (const a of [...compared].sort((x, y) => Number(judged(x)) - Number(judged(y)) || (x.address < y.address ? -1 : x.address > y.address ? 1 : 0))) {
      const id = a.values[kind.attribute];
      const key = typeof id === 'string' ? `literal:${id.toLowerCase()}` : id instanceof TfReference ? `reference:${a.module}:${id.traversal}` : undefined;
      if (key === undefined) continue;
      const earlier = first.get(key);
      if (!earlier) first.set(key, a);
      else if (judged(a)) {
        out.push({ element: a.address, attribute: kind.attribute, value: jsonText(id), rule: `${ruleOf(kind.what)} (${earlier.address} associates it too)`, source: kind.source, offset: a.offset });
      }
    }
  }
  return out;
}
