import type { ResolvedInput } from '../../../input/resolved';
import { isObject } from '../../../util/json';
import { Adoption, AdoptionAction, AdoptionItem, LiveExport } from '../../live';
import type { AwsGroup, CreatedGroup } from '../groups';
import type { AwsPlan, PlannedAwsRule } from '../planner';
import { awsSettings } from '../settings';
import { AWS_RESOURCE_TYPES } from '../writer';
import { resultKeyOf } from './shapes';
import { appendTo } from '../../../util/maps';

/**
 * `audit --adopt` on AWS: every resource the stack `synth` writes (created groups, every
 * `aws_vpc_security_group_{ingress,egress}_rule`) compared with what `aws ec2
 * describe-security-groups` and `describe-security-group-rules` show, and every other rule of the
 * estate's groups. What the aws provider does with each (docs/semantics.md, "Adoption"):
 * - A rule has no name: it is the live rule of the same group, direction, protocol, ports and
 *   peer (AWS refuses a second such rule as a duplicate, whatever its description). It is imported
 *   by its `sgr-` id, which only `describe-security-group-rules` prints; its description and tags
 *   are then updated in place. Without that export an equal rule is a collision: the apply's
 *   create fails as a duplicate, and the id to import it is not known here.
 * - `aws_security_group`: `name`, `description` and `vpc_id` force a new group; tags are updated
 *   in place; rules left out of its configuration stay. A created group is the live group of its
 *   name in its VPC (names are unique in a VPC), imported by its `sg-` id. An existing group the
 *   estate only names is never imported.
 */

/** One live rule, as either export shows it. */
interface LiveRule {
  /** `sgr-…`, when `describe-security-group-rules` shows it. */
  readonly id?: string;
  readonly groupId: string;
  readonly egress: boolean;
  /** `all`, `tcp`, `udp`, `icmp`, `icmpv6`, or another protocol as written (lower case). */
  readonly protocol: string;
  readonly fromPort?: number;
  readonly toPort?: number;
  /** `cidr4:10.0.1.0/24`, `cidr6:…`, `pl:pl-…`, `sg:sg-…`. */
  readonly peer: string;
  readonly description: string;
  readonly tags: Readonly<Record<string, string>>;
}

/** One live group, as `describe-security-groups` shows it. */
interface LiveGroup {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly vpcId?: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly rules: LiveRule[];
}

const NUMBERS: Readonly<Record<string, string>> = { '-1': 'all', all: 'all', 6: 'tcp', 17: 'udp', 1: 'icmp', 58: 'icmpv6' };
const protocolOf = (p: unknown): string => { const t = String(p ?? '').toLowerCase(); return NUMBERS[t] ?? t; };
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
const tagsOf = (v: unknown): Record<string, string> => Object.fromEntries((Array.isArray(v) ? v.filter(isObject) : [])
  .filter((t) => typeof t.Key === 'string').map((t) => [t.Key as string, str(t.Value)]));
const listOf = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter(isObject) : []);

/** The rules of `IpPermissions` / `IpPermissionsEgress`, one per peer (no `sgr-` ids there). */
function permissionRules(groupId: string, egress: boolean, permissions: unknown): LiveRule[] {
  const out: LiveRule[] = [];
  for (const p of listOf(permissions)) {
    const base = { groupId, egress, protocol: protocolOf(p.IpProtocol), fromPort: num(p.FromPort), toPort: num(p.ToPort), tags: {} };
    for (const r of listOf(p.IpRanges)) out.push({ ...base, peer: `cidr4:${str(r.CidrIp)}`, description: str(r.Description) });
    for (const r of listOf(p.Ipv6Ranges)) out.push({ ...base, peer: `cidr6:${str(r.CidrIpv6).toLowerCase()}`, description: str(r.Description) });
    for (const r of listOf(p.PrefixListIds)) out.push({ ...base, peer: `pl:${str(r.PrefixListId)}`, description: str(r.Description) });
    for (const r of listOf(p.UserIdGroupPairs)) out.push({ ...base, peer: `sg:${str(r.GroupId)}`, description: str(r.Description) });
  }
  return out;
}

/** One `SecurityGroupRules` item. */
function describedRule(r: Record<string, unknown>): LiveRule {
  const ref = isObject(r.ReferencedGroupInfo) ? str(r.ReferencedGroupInfo.GroupId) : '';
  const peer = typeof r.CidrIpv4 === 'string' ? `cidr4:${r.CidrIpv4}` : typeof r.CidrIpv6 === 'string' ? `cidr6:${r.CidrIpv6.toLowerCase()}`
    : typeof r.PrefixListId === 'string' ? `pl:${r.PrefixListId}` : ref ? `sg:${ref}` : 'unknown';
  return { id: str(r.SecurityGroupRuleId), groupId: str(r.GroupId), egress: r.IsEgress === true, protocol: protocolOf(r.IpProtocol),
    fromPort: num(r.FromPort), toPort: num(r.ToPort), peer, description: str(r.Description), tags: tagsOf(r.Tags) };
}

/** Every group the exports show, with its rules: `describe-security-group-rules` where it lists the group's rules, else the group's permissions. */
function liveGroups(exports: readonly LiveExport[]): { groups: Map<string, LiveGroup>; described: Map<string, LiveRule[]>; shown: { groups: boolean; rules: boolean } } {
  const groups = new Map<string, LiveGroup>();
  const described = new Map<string, LiveRule[]>();
  const shown = { groups: false, rules: false };
  for (const e of exports) {
    const key = resultKeyOf(e.value);
    if (key === 'SecurityGroups') {
      shown.groups = true;
      for (const g of listOf((e.value as Record<string, unknown>).SecurityGroups)) {
        const id = str(g.GroupId);
        if (!id || groups.has(id)) continue;
        groups.set(id, { id, name: str(g.GroupName), description: str(g.Description), vpcId: typeof g.VpcId === 'string' ? g.VpcId : undefined, tags: tagsOf(g.Tags),
          rules: [...permissionRules(id, false, g.IpPermissions), ...permissionRules(id, true, g.IpPermissionsEgress)] });
      }
    } else if (key === 'SecurityGroupRules') {
      shown.rules = true;
      for (const r of listOf((e.value as Record<string, unknown>).SecurityGroupRules).map(describedRule)) {
        if ((described.get(r.groupId) ?? []).some((x) => x.id === r.id)) continue;
        appendTo(described, r.groupId, r);
      }
    }
  }
  return { groups, described, shown };
}

const portsKey = (protocol: string, from?: number, to?: number): string => (protocol === 'all' ? '*' : `${from ?? -1}-${to ?? -1}`);
const ruleKey = (egress: boolean, protocol: string, ports: string, peer: string): string => `${egress ? 'egress' : 'ingress'} ${protocol} ${ports} ${peer}`;

function liveLabel(r: LiveRule): string {
  const ports = r.protocol === 'all' ? 'all' : r.fromPort === r.toPort ? `${r.fromPort}` : `${r.fromPort}-${r.toPort}`;
  return `${r.groupId} ${r.egress ? 'egress' : 'ingress'} ${r.protocol} ${ports} ${r.peer.replace(/^[a-z0-9]+:/, '')}${r.id ? ` (${r.id})` : ''}`;
}

const sameTags = (a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);

/** The live estate the exports show compared with the plan, resource by resource. */
export function adoptAws(exports: readonly LiveExport[], spec: ResolvedInput, plan: AwsPlan): Adoption {
  const { groups, described, shown } = liveGroups(exports);
  const items: AdoptionItem[] = [];
  const notes: string[] = [];
  if (!shown.groups) notes.push('No aws ec2 describe-security-groups export: no created group could be found by name, so every created group and its rules are reported as created.');
  if (!shown.rules) notes.push('No aws ec2 describe-security-group-rules export: the sgr- ids that import rules are only in it, so no rule is imported (rules that exist as planned are reported as collisions).');
  const ruleTags = awsSettings(spec).tags;
  // The live group of each planned group: an existing one by its id, a created one by name in its VPC.
  const liveOf = new Map<string, LiveGroup | undefined>();
  const taken = new Map<string, boolean>();
  for (const g of plan.groups) {
    if (g.kind === 'existing') {
      const live = groups.get(g.securityGroupId);
      liveOf.set(g.key, live);
      taken.set(g.key, true);
      const detail = 'an existing group the estate only names: never imported (the stack writes rules into it)';
      if (!/^sg-/.test(g.securityGroupId)) notes.push(`Group ${g.securityGroupId} is given as an expression, not an sg- id: its live rules are not compared.`);
      items.push({ action: AdoptionAction.LEAVE, id: /^sg-/.test(g.securityGroupId) ? g.securityGroupId : undefined, label: g.securityGroupId,
        detail: live || !shown.groups ? detail : `${detail}; not in the exports` });
      continue;
    }
    items.push(createdGroup(g, groups, shown.groups, liveOf, taken));
  }
  // The rules of each group: their keys against the live rules.
  const liveRules = (g: AwsGroup): LiveRule[] | undefined => {
    const live = liveOf.get(g.key);
    const id = live?.id ?? (g.kind === 'existing' ? g.securityGroupId : undefined);
    if (!id) return undefined;
    return described.get(id) ?? live?.rules;
  };
  const used = new Set<LiveRule>();
  const byKey = new Map(plan.groups.map((g) => [g.key, g]));
  for (const r of plan.rules) {
    const g = byKey.get(r.groupKey)!;
    const base = { path: [r.id], type: r.direction === 'ingress' ? AWS_RESOURCE_TYPES.ingress : AWS_RESOURCE_TYPES.egress, label: plannedLabel(r, g, byKey) };
    if (!taken.get(g.key)) {
      items.push({ ...base, action: AdoptionAction.CREATE, detail: liveOf.get(g.key) ? `its group ${groupName(g)} is not imported` : `on group ${groupName(g)}, which the apply creates` });
      continue;
    }
    const peer = peerOf(r, byKey, liveOf, taken);
    const list = liveRules(g);
    if (peer === undefined || list === undefined) {
      items.push({ ...base, action: AdoptionAction.CREATE, detail: peer === undefined ? `its peer group ${groupName(byKey.get((r.peer as { groupKey: string }).groupKey)!)} is created by the apply` : `the rules of ${groupName(g)} are in no export` });
      continue;
    }
    const protocol = r.protocol === 'all' ? 'all' : r.protocol;
    const key = ruleKey(r.direction === 'egress', protocol, portsKey(protocol, r.fromPort, r.toPort), peer);
    const live = list.find((x) => !used.has(x) && ruleKey(x.egress, x.protocol, portsKey(x.protocol, x.fromPort, x.toPort), x.peer) === key);
    if (!live) {
      items.push({ ...base, action: AdoptionAction.CREATE, detail: `no such rule in ${groupName(g)}` });
      continue;
    }
    used.add(live);
    const updates = [live.description !== r.description ? 'description' : '', sameTags(live.tags, ruleTags) ? '' : 'tags'].filter((x) => x !== '');
    if (!live.id) {
      items.push({ ...base, action: AdoptionAction.COLLIDE,
        detail: 'exists as planned, but its sgr- id is only in aws ec2 describe-security-group-rules (give it to import the rule); as it is, the apply fails creating a duplicate rule' });
      continue;
    }
    items.push({ ...base, action: AdoptionAction.IMPORT, id: live.id, detail: `exists as planned${updates.length > 0 ? `; updated in place: ${updates.join(', ')}` : ''}` });
  }
  for (const g of plan.groups) {
    for (const live of (liveRules(g) ?? []).filter((x) => !used.has(x))) {
      const allEgress = live.egress && live.protocol === 'all' && live.peer === 'cidr4:0.0.0.0/0';
      items.push({ action: AdoptionAction.LEAVE, id: live.id, label: liveLabel(live),
        detail: `not the stack's: the apply leaves it as it is${allEgress && g.kind === 'created' ? ' (AWS\'s default egress rule: Terraform removes it only from a group it creates)' : ''}` });
    }
  }
  return { items, notes };
}

function groupName(g: AwsGroup): string {
  return g.kind === 'created' ? g.name : g.securityGroupId;
}

function plannedLabel(r: PlannedAwsRule, g: AwsGroup, byKey: ReadonlyMap<string, AwsGroup>): string {
  const ports = r.protocol === 'all' ? 'all' : r.fromPort === r.toPort ? `${r.fromPort}` : `${r.fromPort}-${r.toPort}`;
  const peer = r.peer.kind === 'cidr' ? r.peer.cidr : groupName(byKey.get(r.peer.groupKey)!);
  return `${groupName(g)} ${r.direction} ${r.protocol} ${ports} ${peer}`;
}

/** The live peer of a planned rule (`cidr4:…`, `sg:…`); undefined when its peer group is not live and taken over. */
function peerOf(r: PlannedAwsRule, byKey: ReadonlyMap<string, AwsGroup>, liveOf: ReadonlyMap<string, LiveGroup | undefined>, taken: ReadonlyMap<string, boolean>): string | undefined {
  if (r.peer.kind === 'cidr') return `cidr4:${r.peer.cidr}`;
  const peer = byKey.get(r.peer.groupKey)!;
  if (peer.kind === 'existing') return `sg:${peer.securityGroupId}`;
  const live = liveOf.get(peer.key);
  return live && taken.get(peer.key) ? `sg:${live.id}` : undefined;
}

/** A created group against the live group of its name in its VPC. */
function createdGroup(g: CreatedGroup, groups: ReadonlyMap<string, LiveGroup>, shown: boolean, liveOf: Map<string, LiveGroup | undefined>, taken: Map<string, boolean>): AdoptionItem {
  const base = { path: [g.id], type: AWS_RESOURCE_TYPES.group, label: `${g.name} (${g.vpcId})` };
  const live = [...groups.values()].find((x) => x.name === g.name && x.vpcId === g.vpcId);
  liveOf.set(g.key, live);
  taken.set(g.key, false);
  if (!live) return { ...base, action: AdoptionAction.CREATE, detail: shown ? `no group ${g.name} in ${g.vpcId}` : 'no describe-security-groups export: whether it exists is not known' };
  if (live.description !== g.description) {
    return { ...base, action: AdoptionAction.REPLACE, id: live.id, detail: `its description is ${JSON.stringify(live.description)}, planned ${JSON.stringify(g.description)} (description forces a new group)` };
  }
  taken.set(g.key, true);
  return { ...base, action: AdoptionAction.IMPORT, id: live.id, detail: `exists as planned${sameTags(live.tags, g.tags) ? '' : '; its tags are updated in place'}; its other rules stay as they are` };
}
