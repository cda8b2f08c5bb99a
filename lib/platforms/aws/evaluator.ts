import { coversAll, differenceOf, Interval, intersectionOf, overlapsAny, segmentsCovered, unionOf } from '../../util/intervals';
import { bothEnds, Box, product } from '../../util/boxes';
import type { RuleDirection } from './planner';
import { GroupRef, TfRule } from './reader';
import { AwsNetwork } from './network';
import { cidrSpan, intervalToCidrs } from '../../model/cidr';
import { presentTiers } from '../../model/estate';
import { PortRange } from '../../model/port-range';
import { OTHER_PROTOCOLS, Protocol, TrafficProtocol } from '../../model/protocol';
import { TierKey } from '../../model/tiers';
import { ResolvedInput } from '../../input/resolved';
import { AwsSettings } from './settings';
import { decideLive, LiveContext } from './exports/live-decision';
import { explainAwsPacket } from './exports/packet';
import { EndDecision, Grant, GrantAuthor, Ipv6Allow, MissingEnforcement, NetworkProblem, Origin, Packet, PacketVerdict, TerraformEvaluator, Reach, RuleSummary } from '../evaluator';
import { appendTo } from '../../util/maps';

const ALL_PORTS: Interval = { lo: 0, hi: 65535 };

/**
 * Evaluates synthesized Terraform JSON (`JSON.parse(Testing.synth(stack))`, or a cdk.tf.json)
 * with AWS's documented security group semantics, for the tiers of a spec:
 * - allow-only: a host may use a port when any rule of any of its groups allows it (union);
 * - ingress is evaluated at the destination tier's group, egress at the source tier's;
 * - a referenced-group peer matches the hosts of the tiers on that group; a CIDR peer matches
 *   by address: a port counts as allowed for a tier only when the CIDRs allowing it cover every
 *   address of the tier (ports allowed to some of its addresses only are in `anyAllowed`);
 * - `-1` is every protocol and port; a group Terraform creates has no default egress;
 * - a tier without a group is not enforced: everything is allowed at that end.
 *
 * A tier's group is found by name for created groups (`securityGroupName`, or `<name>-<tier>`)
 * and by its literal id for existing ones. Anything that cannot be resolved (a missing group, a
 * reference or value that is not literal, a prefix list) is listed in `unresolved` and matches
 * nothing; it is never silently taken as allowed.
 *
 * Read from live exports (`network.live`, `exports/`), a tier's interfaces decide instead: each
 * group of them by the union of the groups it carries and, when network ACLs are exported, its
 * subnet's ACL on the request and the replies (`exports/live-decision.ts`); a referenced group is
 * the addresses of the interfaces carrying it.
 */
export class AwsEvaluator implements TerraformEvaluator {
  /** Problems of the input: unresolved, invalid, unsupported. */
  public readonly problems: readonly NetworkProblem[];
  /** Groups of the spec the plan lacks (a created group not found, an existing one the plan writes nothing to). */
  public readonly missing: readonly MissingEnforcement[];
  /** Allow rules for IPv6 peers on a tier's group. */
  public readonly ipv6Allows: readonly Ipv6Allow[];
  private readonly requestedEgress: boolean;
  private readonly rules: readonly TfRule[];
  private readonly groupOf: Partial<Record<TierKey, GroupRef>>;
  private readonly addresses: Partial<Record<TierKey, Interval[]>> = {};
  private readonly owned: ReadonlySet<GroupRef>;
  private readonly library: ReadonlySet<string>;
  private readonly removed: readonly { readonly address: string; readonly group: GroupRef }[];
  /** Read from live exports: the tiers' interfaces decide, each with its groups (and subnet ACL). */
  private readonly live?: LiveContext;
  /** Live: the addresses of each tier's interfaces (the hosts that exist), for the tiers that have some. */
  private readonly hostAddresses: Partial<Record<TierKey, Interval[]>> = {};

  constructor(network: AwsNetwork, private readonly spec: ResolvedInput) {
    this.requestedEgress = (spec.settings as AwsSettings | undefined)?.allowAllEgress === true;
    for (const t of presentTiers(spec.estate)) this.addresses[t.key] = unionOf(t.cidrs.map(cidrSpan));
    this.groupOf = network.groupOf;
    this.owned = network.owned;
    this.missing = network.missing;
    this.rules = network.rules;
    this.removed = network.removed;
    this.library = network.library;
    const problems = network.problems;
    if (network.live) {
      const rulesByGroup = new Map<GroupRef, TfRule[]>();
      for (const r of this.rules) appendTo(rulesByGroup, r.group, r);
      this.live = { layout: network.live, rulesByGroup, owned: this.owned, library: this.library, requestedEgress: this.requestedEgress };
      // A claimed tier's hosts are its interfaces; another tier's may be anywhere in its CIDRs (on premises, say).
      for (const [tier, hs] of network.live.hosts) if (network.live.claimed.has(tier)) this.hostAddresses[tier] = unionOf(hs.flatMap((h) => h.addresses));
    }
    // The tiers a group guards: its tier's (a plan), or the tiers whose interfaces carry it (live).
    const tiersOn = (g: GroupRef): TierKey[] => (network.live
      ? [...network.live.hosts].filter(([t, hs]) => network.live!.claimed.has(t) && hs.some((h) => h.groups.includes(g))).map(([t]) => t)
      : presentTiers(spec.estate).filter((x) => this.groupOf[x.key] === g).map((x) => x.key));
    // IPv6 peers on a tier's group: the tiers are IPv4, so no flow needs them.
    const ipv6: Ipv6Allow[] = [];
    for (const r of this.rules.filter((x) => x.ipv6.length > 0)) {
      for (const t of tiersOn(r.group).map((key) => ({ key }))) {
        const protocol = r.protocol === 'all' || r.protocol === 'other' ? OTHER_PROTOCOLS : r.protocol as Protocol;
        ipv6.push({ rule: r.address, tier: t.key, direction: r.direction === 'ingress' ? 'inbound' : 'outbound', prefixes: r.ipv6,
          protocol, ports: r.protocol === 'all' ? [PortRange.of(protocol, 0, 65535)] : [PortRange.of(protocol, r.ports.lo, r.ports.hi)],
          author: this.library.has(r.address) ? GrantAuthor.LIBRARY : GrantAuthor.FOREIGN, owned: this.owned.has(r.group) });
      }
    }
    this.ipv6Allows = ipv6;
    this.problems = problems;
  }

  /** Problems as lines (`element: message`). */
  public get unresolved(): readonly string[] {
    return this.problems.map((p) => `${p.element}: ${p.message}`);
  }

  /** The rules on the tiers' groups, each with what it admits (a referenced group read as the addresses of its tiers, or of everything when it has none). */
  public ruleSummaries(): RuleSummary[] {
    const tierGroups = new Map<GroupRef, Interval[]>();
    for (const [tier, g] of Object.entries(this.groupOf)) if (g) appendTo(tierGroups, g, ...(this.addresses[tier as TierKey] ?? []));
    return this.rules.map((r) => {
      const peers = unionOf([...r.cidrs, ...r.groups.flatMap((g) => tierGroups.get(g) ?? [{ lo: 0, hi: 2 ** 32 - 1 }])]);
      const own = tierGroups.get(r.group) ?? [];
      const [src, dst] = r.direction === 'ingress' ? [peers, own] : [own, peers];
      const protocol = r.protocol === 'all' ? undefined : r.protocol === 'other' ? OTHER_PROTOCOLS : r.protocol;
      const traffic: Record<string, Box[]> = {};
      for (const p of [Protocol.TCP, Protocol.UDP, Protocol.ICMP, OTHER_PROTOCOLS] as TrafficProtocol[]) {
        if (protocol === undefined || protocol === p) traffic[p] = product(src, dst, [protocol === undefined ? ALL_PORTS : r.ports]);
      }
      const ports = r.protocol === 'all' ? '' : r.ports.lo === r.ports.hi ? ` ${r.ports.lo}` : ` ${r.ports.lo}-${r.ports.hi}`;
      const peerText = [...r.cidrs.flatMap((c) => intervalToCidrs(c.lo, c.hi)), ...r.groups, ...r.ipv6].join(',');
      return { id: r.address, point: r.group, direction: r.direction === 'ingress' ? 'inbound' : 'outbound',
        text: `Allow ${r.protocol === 'all' ? 'all' : r.protocol}${ports} ${r.direction === 'ingress' ? 'from' : 'to'} ${peerText} (${r.direction})`, traffic };
    });
  }

  /** Which rules, in which order, decide one packet at each end (the groups a union; with network ACLs, the first entry by number). */
  public explain(packet: Packet): PacketVerdict {
    const rulesByGroup = this.live?.rulesByGroup ?? new Map<GroupRef, TfRule[]>();
    if (!this.live) for (const r of this.rules) appendTo(rulesByGroup as Map<GroupRef, TfRule[]>, r.group, r);
    return explainAwsPacket({ spec: this.spec, rulesByGroup, groupOf: this.groupOf, layout: this.live?.layout }, packet);
  }

  /** Rules of the tier's group that the plan removes. */
  public removedAt(tier: TierKey): readonly string[] {
    const g = this.groupOf[tier];
    return g === undefined ? [] : this.removed.filter((r) => r.group === g).map((r) => r.address);
  }

  /** True when the tier's security group was found in the plan. */
  public enforcedAt(tier: TierKey): boolean {
    if (this.live) return this.live.layout.hosts.has(tier);
    return this.groupOf[tier] !== undefined;
  }

  /** The destination's inbound decision: ingress rules of `to`'s group that match `from`. */
  public ingress(from: Origin, to: TierKey, protocol: TrafficProtocol): EndDecision {
    return this.decide('ingress', to, from, protocol);
  }

  /** The source's outbound decision: egress rules of `from`'s group that match `to` (a tier or outside addresses). */
  public egress(from: TierKey, to: Origin, protocol: TrafficProtocol): EndDecision {
    return this.decide('egress', from, to, protocol);
  }

  /** The source's outbound decision toward every address of no tier. */
  public reachOutside(from: TierKey, protocol: TrafficProtocol): EndDecision {
    return this.egress(from, { elsewhere: true }, protocol);
  }

  /** Ports of `protocol` that every address of `from` may open on every address of `to`, end to end. */
  public reach(from: Origin, to: TierKey, protocol: TrafficProtocol): Reach {
    const outbound = 'tier' in from ? this.egress(from.tier, { tier: to }, protocol) : open(protocol, this.addressesOf(from), this.addresses[to] ?? []);
    const inbound = this.ingress(from, to, protocol);
    const both = (a: readonly PortRange[], b: readonly PortRange[]): PortRange[] => toRanges(protocol, intersectionOf(toIntervals(a), toIntervals(b)));
    let regionOfBoth: Box[] | undefined;
    return {
      allowed: both(outbound.allowed, inbound.allowed), anyAllowed: both(outbound.anyAllowed, inbound.anyAllowed),
      outbound, inbound,
      // Built on first read: check's judgement of extra traffic reads each end's region, not this.
      get region() { return (regionOfBoth ??= bothEnds(inbound, outbound)); },
    };
  }

  /** The addresses of an origin: a tier's, a CIDR's, or every address of no tier. */
  private addressesOf(o: Origin): Interval[] {
    if ('tier' in o) return this.hostAddresses[o.tier] ?? this.addresses[o.tier] ?? [];
    if ('cidr' in o) return [cidrSpan(o.cidr)];
    return differenceOf([{ lo: 0, hi: 2 ** 32 - 1 }], Object.values(this.addresses).flat() as Interval[]);
  }

  /**
   * The decision at `tier`'s group in `direction` for traffic with `peer` (the origin for
   * ingress, the destination for egress). Per elementary port segment: allowed when a rule
   * references the peer's group or the CIDRs of the segment's rules cover all the peer's
   * addresses; anyAllowed when some rule matches at least one of its addresses. The region is
   * what the matching rules allow, as (source, destination, port) boxes.
   */
  private decide(direction: RuleDirection, tier: TierKey, peer: Origin, protocol: TrafficProtocol): EndDecision {
    const group = this.groupOf[tier];
    const own = this.addresses[tier] ?? [];
    const peerAddresses = this.addressesOf(peer);
    if (this.live) {
      const hosts = this.live.layout.hosts.get(tier);
      if (!hosts) return open(protocol, ...(direction === 'ingress' ? [peerAddresses, own] : [own, peerAddresses]) as [Interval[], Interval[]]);
      // A flow's question (between tiers): replies go to the client's ephemeral ports, which network ACLs must let through.
      const client = direction === 'ingress' ? ('tier' in peer ? peer.tier : undefined) : ('tier' in peer ? tier : undefined);
      const peerSpan = 'tier' in peer && this.hostAddresses[peer.tier] ? this.addresses[peer.tier] : undefined;
      const claimed = this.live.layout.claimed.has(tier);
      return decideLive({ direction, hosts, peer: peerAddresses, ownSpan: own, peerSpan, protocol, claimed, ephemeral: client && this.live.layout.ephemeral.get(client) }, this.live);
    }
    const box = (peerPart: Interval[], ports: Interval): Box[] =>
      (direction === 'ingress' ? product(peerPart, own, [ports]) : product(own, peerPart, [ports]));
    if (group === undefined) return open(protocol, ...(direction === 'ingress' ? [peerAddresses, own] : [own, peerAddresses]) as [Interval[], Interval[]]);
    const peerGroup = 'tier' in peer ? this.groupOf[peer.tier] : undefined;
    const tierGroups = new Set(Object.values(this.groupOf));
    // A peer group of no tier holds hosts the spec does not describe: they may have any address.
    const strangers = (r: TfRule): boolean => r.groups.some((g) => !tierGroups.has(g));
    const candidates = this.rules.filter((r) => r.direction === direction && r.group === group
      && (r.protocol === 'all' || r.protocol === protocol)
      && ((peerGroup !== undefined && r.groups.includes(peerGroup)) || overlapsAny(r.cidrs, peerAddresses) || strangers(r)));
    const { any: anyAllowed, all: allowed } = segmentsCovered(candidates, ALL_PORTS.lo, ALL_PORTS.hi,
      (active) => (peerGroup !== undefined && active.some((r) => r.groups.includes(peerGroup))) || coversAll(active.flatMap((r) => r.cidrs), peerAddresses));
    const grants = candidates.map((r): Grant => {
      const peerPart = (peerGroup !== undefined && r.groups.includes(peerGroup)) || strangers(r) ? peerAddresses : intersectionOf(r.cidrs, peerAddresses);
      const requested = this.requestedEgress && direction === 'egress' && r.protocol === 'all' && coversAll(r.cidrs, [{ lo: 0, hi: 2 ** 32 - 1 }]);
      return {
        rule: r.address, isDefault: false, ports: toRanges(protocol, [r.ports]), boxes: box(peerPart, r.ports), requested,
        author: requested ? GrantAuthor.REQUESTED : this.library.has(r.address) ? GrantAuthor.LIBRARY : GrantAuthor.FOREIGN, point: group,
      };
    });
    return {
      enforced: true,
      owned: this.owned.has(group),
      allowed: toRanges(protocol, unionOf(allowed)),
      anyAllowed: toRanges(protocol, unionOf(anyAllowed)),
      region: grants.flatMap((g) => g.boxes),
      rules: candidates.map((r) => r.address),
      grants,
    };
  }
}

function open(protocol: TrafficProtocol, src: Interval[], dst: Interval[]): EndDecision {
  const all = [PortRange.of(protocol, ALL_PORTS.lo, ALL_PORTS.hi)];
  // The region is built on first read: an end that enforces nothing is rarely asked for it.
  let region: Box[] | undefined;
  return { enforced: false, owned: false, allowed: all, anyAllowed: all, rules: [],
    grants: [], get region() { return (region ??= product(src, dst, [ALL_PORTS])); } };
}

function toIntervals(ranges: readonly PortRange[]): Interval[] {
  return ranges.map((r) => ({ lo: r.from, hi: r.to }));
}

function toRanges(protocol: TrafficProtocol, xs: readonly Interval[]): PortRange[] {
  return unionOf(xs).map((x) => PortRange.of(protocol, x.lo, x.hi));
}
