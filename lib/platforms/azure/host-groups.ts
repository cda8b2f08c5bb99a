import { cidrSpan, intervalToCidrs } from '../../model/cidr';
import { EstateTier, presentTiers } from '../../model/estate';
import { TierKey } from '../../model/tiers';
import type { ResolvedInput } from '../../input/resolved';
import { differenceOf, Interval, unionOf } from '../../util/intervals';
import type { MissingEnforcement } from '../evaluator';
import { AzureNetwork } from './network';
import { azureEnforcement, azureSettings } from './settings';
import { shownWorlds, TagWorld, tagWorlds } from './worlds';

/**
 * Which NSGs guard which hosts of each tier, and how their tags may be read there. From a
 * Terraform document: one host group per subnet the spec names (or the existing NSG it names),
 * each holding all the tier's addresses. From exports: the groups the reader found by address,
 * each with its own addresses and NSG chain (the subnet's, then the interface's), and the one
 * reading of VirtualNetwork that effective rules show, where they do.
 */

/** One group of a tier's hosts as the evaluator judges it. */
export interface HostGroup {
  /** How findings name it (a subnet or an interface); absent for a Terraform document's groups. */
  readonly label?: string;
  /** True for one network interface (else a subnet, or a Terraform document's group). */
  readonly interface?: boolean;
  /** NSG keys on the path in inbound order (empty: nothing filters these hosts). */
  readonly nsgs: readonly string[];
  /** The hosts' addresses; absent: every address of the tier. */
  readonly addresses?: readonly Interval[];
  /** The readings of the tags at these hosts; absent: the estate's. */
  readonly worlds?: readonly TagWorld[];
}

/** The host groups of every tier, who owns which NSG, and what the tags may hold. */
export interface HostLayout {
  readonly groups: ReadonlyMap<TierKey, readonly HostGroup[]>;
  readonly owned: ReadonlySet<string>;
  readonly denyAsked: ReadonlySet<string>;
  /** Tiers whose ends are the estate's to judge for extra traffic; absent: every enforced tier. */
  readonly claimed?: ReadonlySet<TierKey>;
  /** Addresses certainly in VirtualNetwork. */
  readonly certain: readonly Interval[];
  /** The estate's readings of the tags. */
  readonly worlds: readonly TagWorld[];
  /** Each tier's addresses as judged: its hosts' where exports show them, else its CIDRs. */
  readonly addresses: ReadonlyMap<TierKey, readonly Interval[]>;
  readonly missing: readonly MissingEnforcement[];
  /** True when read from exports (findings then name the points and what the exports do not show). */
  readonly live: boolean;
}

/** The layout of a network read from a Terraform document or from exports. */
export function hostLayout(network: AzureNetwork, spec: ResolvedInput): HostLayout {
  const tiers = presentTiers(spec.estate) as EstateTier[];
  const cidrsOf = (t: EstateTier): Interval[] => unionOf(t.cidrs.map(cidrSpan));
  const live = network.live;
  if (live) {
    const groups = new Map<TierKey, HostGroup[]>();
    const addresses = new Map<TierKey, Interval[]>();
    for (const t of tiers) {
      const found = live.hosts.get(t.key) ?? [];
      groups.set(t.key, found.map((g) => ({ label: g.label, interface: g.interface, nsgs: g.nsgs, addresses: g.addresses,
        ...(g.virtualNetwork ? { worlds: shownWorlds(g.label, g.virtualNetwork, g.tags) } : {}) })));
      addresses.set(t.key, found.length > 0 ? unionOf(found.flatMap((g) => g.addresses)) : cidrsOf(t));
    }
    const certain = unionOf([...live.virtualNetwork]);
    return { groups, owned: live.owned, denyAsked: live.denyAsked, claimed: live.claimed, certain, worlds: tagWorlds(certain), addresses, missing: live.missing, live: true };
  }
  const groups = new Map<TierKey, HostGroup[]>();
  const owned = new Set<string>();
  const denyAsked = new Set<string>();
  const missing: MissingEnforcement[] = [];
  const certain: Interval[] = [];
  for (const t of tiers) {
    const e = azureEnforcement(t);
    if (e.kind === 'azureSubnets') {
      const keys = e.subnetIds.map((s) => network.subnetNsgs.get(s.toLowerCase()));
      groups.set(t.key, keys.map((k) => ({ nsgs: k === undefined ? [] : [k] })));
      e.subnetIds.forEach((s, n) => { if (keys[n] === undefined) missing.push({ tier: t.key, detail: `subnet ${s} has no NSG associated in the plan` }); });
      for (const k of keys) if (k !== undefined) owned.add(k);
      if (azureSettings(spec).denyByDefault) for (const k of keys) if (k !== undefined) denyAsked.add(k);
      certain.push(...cidrsOf(t));
    } else if (e.kind === 'azureExistingNsg') {
      const key = network.existingNsgs.get(t.key);
      groups.set(t.key, [{ nsgs: key === undefined ? [] : [key] }]);
      if (key !== undefined && (network.nsgs.get(key)?.rules.length ?? 0) === 0) {
        missing.push({ tier: t.key, detail: `the plan writes no rule to NSG ${e.resourceGroupName}/${e.name}` });
      }
      if (key !== undefined && e.denyByDefault) { owned.add(key); denyAsked.add(key); }
      certain.push(...cidrsOf(t));
    }
  }
  const addresses = new Map(tiers.map((t) => [t.key, cidrsOf(t)]));
  const sure = unionOf(certain);
  return { groups, owned, denyAsked, certain: sure, worlds: tagWorlds(sure), addresses, missing, live: false };
}

/** Addresses as CIDRs for messages (`10.20.0.0/16, 10.30.0.0/15`), at most `max` of them. */
export function cidrsText(xs: readonly Interval[], max = 4): string {
  const cidrs = unionOf([...xs]).flatMap((i) => intervalToCidrs(i.lo, i.hi));
  return cidrs.length > max ? `${cidrs.slice(0, max).join(', ')} and ${cidrs.length - max} more` : cidrs.join(', ');
}

/** The part of `peer` VirtualNetwork may or may not hold, for messages. */
export function uncertainPart(peer: readonly Interval[], certain: readonly Interval[]): Interval[] {
  return differenceOf(unionOf([...peer]), [...certain]);
}
