import { evaluatorFor } from '../../../../lib/check/check';
import type { ResolvedInput } from '../../../../lib/input/resolved';
import { AwsEvaluator } from '../../../../lib/platforms/aws/evaluator';

/** The AWS evaluator of Terraform JSON (a cdk.tf.json or terraform show -json, parsed) for an estate, read as check reads it. */
export function awsEvaluator(plan: unknown, spec: ResolvedInput): AwsEvaluator {
  return evaluatorFor(plan, spec) as AwsEvaluator;
}
