import { cidrSpan } from '../../../model/cidr';
import { appendTo } from '../../../util/maps';
import { EstateTier, presentTiers } from '../../../model/estate';
import { generationRange } from '../../../model/port-sets';
import { TierKey } from '../../../model/tiers';
import type { ResolvedInput } from '../../../input/resolved';
import { Interval, intersectionOf, overlapsAny, unionOf } from '../../../util/intervals';
import { MissingEnforcement, NetworkProblem, ProblemKind } from '../../evaluator';
import type { LiveExport } from '../../live';
import { createdGroupName } from '../groups';
import type { AwsNetwork } from '../network';
import { libraryRules } from '../ownership';
import type { GroupRef, TfRule } from '../reader';
import { awsEnforcement, awsSettings } from '../settings';
import { AwsInventory, awsInventory, groupLabel, LiveInterface } from './inventory';
import type { AwsHostGroup } from './layout';
import { LiveAcl } from './nacl';
import { trafficText } from './rules';

/**
 * The estate as `aws ec2` exports show it, as the AWS evaluator judges it. A tier's hosts are
 * the interfaces with an address in its CIDRs, grouped by the groups they carry (a union) and
 * their subnet; the rules judged are those of every group on them. A referenced group's members
 * are the addresses of the interfaces carrying it. The spec's groups are checked against what
 * the interfaces carry: a created group (found by name in the estate's VPC) is the estate's own
 * and must be on the tier's interfaces (detached otherwise), an existing group named by id must
 * be what they carry (a mismatch otherwise). Whatever a verdict needs and no export shows (a
 * tier no interface covers, a group whose rules or members are missing, a cut listing, a subnet
 * with no ACL) is unresolved, never guessed.
 */
export function readAwsExports(exports: readonly LiveExport[], spec: ResolvedInput): AwsNetwork {
  const inv = awsInventory(exports);
  const problems: NetworkProblem[] = [...inv.problems];
  const problem = (kind: ProblemKind, element: string, message: string): void => { problems.push({ kind, element, message, offset: -1 }); };
  const label = (id: GroupRef): string => groupLabel(inv.groups.get(id), id);
  const interfaces = inv.interfaces ?? [];
  // Indexes, built once: members of each group, interface addresses of each subnet, the ACL of each subnet.
  const members = new Map<GroupRef, Interval[]>();
  const subnetAddresses = new Map<string, Interval[]>();
  for (const n of interfaces) {
    for (const g of n.groups) appendTo(members, g, ...n.addresses);
    if (n.subnet) appendTo(subnetAddresses, n.subnet, ...n.addresses);
  }
  for (const [k, v] of members) members.set(k, unionOf(v));
  for (const [k, v] of subnetAddresses) subnetAddresses.set(k, unionOf(v));
  const aclOfSubnet = new Map<string, LiveAcl>();
  const aclOf = aclsBySubnet(inv, problem, aclOfSubnet);
  if (!inv.acls) {
    problem(ProblemKind.NOT_JUDGED, 'network ACLs', 'network ACLs were not judged (no `aws ec2 describe-network-acls` export): a subnet\'s ACL may still drop a flow or its replies');
  }
  const vpc = awsSettings(spec).vpcId;
  const groupOf: Partial<Record<TierKey, GroupRef>> = {};
  const owned = new Set<GroupRef>();
  const missing: MissingEnforcement[] = [];
  const hosts = new Map<TierKey, AwsHostGroup[]>();
  const claimed = new Set<TierKey>();
  const ephemeral = new Map<TierKey, Interval>();
  for (const t of presentTiers(spec.estate) as EstateTier[]) {
    const range = generationRange(t.osGeneration ?? spec.estate.osGeneration);
    ephemeral.set(t.key, { lo: range.from, hi: range.to });
    const e = awsEnforcement(t);
    if (e.kind !== 'awsCreateGroup' && e.kind !== 'awsExistingGroup') {
      // A tier the spec gives no group: its interfaces' groups still decide whether its flows get
      // through (never what else they let through); its addresses outside them are not filtered.
      const found = inv.interfaces ? hostGroupsOf(t, interfaces, aclOf) : [];
      if (found.length > 0) hosts.set(t.key, found);
      continue;
    }
    const where = `tier ${t.key} (${t.cidrs.join(', ')})`;
    if (!inv.interfaces) {
      problem(ProblemKind.UNRESOLVED, `tiers.${t.key}`, `${where}: no \`aws ec2 describe-network-interfaces\` export, so which groups guard its addresses cannot be known`);
      continue;
    }
    const found = hostGroupsOf(t, interfaces, aclOf);
    claimed.add(t.key);
    if (found.length === 0) {
      problem(ProblemKind.UNRESOLVED, `tiers.${t.key}`, `${where}: no exported interface covers its addresses, so no group can be judged for it`);
      continue;
    }
    hosts.set(t.key, found);
    const carried = new Set(found.flatMap((h) => h.groups));
    const carry = found.map((h) => `${h.label} ${h.groups.length === 0 ? 'carries no group' : `carr${h.label.includes(',') ? 'y' : 'ies'} ${h.groups.length === 1 ? 'only ' : ''}${h.groups.map(label).join(', ')}`}`).join('; ');
    const lacking = (id: GroupRef): AwsHostGroup[] => found.filter((h) => !h.groups.includes(id));
    if (e.kind === 'awsCreateGroup') {
      const name = createdGroupName(spec.estate, t.key, e);
      const named = [...inv.groups.values()].filter((g) => g.name === name && (g.vpcId === undefined || !vpc.startsWith('vpc-') || g.vpcId === vpc));
      const live = named.find((g) => carried.has(g.id)) ?? named[0];
      if (!live) { missing.push({ tier: t.key, detail: `no security group named "${name}" in the exports (${carry})` }); continue; }
      groupOf[t.key] = live.id;
      owned.add(live.id);
      if (!carried.has(live.id)) problem(ProblemKind.MISMATCH, `tiers.${t.key}.createSecurityGroup`, `${label(live.id)} is attached to no interface in ${t.cidrs.join(', ')} (detached); ${carry}`);
      else for (const h of lacking(live.id)) problem(ProblemKind.MISMATCH, `tiers.${t.key}.createSecurityGroup`, `${h.label} in ${t.cidrs.join(', ')} does not carry ${label(live.id)}`);
    } else {
      const id = e.securityGroupId;
      groupOf[t.key] = id;
      if (!carried.has(id)) problem(ProblemKind.MISMATCH, `tiers.${t.key}.securityGroupId`, `${id} is on no interface in ${t.cidrs.join(', ')}; ${carry}`);
      else for (const h of lacking(id)) problem(ProblemKind.MISMATCH, `tiers.${t.key}.securityGroupId`, `${h.label} in ${t.cidrs.join(', ')} does not carry ${label(id)}`);
    }
  }
  // The ACLs the verdicts rest on, once each, with where they were met.
  const aclsMet = new Map<string, string[]>();
  for (const [tier, hs] of hosts) for (const h of hs) if (h.acl) appendTo(aclsMet, h.acl.id, `tier ${tier}'s ${h.label} in ${h.subnet}`);
  for (const [id, where] of [...aclsMet].sort()) {
    problem(ProblemKind.OBSERVED, id, `network ACL judged for ${where.join('; ')}: each flow's request and its replies (to the client's ephemeral ports) must pass it, first matching rule by number`);
  }
  // The groups on the tiers' interfaces: their rules are judged; a group whose rules no export holds cannot be.
  const judged = new Set([...hosts.values()].flatMap((hs) => hs.flatMap((h) => h.groups)));
  for (const g of [...judged].sort()) {
    if (!inv.groups.get(g)?.rulesKnown) {
      const on = [...hosts.values()].flat().filter((h) => h.groups.includes(g)).map((h) => h.label).join(', ');
      problem(ProblemKind.UNRESOLVED, label(g), `it guards ${on}, but no export holds its rules (give \`aws ec2 describe-security-groups\`)`);
    }
  }
  const rules: TfRule[] = [];
  for (const g of judged) {
    for (const r of inv.rulesByGroup.get(g) ?? []) {
      // A group no exported interface carries may be empty, or carried by interfaces a filtered
      // export left out: not known, so its rules are unresolved rather than read as matching nothing.
      const unknown = r.groups.find((peer) => !members.has(peer));
      if (unknown === undefined) { rules.push(r); continue; }
      // A cut listing of interfaces is already a problem of its own; the peer then matches nothing.
      if (inv.truncated.has('NetworkInterfaces')) continue;
      const p = inv.peers.get(unknown);
      const there = `${p?.vpcId ? ` in ${p.vpcId}` : ''}${p?.userId && p.vpcId ? ` (account ${p.userId})` : ''}${p?.peering ? ` (via ${p.peering})` : ''}`;
      const verb = r.direction === 'ingress' ? `admits ${trafficText(r)} from` : `lets ${trafficText(r)} out to`;
      problem(ProblemKind.UNRESOLVED, r.address, `${label(r.group)} ${verb} ${inv.groups.has(unknown) ? label(unknown) : unknown}${there}, whose interfaces are not in the exports${inv.interfaces ? '' : ' (no `aws ec2 describe-network-interfaces` export)'}: its members cannot be known`);
    }
  }
  // Rules as a reader lists them: by group, direction, protocol and port.
  const order = (r: TfRule): (string | number)[] => [r.group, r.direction === 'ingress' ? 0 : 1, ['tcp', 'udp', 'icmp', 'all', 'other'].indexOf(r.protocol), r.ports.lo, r.ports.hi, r.address];
  rules.sort((a, b) => {
    const x = order(a);
    const y = order(b);
    const i = x.findIndex((v, n) => v !== y[n]);
    return i < 0 ? 0 : x[i] < y[i] ? -1 : 1;
  });
  const labels = new Map([...judged, ...rules.flatMap((r) => r.groups)].map((g) => [g, label(g)]));
  return {
    rules, groupOf, owned, missing, problems, removed: [],
    library: libraryRules(spec, groupOf, rules, new Set()),
    live: { hosts, claimed, members, labels, aclsJudged: inv.acls !== undefined, subnetAddresses, ephemeral, aclOfSubnet,
      interfaces: interfaces.map((n) => ({ label: n.id, addresses: n.addresses, groups: n.groups, subnet: n.subnet, acl: n.subnet ? aclOfSubnet.get(n.subnet) : undefined })) },
  };
}

/** The tier's interfaces, grouped by the groups they carry and their subnet (with its ACL). */
function hostGroupsOf(t: EstateTier, interfaces: readonly LiveInterface[], aclOf: ((subnet: string | undefined, eni: string) => LiveAcl | undefined) | undefined): AwsHostGroup[] {
  const cidrs = unionOf(t.cidrs.map(cidrSpan));
  const byKey = new Map<string, { enis: string[]; addresses: Interval[]; groups: string[]; subnet?: string }>();
  for (const n of interfaces) {
    if (!overlapsAny(n.addresses, cidrs)) continue;
    const groups = [...new Set(n.groups)].sort();
    const key = `${groups.join(',')}|${n.subnet ?? ''}`;
    const g = byKey.get(key) ?? { enis: [], addresses: [], groups, subnet: n.subnet };
    g.enis.push(n.id);
    g.addresses.push(...intersectionOf(n.addresses, cidrs));
    byKey.set(key, g);
  }
  return [...byKey.values()].map((g) => ({
    label: g.enis.length <= 3 ? g.enis.join(', ') : `${g.enis.slice(0, 3).join(', ')} and ${g.enis.length - 3} more interfaces`,
    addresses: unionOf(g.addresses), groups: g.groups, subnet: g.subnet, acl: aclOf?.(g.subnet, g.enis[0]),
  }));
}

/** Each subnet's ACL, when an ACL export is given; a subnet no ACL of it names is unresolved (every subnet has one). */
function aclsBySubnet(inv: AwsInventory, problem: (kind: ProblemKind, element: string, message: string) => void, of: Map<string, LiveAcl>): ((subnet: string | undefined, eni: string) => LiveAcl | undefined) | undefined {
  if (!inv.acls) return undefined;
  for (const a of inv.acls) {
    for (const s of a.subnets) {
      const other = of.get(s);
      if (other && other.id !== a.id) problem(ProblemKind.UNRESOLVED, s, `the export associates it with two network ACLs, ${other.id} and ${a.id}; a subnet has one`);
      else of.set(s, a);
    }
  }
  const told = new Set<string>();
  return (subnet, eni) => {
    const acl = subnet ? of.get(subnet) : undefined;
    if (!acl && !told.has(subnet ?? eni)) {
      told.add(subnet ?? eni);
      problem(ProblemKind.UNRESOLVED, subnet ?? eni, subnet ? `no network ACL of the export is associated with ${subnet} (of ${eni}); every subnet has one, so the export is incomplete`
        : 'the interface has no SubnetId: its network ACL cannot be known');
    }
    return acl;
  };
}
