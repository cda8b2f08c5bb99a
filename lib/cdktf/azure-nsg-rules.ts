import { Construct } from 'constructs';
import { PlatformRulesProps, renderPlatform } from '../framework/render';
import { createdNsgs } from '../platforms/azure/construct';
import { AZURE_PLATFORM } from '../platforms/azure/platform';
import { AzurePlan } from '../platforms/azure/planner';
import { AdcsResource, CDKTF } from './resource';

/** Props of AzureNsgRules: the resolved estate and its Azure plan. */
export interface AzureNsgRulesProps extends PlatformRulesProps<AzurePlan> {}

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
    const { made } = renderPlatform(CDKTF, this, AZURE_PLATFORM, props);
    this.networkSecurityGroups = createdNsgs(props.plan, made as ReadonlyMap<string, AdcsResource>);
  }
}
