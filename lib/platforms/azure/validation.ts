import type { TfInstance } from '../../terraform/document';
import { compareInvalidValues, type InvalidValue } from '../validation';
import { invalidValuesOf, ruleLines } from '../validation-engine';
import { AZURE_ROWS, AZURE_SCHEMAS } from './validation-rules';
import { ASSOCIATION_RULE_LINES, sharedAssociations } from './validation-associations';
import { CLASH_RULE_LINES, clashingRules } from './validation-unique';

/**
 * Values of azurerm instances that Terraform, the azurerm provider or Azure's Network API would
 * reject (issue 19, principle 4): network security groups and their inline rules, standalone
 * rules, NSG associations of subnets and network interfaces, application security groups and
 * their associations. Instances of a configuration or a plan are judged; a state's are facts.
 * Sorted by element, then attribute.
 */
export function azureInvalidValues(instances: readonly TfInstance[]): InvalidValue[] {
  return [...invalidValuesOf(instances, AZURE_SCHEMAS, AZURE_ROWS), ...clashingRules(instances), ...sharedAssociations(instances)].sort(compareInvalidValues);
}

/** Every rule `azureInvalidValues` applies, one line each: `- <type>.<attribute>: <rule> (<source>)`. */
export function azureRuleLines(): string[] {
  return [...ruleLines(AZURE_SCHEMAS, AZURE_ROWS), ...CLASH_RULE_LINES, ...ASSOCIATION_RULE_LINES];
}
