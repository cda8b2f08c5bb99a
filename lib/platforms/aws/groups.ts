import { InputProblem, problem } from '../../errors';
import { AwsMessages } from './messages';
import { Estate, presentTiers } from '../../model/estate';
import { TierKey, tierInfo, tierOrdinal } from '../../model/tiers';
import { AwsCreateGroup, awsEnforcement, AwsSettings } from './settings';
import { groupIdFragment, isAwsText, toAwsText } from './text';

/** A security group the library creates for one tier, in the estate's VPC. */
export interface CreatedGroup {
  /** Discriminator. */
  readonly kind: 'created';
  /** Stable key (the tier key): prefixes the construct ids of the group's rules. */
  readonly key: string;
  /** The one tier the group is for. */
  readonly tiers: readonly [TierKey];
  /** Construct id of the `aws_security_group`. */
  readonly id: string;
  /** Group name: `securityGroupName`, or `<estate>-<tier>`. */
  readonly name: string;
  /** Group description (AWS text), naming the tier and the estate. */
  readonly description: string;
  /** VPC of the group. */
  readonly vpcId: string;
  /** `aws.tags` plus `Name`, `adcs:estate` and `adcs:tier` (the library's keys win). */
  readonly tags: Readonly<Record<string, string>>;
  /** The alias of the provider configuration (account, region) the group and its rules live under; absent: the default one. */
  readonly provider?: string;
}

/** A security group that exists already; the library only adds rules to it. */
export interface ExistingGroup {
  /** Discriminator. */
  readonly kind: 'existing';
  /** Stable key derived from the id (not from the tiers, so tiers can join it without renames). */
  readonly key: string;
  /** Tiers on this group (every tier giving the same securityGroupId), canonical order. */
  readonly tiers: readonly TierKey[];
  /** The group's id, as given (`sg-…` or a Terraform expression). */
  readonly securityGroupId: string;
  /** The alias of the provider configuration (account, region) the group and the rules written to it live under; absent: the default one. */
  readonly provider?: string;
}

/** A security group the library writes rules to. */
export type AwsGroup = CreatedGroup | ExistingGroup;

/** The security groups of an estate and which tier is on which. */
export interface AwsGroups {
  /** Every group, sorted by key. */
  readonly list: readonly AwsGroup[];
  /** The group of each tier that has one. */
  readonly byTier: Readonly<Partial<Record<TierKey, AwsGroup>>>;
  /** Name problems (invalid or duplicate created names). */
  readonly problems: readonly InputProblem[];
}

/** Name of the group created for a tier: its `securityGroupName`, or `<estate>-<tier>`. */
export function createdGroupName(estate: Estate, tier: TierKey, enforcement: AwsCreateGroup): string {
  return enforcement.groupName ?? `${estate.name}-${tier}`;
}

/** Human label of a group for messages: `adcs-ca (created for tier ca)`, `sg-0123… (existing; tiers dc, admins)`. */
export function groupLabel(g: AwsGroup): string {
  return g.kind === 'created'
    ? `${g.name} (created for tier ${g.tiers[0]})`
    : `${g.securityGroupId} (existing; tier${g.tiers.length > 1 ? 's' : ''} ${g.tiers.join(', ')})`;
}

/**
 * The security groups of an AWS estate: one created group per tier with createSecurityGroup,
 * one existing group per distinct securityGroupId (tiers giving the same id share it). Created
 * names are checked against AWS's rules and for clashes (names are unique in a VPC).
 */
export function awsGroupsOf(estate: Estate, aws: AwsSettings): AwsGroups {
  const byTier: Partial<Record<TierKey, AwsGroup>> = {};
  const existing = new Map<string, { securityGroupId: string; tiers: TierKey[]; provider?: string }>();
  const names = new Map<string, TierKey>();
  const problems: InputProblem[] = [];
  const list: AwsGroup[] = [];
  for (const t of presentTiers(estate)) {
    const e = awsEnforcement(t);
    if (e.kind === 'awsCreateGroup') {
      const name = createdGroupName(estate, t.key, e);
      const path = `tiers.${t.key}.${e.groupName === undefined ? 'createSecurityGroup' : 'securityGroupName'}`;
      const bad = nameProblem(name);
      if (bad) problems.push(problem(path, AwsMessages.awsGroupNameInvalid(name, bad)));
      const clash = names.get(name);
      if (clash) problems.push(problem(path, AwsMessages.awsGroupNameDuplicate(name, clash, t.key)));
      names.set(name, t.key);
      const g: CreatedGroup = {
        kind: 'created', key: t.key, tiers: [t.key], id: `${t.key}-security-group`, name,
        description: toAwsText(`adcs-firewall ${estate.name}: AD CS tier ${t.key}, ${tierInfo(t.key).description}`),
        vpcId: aws.vpcId,
        tags: { ...aws.tags, Name: name, 'adcs-firewall:estate': estate.name, 'adcs-firewall:tier': t.key },
        ...(e.provider === undefined ? {} : { provider: e.provider }),
      };
      byTier[t.key] = g;
      list.push(g);
    } else if (e.kind === 'awsExistingGroup') {
      const entry = existing.get(e.securityGroupId) ?? { securityGroupId: e.securityGroupId, tiers: [], provider: e.provider };
      if (entry.tiers.length > 0 && entry.provider !== e.provider) {
        problems.push(problem(`tiers.${t.key}.provider`, AwsMessages.awsSharedGroupProviders(e.securityGroupId, entry.tiers[0], t.key)));
      }
      entry.tiers.push(t.key);
      existing.set(e.securityGroupId, entry);
    }
  }
  for (const entry of existing.values()) {
    const g: ExistingGroup = {
      kind: 'existing', key: groupIdFragment(entry.securityGroupId), securityGroupId: entry.securityGroupId,
      tiers: [...entry.tiers].sort((a, b) => tierOrdinal(a) - tierOrdinal(b)),
      ...(entry.provider === undefined ? {} : { provider: entry.provider }),
    };
    for (const k of g.tiers) byTier[k] = g;
    list.push(g);
    // A rule cannot tell a group's hosts apart: tiers sharing a group must be the same hosts,
    // or each would receive the other's flows.
    const cidrsOf = (k: TierKey): string => (estate.tiers[k]?.cidrs ?? []).join(' ');
    const odd = g.tiers.find((k) => cidrsOf(k) !== cidrsOf(g.tiers[0]));
    if (odd) problems.push(problem(`tiers.${odd}.securityGroupId`, AwsMessages.awsSharedGroupMixedHosts(g.securityGroupId, g.tiers[0], odd)));
  }
  list.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { list, byTier, problems };
}

function nameProblem(name: string): string | undefined {
  if (name.length === 0) return 'it is empty';
  if (name.length > 255) return `it has ${name.length} characters`;
  if (name.toLowerCase() === 'default') return '"default" is reserved for the VPC\'s default group';
  if (/^sg-/i.test(name)) return 'it starts with "sg-"';
  if (!isAwsText(name)) return 'it has characters outside the accepted set';
  return undefined;
}
