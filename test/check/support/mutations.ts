import { asDeployedShowJson } from '../../support/show-json';

/** Formats a corpus case is checked in: the cdk.tf.json, `terraform show -json` before apply, and after apply. */
export type PlanFormat = 'cdk' | 'show' | 'applied';

/** One corpus case: a mutation of a base plan, the verdict `check` must give and why. */
export interface MutationCase {
  /** What the mutation does (the test name). */
  readonly name: string;
  /** The defect class of issue 12 it covers (1-9). */
  readonly cls: number;
  /** Base plan. */
  readonly base: 'azure' | 'aws';
  /** Formats the case runs in (the mutation is applied to the cdk.tf.json, then converted). */
  readonly formats: readonly PlanFormat[];
  /** Changes the cdk.tf.json in place. */
  readonly mutate: (plan: any) => void;
  /** `pass` for an equivalent rewrite, `fail` for a plan that lets more in or breaks a flow. */
  readonly verdict: 'pass' | 'fail';
  /** For `fail`: a pattern the report must show (the reason). */
  readonly reason?: RegExp;
}

/** The resources of one type of a cdk.tf.json (created when absent). */
export function resourcesOf(plan: any, type: string): Record<string, any> {
  plan.resource[type] ??= {};
  return plan.resource[type];
}

/** The key of the only resource of `type` whose key contains `part`. */
export function keyOf(plan: any, type: string, part: string): string {
  const keys = Object.keys(resourcesOf(plan, type)).filter((k) => k.includes(part));
  if (keys.length !== 1) throw new Error(`${keys.length} ${type} match ${part}`);
  return keys[0];
}

/** The body of the only resource of `type` whose key contains `part`. */
export function bodyOf(plan: any, type: string, part: string): any {
  return resourcesOf(plan, type)[keyOf(plan, type, part)];
}

/**
 * `terraform show -json` of the deployed estate after apply, as the azurerm provider reads it
 * back: each NSG's computed `security_rule` lists every rule of the NSG, the separate
 * `azurerm_network_security_rule` resources included (schema: Optional + Computed,
 * `SchemaConfigModeAttr`; Read flattens all the NSG's rules).
 */
export function asAppliedShowJson(cdk: any): any {
  const show = asDeployedShowJson(cdk);
  const resources: any[] = show.planned_values.root_module.resources;
  for (const nsg of resources.filter((r) => r.type === 'azurerm_network_security_group')) {
    const own = resources.filter((r) => r.type === 'azurerm_network_security_rule'
      && r.values.network_security_group_name === nsg.values.name && r.values.resource_group_name === nsg.values.resource_group_name)
      .map((r) => {
        const { network_security_group_name: _n, resource_group_name: _g, ...rest } = r.values;
        return rest;
      });
    nsg.values.security_rule = [...(nsg.values.security_rule ?? []), ...own];
  }
  // The changes show the same values (a no-op of the deployed estate).
  for (const c of show.resource_changes) {
    const r = resources.find((x) => x.address === c.address);
    c.change.before = r.values;
    c.change.after = r.values;
  }
  return show;
}

/** The plan in a format. */
export function inFormat(cdk: any, format: PlanFormat): any {
  return format === 'cdk' ? cdk : format === 'show' ? asDeployedShowJson(cdk) : asAppliedShowJson(cdk);
}
