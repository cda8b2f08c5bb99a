import { cidrSpan } from '../../../model/cidr';
import { EstateTier, presentTiers } from '../../../model/estate';
import { flowsOf } from '../../../model/flows';
import { TierKey } from '../../../model/tiers';
import type { ResolvedInput } from '../../../input/resolved';
import { Interval, overlapsAny, unionOf } from '../../../util/intervals';
import { MissingEnforcement, NetworkProblem, ProblemKind } from '../../evaluator';
import type { LiveExport } from '../../live';
import { cidrsText } from '../host-groups';
import { AzureHostGroup, AzureNetwork, AzureNsg } from '../network';
import { planAzureRules, PlannedNsg } from '../planner';
import { azureEnforcement } from '../settings';
import { idKey } from './arm';
import { hostsByTier, subnetNsgOf, TierHosts } from './hosts';
import { AzInventory, azInventory, LiveNsg } from './inventory';

/**
 * The estate as `az network` exports show it, as the Azure evaluator judges it: every NSG the
 * exports hold, each tier's hosts found by address with the NSGs on their path, and what the
 * spec says checked against it. The NSGs the spec creates (found by resource group and name)
 * and the existing ones it asks to deny by default are the estate's own; a tier's hosts are
 * judged whatever NSG they carry. Where the spec names a subnet or NSG the exports do not show
 * where the tier's addresses are, that is a mismatch; a created NSG on none of its subnets is a
 * missing enforcement point; what a verdict needs and no export shows is unresolved.
 */
export function readAzureExports(exports: readonly LiveExport[], spec: ResolvedInput): AzureNetwork {
  const inv = azInventory(exports);
  const problems: NetworkProblem[] = [...inv.problems];
  const problem = (kind: ProblemKind, element: string, message: string): void => { problems.push({ kind, element, message, offset: -1 }); };
  const tiers = presentTiers(spec.estate) as EstateTier[];
  const planned = planAzureRules(spec, flowsOf(spec.estate)).plan?.nsgs ?? [];
  const hosts = hostsByTier(inv, tiers);
  const byLabel = (rg: string, name: string): LiveNsg[] => [...inv.nsgs.values()].filter((n) => n.label.toLowerCase() === `${rg}/${name}`.toLowerCase());
  const owned = new Set<string>();
  const denyAsked = new Set<string>();
  const claimed = new Set<TierKey>();
  const missing: MissingEnforcement[] = [];
  const subnetNsgs = new Map<string, string>();
  const existingNsgs = new Map<string, string | undefined>();
  const label = (key: string | null | undefined): string => (key ? inv.nsgs.get(key)?.label ?? key.replace(/^[^|]*\|/, '') : 'none');
  for (const t of tiers) {
    const e = azureEnforcement(t);
    const found = hosts.get(t.key)!;
    problems.push(...found.problems);
    if (e.kind !== 'azureSubnets' && e.kind !== 'azureExistingNsg') continue;
    claimed.add(t.key);
    if (found.groups.length === 0) {
      problem(ProblemKind.UNRESOLVED, `tiers.${t.key}`, `tier ${t.key} (${t.cidrs.join(', ')}): no exported subnet or interface covers its addresses, so nothing of it can be judged`
        + `${e.kind === 'azureSubnets' ? ` (the spec names ${e.subnetIds.map((s) => s.split('/').pop()).join(', ')}, whose prefix no export shows: give az network vnet subnet list, or az network nic list)` : ''}`);
    }
    if (e.kind === 'azureSubnets') {
      const nsg = planned.find((n) => n.created && n.tiers.includes(t.key));
      const live = nsg ? pick(byLabel(nsg.resourceGroupName, nsg.name), found) : undefined;
      if (live) { owned.add(live.key); if (nsg!.denyByDefault) denyAsked.add(live.key); }
      checkSubnets(t, e.subnetIds, nsg, live, inv, found, problem, missing);
      for (const id of e.subnetIds) {
        const s = inv.subnets.get(idKey(id));
        const k = s ? subnetNsgOf(inv, s) : undefined;
        if (k) subnetNsgs.set(id.toLowerCase(), k);
      }
    } else {
      const live = pick(byLabel(e.resourceGroupName, e.name), found);
      existingNsgs.set(t.key, live?.key);
      if (live && e.denyByDefault) { owned.add(live.key); denyAsked.add(live.key); }
      const on = new Set(found.groups.flatMap((g) => g.nsgs));
      const others = [...on].filter((k) => k !== live?.key).map(label);
      const where = found.groups.map((g) => `${g.label} (${cidrsText(g.addresses, 2)})`).join(', ');
      const name = `${e.resourceGroupName}/${e.name}`;
      if (found.groups.length === 0) continue;
      if (!live) {
        if (others.length > 0) problem(ProblemKind.MISMATCH, `tiers.${t.key}.networkSecurityGroup`, `NSG ${name} is not in the exports; the tier's hosts ${where} carry ${others.join(', ')}`);
        else missing.push({ tier: t.key, detail: `NSG ${name} is not in the exports, and no NSG guards the tier's hosts ${where}` });
      } else if (!on.has(live.key)) {
        if (others.length > 0) problem(ProblemKind.MISMATCH, `tiers.${t.key}.networkSecurityGroup`, `NSG ${live.label} guards none of the tier's hosts; ${where} carry ${others.join(', ')}`);
        else missing.push({ tier: t.key, detail: `no NSG guards the tier's hosts ${where}; ${live.label} is associated with ${associations(live, inv)}` });
      } else {
        for (const g of found.groups.filter((x) => !x.nsgs.includes(live.key))) {
          missing.push({ tier: t.key, detail: `${g.label} (${cidrsText(g.addresses, 2)}) does not carry ${live.label}${g.nsgs.length > 0 ? ` (it carries ${g.nsgs.map(label).join(', ')})` : ''}` });
        }
      }
    }
  }
  // NSGs on a host's path whose rules no export holds; service tags no export expands there.
  const expandedTags = new Map<string, Set<string>>();
  for (const [, found] of hosts) {
    for (const g of found.groups) {
      for (const k of g.nsgs) {
        const n = inv.nsgs.get(k);
        if (!n) problem(ProblemKind.UNRESOLVED, label(k), `it guards ${g.label}, but no export holds its rules (give az network nsg list)`);
        else for (const r of n.rules) for (const tag of [...r.source.otherTags, ...r.destination.otherTags]) {
          if (!g.tags?.has(tag)) expandedTags.set(r.id, (expandedTags.get(r.id) ?? new Set()).add(tag));
        }
      }
    }
  }
  for (const [rule, tags] of expandedTags) {
    problem(ProblemKind.UNRESOLVED, rule, `it names the service tag ${[...tags].map((t) => tagName(inv, rule, t)).join(', ')}, which no export expands (the effective rules of the hosts behind it, az network nic list-effective-nsg, show what it holds)`);
  }
  for (const e of inv.effective.filter((x) => x.manager)) {
    problem(ProblemKind.UNRESOLVED, e.file, 'Azure Virtual Network Manager admin rules apply to this interface before its NSGs, and audit does not model them');
  }
  // What effective rules show VirtualNetwork to be, once per export and reading, naming the hosts it is read at.
  const shown = new Map<string, { labels: string[]; virtualNetwork: readonly Interval[]; file: string }>();
  for (const [, found] of hosts) {
    for (const [where, x] of found.shown) {
      const k = `${x.file}\n${cidrsText(x.virtualNetwork, 1000)}`;
      const entry = shown.get(k) ?? { labels: [], virtualNetwork: x.virtualNetwork, file: x.file };
      if (!entry.labels.includes(where)) entry.labels.push(where);
      shown.set(k, entry);
    }
  }
  for (const x of shown.values()) {
    const everything = x.virtualNetwork.some((i) => i.lo === 0 && i.hi === 2 ** 32 - 1);
    problem(ProblemKind.OBSERVED, x.labels.join(', '), `VirtualNetwork holds ${cidrsText(x.virtualNetwork, 6)} here, as the effective rules in ${x.file} show${everything ? ': every address (a default route), so AllowVnetInBound admits every address here' : ''}`);
  }
  const nsgs = new Map<string, AzureNsg>([...inv.nsgs].map(([k, n]) => [k, { key: k, label: n.label, rules: n.rules }]));
  const tierGroups = new Map<TierKey, AzureHostGroup[]>([...hosts].filter(([, h]) => h.groups.length > 0).map(([k, h]) => [k, h.groups]));
  return {
    nsgs, subnetNsgs, existingNsgs, problems,
    live: { hosts: tierGroups, owned, denyAsked, claimed, virtualNetwork: inv.certain, missing },
  };
}

/** The one live NSG of a resource group and name (several subscriptions may have one): the one on the tier's hosts, if any. */
function pick(candidates: readonly LiveNsg[], found: TierHosts): LiveNsg | undefined {
  if (candidates.length <= 1) return candidates[0];
  const on = new Set(found.groups.flatMap((g) => g.nsgs));
  return candidates.find((c) => on.has(c.key)) ?? [...candidates].sort((a, b) => (a.key < b.key ? -1 : 1))[0];
}

/** Where an NSG is associated, for messages. */
function associations(n: LiveNsg, inv: AzInventory): string {
  const subnets = [...inv.subnets.values()].filter((s) => subnetNsgOf(inv, s) === n.key).map((s) => `subnet ${s.name}${s.prefixText ? ` (${s.prefixText})` : ''}`);
  const nics = [...inv.nics.values()].filter((x) => x.nsg === n.key).map((x) => `interface ${x.name}`);
  return [...subnets, ...nics].join(', ') || 'no subnet or interface';
}

/** The spec's subnets of a tier whose NSG it creates, against what the exports show. */
function checkSubnets(t: EstateTier, subnetIds: readonly string[], nsg: PlannedNsg | undefined, live: LiveNsg | undefined, inv: AzInventory, found: TierHosts,
  problem: (kind: ProblemKind, element: string, message: string) => void, missing: MissingEnforcement[]): void {
  const cidrs = unionOf(t.cidrs.map(cidrSpan));
  const name = nsg ? `${nsg.resourceGroupName}/${nsg.name}` : 'the created NSG';
  const covering = [...inv.subnets.values()].filter((s) => s.prefixes && overlapsAny(s.prefixes, cidrs));
  const named = new Set(subnetIds.map(idKey));
  subnetIds.forEach((id, n) => {
    const s = inv.subnets.get(idKey(id));
    const short = id.split('/').pop();
    if (!s) {
      const there = covering.length > 0 ? `; ${t.cidrs.join(', ')} ${covering.length === 1 ? 'is' : 'are in'} subnet ${covering.map((c) => `${c.name} (${c.prefixText})`).join(', ')}` : '';
      problem(ProblemKind.MISMATCH, `tiers.${t.key}.subnetIds[${n}]`, `names subnet ${short}, which the exports do not show${there}`);
      return;
    }
    if (s.prefixes && !overlapsAny(s.prefixes, cidrs)) {
      problem(ProblemKind.MISMATCH, `tiers.${t.key}.subnetIds[${n}]`, `subnet ${s.name} (${s.prefixText}) holds none of tier ${t.key}'s addresses (${t.cidrs.join(', ')})`);
    }
    const k = subnetNsgOf(inv, s);
    if (k === undefined) return;
    const elsewhere = live ? `${live.label} is associated with ${associations(live, inv)}` : `${name} is not in the exports`;
    if (k === null) missing.push({ tier: t.key, detail: `subnet ${s.name}${s.prefixText ? ` (${s.prefixText})` : ''} has no NSG, so nothing filters traffic to it; ${elsewhere}` });
    else if (k !== live?.key) missing.push({ tier: t.key, detail: `subnet ${s.name} carries NSG ${inv.nsgs.get(k)?.label ?? k.replace(/^[^|]*\|/, '')}, not ${name}; ${elsewhere}` });
  });
  for (const s of covering.filter((c) => !named.has(c.key))) {
    problem(ProblemKind.MISMATCH, `tiers.${t.key}.subnetIds`, `subnet ${s.name} (${s.prefixText}) holds addresses of tier ${t.key} but is not in tiers.${t.key}.subnetIds`);
  }
  if (!live && found.groups.length > 0 && !missing.some((m) => m.tier === t.key)) missing.push({ tier: t.key, detail: `NSG ${name} is not in the exports` });
}

/** A tag as the rule writes it (the evaluator keeps tags lower case). */
function tagName(inv: AzInventory, ruleId: string, lower: string): string {
  for (const n of inv.nsgs.values()) {
    for (const raw of n.raw) {
      for (const k of ['sourceAddressPrefix', 'destinationAddressPrefix']) {
        const v = raw[k];
        if (typeof v === 'string' && v.toLowerCase() === lower && ruleId.endsWith(`/${String(raw.name)}`)) return v;
      }
    }
  }
  return lower;
}
