import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { AdcsInputError, InputProblem, Messages, problem } from '../errors';
import { Flow, flowsOf } from '../model/flows';
import { Platform } from '../model/options';
import { EstateProps } from '../input/props';
import { ResolvedSpec } from '../input/resolved';
import { resolveSpec } from '../input/resolve';
import { AwsSecurityGroupRules } from './aws-security-group-rules';
import { AzureNsgRules } from './azure-nsg-rules';
import { planAzure } from '../platforms/azure/planner';
import { planAws } from '../platforms/aws/planner';

/**
 * Least-privilege network rules for an AD CS estate: expands the flow catalogue for the
 * estate's tiers and options into Azure NSG rules or AWS security group rules.
 *
 * Usable in any CDKTF stack next to the user's own provider block; it creates no provider.
 */
export class AdcsEnrollmentSecurity extends Construct {
  /** The validated estate and platform settings. */
  public readonly spec: ResolvedSpec;
  /** The flows of the estate, in catalogue order. */
  public readonly flows: readonly Flow[];
  /** The Azure rules, on an Azure estate. */
  public readonly azure?: AzureNsgRules;
  /** The AWS rules, on an AWS estate. */
  public readonly aws?: AwsSecurityGroupRules;

  constructor(scope: Construct, id: string, props: EstateProps) {
    super(scope, id);
    const source = `AdcsEnrollmentSecurity ${this.node.path}`;
    this.spec = resolveSpec(props, source);
    this.flows = flowsOf(this.spec.estate);
    for (const w of this.spec.warnings) Annotations.of(this).addWarning(Messages.warning(w.path, w.message));
    switch (this.spec.platform) {
      case Platform.AZURE:
        if (!this.spec.azure) throw new AdcsInputError(source, [missingSettings(props, 'azure')]);
        // Planned before any child exists: a refused estate leaves nothing in the tree.
        this.azure = new AzureNsgRules(this, 'azure', { spec: this.spec, flows: this.flows, plan: bySource(source, () => planAzure(this.spec, this.flows)) });
        break;
      case Platform.AWS:
        if (!this.spec.aws) throw new AdcsInputError(source, [missingSettings(props, 'aws')]);
        this.aws = new AwsSecurityGroupRules(this, 'aws', { spec: this.spec, flows: this.flows, plan: bySource(source, () => planAws(this.spec, this.flows, source)) });
        break;
      default:
        throw new AdcsInputError(source, [problem('platform', Messages.platformMissing('AdcsEnrollmentSecurity'))]);
    }
  }
}

/** The settings block is missing: say whether `platform` or the tiers' keys asked for it. */
function missingSettings(props: EstateProps, platform: 'azure' | 'aws'): InputProblem {
  return props.platform !== undefined
    ? problem('platform', Messages.platformSettingsMissing(platform))
    : problem(platform, Messages.platformImpliedWithoutSettings(platform, 'the tiers\' enforcement keys'));
}

/** Runs a planner; its error (window, quota, name clash) is rethrown as this construct's. */
function bySource<T>(source: string, make: () => T): T {
  try {
    return make();
  } catch (e) {
    if (e instanceof AdcsInputError) throw new AdcsInputError(source, e.problems);
    throw e;
  }
}
