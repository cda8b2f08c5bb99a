import { CesAuthentication, ClientDirectory, CrlPublishing, OsGeneration, Platform } from '../model/options';
import { Protocol } from '../model/protocol';
import { TIER_KEYS, TIERS } from '../model/tiers';

const str = (description: string): object => ({ type: 'string', minLength: 1, description });
const bool = (description: string): object => ({ type: 'boolean', description });
const range = (description: string): object => ({ type: 'string', description, examples: ['5000-5200'] });
const tags = { type: 'object', additionalProperties: { type: 'string' }, description: 'Tags on created resources.' };

const tier = {
  type: 'object',
  additionalProperties: false,
  required: ['cidrs'],
  properties: {
    cidrs: { type: 'array', minItems: 1, items: { type: 'string' }, description: 'IPv4 CIDRs of the tier (network addresses).' },
    osGeneration: { enum: Object.values(OsGeneration), description: "Overrides the estate's OS generation." },
    rpcDynamicPorts: range("This tier's RPC dynamic range, N-M within 1024-65535."),
    subnetIds: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 }, description: 'Azure: create an NSG and associate it with these subnets.' },
    nsgName: str('Azure: name of the created NSG.'),
    networkSecurityGroup: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'resourceGroupName'],
      description: 'Azure: add rules to this existing NSG.',
      properties: {
        name: str('NSG name.'),
        resourceGroupName: str('Resource group of the NSG.'),
        priorityRange: range('Priorities the library may use, N-M within 100-4096.'),
        denyByDefault: bool('Add a Deny from VirtualNetwork after the allows (default false).'),
      },
    },
    createSecurityGroup: bool('AWS: create a security group for the tier in aws.vpcId.'),
    securityGroupName: str('AWS: name of the created security group.'),
    securityGroupId: str('AWS: add rules to this existing security group (sg-...).'),
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
          port: { type: 'integer', description: 'TCP port clients connect to (1-65535).' },
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
  properties: {
    $schema: { type: 'string' },
    name: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,39}$', description: 'Stack name (default adcs): lower-case letters, digits, dashes.' },
    platform: { enum: Object.values(Platform), description: 'Target platform; required by synth and check.' },
    osGeneration: { enum: Object.values(OsGeneration), description: 'OS generation of every tier (default modern).' },
    rpcDynamicPorts: range('One range replacing the dynamic range, N-M within 1024-65535.'),
    dcomPort: { type: 'integer', description: 'Static DCOM port of the CA (1024-65535).' },
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
        resourceGroupName: str('Resource group of created NSGs.'),
        location: str('Region of created NSGs.'),
        priorityRange: range('Priorities used in each NSG (default 100-4096).'),
        denyByDefault: bool('Created NSGs deny other inbound network traffic (default true).'),
        tags,
      },
    },
    aws: {
      type: 'object',
      additionalProperties: false,
      required: ['vpcId'],
      properties: {
        vpcId: str('VPC of created security groups.'),
        region: str('Region of the aws provider.'),
        ruleQuota: { type: 'integer', description: 'Rules per group and direction (default 60).' },
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
        properties: {
          name: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$', description: 'Unique name; the id is custom:<name>.' },
          from: { enum: [...TIER_KEYS], description: 'Source tier.' },
          to: { enum: [...TIER_KEYS], description: 'Destination tier.' },
          protocol: { enum: Object.values(Protocol), description: 'tcp, udp, or icmp (every ICMP type, no ports).' },
          ports: { type: 'array', minItems: 1, items: { type: ['string', 'integer'] }, description: 'Ports, "N" or "N-M" (TCP and UDP; none for ICMP).' },
          purpose: str('Why the flow exists.'),
          reference: str('Where it is documented.'),
        },
      },
    },
  },
} as const;
