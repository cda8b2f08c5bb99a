import { CesAuthentication, ClientDirectory, CrlPublishing, OsGeneration, Platform } from '../model/options';
import { Protocol } from '../model/protocol';
import { TIER_KEYS, TIERS } from '../model/tiers';

const str = (description: string): object => ({ type: 'string', minLength: 1, description });

// Patterns of literal values; a Terraform expression (`${...}`, a construct token resolved) is
// accepted wherever the value names a resource of the user's. Range order (low end first) and
// host bits are checked by the validation, not the schema.
const OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9][0-9]|[0-9])';
/** Canonical IPv4 CIDR notation (surrounding spaces allowed, as the validation trims them). */
const CIDR = `^\\s*${OCTET}(?:\\.${OCTET}){3}/(?:3[0-2]|[12][0-9]|0?[0-9])\\s*$`;
/** 1-65535, 1024-65535, 100-4096 (leading zeros allowed, as the validation reads numbers). */
const PORT = '0*(?:6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[1-9][0-9]{0,3})';
const HIGH_PORT = '0*(?:6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[2-9][0-9]{3}|1[1-9][0-9]{2}|10[3-9][0-9]|102[4-9])';
const PRIORITY = '0*(?:409[0-6]|40[0-8][0-9]|[1-3][0-9]{3}|[1-9][0-9]{2})';
const rangeOf = (n: string): string => `^\\s*${n}\\s*-\\s*${n}\\s*$`;
/** A Terraform expression somewhere in the value. */
const EXPRESSION = '[\\s\\S]*\\$\\{[\\s\\S]*\\}[\\s\\S]*';
const orExpression = (literal: string): string => `^(?:${literal}|${EXPRESSION})$`;
const NSG_NAME = '[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,78}[A-Za-z0-9_])?';
const RESOURCE_GROUP = '[-\\w.()\\p{L}]{0,89}[-\\w()\\p{L}]';
/** `keys` are all present (each declared, as ajv's strict mode asks). */
const has = (...keys: string[]): Record<string, unknown> => ({ type: 'object', required: keys, properties: Object.fromEntries(keys.map((k) => [k, true])) });
/** `key` is present with the value `value`. */
const is = (key: string, value: unknown): Record<string, unknown> => ({ type: 'object', required: [key], properties: { [key]: { const: value } } });
const AZURE_TIER_KEYS = ['subnetIds', 'nsgName', 'networkSecurityGroup'];
const AWS_TIER_KEYS = ['createSecurityGroup', 'securityGroupName', 'securityGroupId'];
/** Some tier of the estate sets one of `keys`. */
const someTierHas = (keys: readonly string[]): Record<string, unknown> => ({
  type: 'object', required: ['tiers'],
  properties: { tiers: { type: 'object', anyOf: TIER_KEYS.map((t) => ({ ...has(t), properties: { [t]: { type: 'object', anyOf: keys.map((k) => has(k)) } } })) } },
});
const AZURE_TIERS_REF = '#/definitions/someTierHasAzureKeys';
const AWS_TIERS_REF = '#/definitions/someTierHasAwsKeys';

/** The tiers' enforcement points: at most one each (createSecurityGroup counts when true). */
const ENFORCEMENT = [has('subnetIds'), has('networkSecurityGroup'), has('securityGroupId'), is('createSecurityGroup', true)];

const pattern = (p: string, description: string, examples?: string[]): object => ({ type: 'string', pattern: p, description, ...(examples ? { examples } : {}) });
const bool = (description: string): object => ({ type: 'boolean', description });
const range = (description: string, n: string = HIGH_PORT): object => ({ type: 'string', pattern: rangeOf(n), description, examples: ['5000-5200'] });
const tags = { type: 'object', additionalProperties: { type: 'string' }, description: 'Tags on created resources.' };

const tier = {
  type: 'object',
  additionalProperties: false,
  required: ['cidrs'],
  // One enforcement point; nsgName names a created NSG, securityGroupName a created group.
  not: { $ref: '#/definitions/twoEnforcementPoints' },
  dependencies: { nsgName: ['subnetIds'] },
  if: has('securityGroupName'),
  then: is('createSecurityGroup', true),
  properties: {
    cidrs: { type: 'array', minItems: 1, items: { type: 'string', pattern: CIDR }, description: 'IPv4 CIDRs of the tier (network addresses).' },
    osGeneration: { enum: Object.values(OsGeneration), description: "Overrides the estate's OS generation." },
    rpcDynamicPorts: range("This tier's RPC dynamic range, N-M within 1024-65535."),
    subnetIds: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 }, description: 'Azure: create an NSG and associate it with these subnets.' },
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
    createSecurityGroup: bool('AWS: create a security group for the tier in aws.vpcId.'),
    securityGroupName: str('AWS: name of the created security group.'),
    securityGroupId: pattern(orExpression('sg-[0-9a-f]{8,17}'), 'AWS: add rules to this existing security group (sg-...).'),
  },
};

/** CES and CEP tiers also take their web service instances. */
const webServiceTier = {
  ...tier,
  properties: {
    ...tier.properties,
    instances: {
      type: 'array',
      minItems: 1,
      maxItems: 8,
      description: 'CES/CEP: the web service instances (default one on 443 with cesAuthentication); no port twice.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['port'],
        properties: {
          port: { type: 'integer', minimum: 1, maximum: 65535, description: 'TCP port clients connect to (1-65535).' },
          authentication: { enum: Object.values(CesAuthentication), description: "Client authentication (default: the estate's cesAuthentication)." },
        },
      },
    },
  },
};

/** JSON Schema (draft-07) of the spec file; shipped as `schema/adcs-spec.schema.json`. */
export const SPEC_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://github.com/adcs-firewall/adcs-firewall/schema/adcs-spec.schema.json',
  title: 'AD CS estate',
  description: 'An Active Directory Certificate Services estate: tiers, addresses, enforcement points and options.',
  type: 'object',
  additionalProperties: false,
  required: ['tiers'],
  allOf: [
    // The platform (named, or implied by its settings block) needs its block, and no other platform's keys.
    ...Object.values(Platform).map((platform) => {
      const other = platform === Platform.AZURE ? Platform.AWS : Platform.AZURE;
      return {
        if: { anyOf: [is('platform', platform), { type: 'object', not: has('platform'), ...has(platform) }] },
        then: { ...has(platform), not: { anyOf: [has(other), { $ref: platform === Platform.AZURE ? AWS_TIERS_REF : AZURE_TIERS_REF }] } },
      };
    }),
    // Both blocks at once; Azure and AWS tier keys side by side with nothing to say which platform.
    { not: has(Platform.AZURE, Platform.AWS) },
    { if: { type: 'object', not: { anyOf: [has('platform'), has(Platform.AZURE), has(Platform.AWS)] } }, then: { not: { allOf: [{ $ref: AZURE_TIERS_REF }, { $ref: AWS_TIERS_REF }] } } },
    // Options that need a tier.
    { if: has('cesAuthentication'), then: { properties: { tiers: { type: 'object', anyOf: [has('ces'), has('cep')] } } } },
    { if: is('crlPublishing', CrlPublishing.SMB), then: { properties: { tiers: has('cdp') } } },
    { if: is('ndesHttp', true), then: { properties: { tiers: has('ndes') } } },
    // A custom flow's tiers are tiers of the estate.
    ...TIER_KEYS.flatMap((t) => (['from', 'to'] as const).map((end) => ({
      if: { type: 'object', required: ['customFlows'], properties: { customFlows: { type: 'array', contains: is(end, t) } } },
      then: { properties: { tiers: has(t) } },
    }))),
  ],
  definitions: {
    someTierHasAzureKeys: someTierHas(AZURE_TIER_KEYS),
    someTierHasAwsKeys: someTierHas(AWS_TIER_KEYS),
    twoEnforcementPoints: { anyOf: ENFORCEMENT.flatMap((a, i) => ENFORCEMENT.slice(i + 1).map((b) => ({ allOf: [a, b] }))) },
  },
  properties: {
    $schema: { type: 'string' },
    name: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,39}$', description: 'Stack name (default adcs): lower-case letters, digits, dashes.' },
    platform: { enum: Object.values(Platform), description: 'Target platform; required by synth and check.' },
    osGeneration: { enum: Object.values(OsGeneration), description: 'OS generation of every tier (default modern).' },
    rpcDynamicPorts: range('One range replacing the dynamic range, N-M within 1024-65535.'),
    dcomPort: { type: 'integer', minimum: 1024, maximum: 65535, description: 'Static DCOM port of the CA (1024-65535).' },
    directEnrollment: bool('Clients enroll with the CA over DCOM (default true).'),
    cesAuthentication: { enum: Object.values(CesAuthentication), description: 'Authentication of CES/CEP instances that name none (default kerberos).' },
    dcEnrollment: bool('The DCs enroll for their own certificates over DCOM (default true).'),
    clientDirectory: { enum: Object.values(ClientDirectory), description: 'Directory ports for clients: full (default) or minimal (no 636, no 3269).' },
    domainMemberFlows: bool('Domain-member baseline toward the DCs (default false).'),
    crlPublishing: { enum: Object.values(CrlPublishing), description: 'CRL publishing to the CDP tier (default none).' },
    ndesHttp: bool('SCEP over TCP 80 as well as 443 (default false).'),
    azure: {
      type: 'object',
      additionalProperties: false,
      required: ['resourceGroupName', 'location'],
      properties: {
        resourceGroupName: pattern(orExpression(RESOURCE_GROUP), 'Resource group of created NSGs.'),
        location: str('Region of created NSGs.'),
        priorityRange: range('Priorities used in each NSG (default 100-4096).', PRIORITY),
        denyByDefault: bool('Created NSGs deny other inbound network traffic (default true).'),
        tags,
      },
    },
    aws: {
      type: 'object',
      additionalProperties: false,
      required: ['vpcId'],
      properties: {
        vpcId: pattern(orExpression('vpc-[0-9a-f]{1,17}'), 'VPC of created security groups.'),
        region: str('Region of the aws provider.'),
        ruleQuota: { type: 'integer', minimum: 1, maximum: 1000, description: 'Rules per group and direction (default 60).' },
        allowAllEgress: bool('Created groups get an allow-all egress rule (default false).'),
        tags,
      },
    },
    tiers: {
      type: 'object',
      additionalProperties: false,
      required: ['clients', 'ca', 'dc'],
      properties: Object.fromEntries(TIERS.map((t) => [t.key,
        { ...(t.key === 'ces' || t.key === 'cep' ? webServiceTier : tier), description: t.description }])),
    },
    customFlows: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['from', 'to', 'protocol', 'purpose'],
        // ICMP takes no ports; TCP and UDP need them.
        if: is('protocol', Protocol.ICMP),
        then: { not: has('ports') },
        else: has('ports'),
        properties: {
          name: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$', description: 'Unique name; the id is custom:<name>.' },
          from: { enum: [...TIER_KEYS], description: 'Source tier.' },
          to: { enum: [...TIER_KEYS], description: 'Destination tier.' },
          protocol: { enum: Object.values(Protocol), description: 'tcp, udp, or icmp (every ICMP type, no ports).' },
          ports: {
            type: 'array',
            minItems: 1,
            items: { anyOf: [{ type: 'string', pattern: `^\\s*${PORT}\\s*(?:-\\s*${PORT}\\s*)?$` }, { type: 'integer', minimum: 1, maximum: 65535 }] },
            description: 'Ports, "N" or "N-M" (TCP and UDP; none for ICMP).',
          },
          purpose: str('Why the flow exists.'),
          reference: str('Where it is documented.'),
        },
      },
    },
  },
} as const;
