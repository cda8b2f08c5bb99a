import { Construct } from 'constructs';
import { Flow } from '../model/flows';
import { ResolvedSpec } from '../spec/resolved';

/** Props of AzureNsgRules. */
export interface AzureNsgRulesProps {
  /** The validated estate, platform azure. */
  readonly spec: ResolvedSpec;
  /** The estate's flows. */
  readonly flows: readonly Flow[];
}

/** The Azure NSGs and rules of an estate. */
export class AzureNsgRules extends Construct {
  constructor(scope: Construct, id: string, props: AzureNsgRulesProps) {
    super(scope, id);
    void props;
    throw new Error('Azure rendering is not implemented yet');
  }
}
