import { WriteRpcRange } from '../model/host-settings';
import { CesAuthentication, ClientDirectory, CrlPublishing, OsGeneration } from '../model/options';
import { Protocol } from '../model/protocol';
import { TIER_KEYS, TIERS } from '../model/tiers';
import type { PlatformInput } from './platform-input';
import { bool, CIDR, has, is, PORT, range, str } from './schema-parts';

/** Name of the definition "some tier of the estate gives one of this platform's tier keys". */
const tierKeysOf = (p: PlatformInput): string => `someTierHas${p.owner.charAt(0).toUpperCase()}${p.owner.slice(1).toLowerCase()}Keys`;
const ref = (p: PlatformInput): object => ({ $ref: `#/definitions/${tierKeysOf(p)}` });

/** Some tier of the estate sets one of `keys`. */
const someTierHas = (keys: readonly string[]): Record<string, unknown> => ({
  type: 'object', required: ['tiers'],
  properties: { tiers: { type: 'object', anyOf: TIER_KEYS.map((t) => ({ ...has(t), properties: { [t]: { type: 'object', anyOf: keys.map((k) => has(k)) } } })) } },
});

/** Every pair of `xs`. */
const pairs = <T>(xs: readonly T[]): [T, T][] => xs.flatMap((a, i) => xs.slice(i + 1).map((b): [T, T] => [a, b]));

/** One tier: its addresses, OS generation and RPC range, and the platforms' enforcement keys (at most one point). */
function tierSchema(platforms: readonly PlatformInput[]): Record<string, unknown> {
  const rules = platforms.flatMap((p) => p.schema.tierRules);
  return {
    type: 'object',
    additionalProperties: false,
    required: ['cidrs'],
    not: { $ref: '#/definitions/twoEnforcementPoints' },
    ...(rules.length > 0 ? { allOf: rules } : {}),
    properties: {
      cidrs: { type: 'array', minItems: 1, items: { type: 'string', pattern: CIDR }, description: 'IPv4 CIDRs of the tier (network addresses).' },
      osGeneration: { enum: Object.values(OsGeneration), description: "Overrides the estate's OS generation." },
      rpcDynamicPorts: range("This tier's RPC dynamic range, N-M within 1024-65535."),
      provider: str(`The provider configuration of the tier's enforcement point: a name under ${platforms.map((p) => p.providersKey).join(' or ')} (default: the estate's provider).`),
      ...Object.assign({}, ...platforms.map((p) => p.schema.tierProperties)),
    },
  };
}

/** CES and CEP tiers also take their web service instances. */
function webServiceTierSchema(tier: Record<string, unknown>): Record<string, unknown> {
  return {
    ...tier,
    properties: {
      ...(tier.properties as object),
      instances: {
        type: 'array',
        minItems: 1,
        maxItems: 8,
        description: 'CES/CEP: the web service instances (default one on 443 with cesAuthentication); two may share a port, not a port and an authentication.',
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
}

/**
 * The JSON Schema (draft-07) of the spec file, with every platform's part: shipped as
 * `schema/adcs-spec.schema.json`. A platform named (or implied by its settings block) needs its
 * block and no other platform's keys; without either, tier keys of two platforms are refused.
 */
export function specSchema(platforms: readonly PlatformInput[]): Record<string, unknown> {
  const names = platforms.map((p) => p.platform);
  const tier = tierSchema(platforms);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/adcs-firewall/adcs-firewall/schema/adcs-spec.schema.json',
    title: 'AD CS estate',
    description: 'An Active Directory Certificate Services estate: tiers, addresses, enforcement points and options.',
    type: 'object',
    additionalProperties: false,
    required: ['tiers'],
    allOf: [
      // The platform (named, or implied by its settings block) needs its block, and no other platform's keys.
      ...platforms.map((p) => {
        const others = platforms.filter((o) => o !== p);
        return {
          if: { anyOf: [is('platform', p.platform), { type: 'object', not: has('platform'), ...has(p.platform) }] },
          then: { ...has(p.platform), not: { anyOf: [...others.map((o) => has(o.platform)), ...others.map(ref)] } },
        };
      }),
      // Two settings blocks at once; two platforms' tier keys side by side with nothing to say which platform.
      ...pairs(names).map(([a, b]) => ({ not: has(a, b) })),
      ...pairs(platforms).map(([a, b]) => ({
        if: { type: 'object', not: { anyOf: [has('platform'), ...names.map((n) => has(n))] } },
        then: { not: { allOf: [ref(a), ref(b)] } },
      })),
      // Options that need a tier.
      { if: has('cesAuthentication'), then: { properties: { tiers: { type: 'object', anyOf: [has('ces'), has('cep')] } } } },
      { if: is('crlPublishing', CrlPublishing.SMB), then: { properties: { tiers: has('cdp') } } },
      { if: is('ndesHttp', true), then: { properties: { tiers: has('ndes') } } },
      // Opt-in rows need their tiers (the CA is always there).
      { if: is('caSmb', true), then: { properties: { tiers: has('admins') } } },
      { if: is('ocspRemoteAdmin', true), then: { properties: { tiers: has('admins', 'ocsp') } } },
      { if: is('webEnrollmentCallback', true), then: { properties: { tiers: has('webEnrollment') } } },
      // A custom flow's tiers are tiers of the estate.
      ...TIER_KEYS.flatMap((t) => (['from', 'to'] as const).map((end) => ({
        if: { type: 'object', required: ['customFlows'], properties: { customFlows: { type: 'array', contains: is(end, t) } } },
        then: { properties: { tiers: has(t) } },
      }))),
    ],
    definitions: {
      ...Object.fromEntries(platforms.map((p) => [tierKeysOf(p), someTierHas(p.tierKeys as string[])])),
      twoEnforcementPoints: { anyOf: pairs(platforms.flatMap((p) => p.schema.enforcementPoints)).map(([a, b]) => ({ allOf: [a, b] })) },
    },
    properties: {
      $schema: { type: 'string' },
      name: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,39}$', description: 'Stack name (default adcs): lower-case letters, digits, dashes.' },
      platform: { enum: names, description: 'Target platform; required by synth and check.' },
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
      ocspAutoEnroll: bool('The Online Responders auto-enroll for their signing certificates over DCOM (default true; false when enrolled by hand).'),
      caSmb: bool('Opt-in: SMB 445 from the admins to the CA (default false; little documented by Microsoft; needs admins).'),
      ocspRemoteAdmin: bool('Opt-in: Online Responder Management from the admins over DCOM (default false; undocumented for Windows Server 2025; needs admins and ocsp).'),
      webEnrollmentCallback: bool('Opt-in: the CA calls a separate Web Enrollment host back over RPC (default false; one practitioner, unverified; needs webEnrollment).'),
      provider: str(`The provider configuration of every enforcement point whose tier names none: a name under ${platforms.map((p) => p.providersKey).join(' or ')} (default: the provider's default configuration).`),
      ...Object.fromEntries(platforms.map((p) => [p.platform, p.schema.settings])),
      tiers: {
        type: 'object',
        additionalProperties: false,
        required: ['clients', 'ca', 'dc'],
        properties: Object.fromEntries(TIERS.map((t) => [t.key,
          { ...(t.key === 'ces' || t.key === 'cep' ? webServiceTierSchema(tier) : tier), description: t.description }])),
      },
      acknowledgements: {
        type: 'array',
        description: 'Findings a reviewer accepts, each with its reason: reported as acknowledged, no longer failing a run.',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['ruleId', 'reason'],
          properties: {
            ruleId: { type: 'string', pattern: '^ADCS-[A-Z][0-9]{3}$', description: 'The rule: a warning (ADCS-W...) or check finding (ADCS-C...).' },
            reason: { type: 'string', pattern: '\\S', description: 'Why the finding is accepted.' },
            tier: { enum: [...TIER_KEYS], description: 'Only findings about this tier.' },
            flow: str('Only findings about this flow (enroll-dcom, custom:rdp-paw).'),
            resource: str('Only findings about this resource (a Terraform address).'),
          },
        },
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
      host: HOST_SCHEMA,
    },
  };
}

/** The `host` block: what the host command's script may change on each server. */
const HOST_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  description: "What the host command's script may change on each server; every default is the safe choice.",
  properties: {
    writeRpcRange: { enum: Object.values(WriteRpcRange), description: 'Where the script writes the machine-wide RPC range (KB 154596): none (default), ca (the unpinned CA) or caAndDc (also the DCs).' },
    rpcKeyword: bool("The unpinned CA's DCOM rule uses -LocalPort RPC bound to certsrv.exe (default false)."),
    disablePredefinedRules: bool('Disable the predefined Certification Authority group on the CA and the IIS groups whose ports the rules open; never a DC\'s (default false).'),
  },
};
