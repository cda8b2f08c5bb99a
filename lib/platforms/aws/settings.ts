import { Messages, problem } from '../../errors';
import { PROVIDER_ALIAS } from '../../input/schema-parts';
import type { InputContext } from '../../input/platform-input';
import type { EstateProps, TierProps } from '../../input/props';
import type { ResolvedInput } from '../../input/resolved';
import { Enforcement, EstateTier, NO_ENFORCEMENT } from '../../model/estate';
import { isTerraformExpression } from '../../terraform/expression';
import { AwsMessages } from './messages';
import { ROLE_ARN, SECURITY_GROUP_ID, VPC_ID } from './schema';

/** An AWS estate's settings block, validated, defaults filled in. */
export interface AwsSettings {
  /** VPC of created groups. */
  readonly vpcId: string;
  /** Provider region, when given. */
  readonly region?: string;
  /** Rules per group and direction. */
  readonly ruleQuota: number;
  /** Created groups get an allow-all egress rule. */
  readonly allowAllEgress: boolean;
  /** Tags on created groups and rules. */
  readonly tags: Readonly<Record<string, string>>;
  /** Named configurations of the aws provider, by alias (what `synth` declares; empty in the constructs' estates). */
  readonly providers: Readonly<Record<string, AwsProviderConfiguration>>;
}

/** One named configuration of the aws provider. */
export interface AwsProviderConfiguration {
  /** Its region, when given. */
  readonly region?: string;
  /** The role it assumes, when given. */
  readonly assumeRoleArn?: string;
  /** The assumed role's session name, when given. */
  readonly assumeRoleSessionName?: string;
  /** The external id the role's trust policy asks for, when given. */
  readonly assumeRoleExternalId?: string;
  /** A named profile, when given. */
  readonly profile?: string;
}

/** A tier for which the library creates a security group in the estate's VPC. */
export interface AwsCreateGroup extends Enforcement {
  readonly kind: 'awsCreateGroup';
  /** The group's name, when given. */
  readonly groupName?: string;
}

/** A tier whose rules the library adds to a security group that exists already. */
export interface AwsExistingGroup extends Enforcement {
  readonly kind: 'awsExistingGroup';
  /** The group's id (`sg-…`, or a Terraform expression). */
  readonly securityGroupId: string;
}

/** Where an AWS tier's rules are enforced. */
export type AwsEnforcement = AwsCreateGroup | AwsExistingGroup | { readonly kind: 'none' };

/** Default rules per group and direction. */
export const DEFAULT_AWS_RULE_QUOTA = 60;
/** AWS's ceiling of rules per group and direction. */
export const MAX_AWS_RULE_QUOTA = 1000;

/** The tier keys that make a tier's AWS enforcement point. */
export const AWS_TIER_KEYS = ['createSecurityGroup', 'securityGroupName', 'securityGroupId'] as const;

const AWS_SECURITY_GROUP_ID = new RegExp(`^${SECURITY_GROUP_ID}$`);
const AWS_VPC_ID = new RegExp(`^${VPC_ID}$`);
const AWS_ROLE_ARN = new RegExp(`^${ROLE_ARN}$`);
const PROVIDER_ALIAS_NAME = new RegExp(`^${PROVIDER_ALIAS}$`);

/** An existing security group: an `sg-…` id, or a Terraform expression such as `${aws_security_group.web.id}` (a token resolved). */
export function isSecurityGroupId(value: string): boolean {
  return isTerraformExpression(value) || AWS_SECURITY_GROUP_ID.test(value);
}

/** The AWS settings of a resolved AWS estate. */
export function awsSettings(spec: ResolvedInput): AwsSettings {
  if (spec.settings === undefined) throw new Error(`internal: estate ${spec.estate.name} has no AWS settings`);
  return spec.settings as AwsSettings;
}

/** An AWS estate's tier's enforcement point. */
export function awsEnforcement(tier: EstateTier): AwsEnforcement {
  return tier.enforcement as AwsEnforcement;
}

/** Validates the `aws` block and fills in its defaults. */
export function resolveAwsSettings(p: EstateProps, ctx: InputContext): AwsSettings {
  const a = p.aws!;
  if (!isTerraformExpression(a.vpcId) && !AWS_VPC_ID.test(a.vpcId)) ctx.problems.push(problem('aws.vpcId', AwsMessages.vpcIdMalformed(a.vpcId)));
  if (a.ruleQuota !== undefined && (a.ruleQuota < 1 || a.ruleQuota > MAX_AWS_RULE_QUOTA)) {
    ctx.problems.push(problem('aws.ruleQuota', AwsMessages.ruleQuotaBounds(a.ruleQuota)));
  }
  return {
    vpcId: a.vpcId, region: a.region, ruleQuota: a.ruleQuota ?? DEFAULT_AWS_RULE_QUOTA, allowAllEgress: a.allowAllEgress ?? false, tags: a.tags ?? {},
    providers: awsProviders(a.providers ?? {}, ctx),
  };
}

/** The named provider configurations: aliases are Terraform names, literal role ARNs IAM role ARNs. */
function awsProviders(given: Readonly<Record<string, AwsProviderConfiguration>>, ctx: InputContext): Record<string, AwsProviderConfiguration> {
  const out: Record<string, AwsProviderConfiguration> = {};
  for (const alias of Object.keys(given).sort()) {
    const at = `aws.providers.${alias}`;
    if (!PROVIDER_ALIAS_NAME.test(alias)) ctx.problems.push(problem(at, Messages.providerAliasInvalid(alias)));
    const c = given[alias] ?? {};
    if (c.assumeRoleArn !== undefined && !isTerraformExpression(c.assumeRoleArn) && !AWS_ROLE_ARN.test(c.assumeRoleArn)) {
      ctx.problems.push(problem(`${at}.assumeRoleArn`, AwsMessages.roleArnMalformed(c.assumeRoleArn)));
    }
    out[alias] = Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)) as AwsProviderConfiguration;
  }
  return out;
}

/** The aliases an AWS estate's settings declare. */
export function awsProviderAliases(settings: unknown): readonly string[] {
  return Object.keys((settings as AwsSettings).providers).sort();
}

/** The AWS enforcement keys a tier gives (`createSecurityGroup` when true). */
export function awsEnforcementKeys(t: TierProps): string[] {
  return [...(t.securityGroupId !== undefined ? ['securityGroupId'] : []), ...(t.createSecurityGroup === true ? ['createSecurityGroup'] : [])];
}

/** A tier's AWS enforcement point: a created group, an existing group, or none. */
export function resolveAwsEnforcement(at: string, t: TierProps, ctx: InputContext): Enforcement {
  if (t.securityGroupName !== undefined && t.createSecurityGroup !== true) {
    ctx.problems.push(problem(`${at}.securityGroupName`, AwsMessages.securityGroupNameWithoutCreate()));
  }
  if (t.securityGroupId !== undefined) {
    if (!isSecurityGroupId(t.securityGroupId)) ctx.problems.push(problem(`${at}.securityGroupId`, AwsMessages.securityGroupIdMalformed(t.securityGroupId)));
    return { kind: 'awsExistingGroup', securityGroupId: t.securityGroupId } as AwsExistingGroup;
  }
  if (t.createSecurityGroup) return { kind: 'awsCreateGroup', groupName: t.securityGroupName } as AwsCreateGroup;
  return NO_ENFORCEMENT;
}
