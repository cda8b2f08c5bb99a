import { isObject } from '../../../util/json';

/**
 * The `az network` exports `audit` reads, recognised by their shape as `az ... -o json` prints
 * them: flattened ARM objects (no `properties` wrapper: AAZ's `client_flatten`), keys sorted,
 * `resourceGroup` added. A list command prints one array; `show` one object;
 * `nic list-effective-nsg` the result object `{ "value": [...] }`.
 */

/** The commands, as messages name them. */
export const AZ_COMMANDS = {
  nsgList: 'az network nsg list',
  nsgShow: 'az network nsg show',
  vnetList: 'az network vnet list',
  vnetShow: 'az network vnet show',
  subnetList: 'az network vnet subnet list',
  subnetShow: 'az network vnet subnet show',
  nicList: 'az network nic list',
  nicShow: 'az network nic show',
  effective: 'az network nic list-effective-nsg',
  empty: 'an empty az network ... list',
} as const;

const isNsg = (x: unknown): boolean => isObject(x) && Array.isArray(x.securityRules) && Array.isArray(x.defaultSecurityRules);
const isVnet = (x: unknown): boolean => isObject(x) && isObject(x.addressSpace) && (x.subnets === undefined || Array.isArray(x.subnets));
const isSubnet = (x: unknown): boolean => isObject(x) && typeof x.id === 'string' && /\/virtualnetworks\/[^/]+\/subnets\/[^/]+$/i.test(x.id)
  && (typeof x.addressPrefix === 'string' || Array.isArray(x.addressPrefixes));
const isNic = (x: unknown): boolean => isObject(x) && Array.isArray(x.ipConfigurations) && typeof x.type === 'string' && x.type.toLowerCase() === 'microsoft.network/networkinterfaces';
const isEffective = (x: unknown): boolean => isObject(x) && Array.isArray(x.value)
  && x.value.every((v: unknown) => isObject(v) && Array.isArray(v.effectiveSecurityRules) && (isObject(v.networkSecurityGroup) || isObject(v.association)));

/** The command that prints this JSON, when it is one of the exports `audit` reads. */
export function recogniseAz(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    if (value.length === 0) return AZ_COMMANDS.empty;
    if (value.every(isNsg)) return AZ_COMMANDS.nsgList;
    if (value.every(isVnet)) return AZ_COMMANDS.vnetList;
    if (value.every(isSubnet)) return AZ_COMMANDS.subnetList;
    if (value.every(isNic)) return AZ_COMMANDS.nicList;
    return undefined;
  }
  if (isNsg(value)) return AZ_COMMANDS.nsgShow;
  if (isEffective(value) && (value as { value: unknown[] }).value.length > 0) return AZ_COMMANDS.effective;
  if (isVnet(value)) return AZ_COMMANDS.vnetShow;
  if (isSubnet(value)) return AZ_COMMANDS.subnetShow;
  if (isNic(value)) return AZ_COMMANDS.nicShow;
  return undefined;
}

/** Why JSON that looks like Azure network objects is not one of the exports, when it does. */
export function azNearMiss(value: unknown): string | undefined {
  const items = Array.isArray(value) ? value : isObject(value) && Array.isArray(value.value) ? value.value : [value];
  if (items.some((x) => isObject(x) && isObject(x.properties) && ['securityRules', 'addressSpace', 'ipConfigurations', 'addressPrefix', 'addressPrefixes'].some((k) => k in x.properties))) {
    return 'an ARM REST body (az rest, az resource): its rules and addresses are nested under "properties", which az network ... -o json never prints';
  }
  if (Array.isArray(value) && value.length > 0 && value.every((x) => typeof x === 'string')) return 'a list of strings (a --query projection), with no rules or addresses';
  if (items.length > 0 && items.every((x) => isObject(x) && typeof x.id === 'string' && /\/providers\/microsoft\.network\//i.test(x.id))) {
    return 'Azure network objects without the keys an export has (a --query projection, or another command\'s output)';
  }
  return undefined;
}
