import type { PlatformLive } from '../live';
import type { AzurePlan } from './planner';
import { AZ_COMMANDS, azNearMiss, recogniseAz } from './exports/shapes';

/** Azure's readers of `az network` exports: recognised by shape, read into the evaluator's network, compared with the plan. */
export const AZURE_LIVE: PlatformLive<AzurePlan> = {
  commands: [AZ_COMMANDS.nsgList, AZ_COMMANDS.nsgShow, AZ_COMMANDS.vnetList, AZ_COMMANDS.subnetList, AZ_COMMANDS.nicList, AZ_COMMANDS.effective],
  recognise: recogniseAz,
  nearMiss: azNearMiss,
  evaluator: (exports, spec) => {
    // Loaded on use: only audit and explain read exports.
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { AzureEvaluator } = require('./evaluator') as typeof import('./evaluator');
    const { readAzureExports } = require('./exports/live-network') as typeof import('./exports/live-network');
    const { withAuthors } = require('./ownership') as typeof import('./ownership');
    /* eslint-enable @typescript-eslint/no-require-imports */
    return new AzureEvaluator(withAuthors(readAzureExports(exports, spec), spec), spec);
  },
  adopt: (exports, spec, plan) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { adoptAzure } = require('./exports/adopt') as typeof import('./exports/adopt');
    return adoptAzure(exports, spec, plan);
  },
};
