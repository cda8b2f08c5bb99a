import { checkIpv4Cidr, cidrSpan, intervalToCidrs } from '../../../model/cidr';
import { differenceOf, Interval, unionOf } from '../../../util/intervals';
import { Box, intersectRegions, product, subtractRegions } from '../../../util/boxes';
import { isObject } from '../../../util/json';
import type { TfRule } from '../reader';
import { protocolAndPorts } from './rules';

/**
 * Network ACLs as `aws ec2 describe-network-acls` prints them, and how they decide traffic:
 * stateless, one ACL per subnet (`Associations[].SubnetId`), entries per direction (`Egress`)
 * evaluated in `RuleNumber` order, lowest first, the first entry that matches deciding (allow or
 * deny); the `*` entry (32767) denies what no entry matched, and is assumed even when an export
 * lacks it. An entry matches on its `CidrBlock` (the source of inbound traffic, the destination
 * of outbound), protocol and destination ports (`PortRange`; `IcmpTypeCode.Type` for icmp, -1
 * every type). IPv6 entries match no IPv4 traffic.
 */

/** One entry of an ACL, read. */
export interface AclEntry {
  readonly number: number;
  readonly egress: boolean;
  readonly allow: boolean;
  readonly protocol: TfRule['protocol'];
  /** Destination ports (icmp: the type; another protocol: its number). */
  readonly ports: Interval;
  /** IPv4 addresses it matches (none for an IPv6 entry). */
  readonly cidrs: readonly Interval[];
  /** As messages show it: `rule 90 (deny)`. */
  readonly label: string;
}

/** A network ACL: its entries in evaluation order, and its subnets. */
export interface LiveAcl {
  readonly id: string;
  readonly entries: readonly AclEntry[];
  readonly subnets: readonly string[];
}

/** The rule number of the `*` entry. */
export const STAR_RULE = 32767;

/** Reads one ACL of `describe-network-acls`; entries that cannot be read are named in `unreadable` (the ACL is then not judged). */
export function readAcl(raw: Record<string, unknown>): { acl: LiveAcl; unreadable: string[] } {
  const id = String(raw.NetworkAclId);
  const unreadable: string[] = [];
  const entries: AclEntry[] = [];
  for (const e of Array.isArray(raw.Entries) ? raw.Entries : []) {
    if (!isObject(e)) { unreadable.push('an entry that is not an object'); continue; }
    const n = e.RuleNumber;
    const where = `rule ${JSON.stringify(n ?? null)} (${e.Egress === true ? 'outbound' : 'inbound'})`;
    const icmp = isObject(e.IcmpTypeCode) ? e.IcmpTypeCode : undefined;
    const range = isObject(e.PortRange) ? e.PortRange : undefined;
    const pp = protocolAndPorts(e.Protocol, icmp ? icmp.Type : range?.From, icmp ? icmp.Code : range?.To);
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > STAR_RULE) { unreadable.push(`${where}: the rule number is not 1-32767`); continue; }
    if (typeof e.Egress !== 'boolean') { unreadable.push(`${where}: Egress is not true or false`); continue; }
    if (e.RuleAction !== 'allow' && e.RuleAction !== 'deny') { unreadable.push(`${where}: RuleAction ${JSON.stringify(e.RuleAction ?? null)} is neither allow nor deny`); continue; }
    if (typeof pp === 'string') { unreadable.push(`${where}: ${pp}`); continue; }
    let cidrs: Interval[] = [];
    if (typeof e.CidrBlock === 'string') {
      const c = checkIpv4Cidr(e.CidrBlock);
      if (!c.ok && c.reason !== 'notNetwork') { unreadable.push(`${where}: CidrBlock ${e.CidrBlock} is not an IPv4 CIDR`); continue; }
      cidrs = [cidrSpan(c.ok ? c.cidr : e.CidrBlock)];
    } else if (typeof e.Ipv6CidrBlock !== 'string') { unreadable.push(`${where}: it has neither CidrBlock nor Ipv6CidrBlock`); continue; }
    entries.push({ number: n, egress: e.Egress, allow: e.RuleAction === 'allow', ...pp, cidrs, label: `rule ${n === STAR_RULE ? '32767 (*)' : n} (${e.RuleAction})` });
  }
  entries.sort((a, b) => a.number - b.number);
  const subnets = (Array.isArray(raw.Associations) ? raw.Associations : []).map((a: unknown) => (isObject(a) ? a.SubnetId : undefined)).filter((s: unknown): s is string => typeof s === 'string');
  return { acl: { id, entries, subnets }, unreadable };
}

/** What one direction of an ACL decides for traffic with some peers on some ports. */
export interface AclDecision {
  /** Ports allowed for every peer address. */
  readonly allowed: Interval[];
  /** Each entry that denies some of it, with the ports and peers it denies. */
  readonly denies: readonly { readonly entry: string; readonly ports: Interval[]; readonly peers: Interval[] }[];
}

/** The (peer, port) plane as boxes: the peer on the source axis, the port on the port axis. */
const plane = (peers: readonly Interval[], ports: readonly Interval[]): Box[] => product(peers, [{ lo: 0, hi: 0 }], ports);

/**
 * One direction of an ACL (`egress`: outbound, the peer is the destination; else inbound, the
 * peer is the source) for traffic of `protocol` between `peers` and the subnet, on `ports`:
 * first match by rule number; what no entry matches is denied by `*`.
 */
export function aclDecide(acl: LiveAcl, egress: boolean, peers: readonly Interval[], protocol: string, ports: readonly Interval[]): AclDecision {
  let left = plane(peers, ports);
  const denies: { entry: string; ports: Interval[]; peers: Interval[] }[] = [];
  const deny = (entry: string, hit: readonly Box[]): void => {
    if (hit.length > 0) denies.push({ entry, ports: unionOf(hit.map((b) => b.port)), peers: unionOf(hit.map((b) => b.src)) });
  };
  for (const e of acl.entries) {
    if (left.length === 0) break;
    if (e.egress !== egress || (e.protocol !== 'all' && e.protocol !== protocol) || e.cidrs.length === 0) continue;
    const box = plane(e.cidrs, [e.protocol === 'all' ? { lo: 0, hi: 65535 } : e.ports]);
    if (!e.allow) deny(e.label, intersectRegions(left, box));
    left = subtractRegions(left, box);
  }
  if (left.length > 0) deny(`rule 32767 (*) (deny)`, left);
  const denied = unionOf(denies.flatMap((d) => d.ports));
  return { allowed: differenceOf(unionOf([...ports]), denied), denies };
}

/** Addresses as messages show them: CIDRs, the first few. */
export function addressesText(xs: readonly Interval[], max = 4): string {
  const cidrs = unionOf(xs).flatMap((x) => intervalToCidrs(x.lo, x.hi));
  return cidrs.length <= max ? cidrs.join(', ') : `${cidrs.slice(0, max).join(', ')} and ${cidrs.length - max} more`;
}
