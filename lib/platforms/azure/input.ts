import { rulesOf } from '../../findings/rule';
import type { PlatformInput } from '../../input/platform-input';
import { cidrsOverlap } from '../../model/cidr';
import { Estate, EstateTier, presentTiers } from '../../model/estate';
import { Platform } from '../../model/options';
import { Warning, warning } from '../../findings/warning';
import { AzureMessages } from './messages';
import { AZURE_SCHEMA } from './schema';
import {
  AZURE_TIER_KEYS, azureEnforcement, azureEnforcementKeys, azureProviderAliases, azureSharing, resolveAzureEnforcement, resolveAzureSettings,
} from './settings';

/** Which NSG enforces a tier: the same string for tiers that share it. */
function nsgIdentity(t: EstateTier): string {
  const e = azureEnforcement(t);
  switch (e.kind) {
    case 'azureSubnets': return `subnets ${e.subnetIds.join(' ')}`.toLowerCase();
    case 'azureExistingNsg': return `nsg ${e.resourceGroupName}/${e.name}`.toLowerCase();
    default: return `none ${t.key}`;
  }
}

/**
 * True when two tiers on the same hosts are enforced apart, where a subnet has one NSG. Both
 * enforced: any shared address counts. One known by its CIDRs only (clients spanning
 * 10.0.0.0/8, say): only the very same addresses count.
 */
function splitEnforcement(a: EstateTier, b: EstateTier): boolean {
  const [ka, kb] = [a.enforcement.kind, b.enforcement.kind];
  if ((ka === 'none' && kb === 'none') || nsgIdentity(a) === nsgIdentity(b)) return false;
  if (ka === 'none' || kb === 'none') return a.cidrs.join() === b.cidrs.join();
  return cidrsOverlap(a.cidrs, b.cidrs);
}

/** Tiers sharing addresses but not their NSG: hosts in both need both tiers' rules. */
function azureWarnings(estate: Estate): Warning[] {
  const tiers = presentTiers(estate);
  const out: Warning[] = [];
  for (let i = 0; i < tiers.length; i++) {
    for (let j = i + 1; j < tiers.length; j++) {
      if (splitEnforcement(tiers[i], tiers[j])) {
        out.push(warning(`tiers.${tiers[j].key}`, AzureMessages.sharedHostsSplitEnforcement(tiers[i].key, tiers[j].key)));
      }
    }
  }
  return out;
}

/** Azure's spec keys: the `azure` block, the tiers' NSG keys, the one-NSG-per-subnet rule, its warnings and schema. */
export const AZURE_INPUT: PlatformInput = {
  platform: Platform.AZURE,
  owner: 'Azure',
  settingsExample: 'azure: { resourceGroupName, location }',
  tierKeys: AZURE_TIER_KEYS,
  enforcementKeys: ['subnetIds', 'networkSecurityGroup'],
  enforcementKeysOf: azureEnforcementKeys,
  enforcement: resolveAzureEnforcement,
  checkTiers: azureSharing,
  resolveSettings: resolveAzureSettings,
  warnings: azureWarnings,
  schema: AZURE_SCHEMA,
  valueCheckedPaths: [
    /\/priorityRange$/, /^\/tiers\/[^/]+\/nsgName$/, /^\/tiers\/[^/]+\/networkSecurityGroup\/(name|resourceGroupName)$/, /^\/azure\/resourceGroupName$/,
    /^\/tiers\/[^/]+\/subnetIds\/\d+$/, /^\/azure\/providers\/[^/]+\/(subscriptionId|tenantId)$/,
  ],
  referencePaths: [/^tiers\.[A-Za-z]+\.subnetIds\[\d+\]$/, /^tiers\.[A-Za-z]+\.networkSecurityGroup\.(name|resourceGroupName)$/, /^azure\.(resourceGroupName|location)$/],
  referenceKeys: ['subnetIds', 'networkSecurityGroup.name', 'networkSecurityGroup.resourceGroupName', 'azure.resourceGroupName', 'azure.location'],
  passThroughPaths: [/^azure\.tags\..+$/],
  rules: rulesOf(AzureMessages),
  providersKey: 'azure.providers',
  providerAliases: azureProviderAliases,
};
