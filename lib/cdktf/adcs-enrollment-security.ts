import { Construct } from 'constructs';
import { resolveEstate } from '../framework/render';
import { Flow } from '../model/flows';
import { EstateProps } from '../input/props';
import { ResolvedInput } from '../input/resolved';
import { Platform } from '../model/options';
import { AwsSecurityGroupRules } from './aws-security-group-rules';
import { AzureNsgRules } from './azure-nsg-rules';
import { CDKTF } from './resource';

/** The construct of each platform (one line per platform). */
const RULES: Record<Platform, new (scope: Construct, id: string, props: { spec: ResolvedInput; plan: any }) => Construct> = {
  [Platform.AZURE]: AzureNsgRules,
  [Platform.AWS]: AwsSecurityGroupRules,
};

/**
 * Least-privilege network rules for an AD CS estate: expands the flow catalogue for the
 * estate's tiers and options into Azure NSG rules or AWS security group rules.
 *
 * Usable in any CDKTF stack next to the user's own provider block; it creates no provider.
 */
export class AdcsEnrollmentSecurity extends Construct {
  /** The validated estate and platform settings. */
  public readonly spec: ResolvedInput;
  /** The flows of the estate, in catalogue order. */
  public readonly flows: readonly Flow[];
  /** The Azure rules, on an Azure estate. */
  public readonly azure?: AzureNsgRules;
  /** The AWS rules, on an AWS estate. */
  public readonly aws?: AwsSecurityGroupRules;

  constructor(scope: Construct, id: string, props: EstateProps) {
    super(scope, id);
    try {
      // Resolved and planned before any child exists.
      const { spec, planned } = resolveEstate(CDKTF, this, props);
      this.spec = spec;
      this.flows = planned.flows;
      const rules = new RULES[planned.platform.platform](this, planned.platform.constructId, { spec, plan: planned.plan });
      if (rules instanceof AzureNsgRules) this.azure = rules;
      if (rules instanceof AwsSecurityGroupRules) this.aws = rules;
    } catch (e) {
      // A refused estate leaves nothing in the tree: not even its id, which a corrected retry takes.
      scope.node.tryRemoveChild(id);
      throw e;
    }
  }
}
