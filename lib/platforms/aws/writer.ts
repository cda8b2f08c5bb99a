import type { ResolvedInput } from '../../input/resolved';
import { providerReference, TfElement, TfOutputElement, tfRef, TfValue } from '../../terraform/elements';
import { plainKey } from '../../terraform/module-document';
import type { TfProviderBlock } from '../../terraform/stack-document';
import { AwsPlan, PlannedAwsRule } from './planner';
import { awsSettings } from './settings';

/** Terraform resource types the AWS writer uses. */
export const AWS_RESOURCE_TYPES = {
  group: 'aws_security_group',
  ingress: 'aws_vpc_security_group_ingress_rule',
  egress: 'aws_vpc_security_group_egress_rule',
} as const;

/**
 * The aws provider the CLI and `AdcsProvider` declare: `~> 6.0`, the provider versions the
 * resource arguments are written for (the exact version stays the user's); no settings.
 */
export const AWS_PROVIDER: TfProviderBlock = { name: 'aws', config: {}, source: 'aws', version: '~> 6.0' };

/**
 * The aws configurations the CLI declares: the default one in the spec's region, then each named
 * configuration of `aws.providers` with its alias, region, profile and role to assume.
 */
export function awsProviders(spec: ResolvedInput): TfProviderBlock[] {
  const { region, providers } = awsSettings(spec);
  return [{ ...AWS_PROVIDER, config: region ? { region } : {} }, ...Object.keys(providers).sort().map((alias): TfProviderBlock => {
    const c = providers[alias];
    const role = c.assumeRoleArn === undefined ? undefined
      : [{ role_arn: c.assumeRoleArn, session_name: c.assumeRoleSessionName, external_id: c.assumeRoleExternalId }];
    return { ...AWS_PROVIDER, alias, config: { region: c.region, profile: c.profile, assume_role: role } };
  })];
}

/**
 * The AWS plan as Terraform elements: created groups as `aws_security_group` without inline
 * rules (Terraform then removes AWS's default egress), every rule one
 * `aws_vpc_security_group_ingress_rule` or `…_egress_rule` with one peer, one output per created
 * group. Construct ids are the plan's content-derived ids.
 */
export function awsElements(plan: AwsPlan, spec: ResolvedInput): TfElement[] {
  const tags = awsSettings(spec).tags;
  const out: TfElement[] = [];
  const groupIds = new Map<string, TfValue>();
  // A group and every rule written to it live under the group's provider configuration.
  const providers = new Map(plan.groups.map((g) => [g.key, providerReference(AWS_PROVIDER.name, g.provider)]));
  for (const g of plan.groups) {
    if (g.kind === 'created') {
      out.push({
        kind: 'resource', type: AWS_RESOURCE_TYPES.group, path: [g.id], ...providers.get(g.key),
        attributes: { name: g.name, description: g.description, vpc_id: g.vpcId, tags: sorted(g.tags) },
      });
      groupIds.set(g.key, tfRef([g.id], 'id'));
    } else {
      groupIds.set(g.key, g.securityGroupId);
    }
  }
  for (const r of plan.rules) {
    out.push({
      kind: 'resource', type: r.direction === 'ingress' ? AWS_RESOURCE_TYPES.ingress : AWS_RESOURCE_TYPES.egress, path: [r.id], ...providers.get(r.groupKey),
      attributes: ruleAttributes(r, groupIds, tags),
    });
  }
  for (const o of plan.outputs) {
    out.push({ kind: 'output', path: [o.id], value: groupIds.get(o.groupKey)!, description: o.description });
  }
  return out;
}

/** The arguments of a planned rule (ingress and egress rules share one shape). */
function ruleAttributes(r: PlannedAwsRule, groupIds: ReadonlyMap<string, TfValue>, tags: Readonly<Record<string, string>>): Record<string, TfValue | undefined> {
  return {
    security_group_id: groupIds.get(r.groupKey)!,
    description: r.description,
    ip_protocol: r.protocol === 'all' ? '-1' : r.protocol,
    ...(r.protocol === 'all' ? {} : { from_port: r.fromPort, to_port: r.toPort }),
    ...(r.peer.kind === 'cidr' ? { cidr_ipv4: r.peer.cidr } : { referenced_security_group_id: groupIds.get(r.peer.groupKey)! }),
    ...(Object.keys(tags).length > 0 ? { tags: sorted(tags) } : {}),
  };
}

/** A copy of `tags` with keys in sorted order (the output never follows input order). */
function sorted(tags: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(tags).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The outputs of an AWS estate's module: the security group id of every tier that has a group
 * (created or existing), by tier, and every rule's id by its construct id (content-derived:
 * `<group>-<in|out>-<peer>-<protocol>-<ports>`).
 */
export function awsModuleOutputs(plan: AwsPlan): TfOutputElement[] {
  const byKey = new Map(plan.groups.map((g) => [g.key, g]));
  const groups: Record<string, TfValue> = {};
  for (const [tier, g] of Object.entries(plan.byTier)) {
    const group = byKey.get(g!.key)!;
    groups[tier] = group.kind === 'created' ? tfRef([group.id], 'id') : group.securityGroupId;
  }
  const rules: Record<string, TfValue> = Object.fromEntries(plan.rules.map((r) => [plainKey(r.id), tfRef([r.id], 'id')]));
  return [
    { kind: 'output', path: ['security_group_ids'], value: groups, description: 'The security group of every tier that has one, by tier: attach the created ones to the tier\'s instances' },
    { kind: 'output', path: ['security_group_rule_ids'], value: rules, description: 'The ids of the security group rules the module writes, by rule (<group>-<in|out>-<peer>-<protocol>-<ports>)' },
  ];
}
