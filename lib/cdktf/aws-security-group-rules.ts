import type { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import type { VpcSecurityGroupEgressRule, VpcSecurityGroupEgressRuleConfig } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import type { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Annotations, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { Messages } from '../errors';
import { Flow } from '../model/flows';
import { TierKey } from '../model/tiers';
import { DEFAULT_AWS_RULE_QUOTA, ResolvedSpec } from '../input/resolved';
import { AwsPlan, planAws, PlannedAwsRule } from '../platforms/aws/planner';
import { sharedGroupClashes } from '../platforms/aws/shared-groups';
import { StackRegistry } from './stack-registry';

/** Props of AwsSecurityGroupRules. */
export interface AwsSecurityGroupRulesProps {
  /** The validated estate, platform aws. */
  readonly spec: ResolvedSpec;
  /** The estate's flows. */
  readonly flows: readonly Flow[];
  /**
   * The plan, when the caller made it already.
   * @default - planned from spec and flows
   */
  readonly plan?: AwsPlan;
}

const REGISTRY = new StackRegistry<AwsSecurityGroupRules>();

/**
 * The AWS security groups and rules of an estate: a thin loop over `planAws`. Created groups
 * are `aws_security_group` without inline rules (Terraform then removes AWS's default egress);
 * every rule is one `aws_vpc_security_group_ingress_rule` or `…_egress_rule` with one peer.
 * Construct ids are the plan's content-derived ids. Throws AdcsInputError (nothing is added)
 * when a group would exceed `aws.ruleQuota` or a created group's name is not accepted.
 */
export class AwsSecurityGroupRules extends Construct {
  /** What was rendered: groups, rules, counts, outputs, warnings. */
  public readonly plan: AwsPlan;
  /** The groups the library created, by tier. */
  public readonly securityGroups: Readonly<Partial<Record<TierKey, SecurityGroup>>>;
  /** The security group id of every tier that has a group: a token for created ones, the given id for existing ones. */
  public readonly securityGroupIds: Readonly<Partial<Record<TierKey, string>>>;
  /** The rules, by construct id. */
  public readonly rules: Readonly<Record<string, VpcSecurityGroupIngressRule | VpcSecurityGroupEgressRule>>;
  private readonly quota: number;

  constructor(scope: Construct, id: string, props: AwsSecurityGroupRulesProps) {
    super(scope, id);
    // Loaded on use: the provider is an optional peer dependency, and Azure users need not have it.
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { SecurityGroup } = require('@cdktf/provider-aws/lib/security-group') as typeof import('@cdktf/provider-aws/lib/security-group');
    const { VpcSecurityGroupEgressRule } = require('@cdktf/provider-aws/lib/vpc-security-group-egress-rule') as typeof import('@cdktf/provider-aws/lib/vpc-security-group-egress-rule');
    const { VpcSecurityGroupIngressRule } = require('@cdktf/provider-aws/lib/vpc-security-group-ingress-rule') as typeof import('@cdktf/provider-aws/lib/vpc-security-group-ingress-rule');
    /* eslint-enable @typescript-eslint/no-require-imports */
    this.plan = props.plan ?? planAws(props.spec, props.flows, `AwsSecurityGroupRules ${this.node.path}`);
    const tags = props.spec.aws?.tags ?? {};
    const groupIds = new Map<string, string>();
    const securityGroups: Partial<Record<TierKey, SecurityGroup>> = {};
    for (const g of this.plan.groups) {
      if (g.kind === 'created') {
        const sg = new SecurityGroup(this, g.id, { name: g.name, description: g.description, vpcId: g.vpcId, tags: sorted(g.tags) });
        securityGroups[g.tiers[0]] = sg;
        groupIds.set(g.key, sg.id);
      } else {
        groupIds.set(g.key, g.securityGroupId);
      }
    }
    const rules: Record<string, VpcSecurityGroupIngressRule | VpcSecurityGroupEgressRule> = {};
    for (const r of this.plan.rules) {
      const config = ruleConfig(r, groupIds, tags);
      rules[r.id] = r.direction === 'ingress' ? new VpcSecurityGroupIngressRule(this, r.id, config) : new VpcSecurityGroupEgressRule(this, r.id, config);
    }
    for (const o of this.plan.outputs) {
      new TerraformOutput(this, o.id, { value: groupIds.get(o.groupKey)!, description: o.description });
    }
    for (const w of this.plan.warnings) Annotations.of(this).addWarning(Messages.warning(w.path, w.message));
    this.securityGroups = securityGroups;
    this.securityGroupIds = Object.fromEntries(
      Object.entries(this.plan.byTier).map(([tier, g]) => [tier, groupIds.get(g!.key)!]),
    ) as Partial<Record<TierKey, string>>;
    this.rules = rules;
    this.quota = props.spec.aws?.ruleQuota ?? DEFAULT_AWS_RULE_QUOTA;
    REGISTRY.add(TerraformStack.of(this), this);
    this.node.addValidation({ validate: () => this.sharedGroupClashes() });
  }

  /** Whole-stack check, reported once by the first AwsSecurityGroupRules of the stack in path order. */
  private sharedGroupClashes(): string[] {
    const all = REGISTRY.of(TerraformStack.of(this));
    if (all.length < 2 || all[0] !== this) return [];
    return sharedGroupClashes(all.map((c) => ({ path: c.node.path, plan: c.plan, quota: c.quota })));
  }
}

/** The resource config of a planned rule (ingress and egress rules share one shape). */
function ruleConfig(r: PlannedAwsRule, groupIds: ReadonlyMap<string, string>, tags: Readonly<Record<string, string>>): VpcSecurityGroupEgressRuleConfig {
  return {
    securityGroupId: groupIds.get(r.groupKey)!,
    description: r.description,
    ipProtocol: r.protocol === 'all' ? '-1' : r.protocol,
    ...(r.protocol === 'all' ? {} : { fromPort: r.fromPort, toPort: r.toPort }),
    ...(r.peer.kind === 'cidr' ? { cidrIpv4: r.peer.cidr } : { referencedSecurityGroupId: groupIds.get(r.peer.groupKey)! }),
    ...(Object.keys(tags).length > 0 ? { tags: sorted(tags) } : {}),
  };
}

/** A copy of `tags` with keys in sorted order (the output never follows input order). */
function sorted(tags: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(tags).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
