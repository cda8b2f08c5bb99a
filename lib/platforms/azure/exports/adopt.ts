import type { ResolvedInput } from '../../../input/resolved';
import { ArgumentValue } from '../../../terraform/values';
import { isObject } from '../../../util/json';
import { Interval, sameValues, unionOf } from '../../../util/intervals';
import { Adoption, AdoptionAction, AdoptionItem, LiveExport } from '../../live';
import { AzureAddresses, AzureRule } from '../network';
import type { AzurePlan, PlannedNsg, PlannedNsgRule } from '../planner';
import { readRule } from '../rule-reading';
import { azureSettings } from '../settings';
import { AZURE_RESOURCE_TYPES, associationElementId, nsgElementId, ruleElementId } from '../writer';
import { armId, idKey, refId } from './arm';
import { AzInventory, azInventory, LiveNsg, nsgKeyOf } from './inventory';
import { readAzRule, ruleName } from './rules';
import { AZ_COMMANDS } from './shapes';

/**
 * `audit --adopt` on Azure: every resource the stack `synth` writes (created NSGs, their subnet
 * associations, every rule, on created and existing NSGs) compared with what the `az network`
 * exports show, and every other custom rule of those NSGs. What the azurerm provider does with
 * each (docs/semantics.md, "Adoption"):
 * - `azurerm_network_security_rule`: the identity is the name in its NSG (ARM names compare
 *   without regard to case). Only `name`, `resource_group_name` and `network_security_group_name`
 *   force a new resource, and its Read takes all three from the import id; every other argument
 *   is updated in place. So a rule of that name whose effect (priority, direction, access,
 *   protocol, ports, prefixes) is the plan's is imported, whatever its description or the
 *   spelling of its prefixes; with another effect it is a change (the apply would refuse to create
 *   it: "already exists - to be managed via Terraform this resource needs to be imported"). A rule
 *   of another name at a planned priority and direction is a collision (Azure allows one rule per
 *   priority and direction).
 * - `azurerm_network_security_group`: `name` (read back from Azure), `location` (compared
 *   normalized) and `resource_group_name` force a new resource; tags are updated in place; rules
 *   left out of its configuration stay as they are. Existing NSGs the estate only names are never
 *   imported.
 * - `azurerm_subnet_network_security_group_association`: imported by the subnet's id; both
 *   `subnet_id` and `network_security_group_id` force a new resource, and its Read sets them from
 *   the subnet as Azure returns it, compared as text.
 */

/** What the subnet objects of the exports say, by subnet id key: their own id text and their NSG reference. */
function subnetObjects(exports: readonly LiveExport[]): Map<string, { id: string; nsgId?: string }> {
  const out = new Map<string, { id: string; nsgId?: string }>();
  const take = (s: unknown): void => {
    if (!isObject(s) || typeof s.id !== 'string') return;
    out.set(idKey(s.id), { id: s.id, nsgId: refId(s.networkSecurityGroup) });
  };
  for (const e of exports) {
    const items = (Array.isArray(e.value) ? e.value : [e.value]).filter(isObject);
    if (e.command === AZ_COMMANDS.subnetList || e.command === AZ_COMMANDS.subnetShow) items.forEach(take);
    if (e.command === AZ_COMMANDS.vnetList || e.command === AZ_COMMANDS.vnetShow) for (const v of items) if (Array.isArray(v.subnets)) v.subnets.forEach(take);
  }
  return out;
}

/** `westeurope` for `West Europe`: how the provider compares locations. */
const normalizeLocation = (l: string): string => l.replace(/\s/g, '').toLowerCase();

/** The live NSG of a resource group and name, from an NSG export (several subscriptions may hold one). */
function liveNsgOf(inv: AzInventory, rg: string, name: string, subscription: string | undefined, notes: string[]): LiveNsg | undefined {
  const label = `${rg}/${name}`.toLowerCase();
  const all = [...inv.nsgs.values()].filter((n) => n.fromList && n.label.toLowerCase() === label);
  const candidates = subscription ? all.filter((n) => armId(n.id)?.subscription.toLowerCase() === subscription.toLowerCase()) : all;
  if (candidates.length > 1) {
    const sorted = [...candidates].sort((a, b) => (a.key < b.key ? -1 : 1));
    notes.push(`NSG ${rg}/${name} is in ${candidates.length} subscriptions of the exports and the spec names none for it: compared with ${sorted[0].id}`);
    return sorted[0];
  }
  return candidates[0];
}

/** The subscription an NSG of the plan lives in, when the spec tells: its provider configuration's, or its subnets'. */
function subscriptionOf(spec: ResolvedInput, nsg: PlannedNsg): string | undefined {
  const configured = nsg.provider ? azureSettings(spec).providers[nsg.provider]?.subscriptionId : undefined;
  return configured ?? nsg.subnetIds.map((s) => armId(s)?.subscription).find((s) => s !== undefined);
}

/**
 * An import id in the spellings the plan writes (an ARM name compares without regard to case, and
 * the provider reads `name`, `resource_group_name` and `network_security_group_name` of a rule from
 * its import id): the live id when the spellings agree, else the live id with the plan's names.
 */
function ruleImportId(live: string, rg: string, nsgName: string, name: string): string {
  const a = armId(live);
  if (!a || (a.resourceGroup === rg && a.names[0] === nsgName && a.name === name)) return live;
  return `/subscriptions/${a.subscription}/resourceGroups/${rg}/providers/Microsoft.Network/networkSecurityGroups/${nsgName}/securityRules/${name}`;
}

/** A planned rule read as the evaluator reads rules (the same reading as a live one). */
function plannedRule(r: PlannedNsgRule, label: string): AzureRule {
  const values: Record<string, ArgumentValue> = {
    name: r.name, direction: r.direction, access: r.access, protocol: r.protocol, priority: r.priority,
    source_address_prefixes: [...r.sourceAddressPrefixes], destination_address_prefixes: [...r.destinationAddressPrefixes],
    source_port_range: '*', destination_port_ranges: [...r.destinationPortRanges],
  };
  const read = readRule(`${label}/${r.name}`, values, -1);
  if (!('rule' in read)) throw new Error(`internal: planned rule ${r.name} does not read: ${read.unreadable}`);
  return read.rule;
}

const intervals = (xs: readonly Interval[]): Interval[] => unionOf(xs);

/** What one side's addresses cover, as text for a difference. */
function addressText(a: AzureAddresses): string {
  const parts = [a.any ? '*' : '', a.virtualNetwork ? 'VirtualNetwork' : '', a.internet ? 'Internet' : '', a.loadBalancer ? 'AzureLoadBalancer' : '',
    ...a.otherTags, ...(a.any ? [] : intervals(a.cidrs).map((i) => intervalText(i))), ...a.ipv6].filter((x) => x !== '');
  return parts.join(', ') || 'nothing';
}

function intervalText(i: Interval): string {
  const ip = (n: number): string => [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
  return i.lo === i.hi ? ip(i.lo) : `${ip(i.lo)}-${ip(i.hi)}`;
}

function sameAddresses(a: AzureAddresses, b: AzureAddresses): boolean {
  const tags = (x: AzureAddresses): string => [...x.otherTags].sort().join(' ');
  const v6 = (x: AzureAddresses): string => x.ipv6.map((s) => s.toLowerCase()).sort().join(' ');
  return a.any === b.any && a.virtualNetwork === b.virtualNetwork && a.internet === b.internet && a.loadBalancer === b.loadBalancer
    && tags(a) === tags(b) && v6(a) === v6(b) && sameValues(intervals(a.cidrs), intervals(b.cidrs));
}

const portsText = (ps: readonly Interval[]): string => intervals(ps).map((p) => (p.lo === 0 && p.hi === 65535 ? '*' : p.lo === p.hi ? `${p.lo}` : `${p.lo}-${p.hi}`)).join(', ');

/** How a live rule's effect differs from the planned one's (empty: the same effect). */
function effectDifferences(planned: AzureRule, raw: Record<string, unknown>, label: string): string[] {
  const asgs = ['source', 'destination'].filter((w) => Array.isArray(raw[`${w}ApplicationSecurityGroups`]) && (raw[`${w}ApplicationSecurityGroups`] as unknown[]).length > 0);
  if (asgs.length > 0) return [`its ${asgs.join(' and ')} name${asgs.length > 1 ? '' : 's'} application security groups, the plan prefixes`];
  const read = readAzRule(raw, label, {});
  if (!('rule' in read)) return [`it cannot be read (${read.unreadable})`];
  const live = read.rule;
  const out: string[] = [];
  if (live.priority !== planned.priority) out.push(`priority ${live.priority}, planned ${planned.priority}`);
  if (live.direction !== planned.direction) out.push(`direction ${live.direction}, planned ${planned.direction}`);
  if (live.access !== planned.access) out.push(`access ${live.access}, planned ${planned.access}`);
  if (live.protocol !== planned.protocol) out.push(`protocol ${String(raw.protocol)}, planned ${planned.protocol === '*' ? '*' : planned.protocol[0].toUpperCase() + planned.protocol.slice(1)}`);
  if (!sameValues(intervals(live.ports), intervals(planned.ports))) out.push(`destination ports ${portsText(live.ports)}, planned ${portsText(planned.ports)}`);
  if (!live.sourcePortsAll) out.push('source ports other than *, planned *');
  if (!sameAddresses(live.source, planned.source)) out.push(`source ${addressText(live.source)}, planned ${addressText(planned.source)}`);
  if (!sameAddresses(live.destination, planned.destination)) out.push(`destination ${addressText(live.destination)}, planned ${addressText(planned.destination)}`);
  return out;
}

/** The arguments written differently with the same effect (updated in place after the import). */
function inPlaceUpdates(r: PlannedNsgRule, raw: Record<string, unknown>): string[] {
  const out: string[] = [];
  const description = typeof raw.description === 'string' ? raw.description : '';
  if (description !== r.description) out.push('description');
  const spelled = (single: string, plural: string, planned: readonly string[]): boolean => {
    const one = typeof raw[single] === 'string' && raw[single] !== '' ? [raw[single] as string] : [];
    const many = Array.isArray(raw[plural]) ? (raw[plural] as unknown[]).filter((x): x is string => typeof x === 'string') : [];
    // The writer puts one value in the singular argument and several in the plural one.
    const want = planned.length === 1 ? { one: planned, many: [] as string[] } : { one: [] as string[], many: [...planned] };
    return one.join() !== want.one.join() || [...many].sort().join() !== [...want.many].sort().join();
  };
  if (spelled('sourceAddressPrefix', 'sourceAddressPrefixes', r.sourceAddressPrefixes)) out.push('source prefixes as written');
  if (spelled('destinationAddressPrefix', 'destinationAddressPrefixes', r.destinationAddressPrefixes)) out.push('destination prefixes as written');
  if (spelled('destinationPortRange', 'destinationPortRanges', r.destinationPortRanges)) out.push('destination ports as written');
  if (spelled('sourcePortRange', 'sourcePortRanges', ['*'])) out.push('source ports as written');
  for (const k of ['direction', 'access', 'protocol'] as const) {
    const planned = String(r[k]);
    if (typeof raw[k] === 'string' && raw[k] !== planned) out.push(`${k} spelling`);
  }
  return out;
}

/** The live estate the exports show compared with the plan, resource by resource. */
export function adoptAzure(exports: readonly LiveExport[], spec: ResolvedInput, plan: AzurePlan): Adoption {
  const inv = azInventory(exports);
  const subnets = subnetObjects(exports);
  const items: AdoptionItem[] = [];
  const notes: string[] = [];
  const nsgExport = exports.some((e) => e.command === AZ_COMMANDS.nsgList || e.command === AZ_COMMANDS.nsgShow);
  if (!nsgExport) notes.push('No az network nsg list or show export: no NSG or rule could be compared, so every planned one is reported as created (give az network nsg list).');
  const subnetExport = exports.some((e) => [AZ_COMMANDS.subnetList, AZ_COMMANDS.subnetShow, AZ_COMMANDS.vnetList, AZ_COMMANDS.vnetShow].includes(e.command as never));
  const R = AZURE_RESOURCE_TYPES;
  for (const nsg of plan.nsgs) {
    const label = `${nsg.resourceGroupName}/${nsg.name}`;
    const live = nsgExport ? liveNsgOf(inv, nsg.resourceGroupName, nsg.name, subscriptionOf(spec, nsg), notes) : undefined;
    // Whether the NSG itself is taken over: rules of a created NSG that is not are noted.
    let nsgTaken = !nsg.created;
    if (nsg.created) {
      const path = [nsgElementId(nsg.key)];
      if (!live) {
        items.push({ action: AdoptionAction.CREATE, path, type: R.nsg, label, detail: 'not in the exports' });
      } else {
        const forced: string[] = [];
        if (live.name !== nsg.name) forced.push(`its name is spelled ${live.name}, planned ${nsg.name} (name forces a new resource, and the provider reads it back from Azure)`);
        if (nsg.location && live.location && normalizeLocation(live.location) !== normalizeLocation(nsg.location)) forced.push(`location ${live.location}, planned ${nsg.location} (location forces a new resource)`);
        if (forced.length > 0) {
          items.push({ action: AdoptionAction.REPLACE, path, type: R.nsg, id: live.id, label, detail: forced.join('; ') });
        } else {
          const planned = { ...nsg.tags, 'adcs-firewall:tiers': nsg.tiers.join(' ') };
          const same = Object.keys(planned).length === Object.keys(live.tags).length && Object.entries(planned).every(([k, v]) => live.tags[k] === v);
          items.push({ action: AdoptionAction.IMPORT, path, type: R.nsg, id: nsgImportId(live.id, nsg), label,
            detail: `exists as planned${same ? '' : '; its tags are updated in place'}; its other rules stay as they are (the stack writes rules as separate resources)` });
          nsgTaken = true;
        }
      }
      for (const subnetId of nsg.subnetIds) items.push(association(nsg, subnetId, live, nsgTaken, inv, subnets, subnetExport, notes));
    } else {
      items.push(live
        ? { action: AdoptionAction.LEAVE, id: live.id, label, detail: 'an existing NSG the estate only names: never imported (the stack writes rules into it)' }
        : { action: AdoptionAction.LEAVE, label, detail: 'an existing NSG the estate only names: not in the exports (the apply fails on its rules if it does not exist)' });
    }
    items.push(...rules(nsg, live, label, nsgTaken));
  }
  return { items, notes };
}

/** The NSG's import id: its live id, with the plan's resource group spelling (the provider reads `resource_group_name` from the id). */
function nsgImportId(live: string, nsg: PlannedNsg): string {
  const a = armId(live);
  if (!a || a.resourceGroup === nsg.resourceGroupName) return live;
  return `/subscriptions/${a.subscription}/resourceGroups/${nsg.resourceGroupName}/providers/Microsoft.Network/networkSecurityGroups/${a.name}`;
}

/** One subnet association of a created NSG. */
function association(nsg: PlannedNsg, subnetId: string, live: LiveNsg | undefined, nsgTaken: boolean, inv: AzInventory,
  subnets: Map<string, { id: string; nsgId?: string }>, subnetExport: boolean, notes: string[]): AdoptionItem {
  const base = { path: [associationElementId(nsg.key, subnetId)], type: AZURE_RESOURCE_TYPES.association };
  const short = armId(subnetId)?.names.slice(-1)[0] ?? subnetId;
  const label = `subnet ${short} with ${nsg.name}`;
  const own = subnets.get(idKey(subnetId));
  const seen = inv.subnets.get(idKey(subnetId));
  // The subnet's own object, else what an NSG or effective rules say about it.
  const carried = own ? (own.nsgId ? idKey(own.nsgId) : null) : undefined;
  const carriedKey = carried === undefined ? seen?.nsg : carried === null ? null : nsgKeyOf(carried);
  if (carriedKey === undefined) {
    if (!subnetExport) notes.push(`No az network vnet list or vnet subnet list export shows subnet ${short}: whether it already carries an NSG is not known.`);
    return { ...base, action: AdoptionAction.CREATE, label, detail: `subnet ${short} is not in the exports: the apply associates it (and fails if it carries an NSG already)` };
  }
  if (carriedKey === null) return { ...base, action: AdoptionAction.CREATE, label, detail: `subnet ${short} carries no NSG` };
  const other = inv.nsgs.get(carriedKey);
  const carriedLabel = other?.label ?? carriedKey.replace(/^[^|]*\|/, '');
  if (!live && carriedLabel.toLowerCase() === `${nsg.resourceGroupName}/${nsg.name}`.toLowerCase()) {
    return { ...base, action: AdoptionAction.CREATE, label,
      detail: `subnet ${short} carries ${carriedLabel}, which no NSG export shows: not compared, so the apply fails on it unless it is imported (give az network nsg list)` };
  }
  if (!live || carriedKey !== live.key) {
    return { ...base, action: AdoptionAction.REPLACE, id: own?.id ?? subnetId, label,
      detail: `subnet ${short} carries NSG ${carriedLabel}: importing the association would replace it (network_security_group_id forces a new resource); not imported, the apply fails on it` };
  }
  if (!nsgTaken) return { ...base, action: AdoptionAction.REPLACE, id: own?.id ?? subnetId, label, detail: `subnet ${short} carries ${live.label}, which is not imported: its replacement replaces the association` };
  const forced: string[] = [];
  if (own && own.id !== subnetId) forced.push(`the subnet's id is spelled ${own.id}, the spec ${subnetId} (subnet_id forces a new resource, read back from Azure)`);
  if (own?.nsgId && own.nsgId !== nsgImportId(live.id, nsg)) forced.push(`the subnet names its NSG ${own.nsgId}, the NSG is imported as ${nsgImportId(live.id, nsg)} (network_security_group_id forces a new resource, read back from the subnet)`);
  if (forced.length > 0) return { ...base, action: AdoptionAction.REPLACE, id: own?.id ?? subnetId, label, detail: forced.join('; ') };
  return { ...base, action: AdoptionAction.IMPORT, id: own?.id ?? subnetId, label, detail: `subnet ${short} carries ${live.label}` };
}

/** The planned rules of one NSG against its live rules, then the live rules that are not the stack's. */
function rules(nsg: PlannedNsg, live: LiveNsg | undefined, label: string, nsgTaken: boolean): AdoptionItem[] {
  const out: AdoptionItem[] = [];
  const raws = live ? live.raw.filter((r) => typeof r.name === 'string') : [];
  const byName = new Map(raws.map((r) => [ruleName(r.name).toLowerCase(), r]));
  const taken = new Set<Record<string, unknown>>();
  const matched = new Map<PlannedNsgRule, Record<string, unknown>>();
  for (const r of nsg.rules) {
    const raw = byName.get(r.name.toLowerCase());
    if (raw) { matched.set(r, raw); taken.add(raw); }
  }
  const note = nsg.created && !nsgTaken && live ? `; its NSG ${label} is not imported` : '';
  for (const r of nsg.rules) {
    const base = { path: [ruleElementId(nsg.key, r.id)], type: AZURE_RESOURCE_TYPES.rule, label: `${label}/${r.name}` };
    const raw = matched.get(r);
    if (raw && live) {
      const id = ruleImportId(String(raw.id ?? ''), nsg.resourceGroupName, nsg.name, r.name);
      const differences = effectDifferences(plannedRule(r, label), raw, label);
      if (differences.length > 0) {
        // Moving it to a priority another live rule holds fails too.
        const holder = raws.find((x) => x !== raw && Number(x.priority) === r.priority && typeof x.direction === 'string' && x.direction.toLowerCase() === r.direction.toLowerCase());
        const held = holder ? `; live rule ${ruleName(holder.name)} holds ${r.direction.toLowerCase()} priority ${r.priority}, so the change fails until it moves` : '';
        out.push({ ...base, action: AdoptionAction.CHANGE, id, detail: `exists with another effect: ${differences.join('; ')}${held}${note}` });
        continue;
      }
      const updates = inPlaceUpdates(r, raw);
      const spelledName = ruleName(raw.name) !== r.name ? `; its name is spelled ${ruleName(raw.name)} in Azure, imported under the plan's spelling` : '';
      out.push({ ...base, action: AdoptionAction.IMPORT, id,
        detail: `exists with the planned effect${updates.length > 0 ? `; updated in place: ${updates.join(', ')}` : ''}${spelledName}${note}` });
      continue;
    }
    // A live rule of another name at the planned priority and direction: Azure refuses the second.
    const holder = raws.find((x) => !taken.has(x) && Number(x.priority) === r.priority && typeof x.direction === 'string' && x.direction.toLowerCase() === r.direction.toLowerCase());
    if (holder) {
      taken.add(holder);
      out.push({ ...base, action: AdoptionAction.COLLIDE, id: typeof holder.id === 'string' ? holder.id : undefined,
        detail: `live rule ${ruleName(holder.name)} holds ${r.direction.toLowerCase()} priority ${r.priority}: Azure allows one rule per priority and direction, so creating ${r.name} fails` });
      continue;
    }
    out.push({ ...base, action: AdoptionAction.CREATE, detail: live ? `no rule ${r.name} in ${live.label}` : `${label} is not in the exports` });
  }
  for (const raw of raws.filter((x) => !taken.has(x))) {
    out.push({ action: AdoptionAction.LEAVE, id: typeof raw.id === 'string' ? raw.id : undefined, label: `${live!.label}/${ruleName(raw.name)}`,
      detail: `not the stack's (${String(raw.direction ?? '?').toLowerCase()} priority ${String(raw.priority ?? '?')}): the apply leaves it as it is` });
  }
  return out;
}
