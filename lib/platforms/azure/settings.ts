import { InputProblem, Messages, problem } from '../../errors';
import type { EstateProps } from '../../input/props';
import { DEFAULT_PRIORITY_WINDOW, ResolvedAzure } from '../../input/resolved';
import { EstateTier } from '../../model/estate';
import { TierKey } from '../../model/tiers';
import { isTerraformExpression } from '../../terraform/expression';
import type { PlatformSettings, SettingsContext } from '../platform';

/** The tier keys that make a tier's Azure enforcement point. */
export const AZURE_TIER_KEYS = ['subnetIds', 'nsgName', 'networkSecurityGroup'] as const;
/** Azure NSG names: 1-80 of [A-Za-z0-9_.-], starting with a letter or digit, ending with a letter, digit or underscore. */
export const AZURE_NSG_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,78}[A-Za-z0-9_])?$/;
/** Azure resource group names: 1-90 of letters, digits, _ ( ) - ., not ending with a period. */
export const AZURE_RESOURCE_GROUP = /^[-\w.()\p{L}]{0,89}[-\w()\p{L}]$/u;

/** A subnet has one NSG: tiers listing it must list the same subnets (and then share the NSG). */
export function azureSharing(tiers: Partial<Record<TierKey, EstateTier>>, problems: InputProblem[]): void {
  const owner = new Map<string, { key: TierKey; list: string }>();
  for (const t of Object.values(tiers)) {
    if (t?.enforcement.kind !== 'azureSubnets') continue;
    const list = t.enforcement.subnetIds.join('\n');
    for (const s of t.enforcement.subnetIds) {
      const o = owner.get(s);
      if (o && o.list !== list) problems.push(problem(`tiers.${t.key}.subnetIds`, Messages.subnetInTwoGroups(s, o.key, t.key)));
      else if (!o) owner.set(s, { key: t.key, list });
    }
  }
}

/** Validates the `azure` block and fills in its defaults. */
export function resolveAzure(p: EstateProps, ctx: SettingsContext): ResolvedAzure {
  const a = p.azure!;
  if (!isTerraformExpression(a.resourceGroupName) && !AZURE_RESOURCE_GROUP.test(a.resourceGroupName)) ctx.problems.push(problem('azure.resourceGroupName', Messages.azureResourceGroupInvalid(a.resourceGroupName)));
  return {
    resourceGroupName: a.resourceGroupName,
    location: a.location,
    priorityWindow: a.priorityRange === undefined ? DEFAULT_PRIORITY_WINDOW
      : ctx.priorityWindow('azure.priorityRange', a.priorityRange) ?? DEFAULT_PRIORITY_WINDOW,
    denyByDefault: a.denyByDefault ?? true,
    tags: a.tags ?? {},
  };
}

/** Azure's spec keys: the tiers' enforcement keys, the cross-tier subnet rule, the `azure` block. */
export const AZURE_SETTINGS: PlatformSettings = {
  owner: 'Azure',
  tierKeys: AZURE_TIER_KEYS,
  checkTiers: azureSharing,
  resolve: (p, ctx) => ({ azure: resolveAzure(p, ctx) }),
};
