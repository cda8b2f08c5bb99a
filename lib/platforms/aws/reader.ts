import { metaArgumentsOf, parseReference, terraformResources, TfResource } from '../../terraform/terraform-json';
import { checkIpv4Cidr, cidrSpan } from '../../model/cidr';
import { Interval } from '../../util/intervals';
import type { RuleDirection } from './planner';

/**
 * A security group as the synthesized JSON names it: `aws_security_group.<name>` for a group
 * of the plan, else the literal value (an `sg-…` id, or a Terraform expression kept as text).
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
}

/** The security group rules of a plan, what its groups are called, and what could not be read. */
export interface TfRules {
  /** Every rule whose group, protocol and ports could be read. */
  readonly rules: readonly TfRule[];
  /** Names (`name` attribute) of the plan's `aws_security_group` resources, by reference. */
  readonly groupNames: ReadonlyMap<GroupRef, string>;
  /** Literal ids (`sg-…`, known once deployed: `terraform show -json`) of the plan's groups, to their reference. */
  readonly groupIds: ReadonlyMap<string, GroupRef>;
  /** What could not be read, one line each (addresses and fields). */
  readonly unresolved: readonly string[];
}

type Json = Readonly<Record<string, unknown>>;

/**
 * Reads the security group rules of a plan (a synthesized cdk.tf.json, or the JSON of
 * `terraform show -json`): the VPC rule resources, `aws_security_group_rule`, and inline
 * `ingress` / `egress` blocks. A reference `${aws_security_group.<name>.id}` resolves to that
 * resource when the plan has it; other expressions are kept as text. Anything that cannot be
 * read (a missing resource, a value that is not literal or not known until apply, a prefix
 * list not defined in the plan, count / for_each) is listed in `unresolved`, never guessed.
 */
export function readAwsRules(plan: unknown): TfRules {
  const unresolved: string[] = [];
  const readTypes = new Set(['aws_security_group', 'aws_security_group_rule', 'aws_vpc_security_group_ingress_rule',
    'aws_vpc_security_group_egress_rule', 'aws_ec2_managed_prefix_list', 'aws_ec2_managed_prefix_list_entry']);
  const resources = terraformResources(plan).filter((r) => {
    const meta = readTypes.has(r.type) ? metaArgumentsOf(r) : undefined;
    if (meta) unresolved.push(meta);
    return meta === undefined;
  });
  const of = (type: string): TfResource[] => resources.filter((r) => r.type === type);
  const groups = new Set(of('aws_security_group').map((g) => g.address));
  const rules: TfRule[] = [];
  const groupNames = new Map<GroupRef, string>();
  const groupIds = new Map<string, GroupRef>();
  for (const g of of('aws_security_group')) {
    if (typeof g.values.name === 'string') groupNames.set(g.address, g.values.name);
    if (typeof g.values.id === 'string' && !g.values.id.includes('${')) groupIds.set(g.values.id, g.address);
  }
  const ref = (value: unknown, where: string): GroupRef | undefined => {
    if (typeof value !== 'string' || value.length === 0) return unresolvedAt(where, value);
    const r = parseReference(value);
    if (!r) return groupIds.get(value) ?? value;
    if (r.attribute === 'id' && groups.has(r.address)) return r.address;
    return unresolvedAt(where, value);
  };
  const unresolvedAt = (where: string, value: unknown): undefined => {
    unresolved.push(`${where}: ${JSON.stringify(value) ?? 'nothing'} cannot be resolved`);
    return undefined;
  };
  /** CIDRs of a customer-managed prefix list defined in the plan (inline entries and entry resources). */
  const prefixListCidrs = (value: unknown): unknown[] | undefined => {
    const r = parseReference(value);
    const pl = r?.attribute === 'id' ? of('aws_ec2_managed_prefix_list').find((x) => x.address === r.address) : undefined;
    if (!pl) return undefined;
    const inline = list(pl.values.entry).map((e) => (e as Json)?.cidr);
    const separate = of('aws_ec2_managed_prefix_list_entry')
      .filter((e) => parseReference(e.values.prefix_list_id)?.address === pl.address).map((e) => e.values.cidr);
    return [...inline, ...separate];
  };
  const read = (address: string, direction: RuleDirection, group: GroupRef | undefined, r: Json, peers: Peers): void => {
    if (r.count !== undefined || r.for_each !== undefined) {
      unresolved.push(`${address}: count / for_each cannot be evaluated`);
      return;
    }
    const protocol = protocolOf(r.ip_protocol ?? r.protocol);
    // Another protocol allows all its ports whatever the range (IpPermission): its number stands on the port axis.
    const ports = protocol === 'all' ? { lo: 0, hi: 65535 } : protocol === 'icmp' ? icmpTypesOf(r.from_port)
      : protocol === 'other' ? protocolNumberOf(r.ip_protocol ?? r.protocol) : portsOf(r.from_port, r.to_port);
    if (protocol === undefined) unresolvedAt(`${address}.protocol`, r.ip_protocol ?? r.protocol);
    else if (ports === undefined) unresolvedAt(protocol === 'other' ? `${address}.protocol` : `${address}.from_port/to_port`, protocol === 'other' ? r.ip_protocol ?? r.protocol : [r.from_port, r.to_port]);
    const cidrs: Interval[] = [];
    const listed: unknown[] = [...peers.cidrs];
    for (const p of peers.prefixLists) {
      const entries = prefixListCidrs(p);
      if (entries) listed.push(...entries);
      else unresolvedAt(`${address} prefix list`, p);
    }
    const ipv6: string[] = [...peers.ipv6.filter((c): c is string => typeof c === 'string' && c.includes(':'))];
    for (const c of peers.ipv6) if (!(typeof c === 'string' && c.includes(':'))) unresolvedAt(`${address} IPv6 CIDR`, c);
    for (const c of listed) {
      const checked = typeof c === 'string' ? checkIpv4Cidr(c) : undefined;
      if (checked?.ok || checked?.reason === 'notNetwork') {
        cidrs.push(cidrSpan(checked.ok ? checked.cidr : c as string));
      } else if (checked?.reason === 'ipv6') ipv6.push(c as string);
      else unresolvedAt(`${address} CIDR`, c);
    }
    const refs: GroupRef[] = [];
    for (const p of peers.groups) {
      const x = ref(p, `${address} referenced group`);
      if (x !== undefined) refs.push(x);
    }
    if (peers.self && group !== undefined) refs.push(group);
    if (group === undefined || protocol === undefined || ports === undefined) return;
    rules.push({ address, direction, group, protocol, ports, cidrs, groups: refs, ipv6 });
  };

  for (const direction of ['ingress', 'egress'] as const) {
    for (const { address, values: r } of of(`aws_vpc_security_group_${direction}_rule`)) {
      read(address, direction, ref(r.security_group_id, `${address}.security_group_id`), r, {
        cidrs: r.cidr_ipv4 === undefined ? [] : [r.cidr_ipv4], ipv6: r.cidr_ipv6 === undefined ? [] : [r.cidr_ipv6],
        groups: r.referenced_security_group_id === undefined ? [] : [r.referenced_security_group_id],
        prefixLists: r.prefix_list_id === undefined ? [] : [r.prefix_list_id], self: false,
      });
    }
  }
  for (const { address, values: r } of of('aws_security_group_rule')) {
    if (r.type !== 'ingress' && r.type !== 'egress') {
      unresolvedAt(`${address}.type`, r.type);
      continue;
    }
    read(address, r.type, ref(r.security_group_id, `${address}.security_group_id`), r, {
      cidrs: list(r.cidr_blocks), ipv6: list(r.ipv6_cidr_blocks), groups: r.source_security_group_id === undefined ? [] : [r.source_security_group_id],
      prefixLists: list(r.prefix_list_ids), self: r.self === true,
    });
  }
  for (const { address, values: g } of of('aws_security_group')) {
    for (const direction of ['ingress', 'egress'] as const) {
      const blocks = g[direction];
      if (blocks === undefined || blocks === null) continue;
      if (!Array.isArray(blocks)) {
        unresolvedAt(`${address}.${direction}`, blocks);
        continue;
      }
      blocks.forEach((b: Json, i) => (b === null || typeof b !== 'object' ? unresolvedAt(`${address}.${direction}[${i}]`, b) : read(`${address}.${direction}[${i}]`, direction, address, b, {
        cidrs: list(b.cidr_blocks), ipv6: list(b.ipv6_cidr_blocks), groups: list(b.security_groups), prefixLists: list(b.prefix_list_ids), self: b.self === true,
      })));
    }
  }
  // A cdk.tf.json that manages one group's rules in two ways: Terraform overwrites one with the
  // other. (After apply, a group's computed ingress/egress lists every rule: not a mix.)
  const styles = new Map<GroupRef, Set<string>>();
  const style = (group: GroupRef, kind: string): void => { styles.set(group, (styles.get(group) ?? new Set()).add(kind)); };
  for (const r of resources.filter((x) => !x.state)) {
    if (r.type === 'aws_security_group' && (list(r.values.ingress).length > 0 || list(r.values.egress).length > 0)) style(r.address, 'inline ingress/egress');
    const g = parseReference(r.values.security_group_id);
    const target = g?.attribute === 'id' && groups.has(g.address) ? g.address : undefined;
    if (target && r.type === 'aws_security_group_rule') style(target, 'aws_security_group_rule');
    if (target && r.type.startsWith('aws_vpc_security_group_')) style(target, 'aws_vpc_security_group_ingress_rule/egress_rule');
  }
  for (const [group, kinds] of styles) {
    if (kinds.size > 1) unresolved.push(`${group}: rules written as ${[...kinds].sort().join(' and ')} on one group (Terraform overwrites one with the other; use one kind)`);
  }
  rules.sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
  return { rules, groupNames, groupIds, unresolved: [...new Set(unresolved)].sort() };
}

interface Peers { readonly cidrs: readonly unknown[]; readonly ipv6: readonly unknown[]; readonly groups: readonly unknown[]; readonly prefixLists: readonly unknown[]; readonly self: boolean }

function protocolOf(value: unknown): TfRule['protocol'] | undefined {
  const v = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.toLowerCase() : undefined;
  if (v === undefined || v.startsWith('${')) return undefined;
  if (v === 'tcp' || v === '6') return 'tcp';
  if (v === 'udp' || v === '17') return 'udp';
  if (v === 'icmp' || v === '1') return 'icmp';
  if (v === '-1' || v === 'all') return 'all';
  return 'other';
}

/** The IP protocol number of a protocol other than TCP, UDP and ICMP (`icmpv6` is 58); undefined for an unknown name. */
function protocolNumberOf(value: unknown): Interval | undefined {
  const v = typeof value === 'number' ? String(value) : String(value).toLowerCase();
  const n = v === 'icmpv6' || v === 'icmpv6-ipv6' ? 58 : /^\d{1,3}$/.test(v) ? Number(v) : undefined;
  return n === undefined || n > 255 ? undefined : { lo: n, hi: n };
}

function portsOf(from: unknown, to: unknown): Interval | undefined {
  const lo = typeof from === 'number' ? from : typeof from === 'string' && /^\d+$/.test(from) ? Number(from) : undefined;
  const hi = typeof to === 'number' ? to : typeof to === 'string' && /^\d+$/.test(to) ? Number(to) : undefined;
  if (lo === undefined || hi === undefined || lo < 0 || hi > 65535 || lo > hi) return undefined;
  return { lo, hi };
}

/**
 * ICMP rules: `from_port` is the ICMP type, `to_port` the code; -1 is every type. The port axis
 * then stands for the type: every type is the whole axis, one type is that one point (its codes
 * are not told apart: a rule for one type never covers "every ICMP type").
 */
function icmpTypesOf(type: unknown): Interval | undefined {
  const t = typeof type === 'number' ? type : typeof type === 'string' && /^-?\d+$/.test(type) ? Number(type) : undefined;
  if (t === undefined || t < -1 || t > 255) return undefined;
  return t === -1 ? { lo: 0, hi: 65535 } : { lo: t, hi: t };
}

function list(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}
