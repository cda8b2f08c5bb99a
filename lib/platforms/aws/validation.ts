import type { TfInstance } from '../../terraform/document';
import type { InvalidValue } from '../validation';
import { invalidValuesOf, ruleLines } from '../validation-engine';
import { AWS_ROWS, AWS_SCHEMAS } from './validation-rules';

/**
 * Values of aws instances that Terraform, the AWS provider or the EC2 API would reject (issue
 * 19, principle 4): security groups and their inline rules, the legacy and the VPC rule
 * resources, network interface attachments, managed prefix lists and their entries. Instances
 * of a configuration or a plan are judged; a state's are facts. Sorted by element, then attribute.
 */
export function awsInvalidValues(instances: readonly TfInstance[]): InvalidValue[] {
  return invalidValuesOf(instances, AWS_SCHEMAS, AWS_ROWS);
}

/** Every rule `awsInvalidValues` applies, one line each: `- <type>.<attribute>: <rule> (<source>)`. */
export function awsRuleLines(): string[] {
  return ruleLines(AWS_SCHEMAS, AWS_ROWS);
}
