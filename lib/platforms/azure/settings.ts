import { InputProblem, Messages, problem } from '../../errors';
import type { InputContext } from '../../input/platform-input';
import type { EstateProps, TierProps } from '../../input/props';
import type { ResolvedInput } from '../../input/resolved';
import { Enforcement, EstateTier, NO_ENFORCEMENT } from '../../model/estate';
import { TierKey } from '../../model/tiers';
import { isTerraformExpression } from '../../terraform/expression';
import { AzureMessages } from './messages';
import { PROVIDER_ALIAS } from '../../input/schema-parts';
import { GUID, NSG_NAME, RESOURCE_GROUP, SUBNET_ID } from './schema';

/** Azure NSG priorities the library may use, both ends included. */
export interface PriorityWindow {
  /** Lowest (first evaluated) priority. */
  readonly first: number;
  /** Highest priority; the deny-by-default rule takes it. */
  readonly last: number;
}

/** An Azure estate's settings block, validated, defaults filled in. */
export interface AzureSettings {
  /** Resource group of created NSGs. */
  readonly resourceGroupName: string;
  /** Region of created NSGs. */
  readonly location: string;
  /** Priorities of created NSGs (and of existing ones without their own window). */
  readonly priorityWindow: PriorityWindow;
  /** Created NSGs get a deny-by-default rule. */
  readonly denyByDefault: boolean;
  /** Tags on created NSGs. */
  readonly tags: Readonly<Record<string, string>>;
  /** Named configurations of the azurerm provider, by alias (what `synth` declares; empty in the constructs' estates). */
  readonly providers: Readonly<Record<string, AzureProviderConfiguration>>;
}

/** One named configuration of the azurerm provider. */
export interface AzureProviderConfiguration {
  /** Its subscription, when given. */
  readonly subscriptionId?: string;
  /** Its tenant, when given. */
  readonly tenantId?: string;
}

/** A tier whose NSG the library creates and associates with these subnets. */
export interface AzureSubnets extends Enforcement {
  readonly kind: 'azureSubnets';
  /** The subnets, sorted, duplicates removed. */
  readonly subnetIds: readonly string[];
  /** The created NSG's name, when given. */
  readonly nsgName?: string;
}

/** A tier whose rules the library adds to an NSG that exists already. */
export interface AzureExistingNsg extends Enforcement {
  readonly kind: 'azureExistingNsg';
  /** NSG name (or a Terraform expression). */
  readonly name: string;
  /** Its resource group (or a Terraform expression). */
  readonly resourceGroupName: string;
  /** Priorities the library may use there; absent: the estate's window. */
  readonly priorityWindow?: PriorityWindow;
  /** The library adds a Deny from VirtualNetwork after its allows. */
  readonly denyByDefault: boolean;
}

/** Where an Azure tier's rules are enforced. */
export type AzureEnforcement = AzureSubnets | AzureExistingNsg | { readonly kind: 'none' };

/** Default priority window: the whole custom range. */
export const DEFAULT_PRIORITY_WINDOW: PriorityWindow = { first: 100, last: 4096 };

/** The tier keys that make a tier's Azure enforcement point. */
export const AZURE_TIER_KEYS = ['subnetIds', 'nsgName', 'networkSecurityGroup'] as const;
/** Azure NSG names: 1-80 of [A-Za-z0-9_.-], starting with a letter or digit, ending with a letter, digit or underscore. */
export const AZURE_NSG_NAME = new RegExp(`^${NSG_NAME}$`);
/** Azure resource group names: 1-90 of letters, digits, _ ( ) - ., not ending with a period. */
export const AZURE_RESOURCE_GROUP = new RegExp(`^${RESOURCE_GROUP}$`, 'u');
/** Azure subnet ids: `/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>`. */
export const AZURE_SUBNET_ID = new RegExp(`^${SUBNET_ID}$`);
/** Subscription and tenant ids. */
export const AZURE_GUID = new RegExp(`^${GUID}$`);
/** Provider aliases (Terraform names). */
export const PROVIDER_ALIAS_NAME = new RegExp(`^${PROVIDER_ALIAS}$`);

/** The Azure settings of a resolved Azure estate. */
export function azureSettings(spec: ResolvedInput): AzureSettings {
  if (spec.settings === undefined) throw new Error(`internal: estate ${spec.estate.name} has no Azure settings`);
  return spec.settings as AzureSettings;
}

/** An Azure estate's tier's enforcement point. */
export function azureEnforcement(tier: EstateTier): AzureEnforcement {
  return tier.enforcement as AzureEnforcement;
}

/** Parses `"N-M"` priorities in 100-4096 at `path`. */
function priorityWindow(ctx: InputContext, path: string, text: string): PriorityWindow | undefined {
  const r = ctx.range(path, text, 100, 4096, AzureMessages.priorityRangeMalformed);
  return r && { first: r.from, last: r.to };
}

/** Validates the `azure` block and fills in its defaults. */
export function resolveAzureSettings(p: EstateProps, ctx: InputContext): AzureSettings {
  const a = p.azure!;
  if (!isTerraformExpression(a.resourceGroupName) && !AZURE_RESOURCE_GROUP.test(a.resourceGroupName)) {
    ctx.problems.push(problem('azure.resourceGroupName', AzureMessages.azureResourceGroupInvalid(a.resourceGroupName)));
  }
  return {
    resourceGroupName: a.resourceGroupName,
    location: a.location,
    priorityWindow: a.priorityRange === undefined ? DEFAULT_PRIORITY_WINDOW
      : priorityWindow(ctx, 'azure.priorityRange', a.priorityRange) ?? DEFAULT_PRIORITY_WINDOW,
    denyByDefault: a.denyByDefault ?? true,
    tags: a.tags ?? {},
    providers: azureProviders(a.providers ?? {}, ctx),
  };
}

/** The named provider configurations: aliases are Terraform names, literal subscription and tenant ids GUIDs. */
function azureProviders(given: Readonly<Record<string, { subscriptionId?: string; tenantId?: string }>>, ctx: InputContext): Record<string, AzureProviderConfiguration> {
  const out: Record<string, AzureProviderConfiguration> = {};
  for (const alias of Object.keys(given).sort()) {
    const at = `azure.providers.${alias}`;
    if (!PROVIDER_ALIAS_NAME.test(alias)) ctx.problems.push(problem(at, Messages.providerAliasInvalid(alias)));
    const c = given[alias] ?? {};
    for (const key of ['subscriptionId', 'tenantId'] as const) {
      const v = c[key];
      if (v !== undefined && !isTerraformExpression(v) && !AZURE_GUID.test(v)) ctx.problems.push(problem(`${at}.${key}`, AzureMessages.azureGuidInvalid(key, v)));
    }
    out[alias] = { ...(c.subscriptionId === undefined ? {} : { subscriptionId: c.subscriptionId }), ...(c.tenantId === undefined ? {} : { tenantId: c.tenantId }) };
  }
  return out;
}

/** The aliases an Azure estate's settings declare. */
export function azureProviderAliases(settings: unknown): readonly string[] {
  return Object.keys((settings as AzureSettings).providers).sort();
}

/** The Azure enforcement keys a tier gives. */
export function azureEnforcementKeys(t: TierProps): string[] {
  return (['subnetIds', 'networkSecurityGroup'] as const).filter((k) => t[k] !== undefined);
}

/** A tier's Azure enforcement point: an NSG created for its subnets, an existing NSG, or none. */
export function resolveAzureEnforcement(at: string, t: TierProps, ctx: InputContext): Enforcement {
  const problems = ctx.problems;
  if (t.nsgName !== undefined && t.subnetIds === undefined) problems.push(problem(`${at}.nsgName`, AzureMessages.nsgNameWithoutSubnets()));
  if (t.nsgName !== undefined && !AZURE_NSG_NAME.test(t.nsgName)) problems.push(problem(`${at}.nsgName`, AzureMessages.azureNsgNameInvalid(t.nsgName)));
  if (t.subnetIds) {
    t.subnetIds.forEach((id, i) => {
      if (!isTerraformExpression(id) && !AZURE_SUBNET_ID.test(id)) problems.push(problem(`${at}.subnetIds[${i}]`, AzureMessages.azureSubnetIdInvalid(id)));
    });
    return { kind: 'azureSubnets', subnetIds: [...new Set(t.subnetIds)].sort(), nsgName: t.nsgName } as AzureSubnets;
  }
  if (t.networkSecurityGroup) {
    const n = t.networkSecurityGroup;
    if (!isTerraformExpression(n.name) && !AZURE_NSG_NAME.test(n.name)) problems.push(problem(`${at}.networkSecurityGroup.name`, AzureMessages.azureNsgNameInvalid(n.name)));
    if (!isTerraformExpression(n.resourceGroupName) && !AZURE_RESOURCE_GROUP.test(n.resourceGroupName)) {
      problems.push(problem(`${at}.networkSecurityGroup.resourceGroupName`, AzureMessages.azureResourceGroupInvalid(n.resourceGroupName)));
    }
    return {
      kind: 'azureExistingNsg', name: n.name, resourceGroupName: n.resourceGroupName,
      priorityWindow: n.priorityRange === undefined ? undefined : priorityWindow(ctx, `${at}.networkSecurityGroup.priorityRange`, n.priorityRange),
      denyByDefault: n.denyByDefault ?? false,
    } as AzureExistingNsg;
  }
  return NO_ENFORCEMENT;
}

/** A subnet has one NSG: tiers listing it must list the same subnets (and then share the NSG). */
export function azureSharing(tiers: Readonly<Partial<Record<TierKey, EstateTier>>>, problems: InputProblem[]): void {
  const owner = new Map<string, { key: TierKey; list: string }>();
  for (const t of Object.values(tiers)) {
    const e = t && azureEnforcement(t);
    if (!t || e?.kind !== 'azureSubnets') continue;
    const list = e.subnetIds.join('\n');
    for (const s of e.subnetIds) {
      const o = owner.get(s);
      if (o && o.list !== list) problems.push(problem(`tiers.${t.key}.subnetIds`, AzureMessages.subnetInTwoGroups(s, o.key, t.key)));
      else if (!o) owner.set(s, { key: t.key, list });
    }
  }
}
