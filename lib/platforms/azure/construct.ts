import type { AzurePlan } from './planner';
import { nsgElementId } from './writer';

/** The NSGs the library created, by NSG key, from the resources the construct made (by element path). */
export function createdNsgs<R>(plan: AzurePlan, made: ReadonlyMap<string, R>): Record<string, R> {
  const out: Record<string, R> = {};
  for (const nsg of plan.nsgs) if (nsg.created) out[nsg.key] = made.get(nsgElementId(nsg.key))!;
  return out;
}
