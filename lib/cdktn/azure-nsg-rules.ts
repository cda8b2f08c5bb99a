import { Construct } from 'constructs';
import { AzureNsgRulesProps, renderAzure } from '../framework/render';
import { AzurePlan } from '../platforms/azure/planner';
import { AdcsResource, CDKTN } from './resource';

export type { AzureNsgRulesProps };

/**
 * The Azure NSGs, rules and subnet associations of an estate: one resource per planned item.
 * Rules are always separate `azurerm_network_security_rule` resources (never inline blocks),
 * so they can share an NSG with rules written elsewhere.
 */
export class AzureNsgRules extends Construct {
  /** The plan the resources were made from. */
  public readonly plan: AzurePlan;
  /** NSGs the library created, by NSG key (their name). */
  public readonly networkSecurityGroups: Readonly<Record<string, AdcsResource>>;

  constructor(scope: Construct, id: string, props: AzureNsgRulesProps) {
    super(scope, id);
    this.plan = props.plan;
    this.networkSecurityGroups = renderAzure(CDKTN, this, props) as Record<string, AdcsResource>;
  }
}
