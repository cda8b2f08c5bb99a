import { isObject } from '../../../util/json';

/**
 * The `aws ec2` exports `audit` reads, recognised by their shape as `aws ... --output json`
 * prints them: the operation's result with its result key (pages merged), a top-level
 * `NextToken` only when the listing was cut.
 */

/** The commands, as messages name them, by result key. */
export const AWS_COMMANDS = {
  SecurityGroups: 'aws ec2 describe-security-groups',
  SecurityGroupRules: 'aws ec2 describe-security-group-rules',
  NetworkInterfaces: 'aws ec2 describe-network-interfaces',
  NetworkAcls: 'aws ec2 describe-network-acls',
} as const;

/** The members an item of each result must have (botocore's member names). */
const REQUIRED: Readonly<Record<keyof typeof AWS_COMMANDS, readonly string[]>> = {
  SecurityGroups: ['GroupId', 'IpPermissions', 'IpPermissionsEgress'],
  SecurityGroupRules: ['SecurityGroupRuleId', 'GroupId', 'IsEgress', 'IpProtocol'],
  NetworkInterfaces: ['NetworkInterfaceId', 'Groups'],
  NetworkAcls: ['NetworkAclId', 'Entries', 'Associations'],
};

/** The result key of an export, when the JSON is one. */
export function resultKeyOf(value: unknown): keyof typeof AWS_COMMANDS | undefined {
  if (!isObject(value)) return undefined;
  const keys = (Object.keys(AWS_COMMANDS) as (keyof typeof AWS_COMMANDS)[]).filter((k) => Array.isArray(value[k]));
  if (keys.length !== 1) return undefined;
  const k = keys[0];
  return (value[k] as unknown[]).every((x) => isObject(x) && REQUIRED[k].every((m) => m in x)) ? k : undefined;
}

/** The command that prints this JSON, when it is one of the exports `audit` reads. */
export function recogniseAws(value: unknown): string | undefined {
  const k = resultKeyOf(value);
  return k === undefined ? undefined : AWS_COMMANDS[k];
}

/** Why JSON that looks like an EC2 result is not one of the exports, when it does. */
export function awsNearMiss(value: unknown): string | undefined {
  if (isObject(value) && Array.isArray(value.Reservations)) return 'the output of aws ec2 describe-instances, which holds no rules (give describe-network-interfaces for the instances\' addresses and groups)';
  const items = Array.isArray(value) ? value : isObject(value) ? Object.values(value).find(Array.isArray) ?? [] : [];
  if (items.length > 0 && items.every((x: unknown) => isObject(x) && Object.keys(x).some((k) => /^(GroupId|ID|NetworkInterfaceId|NetworkAclId)$/.test(k)))) {
    return 'EC2 objects without the members an export has (a --query projection?)';
  }
  if (Array.isArray(value) && value.length > 0 && value.every((x) => typeof x === 'string' && /^(sg|sgr|eni|acl)-/.test(x))) return 'a list of ids (a --query projection), with no rules';
  return undefined;
}
