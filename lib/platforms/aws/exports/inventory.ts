import { checkIpv4Cidr, cidrSpan, toInt } from '../../../model/cidr';
import { Interval, unionOf } from '../../../util/intervals';
import { isObject } from '../../../util/json';
import { NetworkProblem, ProblemKind } from '../../evaluator';
import type { LiveExport } from '../../live';
import type { TfRule } from '../reader';
import { LiveAcl, readAcl } from './nacl';
import { PeerGroupInfo, readPermission, readSecurityGroupRule } from './rules';
import { AWS_COMMANDS, resultKeyOf } from './shapes';

/**
 * Everything the `aws ec2` exports hold, read: security groups (name, VPC, whether an export holds
 * their rules), their rules (one per peer), interfaces (addresses, subnet, groups), network ACLs.
 * A listing cut short (a top-level `NextToken`) is read as far as it goes and is a problem; so is
 * anything not understood, named with why. Which export held what is kept so that a missing one
 * can be named.
 */

/** A security group as the exports show it. */
export interface LiveGroup {
  readonly id: string;
  /** `GroupName` (from describe-security-groups, or an interface's `Groups`). */
  name?: string;
  vpcId?: string;
  /** True when an export holds its rules (describe-security-groups, or some rule of describe-security-group-rules). */
  rulesKnown: boolean;
}

/** A network interface: its IPv4 addresses, subnet and groups. */
export interface LiveInterface {
  readonly id: string;
  readonly addresses: readonly Interval[];
  readonly subnet?: string;
  readonly groups: readonly string[];
}

/** The exports, read. */
export interface AwsInventory {
  readonly groups: Map<string, LiveGroup>;
  /** Every readable rule, by its group. */
  readonly rulesByGroup: Map<string, TfRule[]>;
  /** Referenced groups as rules name them (VPC, account, peering), by id. */
  readonly peers: Map<string, PeerGroupInfo>;
  /** The interfaces, when a describe-network-interfaces export is given. */
  readonly interfaces?: readonly LiveInterface[];
  /** Network ACLs, when a describe-network-acls export is given. */
  readonly acls?: readonly LiveAcl[];
  /** Result keys of the exports given (`SecurityGroups`, ...), and those cut short. */
  readonly given: ReadonlySet<string>;
  readonly truncated: ReadonlySet<string>;
  readonly problems: NetworkProblem[];
}

/** A group's name for messages: `pki-ca (sg-0ca…)`, or the id alone. */
export function groupLabel(g: { readonly id: string; readonly name?: string } | undefined, id: string): string {
  return g?.name ? `${g.name} (${id})` : id;
}

/** Reads the exports (each recognised by `shapes.ts`) into an inventory. */
export function awsInventory(exports: readonly LiveExport[]): AwsInventory {
  const problems: NetworkProblem[] = [];
  const problem = (element: string, message: string): void => { problems.push({ kind: ProblemKind.UNRESOLVED, element, message, offset: -1 }); };
  const groups = new Map<string, LiveGroup>();
  const group = (id: string): LiveGroup => {
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { id, rulesKnown: false }));
    return g;
  };
  const items = (e: LiveExport, key: string): Record<string, unknown>[] => (e.value as Record<string, unknown[]>)[key] as Record<string, unknown>[];
  const given = new Set<string>();
  const truncated = new Set<string>();
  for (const e of exports) {
    const key = resultKeyOf(e.value);
    if (!key) continue;
    given.add(key);
    const next = (e.value as Record<string, unknown>).NextToken;
    if (next !== undefined && next !== null && next !== '') {
      truncated.add(key);
      problem(e.file, `${e.file} is truncated (NextToken present): the ${AWS_COMMANDS[key]} listing was cut short, so what it lacks cannot be judged (run it without --max-items)`);
    }
  }
  // Groups first (names and VPCs), interfaces' group names next: rules name their groups with them.
  for (const e of exports.filter((x) => resultKeyOf(x.value) === 'SecurityGroups')) {
    for (const g of items(e, 'SecurityGroups')) {
      const live = group(String(g.GroupId));
      if (typeof g.GroupName === 'string') live.name = g.GroupName;
      if (typeof g.VpcId === 'string') live.vpcId = g.VpcId;
      live.rulesKnown = true;
    }
  }
  const interfaces: LiveInterface[] = [];
  for (const e of exports.filter((x) => resultKeyOf(x.value) === 'NetworkInterfaces')) {
    for (const n of items(e, 'NetworkInterfaces')) {
      const id = String(n.NetworkInterfaceId);
      const ids: string[] = [];
      for (const g of Array.isArray(n.Groups) ? n.Groups : []) {
        if (!isObject(g) || typeof g.GroupId !== 'string') { problem(id, `a group of its Groups has no GroupId: ${JSON.stringify(g)}`); continue; }
        const live = group(g.GroupId);
        if (!live.name && typeof g.GroupName === 'string') live.name = g.GroupName;
        ids.push(g.GroupId);
      }
      const addresses: Interval[] = [];
      const address = (v: unknown, what: string): void => {
        if (typeof v === 'string' && checkIpv4Cidr(`${v}/32`).ok) addresses.push({ lo: toInt(v), hi: toInt(v) });
        else problem(id, `${what} ${JSON.stringify(v ?? null)} is not an IPv4 address`);
      };
      if (n.PrivateIpAddress !== undefined) address(n.PrivateIpAddress, 'PrivateIpAddress');
      for (const a of Array.isArray(n.PrivateIpAddresses) ? n.PrivateIpAddresses : []) address(isObject(a) ? a.PrivateIpAddress : a, 'a PrivateIpAddresses entry');
      for (const p of Array.isArray(n.Ipv4Prefixes) ? n.Ipv4Prefixes : []) {
        const c = isObject(p) && typeof p.Ipv4Prefix === 'string' ? checkIpv4Cidr(p.Ipv4Prefix) : undefined;
        if (c?.ok) addresses.push(cidrSpan(c.cidr));
        else problem(id, `an Ipv4Prefixes entry ${JSON.stringify(p)} is not an IPv4 prefix`);
      }
      interfaces.push({ id, addresses: unionOf(addresses), subnet: typeof n.SubnetId === 'string' ? n.SubnetId : undefined, groups: ids });
    }
  }
  const rulesByGroup = new Map<string, TfRule[]>();
  const peers = new Map<string, PeerGroupInfo>();
  const take = (r: { rules: TfRule[]; peers: PeerGroupInfo[]; unreadable: { element: string; why: string }[] }): void => {
    for (const x of r.rules) {
      const list = rulesByGroup.get(x.group);
      if (list) list.push(x);
      else rulesByGroup.set(x.group, [x]);
    }
    for (const p of r.peers) if (!peers.has(p.groupId) || p.vpcId || p.peering) peers.set(p.groupId, p);
    for (const u of r.unreadable) problem(u.element, `${u.why}: what it admits cannot be judged`);
  };
  // A group's rules from describe-security-group-rules when that export holds any (one sgr- each), else its permissions.
  const fromRules = new Set<string>();
  for (const e of exports.filter((x) => resultKeyOf(x.value) === 'SecurityGroupRules')) {
    for (const r of items(e, 'SecurityGroupRules')) {
      const id = String(r.GroupId);
      fromRules.add(id);
      group(id).rulesKnown = true;
      take(readSecurityGroupRule(r, groupLabel(groups.get(id), id)));
    }
  }
  for (const e of exports.filter((x) => resultKeyOf(x.value) === 'SecurityGroups')) {
    for (const g of items(e, 'SecurityGroups')) {
      const id = String(g.GroupId);
      if (fromRules.has(id)) continue;
      const label = groupLabel(groups.get(id), id);
      for (const [member, direction] of [['IpPermissions', 'ingress'], ['IpPermissionsEgress', 'egress']] as const) {
        const list = g[member];
        if (!Array.isArray(list)) { problem(label, `${member} is not a list: its rules cannot be known`); continue; }
        for (const p of list) take(readPermission(id, label, direction, p));
      }
    }
  }
  let acls: LiveAcl[] | undefined;
  for (const e of exports.filter((x) => resultKeyOf(x.value) === 'NetworkAcls')) {
    for (const raw of items(e, 'NetworkAcls')) {
      const { acl, unreadable } = readAcl(raw);
      for (const u of unreadable) problem(acl.id, `${u}: the ACL cannot be judged`);
      (acls ??= []).push(acl);
    }
  }
  return { groups, rulesByGroup, peers, interfaces: given.has('NetworkInterfaces') ? interfaces : undefined, acls, given, truncated, problems };
}
