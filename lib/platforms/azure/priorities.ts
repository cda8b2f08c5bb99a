import type { PriorityWindow } from './settings';
import { Protocol } from '../../model/protocol';
import { TierKey } from '../../model/tiers';

/**
 * Priority slots of the tiers. Fixed forever: a new tier takes a free slot (12-15 are spare;
 * accountDc took 11 in 0.3), so no existing rule is ever renumbered. Pinned by a golden test.
 */
export const TIER_SLOTS: Readonly<Record<TierKey, number>> = {
  clients: 0, ca: 1, ces: 2, cep: 3, dc: 4, webEnrollment: 5, ndes: 6, ndesClients: 7, ocsp: 8, cdp: 9, admins: 10,
  accountDc: 11,
};
/** Slots reserved per tier (12 used, room for 4 more tiers). */
export const SLOTS_PER_TIER = 16;
/** Protocol slots of the TCP/UDP block: TCP first, UDP second. */
export const PROTOCOL_SLOTS: Readonly<Record<Protocol.TCP | Protocol.UDP, number>> = { tcp: 0, udp: 1 };

/**
 * First slot of the ICMP block: after every TCP/UDP slot that 16 tiers can use (16 × 16 × 2),
 * so ICMP rules (added in 0.2) renumber no TCP or UDP slot of 0.1.
 */
export const ICMP_SLOT_BASE = SLOTS_PER_TIER * SLOTS_PER_TIER * 2;

/**
 * The content slot of an allow rule: `(local tier × 16 + peer tier) × 2 + protocol` for TCP and
 * UDP, `512 + local tier × 16 + peer tier` for ICMP. The local tier is the one whose NSG holds
 * the rule (destination inbound, source outbound), the peer the other end. Depends on nothing
 * but the rule itself.
 */
export function ruleSlot(local: TierKey, peer: TierKey, protocol: Protocol): number {
  const pair = TIER_SLOTS[local] * SLOTS_PER_TIER + TIER_SLOTS[peer];
  return protocol === Protocol.ICMP ? ICMP_SLOT_BASE + pair : pair * 2 + PROTOCOL_SLOTS[protocol];
}

/** Number of allow priorities in a window: the last one is kept for the deny-by-default rule. */
export function allowSlots(window: PriorityWindow): number {
  return window.last - window.first;
}

/**
 * Priority of a rule slot in a window: `first + slot mod (last - first)`. In the default window
 * (100-4096) every slot maps to itself; in a narrow window the modulo folds slots, and a
 * collision is reported rather than resolved by shifting (shifting would make priorities depend
 * on the other rules).
 */
export function allowPriority(window: PriorityWindow, slot: number): number {
  return window.first + (slot % allowSlots(window));
}

/** Priority of the deny-by-default rule: the window's last. */
export function denyPriority(window: PriorityWindow): number {
  return window.last;
}

/** Priority of the Allow from `AzureLoadBalancer` that precedes the deny-by-default: the window's last but one. */
export function probePriority(window: PriorityWindow): number {
  return window.last - 1;
}
