import { checkIpv4Cidr, cidrSpan } from '../../../model/cidr';
import { Interval } from '../../../util/intervals';
import { isObject } from '../../../util/json';
import type { RuleDirection } from '../planner';
import type { TfRule } from '../reader';

/**
 * Security group rules as `aws ec2` prints them, read into the evaluator's `TfRule`, one rule per
 * peer: an `IpPermission` of `describe-security-groups` (`IpProtocol`, `FromPort`, `ToPort`,
 * `IpRanges`, `Ipv6Ranges`, `PrefixListIds`, `UserIdGroupPairs`: one permission may carry many
 * peers) and a `SecurityGroupRule` of `describe-security-group-rules` (one peer: `CidrIpv4`,
 * `CidrIpv6`, `PrefixListId` or `ReferencedGroupInfo`). `-1` (or a protocol number other than
 * tcp, udp, icmp) is every port; for icmp `FromPort` is the type and `ToPort` the code, `-1`
 * every one. A referenced group stays a group (its members are the addresses of the interfaces
 * carrying it, resolved by the network reader); a prefix list's entries are in no export, so a
 * rule naming one is unreadable for that peer. Anything else not understood is unreadable.
 */

/** Where a referenced group lives, as the rule names it (`UserIdGroupPairs` / `ReferencedGroupInfo`). */
export interface PeerGroupInfo {
  readonly groupId: string;
  readonly userId?: string;
  readonly vpcId?: string;
  readonly peering?: string;
}

/** What one permission or rule reads to: its rules (one per peer), the groups it references, and what could not be read. */
export interface RuleReading {
  readonly rules: TfRule[];
  readonly peers: PeerGroupInfo[];
  readonly unreadable: { readonly element: string; readonly why: string }[];
}

/** Members an `IpPermission` may have (botocore's `IpPermission` shape). */
const PERMISSION_MEMBERS = new Set(['IpProtocol', 'FromPort', 'ToPort', 'UserIdGroupPairs', 'IpRanges', 'Ipv6Ranges', 'PrefixListIds']);
/** Members a `SecurityGroupRule` may have. */
const RULE_MEMBERS = new Set(['SecurityGroupRuleId', 'GroupId', 'GroupOwnerId', 'IsEgress', 'IpProtocol', 'FromPort', 'ToPort', 'CidrIpv4', 'CidrIpv6',
  'PrefixListId', 'ReferencedGroupInfo', 'Description', 'Tags', 'SecurityGroupRuleArn']);

/** A protocol and its port axis (ports; icmp type; the protocol number for another protocol), or why it cannot be read. */
export function protocolAndPorts(protocol: unknown, from: unknown, to: unknown): { protocol: TfRule['protocol']; ports: Interval } | string {
  const p = typeof protocol === 'number' ? String(protocol) : typeof protocol === 'string' ? protocol.toLowerCase() : undefined;
  if (p === undefined) return `protocol ${JSON.stringify(protocol ?? null)} is not a protocol`;
  const int = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) ? v : undefined);
  if (p === '-1' || p === 'all') return { protocol: 'all', ports: { lo: 0, hi: 65535 } };
  if (p === 'tcp' || p === '6' || p === 'udp' || p === '17') {
    const lo = int(from);
    const hi = int(to);
    if (lo === undefined || hi === undefined || lo < 0 || hi > 65535 || lo > hi) return `ports ${JSON.stringify(from ?? null)}-${JSON.stringify(to ?? null)} are not a port range`;
    return { protocol: p === 'tcp' || p === '6' ? 'tcp' : 'udp', ports: { lo, hi } };
  }
  if (p === 'icmp' || p === '1') {
    const type = int(from);
    if (type === undefined || type < -1 || type > 255) return `ICMP type ${JSON.stringify(from ?? null)} is not a type`;
    return { protocol: 'icmp', ports: type === -1 ? { lo: 0, hi: 65535 } : { lo: type, hi: type } };
  }
  const n = p === 'icmpv6' ? 58 : /^\d{1,3}$/.test(p) ? Number(p) : undefined;
  if (n === undefined || n > 255) return `protocol ${JSON.stringify(protocol)} is not a protocol name or number`;
  return { protocol: 'other', ports: { lo: n, hi: n } };
}

/** A rule's protocol and ports as messages show them: `tcp 135`, `tcp 49152-65535`, `all traffic`, `icmp type 3`, `protocol 47`. */
export function trafficText(r: Pick<TfRule, 'protocol' | 'ports'>): string {
  const range = r.ports.lo === r.ports.hi ? `${r.ports.lo}` : `${r.ports.lo}-${r.ports.hi}`;
  if (r.protocol === 'all') return 'all traffic';
  if (r.protocol === 'icmp') return r.ports.lo === 0 && r.ports.hi === 65535 ? 'icmp all types' : `icmp type ${range}`;
  if (r.protocol === 'other') return `protocol ${range}`;
  return `${r.protocol} ${range}`;
}

/** Reads one peer (an IPv4 or IPv6 CIDR, a group, a prefix list) of a rule into it, or says why not. */
class RuleBuilder {
  public readonly out: RuleReading = { rules: [], peers: [], unreadable: [] };

  constructor(private readonly name: (peer: string) => string, private readonly base: Omit<TfRule, 'address' | 'cidrs' | 'groups' | 'ipv6'>) {}

  public cidr(value: unknown): void {
    const checked = typeof value === 'string' ? checkIpv4Cidr(value) : undefined;
    if (checked?.ok || checked?.reason === 'notNetwork') this.push(String(value), { cidrs: [cidrSpan(checked.ok ? checked.cidr : String(value))] });
    else this.bad(String(value), `the IPv4 range ${JSON.stringify(value ?? null)} is not a CIDR`);
  }

  public ipv6(value: unknown): void {
    if (typeof value === 'string' && value.includes(':') && /^[0-9a-fA-F:.]+\/\d{1,3}$/.test(value)) this.push(value, { ipv6: [value] });
    else this.bad(String(value), `the IPv6 range ${JSON.stringify(value ?? null)} is not a CIDR`);
  }

  public group(pair: unknown): void {
    const id = isObject(pair) ? pair.GroupId : undefined;
    if (typeof id !== 'string' || !/^sg-[0-9a-f]+$/.test(id)) { this.bad(JSON.stringify(pair ?? null), 'the referenced group has no GroupId'); return; }
    const str = (k: string): string | undefined => (isObject(pair) && typeof pair[k] === 'string' ? pair[k] as string : undefined);
    this.out.peers.push({ groupId: id, userId: str('UserId'), vpcId: str('VpcId'), peering: str('VpcPeeringConnectionId') });
    this.push(id, { groups: [id] });
  }

  public prefixList(id: unknown): void {
    this.bad(String(id), `it names the prefix list ${String(id)}, whose entries no export shows (audit reads no managed prefix list)`);
  }

  private push(peer: string, p: Partial<Pick<TfRule, 'cidrs' | 'groups' | 'ipv6'>>): void {
    this.out.rules.push({ ...this.base, address: this.name(peer), cidrs: p.cidrs ?? [], groups: p.groups ?? [], ipv6: p.ipv6 ?? [] });
  }

  private bad(peer: string, why: string): void {
    this.out.unreadable.push({ element: this.name(peer), why });
  }
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** One `IpPermission` of a group of `describe-security-groups`: one rule per peer. `label` names the group (`pki-ca (sg-…)`). */
export function readPermission(group: string, label: string, direction: RuleDirection, p: unknown): RuleReading {
  const where = `${label} ${direction}`;
  if (!isObject(p)) return { rules: [], peers: [], unreadable: [{ element: where, why: 'a permission that is not an object' }] };
  const unknown = Object.keys(p).filter((k) => !PERMISSION_MEMBERS.has(k));
  const pp = protocolAndPorts(p.IpProtocol, p.FromPort, p.ToPort);
  if (typeof pp === 'string' || unknown.length > 0) {
    const why = typeof pp === 'string' ? pp : `it has members audit does not read (${unknown.join(', ')})`;
    return { rules: [], peers: [], unreadable: [{ element: `${where} ${JSON.stringify(p.IpProtocol ?? null)} ${JSON.stringify(p.FromPort ?? null)}-${JSON.stringify(p.ToPort ?? null)}`, why }] };
  }
  const traffic = trafficText(pp);
  const b = new RuleBuilder((peer) => `${where} ${traffic} ${direction === 'ingress' ? 'from' : 'to'} ${peer}`, { direction, group, ...pp, offset: -1 });
  for (const r of list(p.IpRanges)) b.cidr(isObject(r) ? r.CidrIp : r);
  for (const r of list(p.Ipv6Ranges)) b.ipv6(isObject(r) ? r.CidrIpv6 : r);
  for (const r of list(p.PrefixListIds)) b.prefixList(isObject(r) ? r.PrefixListId : r);
  for (const r of list(p.UserIdGroupPairs)) b.group(r);
  return b.out;
}

/** One `SecurityGroupRule` of `describe-security-group-rules`; `label` names its group. */
export function readSecurityGroupRule(r: Record<string, unknown>, label: string): RuleReading {
  const id = String(r.SecurityGroupRuleId);
  const direction: RuleDirection = r.IsEgress === true ? 'egress' : 'ingress';
  const unknown = Object.keys(r).filter((k) => !RULE_MEMBERS.has(k));
  const pp = protocolAndPorts(r.IpProtocol, r.FromPort, r.ToPort);
  const peers = ['CidrIpv4', 'CidrIpv6', 'PrefixListId', 'ReferencedGroupInfo'].filter((k) => r[k] !== undefined && r[k] !== null);
  const why = typeof r.IsEgress !== 'boolean' ? `IsEgress ${JSON.stringify(r.IsEgress ?? null)} is not true or false`
    : typeof pp === 'string' ? pp : unknown.length > 0 ? `it has members audit does not read (${unknown.join(', ')})`
      : peers.length !== 1 ? `it has ${peers.length} peers (CidrIpv4, CidrIpv6, PrefixListId, ReferencedGroupInfo): a rule has exactly one` : undefined;
  if (why !== undefined || typeof pp === 'string') return { rules: [], peers: [], unreadable: [{ element: `${id} (${label})`, why: why! }] };
  const traffic = trafficText(pp);
  const b = new RuleBuilder((peer) => `${id} (${label}) ${direction} ${traffic} ${direction === 'ingress' ? 'from' : 'to'} ${peer}`,
    { direction, group: String(r.GroupId), ...pp, offset: -1 });
  if (r.CidrIpv4 !== undefined) b.cidr(r.CidrIpv4);
  else if (r.CidrIpv6 !== undefined) b.ipv6(r.CidrIpv6);
  else if (r.PrefixListId !== undefined) b.prefixList(r.PrefixListId);
  else b.group(r.ReferencedGroupInfo);
  return b.out;
}
