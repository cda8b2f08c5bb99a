import { Construct } from 'constructs';
import { Flow } from '../model/flows';
import { ResolvedSpec } from '../spec/resolved';

/** Props of AwsSecurityGroupRules. */
export interface AwsSecurityGroupRulesProps {
  /** The validated estate, platform aws. */
  readonly spec: ResolvedSpec;
  /** The estate's flows. */
  readonly flows: readonly Flow[];
}

/** The AWS security groups and rules of an estate (placeholder until the AWS renderer lands). */
export class AwsSecurityGroupRules extends Construct {
  constructor(scope: Construct, id: string, props: AwsSecurityGroupRulesProps) {
    super(scope, id);
    void props;
    throw new Error('AWS rendering is not implemented yet');
  }
}
