import { AdcsInputError, Messages, problem } from '../../errors';
import { AwsMessages } from './messages';
import { cidrsOverlap, compareCidrs } from '../../model/cidr';
import { EstateTier, presentTiers } from '../../model/estate';
import { Flow, flowPortSpace } from '../../model/flows';
import { normalizePortRanges, PortRange } from '../../model/port-range';
import { Protocol } from '../../model/protocol';
import { TierKey, tierOrdinal } from '../../model/tiers';
import { Warning, warning } from '../../findings/warning';
import { ResolvedInput } from '../../input/resolved';
import type { Planned } from '../platform';
import { AWS_INPUT } from './input';
import { awsEnforcement, awsSettings } from './settings';
import { AwsGroup, awsGroupsOf, ExistingGroup } from './groups';
import { quotaProblems, RuleCount, ruleCounts } from './quota';
import { cidrFragment, fitItems } from './text';

/** Direction of a security group rule: ingress on the destination's group, egress on the source's. */
export type RuleDirection = 'ingress' | 'egress';

/** The one peer of a rule: another (or the same) security group, or one IPv4 CIDR. */
export type RulePeer =
  | { readonly kind: 'group'; readonly groupKey: string }
  | { readonly kind: 'cidr'; readonly cidr: string };

/** One `aws_vpc_security_group_{ingress,egress}_rule` the library writes. */
export interface PlannedAwsRule {
  /** Construct id, derived from content only: `<group>-<in|out>-<peer>-<proto>-<from>[-<to>]`. */
  readonly id: string;
  /** Key of the group the rule is on. */
  readonly groupKey: string;
  /** Ingress or egress. */
  readonly direction: RuleDirection;
  /** TCP, UDP, ICMP, or `all` (`ip_protocol = "-1"`: the allow-all egress rule only). */
  readonly protocol: Protocol | 'all';
  /** First port; for ICMP the ICMP type, -1 for every type (absent for `all`). */
  readonly fromPort?: number;
  /** Last port, included; for ICMP the ICMP code, -1 for every code (absent for `all`). */
  readonly toPort?: number;
  /** The peer. */
  readonly peer: RulePeer;
  /** Tiers at the peer's end of the flows the rule carries, canonical order. */
  readonly peerTiers: readonly TierKey[];
  /** Ids of the flows the rule carries (`custom:…` for custom flows), sorted. */
  readonly flows: readonly string[];
  /** AWS text of at most 255 characters naming the flows and their tiers. */
  readonly description: string;
}

/** A Terraform output exporting a created group's id. */
export interface PlannedAwsOutput {
  /** Construct id: `<tier>-security-group-id`. */
  readonly id: string;
  /** The tier. */
  readonly tier: TierKey;
  /** Key of the created group. */
  readonly groupKey: string;
  /** Output description. */
  readonly description: string;
}

/** The AWS rendering of an estate: pure data, one construct per item. */
export interface AwsPlan {
  /** Groups the library creates or writes to, sorted by key. */
  readonly groups: readonly AwsGroup[];
  /** The group of each tier that has one. */
  readonly byTier: Readonly<Partial<Record<TierKey, AwsGroup>>>;
  /** Rules, sorted by group, direction, peer, protocol and port. */
  readonly rules: readonly PlannedAwsRule[];
  /** Rules per group and direction, as AWS counts them against the quota. */
  readonly counts: readonly RuleCount[];
  /** One output per created group. */
  readonly outputs: readonly PlannedAwsOutput[];
  /** Warnings of the rendering. */
  readonly warnings: readonly Warning[];
}

interface Part { readonly range: PortRange; readonly flow: Flow }
interface Bucket { readonly group: AwsGroup; readonly direction: RuleDirection; readonly peer: RulePeer; readonly protocol: Protocol; readonly parts: Part[] }

/**
 * Plans an AWS estate and throws AdcsInputError naming `source` on problems: for tests and
 * scripts. The CLI and the constructs call `planAwsRules` and name their own source.
 */
export function planAws(spec: ResolvedInput, flows: readonly Flow[], source = 'aws'): AwsPlan {
  const r = planAwsRules(spec, flows);
  if (!r.plan) throw new AdcsInputError(source, r.problems);
  return r.plan;
}

/**
 * Plans an AWS estate's security groups and rules. For each flow: ingress on the destination
 * tier's group and egress on the source tier's group, wherever that end has one; the peer is
 * the other tier's group when it has one, else each of its CIDRs (exactly adjacent blocks
 * never aggregated, so a new neighbouring CIDR never renames an existing rule). Ranges of all flows sharing a group, direction, peer and
 * protocol are merged first, so there is one rule per maximal contiguous port range: the
 * fewest rules AWS accepts, each once per group (tiers sharing a group, flows inside one group).
 *
 * Ids come from content only: adding a tier or a CIDR adds rules and leaves the others as they
 * are. A new flow whose ports touch or overlap an existing range of the same group, direction,
 * peer and protocol widens that merged range: that one rule is replaced (new id), nothing else.
 *
 * Quotas count this estate's rules per group and direction (a referenced group is one rule, a
 * CIDR one; no prefix lists are written). Existing groups' own rules are not known here and
 * not counted. Returns every overflow and every bad group name as problems.
 */
export function planAwsRules(spec: ResolvedInput, flows: readonly Flow[]): Planned<AwsPlan> {
  if (spec.settings === undefined) return { problems: [problem('aws', Messages.platformSettingsMissing('aws', AWS_INPUT.settingsExample))], warnings: [] };
  const aws = awsSettings(spec);
  const estate = spec.estate;
  const groups = awsGroupsOf(estate, aws);
  if (groups.problems.length > 0) return { problems: groups.problems, warnings: [] };

  const peersOf = (tier: TierKey, local: AwsGroup): RulePeer[] => {
    const g = groups.byTier[tier];
    // A group reference works inside one account and region only (over peering or a transit
    // gateway): a peer group under another provider configuration is written as its tier's CIDRs.
    if (g && g.provider === local.provider) return [{ kind: 'group', groupKey: g.key }];
    // One rule per declared CIDR, never aggregated: merging two blocks into one rule would
    // rename (replace) rules that already exist when a neighbouring CIDR is added.
    return (estate.tiers[tier]?.cidrs ?? []).map((cidr) => ({ kind: 'cidr', cidr }));
  };
  const buckets = new Map<string, Bucket>();
  const add = (group: AwsGroup, direction: RuleDirection, peer: RulePeer, flow: Flow): void => {
    const k = [group.key, direction, peerKey(peer), flow.protocol].join('\n');
    const b = buckets.get(k) ?? { group, direction, peer, protocol: flow.protocol, parts: [] };
    for (const range of flowPortSpace(flow)) b.parts.push({ range, flow });
    buckets.set(k, b);
  };
  for (const flow of flows) {
    const to = groups.byTier[flow.to];
    const from = groups.byTier[flow.from];
    if (to) for (const peer of peersOf(flow.from, to)) add(to, 'ingress', peer, flow);
    if (from) for (const peer of peersOf(flow.to, from)) add(from, 'egress', peer, flow);
  }

  const prefix = `adcs-firewall ${estate.name}: `;
  const rules: PlannedAwsRule[] = [];
  for (const b of buckets.values()) {
    for (const range of normalizePortRanges(b.parts.map((p) => p.range))) {
      const carried = b.parts.filter((p) => p.range.overlaps(range)).map((p) => p.flow);
      // ICMP: from_port and to_port are the ICMP type and code; -1 and -1 is every type and code.
      const icmp = b.protocol === Protocol.ICMP;
      rules.push({
        id: `${b.group.key}-${b.direction === 'ingress' ? 'in' : 'out'}-${peerFragment(b.peer)}-${b.protocol}-${icmp ? 'all' : range}`,
        groupKey: b.group.key, direction: b.direction, protocol: b.protocol,
        fromPort: icmp ? -1 : range.from, toPort: icmp ? -1 : range.to,
        peer: b.peer, peerTiers: tierSet(carried.map((f) => (b.direction === 'ingress' ? f.from : f.to))),
        flows: [...new Set(carried.map((f) => f.id))].sort(), description: fitItems(prefix, describe(carried)),
      });
    }
  }
  if (aws.allowAllEgress) {
    for (const g of groups.list) {
      if (g.kind !== 'created') continue;
      rules.push({
        id: `${g.key}-out-all`, groupKey: g.key, direction: 'egress', protocol: 'all', peer: { kind: 'cidr', cidr: '0.0.0.0/0' },
        peerTiers: [], flows: [], description: `${prefix}all egress, requested by aws.allowAllEgress`,
      });
    }
  }
  rules.sort(compareRules);
  assertUniqueIds(rules);

  const counts = ruleCounts(groups.list, rules);
  const overflow = quotaProblems(groups.list, rules, counts, aws.ruleQuota);
  if (overflow.length > 0) return { problems: overflow, warnings: [] };

  const outputs: PlannedAwsOutput[] = groups.list
    .filter((g) => g.kind === 'created')
    .map((g) => ({ id: `${g.tiers[0]}-security-group-id`, tier: g.tiers[0], groupKey: g.key,
      description: `Security group of AD CS tier ${g.tiers[0]} (${estate.name}): attach it to the tier's instances` }));
  const found = [...warnings(groups.list, rules), ...overlapWarnings(spec)];
  return { plan: { groups: groups.list, byTier: groups.byTier, rules, counts, outputs, warnings: found }, problems: [], warnings: found };
}

/** `ces-dcom (ces to ca)`, `directory (ca, ces to dc)`: one item per flow id and destination tier. */
function describe(flows: readonly Flow[]): string[] {
  const items = new Map<string, { id: string; to: TierKey; from: Set<TierKey> }>();
  for (const f of flows) {
    const k = `${f.id}\n${f.to}`;
    const item = items.get(k) ?? { id: f.id, to: f.to, from: new Set<TierKey>() };
    item.from.add(f.from);
    items.set(k, item);
  }
  return [...items.values()]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : tierOrdinal(a.to) - tierOrdinal(b.to)))
    .map((i) => `${i.id} (${tierSet([...i.from]).join(', ')} to ${i.to})`);
}

function tierSet(tiers: readonly TierKey[]): TierKey[] {
  return [...new Set(tiers)].sort((a, b) => tierOrdinal(a) - tierOrdinal(b));
}

function peerKey(p: RulePeer): string {
  return p.kind === 'group' ? `group:${p.groupKey}` : `cidr:${p.cidr}`;
}

function peerFragment(p: RulePeer): string {
  return p.kind === 'group' ? p.groupKey : cidrFragment(p.cidr);
}

function compareRules(a: PlannedAwsRule, b: PlannedAwsRule): number {
  const text = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  const peer = (x: RulePeer, y: RulePeer): number => {
    if (x.kind !== y.kind) return x.kind === 'group' ? -1 : 1;
    return x.kind === 'group' ? text(x.groupKey, (y as typeof x).groupKey) : compareCidrs(x.cidr, (y as typeof x).cidr);
  };
  return text(a.groupKey, b.groupKey)
    || (a.direction === b.direction ? 0 : a.direction === 'ingress' ? -1 : 1)
    || (a.protocol === 'all' ? 1 : 0) - (b.protocol === 'all' ? 1 : 0)
    || peer(a.peer, b.peer)
    || text(a.protocol, b.protocol)
    || (a.fromPort ?? 0) - (b.fromPort ?? 0);
}

function assertUniqueIds(rules: readonly PlannedAwsRule[]): void {
  const seen = new Set<string>();
  for (const r of rules) {
    if (seen.has(r.id)) throw new Error(`internal: two AWS rules share the id ${r.id}`);
    seen.add(r.id);
  }
}

/**
 * The egress rules the library adds to existing groups restrict nothing while a group keeps an
 * allow-all egress rule: one warning naming the group, or one naming every such group.
 */
function warnings(groups: readonly AwsGroup[], rules: readonly PlannedAwsRule[]): Warning[] {
  const egress = groups.filter((g): g is ExistingGroup => g.kind === 'existing' && rules.some((r) => r.groupKey === g.key && r.direction === 'egress'));
  if (egress.length === 0) return [];
  const path = egress.map((g) => `tiers.${g.tiers[0]}.securityGroupId`).join(', ');
  const message = AwsMessages.awsExistingGroupEgress(egress.map((g) => ({ id: g.securityGroupId, tiers: g.tiers })));
  return [warning(path, message)];
}

/**
 * Tiers that share addresses on AWS where at least one has a security group and they do not
 * share it: a host gets only the groups attached to it, so the other tier's flows from or to
 * it meet that group's rules (issue 12, class 11).
 */
function overlapWarnings(spec: ResolvedInput): Warning[] {
  const tiers = presentTiers(spec.estate);
  const group = (t: EstateTier): string | undefined => {
    const e = awsEnforcement(t);
    return e.kind === 'awsCreateGroup' ? `create:${t.key}` : e.kind === 'awsExistingGroup' ? `existing:${e.securityGroupId}` : undefined;
  };
  const out: Warning[] = [];
  for (let i = 0; i < tiers.length; i++) {
    for (let j = i + 1; j < tiers.length; j++) {
      const [a, b] = [tiers[i], tiers[j]];
      const [ga, gb] = [group(a), group(b)];
      if ((ga === undefined && gb === undefined) || ga === gb || !cidrsOverlap(a.cidrs, b.cidrs)) continue;
      out.push(warning(`tiers.${b.key}.cidrs`, AwsMessages.awsOverlappingTiers(a.key, b.key, gb !== undefined ? b.key : a.key)));
    }
  }
  return out;
}
