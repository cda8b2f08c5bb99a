import { Platform } from '../../model/options';
import type { PlatformModule } from '../platform';
import { AWS_INPUT } from './input';
import { AWS_LIVE } from './live';
import { AwsPlan, planAwsRules } from './planner';
import { awsSettings } from './settings';
import { sharedGroupClashes } from './shared-groups';
import { AWS_PROVIDER, awsElements, awsModuleOutputs, awsProviders } from './writer';

/** AWS security groups: spec keys, planner, writer, provider block, evaluator and stack checks. */
export const AWS_PLATFORM: PlatformModule<AwsPlan> = {
  platform: Platform.AWS,
  input: AWS_INPUT,
  constructId: 'aws',
  resourceProvider: { providerName: AWS_PROVIDER.name, providerVersionConstraint: AWS_PROVIDER.version },
  plan: planAwsRules,
  elements: awsElements,
  providers: awsProviders,
  providerDefaults: AWS_PROVIDER,
  registrySource: 'hashicorp/aws',
  moduleOutputs: (plan) => awsModuleOutputs(plan),
  evaluator: (doc, spec, context) => {
    // Loaded on use: matrix, validate and synth never evaluate.
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { AwsEvaluator } = require('./evaluator') as typeof import('./evaluator');
    const { readAwsTerraform } = require('./network') as typeof import('./network');
    /* eslint-enable @typescript-eslint/no-require-imports */
    return new AwsEvaluator(readAwsTerraform(doc, spec, context), spec);
  },
  invalidValues: (instances) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { awsInvalidValues } = require('./validation') as typeof import('./validation');
    return awsInvalidValues(instances);
  },
  stackClashes: (owners) => (owners.length < 2 ? []
    : sharedGroupClashes(owners.map((o) => ({ path: o.path, plan: o.plan, quota: awsSettings(o.spec).ruleQuota })))),
  live: AWS_LIVE,
};
