import { cidrSpan, fromInt } from '../../model/cidr';
import { presentTiers } from '../../model/estate';
import { TierKey } from '../../model/tiers';
import type { ResolvedInput } from '../../input/resolved';
import { Interval } from '../../util/intervals';
import { decisionOf, Packet, PacketDecision, PacketEnd, PacketPoint, PacketStep, PacketVerdict } from '../evaluator';
import { HostGroup, HostLayout } from './host-groups';
import { AzureNsg, AzureRule, portsFor } from './network';
import { addressesIn, Purpose, skippedFor, TagWorld } from './worlds';

/**
 * One packet through the NSGs an evaluator knows (an offline IP flow verify): at the source's
 * host its NIC's NSG then its subnet's (outbound), at the destination's its subnet's then its
 * NIC's (inbound); in each NSG the rules by priority, the first match decides. Where a rule
 * names a tag whose contents the input does not show, each reading of the tags is asked, and a
 * rule that matches in some of them only is `depends`.
 */

/** What the explanation reads of the evaluator. */
export interface PacketContext {
  readonly layout: HostLayout;
  readonly spec: ResolvedInput;
  nsg(key: string): AzureNsg | undefined;
  rulesOf(nsg: AzureNsg): readonly AzureRule[];
  worldsOf(group: HostGroup, chain: readonly AzureNsg[], direction: string): readonly TagWorld[];
}

const contains = (xs: readonly Interval[], a: number): boolean => xs.some((i) => i.lo <= a && a <= i.hi);

/** The tiers and host group an address belongs to, as the evaluator maps them. */
function hostOf(ctx: PacketContext, address: number): { tiers: TierKey[]; group?: HostGroup } {
  const tiers: TierKey[] = [];
  let group: HostGroup | undefined;
  for (const t of presentTiers(ctx.spec.estate)) {
    const groups = ctx.layout.groups.get(t.key) ?? [];
    const inTier = contains(t.cidrs.map(cidrSpan), address);
    const g = groups.find((x) => (x.addresses === undefined ? inTier : contains(x.addresses, address)));
    if (g) { tiers.push(t.key); group ??= g; } else if (inTier) tiers.push(t.key);
  }
  return { tiers, group };
}

/** One NSG's rules for the packet in every reading: the rules that match in some, up to where every reading has decided. */
function pointFor(ctx: PacketContext, nsg: AzureNsg, direction: string, worlds: readonly TagWorld[], packet: Packet): PacketPoint {
  const rules = ctx.rulesOf(nsg).filter((r) => r.direction === direction);
  const readings = worlds.flatMap((w) => [Purpose.FLOWS, Purpose.EXTRAS].map((p) => ({ w, p, name: `${w.name}${p === Purpose.EXTRAS ? ', tags read wide' : ''}` })));
  const matches = (r: AzureRule, w: TagWorld, p: Purpose): boolean => {
    if (skippedFor(r, p)) return false;
    const ports = portsFor(r, packet.protocol);
    return ports !== undefined && contains(ports, packet.port)
      && contains(addressesIn(r.source, w, p, r.access), packet.source) && contains(addressesIn(r.destination, w, p, r.access), packet.destination);
  };
  const first = readings.map((x) => rules.findIndex((r) => matches(r, x.w, x.p)));
  const last = Math.max(...first);
  const steps: PacketStep[] = [];
  for (let i = 0; i <= last; i++) {
    const r = rules[i];
    const inReadings = readings.filter((x, n) => first[n] >= i && matches(r, x.w, x.p));
    if (inReadings.length === 0) continue;
    const all = inReadings.length === readings.filter((_, n) => first[n] >= i).length;
    steps.push({ rule: `${r.id} (${r.priority})`, access: r.access, match: all ? 'matches' : 'depends',
      ...(all ? {} : { detail: `matches where ${inReadings.map((x) => x.name).join('; ')}` }) });
  }
  const decisions = new Set(first.map((i) => (rules[i]?.access === 'Allow' ? PacketDecision.ALLOW : PacketDecision.DENY)));
  return { point: `NSG ${nsg.label}`, steps, decision: decisions.size === 1 ? [...decisions][0] : PacketDecision.DEPENDS };
}

/** One end of the packet: the host's NSGs in the order the packet meets them. */
function endOf(ctx: PacketContext, address: number, direction: 'Inbound' | 'Outbound', packet: Packet): PacketEnd {
  const { tiers, group } = hostOf(ctx, address);
  const host = group?.label ? `, host ${group.label}` : '';
  const where = tiers.length > 0 ? `${fromInt(address)}: tier ${tiers.join(', ')}${host}` : `${fromInt(address)}: no tier of the estate`;
  const chain = (group?.nsgs ?? []).map((k) => ctx.nsg(k)).filter((n): n is AzureNsg => n !== undefined);
  const ordered = direction === 'Inbound' ? chain : [...chain].reverse();
  if (!group || ordered.length === 0) return { where: `${where} (no NSG of the input filters it)`, points: [], decision: PacketDecision.ALLOW };
  const worlds = ctx.worldsOf(group, ordered, direction);
  const points = ordered.map((nsg) => pointFor(ctx, nsg, direction, worlds, packet));
  return { where, points, decision: decisionOf(points.map((p) => p.decision)) };
}

/** The verdict on one packet. */
export function explainPacket(ctx: PacketContext, packet: Packet): PacketVerdict {
  const outbound = endOf(ctx, packet.source, 'Outbound', packet);
  const inbound = endOf(ctx, packet.destination, 'Inbound', packet);
  return { outbound, inbound, decision: decisionOf([outbound.decision, inbound.decision]) };
}
