import { EstateTier, presentTiers } from '../../model/estate';
import type { ResolvedInput } from '../../input/resolved';
import { TfDocument, TfInstance, TfInstanceOrigin, TfMultiplicity, TfProblemKind } from '../../terraform/document';
import { InstanceIndex, specValue } from '../../terraform/instance-index';
import { ArgumentValue, TfReference, TfUnknown } from '../../terraform/values';
import { AzureNetwork, AzureNsg } from './network';
import { NetworkProblem, ProblemKind } from '../evaluator';
import { readRule } from './rule-reading';
import { azureEnforcement, azureSettings } from './settings';
import { unmodeledProblems } from './membership';
import { appendTo } from '../../util/maps';

/** The provider whose resources the Azure reader models. */
export const AZURERM_SOURCE = 'hashicorp/azurerm';

const NSG = 'azurerm_network_security_group';
const RULE = 'azurerm_network_security_rule';
const SUBNET_ASSOCIATION = 'azurerm_subnet_network_security_group_association';
const NIC_ASSOCIATION = 'azurerm_network_interface_security_group_association';

/** The resource types the reader models (of hashicorp/azurerm); everything else goes through `membership.ts`. */
export const AZURE_MODELED_TYPES: ReadonlySet<string> = new Set([NSG, RULE, SUBNET_ASSOCIATION, NIC_ASSOCIATION, 'azurerm_subnet', 'azurerm_resource_group']);

/** An NSG's identity: the provider configuration it lands under, its resource group and name. */
export function nsgKey(alias: string | undefined, resourceGroup: string, name: string): string {
  return `${alias ?? ''}|${resourceGroup}/${name}`.toLowerCase();
}

/** `rg/name` of an NSG key, for messages. */
export function nsgLabel(key: string): string {
  return key.replace(/^[^|]*\|/, '').replace(/^addr\|/, '');
}

const SUBNET_SUFFIX = /\/resourcegroups\/([^/]+)\/providers\/microsoft\.network\/virtualnetworks\/([^/]+)\/subnets\/([^/]+)$/;
const NSG_ID = /\/resourcegroups\/([^/]+)\/providers\/microsoft\.network\/networksecuritygroups\/([^/]+)$/;

/**
 * Reads Azure network security from a Terraform document for an estate: the NSGs (created,
 * or named by the spec), every rule that will be in them, and which subnet each guards. Where
 * a resource lands is part of its identity (provider alias, resource group, name), so a rule
 * for an NSG of the same name elsewhere is not the estate's. What could reach the estate but
 * cannot be read is a problem, never dropped: an unknown value, a `count` or `for_each` that
 * cannot be counted, inline rules and rule resources on one NSG, two NSGs on one subnet, and
 * (`membership.ts`) any element the reader does not model that names or could name the estate.
 */
export function readAzureTerraform(doc: TfDocument, spec: ResolvedInput): AzureNetwork {
  const index = new InstanceIndex(doc);
  const problems: NetworkProblem[] = [];
  const unresolved = (element: string, message: string, offset: number): void => { problems.push({ kind: TfProblemKind.UNRESOLVED, element, message, offset }); };
  const tiers = presentTiers(spec.estate) as EstateTier[];
  const modeled = (i: TfInstance): boolean => i.provider.source === AZURERM_SOURCE && AZURE_MODELED_TYPES.has(i.type);
  const live = doc.instances.filter((i) => i.mode === 'managed' && modeled(i));
  const nsgs = new Map<string, AzureNsg>();
  const nsgOf = (key: string, label: string, address?: string): AzureNsg => {
    let n = nsgs.get(key);
    if (!n) nsgs.set(key, n = { key, label, address, rules: [] });
    return n;
  };

  // An NSG (a resource, or a data source that stands for one) and the key its name gives it.
  // A created NSG whose name is not known is still one NSG, named by its address; a data source
  // whose name is not known may stand for any NSG: no key.
  const keyOfNsgInstance = (i: TfInstance): string | undefined => {
    const name = index.literal(i.values.name, i);
    const rg = index.literal(i.values.resource_group_name, i);
    if (name !== undefined && rg !== undefined) return nsgKey(i.provider.alias, rg, name);
    return i.mode === 'managed' ? `addr|${i.address}`.toLowerCase() : undefined;
  };
  const createdKey = (i: TfInstance): string => keyOfNsgInstance(i)!;
  /** The NSG a name and resource group (literals or references) designate, under a provider alias, seen from `from`. */
  const nsgNamed = (nameValue: ArgumentValue | undefined, rgValue: ArgumentValue | undefined, alias: string | undefined, from?: TfInstance): string | undefined => {
    if (nameValue instanceof TfReference) {
      const t = index.target(nameValue, from);
      if (t && t.instance.type === NSG && t.attribute === 'name') {
        const key = keyOfNsgInstance(t.instance);
        const rg = index.literal(rgValue, from);
        const nsgRg = index.literal(t.instance.values.resource_group_name, t.instance);
        // The rule names the NSG's name but another resource group: another NSG of that name.
        if (rg !== undefined && nsgRg !== undefined && rg.toLowerCase() !== nsgRg.toLowerCase()) {
          return nsgKey(alias, rg, index.literal(t.instance.values.name, t.instance) ?? t.instance.address);
        }
        return key;
      }
    }
    const name = index.literal(nameValue, from);
    const rg = index.literal(rgValue, from);
    if (name !== undefined && rg !== undefined) return nsgKey(alias, rg, name);
    // Written as the same expression the spec gives (a module's variable): the same NSG.
    const written = nsgKey(alias, expressionText(rgValue, rg), expressionText(nameValue, name));
    return specExpressionKeys.has(written) ? written : undefined;
  };
  const nsgById = (value: ArgumentValue | undefined, from: TfInstance): string | undefined => {
    if (value instanceof TfReference) {
      const t = index.target(value, from);
      if (t && t.instance.type === NSG && t.attribute === 'id') return keyOfNsgInstance(t.instance);
    }
    const id = index.literal(value, from)?.toLowerCase();
    const m = id ? NSG_ID.exec(id) : null;
    if (!m) return undefined;
    // An id names its subscription: the NSG of that resource group and name the input declares, else the default configuration's.
    const declared = [...nsgs.keys()].filter((k) => nsgLabel(k) === `${m[1]}/${m[2]}`);
    return declared.length === 1 ? declared[0] : nsgKey(undefined, m[1], m[2]);
  };

  // NSGs created by the input, and those the spec names.
  for (const i of live.filter((x) => x.type === NSG)) {
    const key = createdKey(i);
    const name = index.literal(i.values.name, i);
    nsgOf(key, name !== undefined ? `${index.literal(i.values.resource_group_name, i) ?? '?'}/${name}` : i.address, i.address);
    if (i.multiplicity === TfMultiplicity.UNKNOWN) unresolved(i.address, 'count or for_each whose value the check cannot know: how many NSGs it creates, and where, is unknown', i.offset);
  }
  const existingNsgs = new Map<string, string | undefined>();
  // Existing NSGs the spec names by expressions the document cannot resolve (`${var.dc_nsg_name}`), by their text.
  const specExpressionKeys = new Set<string>();
  for (const t of tiers) {
    const e = azureEnforcement(t);
    if (e.kind === 'azureExistingNsg' && (e.name.includes('${') || e.resourceGroupName.includes('${'))) specExpressionKeys.add(nsgKey(tierAlias(t), e.resourceGroupName, e.name));
  }
  for (const t of tiers) {
    const e = azureEnforcement(t);
    if (e.kind !== 'azureExistingNsg') continue;
    const name = specValue(e.name);
    const rg = specValue(e.resourceGroupName);
    let key: string | undefined;
    if (name instanceof TfReference) {
      const target = index.target(name);
      if (target && target.instance.type === NSG && target.attribute === 'name') key = keyOfNsgInstance(target.instance);
    }
    key ??= nsgNamed(name, rg, tierAlias(t));
    existingNsgs.set(t.key, key);
    if (key === undefined) unresolved(`tiers.${t.key}.networkSecurityGroup`, `the NSG ${e.resourceGroupName}/${e.name} cannot be resolved in the input (its name or resource group is an expression the input does not state)`, -1);
    else nsgOf(key, nsgLabel(key));
  }
  const estateKeys = (): Set<string> => new Set([...existingNsgs.values()].filter((k): k is string => k !== undefined));

  // Rules written as resources.
  const separateNames = new Map<string, Set<string>>();
  for (const i of live.filter((x) => x.type === RULE)) {
    const key = nsgNamed(i.values.network_security_group_name, i.values.resource_group_name, i.provider.alias, i);
    if (key === undefined) {
      unresolved(i.address, `the NSG it writes to (${describe(i.values.resource_group_name)}/${describe(i.values.network_security_group_name)}) cannot be known: it may be one of the estate's`, i.offset);
      continue;
    }
    if (i.multiplicity === TfMultiplicity.UNKNOWN) {
      unresolved(i.address, `count or for_each whose value the check cannot know: how many rules it writes to ${nsgLabel(key)} is unknown`, i.offset);
      continue;
    }
    const read = readRule(i.address, i.values, i.offset);
    if ('unreadable' in read) {
      unresolved(i.address, `${read.unreadable}: what it lets into ${nsgLabel(key)} cannot be judged`, i.offset);
      continue;
    }
    nsgOf(key, nsgLabel(key)).rules.push(read.rule);
    const names = separateNames.get(key) ?? new Set<string>();
    separateNames.set(key, names.add(read.rule.name.toLowerCase()));
  }
  // Rules the plan removes or changes, by their prior names: an NSG's computed list may still show them.
  const removed = new Map<string, string[]>();
  for (const i of doc.departed.filter((x) => x.type === RULE && modeled(x))) {
    const key = nsgNamed(i.values.network_security_group_name, i.values.resource_group_name, i.provider.alias, i);
    const name = typeof i.values.name === 'string' ? i.values.name.toLowerCase() : undefined;
    if (key !== undefined && name !== undefined) separateNames.set(key, (separateNames.get(key) ?? new Set<string>()).add(name));
    if (key !== undefined && !index.at(i.address)) appendTo(removed, key, i.address);
  }
  // Inline rules: authoritative where the configuration sets them; where the provider computes
  // them (a plan or state of an NSG whose configuration sets none), the list repeats the rule
  // resources and shows any rule made outside Terraform, which stays.
  for (const i of live.filter((x) => x.type === NSG)) {
    const key = createdKey(i);
    const inline = i.values.security_rule;
    const configured = i.origin === TfInstanceOrigin.CONFIGURATION || (i.configured?.includes('security_rule') ?? false);
    const computed = !configured && i.configured !== undefined;
    if (inline === undefined || (computed && inline instanceof TfUnknown)) continue;
    if (inline instanceof TfUnknown || inline instanceof TfReference) {
      unresolved(i.address, `security_rule is ${inline instanceof TfUnknown ? inline.why : `${inline}`}: the NSG's rules cannot be known`, i.offset);
      continue;
    }
    const list = Array.isArray(inline) ? inline : [inline];
    const names = separateNames.get(key);
    if (configured && list.length > 0 && names) {
      unresolved(i.address, 'inline security_rule blocks and azurerm_network_security_rule resources on one NSG: Terraform overwrites one with the other', i.offset);
    }
    list.forEach((entry, n) => {
      if (entry === null || typeof entry !== 'object' || Array.isArray(entry) || entry instanceof TfUnknown || entry instanceof TfReference) {
        unresolved(`${i.address}.security_rule[${n}]`, `${entry instanceof TfUnknown ? entry.why : 'not an object'}: the rule cannot be read`, i.offset);
        return;
      }
      const values = entry as { readonly [key: string]: ArgumentValue };
      const name = typeof values.name === 'string' ? values.name : `${n}`;
      if (!configured && names?.has(name.toLowerCase())) return;
      const read = readRule(`${i.address}#${name}`, values, i.offset);
      if ('unreadable' in read) unresolved(`${i.address}#${name}`, `${read.unreadable}: what it lets in cannot be judged`, i.offset);
      else nsgOf(key, nsgLabel(key)).rules.push(read.rule);
    });
  }

  // Which NSG guards which subnet.
  const subnetNsgs = new Map<string, string>();
  const associatedBy = new Map<string, string>();
  const estateSubnets = tiers.flatMap((t) => { const e = azureEnforcement(t); return e.kind === 'azureSubnets' ? e.subnetIds.map((s) => s.toLowerCase()) : []; });
  const associate = (i: TfInstance, subnet: string | undefined, nsg: string | undefined, subnetText: string): void => {
    if (subnet === undefined) {
      unresolved(i.address, `the subnet ${subnetText} cannot be matched to the spec's subnetIds: it may be one of the estate's`, i.offset);
      return;
    }
    if (!estateSubnets.includes(subnet)) return;
    if (i.multiplicity === TfMultiplicity.UNKNOWN) { unresolved(i.address, 'count or for_each whose value the check cannot know: whether the subnet gets this NSG is unknown', i.offset); return; }
    const other = associatedBy.get(subnet);
    if (other) {
      unresolved(i.address, `subnet ${subnetText} is also associated by ${other}: a subnet has one NSG, and which one wins cannot be known`, i.offset);
      subnetNsgs.delete(subnet);
      return;
    }
    associatedBy.set(subnet, i.address);
    if (nsg === undefined) unresolved(i.address, `network_security_group_id ${describe(i.values.network_security_group_id)} cannot be resolved to an NSG`, i.offset);
    else subnetNsgs.set(subnet, nsg);
  };
  const subnetIdOf = (value: ArgumentValue | undefined, from: TfInstance): string | undefined => {
    // Written as the spec writes one of its subnets (the same reference): that subnet.
    if (value instanceof TfReference && estateSubnets.includes(String(value).toLowerCase())) return String(value).toLowerCase();
    if (value instanceof TfReference) {
      const t = index.target(value, from);
      if (t && t.instance.type === 'azurerm_subnet' && t.attribute === 'id') return subnetOfResource(t.instance);
    }
    const literal = index.literal(value, from)?.toLowerCase();
    if (literal !== undefined) return literal;
    // Written as the same expression the spec gives for a subnet (a module's variable): that subnet.
    const written = value instanceof TfReference ? String(value).toLowerCase() : undefined;
    return written !== undefined && estateSubnets.includes(written) ? written : undefined;
  };
  // A subnet the input declares: its id ends with its resource group, network and name.
  const subnetOfResource = (s: TfInstance): string | undefined => {
    const rg = index.literal(s.values.resource_group_name, s)?.toLowerCase();
    const vnet = index.literal(s.values.virtual_network_name, s)?.toLowerCase();
    const name = index.literal(s.values.name, s)?.toLowerCase();
    if (!rg || !vnet || !name) return undefined;
    const matches = estateSubnets.filter((id) => { const m = SUBNET_SUFFIX.exec(id); return m && m[1] === rg && m[2] === vnet && m[3] === name; });
    return matches.length === 1 ? matches[0] : `/resourcegroups/${rg}/providers/microsoft.network/virtualnetworks/${vnet}/subnets/${name}`;
  };
  for (const i of live.filter((x) => x.type === SUBNET_ASSOCIATION)) {
    associate(i, subnetIdOf(i.values.subnet_id, i), nsgById(i.values.network_security_group_id, i), describe(i.values.subnet_id));
  }
  // azurerm 5.x: a subnet may name its NSG itself.
  for (const i of live.filter((x) => x.type === 'azurerm_subnet' && x.values.network_security_group_id !== undefined)) {
    associate(i, subnetOfResource(i), nsgById(i.values.network_security_group_id, i), i.address);
  }
  for (const i of live.filter((x) => x.type === NIC_ASSOCIATION)) {
    unresolved(i.address, 'a NIC-level NSG association: traffic passes the subnet\'s NSG and then the interface\'s, and the check does not map interfaces to tiers', i.offset);
  }
  // Rules on an NSG the input neither creates nor reads, and the spec does not name: they enforce nothing of the estate.
  const declared = new Set<string>([...live.filter((x) => x.type === NSG).map(createdKey), ...estateKeys()]);
  for (const i of doc.instances.filter((x) => x.mode === 'data' && x.type === NSG)) { const k = keyOfNsgInstance(i); if (k) declared.add(k); }
  for (const nsg of nsgs.values()) {
    if (declared.has(nsg.key)) continue;
    const where = nsg.key.startsWith('|') ? nsgLabel(nsg.key) : `${nsgLabel(nsg.key)} under the provider configuration azurerm.${nsg.key.split('|')[0]}`;
    for (const r of nsg.rules) {
      problems.push({ kind: ProblemKind.ELSEWHERE, element: r.id, offset: r.offset,
        message: `it is written to NSG ${where}, which the input does not create or read and the spec does not name: it enforces nothing of the estate` });
    }
  }
  // An NSG guards only subnets of its own region: one created elsewhere cannot be the estate's.
  const region = (v: string): string => v.toLowerCase().replace(/\s+/g, '');
  const location = spec.settings === undefined ? undefined : azureSettings(spec).location;
  for (const key of new Set(subnetNsgs.values())) {
    const created = live.find((x) => x.type === NSG && createdKey(x) === key);
    const at = created && index.literal(created.values.location, created);
    if (at !== undefined && location !== undefined && !location.includes('${') && region(at) !== region(location)) {
      unresolved(created!.address, `the NSG is created in ${at}, but the estate's subnets are in ${location} (azure.location): Azure associates an NSG only with subnets of its region`, created!.offset);
    }
  }
  // A state's JSON does not record provider aliases: where an aliased tier's rules land cannot be told.
  const aliased = tiers.filter((t) => tierAlias(t) !== undefined).map((t) => t.key);
  const blind = live.filter((i) => i.provider.aliasUnknown);
  if (aliased.length > 0 && blind.length > 0) {
    unresolved(blind[0].address, `the input does not say which provider configuration its resources are managed with (a state's JSON records none), and the spec puts ${aliased.join(', ')} under another configuration: which NSGs are the estate's cannot be told`, blind[0].offset);
  }
  problems.push(...unmodeledProblems(doc, index, { nsgKeys: estateKeys(), subnetIds: estateSubnets, associations: [...subnetNsgs.values()], modeled, nsgs }));
  for (const p of doc.problems) problems.push({ kind: p.kind, element: p.element, message: p.message, offset: p.offset });
  return { nsgs, subnetNsgs, existingNsgs, problems, removed };
}

/** The provider alias a tier's enforcement point lives under (absent: the default configuration). */
export function tierAlias(t: EstateTier): string | undefined {
  return (t.enforcement as { readonly provider?: string }).provider;
}

/** A literal, else the expression as written (`${var.x}`), for matching the spec's own expressions. */
function expressionText(v: ArgumentValue | undefined, literal: string | undefined): string {
  return literal ?? (v instanceof TfReference ? String(v) : v instanceof TfUnknown ? `?${v.why}` : '?');
}

/** A value for messages. */
function describe(v: ArgumentValue | undefined): string {
  if (v === undefined) return '(unset)';
  if (v instanceof TfReference || v instanceof TfUnknown) return String(v);
  return typeof v === 'string' ? v : JSON.stringify(v);
}
