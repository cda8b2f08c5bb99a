import { cidrSpan, intervalToCidrs } from '../../model/cidr';
import { EstateTier, presentTiers } from '../../model/estate';
import { intersectPorts, PortRange } from '../../model/port-range';
import { OTHER_PROTOCOLS, Protocol, TrafficProtocol } from '../../model/protocol';
import { TierKey } from '../../model/tiers';
import { ResolvedInput } from '../../input/resolved';
import { bothEnds, Box, product, splitBoxes } from '../../util/boxes';
import { coversAll, differenceOf, Interval, intersectionOf, unionOf } from '../../util/intervals';
import { addressClasses } from '../../util/address-classes';
import { EndDecision, Grant, GrantAuthor, Ipv6Allow, MissingEnforcement, NetworkProblem, Origin, portsMinus, portsOf, Reach, RuleSummary, TerraformEvaluator } from '../evaluator';
import { AZURE_DEFAULT_RULES, AzureNetwork, AzureNsg, AzureRule, AzureRuleAuthor } from './network';
import { nsgLabel } from './reader';
import { azureEnforcement, azureSettings } from './settings';
import { addressesIn, Purpose, skippedFor, tagWorlds, TagWorld, purposeIndependent } from './worlds';

const FULL: Interval = { lo: 0, hi: 2 ** 32 - 1 };
const ALL_PORTS: Interval = { lo: 0, hi: 65535 };

/** A rule as one world reads it for one purpose: its addresses resolved. */
interface ResolvedRule {
  readonly rule: AzureRule;
  readonly src: readonly Interval[];
  readonly dst: readonly Interval[];
}

/** The NSGs of one tier's hosts: one per host group (subnet), undefined where a subnet has none. */
type HostGroups = readonly (string | undefined)[];

/**
 * Azure's documented NSG semantics applied to what the reader found: rules by priority, the
 * first match decides, inbound at the destination's NSG and outbound at the source's, Azure's
 * default rules last. Service tags are read in every world they can hold (`worlds.ts`): a flow
 * is allowed when every world lets it through at every port, and traffic is let through when
 * any world does, by the rule that matches it first there. Each grant says who wrote the rule
 * (the library, someone else, Azure) and whether the estate owns the NSG (one it creates, or
 * an existing one it asks to deny by default), for the check to judge it.
 */
export class AzureEvaluator implements TerraformEvaluator {
  /** Enforcement points of the spec the input lacks. */
  public readonly missing: MissingEnforcement[] = [];
  /** Problems of the input: unresolved, invalid, unsupported. */
  public readonly problems: readonly NetworkProblem[];
  /** Allow rules for IPv6 peers at the estate's NSGs. */
  public readonly ipv6Allows: Ipv6Allow[] = [];
  private readonly hostGroups = new Map<TierKey, HostGroups>();
  private readonly owned = new Set<string>();
  private readonly denyAsked = new Set<string>();
  private readonly worlds: TagWorld[];
  private readonly certain: Interval[];
  private readonly resolved = new Map<string, ResolvedRule[]>();

  constructor(private readonly network: AzureNetwork, private readonly spec: ResolvedInput) {
    this.problems = network.problems;
    const tiers = presentTiers(spec.estate) as EstateTier[];
    const certain: Interval[] = [];
    for (const t of tiers) {
      const e = azureEnforcement(t);
      if (e.kind === 'azureSubnets') {
        const groups = e.subnetIds.map((s) => network.subnetNsgs.get(s.toLowerCase()));
        this.hostGroups.set(t.key, groups);
        e.subnetIds.forEach((s, n) => { if (groups[n] === undefined) this.missing.push({ tier: t.key, detail: `subnet ${s} has no NSG associated in the plan` }); });
        for (const k of groups) if (k !== undefined) this.owned.add(k);
        if (azureSettings(spec).denyByDefault) for (const k of groups) if (k !== undefined) this.denyAsked.add(k);
        certain.push(...t.cidrs.map(cidrSpan));
      } else if (e.kind === 'azureExistingNsg') {
        const key = network.existingNsgs.get(t.key);
        this.hostGroups.set(t.key, [key]);
        if (key !== undefined && (network.nsgs.get(key)?.rules.length ?? 0) === 0) {
          this.missing.push({ tier: t.key, detail: `the plan writes no rule to NSG ${e.resourceGroupName}/${e.name}` });
        }
        if (key !== undefined && e.denyByDefault) { this.owned.add(key); this.denyAsked.add(key); }
        certain.push(...t.cidrs.map(cidrSpan));
      }
    }
    this.certain = unionOf(certain);
    this.worlds = tagWorlds(this.certain);
    for (const [tier, groups] of this.hostGroups) {
      for (const key of new Set(groups)) {
        const nsg = key === undefined ? undefined : network.nsgs.get(key);
        for (const r of nsg?.rules ?? []) {
          const peer = r.direction === 'Inbound' ? r.source : r.destination;
          if (r.access !== 'Allow' || peer.ipv6.length === 0) continue;
          const protocol: TrafficProtocol = r.protocol === 'tcp' || r.protocol === 'udp' || r.protocol === 'icmp' ? r.protocol as Protocol : OTHER_PROTOCOLS;
          this.ipv6Allows.push({ rule: r.id, tier, direction: r.direction === 'Inbound' ? 'inbound' : 'outbound', prefixes: peer.ipv6, protocol,
            ports: r.ports.map((p) => PortRange.of(protocol, p.lo, p.hi)), author: authorOf(r), owned: this.owned.has(key!) });
        }
      }
    }
  }

  /** Problems as lines (`element: message`). */
  public get unresolved(): readonly string[] {
    return this.problems.map((p) => `${p.element}: ${p.message}`);
  }

  /** True when at least one host group of the tier sits behind an NSG of the input. */
  public enforcedAt(tier: TierKey): boolean {
    return (this.hostGroups.get(tier) ?? []).some((k) => k !== undefined && this.network.nsgs.has(k));
  }

  /** Rules of the tier's NSGs that the plan removes. */
  public removedAt(tier: TierKey): readonly string[] {
    return [...new Set(this.hostGroups.get(tier) ?? [])].flatMap((k) => (k === undefined ? [] : this.network.removed?.get(k) ?? []));
  }

  /** The rules of the NSGs of the estate's tiers, each with what it admits or denies (tags read as widely as they may be). */
  public ruleSummaries(): RuleSummary[] {
    const out: RuleSummary[] = [];
    const keys = new Set([...this.hostGroups.values()].flat().filter((k): k is string => k !== undefined));
    const world = this.worlds[0];
    for (const key of [...keys].sort()) {
      const nsg = this.network.nsgs.get(key);
      for (const r of nsg?.rules ?? []) {
        const src = addressesIn(r.source, world, Purpose.EXTRAS, 'Allow');
        const dst = addressesIn(r.destination, world, Purpose.EXTRAS, 'Allow');
        const traffic: Record<string, Box[]> = {};
        for (const protocol of [Protocol.TCP, Protocol.UDP, Protocol.ICMP, OTHER_PROTOCOLS] as TrafficProtocol[]) {
          const ports = portsFor(r, protocol);
          if (ports) traffic[protocol] = product(src, dst, ports);
        }
        out.push({ id: r.id, point: nsg!.address ?? `NSG ${nsg!.label}`, direction: r.direction === 'Inbound' ? 'inbound' : 'outbound', text: ruleText(r), traffic });
      }
    }
    return out;
  }

  /** The NSGs the estate owns, by label (for reports). */
  public ownedNsgs(): string[] {
    return [...this.owned].map(nsgLabel).sort();
  }

  public reachOutside(from: TierKey, protocol: TrafficProtocol): EndDecision {
    return this.decide(this.hostGroups.get(from) ?? [undefined], 'Outbound', this.tierAddresses(from), this.elsewhere(), protocol);
  }

  public reach(from: Origin, to: TierKey, protocol: TrafficProtocol): Reach {
    const src = 'tier' in from ? this.tierAddresses(from.tier) : 'cidr' in from ? [cidrSpan(from.cidr)] : this.elsewhere();
    const dst = this.tierAddresses(to);
    const inbound = this.decide(this.hostGroups.get(to) ?? [undefined], 'Inbound', src, dst, protocol);
    const outbound = 'tier' in from ? this.decide(this.hostGroups.get(from.tier) ?? [undefined], 'Outbound', src, dst, protocol) : open(protocol, src, dst);
    let both: Box[] | undefined;
    return {
      allowed: intersectPorts(inbound.allowed, outbound.allowed), anyAllowed: intersectPorts(inbound.anyAllowed, outbound.anyAllowed),
      inbound, outbound,
      // Built on first read: check's judgement of extra traffic reads each end's region, not this.
      get region() { return (both ??= bothEnds(inbound, outbound)); },
    };
  }

  /** One direction at the NSGs of one end: every host group must allow (`allowed`), any may (`region`); a host group without NSG allows everything. */
  private decide(groups: HostGroups, direction: 'Inbound' | 'Outbound', src: Interval[], dst: Interval[], protocol: TrafficProtocol): EndDecision {
    if (groups.every((k) => k === undefined || !this.network.nsgs.has(k))) return open(protocol, src, dst);
    let allowed = [PortRange.of(protocol, 0, 65535)];
    let region: Box[] = [];
    const rules: string[] = [];
    const grants: Grant[] = [];
    let owned = false;
    let denyAsked = false;
    for (const key of groups) {
      const nsg = key === undefined ? undefined : this.network.nsgs.get(key);
      if (!nsg) {
        region = [...region, ...product(src, dst, [ALL_PORTS])];
        continue;
      }
      owned ||= this.owned.has(nsg.key);
      denyAsked ||= this.denyAsked.has(nsg.key);
      const peer = direction === 'Inbound' ? src : dst;
      const own = direction === 'Inbound' ? dst : src;
      // Every world reads an address the estate places in Azure the same way: ask once when both ends are such.
      // The third reading (Internet holds nothing of the rest) differs from the second only for rules naming Internet.
      const worlds = coversAll(this.certain, peer) && coversAll(this.certain, own) ? [this.worlds[1]]
        : this.namesInternet(nsg, direction) ? this.worlds : this.worlds.slice(0, 2);
      const plain = this.rulesOf(nsg).every((r) => r.direction !== direction || purposeIndependent(r));
      for (const world of worlds) {
        const flows = this.evaluate(nsg, direction, src, dst, protocol, world, Purpose.FLOWS);
        allowed = intersectPorts(allowed, flows.allowed);
        for (const r of flows.rules) if (!rules.includes(r)) rules.push(r);
        const extras = plain ? flows : this.evaluate(nsg, direction, src, dst, protocol, world, Purpose.EXTRAS);
        region = [...region, ...extras.region];
        grants.push(...extras.grants);
      }
    }
    // The rules that decide in some reading, in Azure's order (lower priority number first).
    const priorityOf = (r: string): number => Number(/ (\d+)\)$/.exec(r)?.[1] ?? 0);
    rules.sort((a, b) => priorityOf(a) - priorityOf(b));
    return { enforced: true, owned, denyAsked, allowed, anyAllowed: portsOf(region, protocol), region, rules, grants: mergeGrants(grants, protocol) };
  }

  /** True when a rule of the NSG in this direction (its defaults included) names the Internet tag. */
  private namesInternet(nsg: AzureNsg, direction: string): boolean {
    return this.rulesOf(nsg).some((r) => r.direction === direction && (r.source.internet || r.destination.internet));
  }

  /** The NSG's custom rules by priority, then Azure's defaults. */
  private rulesOf(nsg: AzureNsg): (AzureRule & { isDefault?: boolean })[] {
    return [...[...nsg.rules].sort((a, b) => a.priority - b.priority), ...AZURE_DEFAULT_RULES.map((r) => ({ ...r, isDefault: true }))];
  }

  private resolvedRules(nsg: AzureNsg, direction: string, world: TagWorld, purpose: Purpose): ResolvedRule[] {
    const cacheKey = `${nsg.key}\n${direction}\n${world.name}\n${purpose}`;
    let out = this.resolved.get(cacheKey);
    if (!out) {
      out = this.rulesOf(nsg).filter((r) => r.direction === direction && !skippedFor(r, purpose)).map((rule) => ({
        rule, src: addressesIn(rule.source, world, purpose, rule.access), dst: addressesIn(rule.destination, world, purpose, rule.access),
      }));
      this.resolved.set(cacheKey, out);
    }
    return out;
  }

  /**
   * First match over the NSG's rules for one reading, per address class (`address-classes.ts`):
   * each class is evaluated once by its representative, and its boxes copied to its members.
   */
  private evaluate(nsg: AzureNsg, direction: string, src: Interval[], dst: Interval[], protocol: TrafficProtocol, world: TagWorld, purpose: Purpose) {
    const resolved = this.resolvedRules(nsg, direction, world, purpose).filter((r) => portsFor(r.rule, protocol) !== undefined);
    const region: Box[] = [];
    const denied: Box[] = [];
    const rules = new Set<string>();
    const byRule = new Map<AzureRule, Box[]>();
    const copy = (boxes: readonly Box[], srcs: readonly Interval[], dsts: readonly Interval[], out: Box[]): void => {
      for (const b of boxes) for (const s of srcs) for (const d of dsts) out.push({ src: s, dst: d, port: b.port });
    };
    for (const sc of addressClasses(src, resolved.map((r) => r.src))) {
      for (const dc of addressClasses(dst, resolved.map((r) => r.dst))) {
        let remaining: Box[] = [{ src: sc.representative, dst: dc.representative, port: ALL_PORTS }];
        for (const { rule, src: rs0, dst: rd0 } of resolved) {
          const rs = intersectionOf(rs0, [sc.representative]);
          const rd = rs.length === 0 ? [] : intersectionOf(rd0, [dc.representative]);
          if (rd.length === 0) continue;
          const { inside, outside } = splitBoxes(remaining, product(rs, rd, portsFor(rule, protocol)!));
          if (inside.length === 0) continue;
          rules.add(`${rule.id} (${rule.access} ${rule.priority})`);
          if (rule.access === 'Allow') {
            const mine = byRule.get(rule) ?? [];
            copy(inside, sc.members, dc.members, mine);
            byRule.set(rule, mine);
          } else copy(inside, sc.members, dc.members, denied);
          remaining = outside;
          if (remaining.length === 0) break;
        }
        copy(remaining, sc.members, dc.members, denied);
      }
    }
    const grants: Grant[] = [];
    for (const [rule, boxes] of byRule) {
      region.push(...boxes);
      grants.push({ rule: rule.id, isDefault: rule.author === AzureRuleAuthor.DEFAULT, author: authorOf(rule), expected: isProbe(rule), ports: portsOf(boxes, protocol), boxes,
        point: nsg.address ?? `NSG ${nsg.label}` });
    }
    return { allowed: portsMinus([PortRange.of(protocol, 0, 65535)], denied), region, rules: [...rules], grants };
  }

  /** Every address of no tier. */
  private elsewhere(): Interval[] {
    return differenceOf([FULL], (presentTiers(this.spec.estate) as EstateTier[]).flatMap((t) => t.cidrs.map(cidrSpan)));
  }

  private tierAddresses(tier: TierKey): Interval[] {
    return (this.spec.estate.tiers[tier]?.cidrs ?? []).map(cidrSpan);
  }
}

/** A rule in words, as a reviewer reads it: `Allow Tcp 135,10509 from 10.20.0.0/16 to 10.0.1.0/24 (priority 132)`. */
function ruleText(r: AzureRule): string {
  const side = (a: AzureRule['source']): string => [a.any ? '*' : '', ...(a.any ? [] : a.cidrs.flatMap((c) => intervalToCidrs(c.lo, c.hi))), a.virtualNetwork ? 'VirtualNetwork' : '', a.internet ? 'Internet' : '',
    a.loadBalancer ? 'AzureLoadBalancer' : '', ...a.otherTags, ...a.ipv6].filter(Boolean).join(',') || 'nothing';
  const ports = r.protocol === 'tcp' || r.protocol === 'udp' || r.protocol === '*' ? ` ${r.ports.map((p) => (p.lo === 0 && p.hi === 65535 ? '*' : p.lo === p.hi ? `${p.lo}` : `${p.lo}-${p.hi}`)).join(',')}` : '';
  return `${r.access} ${r.protocol === '*' ? '*' : r.protocol[0].toUpperCase() + r.protocol.slice(1)}${ports} from ${side(r.source)} to ${side(r.destination)} (${r.direction.toLowerCase()}, priority ${r.priority})`;
}

/** Who wrote a rule, as the check's grants say it. */
function authorOf(r: AzureRule): GrantAuthor {
  return r.author === AzureRuleAuthor.DEFAULT ? GrantAuthor.DEFAULT : r.author === AzureRuleAuthor.LIBRARY ? GrantAuthor.LIBRARY : GrantAuthor.FOREIGN;
}

/** An inbound Allow from the `AzureLoadBalancer` address alone: health probes, which Azure needs and the library expects. */
function isProbe(r: AzureRule): boolean {
  const s = r.source;
  return r.access === 'Allow' && r.direction === 'Inbound' && s.loadBalancer && !s.any && !s.virtualNetwork && !s.internet && s.otherTags.length === 0 && s.cidrs.length === 0;
}

/** One grant per rule: the worlds' grants of a rule joined. */
function mergeGrants(grants: readonly Grant[], protocol: TrafficProtocol): Grant[] {
  const byRule = new Map<string, Grant>();
  for (const g of grants) {
    const key = `${g.rule}\n${g.point ?? ''}`;
    const seen = byRule.get(key);
    if (!seen) byRule.set(key, g);
    else {
      const boxes = [...seen.boxes, ...g.boxes];
      byRule.set(key, { ...seen, boxes, ports: portsOf(boxes, protocol) });
    }
  }
  return [...byRule.values()];
}

/** NSG protocols and their IP protocol numbers (the port axis of the `OTHER_PROTOCOLS` question). */
const NUMBERED: Readonly<Record<string, number>> = { esp: 50, ah: 51 };

/**
 * What a rule matches of one protocol question, on the port axis: its ports for TCP and UDP,
 * every ICMP type for `Icmp` or `*` (NSG ports apply to TCP and UDP only), the protocol
 * number for `Esp` and `Ah` (every number for `*`) on the other-protocols question.
 */
function portsFor(rule: AzureRule, protocol: TrafficProtocol): readonly Interval[] | undefined {
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
  return { enforced: false, owned: false, allowed: full, anyAllowed: full, rules: [],
    grants: [], get region() { return (region ??= product(src, dst, [ALL_PORTS])); } };
}
