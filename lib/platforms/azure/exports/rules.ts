import { ArgumentValue } from '../../../terraform/values';
import { isObject } from '../../../util/json';
import { AzureRule } from '../network';
import { readRule } from '../rule-reading';
import { refIds, stringsOf } from './arm';

/**
 * One NSG rule as `az` prints it, read into the evaluator's `AzureRule` with the same reading as
 * a Terraform rule (`rule-reading.ts`): `az network nsg list` / `show` rules (flattened
 * `SecurityRulePropertiesFormat`: `sourceAddressPrefix` or `sourceAddressPrefixes`, the unused
 * one absent or `[]`; ports `*`, `N`, `N-M`), and the effective rules of `az network nic
 * list-effective-nsg` (names prefixed `securityRules/`, protocol `All` for `*`, ports `N-M`,
 * `*` printed `0.0.0.0/0`, tags with their `expanded*` prefixes). Application security groups
 * are read as the addresses of their members' ip configurations, when an `az network nic list`
 * shows at least one; otherwise the rule cannot be read.
 */

/** What a rule reading needs beside the rule: the members of application security groups, by id key (absent: no nic list). */
export interface RuleContext {
  readonly asgMembers?: ReadonlyMap<string, readonly string[]>;
}

/** A rule read, or why it cannot be. */
export type AzRuleReading = { readonly rule: AzureRule } | { readonly unreadable: string };

/** A rule's name without the `securityRules/` prefix of an effective rule. */
export function ruleName(raw: unknown): string {
  return typeof raw === 'string' ? raw.replace(/^(security|default)Rules\//i, '') : '';
}

/** True for an effective rule that is one of Azure's defaults (`defaultSecurityRules/...`). */
export function isDefaultEffective(raw: unknown): boolean {
  return typeof raw === 'string' && /^defaultSecurityRules\//i.test(raw);
}

/** The prefixes of one side, with its application security groups' members in place of the groups. */
function side(r: Record<string, unknown>, which: 'source' | 'destination', ctx: RuleContext): ArgumentValue[] | string {
  const prefixes = [...stringsOf(r[`${which}AddressPrefix`]), ...stringsOf(r[`${which}AddressPrefixes`])];
  const asgs = refIds(r[`${which}ApplicationSecurityGroups`]);
  if (asgs.length === 0) return prefixes;
  if (!ctx.asgMembers) return `${which} application security group ${asgs.map((a) => a.split('/').pop()).join(', ')}: its members are in no export (give az network nic list)`;
  // A group with no member in the exported interfaces may be empty or have its members in
  // interfaces the export left out (az network nic list -g scopes it): not known, so not read.
  const empty = asgs.filter((a) => (ctx.asgMembers!.get(a.toLowerCase()) ?? []).length === 0);
  if (empty.length > 0) return `${which} application security group ${empty.map((a) => a.split('/').pop()).join(', ')}: no exported interface is in it (empty, or its members are in interfaces the export left out)`;
  return [...prefixes, ...asgs.flatMap((a) => ctx.asgMembers!.get(a.toLowerCase())!)];
}

/** Ports of one side as Terraform's arguments hold them. */
function ports(r: Record<string, unknown>, which: 'source' | 'destination'): ArgumentValue[] {
  return [...stringsOf(r[`${which}PortRange`]), ...stringsOf(r[`${which}PortRanges`])];
}

/** Reads one rule of an export; `label` names its NSG (`rg-pki/pki-ca-nsg`). */
export function readAzRule(raw: unknown, label: string, ctx: RuleContext): AzRuleReading {
  if (!isObject(raw)) return { unreadable: 'not an object' };
  const name = ruleName(raw.name);
  const source = side(raw, 'source', ctx);
  if (typeof source === 'string') return { unreadable: source };
  const destination = side(raw, 'destination', ctx);
  if (typeof destination === 'string') return { unreadable: destination };
  const protocol = typeof raw.protocol === 'string' && raw.protocol.toLowerCase() === 'all' ? '*' : raw.protocol;
  const values: Record<string, ArgumentValue> = {
    name, direction: raw.direction as ArgumentValue, access: raw.access as ArgumentValue, protocol: protocol as ArgumentValue, priority: raw.priority as ArgumentValue,
    source_address_prefixes: source, destination_address_prefixes: destination,
    source_port_ranges: ports(raw, 'source'), destination_port_ranges: ports(raw, 'destination'),
  };
  const read = readRule(`${label}/${name}`, values, -1);
  return 'rule' in read ? { rule: read.rule } : { unreadable: read.unreadable };
}
