import { cidrSpan, fromInt } from '../../../model/cidr';
import { presentTiers } from '../../../model/estate';
import { TierKey } from '../../../model/tiers';
import type { ResolvedInput } from '../../../input/resolved';
import { Interval } from '../../../util/intervals';
import { decisionOf, Packet, PacketDecision, PacketEnd, PacketPoint, PacketStep, PacketVerdict } from '../../evaluator';
import type { GroupRef, TfRule } from '../reader';
import type { AwsHostGroup, AwsLiveLayout } from './layout';
import { LiveAcl, STAR_RULE } from './nacl';

/**
 * One packet through AWS's enforcement points (an offline reachability check): leaving the
 * source, its interface's security groups (a union: any matching allow lets it out) then its
 * subnet's network ACL outbound; entering the destination, its subnet's ACL inbound then its
 * interface's groups. In an ACL the entries by rule number, the first match decides; traffic
 * inside one subnet meets no ACL. Read from a plan, a host is its tier and its group the tier's;
 * a rule naming a group of no tier may match any address (`depends`).
 */

/** What the explanation reads of the evaluator. */
export interface AwsPacketContext {
  readonly spec: ResolvedInput;
  readonly rulesByGroup: ReadonlyMap<GroupRef, readonly TfRule[]>;
  readonly groupOf: Readonly<Partial<Record<TierKey, GroupRef>>>;
  /** Live exports' layout, when read from them. */
  readonly layout?: AwsLiveLayout;
}

const contains = (xs: readonly Interval[], a: number): boolean => xs.some((i) => i.lo <= a && a <= i.hi);

/** Where an address is: its tiers, and its interface (live) or its tier's group (plan). */
function hostOf(ctx: AwsPacketContext, address: number): { tiers: TierKey[]; host?: AwsHostGroup } {
  const tiers = presentTiers(ctx.spec.estate).filter((t) => contains(t.cidrs.map(cidrSpan), address)).map((t) => t.key);
  if (ctx.layout) return { tiers, host: ctx.layout.interfaces.find((n) => contains(n.addresses, address)) };
  const tier = tiers.find((t) => ctx.groupOf[t] !== undefined);
  return { tiers, host: tier ? { label: '', addresses: [], groups: [ctx.groupOf[tier]!] } : undefined };
}

/** Whether a rule's peers hold the address: yes, no, or (a group of no tier, read from a plan) depends. */
function peerMatch(ctx: AwsPacketContext, r: TfRule, address: number): 'matches' | 'no match' | 'depends' {
  if (contains(r.cidrs, address)) return 'matches';
  let depends = false;
  for (const g of r.groups) {
    if (ctx.layout) { if (contains(ctx.layout.members.get(g) ?? [], address)) return 'matches'; continue; }
    const tiers = presentTiers(ctx.spec.estate).filter((t) => ctx.groupOf[t.key] === g);
    if (tiers.length === 0) depends = true;
    else if (tiers.some((t) => contains(t.cidrs.map(cidrSpan), address))) return 'matches';
  }
  return depends ? 'depends' : 'no match';
}

/** The host's groups in one direction: every rule that matches (or may). */
function groupsPoint(ctx: AwsPacketContext, host: AwsHostGroup, direction: 'ingress' | 'egress', peer: number, packet: Packet): PacketPoint {
  const steps: PacketStep[] = [];
  for (const g of host.groups) {
    for (const r of ctx.rulesByGroup.get(g) ?? []) {
      if (r.direction !== direction || (r.protocol !== 'all' && r.protocol !== packet.protocol) || packet.port < r.ports.lo || packet.port > r.ports.hi) continue;
      const match = peerMatch(ctx, r, peer);
      if (match !== 'no match') steps.push({ rule: r.address, access: 'Allow', match, ...(match === 'depends' ? { detail: 'a group of no tier: its members are not known' } : {}) });
    }
  }
  const label = ctx.layout ? ctx.layout.labels : undefined;
  const names = host.groups.map((g) => label?.get(g) ?? g).join(' + ');
  const decision = steps.some((s) => s.match === 'matches') ? PacketDecision.ALLOW : steps.length > 0 ? PacketDecision.DEPENDS : PacketDecision.DENY;
  return { point: `security groups (${direction}) ${names}${host.label ? ` on ${host.label}` : ''}`, steps, decision };
}

/** One direction of an ACL: the first entry that matches decides; none, the `*` rule denies. */
function aclPoint(acl: LiveAcl, egress: boolean, peer: number, packet: Packet, subnet: string): PacketPoint {
  const first = acl.entries.find((e) => e.egress === egress && (e.protocol === 'all' || e.protocol === packet.protocol)
    && contains(e.cidrs, peer) && (e.protocol === 'all' || (packet.port >= e.ports.lo && packet.port <= e.ports.hi)));
  const step: PacketStep = first ? { rule: first.label, access: first.allow ? 'Allow' : 'Deny', match: 'matches' }
    : { rule: `rule ${STAR_RULE} (*) (deny)`, access: 'Deny', match: 'matches', detail: 'no numbered rule matches' };
  return { point: `network ACL ${acl.id} (${egress ? 'outbound' : 'inbound'}) on ${subnet}`, steps: [step], decision: step.access === 'Allow' ? PacketDecision.ALLOW : PacketDecision.DENY };
}

/** One end: the points the packet meets there, in order. */
function endOf(ctx: AwsPacketContext, address: number, peer: number, direction: 'ingress' | 'egress', packet: Packet): PacketEnd {
  const { tiers, host } = hostOf(ctx, address);
  const where = `${fromInt(address)}: ${tiers.length > 0 ? `tier ${tiers.join(', ')}` : 'no tier of the estate'}${host?.label ? `, interface ${host.label}` : ''}`;
  if (!host) return { where: `${where} (no ${ctx.layout ? 'exported interface' : 'group of the input'} filters it)`, points: [], decision: PacketDecision.ALLOW };
  const points = [groupsPoint(ctx, host, direction, peer, packet)];
  const layout = ctx.layout;
  const sameSubnet = layout !== undefined && host.subnet !== undefined && layout.interfaces.some((n) => n.subnet === host.subnet && contains(n.addresses, peer));
  if (layout?.aclsJudged && host.acl && !sameSubnet) {
    const acl = aclPoint(host.acl, direction === 'egress', peer, packet, host.subnet!);
    if (direction === 'egress') points.push(acl);
    else points.unshift(acl);
  }
  const notes = layout && !layout.aclsJudged ? ' (network ACLs not judged: no describe-network-acls export)' : sameSubnet ? ' (same subnet as the peer: no network ACL)' : '';
  return { where: `${where}${notes}`, points, decision: decisionOf(points.map((p) => p.decision)) };
}

/** The verdict on one packet. ICMP's port is its type. */
export function explainAwsPacket(ctx: AwsPacketContext, packet: Packet): PacketVerdict {
  const outbound = endOf(ctx, packet.source, packet.destination, 'egress', packet);
  const inbound = endOf(ctx, packet.destination, packet.source, 'ingress', packet);
  return { outbound, inbound, decision: decisionOf([outbound.decision, inbound.decision]) };
}
