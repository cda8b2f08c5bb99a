import { createHash } from 'node:crypto';
import { providerReference, TfElement, TfOutputElement, tfRef, TfValue } from '../../terraform/elements';
import type { TfProviderBlock } from '../../terraform/stack-document';
import type { ResolvedInput } from '../../input/resolved';
import { plainKey } from '../../terraform/module-document';
import { AzurePlan, PlannedNsgRule } from './planner';
import { azureSettings } from './settings';

/** Terraform resource types the Azure writer uses. */
export const AZURE_RESOURCE_TYPES = {
  nsg: 'azurerm_network_security_group',
  rule: 'azurerm_network_security_rule',
  association: 'azurerm_subnet_network_security_group_association',
} as const;

/**
 * The azurerm provider the CLI and `AdcsProvider` declare: `~> 4.0`, the provider versions the
 * resource arguments are written for (the exact version stays the user's lock file's, or the
 * user's provider package's when the stack declares the provider with it).
 */
export const AZURERM_PROVIDER: TfProviderBlock = { name: 'azurerm', config: { features: [{}] }, source: 'azurerm', version: '~> 4.0' };

/**
 * The azurerm configurations the CLI declares: the default one (`features {}`), then each named
 * configuration of `azure.providers` with its alias, subscription and tenant.
 */
export function azurermProviders(spec: ResolvedInput): TfProviderBlock[] {
  const named = azureSettings(spec).providers;
  return [AZURERM_PROVIDER, ...Object.keys(named).sort().map((alias): TfProviderBlock => ({
    ...AZURERM_PROVIDER, alias,
    config: { ...AZURERM_PROVIDER.config, subscription_id: named[alias].subscriptionId, tenant_id: named[alias].tenantId },
  }))];
}

/** Short, stable construct-id fragment of a subnet id: its last segment plus a content hash. */
function subnetKey(subnetId: string): string {
  const last = subnetId.split('/').filter(Boolean).pop() ?? 'subnet';
  return `${last.replace(/[^A-Za-z0-9-]/g, '-').slice(0, 40)}-${createHash('sha256').update(subnetId).digest('hex').slice(0, 8)}`;
}

/** Construct id of a created NSG's resource. */
export function nsgElementId(key: string): string {
  return `nsg-${key}`;
}

/** Construct id of the association of a created NSG (by key) with one subnet. */
export function associationElementId(nsgKey: string, subnetId: string): string {
  return `${nsgKey}-assoc-${subnetKey(subnetId)}`;
}

/** Construct id of a rule (its plan id) of an NSG (by key). */
export function ruleElementId(nsgKey: string, ruleId: string): string {
  return `${nsgKey}-${ruleId}`;
}

/**
 * The Azure plan as Terraform elements: per created NSG the NSG and one association per
 * subnet; per rule one separate `azurerm_network_security_rule` (never inline blocks, so rules
 * can share an NSG with rules written elsewhere). Construct ids come from the plan's keys.
 */
export function azureElements(plan: AzurePlan): TfElement[] {
  const out: TfElement[] = [];
  for (const nsg of plan.nsgs) {
    // The NSG, its associations and its rules live under the NSG's provider configuration.
    const provider = providerReference(AZURERM_PROVIDER.name, nsg.provider);
    let nsgName: TfValue = nsg.name;
    let rgName: TfValue = nsg.resourceGroupName;
    if (nsg.created) {
      const path = [nsgElementId(nsg.key)];
      out.push({
        kind: 'resource', type: AZURE_RESOURCE_TYPES.nsg, path, ...provider,
        attributes: { name: nsg.name, location: nsg.location!, resource_group_name: nsg.resourceGroupName, tags: { ...nsg.tags, 'adcs-firewall:tiers': nsg.tiers.join(' ') } },
      });
      nsgName = tfRef(path, 'name');
      rgName = tfRef(path, 'resource_group_name');
      for (const subnetId of nsg.subnetIds) {
        out.push({
          kind: 'resource', type: AZURE_RESOURCE_TYPES.association, path: [associationElementId(nsg.key, subnetId)], ...provider,
          attributes: { subnet_id: subnetId, network_security_group_id: tfRef(path, 'id') },
        });
      }
    }
    for (const r of nsg.rules) {
      out.push({ kind: 'resource', type: AZURE_RESOURCE_TYPES.rule, path: [ruleElementId(nsg.key, r.id)], ...provider, attributes: ruleAttributes(r, nsgName, rgName) });
    }
  }
  return out;
}

function one(list: readonly string[]): { single?: string; many?: string[] } {
  return list.length === 1 ? { single: list[0] } : { many: [...list] };
}

function ruleAttributes(r: PlannedNsgRule, nsgName: TfValue, resourceGroupName: TfValue): Record<string, TfValue | undefined> {
  const src = one(r.sourceAddressPrefixes);
  const dst = one(r.destinationAddressPrefixes);
  const ports = one(r.destinationPortRanges);
  return {
    name: r.name,
    network_security_group_name: nsgName,
    resource_group_name: resourceGroupName,
    description: r.description,
    priority: r.priority,
    direction: r.direction,
    access: r.access,
    protocol: r.protocol,
    source_port_range: '*',
    source_address_prefix: src.single,
    source_address_prefixes: src.many,
    destination_address_prefix: dst.single,
    destination_address_prefixes: dst.many,
    destination_port_range: ports.single,
    destination_port_ranges: ports.many,
  };
}

/**
 * The outputs of an Azure estate's module: the created NSGs' ids by NSG name, and every rule's id
 * by its construct id (content-derived: `<nsg>-in-clients-ca-tcp`).
 */
export function azureModuleOutputs(plan: AzurePlan): TfOutputElement[] {
  const nsgs: Record<string, TfValue> = {};
  const rules: Record<string, TfValue> = {};
  for (const nsg of plan.nsgs) {
    if (nsg.created) nsgs[plainKey(nsg.name)] = tfRef([nsgElementId(nsg.key)], 'id');
    for (const r of nsg.rules) rules[plainKey(`${nsg.key}-${r.id}`)] = tfRef([`${nsg.key}-${r.id}`], 'id');
  }
  return [
    { kind: 'output', path: ['network_security_group_ids'], value: nsgs, description: 'The ids of the NSGs the module creates, by NSG name: associate them, or read them in other modules' },
    { kind: 'output', path: ['network_security_rule_ids'], value: rules, description: 'The ids of the NSG rules the module writes, by rule (<nsg>-<in|out>-<from>-<to>-<protocol>)' },
  ];
}
