import { rulesOf } from '../../findings/rule';
import type { PlatformInput } from '../../input/platform-input';
import { AwsMessages } from './messages';
import { Platform } from '../../model/options';
import { AWS_SCHEMA } from './schema';
import { AWS_TIER_KEYS, awsEnforcementKeys, awsProviderAliases, resolveAwsEnforcement, resolveAwsSettings } from './settings';

/** AWS's spec keys: the `aws` block, the tiers' security group keys and its schema. */
export const AWS_INPUT: PlatformInput = {
  platform: Platform.AWS,
  owner: 'AWS',
  settingsExample: 'aws: { vpcId }',
  tierKeys: AWS_TIER_KEYS,
  enforcementKeys: ['createSecurityGroup: true', 'securityGroupId'],
  enforcementKeysOf: awsEnforcementKeys,
  enforcement: resolveAwsEnforcement,
  checkTiers: () => undefined,
  resolveSettings: resolveAwsSettings,
  warnings: () => [],
  schema: AWS_SCHEMA,
  valueCheckedPaths: [/^\/tiers\/[^/]+\/securityGroupId$/, /^\/aws\/(vpcId|ruleQuota)$/, /^\/aws\/providers\/[^/]+\/assumeRoleArn$/],
  referencePaths: [/^tiers\.[A-Za-z]+\.securityGroupId$/, /^aws\.vpcId$/],
  referenceKeys: ['securityGroupId', 'aws.vpcId'],
  passThroughPaths: [/^aws\.tags\..+$/, /^aws\.region$/],
  rules: rulesOf(AwsMessages),
  providersKey: 'aws.providers',
  providerAliases: awsProviderAliases,
};
