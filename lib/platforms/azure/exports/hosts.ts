import { cidrSpan } from '../../../model/cidr';
import { EstateTier } from '../../../model/estate';
import { TierKey } from '../../../model/tiers';
import { differenceOf, Interval, intersectionOf, unionOf } from '../../../util/intervals';
import { NetworkProblem, ProblemKind } from '../../evaluator';
import { cidrsText } from '../host-groups';
import { AzureHostGroup } from '../network';
import { AzInventory, LiveEffective, LiveNic, LiveSubnet } from './inventory';
import { appendTo } from '../../../util/maps';

/**
 * Where each tier's hosts are, by address: every subnet whose prefix lies in the tier's CIDRs
 * (its part of them), and every interface whose address does. An interface with its own NSG is
 * its own group (traffic passes the subnet's NSG, then the interface's, inbound); the rest of a
 * subnet is one group. Where a subnet's prefix is not shown, its interfaces are the hosts. What
 * VirtualNetwork holds at a group is what effective rules expand it to there: an interface's own,
 * else its subnet's (the tag follows the subnet's routes), when the exports agree on it.
 */

/** The host groups of one tier, and what the exports leave open about them. */
export interface TierHosts {
  readonly groups: AzureHostGroup[];
  readonly problems: NetworkProblem[];
  /** The expansions used, by group label (for the observation notes). */
  readonly shown: Map<string, { readonly virtualNetwork: readonly Interval[]; readonly file: string }>;
}

/** The subnet's NSG key: its own export's, an NSG's reference, or an effective association; null for none; undefined when nothing tells. */
export function subnetNsgOf(inv: AzInventory, s: LiveSubnet): string | null | undefined {
  if (s.nsg !== undefined) return s.nsg;
  const eff = inv.effective.find((e) => e.subnet === s.key);
  return eff ? eff.subnetNsg ?? null : undefined;
}

/** The effective rules that show the tags at an interface (its own), else at its subnet, when they agree. */
function expansionAt(inv: AzInventory, subnet: string | undefined, nic: string | undefined): LiveEffective | 'disagree' | undefined {
  const own = nic === undefined ? undefined : inv.effective.find((e) => e.nic === nic && e.virtualNetwork);
  if (own) return own;
  const bySubnet = inv.effective.filter((e) => e.subnet === subnet && subnet !== undefined && e.virtualNetwork);
  if (bySubnet.length === 0) return undefined;
  const text = (e: LiveEffective): string => (e.virtualNetwork ?? []).map((i) => `${i.lo}-${i.hi}`).join(',');
  return bySubnet.every((e) => text(e) === text(bySubnet[0])) ? bySubnet[0] : 'disagree';
}

/** The hosts of one tier. */
export function tierHosts(inv: AzInventory, t: EstateTier): TierHosts {
  const cidrs = unionOf(t.cidrs.map(cidrSpan));
  const groups: AzureHostGroup[] = [];
  const problems: NetworkProblem[] = [];
  const shown = new Map<string, { virtualNetwork: readonly Interval[]; file: string }>();
  const group = (label: string, addresses: Interval[], nsgs: (string | null | undefined)[], subnet: LiveSubnet | undefined, nic: LiveNic | undefined): void => {
    if (addresses.length === 0) return;
    const eff = expansionAt(inv, subnet?.key, nic?.key);
    if (eff === 'disagree') {
      problems.push({ kind: ProblemKind.OBSERVED, element: label, offset: -1,
        message: `the effective rules of interfaces of ${subnet?.name} expand VirtualNetwork differently: it is read as unknown there` });
    } else if (eff?.virtualNetwork) shown.set(label, { virtualNetwork: eff.virtualNetwork, file: eff.file });
    const known = eff && eff !== 'disagree' ? eff : undefined;
    groups.push({ label, interface: nic !== undefined, addresses, nsgs: nsgs.filter((k): k is string => typeof k === 'string'),
      ...(known?.virtualNetwork ? { virtualNetwork: known.virtualNetwork, tags: known.tags } : {}) });
  };
  const nicsIn = new Map<string, { nic: LiveNic; addresses: Interval[] }[]>();
  for (const nic of inv.nics.values()) {
    for (const c of nic.configs) {
      if (c.subnet === undefined) continue;
      appendTo(nicsIn, c.subnet, { nic, addresses: [...c.addresses] });
    }
  }
  for (const s of inv.subnets.values()) {
    const part = s.prefixes ? intersectionOf(unionOf(s.prefixes), cidrs) : [];
    const nsg = subnetNsgOf(inv, s);
    if (s.prefixes) {
      if (part.length === 0) continue;
      let rest = part;
      // Interfaces with an NSG of their own, or their own reading of the tags, are groups of their own.
      for (const { nic, addresses } of nicsIn.get(s.key) ?? []) {
        const mine = intersectionOf(unionOf(addresses), rest);
        if (mine.length === 0 || (nic.nsg === null && !inv.effective.some((e) => e.nic === nic.key))) continue;
        group(nic.name, mine, [nsg, nic.nsg], s, nic);
        rest = differenceOf(rest, mine);
      }
      group(s.name, rest, [nsg], s, undefined);
      if (nsg === undefined) problems.push(unknownNsg(t, s));
    } else {
      // A subnet only referenced: its interfaces in the tier are the hosts.
      for (const { nic, addresses } of nicsIn.get(s.key) ?? []) {
        const mine = intersectionOf(unionOf(addresses), cidrs);
        if (mine.length === 0) continue;
        group(nic.name, mine, [nsg, nic.nsg], s, nic);
        if (nsg === undefined) problems.push(unknownNsg(t, s));
      }
    }
  }
  // Interfaces whose subnet no export names at all.
  for (const nic of inv.nics.values()) {
    for (const c of nic.configs) {
      if (c.subnet !== undefined) continue;
      const mine = intersectionOf(unionOf([...c.addresses]), cidrs);
      if (mine.length > 0) {
        group(nic.name, mine, [nic.nsg], undefined, nic);
        problems.push({ kind: ProblemKind.UNRESOLVED, element: nic.name, offset: -1, message: `it holds ${cidrsText(mine)} of tier ${t.key}, but no export says which subnet it is in, so its subnet's NSG is unknown` });
      }
    }
  }
  // Part of the tier in no exported subnet or interface: hosts there, if any, are not judged.
  const uncovered = groups.length === 0 ? [] : differenceOf(cidrs, unionOf(groups.flatMap((g) => [...(g.addresses ?? [])])));
  if (uncovered.length > 0) {
    problems.push({ kind: ProblemKind.NOT_JUDGED, element: `tiers.${t.key}`, offset: -1,
      message: `${cidrsText(uncovered)} of tier ${t.key} is in no exported subnet or interface: hosts there, if any, are not judged (give the export of the network that holds it)` });
  }
  return { groups, problems: dedupe(problems), shown };
}

function unknownNsg(t: EstateTier, s: LiveSubnet): NetworkProblem {
  return { kind: ProblemKind.UNRESOLVED, element: s.name, offset: -1,
    message: `it holds hosts of tier ${t.key}, but no export says whether it has an NSG (give az network vnet subnet list for its network)` };
}

function dedupe(ps: NetworkProblem[]): NetworkProblem[] {
  const seen = new Set<string>();
  return ps.filter((p) => { const k = `${p.element}\n${p.message}`; if (seen.has(k)) return false; seen.add(k); return true; });
}

/** The tiers' hosts, by tier. */
export function hostsByTier(inv: AzInventory, tiers: readonly EstateTier[]): Map<TierKey, TierHosts> {
  return new Map(tiers.map((t) => [t.key, tierHosts(inv, t)]));
}
