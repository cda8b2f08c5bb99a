import { withRuleId } from '../../findings/text';
import { AzureMessages } from './messages';
import { AzurePlan } from './planner';

/** One estate's plan in a stack, for the whole-stack check. */
export interface NsgPlanOwner {
  /** Construct path of the AzureNsgRules. */
  readonly path: string;
  /** Its plan. */
  readonly plan: AzurePlan;
}

/**
 * Problems between estates of one stack (other sites, say) that write to the same existing
 * NSG: they must use other priorities and rule names. Empty when all is well.
 */
export function sharedNsgClashes(owners: readonly NsgPlanOwner[]): string[] {
  const seen = new Map<string, string>();
  const errors: string[] = [];
  for (const owner of owners) {
    for (const nsg of owner.plan.nsgs.filter((n) => !n.created)) {
      // The same name under another provider configuration (subscription) is another NSG.
      const at = `${nsg.provider ?? ''}:${nsg.resourceGroupName.toLowerCase()}/${nsg.name.toLowerCase()}`;
      for (const r of nsg.rules) {
        for (const [what, k] of [['priority', `${at} ${r.direction} ${r.priority}`], ['name', `${at} name ${r.name}`]] as const) {
          const first = seen.get(k);
          if (first !== undefined && first !== owner.path) {
            errors.push(withRuleId(AzureMessages.existingNsgClash(nsg.name, what === 'priority' ? `${r.direction.toLowerCase()} priority ${r.priority}` : `rule name ${r.name}`, first, owner.path)));
          } else {
            seen.set(k, owner.path);
          }
        }
      }
    }
  }
  return errors;
}
