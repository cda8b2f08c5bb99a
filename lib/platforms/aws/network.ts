import { presentTiers } from '../../model/estate';
import { TierKey } from '../../model/tiers';
import type { ResolvedInput } from '../../input/resolved';
import { TfDocument, TfInstance, TfProblemKind } from '../../terraform/document';
import { InstanceIndex, specValue } from '../../terraform/instance-index';
import { TfReference } from '../../terraform/values';
import type { MissingEnforcement, NetworkProblem } from '../evaluator';
import type { EvaluationContext } from '../platform';
import { createdGroupName } from './groups';
import { groupLanding } from './landing';
import { awsUnmodeledProblems } from './membership';
import { libraryRules } from './ownership';
import { GroupRef, readAwsRules, TfRule } from './reader';
import { awsEnforcement, awsSettings } from './settings';
import type { AwsLiveLayout } from './exports/layout';

/** AWS network security as the evaluator judges it, whatever it was read from (Terraform JSON; an AWS export). */
export interface AwsNetwork {
  /** The rules on the tiers' groups. */
  readonly rules: readonly TfRule[];
  /** Each enforced tier's group. */
  readonly groupOf: Readonly<Partial<Record<TierKey, GroupRef>>>;
  /** The groups the estate owns (creates). */
  readonly owned: ReadonlySet<GroupRef>;
  /** Addresses of the rules that are the library's for this estate. */
  readonly library: ReadonlySet<string>;
  /** Rules the input removes, with their groups. */
  readonly removed: readonly { readonly address: string; readonly group: GroupRef }[];
  /** Groups of the spec the input lacks. */
  readonly missing: readonly MissingEnforcement[];
  /** What cannot be judged, or would be rejected. */
  readonly problems: readonly NetworkProblem[];
  /** Read from live exports: which interfaces guard each tier, and who a referenced group's members are. */
  readonly live?: AwsLiveLayout;
}

/**
 * AWS network security read from a Terraform document for an estate: each tier's group (a
 * created one found by name where the spec puts it, an existing one by id or reference), the
 * rules on those groups, which of them are the library's, and what cannot be judged.
 */
export function readAwsTerraform(doc: TfDocument, spec: ResolvedInput, context: EvaluationContext = { libraryAddresses: new Set() }): AwsNetwork {
  const groupOf: Partial<Record<TierKey, GroupRef>> = {};
  const owned = new Set<GroupRef>();
  const index = new InstanceIndex(doc);
  const read = readAwsRules(doc, index);
  const problems: NetworkProblem[] = [...read.problems];
  const unresolved = (element: string, message: string, offset = -1): void => { problems.push({ kind: TfProblemKind.UNRESOLVED, element, message, offset }); };
  const missing: MissingEnforcement[] = [];
  const landing = groupLanding(doc, index, spec);
  for (const t of presentTiers(spec.estate)) {
    const e = awsEnforcement(t);
    const alias = (t.enforcement as { readonly provider?: string }).provider;
    if (e.kind === 'awsCreateGroup') {
      const name = createdGroupName(spec.estate, t.key, e);
      const named = [...read.groups.values()].filter((g) => g.instance?.mode === 'managed' && g.name === name);
      const judged = named.map((g) => ({ g, where: landing(g.instance!, alias) }));
      const here = judged.filter((x) => x.where === undefined);
      const unknown = judged.filter((x) => x.where !== undefined && x.where.startsWith('?'));
      if (here.length === 1 && unknown.length === 0) {
        groupOf[t.key] = here[0].g.ref;
        owned.add(here[0].g.ref);
      } else if (here.length + unknown.length > 1) unresolved(`tiers.${t.key}`, `${here.length + unknown.length} aws_security_group named "${name}" may be the tier's group`);
      else if (unknown.length === 1) unresolved(unknown[0].g.ref, `it is named "${name}", the group of tier ${t.key}, but ${unknown[0].where!.slice(1)}`, unknown[0].g.instance!.offset);
      else {
        const elsewhere = judged.map((x) => `${x.g.ref} ${x.where}`);
        missing.push({ tier: t.key, detail: `no aws_security_group named "${name}" in the estate's VPC${elsewhere.length > 0 ? ` (${elsewhere.join('; ')})` : ''}` });
      }
    } else if (e.kind === 'awsExistingGroup') {
      const value = specValue(e.securityGroupId);
      let ref: GroupRef | undefined;
      if (value instanceof TfReference) {
        const target = index.target(value);
        if (target && target.instance.type === 'aws_security_group' && target.attribute === 'id') {
          const id = index.literal(target.instance.values.id, target.instance);
          ref = target.instance.mode === 'data' && id ? [...read.groups.values()].find((g) => g.id === id && g.instance?.mode === 'managed')?.ref ?? id : target.instance.address;
        }
      } else if (typeof value === 'string') ref = [...read.groups.values()].find((g) => g.id === value)?.ref ?? value;
      if (ref === undefined) unresolved(`tiers.${t.key}.securityGroupId`, `the group ${e.securityGroupId} cannot be resolved in the input`);
      else groupOf[t.key] = ref;
    }
  }
  // Provider v6: a resource's region is its `region` argument, else its provider configuration's (the estate's default: aws.region).
  const effectiveRegion = (i: TfInstance): string | undefined => {
    const own = index.literal(i.values.region, i);
    if (own !== undefined) return own;
    const configured = doc.providerConfigs.get(i.provider.key.replace(/^.*:/, ''))?.region;
    return typeof configured === 'string' ? configured : i.provider.alias === undefined ? awsSettings(spec).region : undefined;
  };
  const tierOfGroup = new Map(Object.entries(groupOf).map(([tier, ref]) => [ref, tier as TierKey]));
  // An existing group (an id) is where its tier's provider configuration works.
  const groupRegion = (ref: GroupRef): string | undefined => {
    const tier = tierOfGroup.get(ref);
    const alias = tier ? (spec.estate.tiers[tier]?.enforcement as { readonly provider?: string } | undefined)?.provider : undefined;
    const configured = doc.providerConfigs.get(alias ? `aws.${alias}` : 'aws')?.region;
    return typeof configured === 'string' ? configured : alias === undefined ? awsSettings(spec).region : undefined;
  };
  const known = new Set(Object.values(groupOf));
  for (const r of read.rules) {
    if (!known.has(r.group)) continue;
    const instance = index.at(r.address.replace(/\.(ingress|egress)\[\d+\]$/, ''));
    const group = read.groups.get(r.group)?.instance;
    if (instance && group && instance !== group && (instance.provider.alias ?? '') !== (group.provider.alias ?? '')) {
      unresolved(r.address, `it is written under the provider configuration ${instance.provider.key}, its group ${r.group} under ${group.provider.key}: where it lands cannot be known`, r.offset);
    }
    const mine = instance && effectiveRegion(instance);
    const theirs = group ? effectiveRegion(group) : groupRegion(r.group);
    if (mine !== undefined && theirs !== undefined && mine !== theirs) {
      unresolved(r.address, `it is managed in region ${mine}, its group ${r.group} is in ${theirs}: the rule lands where the group is not`, r.offset);
    }
  }
  for (const t of presentTiers(spec.estate)) {
    const g = groupOf[t.key];
    const e = awsEnforcement(t);
    if (e.kind === 'awsExistingGroup' && g !== undefined && !read.rules.some((r) => r.group === g)) {
      missing.push({ tier: t.key, detail: `the plan writes no rule to security group ${e.securityGroupId}` });
    }
  }
  // A state's JSON does not record provider aliases: where an aliased tier's group and rules land cannot be told.
  const aliased = presentTiers(spec.estate).filter((t) => (t.enforcement as { readonly provider?: string }).provider !== undefined).map((t) => t.key);
  const blind = doc.instances.find((i) => i.provider.aliasUnknown && i.provider.source === 'hashicorp/aws');
  if (aliased.length > 0 && blind) {
    unresolved(blind.address, `the input does not say which provider configuration its resources are managed with (a state's JSON records none), and the spec puts ${aliased.join(', ')} under another configuration: which groups are the estate's cannot be told`, blind.offset);
  }
  problems.push(...awsUnmodeledProblems(doc, index, { groups: known, vpc: specValue(awsSettings(spec).vpcId) }));
  for (const p of doc.problems) problems.push({ kind: p.kind, element: p.element, message: p.message, offset: p.offset });
  return {
    rules: read.rules.filter((r) => known.has(r.group)), groupOf, owned, missing, problems, removed: read.removed,
    library: libraryRules(spec, groupOf, read.rules, context.libraryAddresses),
  };
}
