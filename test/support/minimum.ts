// The fewest rules an estate's flows need under the library's rule identity, computed from the
// flows alone (own CIDR and port arithmetic, nothing from the planners), to check the plans.

/** What the minimum reads of a tier (a validated EstateTier fits). */
export interface MinimumTier {
  /** IPv4 CIDRs of the tier. */
  readonly cidrs: readonly string[];
  /** Where the tier's rules are enforced (a validated tier's enforcement point fits). */
  readonly enforcement: MinimumEnforcement;
}

/**
 * What the minimum reads of an enforcement point, as the spec describes it: an NSG created for
 * subnets, an existing NSG (name, resource group, deny by default), a created or existing
 * security group, or none.
 */
export interface MinimumEnforcement {
  readonly kind: string;
  readonly subnetIds?: readonly string[];
  readonly name?: string;
  readonly resourceGroupName?: string;
  readonly denyByDefault?: boolean;
  readonly securityGroupId?: string;
}

/** What the minimum reads of an estate (a validated Estate fits). */
export interface MinimumEstate {
  /** Present tiers by key. */
  readonly tiers: Readonly<Partial<Record<string, MinimumTier>>>;
}

/** What the minimum reads of a flow (a model Flow fits). */
export interface MinimumFlow {
  /** Source tier. */
  readonly from: string;
  /** Destination tier. */
  readonly to: string;
  /** `tcp` or `udp`. */
  readonly protocol: string;
  /** Destination port ranges, both ends included, in any order. */
  readonly ports: readonly { readonly from: number; readonly to: number }[];
}

interface Interval { start: number; end: number }

/** Sorts and merges intervals that overlap or touch (`[88,88]` + `[89,89]` = `[88,89]`). */
export function mergeIntervals(list: readonly Interval[]): Interval[] {
  const sorted = [...list].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end + 1) last.end = Math.max(last.end, i.end);
    else out.push({ start: i.start, end: i.end });
  }
  return out;
}

/** The address interval of an IPv4 CIDR `a.b.c.d/p` (host bits ignored). */
export function cidrToInterval(cidr: string): Interval {
  const [addr, prefixText] = cidr.split('/');
  const value = addr.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
  const size = 2 ** (32 - Number(prefixText));
  const start = value - (value % size);
  return { start, end: start + size - 1 };
}

/** The fewest CIDR blocks covering exactly an interval (largest aligned block first). */
export function intervalToCidrs(i: Interval): string[] {
  const out: string[] = [];
  let start = i.start;
  while (start <= i.end) {
    let size = 1;
    while (size < 2 ** 32 && start % (size * 2) === 0 && start + size * 2 - 1 <= i.end) size *= 2;
    const octets = [24, 16, 8, 0].map((shift) => Math.floor(start / 2 ** shift) % 256);
    out.push(`${octets.join('.')}/${32 - Math.log2(size)}`);
    start += size;
  }
  return out;
}

/** Canonical text of a set of addresses: its merged intervals. */
function addressKey(cidrs: readonly string[]): string {
  return mergeIntervals(cidrs.map(cidrToInterval)).map((i) => `${i.start}-${i.end}`).join(',');
}

/** Merged port intervals of some ranges. */
function portIntervals(ranges: readonly { readonly from: number; readonly to: number }[]): Interval[] {
  return mergeIntervals(ranges.map((r) => ({ start: r.from, end: r.to })));
}

/** Flows grouped by source, destination and protocol, with their ports merged. */
function tierPairs(flows: readonly MinimumFlow[]): { from: string; to: string; protocol: string; ports: string }[] {
  const ports = new Map<string, { from: string; to: string; protocol: string; ranges: { from: number; to: number }[] }>();
  for (const f of flows) {
    const k = `${f.from}\n${f.to}\n${f.protocol}`;
    const p = ports.get(k) ?? { from: f.from, to: f.to, protocol: f.protocol, ranges: [] };
    p.ranges.push(...f.ports);
    ports.set(k, p);
  }
  return [...ports.values()].map((p) => ({ ...p, ports: portIntervals(p.ranges).map((i) => `${i.start}-${i.end}`).join(',') }));
}

/**
 * Azure: one rule per NSG, direction, tier pair and protocol with the pair's ports merged;
 * rules of identical content (direction, protocol, source and destination addresses, ports)
 * on one NSG count once unless `mergeIdentical` is false (then: one per tier pair, always);
 * plus, per NSG that denies by default (created NSGs: `createdDenyByDefault`; existing NSGs:
 * their own setting), the deny and the Allow from AzureLoadBalancer just before it (the deny
 * from VirtualNetwork blocks health probes otherwise: adcs-flows.md, platform facts).
 */
export function minimumAzureRules(estate: MinimumEstate, flows: readonly MinimumFlow[], createdDenyByDefault: boolean, mergeIdentical = true): number {
  const nsgOf = (tier: string): string | undefined => {
    const e = estate.tiers[tier]?.enforcement;
    if (e?.kind === 'azureSubnets') return `subnets ${[...new Set(e.subnetIds ?? [])].sort().join(' ')}`;
    if (e?.kind === 'azureExistingNsg') return `existing ${e.resourceGroupName!.toLowerCase()}/${e.name!.toLowerCase()}`;
    return undefined;
  };
  const addresses = (tier: string): string => addressKey(estate.tiers[tier]?.cidrs ?? []);
  const rules = new Set<string>();
  for (const p of tierPairs(flows)) {
    const content = mergeIdentical ? `${p.protocol} ${addresses(p.from)} ${addresses(p.to)} ${p.ports}` : `${p.protocol} ${p.from} ${p.to}`;
    const inbound = nsgOf(p.to);
    const outbound = nsgOf(p.from);
    if (inbound) rules.add(`${inbound} in ${content}`);
    if (outbound) rules.add(`${outbound} out ${content}`);
  }
  const denies = new Set<string>();
  for (const tier of Object.keys(estate.tiers)) {
    const e = estate.tiers[tier]?.enforcement;
    const deny = e?.kind === 'azureSubnets' ? createdDenyByDefault : e?.kind === 'azureExistingNsg' ? e.denyByDefault === true : false;
    if (deny) denies.add(nsgOf(tier)!);
  }
  return rules.size + 2 * denies.size;
}

/**
 * AWS: the fewest rules per group and direction (`<group> ingress`, `<group> egress`), as AWS
 * counts them against its quota: one rule per group, direction, peer and protocol for each
 * maximal contiguous port range. A flow gives ingress on the destination's group and egress on
 * the source's; the peer is the other end's group, or else each block of its exactly
 * aggregated CIDRs. Plus one allow-all egress rule per created group when `allowAllEgress`.
 * With `aggregate` false, a CIDR peer is each CIDR as declared (distinct texts), not aggregated:
 * the count under the library's rule identity (one rule per declared CIDR).
 */
export function minimumAwsRuleCounts(estate: MinimumEstate, flows: readonly MinimumFlow[], allowAllEgress: boolean, aggregate = true): Map<string, number> {
  const groupOf = (tier: string): string | undefined => {
    const e = estate.tiers[tier]?.enforcement;
    if (e?.kind === 'awsCreateGroup') return `created:${tier}`;
    if (e?.kind === 'awsExistingGroup') return `existing:${e.securityGroupId}`;
    return undefined;
  };
  const peersOf = (tier: string): string[] => {
    const g = groupOf(tier);
    if (g) return [`group ${g}`];
    if (!aggregate) return [...new Set(estate.tiers[tier]?.cidrs ?? [])].map((c) => `cidr ${c}`);
    return mergeIntervals((estate.tiers[tier]?.cidrs ?? []).map(cidrToInterval)).flatMap(intervalToCidrs).map((c) => `cidr ${c}`);
  };
  const buckets = new Map<string, { side: string; ranges: { from: number; to: number }[] }>();
  const add = (group: string, direction: string, peer: string, f: MinimumFlow): void => {
    const k = `${group} ${direction} ${peer} ${f.protocol}`;
    const b = buckets.get(k) ?? { side: `${group} ${direction}`, ranges: [] };
    b.ranges.push(...f.ports);
    buckets.set(k, b);
  };
  for (const f of flows) {
    const to = groupOf(f.to);
    const from = groupOf(f.from);
    if (to) for (const peer of peersOf(f.from)) add(to, 'ingress', peer, f);
    if (from) for (const peer of peersOf(f.to)) add(from, 'egress', peer, f);
  }
  const counts = new Map<string, number>();
  const count = (side: string, n: number): void => {
    counts.set(side, (counts.get(side) ?? 0) + n);
  };
  for (const b of buckets.values()) count(b.side, portIntervals(b.ranges).length);
  if (allowAllEgress) {
    for (const [tier, t] of Object.entries(estate.tiers)) if (t?.enforcement.kind === 'awsCreateGroup') count(`created:${tier} egress`, 1);
  }
  return counts;
}

/** AWS: the fewest rules of the estate (the sum of `minimumAwsRuleCounts`; `aggregate` as there). */
export function minimumAwsRules(estate: MinimumEstate, flows: readonly MinimumFlow[], allowAllEgress: boolean, aggregate = true): number {
  return [...minimumAwsRuleCounts(estate, flows, allowAllEgress, aggregate).values()].reduce((a, b) => a + b, 0);
}
