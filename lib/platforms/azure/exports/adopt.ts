import type { ResolvedInput } from '../../../input/resolved';
import type { Adoption, LiveExport } from '../../live';
import type { AzurePlan } from '../planner';

/** The live estate compared with the plan (to be written). */
export function adoptAzure(_exports: readonly LiveExport[], _spec: ResolvedInput, _plan: AzurePlan): Adoption {
  return { items: [], notes: [] };
}
