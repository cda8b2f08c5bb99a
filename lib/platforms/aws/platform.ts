import { Platform } from '../../model/options';
import type { PlatformModule } from '../platform';
import { AWS_SETTINGS } from './settings';
import { AwsPlan, planAwsRules } from './planner';
import { AWS_PROVIDER, awsElements, awsProvider } from './writer';

/** AWS security groups: planner, writer, provider block and evaluator. */
export const AWS_PLATFORM: PlatformModule<AwsPlan> = {
  platform: Platform.AWS,
  settings: AWS_SETTINGS,
  constructId: 'aws',
  resourceProvider: { providerName: 'aws', providerVersionConstraint: '~> 6.0' },
  plan: planAwsRules,
  elements: awsElements,
  provider: awsProvider,
  providerDefaults: AWS_PROVIDER,
  evaluator: (terraformJson, spec) => {
    // Loaded on use: matrix, validate and synth never evaluate.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { AwsEvaluator } = require('./evaluator') as typeof import('./evaluator');
    return new AwsEvaluator(terraformJson, spec);
  },
};
