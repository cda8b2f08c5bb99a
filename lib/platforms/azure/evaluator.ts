import { checkIpv4Cidr, cidrSpan } from '../../model/cidr';
import { EstateTier } from '../../model/estate';
import { intersectPorts, PortRange } from '../../model/port-range';
import { OTHER_PROTOCOLS, Protocol, TrafficProtocol } from '../../model/protocol';
import { TierKey } from '../../model/tiers';
import { ResolvedInput } from '../../input/resolved';
import { AzureSettings, azureEnforcement } from './settings';
import { bothEnds, Box, Interval, product, splitBoxes } from '../../util/boxes';
import { differenceOf, intersectionOf } from '../../util/intervals';
import { metaArgumentsOf, parseReference, terraformResources, TfResource } from '../../terraform/terraform-json';
import { EndDecision, Grant, MissingEnforcement, Origin, portsMinus, portsOf, Reach, TerraformEvaluator } from '../evaluator';

/** One NSG rule as the evaluator sees it (plan rule or Azure default). */
export interface EvaluatedNsgRule {
  /** Terraform address (or `address#name` for inline rules), or the default rule's name. */
  readonly id: string;
  /** Rule name. */
  readonly name: string;
  readonly direction: 'Inbound' | 'Outbound';
  readonly access: 'Allow' | 'Deny';
  readonly priority: number;
  /** Lower-case protocol: tcp, udp, icmp, * ... */
  readonly protocol: string;
  readonly src: readonly Interval[];
  readonly dst: readonly Interval[];
  readonly ports: readonly Interval[];
  /** True for Azure's default rules. */
  readonly isDefault: boolean;
  /** True for an inbound Allow from the `AzureLoadBalancer` tag alone (health probes: expected). */
  readonly probe?: boolean;
  /** True for a rule of every protocol from `VirtualNetwork` or `*` alone (a deny-by-default candidate). */
  readonly broadDeny?: boolean;
}

/** An NSG found in the plan (or named by the spec), with its rules. */
export interface EvaluatedNsg {
  /** `nsg:<rg>/<name>` (lower case), or `res:<address>` for a plan NSG whose name is not literal. */
  readonly identity: string;
  readonly rules: EvaluatedNsgRule[];
}

const FULL: Interval = { lo: 0, hi: 2 ** 32 - 1 };
const ALL_PORTS: Interval = { lo: 0, hi: 65535 };
const RFC1918 = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'];
const LOAD_BALANCER = '168.63.129.16/32';

const DEFAULTS: readonly [string, 'Inbound' | 'Outbound', 'Allow' | 'Deny', number, string, string][] = [
  ['AllowVnetInBound', 'Inbound', 'Allow', 65000, 'VirtualNetwork', 'VirtualNetwork'],
  ['AllowAzureLoadBalancerInBound', 'Inbound', 'Allow', 65001, 'AzureLoadBalancer', '*'],
  ['DenyAllInBound', 'Inbound', 'Deny', 65500, '*', '*'],
  ['AllowVnetOutBound', 'Outbound', 'Allow', 65000, 'VirtualNetwork', 'VirtualNetwork'],
  ['AllowInternetOutBound', 'Outbound', 'Allow', 65001, '*', 'Internet'],
  ['DenyAllOutBound', 'Outbound', 'Deny', 65500, '*', '*'],
];

function complement(list: readonly Interval[]): Interval[] {
  const sorted = [...list].sort((a, b) => a.lo - b.lo);
  const out: Interval[] = [];
  let cur = 0;
  for (const i of sorted) {
    if (i.lo > cur) out.push({ lo: cur, hi: i.lo - 1 });
    cur = Math.max(cur, i.hi + 1);
  }
  if (cur <= FULL.hi) out.push({ lo: cur, hi: FULL.hi });
  return out;
}

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null || v === '' ? [] : [v]);

/**
 * Applies Azure's documented NSG semantics to a plan: rules by priority, first match wins,
 * inbound at the destination's NSG and outbound at the source's, Azure's default rules last.
 *
 * Modelling choices: `VirtualNetwork` is every tier's CIDRs plus RFC 1918 space (on-premises
 * and peered ranges reach the estate), `Internet` the rest; source ports are taken as `*`.
 * What it cannot resolve (a service tag it doesn't model, an unknown reference) is listed in
 * `unresolved` and matches nothing, so it is never silently taken as allowed.
 */
export class AzureEvaluator implements TerraformEvaluator {
  /** NSGs by identity. */
  public readonly nsgs = new Map<string, EvaluatedNsg>();
  /** Things the evaluator could not resolve, with where they were found. */
  public readonly unresolved: string[] = [];
  /** Enforcement points of the spec the plan lacks. */
  public readonly missing: MissingEnforcement[] = [];
  private readonly vnet: Interval[];
  private readonly tierNsgs = new Map<TierKey, (string | undefined)[]>();
  private nsgKeyOfResource: (r: TfResource) => string = (r) => `res:${r.address}`;

  constructor(plan: unknown, private readonly spec: ResolvedInput) {
    const tiers = Object.values(spec.estate.tiers) as EstateTier[];
    this.vnet = [...RFC1918, LOAD_BALANCER, ...tiers.flatMap((t) => t.cidrs)].map(cidrSpan);
    const read = new Set(['azurerm_network_security_group', 'azurerm_network_security_rule',
      'azurerm_subnet_network_security_group_association', 'azurerm_network_interface_security_group_association']);
    const resources = terraformResources(plan).filter((r) => {
      const meta = read.has(r.type) ? metaArgumentsOf(r) : undefined;
      if (meta) this.unresolved.push(meta);
      return meta === undefined;
    });
    const byAddress = new Map(resources.map((r) => [r.address, r]));
    // One key per NSG, however the plan names it (reference, literal name, literal resource id):
    // `nsg:<resource group>/<name>` in lower case (Azure names are case-insensitive), or the
    // resource's address when its name or group is not literal.
    const literal = (v: unknown): string | undefined => (typeof v === 'string' && !v.includes('${') ? v : undefined);
    const groupName = (v: unknown): string | undefined => {
      const ref = parseReference(v);
      // `${azurerm_resource_group.x.name}`, `${azurerm_network_security_group.y.resource_group_name}`: one hop
      return ref ? literal(byAddress.get(ref.address)?.values[ref.attribute]) : literal(v);
    };
    const keyOf = (name: string | undefined, rg: string | undefined): string | undefined =>
      (name && rg ? `nsg:${rg}/${name}`.toLowerCase() : undefined);
    const resourceKey = (r: TfResource): string => keyOf(literal(r.values.name), groupName(r.values.resource_group_name)) ?? `res:${r.address}`;
    this.nsgKeyOfResource = resourceKey;
    const nsgIdentity = (nameValue: unknown, rgValue: unknown, where: string): string | undefined => {
      const ref = parseReference(nameValue);
      if (ref) {
        const r = byAddress.get(ref.address);
        if (r?.type === 'azurerm_network_security_group' && ref.attribute === 'name') return resourceKey(r);
        this.unresolved.push(`${where}: reference ${String(nameValue)}`);
        return undefined;
      }
      const key = keyOf(literal(nameValue), groupName(rgValue));
      if (!key) this.unresolved.push(`${where}: NSG name ${JSON.stringify(nameValue)} in resource group ${JSON.stringify(rgValue)}`);
      return key;
    };
    // Separate rules first: after apply, the NSG's computed `security_rule` lists them again.
    const separate = resources.filter((x) => x.type === 'azurerm_network_security_rule')
      .map((r) => ({ r, id: nsgIdentity(r.values.network_security_group_name, r.values.resource_group_name, r.address) }));
    const separateNames = new Map<string, Set<string>>();
    for (const { r, id } of separate) if (id) separateNames.set(id, (separateNames.get(id) ?? new Set()).add(String(r.values.name).toLowerCase()));
    for (const r of resources.filter((x) => x.type === 'azurerm_network_security_group')) {
      const key = resourceKey(r);
      const nsg = this.nsg(key);
      const inlines = asList(r.values.security_rule);
      const names = separateNames.get(key);
      if (!r.state && inlines.length > 0 && names) {
        this.unresolved.push(`${r.address}: inline security_rule blocks and azurerm_network_security_rule resources on one NSG (Terraform overwrites one with the other; use one or the other)`);
      }
      for (const inline of inlines) {
        if (inline === null || typeof inline !== 'object') this.unresolved.push(`${r.address}: security_rule ${JSON.stringify(inline)}`);
        // terraform show -json after apply: the computed entry of a separate rule is that rule, not a second one.
        else if (r.state && names?.has(String((inline as Record<string, unknown>).name).toLowerCase())) continue;
        else this.addRule(nsg, `${r.address}#${(inline as Record<string, unknown>).name}`, inline as Record<string, unknown>);
      }
    }
    for (const { r, id } of separate) if (id) this.addRule(this.nsg(id), r.address, r.values);
    const subnetNsg = new Map<string, string>();
    const subnetAssociation = new Map<string, string>();
    for (const r of resources.filter((x) => x.type === 'azurerm_subnet_network_security_group_association')) {
      const id = this.nsgFromId(r.values.network_security_group_id, byAddress, r.address);
      if (typeof r.values.subnet_id !== 'string') {
        this.unresolved.push(`${r.address}: subnet_id ${JSON.stringify(r.values.subnet_id)}`);
        continue;
      }
      const subnetKey = r.values.subnet_id.toLowerCase();
      const other = subnetAssociation.get(subnetKey);
      if (other) {
        // One subnet, one NSG: two associations fight, and whichever applies last wins.
        this.unresolved.push(`${r.address}: subnet ${r.values.subnet_id} is also associated by ${other} (a subnet has at most one NSG)`);
        subnetNsg.delete(subnetKey);
        continue;
      }
      subnetAssociation.set(subnetKey, r.address);
      if (id) subnetNsg.set(subnetKey, id);
    }
    for (const r of resources.filter((x) => x.type === 'azurerm_network_interface_security_group_association')) {
      this.unresolved.push(`${r.address}: NIC-level NSG association (traffic must pass both the subnet's and the NIC's NSG; check does not map network interfaces to tiers)`);
    }
    for (const t of tiers) {
      const e = azureEnforcement(t);
      if (e.kind === 'azureSubnets') {
        this.tierNsgs.set(t.key, e.subnetIds.map((s) => subnetNsg.get(s.toLowerCase())));
        for (const s of e.subnetIds) if (!subnetNsg.has(s.toLowerCase())) this.missing.push({ tier: t.key, detail: `subnet ${s} has no NSG associated in the plan` });
      } else if (e.kind === 'azureExistingNsg') {
        const id = nsgIdentity(e.name, e.resourceGroupName, `tiers.${t.key}`);
        this.tierNsgs.set(t.key, [id]);
        if (id === undefined || !this.nsgs.has(id)) this.missing.push({ tier: t.key, detail: `the plan writes no rule to NSG ${e.resourceGroupName}/${e.name}` });
      }
    }
    for (const nsg of this.nsgs.values()) nsg.rules.sort((a, b) => a.priority - b.priority);
    // The deny by default the spec asks for (created NSGs unless denyByDefault: false, existing
    // ones with denyByDefault: true): without it AllowVnetInBound lets the whole network in.
    for (const t of tiers) {
      const e = azureEnforcement(t);
      const wanted = e.kind === 'azureSubnets' ? (spec.settings as AzureSettings | undefined)?.denyByDefault !== false : e.kind === 'azureExistingNsg' ? e.denyByDefault : false;
      if (!wanted) continue;
      for (const id of new Set(this.tierNsgs.get(t.key) ?? [])) {
        const nsg = id === undefined ? undefined : this.nsgs.get(id);
        if (nsg && !this.deniesByDefault(nsg, t.cidrs.map(cidrSpan))) {
          this.missing.push({ tier: t.key, detail: `NSG ${id!.replace(/^(nsg|res):/, '')} has no inbound Deny of every protocol and port from VirtualNetwork (or *) covering the tier's addresses after its allows, as the spec asks (denyByDefault)` });
        }
      }
    }
  }

  /** True when a plan Deny (`*` protocol and ports, from VirtualNetwork or *, to the addresses) comes after every plan Allow inbound. */
  private deniesByDefault(nsg: EvaluatedNsg, addresses: Interval[]): boolean {
    const inbound = nsg.rules.filter((r) => !r.isDefault && r.direction === 'Inbound');
    const lastAllow = Math.max(0, ...inbound.filter((r) => r.access === 'Allow' && !r.probe).map((r) => r.priority));
    return inbound.some((r) => r.access === 'Deny' && r.broadDeny === true && r.priority > lastAllow
      && differenceOf(addresses, r.dst).length === 0 && r.ports.some((p) => p.lo === 0 && p.hi === 65535));
  }

  /** True when at least one host group of the tier sits behind an NSG of the plan. */
  enforcedAt(tier: TierKey): boolean {
    return (this.tierNsgs.get(tier) ?? []).some((n) => n !== undefined && this.nsgs.has(n));
  }

  reachOutside(from: TierKey, protocol: TrafficProtocol): EndDecision {
    return this.decide(this.tierNsgs.get(from) ?? [undefined], 'Outbound', this.tierIntervals(from), this.elsewhere(), protocol);
  }

  reach(from: Origin, to: TierKey, protocol: TrafficProtocol): Reach {
    const src = 'tier' in from ? this.tierIntervals(from.tier) : 'cidr' in from ? [cidrSpan(from.cidr)] : this.elsewhere();
    const dst = this.tierIntervals(to);
    const inbound = this.decide(this.tierNsgs.get(to) ?? [undefined], 'Inbound', src, dst, protocol);
    const outbound = 'tier' in from
      ? this.decide(this.tierNsgs.get(from.tier) ?? [undefined], 'Outbound', src, dst, protocol)
      : open(protocol, src, dst);
    return {
      allowed: intersectPorts(inbound.allowed, outbound.allowed),
      anyAllowed: intersectPorts(inbound.anyAllowed, outbound.anyAllowed),
      region: bothEnds(inbound, outbound),
      inbound, outbound,
    };
  }

  /**
   * Evaluates one direction at the NSGs of one end: every host group must allow (`allowed`),
   * any may (`anyAllowed`, `region`); a host group without NSG allows everything.
   */
  private decide(nsgIds: readonly (string | undefined)[], direction: 'Inbound' | 'Outbound', src: Interval[], dst: Interval[], protocol: TrafficProtocol): EndDecision {
    const full = [PortRange.of(protocol, 0, 65535)];
    let allowed = full;
    let region: Box[] = [];
    const rules: string[] = [];
    const grants: Grant[] = [];
    let enforced = false;
    if (nsgIds.every((id) => id === undefined)) return open(protocol, src, dst);
    for (const id of nsgIds) {
      const r = id === undefined ? undefined : this.evaluate(this.nsg(id), direction, src, dst, protocol);
      if (!r) {
        region = [...region, ...product(src, dst, [ALL_PORTS])];
        continue;
      }
      enforced = true;
      allowed = intersectPorts(allowed, r.allowed);
      region = [...region, ...r.region];
      rules.push(...r.rules.filter((x) => !rules.includes(x)));
      grants.push(...r.grants);
    }
    return enforced ? { enforced, allowed, anyAllowed: portsOf(region, protocol), region, rules, grants } : open(protocol, src, dst);
  }

  private evaluate(nsg: EvaluatedNsg, direction: string, src: Interval[], dst: Interval[], protocol: TrafficProtocol) {
    let remaining: Box[] = product(src, dst, [ALL_PORTS]);
    const region: Box[] = [];
    const deniedBoxes: Box[] = [];
    const rules: string[] = [];
    const grants: Grant[] = [];
    for (const rule of nsg.rules) {
      const rulePorts = rule.direction === direction ? portsFor(rule, protocol) : undefined;
      if (!rulePorts) continue;
      // Only the part of the rule within the question's addresses: a tag's thousands of ranges
      // (VirtualNetwork × VirtualNetwork) never become a product of boxes.
      const rs = intersectionOf(rule.src, src);
      const rd = rs.length === 0 ? [] : intersectionOf(rule.dst, dst);
      if (rd.length === 0) continue;
      const { inside, outside } = splitBoxes(remaining, product(rs, rd, rulePorts));
      if (inside.length === 0) continue;
      rules.push(`${rule.id} (${rule.access} ${rule.priority})`);
      (rule.access === 'Allow' ? region : deniedBoxes).push(...inside);
      if (rule.access === 'Allow') grants.push({ rule: rule.id, isDefault: rule.isDefault, expected: rule.probe, ports: portsOf(inside, protocol), boxes: inside });
      remaining = outside;
      if (remaining.length === 0) break;
    }
    deniedBoxes.push(...remaining);
    return { allowed: portsMinus([PortRange.of(protocol, 0, 65535)], deniedBoxes), region, rules, grants };
  }

  /** Every address of no tier. */
  private elsewhere(): Interval[] {
    return differenceOf([FULL], (Object.values(this.spec.estate.tiers) as EstateTier[]).flatMap((t) => t.cidrs.map(cidrSpan)));
  }

  private tierIntervals(tier: TierKey): Interval[] {
    return (this.spec.estate.tiers[tier]?.cidrs ?? []).map(cidrSpan);
  }

  private nsg(identity: string): EvaluatedNsg {
    let n = this.nsgs.get(identity);
    if (!n) {
      n = { identity, rules: DEFAULTS.map(([name, direction, access, priority, s, d]) => ({
        id: name, name, direction, access, priority, protocol: '*', src: this.prefixes([s], ''), dst: this.prefixes([d], ''),
        ports: [ALL_PORTS], isDefault: true, probe: name === 'AllowAzureLoadBalancerInBound' })) };
      this.nsgs.set(identity, n);
    }
    return n;
  }

  private nsgFromId(value: unknown, byAddress: Map<string, TfResource>, where: string): string | undefined {
    const ref = parseReference(value);
    const r = ref ? byAddress.get(ref.address) : undefined;
    if (ref && r?.type === 'azurerm_network_security_group' && ref.attribute === 'id') return this.nsgKeyOfResource(r);
    const m = typeof value === 'string' ? /resourceGroups\/([^/]+)\/providers\/Microsoft\.Network\/networkSecurityGroups\/([^/]+)$/i.exec(value) : null;
    if (m) return `nsg:${m[1]}/${m[2]}`.toLowerCase();
    this.unresolved.push(`${where}: network_security_group_id ${String(value)}`);
    return undefined;
  }

  private prefixes(list: readonly unknown[], where: string): Interval[] {
    const out: Interval[] = [];
    for (const raw of list) {
      const v = String(raw).trim();
      const lower = v.toLowerCase();
      if (v === '*' || lower === 'any' || v === '0.0.0.0/0') out.push(FULL);
      else if (lower === 'virtualnetwork') out.push(...this.vnet);
      else if (lower === 'internet') out.push(...complement(this.vnet));
      else if (lower === 'azureloadbalancer') out.push(cidrSpan(LOAD_BALANCER));
      else {
        const c = checkIpv4Cidr(v.includes('/') ? v : `${v}/32`);
        if (c.ok) out.push(cidrSpan(c.cidr));
        else if (c.reason === 'notNetwork') out.push(cidrSpan(c.suggestion));
        else this.unresolved.push(`${where}: address prefix ${v}`);
      }
    }
    return out;
  }

  private ports(list: readonly unknown[], where: string): Interval[] {
    const out: Interval[] = [];
    for (const raw of list) {
      const v = String(raw).trim();
      if (v === '*') out.push(ALL_PORTS);
      else {
        const r = PortRange.parse(Protocol.TCP, v);
        if (r) out.push({ lo: r.from, hi: r.to });
        else this.unresolved.push(`${where}: port range ${v}`);
      }
    }
    return out;
  }

  private addRule(nsg: EvaluatedNsg, id: string, v: Record<string, unknown>): void {
    const priority = Number(v.priority);
    if (!Number.isInteger(priority) || priority < 100 || priority > 4096) {
      this.unresolved.push(`${id}: priority ${JSON.stringify(v.priority)} (Azure takes whole numbers 100-4096; the rule is not evaluated)`);
      return;
    }
    const direction = String(v.direction).toLowerCase() === 'outbound' ? 'Outbound' : 'Inbound';
    const clash = nsg.rules.find((r) => !r.isDefault && r.direction === direction && r.priority === priority);
    if (clash) this.unresolved.push(`${id}: priority ${priority} is also ${clash.id}'s in ${direction.toLowerCase()} (Azure refuses the NSG)`);
    const srcPorts = [...asList(v.source_port_range), ...asList(v.source_port_ranges)].map(String);
    if (srcPorts.length > 0 && !srcPorts.includes('*')) this.unresolved.push(`${id}: source ports ${srcPorts.join(',')} (taken as *)`);
    const proto = String(v.protocol ?? '*').toLowerCase().replace(/^any$/, '*');
    if (!['tcp', 'udp', 'icmp', 'esp', 'ah', '*'].includes(proto)) {
      this.unresolved.push(`${id}: protocol ${JSON.stringify(v.protocol)} (Azure takes Tcp, Udp, Icmp, Esp, Ah or *; the rule is not evaluated)`);
      return;
    }
    const sources = [...asList(v.source_address_prefix), ...asList(v.source_address_prefixes)];
    const access = String(v.access).toLowerCase() === 'deny' ? 'Deny' : 'Allow';
    nsg.rules.push({
      probe: access === 'Allow' && direction === 'Inbound' && sources.length === 1 && String(sources[0]).trim().toLowerCase() === 'azureloadbalancer',
      broadDeny: access === 'Deny' && proto === '*' && sources.length > 0
        && sources.every((x) => ['virtualnetwork', '*', 'any', '0.0.0.0/0'].includes(String(x).trim().toLowerCase())),
      id, name: String(v.name ?? id),
      direction,
      access,
      priority,
      protocol: proto,
      src: this.prefixes(sources, id),
      dst: this.prefixes([...asList(v.destination_address_prefix), ...asList(v.destination_address_prefixes)], id),
      ports: this.ports([...asList(v.destination_port_range), ...asList(v.destination_port_ranges)], id),
      isDefault: false,
    });
    for (const k of ['source_application_security_group_ids', 'destination_application_security_group_ids']) {
      if (asList(v[k]).length > 0) this.unresolved.push(`${id}: ${k} (application security groups are not modelled)`);
    }
  }
}

/** NSG protocols and their IP protocol numbers (the port axis of the `OTHER_PROTOCOLS` question). */
const NUMBERED: Readonly<Record<string, number>> = { esp: 50, ah: 51 };

/**
 * What a rule matches of one protocol question, on the port axis: its ports for TCP and UDP,
 * every ICMP type for `Icmp` or `*` (NSG ports apply to TCP and UDP only), the protocol
 * number for `Esp` and `Ah` (every number for `*`) on the other-protocols question.
 */
function portsFor(rule: EvaluatedNsgRule, protocol: TrafficProtocol): readonly Interval[] | undefined {
  if (protocol === OTHER_PROTOCOLS) {
    if (rule.protocol === '*') return [ALL_PORTS];
    const n = NUMBERED[rule.protocol];
    return n === undefined ? undefined : [{ lo: n, hi: n }];
  }
  if (rule.protocol !== '*' && rule.protocol !== protocol) return undefined;
  return protocol === Protocol.ICMP ? [ALL_PORTS] : rule.ports;
}

function open(protocol: TrafficProtocol, src: Interval[], dst: Interval[]): EndDecision {
  const full = [PortRange.of(protocol, 0, 65535)];
  // The region is built on first read: an end that enforces nothing is rarely asked for it.
  let region: Box[] | undefined;
  return { enforced: false, allowed: full, anyAllowed: full, rules: [],
    grants: [], get region() { return (region ??= product(src, dst, [ALL_PORTS])); } };
}
