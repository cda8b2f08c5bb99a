import { cidrSpan, intervalToCidrs } from '../../model/cidr';
import { EstateTier, presentTiers } from '../../model/estate';
import { intersectPorts, PortRange } from '../../model/port-range';
import { OTHER_PROTOCOLS, Protocol, TrafficProtocol } from '../../model/protocol';
import { TierKey } from '../../model/tiers';
import { ResolvedInput } from '../../input/resolved';
import { bothEnds, Box, intersectRegions, product, splitBoxes, subtractRegions } from '../../util/boxes';
import { coversAll, differenceOf, Interval, intersectionOf } from '../../util/intervals';
import { addressClasses } from '../../util/address-classes';
import { EndDecision, Grant, GrantAuthor, HostPoints, Ipv6Allow, MissingEnforcement, NetworkProblem, Origin, Packet, PacketVerdict, portsMinus, portsOf, Reach, RuleSummary, TerraformEvaluator } from '../evaluator';
import { AZURE_DEFAULT_RULES, AzureNetwork, AzureNsg, AzureRule, AzureRuleAuthor, portsFor } from './network';
import { nsgLabel } from './reader';
import { cidrsText, HostGroup, HostLayout, hostLayout, uncertainPart } from './host-groups';
import { explainPacket } from './packet';
import { addressesIn, Purpose, skippedFor, TagWorld, purposeIndependent } from './worlds';

const FULL: Interval = { lo: 0, hi: 2 ** 32 - 1 };
const ALL_PORTS: Interval = { lo: 0, hi: 65535 };

/** A rule as one world reads it for one purpose: its addresses resolved. */
interface ResolvedRule {
  readonly rule: AzureRule;
  readonly src: readonly Interval[];
  readonly dst: readonly Interval[];
}

/** What one NSG lets through for one question in one world. */
interface NsgAnswer {
  readonly allowed: PortRange[];
  readonly region: Box[];
  readonly rules: string[];
  readonly grants: Grant[];
}

/**
 * Azure's documented NSG semantics applied to what the reader found: rules by priority, the
 * first match decides, inbound at the destination's NSGs (the subnet's, then the interface's)
 * and outbound at the source's (the reverse), both must allow, Azure's default rules last.
 * Service tags are read in every world they can hold (`worlds.ts`), or in the one effective
 * rules show: a flow is allowed when every world lets it through at every port, and traffic is
 * let through when any world does, by the rule that matches it first there. Each grant says who
 * wrote the rule (the library, someone else, Azure) and whether the estate owns the NSG (one it
 * creates, or an existing one it asks to deny by default), for the check to judge it.
 */
export class AzureEvaluator implements TerraformEvaluator {
  /** Enforcement points of the spec the input lacks. */
  public readonly missing: MissingEnforcement[];
  /** Problems of the input: unresolved, invalid, unsupported, mismatched. */
  public readonly problems: readonly NetworkProblem[];
  /** Allow rules for IPv6 peers at the estate's NSGs. */
  public readonly ipv6Allows: Ipv6Allow[] = [];
  private readonly layout: HostLayout;
  private readonly resolved = new Map<string, ResolvedRule[]>();

  constructor(private readonly network: AzureNetwork, private readonly spec: ResolvedInput) {
    this.problems = network.problems;
    this.layout = hostLayout(network, spec);
    this.missing = [...this.layout.missing];
    for (const [tier, groups] of this.layout.groups) {
      for (const key of new Set(groups.flatMap((g) => g.nsgs))) {
        for (const r of network.nsgs.get(key)?.rules ?? []) {
          const peer = r.direction === 'Inbound' ? r.source : r.destination;
          if (r.access !== 'Allow' || peer.ipv6.length === 0) continue;
          const protocol: TrafficProtocol = r.protocol === 'tcp' || r.protocol === 'udp' || r.protocol === 'icmp' ? r.protocol as Protocol : OTHER_PROTOCOLS;
          this.ipv6Allows.push({ rule: r.id, tier, direction: r.direction === 'Inbound' ? 'inbound' : 'outbound', prefixes: peer.ipv6, protocol,
            ports: r.ports.map((p) => PortRange.of(protocol, p.lo, p.hi)), author: authorOf(r), owned: this.layout.owned.has(key) });
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
    return (this.layout.groups.get(tier) ?? []).some((g) => g.nsgs.some((k) => this.network.nsgs.has(k)));
  }

  /** Rules of the tier's NSGs that the plan removes. */
  public removedAt(tier: TierKey): readonly string[] {
    return [...new Set((this.layout.groups.get(tier) ?? []).flatMap((g) => g.nsgs))].flatMap((k) => this.network.removed?.get(k) ?? []);
  }

  /** The rules of the NSGs of the estate's tiers, each with what it admits or denies (tags read as widely as they may be). */
  public ruleSummaries(): RuleSummary[] {
    const out: RuleSummary[] = [];
    const keys = new Set([...this.layout.groups.values()].flat().flatMap((g) => g.nsgs));
    const world = this.layout.worlds[0];
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
    return [...this.layout.owned].map(nsgLabel).sort();
  }

  public reachOutside(from: TierKey, protocol: TrafficProtocol): EndDecision {
    return this.decide(from, 'Outbound', this.tierAddresses(from), this.elsewhere(), protocol);
  }

  public reach(from: Origin, to: TierKey, protocol: TrafficProtocol): Reach {
    const src = 'tier' in from ? this.tierAddresses(from.tier) : 'cidr' in from ? [cidrSpan(from.cidr)] : this.elsewhere();
    const dst = this.tierAddresses(to);
    const inbound = this.decide(to, 'Inbound', src, dst, protocol);
    const outbound = 'tier' in from ? this.decide(from.tier, 'Outbound', src, dst, protocol) : open(protocol, src, dst);
    let both: Box[] | undefined;
    return {
      allowed: intersectPorts(inbound.allowed, outbound.allowed), anyAllowed: intersectPorts(inbound.anyAllowed, outbound.anyAllowed),
      inbound, outbound,
      // Built on first read: check's judgement of extra traffic reads each end's region, not this.
      get region() { return (both ??= bothEnds(inbound, outbound)); },
    };
  }

  /** Which rules, in which order, decide one packet at each end. */
  public explain(packet: Packet): PacketVerdict {
    return explainPacket({
      layout: this.layout, spec: this.spec, nsg: (k) => this.network.nsgs.get(k), rulesOf: (n) => this.rulesOf(n),
      worldsOf: (g, chain, d) => this.worldsFor(g, chain, d, [{ lo: packet.source, hi: packet.source }], [{ lo: packet.destination, hi: packet.destination }]),
    }, packet);
  }

  /**
   * One direction at the NSGs of one end: every host group must allow (`allowed`), any may
   * (`region`); a host group without NSG allows everything. A group's NSGs must all allow, in
   * the same reading of the tags.
   */
  private decide(tier: TierKey, direction: 'Inbound' | 'Outbound', src: Interval[], dst: Interval[], protocol: TrafficProtocol): EndDecision {
    const groups = this.layout.groups.get(tier) ?? [];
    const chains = groups.map((g) => g.nsgs.map((k) => this.network.nsgs.get(k)).filter((n): n is AzureNsg => n !== undefined));
    if (chains.every((c) => c.length === 0)) return open(protocol, src, dst);
    const claimed = this.layout.claimed === undefined || this.layout.claimed.has(tier);
    let allowed = [PortRange.of(protocol, 0, 65535)];
    let region: Box[] = [];
    const rules: string[] = [];
    const grants: Grant[] = [];
    const hosts: HostPoints[] = [];
    const undecided: string[] = [];
    let owned = false;
    let denyAsked = false;
    groups.forEach((g, n) => {
      const own = g.addresses === undefined ? (direction === 'Inbound' ? dst : src) : intersectionOf(direction === 'Inbound' ? dst : src, g.addresses);
      if (own.length === 0) return;
      const [s, d] = direction === 'Inbound' ? [src, own] : [own, dst];
      const chain = direction === 'Inbound' ? chains[n] : [...chains[n]].reverse();
      if (chain.length === 0) {
        region = [...region, ...product(s, d, [ALL_PORTS])];
        return;
      }
      for (const nsg of chain) {
        owned ||= this.layout.owned.has(nsg.key);
        denyAsked ||= this.layout.denyAsked.has(nsg.key);
      }
      const peer = direction === 'Inbound' ? s : d;
      const worlds = this.worldsFor(g, chain, direction, s, d);
      const perWorld: string[] = [];
      let groupAllowed = [PortRange.of(protocol, 0, 65535)];
      for (const world of worlds) {
        let passing: Box[] | undefined;
        let worldAllowed = [PortRange.of(protocol, 0, 65535)];
        const worldGrants: Grant[] = [];
        for (const nsg of chain) {
          const a = this.answer(nsg, direction, s, d, protocol, world);
          worldAllowed = intersectPorts(worldAllowed, a.allowed);
          for (const r of a.rules) if (!rules.includes(r)) rules.push(r);
          passing = passing === undefined ? a.region : intersectRegions(passing, a.region);
          worldGrants.push(...a.grants);
        }
        perWorld.push(worldAllowed.map(String).join(','));
        groupAllowed = intersectPorts(groupAllowed, worldAllowed);
        allowed = intersectPorts(allowed, worldAllowed);
        const through = passing ?? [];
        region = [...region, ...through];
        // With several NSGs on the path, each grant counts for what passes them all; what one of
        // them lets through as expected (health probes) is expected at the others too.
        if (chain.length === 1) grants.push(...worldGrants);
        else {
          const expected = worldGrants.filter((x) => x.expected).flatMap((x) => x.boxes);
          for (const x of worldGrants) {
            const boxes = x.expected ? intersectRegions(x.boxes, through) : subtractRegions(intersectRegions(x.boxes, through), expected);
            if (boxes.length > 0) grants.push({ ...x, boxes, ports: portsOf(boxes, protocol) });
          }
        }
      }
      if (this.layout.live) hosts.push({ point: `${chain.map((x) => `NSG ${x.label}`).join(' then ')}${g.label ? ` on ${g.label}` : ''}`, allowed: groupAllowed });
      if (perWorld.some((w) => w !== groupAllowed.map(String).join(','))) {
        const unsure = uncertainPart(peer, this.layout.certain);
        if (unsure.length > 0 && !worlds[0].shown) {
          const shows = g.label ? ` (the effective rules of ${g.interface ? g.label : `an interface in ${g.label}`}, az network nic list-effective-nsg, show it)` : '';
          undecided.push(`${chain.map((x) => `NSG ${x.label}`).join(' and ')}${g.label ? ` on ${g.label}` : ''} let${chain.length === 1 ? 's' : ''} more through only if VirtualNetwork holds ${cidrsText(unsure)}, which the input does not show${this.layout.live ? shows : ''}`);
        }
      }
    });
    // The rules that decide in some reading, in Azure's order (lower priority number first).
    const priorityOf = (r: string): number => Number(/ (\d+)\)$/.exec(r)?.[1] ?? 0);
    rules.sort((a, b) => priorityOf(a) - priorityOf(b));
    return { enforced: true, owned, denyAsked, ...(claimed ? {} : { claimed: false }), allowed, anyAllowed: portsOf(region, protocol), region, rules,
      grants: mergeGrants(grants, protocol), ...(hosts.length > 0 ? { hosts } : {}), ...(undecided.length > 0 ? { undecided } : {}) };
  }

  /**
   * The readings of the tags for one host group's question: the one its effective rules show;
   * else the estate's, one of them when both ends lie where every reading agrees, and the third
   * (Internet holds nothing of the rest) only where a rule names Internet.
   */
  private worldsFor(g: HostGroup, chain: readonly AzureNsg[], direction: string, src: readonly Interval[], dst: readonly Interval[]): readonly TagWorld[] {
    const internet = chain.some((nsg) => this.rulesOf(nsg).some((r) => r.direction === direction && (r.source.internet || r.destination.internet)));
    if (g.worlds) return internet ? g.worlds : g.worlds.slice(0, 1);
    const certain = this.layout.certain;
    if (coversAll(certain, src) && coversAll(certain, dst)) return [this.layout.worlds[1]];
    return internet ? this.layout.worlds : this.layout.worlds.slice(0, 2);
  }

  /** One NSG's answer in one world: for flows (what every reading lets through) and for extras (what any may). */
  private answer(nsg: AzureNsg, direction: string, src: Interval[], dst: Interval[], protocol: TrafficProtocol, world: TagWorld): NsgAnswer {
    const flows = this.evaluate(nsg, direction, src, dst, protocol, world, Purpose.FLOWS);
    const plain = this.rulesOf(nsg).every((r) => r.direction !== direction || purposeIndependent(r));
    const extras = plain ? flows : this.evaluate(nsg, direction, src, dst, protocol, world, Purpose.EXTRAS);
    return { allowed: flows.allowed, rules: flows.rules, region: extras.region, grants: extras.grants };
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
  private evaluate(nsg: AzureNsg, direction: string, src: Interval[], dst: Interval[], protocol: TrafficProtocol, world: TagWorld, purpose: Purpose): NsgAnswer {
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
    return [...(this.layout.addresses.get(tier) ?? [])];
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
export function authorOf(r: AzureRule): GrantAuthor {
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

function open(protocol: TrafficProtocol, src: Interval[], dst: Interval[]): EndDecision {
  const full = [PortRange.of(protocol, 0, 65535)];
  // The region is built on first read: an end that enforces nothing is rarely asked for it.
  let region: Box[] | undefined;
  return { enforced: false, owned: false, allowed: full, anyAllowed: full, rules: [],
    grants: [], get region() { return (region ??= product(src, dst, [ALL_PORTS])); } };
}
