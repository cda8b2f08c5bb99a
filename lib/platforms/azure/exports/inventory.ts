import { checkIpv4Cidr, cidrSpan } from '../../../model/cidr';
import { Interval, unionOf } from '../../../util/intervals';
import { isObject } from '../../../util/json';
import { NetworkProblem, ProblemKind } from '../../evaluator';
import type { LiveExport } from '../../live';
import { AZURE_LOAD_BALANCER, AzureRule } from '../network';
import { armId, idKey, parentId, refId, refIds, stringsOf } from './arm';
import { isDefaultEffective, readAzRule, RuleContext, ruleName } from './rules';
import { AZ_COMMANDS } from './shapes';
import { appendTo } from '../../../util/maps';

/**
 * Everything the `az network` exports show, indexed: NSGs with their rules and the subnets and
 * interfaces they name, subnets with their prefixes and NSG, virtual networks with their address
 * spaces and connected peerings, interfaces with their addresses, subnet, NSG and application
 * security groups, and what effective rules expand the tags to. Absent, `null` and `[]` mean
 * the same (az prints only what the service returns). Where two exports disagree about one
 * association (taken at different times), the object's own export wins over a reference to it.
 */

/** An NSG as the exports show it. */
export interface LiveNsg {
  /** `<subscription>|<resource group>/<name>`, lower case. */
  readonly key: string;
  readonly id: string;
  /** `rg-pki/pki-ca-nsg`, as written. */
  readonly label: string;
  readonly name: string;
  readonly resourceGroup: string;
  readonly location?: string;
  readonly tags: Readonly<Record<string, string>>;
  /** Its custom rules, read. */
  readonly rules: AzureRule[];
  /** Its custom rules as printed (for adoption). */
  readonly raw: Record<string, unknown>[];
  /** Subnet and interface ids it names as associated. */
  readonly subnetRefs: string[];
  readonly nicRefs: string[];
  /** True when read from `nsg list` / `show` (else from effective rules only). */
  fromList: boolean;
}

/** A subnet as the exports show it. */
export interface LiveSubnet {
  readonly key: string;
  readonly id: string;
  readonly name: string;
  /** Its IPv4 prefixes; undefined when only a reference shows the subnet. */
  prefixes?: Interval[];
  prefixText?: string;
  /** Its NSG's key: null for none, undefined when no export tells. */
  nsg?: string | null;
}

/** A network interface's IPv4 configuration. */
export interface LiveIpConfig {
  readonly addresses: readonly Interval[];
  /** Its subnet's key. */
  readonly subnet?: string;
  /** Its application security groups' id keys. */
  readonly asgs: readonly string[];
}

/** A network interface as `az network nic list` shows it. */
export interface LiveNic {
  readonly key: string;
  readonly id: string;
  readonly name: string;
  readonly configs: readonly LiveIpConfig[];
  /** Its own NSG's key, or null. */
  readonly nsg: string | null;
}

/** What one `list-effective-nsg` export shows about its interface. */
export interface LiveEffective {
  readonly file: string;
  /** The interface's subnet (key), from the subnet association. */
  readonly subnet?: string;
  /** The interface (key), from an interface association. */
  readonly nic?: string;
  /** NSG keys by association: the subnet's and the interface's. */
  readonly subnetNsg?: string;
  readonly nicNsg?: string;
  /** VirtualNetwork as the effective rules expand it. */
  readonly virtualNetwork?: Interval[];
  /** Other tags (lower case) as expanded. */
  readonly tags: Map<string, Interval[]>;
  /** True when Azure Virtual Network Manager admin rules apply (an association with a network manager). */
  readonly manager: boolean;
}

/** The index of every export. */
export interface AzInventory {
  readonly nsgs: Map<string, LiveNsg>;
  readonly subnets: Map<string, LiveSubnet>;
  readonly nics: Map<string, LiveNic>;
  readonly effective: LiveEffective[];
  /** VirtualNetwork's certain part: the networks' and connected peerings' address spaces, subnets, interfaces, 168.63.129.16. */
  readonly certain: Interval[];
  /** Subnet keys whose virtual network's address space a `vnet list` shows. */
  readonly vnetsShown: boolean;
  readonly problems: NetworkProblem[];
}

/** An NSG's key from its id. */
export function nsgKeyOf(id: string): string {
  const a = armId(id);
  return a ? `${a.subscription}|${a.resourceGroup}/${a.name}`.toLowerCase() : `?|${idKey(id)}`;
}

/** IPv4 intervals of prefixes (CIDRs or bare addresses); IPv6 ones left out, unreadable ones given to `unreadable` (fail closed). */
export function ipv4Of(texts: readonly string[], unreadable: (text: string) => void = () => {}): Interval[] {
  const out: Interval[] = [];
  for (const t of texts) {
    if (t.includes(':')) continue;
    const c = checkIpv4Cidr(t.includes('/') ? t : `${t}/32`);
    if (c.ok) out.push(cidrSpan(c.cidr));
    else if (c.reason === 'notNetwork') out.push(cidrSpan(c.suggestion));
    else unreadable(t);
  }
  return out;
}

const itemsOf = (e: LiveExport): Record<string, unknown>[] => (Array.isArray(e.value) ? e.value : [e.value]).filter(isObject);

/** Indexes the exports. */
export function azInventory(exports: readonly LiveExport[]): AzInventory {
  const problems: NetworkProblem[] = [];
  const unresolved = (element: string, message: string): void => { problems.push({ kind: ProblemKind.UNRESOLVED, element, message, offset: -1 }); };
  const of = (...commands: string[]): Record<string, unknown>[] => exports.filter((e) => commands.includes(e.command)).flatMap(itemsOf);
  const nics = new Map<string, LiveNic>();
  const subnets = new Map<string, LiveSubnet>();
  const certain: Interval[] = [AZURE_LOAD_BALANCER];
  const subnetOf = (id: string): LiveSubnet => {
    const key = idKey(id);
    let s = subnets.get(key);
    if (!s) subnets.set(key, s = { key, id, name: armId(id)?.name ?? id });
    return s;
  };
  // Interfaces first: their application security groups are what rules name.
  const asgMembers = new Map<string, string[]>();
  const nicItems = of(AZ_COMMANDS.nicList, AZ_COMMANDS.nicShow);
  const noId = (what: string, item: Record<string, unknown>): void => unresolved(`${what} ${typeof item.name === 'string' ? item.name : '(unnamed)'}`, 'it has no "id": where it belongs cannot be known');
  for (const n of nicItems) {
    if (typeof n.id !== 'string') { noId('interface', n); continue; }
    const configs: LiveIpConfig[] = [];
    for (const c of Array.isArray(n.ipConfigurations) ? n.ipConfigurations.filter(isObject) : []) {
      if (typeof c.privateIPAddressVersion === 'string' && c.privateIPAddressVersion.toLowerCase() === 'ipv6') continue;
      const addresses = ipv4Of(stringsOf(c.privateIPAddress), (t) => unresolved(String(n.name ?? n.id), `its private address "${t}" is not an IPv4 address: where it is cannot be known`));
      const subnet = refId(c.subnet);
      const asgs = refIds(c.applicationSecurityGroups).map(idKey);
      for (const a of asgs) appendTo(asgMembers, a, ...stringsOf(c.privateIPAddress));
      if (subnet) subnetOf(subnet);
      certain.push(...addresses);
      configs.push({ addresses, subnet: subnet ? idKey(subnet) : undefined, asgs });
    }
    const nsg = refId(n.networkSecurityGroup);
    nics.set(idKey(n.id), { key: idKey(n.id), id: n.id, name: typeof n.name === 'string' ? n.name : armId(n.id)?.name ?? n.id, configs, nsg: nsg ? nsgKeyOf(nsg) : null });
  }
  const ctx: RuleContext = nicItems.length > 0 ? { asgMembers } : {};
  const nsgs = new Map<string, LiveNsg>();
  const nsgFrom = (id: string, raw: Record<string, unknown> | undefined): LiveNsg => {
    const key = nsgKeyOf(id);
    let n = nsgs.get(key);
    if (!n) {
      const a = armId(id);
      const name = typeof raw?.name === 'string' ? raw.name : a?.name ?? id;
      const rg = typeof raw?.resourceGroup === 'string' ? raw.resourceGroup : a?.resourceGroup ?? '?';
      n = { key, id, label: `${rg}/${name}`, name, resourceGroup: rg, tags: {}, rules: [], raw: [], subnetRefs: [], nicRefs: [], fromList: false };
      nsgs.set(key, n);
    }
    return n;
  };
  const readRules = (n: LiveNsg, list: unknown[], effective: boolean): void => {
    for (const raw of list) {
      if (!isObject(raw)) { unresolved(`${n.label}`, `a rule that is not an object (${JSON.stringify(raw)}): what it lets through cannot be judged`); continue; }
      if (effective && isDefaultEffective(raw.name)) continue;
      const read = readAzRule(raw, n.label, ctx);
      if ('rule' in read) n.rules.push(read.rule);
      else unresolved(`${n.label}/${ruleName(raw.name)}`, `${read.unreadable}: what it lets through cannot be judged`);
      if (!effective) n.raw.push(raw);
    }
  };
  for (const item of of(AZ_COMMANDS.nsgList, AZ_COMMANDS.nsgShow)) {
    if (typeof item.id !== 'string') { noId('NSG', item); continue; }
    const known = nsgs.get(nsgKeyOf(item.id));
    if (known?.fromList) continue;
    const n = nsgFrom(item.id, item);
    n.fromList = true;
    Object.assign(n, { location: typeof item.location === 'string' ? item.location : undefined, tags: isObject(item.tags) ? item.tags : {} });
    readRules(n, item.securityRules as unknown[], false);
    n.subnetRefs.push(...refIds(item.subnets));
    n.nicRefs.push(...refIds(item.networkInterfaces));
  }
  // Subnets: their own objects (subnet list, and every virtual network's) say which NSG they carry.
  let vnetsShown = false;
  const readSubnet = (item: Record<string, unknown>): void => {
    if (typeof item.id !== 'string') { noId('subnet', item); return; }
    const s = subnetOf(item.id);
    const texts = [...stringsOf(item.addressPrefix), ...stringsOf(item.addressPrefixes)];
    s.prefixes = ipv4Of(texts, (t) => unresolved(s.name, `its prefix "${t}" is not an IPv4 prefix: which addresses it holds cannot be known`));
    s.prefixText = texts.join(', ');
    certain.push(...s.prefixes);
    const nsg = refId(item.networkSecurityGroup);
    s.nsg = nsg ? nsgKeyOf(nsg) : null;
  };
  for (const v of of(AZ_COMMANDS.vnetList, AZ_COMMANDS.vnetShow)) {
    vnetsShown = true;
    const space = (t: string): void => unresolved(String(v.name ?? v.id), `address space "${t}" is not an IPv4 prefix: what VirtualNetwork holds cannot be known`);
    certain.push(...ipv4Of(stringsOf(isObject(v.addressSpace) ? v.addressSpace.addressPrefixes : undefined), space));
    for (const p of Array.isArray(v.virtualNetworkPeerings) ? v.virtualNetworkPeerings.filter(isObject) : []) {
      // "The reference to the address space peered with the remote virtual network", once the peering is connected.
      if (typeof p.peeringState === 'string' && p.peeringState.toLowerCase() === 'connected' && isObject(p.remoteAddressSpace)) {
        certain.push(...ipv4Of(stringsOf(p.remoteAddressSpace.addressPrefixes), space));
      }
    }
    for (const s of Array.isArray(v.subnets) ? v.subnets.filter(isObject) : []) readSubnet(s);
  }
  for (const s of of(AZ_COMMANDS.subnetList, AZ_COMMANDS.subnetShow)) readSubnet(s);
  // What NSGs name as associated, where no subnet object says otherwise.
  for (const n of nsgs.values()) {
    for (const ref of n.subnetRefs) {
      const s = subnetOf(ref);
      if (s.nsg === undefined) s.nsg = n.key;
      else if (s.nsg !== n.key) unresolved(s.name, `the exports disagree about its NSG: its subnet object says ${s.nsg === null ? 'none' : s.nsg.replace(/^[^|]*\|/, '')}, ${n.label} names it as associated (exports taken at different times?)`);
    }
  }
  const effective = exports.filter((e) => e.command === AZ_COMMANDS.effective).map((e) => readEffective(e, nsgFrom, readRules, unresolved));
  for (const eff of effective) if (eff.subnet) subnetOf(subnets.get(eff.subnet)?.id ?? eff.subnet);
  return { nsgs, subnets, nics, effective, certain: unionOf(certain), vnetsShown, problems };
}

/** One `list-effective-nsg` export: its NSGs (their rules, when no NSG export has them), associations and tag expansions. */
function readEffective(e: LiveExport, nsgFrom: (id: string, raw: Record<string, unknown> | undefined) => LiveNsg,
  readRules: (n: LiveNsg, list: unknown[], effective: boolean) => void, unresolved: (element: string, message: string) => void): LiveEffective {
  const out: { subnet?: string; nic?: string; subnetNsg?: string; nicNsg?: string; virtualNetwork?: Interval[]; manager: boolean } = { manager: false };
  const tags = new Map<string, Interval[]>();
  for (const entry of ((e.value as { value: unknown[] }).value).filter(isObject)) {
    const nsgId = refId(entry.networkSecurityGroup);
    const association = isObject(entry.association) ? entry.association : {};
    if (isObject(association.networkManager)) out.manager = true;
    if (!nsgId) continue;
    const n = nsgFrom(nsgId, undefined);
    if (!n.fromList && n.rules.length === 0) readRules(n, entry.effectiveSecurityRules as unknown[], true);
    const subnet = refId(association.subnet);
    const nic = refId(association.networkInterface);
    if (subnet) { out.subnet = idKey(subnet); out.subnetNsg = n.key; }
    if (nic) { out.nic = idKey(nic); out.nicNsg = n.key; }
    for (const r of (entry.effectiveSecurityRules as unknown[]).filter(isObject)) {
      for (const which of ['source', 'destination']) {
        const tag = r[`${which}AddressPrefix`];
        const expanded = r[`expanded${which === 'source' ? 'Source' : 'Destination'}AddressPrefix`];
        if (typeof tag !== 'string' || !/^[A-Za-z]/.test(tag) || !Array.isArray(expanded)) continue;
        const intervals = ipv4Of(stringsOf(expanded), (t) => unresolved(`${e.file}: ${tag}`, `its expansion holds "${t}", not an IPv4 prefix: what ${tag} holds cannot be known`));
        if (tag.toLowerCase() === 'virtualnetwork') out.virtualNetwork = unionOf([...(out.virtualNetwork ?? []), ...intervals]);
        else tags.set(tag.toLowerCase(), unionOf([...(tags.get(tag.toLowerCase()) ?? []), ...intervals]));
      }
    }
  }
  return { file: e.file, ...out, tags };
}

/** The virtual network key of a subnet key. */
export function vnetOf(subnetKey: string): string {
  return parentId(subnetKey);
}
