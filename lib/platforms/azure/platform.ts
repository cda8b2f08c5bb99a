import { Platform } from '../../model/options';
import type { PlatformModule } from '../platform';
import { AZURE_INPUT } from './input';
import { AZURE_LIVE } from './live';
import { AzurePlan, planAzureRules } from './planner';
import { sharedNsgClashes } from './shared-nsgs';
import { AZURERM_PROVIDER, azureElements, azureModuleOutputs, azurermProviders } from './writer';

/** Azure network security groups: spec keys, planner, writer, provider block, evaluator and stack checks. */
export const AZURE_PLATFORM: PlatformModule<AzurePlan> = {
  platform: Platform.AZURE,
  input: AZURE_INPUT,
  constructId: 'azure',
  resourceProvider: { providerName: AZURERM_PROVIDER.name, providerVersionConstraint: AZURERM_PROVIDER.version },
  plan: planAzureRules,
  elements: (plan) => azureElements(plan),
  providers: azurermProviders,
  providerDefaults: AZURERM_PROVIDER,
  registrySource: 'hashicorp/azurerm',
  moduleOutputs: (plan) => azureModuleOutputs(plan),
  evaluator: (doc, spec, context) => {
    // Loaded on use: matrix, validate and synth never evaluate.
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { AzureEvaluator } = require('./evaluator') as typeof import('./evaluator');
    const { readAzureTerraform } = require('./reader') as typeof import('./reader');
    const { withAuthors } = require('./ownership') as typeof import('./ownership');
    /* eslint-enable @typescript-eslint/no-require-imports */
    return new AzureEvaluator(withAuthors(readAzureTerraform(doc, spec), spec, context.libraryAddresses), spec);
  },
  invalidValues: (instances) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { azureInvalidValues } = require('./validation') as typeof import('./validation');
    return azureInvalidValues(instances);
  },
  stackClashes: (owners) => sharedNsgClashes(owners),
  live: AZURE_LIVE,
};
