import type { PlatformLive } from '../live';
import type { AwsPlan } from './planner';
import { AWS_COMMANDS, awsNearMiss, recogniseAws } from './exports/shapes';

/** AWS's readers of `aws ec2` exports: recognised by shape, read into the evaluator's network, compared with the plan. */
export const AWS_LIVE: PlatformLive<AwsPlan> = {
  commands: Object.values(AWS_COMMANDS),
  recognise: recogniseAws,
  nearMiss: awsNearMiss,
  evaluator: (exports, spec) => {
    // Loaded on use: only audit and explain read exports.
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { AwsEvaluator } = require('./evaluator') as typeof import('./evaluator');
    const { readAwsExports } = require('./exports/live-network') as typeof import('./exports/live-network');
    /* eslint-enable @typescript-eslint/no-require-imports */
    return new AwsEvaluator(readAwsExports(exports, spec), spec);
  },
  adopt: (exports, spec, plan) => (require('./exports/adopt') as typeof import('./exports/adopt')).adoptAws(exports, spec, plan), // eslint-disable-line @typescript-eslint/no-require-imports
};
