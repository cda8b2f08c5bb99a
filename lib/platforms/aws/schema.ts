import type { PlatformSchema } from '../../input/platform-input';
import { bool, has, is, orExpression, pattern, str, tags } from '../../input/schema-parts';

/** Security group ids. */
export const SECURITY_GROUP_ID = 'sg-[0-9a-f]{8,17}';
/** VPC ids. */
export const VPC_ID = 'vpc-[0-9a-f]{1,17}';
/** IAM role ARNs (any partition). */
export const ROLE_ARN = 'arn:aws[a-z-]*:iam::[0-9]{12}:role/[\\w+=,.@/-]{1,512}';

/** AWS's part of the spec's JSON Schema: the `aws` block and the tiers' security group keys. */
export const AWS_SCHEMA: PlatformSchema = {
  settings: {
    type: 'object',
    additionalProperties: false,
    required: ['vpcId'],
    properties: {
      vpcId: pattern(orExpression(VPC_ID), 'VPC of created security groups.'),
      region: str('Region of the aws provider.'),
      ruleQuota: { type: 'integer', minimum: 1, maximum: 1000, description: 'Rules per group and direction (default 60).' },
      allowAllEgress: bool('Created groups get an allow-all egress rule (default false).'),
      tags,
      providers: {
        type: 'object',
        description: 'Named configurations of the aws provider (alias: settings) that synth declares; a tier (or the estate) names one in "provider".',
        additionalProperties: {
          type: 'object',
          additionalProperties: false,
          properties: {
            region: str('Its region.'),
            assumeRoleArn: pattern(orExpression(ROLE_ARN), 'A role to assume in another account (arn:aws:iam::<account>:role/<name>).'),
            assumeRoleSessionName: str('The assumed role\'s session name.'),
            assumeRoleExternalId: str('The external id the role\'s trust policy asks for.'),
            profile: str('A named profile of the shared credentials file.'),
          },
        },
      },
    },
  },
  tierProperties: {
    createSecurityGroup: bool('AWS: create a security group for the tier in aws.vpcId.'),
    securityGroupName: str('AWS: name of the created security group.'),
    securityGroupId: pattern(orExpression(SECURITY_GROUP_ID), 'AWS: add rules to this existing security group (sg-...).'),
  },
  enforcementPoints: [has('securityGroupId'), is('createSecurityGroup', true)],
  // securityGroupName names a created group.
  tierRules: [{ type: 'object', if: has('securityGroupName'), then: is('createSecurityGroup', true) }],
};
