import { PortRange } from '../../../model/port-range';
import { OTHER_PROTOCOLS, Protocol, TrafficProtocol } from '../../../model/protocol';
import { Box, product } from '../../../util/boxes';
import { coversAll, differenceOf, Interval, intersectionOf, segmentsCovered, unionOf } from '../../../util/intervals';
import { EndDecision, Grant, GrantAuthor, HostPoints } from '../../evaluator';
import type { GroupRef, TfRule } from '../reader';
import type { AwsHostGroup, AwsLiveLayout } from './layout';
import { aclDecide, addressesText } from './nacl';

/**
 * One end of a flow at a live tier's interfaces: each group of interfaces (same groups, same
 * subnet) must let the traffic through for every address pair (`allowed`), any may (`region`).
 * At one group of interfaces the security groups are a union (any rule of any group admits);
 * when network ACLs are judged, the subnet's ACL must also allow the request (inbound at the
 * destination, outbound at the source) and its replies to the client's ephemeral ports (the
 * other direction), unless the peer is in the same subnet. An ACL narrows what a flow gets,
 * never what an allow rule is judged to let through: the groups are the least-privilege point.
 */

const ALL_PORTS: Interval = { lo: 0, hi: 65535 };
const ALL_ADDRESSES: Interval = { lo: 0, hi: 2 ** 32 - 1 };

/** What the evaluator knows, for live decisions. */
export interface LiveContext {
  readonly layout: AwsLiveLayout;
  readonly rulesByGroup: ReadonlyMap<GroupRef, readonly TfRule[]>;
  readonly owned: ReadonlySet<GroupRef>;
  readonly library: ReadonlySet<string>;
  readonly requestedEgress: boolean;
}

/** One question at one end. */
export interface LiveQuestion {
  /** Ingress at the destination's interfaces, or egress at the source's. */
  readonly direction: 'ingress' | 'egress';
  readonly hosts: readonly AwsHostGroup[];
  /** The other end's addresses (a live tier's: its interfaces' addresses). */
  readonly peer: readonly Interval[];
  /** The addresses allow rules are judged on (what no flow needs, as the plan's evaluator judges it): this end's tier CIDRs. */
  readonly ownSpan: readonly Interval[];
  /** When the other end is a live tier: its CIDRs, which stand for its interfaces when a rule admits all of them. */
  readonly peerSpan?: readonly Interval[];
  readonly protocol: TrafficProtocol;
  /** False for a tier the spec gives no group: its interfaces decide flows, what else they let through is not judged. */
  readonly claimed: boolean;
  /** The client's ephemeral ports (replies go to them), when the question is a flow's (network ACLs are then judged). */
  readonly ephemeral?: Interval;
}

const peersCache = new WeakMap<TfRule, Interval[]>();

/** A rule's peer addresses: its CIDRs and its referenced groups' members. */
function peersOf(r: TfRule, members: ReadonlyMap<GroupRef, readonly Interval[]>): Interval[] {
  let p = peersCache.get(r);
  if (!p) peersCache.set(r, (p = unionOf([...r.cidrs, ...r.groups.flatMap((g) => members.get(g) ?? [])])));
  return p;
}

const ranges = (protocol: TrafficProtocol, xs: readonly Interval[]): PortRange[] => unionOf(xs).map((x) => PortRange.of(protocol, x.lo, x.hi));

/** The decision at a live tier's interfaces. */
export function decideLive(question: LiveQuestion, ctx: LiveContext): EndDecision {
  const { layout } = ctx;
  // Normalized once: the tests below walk sorted, disjoint lists (a group's members may be thousands of addresses).
  const q = { ...question, peer: unionOf(question.peer) };
  const label = (g: GroupRef): string => layout.labels.get(g) ?? g;
  let allowed: Interval[] = [ALL_PORTS];
  const anyAllowed: Interval[] = [];
  const hosts: HostPoints[] = [];
  let owned = false;
  // Each group's rules that can match the question, once; each matching rule with the interfaces it guards.
  const matching = new Map<GroupRef, readonly TfRule[]>();
  const rulesOf = (g: GroupRef): readonly TfRule[] => {
    let rs = matching.get(g);
    if (!rs) {
      matching.set(g, (rs = (ctx.rulesByGroup.get(g) ?? []).filter((r) => r.direction === q.direction
        && (r.protocol === 'all' || r.protocol === q.protocol) && meetsSorted(peersOf(r, layout.members), q.peer))));
    }
    return rs;
  };
  const used = new Map<TfRule, AwsHostGroup[]>();
  const aclSeen = new Map<string, Interval[]>();
  // Interfaces with the same groups (in other subnets) get the same answer from them: computed once.
  const bySet = new Map<string, { candidates: readonly TfRule[]; here: Interval[]; groups: readonly GroupRef[]; on: string[] }>();
  for (const h of q.hosts) {
    owned ||= h.groups.some((g) => ctx.owned.has(g));
    const key = h.groups.join(' ');
    let known = bySet.get(key);
    if (!known) {
      const candidates = h.groups.flatMap(rulesOf);
      const { any, all: covered } = segmentsCovered(candidates, ALL_PORTS.lo, ALL_PORTS.hi,
        (active) => coversSorted(active.length === 1 ? peersOf(active[0], layout.members) : unionOf(active.flatMap((r) => peersOf(r, layout.members))), q.peer));
      anyAllowed.push(...any);
      bySet.set(key, (known = { candidates, here: unionOf(covered), groups: h.groups, on: [] }));
    }
    const { candidates } = known;
    known.on.push(h.label);
    let here = known.here;
    for (const r of candidates) {
      const on = used.get(r);
      if (on) on.push(h);
      else used.set(r, [h]);
    }
    if (layout.aclsJudged && h.acl && q.ephemeral && q.protocol !== OTHER_PROTOCOLS) here = aclLimit(q, h, layout, here, hosts, aclSeen);
    allowed = intersectionOf(allowed, here);
  }
  // One point per set of groups, naming the interfaces that carry it.
  hosts.unshift(...[...bySet.values()].map((x) => {
    const on = x.on.length <= 3 ? x.on.join(', ') : `${x.on.slice(0, 3).join(', ')} and ${x.on.length - 3} more groups of interfaces`;
    return { point: `${x.groups.length > 0 ? x.groups.map(label).join(' + ') : 'no security group'} on ${on}`, allowed: ranges(q.protocol, x.here) };
  }));
  // One grant per rule, over every interface it guards here.
  const grants: Grant[] = [];
  for (const [r, hs] of used) {
    // Judged on the tiers' CIDRs, as for a plan: a rule admitting every interface of a peer tier admits the tier.
    const own = q.ownSpan;
    const exact = intersectionOf(peersOf(r, layout.members), q.peer);
    const peerPart = q.peerSpan && coversSorted(exact, q.peer) ? [...q.peerSpan] : exact;
    const boxes: Box[] = q.direction === 'ingress' ? product(peerPart, own, [r.ports]) : product(own, peerPart, [r.ports]);
    // aws.allowAllEgress asks it of the groups the estate creates, not of others' groups.
    const requested = ctx.requestedEgress && ctx.owned.has(r.group) && q.direction === 'egress' && r.protocol === 'all' && coversAll(r.cidrs, [ALL_ADDRESSES]);
    const where = hs.length <= 3 ? hs.map((h) => h.label).join(', ') : `${hs.slice(0, 3).map((h) => h.label).join(', ')} and ${hs.length - 3} more groups of interfaces`;
    grants.push({ rule: r.address, isDefault: false, ports: ranges(q.protocol, [r.ports]), boxes, requested, point: `${label(r.group)} on ${where}`,
      author: requested ? GrantAuthor.REQUESTED : ctx.library.has(r.address) ? GrantAuthor.LIBRARY : GrantAuthor.FOREIGN });
  }
  return { enforced: true, owned, ...(q.claimed ? {} : { claimed: false }), allowed: ranges(q.protocol, allowed), anyAllowed: ranges(q.protocol, anyAllowed),
    region: grants.flatMap((g) => g.boxes), rules: [...used.keys()].map((r) => r.address), grants, hosts };
}

/**
 * What of `here` the interfaces' subnet ACL lets a flow have: the request in the question's
 * direction, the replies in the other (to the client's ephemeral ports; for ICMP, the same
 * types back), for the peers outside the subnet. Each deny that drops some of it is a point.
 */
function aclLimit(q: LiveQuestion, h: AwsHostGroup, layout: AwsLiveLayout, here: Interval[], hosts: HostPoints[], seen: Map<string, Interval[]>): Interval[] {
  const acl = h.acl!;
  // Interfaces of one subnet meet the same ACL with the same peers: decided once.
  const key = `${acl.id}|${h.subnet ?? ''}`;
  const known = seen.get(key);
  if (known) return intersectionOf(here, known);
  const outside = differenceOf(unionOf([...q.peer]), h.subnet ? layout.subnetAddresses.get(h.subnet) ?? [] : []);
  if (outside.length === 0) { seen.set(key, [ALL_PORTS]); return here; }
  const egress = q.direction === 'egress';
  const on = h.subnet ? ` on ${h.subnet}` : '';
  const request = aclDecide(acl, egress, outside, q.protocol, [ALL_PORTS]);
  for (const d of request.denies) {
    hosts.push({ point: `network ACL ${acl.id} (${egress ? 'outbound' : 'inbound'}) ${d.entry}${on}`, allowed: ranges(q.protocol, differenceOf([ALL_PORTS], d.ports)) });
  }
  const replyPorts = q.protocol === Protocol.ICMP ? ALL_PORTS : q.ephemeral!;
  const reply = aclDecide(acl, !egress, outside, q.protocol, [replyPorts]);
  for (const d of reply.denies) {
    const ports = d.ports.map((p) => (p.lo === p.hi ? `${p.lo}` : `${p.lo}-${p.hi}`)).join(',');
    hosts.push({ point: `network ACL ${acl.id} (${egress ? 'inbound' : 'outbound'}, return traffic ${q.protocol} ${egress ? 'from' : 'to'} ${addressesText(d.peers)} dport ${ports}) ${d.entry}${on}`,
      allowed: [] });
  }
  const passes = reply.denies.length > 0 ? [] : request.allowed;
  seen.set(key, passes);
  return intersectionOf(here, passes);
}

/** True when two sorted, disjoint interval lists share a value (no copies, no sorting). */
function meetsSorted(a: readonly Interval[], b: readonly Interval[]): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i].hi < b[j].lo) i++;
    else if (b[j].hi < a[i].lo) j++;
    else return true;
  }
  return false;
}

/** True when every value of `inner` (sorted, disjoint) lies in `outer` (sorted, disjoint, touching intervals merged: `unionOf`'s form). */
function coversSorted(outer: readonly Interval[], inner: readonly Interval[]): boolean {
  let j = 0;
  for (const x of inner) {
    while (j < outer.length && outer[j].hi < x.lo) j++;
    if (j >= outer.length || outer[j].lo > x.lo || outer[j].hi < x.hi) return false;
  }
  return true;
}
