import { checkIpv4Cidr, cidrSpan } from '../../model/cidr';
import { TfDocument, TfInstance, TfInstanceOrigin, TfMultiplicity, TfProblemKind } from '../../terraform/document';
import { InstanceIndex } from '../../terraform/instance-index';
import { ArgumentValue, TfReference, TfUnknown } from '../../terraform/values';
import { Interval } from '../../util/intervals';
import type { NetworkProblem } from '../evaluator';
import type { RuleDirection } from './planner';
import { appendTo } from '../../util/maps';

/** The provider whose resources the AWS reader models. */
export const AWS_SOURCE = 'hashicorp/aws';

/**
 * A security group as the input names it: the address of the resource or data source that
 * stands for it (`aws_security_group.ca`, `data.aws_security_group.dc`), or a literal id (`sg-…`).
 */
export type GroupRef = string;

/** A security group rule read from Terraform JSON, whatever resource wrote it. */
export interface TfRule {
  /** Terraform address (`aws_vpc_security_group_ingress_rule.x`, `aws_security_group.x.ingress[0]`). */
  readonly address: string;
  /** Ingress or egress. */
  readonly direction: RuleDirection;
  /** The group the rule is on. */
  readonly group: GroupRef;
  /** TCP, UDP, ICMP, every protocol (`-1`), or another protocol (its number on the port axis; never matches TCP, UDP or ICMP questions). */
  readonly protocol: 'tcp' | 'udp' | 'icmp' | 'all' | 'other';
  /** Ports (0-65535 for every protocol); for ICMP the type (0-65535 for -1: every type). */
  readonly ports: Interval;
  /** IPv4 address intervals of the rule's CIDR peers. */
  readonly cidrs: readonly Interval[];
  /** Referenced security group peers. */
  readonly groups: readonly GroupRef[];
  /** IPv6 CIDR peers (`cidr_ipv6`, `ipv6_cidr_blocks`), as written. */
  readonly ipv6: readonly string[];
  /** Offset of the element in the input text; -1 when unknown. */
  readonly offset: number;
}

/** A security group of the input. */
export interface TfGroup {
  /** How the input names it. */
  readonly ref: GroupRef;
  /** Its instance (absent for a literal id only). */
  readonly instance?: TfInstance;
  /** `name`, when literal. */
  readonly name?: string;
  /** Its literal id (`sg-…`: a state, or a data source that states it). */
  readonly id?: string;
}

/** The security group rules of an input, its groups, and what could not be read. */
export interface TfRules {
  /** Every rule whose group, protocol and ports could be read. */
  readonly rules: readonly TfRule[];
  /** The groups the input creates or reads (resources and data sources), by reference. */
  readonly groups: ReadonlyMap<GroupRef, TfGroup>;
  /** What could not be read, or would be rejected. */
  readonly problems: readonly NetworkProblem[];
  /** Rules the plan removes (addresses no longer in it after apply), with their groups. */
  readonly removed: readonly { readonly address: string; readonly group: GroupRef }[];
}

const RULE_TYPES = ['aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule', 'aws_security_group_rule'];

/**
 * Reads the security group rules of a Terraform document: the VPC rule resources,
 * `aws_security_group_rule`, and inline `ingress` / `egress` blocks (authoritative in a
 * configuration; in a plan or state a group's computed lists repeat the rule resources, and a
 * rule made outside Terraform, which stays, is read as the group's). A group is named by the
 * resource or data source that stands for it; a literal id resolves to the group that states it.
 * Anything that cannot be read (an unknown value, a prefix list the input does not define, a
 * `count` that cannot be counted) is a problem, never guessed.
 */
export function readAwsRules(doc: TfDocument, index: InstanceIndex = new InstanceIndex(doc)): TfRules {
  const problems: NetworkProblem[] = [];
  const unresolved = (element: string, message: string, offset: number): void => { problems.push({ kind: TfProblemKind.UNRESOLVED, element, message, offset }); };
  const aws = doc.instances.filter((i) => i.provider.source === AWS_SOURCE);
  const groups = new Map<GroupRef, TfGroup>();
  const byId = new Map<string, GroupRef>();
  for (const g of aws.filter((i) => i.type === 'aws_security_group')) {
    const id = index.literal(g.values.id, g);
    groups.set(g.address, { ref: g.address, instance: g, name: index.literal(g.values.name, g), id });
    if (id) byId.set(id, g.address);
  }
  const groupRef = (value: ArgumentValue | undefined, from: TfInstance): GroupRef | string => {
    if (value instanceof TfReference) {
      const t = index.target(value, from);
      if (t && t.instance.type === 'aws_security_group' && t.attribute === 'id') {
        if (t.instance.mode === 'data') {
          // A data source stands for the group it finds: known by its id, else any group at all.
          const id = index.literal(t.instance.values.id, t.instance);
          if (!id) return `the group is ${t.instance.address}, a data source whose id cannot be known from the input`;
          return byId.get(id) ?? id;
        }
        return t.instance.address;
      }
      return `the group ${value} cannot be resolved`;
    }
    if (value instanceof TfUnknown) return `the group is ${value.why}`;
    if (typeof value !== 'string' || value === '') return `the group ${JSON.stringify(value ?? null)} is not an id`;
    return byId.get(value) ?? value;
  };
  const isRef = (g: string): boolean => groups.has(g) || /^sg-[0-9a-f]+$/.test(g);

  const rules: TfRule[] = [];
  /** Peers, protocol and ports of one rule body; pushes the rule or a problem. */
  const read = (address: string, direction: RuleDirection, group: GroupRef, from: TfInstance, r: { readonly [key: string]: ArgumentValue }, peers: Peers): void => {
    const protocolValue = r.ip_protocol ?? r.protocol;
    if (protocolValue instanceof TfReference || protocolValue instanceof TfUnknown) return unresolved(address, `protocol ${String(protocolValue)}: what it allows cannot be judged`, from.offset);
    const protocol = protocolOf(protocolValue);
    const ports = protocol === undefined ? undefined : protocol === 'all' ? { lo: 0, hi: 65535 } : protocol === 'icmp' ? icmpTypesOf(r.from_port)
      : protocol === 'other' ? protocolNumberOf(protocolValue) : portsOf(r.from_port, r.to_port);
    if (protocol === undefined || ports === undefined) {
      return unresolved(address, `protocol ${JSON.stringify(protocolValue ?? null)} with ports ${JSON.stringify(r.from_port ?? null)}-${JSON.stringify(r.to_port ?? null)} cannot be read`, from.offset);
    }
    const cidrs: Interval[] = [];
    const ipv6: string[] = [];
    const listed: ArgumentValue[] = [...peers.cidrs];
    for (const p of peers.prefixLists) {
      const entries = prefixListCidrs(p, from);
      if (entries) listed.push(...entries);
      else return unresolved(address, `the prefix list ${String(p)} is not defined in the input: its addresses cannot be known`, from.offset);
    }
    for (const c of [...listed, ...peers.ipv6]) {
      if (c instanceof TfReference || c instanceof TfUnknown) return unresolved(address, `the CIDR ${String(c)} cannot be known`, from.offset);
      const checked = typeof c === 'string' ? checkIpv4Cidr(c) : undefined;
      if (checked?.ok || checked?.reason === 'notNetwork') cidrs.push(cidrSpan(checked.ok ? checked.cidr : c as string));
      else if (checked?.reason === 'ipv6' || (typeof c === 'string' && c.includes(':'))) ipv6.push(c as string);
      else return unresolved(address, `the CIDR ${JSON.stringify(c)} cannot be read`, from.offset);
    }
    const refs: GroupRef[] = [];
    for (const p of peers.groups) {
      const g = groupRef(p, from);
      if (!isRef(g) && !g.startsWith('sg-')) return unresolved(address, `referenced group: ${g}`, from.offset);
      refs.push(g);
    }
    if (peers.self) refs.push(group);
    rules.push({ address, direction, group, protocol, ports, cidrs, groups: refs, ipv6, offset: from.offset });
  };
  const prefixListCidrs = (value: ArgumentValue, from: TfInstance): ArgumentValue[] | undefined => {
    if (!(value instanceof TfReference)) return undefined;
    const t = index.target(value, from);
    if (!t || t.instance.type !== 'aws_ec2_managed_prefix_list' || t.instance.mode !== 'managed' || t.attribute !== 'id') return undefined;
    const pl = t.instance;
    const inline = listOf(pl.values.entry).map((e) => (isMap(e) ? e.cidr : e));
    const separate = aws.filter((e) => e.type === 'aws_ec2_managed_prefix_list_entry' && e.values.prefix_list_id instanceof TfReference
      && index.target(e.values.prefix_list_id, e)?.instance === pl).map((e) => e.values.cidr);
    return [...inline, ...separate];
  };

  const separateOn = new Map<GroupRef, TfRule[]>();
  for (const i of aws.filter((x) => x.mode === 'managed' && RULE_TYPES.includes(x.type))) {
    const g = groupRef(i.values.security_group_id, i);
    if (!isRef(g)) { unresolved(i.address, `security_group_id: ${g}: it may be one of the estate's groups`, i.offset); continue; }
    if (i.multiplicity === TfMultiplicity.UNKNOWN) { unresolved(i.address, 'count or for_each whose value the check cannot know: how many rules it writes is unknown', i.offset); continue; }
    const before = rules.length;
    if (i.type === 'aws_security_group_rule') {
      const type = i.values.type;
      if (type !== 'ingress' && type !== 'egress') { unresolved(i.address, `type ${String(type)} is neither ingress nor egress`, i.offset); continue; }
      read(i.address, type, g, i, i.values, { cidrs: listOf(i.values.cidr_blocks), ipv6: listOf(i.values.ipv6_cidr_blocks),
        groups: listOf(i.values.source_security_group_id), prefixLists: listOf(i.values.prefix_list_ids), self: i.values.self === true });
    } else {
      read(i.address, i.type.endsWith('ingress_rule') ? 'ingress' : 'egress', g, i, i.values, { cidrs: listOf(i.values.cidr_ipv4), ipv6: listOf(i.values.cidr_ipv6),
        groups: listOf(i.values.referenced_security_group_id), prefixLists: listOf(i.values.prefix_list_id), self: false });
    }
    appendTo(separateOn, g, ...rules.slice(before));
  }
  // Rules the plan removes or changes, as they were: a group's computed lists may still show them.
  const departed: TfRule[] = [];
  const removed: { address: string; group: GroupRef }[] = [];
  for (const i of doc.departed.filter((x) => x.provider.source === AWS_SOURCE && RULE_TYPES.includes(x.type))) {
    const g = groupRef(i.values.security_group_id, i);
    if (!isRef(g)) continue;
    const at = rules.length;
    const peers = i.type === 'aws_security_group_rule'
      ? { cidrs: listOf(i.values.cidr_blocks), ipv6: listOf(i.values.ipv6_cidr_blocks), groups: listOf(i.values.source_security_group_id), prefixLists: listOf(i.values.prefix_list_ids), self: i.values.self === true }
      : { cidrs: listOf(i.values.cidr_ipv4), ipv6: listOf(i.values.cidr_ipv6), groups: listOf(i.values.referenced_security_group_id), prefixLists: listOf(i.values.prefix_list_id), self: false };
    const direction = i.type === 'aws_security_group_rule' ? i.values.type : i.type.endsWith('ingress_rule') ? 'ingress' : 'egress';
    if (direction !== 'ingress' && direction !== 'egress') continue;
    const before = problems.length;
    read(i.address, direction, g, i, i.values, peers);
    problems.length = before;
    departed.push(...rules.splice(at));
    if (!index.at(i.address)) removed.push({ address: i.address, group: g });
  }
  // Inline rules: authoritative where the configuration sets them; where the provider computes
  // them (a plan or state of a group whose configuration sets none), the lists repeat the rule
  // resources and show any rule made outside Terraform, which stays.
  for (const g of aws.filter((x) => x.mode === 'managed' && x.type === 'aws_security_group')) {
    for (const direction of ['ingress', 'egress'] as const) {
      const blocks = g.values[direction];
      const configured = g.origin === TfInstanceOrigin.CONFIGURATION || (g.configured?.includes(direction) ?? false);
      const computed = !configured && g.configured !== undefined;
      if (blocks === undefined || (computed && blocks instanceof TfUnknown)) continue;
      if (blocks instanceof TfUnknown || blocks instanceof TfReference) {
        unresolved(`${g.address}.${direction}`, `${blocks instanceof TfUnknown ? blocks.why : String(blocks)}: the group's rules cannot be known`, g.offset);
        continue;
      }
      const list = listOf(blocks);
      const separate = [...(separateOn.get(g.address) ?? []), ...departed.filter((r) => r.group === g.address)].filter((r) => r.direction === direction);
      list.forEach((b, n) => {
        const address = `${g.address}.${direction}[${n}]`;
        if (!isMap(b)) { unresolved(address, 'not an object: the rule cannot be read', g.offset); return; }
        const at = rules.length;
        read(address, direction, g.address, g, b, { cidrs: listOf(b.cidr_blocks), ipv6: listOf(b.ipv6_cidr_blocks), groups: listOf(b.security_groups), prefixLists: listOf(b.prefix_list_ids), self: b.self === true });
        // A computed list repeats the rule resources: each of those is read once, as itself.
        if (!configured && rules.length > at) rules.push(...rules.splice(at).flatMap((r) => withoutSeparate(r, separate)));
      });
    }
  }
  // One group's rules written in two ways: Terraform overwrites one with the other ("you should not use the
  // aws_vpc_security_group_egress_rule and aws_vpc_security_group_ingress_rule resources in conjunction with ...
  // in-line rules ... or with aws_security_group_rule resources", aws_security_group docs). A plan's or state's
  // computed lists are not a way of writing.
  const styles = new Map<GroupRef, Set<string>>();
  const style = (group: GroupRef, kind: string): void => { styles.set(group, (styles.get(group) ?? new Set()).add(kind)); };
  for (const g of aws.filter((x) => x.mode === 'managed' && x.type === 'aws_security_group')) {
    const configured = (d: string): boolean => g.origin === TfInstanceOrigin.CONFIGURATION || (g.configured?.includes(d) ?? false);
    if (['ingress', 'egress'].some((d) => configured(d) && listOf(g.values[d]).length > 0)) style(g.address, 'inline ingress/egress');
  }
  for (const i of aws.filter((x) => x.mode === 'managed' && RULE_TYPES.includes(x.type) && x.origin !== TfInstanceOrigin.STATE)) {
    const g = groupRef(i.values.security_group_id, i);
    if (groups.has(g)) style(g, i.type === 'aws_security_group_rule' ? 'aws_security_group_rule' : 'aws_vpc_security_group_ingress_rule/egress_rule');
  }
  for (const [group, kinds] of styles) {
    if (kinds.size > 1) unresolved(group, `rules written as ${[...kinds].sort().join(' and ')} on one group: Terraform overwrites one with the other (use one kind)`, groups.get(group)?.instance?.offset ?? -1);
  }
  rules.sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
  return { rules, groups, problems, removed };
}

/**
 * A computed rule less the peers that rule resources of its group give with the same direction,
 * protocol and ports (the API groups a group's permissions by protocol and ports, so one
 * computed entry may hold several rule resources' peers); nothing when none is left.
 */
function withoutSeparate(r: TfRule, separate: readonly TfRule[]): TfRule[] {
  const same = separate.filter((x) => x.direction === r.direction && x.group === r.group && x.protocol === r.protocol && x.ports.lo === r.ports.lo && x.ports.hi === r.ports.hi);
  if (same.length === 0) return [r];
  const cidrs = r.cidrs.filter((c) => !same.some((x) => x.cidrs.some((y) => y.lo === c.lo && y.hi === c.hi)));
  const groups = r.groups.filter((g) => !same.some((x) => x.groups.includes(g)));
  const ipv6 = r.ipv6.filter((v) => !same.some((x) => x.ipv6.includes(v)));
  return cidrs.length + groups.length + ipv6.length === 0 ? [] : [{ ...r, cidrs, groups, ipv6 }];
}

interface Peers { readonly cidrs: readonly ArgumentValue[]; readonly ipv6: readonly ArgumentValue[]; readonly groups: readonly ArgumentValue[]; readonly prefixLists: readonly ArgumentValue[]; readonly self: boolean }

function isMap(v: ArgumentValue | undefined): v is { readonly [key: string]: ArgumentValue } {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof TfReference) && !(v instanceof TfUnknown);
}

function listOf(value: ArgumentValue | undefined): ArgumentValue[] {
  return value === undefined || value === null ? [] : Array.isArray(value) ? [...value] : [value];
}

function protocolOf(value: ArgumentValue | undefined): TfRule['protocol'] | undefined {
  const v = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.toLowerCase() : undefined;
  if (v === undefined) return undefined;
  if (v === 'tcp' || v === '6') return 'tcp';
  if (v === 'udp' || v === '17') return 'udp';
  if (v === 'icmp' || v === '1') return 'icmp';
  if (v === '-1' || v === 'all') return 'all';
  return 'other';
}

/** The IP protocol number of a protocol other than TCP, UDP and ICMP (`icmpv6` is 58); undefined for an unknown name. */
function protocolNumberOf(value: ArgumentValue | undefined): Interval | undefined {
  const v = typeof value === 'number' ? String(value) : String(value).toLowerCase();
  const n = v === 'icmpv6' || v === 'icmpv6-ipv6' ? 58 : /^\d{1,3}$/.test(v) ? Number(v) : undefined;
  return n === undefined || n > 255 ? undefined : { lo: n, hi: n };
}

function portsOf(from: ArgumentValue | undefined, to: ArgumentValue | undefined): Interval | undefined {
  const num = (v: ArgumentValue | undefined): number | undefined => (typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : undefined);
  const lo = num(from);
  const hi = num(to);
  if (lo === undefined || hi === undefined || lo < 0 || hi > 65535 || lo > hi) return undefined;
  return { lo, hi };
}

/**
 * ICMP rules: `from_port` is the ICMP type, `to_port` the code; -1 is every type. The port axis
 * then stands for the type: every type is the whole axis, one type is that one point (its codes
 * are not told apart: a rule for one type never covers "every ICMP type").
 */
function icmpTypesOf(type: ArgumentValue | undefined): Interval | undefined {
  const t = typeof type === 'number' ? type : typeof type === 'string' && /^-?\d+$/.test(type) ? Number(type) : undefined;
  if (t === undefined || t < -1 || t > 255) return undefined;
  return t === -1 ? { lo: 0, hi: 65535 } : { lo: t, hi: t };
}
