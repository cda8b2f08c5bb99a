import { Construct } from 'constructs';
import { PlatformRulesProps, renderPlatform } from '../framework/render';
import { TierKey } from '../model/tiers';
import { awsConstructAttributes } from '../platforms/aws/construct';
import { AWS_PLATFORM } from '../platforms/aws/platform';
import { AwsPlan } from '../platforms/aws/planner';
import { AdcsResource, CDKTF } from './resource';

/** Props of AwsSecurityGroupRules: the resolved estate and its AWS plan. */
export interface AwsSecurityGroupRulesProps extends PlatformRulesProps<AwsPlan> {}

/**
 * The AWS security groups and rules of an estate: one resource per planned item. Created groups
 * are `aws_security_group` without inline rules (Terraform then removes AWS's default egress);
 * every rule is one `aws_vpc_security_group_ingress_rule` or `…_egress_rule` with one peer.
 * Construct ids are the plan's content-derived ids.
 */
export class AwsSecurityGroupRules extends Construct {
  /** What was rendered: groups, rules, counts, outputs, warnings. */
  public readonly plan: AwsPlan;
  /** The groups the library created, by tier. */
  public readonly securityGroups: Readonly<Partial<Record<TierKey, AdcsResource>>>;
  /** The security group id of every tier that has a group: a token for created ones, the given id for existing ones. */
  public readonly securityGroupIds: Readonly<Partial<Record<TierKey, string>>>;
  /** The rules, by construct id. */
  public readonly rules: Readonly<Record<string, AdcsResource>>;

  constructor(scope: Construct, id: string, props: AwsSecurityGroupRulesProps) {
    super(scope, id);
    this.plan = props.plan;
    const { made, restore } = renderPlatform(CDKTF, this, AWS_PLATFORM, props);
    const a = awsConstructAttributes(props.plan, made as ReadonlyMap<string, AdcsResource>, restore);
    this.securityGroups = a.securityGroups;
    this.securityGroupIds = a.securityGroupIds;
    this.rules = a.rules;
  }
}
