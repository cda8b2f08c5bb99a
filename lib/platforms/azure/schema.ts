import type { PlatformSchema } from '../../input/platform-input';
import { bool, has, orExpression, pattern, range, str, tags } from '../../input/schema-parts';

/** NSG names (Azure naming rules): 1-80 of [A-Za-z0-9_.-], starting with a letter or digit, ending with a letter, digit or underscore. */
export const NSG_NAME = '[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,78}[A-Za-z0-9_])?';
/** Resource group names: 1-90 of letters, digits, _ ( ) - ., not ending with a period. */
export const RESOURCE_GROUP = '[-\\w.()\\p{L}]{0,89}[-\\w()\\p{L}]';
/** A word of an Azure resource id, case aside (ids are case-insensitive): `[Ss][Uu]...`. */
const anyCase = (word: string): string => [...word].map((c) => (/[a-z]/i.test(c) ? `[${c.toUpperCase()}${c.toLowerCase()}]` : c === '.' ? '\\.' : c)).join('');
/** One segment of a resource id. */
const SEGMENT = '[^/\\s]+';
/** Subnet ids: `/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>`. */
export const SUBNET_ID = `/${anyCase('subscriptions')}/${SEGMENT}/${anyCase('resourceGroups')}/${SEGMENT}/${anyCase('providers')}/${anyCase('Microsoft.Network')}/${anyCase('virtualNetworks')}/${SEGMENT}/${anyCase('subnets')}/${SEGMENT}`;
/** Subscription and tenant ids. */
export const GUID = '[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}';
/** 100-4096 (leading zeros allowed, as the validation reads numbers). */
const PRIORITY = '0*(?:409[0-6]|40[0-8][0-9]|[1-3][0-9]{3}|[1-9][0-9]{2})';

/** Azure's part of the spec's JSON Schema: the `azure` block and the tiers' NSG keys. */
export const AZURE_SCHEMA: PlatformSchema = {
  settings: {
    type: 'object',
    additionalProperties: false,
    required: ['resourceGroupName', 'location'],
    properties: {
      resourceGroupName: pattern(orExpression(RESOURCE_GROUP), 'Resource group of created NSGs.'),
      location: str('Region of created NSGs.'),
      priorityRange: range('Priorities used in each NSG (default 100-4096).', PRIORITY),
      denyByDefault: bool('Created NSGs deny other inbound network traffic (default true).'),
      tags,
      providers: {
        type: 'object',
        description: 'Named configurations of the azurerm provider (alias: settings) that synth declares; a tier (or the estate) names one in "provider".',
        additionalProperties: {
          type: 'object',
          additionalProperties: false,
          properties: {
            subscriptionId: pattern(orExpression(GUID), 'The subscription the configuration works in (a GUID).'),
            tenantId: pattern(orExpression(GUID), 'Its tenant (a GUID).'),
          },
        },
      },
    },
  },
  tierProperties: {
    subnetIds: {
      type: 'array', minItems: 1, items: { type: 'string', pattern: orExpression(SUBNET_ID) },
      description: 'Azure: create an NSG and associate it with these subnets (/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>).',
    },
    nsgName: pattern(`^${NSG_NAME}$`, 'Azure: name of the created NSG.'),
    networkSecurityGroup: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'resourceGroupName'],
      description: 'Azure: add rules to this existing NSG.',
      properties: {
        name: pattern(orExpression(NSG_NAME), 'NSG name.'),
        resourceGroupName: pattern(orExpression(RESOURCE_GROUP), 'Resource group of the NSG.'),
        priorityRange: range('Priorities the library may use, N-M within 100-4096.', PRIORITY),
        denyByDefault: bool('Add a Deny from VirtualNetwork after the allows (default false).'),
      },
    },
  },
  enforcementPoints: [has('subnetIds'), has('networkSecurityGroup')],
  // nsgName names the NSG created for subnetIds.
  tierRules: [{ type: 'object', dependencies: { nsgName: ['subnetIds'] } }],
};
