import { closest } from './util/suggest';

/** One thing wrong with an input, located by its key path (`tiers.ca.cidrs[0]`). */
export interface InputProblem {
  /** Key path in the spec or props; empty for the document itself. */
  readonly path: string;
  /** What is wrong, the bad value, what is accepted and the fix. */
  readonly message: string;
}

/**
 * Bad input: a spec file or construct props that cannot be turned into rules. Carries every
 * problem found; the CLI prints them and exits 2, constructs throw it.
 */
export class AdcsInputError extends Error {
  constructor(
    /** The file or props the problems are in. */
    public readonly source: string,
    /** What is wrong, one entry per problem. */
    public readonly problems: readonly InputProblem[],
  ) {
    super(problems.map((p) => `${source}: ${p.path ? `${p.path}: ` : ''}${p.message}`).join('\n'));
    this.name = 'AdcsInputError';
  }
}

/** Renders a value for a message: JSON, cut at 60 characters. */
export function show(value: unknown): string {
  let text: string;
  try {
    text = value === undefined ? 'nothing'
      : typeof value === 'number' && !Number.isFinite(value) ? String(value) : JSON.stringify(value);
  } catch {
    text = Array.isArray(value) ? '[...]' : value !== null && typeof value === 'object' ? '{...}' : String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function didYouMean(value: unknown, accepted: readonly string[]): string {
  const c = typeof value === 'string' ? closest(value, accepted) : undefined;
  return c ? ` (did you mean "${c}"?)` : '';
}

const list = (xs: readonly (string | number)[]): string => xs.join(', ');

/** `1 warning`, `2 warnings`: a count with its noun in the right number. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** Every user-facing message of the library, as named factories. */
export const Messages = {
  // command line
  unknownCommand: (command: string, accepted: readonly string[]) =>
    `unknown command ${show(command)}${didYouMean(command, accepted)}; accepted: ${list(accepted)}`,
  unexpectedArgument: (arg: string) => `unexpected argument ${show(arg)}; options take the form --name VALUE`,
  unknownOption: (option: string, command: string, accepted: readonly string[]) =>
    `unknown option ${show(option)} for ${command}${didYouMean(option, accepted)}; accepted: ${list(accepted)}`,
  optionNeedsValue: (option: string, command: string) => `option "${option}" of ${command} needs a value`,
  commandNeeds: (command: string, what: string) => `${command} needs ${what}`,

  // files
  fileNotFound: (_file: string) => 'file not found; give the path of a YAML or JSON spec',
  fileUnreadable: (_file: string, reason: string) => `cannot read the file: ${reason}`,
  fileTooLarge: (bytes: number, max: number) => `the file is ${bytes} bytes; a spec may be at most ${max} bytes`,
  notUtf8: () => 'the file is not UTF-8 text; save it as UTF-8',
  tooDeep: (max: number) => `the document nests deeper than ${max} levels; a spec needs at most 4`,
  yamlSyntax: (detail: string) => `not valid YAML: ${detail}`,
  jsonSyntax: (detail: string) => `not valid JSON: ${detail}`,
  notAMapping: (value: unknown) => `a spec is a mapping of keys (name, platform, tiers, ...), got ${show(value)}`,
  multipleDocuments: () => 'the file holds several YAML documents; a spec is one document',

  // structure
  unknownKey: (key: string, accepted: readonly string[]) =>
    `unknown key ${show(key)}${didYouMean(key, accepted)}; accepted keys: ${list(accepted)}`,
  missingKey: (key: string, hint = '') => `missing required key "${key}"${hint}`,
  wrongType: (expected: string, value: unknown) => `expected ${expected}, got ${show(value)}`,
  notAccepted: (value: unknown, accepted: readonly string[]) =>
    `${show(value)} is not accepted${didYouMean(value, accepted)}; accepted: ${list(accepted)}`,
  emptyList: (what: string) => `empty list; give at least one ${what}`,
  badPattern: (value: unknown, rule: string) => `${show(value)} is not accepted: ${rule}`,

  // addresses
  cidrMalformed: (value: unknown) => `${show(value)} is not an IPv4 CIDR; write it as a.b.c.d/n, for example 10.0.1.0/24`,
  cidrIpv6: (value: unknown) => `${show(value)} is IPv6; only IPv4 CIDRs are supported`,
  cidrNotNetwork: (value: unknown, suggestion: string) =>
    `${show(value)} has host bits set (did you mean ${suggestion}, the network of that block?)`,
  cidrNoPrefix: (value: unknown, suggestion: string) => `${show(value)} has no prefix length; for one host write ${suggestion}`,
  cidrDuplicate: (value: string, first: number) => `${value} is listed twice (first at index ${first}); remove one`,

  // ports
  portRangeMalformed: (value: unknown, bounds: string) =>
    `${show(value)} is not a port range; write "N-M" with ${bounds}, low end first (for example "5000-5200")`,
  portRangeOutOfBounds: (value: unknown, bounds: string) =>
    `${show(value)} lies outside ${bounds}; give "N-M" with both ends in ${bounds}, low end first`,
  portMalformed: (value: unknown) =>
    `${show(value)} is not a port; write "N" or "N-M" with ports in 1-65535, low end first (for example "3389" or "5985-5986")`,
  dcomPortTooLow: (port: number) =>
    `${port} is below 1024${port === 135 ? ' (135 is the RPC endpoint mapper itself)' : port === 445 ? ' (445 is SMB)' : ''}; a static DCOM port lies in 1024-65535, outside the dynamic range (KB 154596), for example 10509`,
  dcomPortTooHigh: (port: number) => `${port} is above 65535; a static DCOM port lies in 1024-65535`,

  // meaning
  cesAuthenticationWithoutCes: (value: string) =>
    `cesAuthentication is ${show(value)} but the estate has neither a "ces" nor a "cep" tier; add the tier or remove the key`,
  crlPublishingWithoutCdp: () => 'crlPublishing is "smb" but the estate has no "cdp" tier to publish to; add tiers.cdp or set crlPublishing: none',
  ndesHttpWithoutNdes: () => 'ndesHttp is true but the estate has no "ndes" tier; add tiers.ndes (and tiers.ndesClients) or remove the key',
  customFlowMissingTier: (which: 'from' | 'to', tier: string) =>
    `custom flow ${which} "${tier}", but the estate has no such tier; add tiers.${tier} or change "${which}"`,
  icmpTakesNoPorts: () => 'an icmp flow allows every ICMP type and takes no "ports"; remove the key (or use tcp or udp)',
  instancesOnlyOnWebServices: (tier: string) =>
    `only the ces and cep tiers have web service instances; remove "instances" from ${tier} (give tiers.ces or tiers.cep their instances)`,
  instancePortBounds: (port: number) => `${port} is not a port; an instance listens on a TCP port in 1-65535 (443 by default)`,
  instancePortTwice: (port: number, first: string) => `port ${port} is already the port of ${first}; each instance has its own port`,
  tooManyItems: (what: string, max: number) => `more than ${max} ${what}; give at most ${max}`,
  customFlowDuplicate: (id: string, first: number) => `custom flow id "${id}" is already used by customFlows[${first}]; give each flow a distinct "name"`,
  platformMissing: (command: string, accepted: readonly string[]) => `"platform" is required by ${command}; accepted: ${list(accepted)}`,
  platformSettingsMissing: (platform: string, example: string) =>
    `platform is "${platform}" but the spec has no "${platform}" settings block; add ${example} or remove "platform"`,
  mixedPlatformTierKeys: (marked: readonly { owner: string; at: string }[]) =>
    `tiers use ${marked.map((m) => `${m.owner} (${m.at})`).join(' and ')} enforcement keys; an estate renders to one platform: keep one kind, or set "platform"`,
  platformSettingsBoth: (blocks: readonly string[]) =>
    `both ${blocks.map((b) => `"${b}"`).join(' and ')} settings are given; an estate renders to one platform: keep one, or set "platform"`,
  wrongPlatformKey: (key: string, platform: string, owner: string) =>
    `"${key}" is an ${owner} setting but the platform is "${platform}"; remove it`,
  twoEnforcementPoints: (keys: readonly string[]) =>
    `a tier has one enforcement point; ${keys.map((k) => `"${k}"`).join(' and ')} are both given: keep one`,
  rpcRangeSmall: (range: string, size: number, min: number) =>
    `the RPC dynamic range ${range} has ${size} ports; KB 154596 asks for at least ${min}, or RPC servers run out of endpoints`,
  dcomPortInDynamicRange: (port: number, range: string, from: string) =>
    `static DCOM port ${port} lies inside the CA's RPC dynamic range ${range} (from ${from}); KB 154596 advises a port outside it, or another RPC service may take it first`,
  msIcprNotCovered: (port: number) =>
    `static DCOM port ${port} covers DCOM enrollment (MS-WCCE: autoenrollment, certreq, the Certificates MMC, CES, NDES, Web Enrollment) and, as practitioners report, the CA console (MS-CSRA); plain-RPC clients (MS-ICPR: \`certreq -rpc\`, and Linux and third-party tools that speak ICPR) still use the CA's dynamic range or the \\PIPE\\cert named pipe over TCP 445, which this estate does not open: add a custom flow if you have them`,
  rpcRangeLow: (range: string, start: number) =>
    `the RPC range ${range} starts below ${start}; KB 154596 advises a range above ${start}, where it does not meet other services' ports`,
  cidrEverything: (tier: string) =>
    `tier "${tier}" lists 0.0.0.0/0: its flows are open to every address, the Internet included; list the tier's networks instead`,
  noEnrollmentPath: () =>
    'directEnrollment is false and the estate has no "ces" tier: clients have no way to enroll (Web Enrollment and NDES aside); add tiers.ces or set directEnrollment: true',
  platformImpliedWithoutSettings: (platform: string, owner: string, example: string, at: string) =>
    `${at} mark this as an ${owner} estate, but the spec has no "${platform}" settings block; add ${example}`,
  planNotFound: (file: string) => `plan not found: ${file}; give a synthesized cdk.tf.json or the output of terraform show -json`,
  notAPlan: () => 'not a plan: expected a synthesized cdk.tf.json (with "resource") or terraform show -json output (with "planned_values")',
  warning: (path: string, message: string) => `warning: ${path ? `${path}: ` : ''}${message}`,

  // --- host (Windows Firewall rules and registry values of one tier) ---
  hostTierUnknown: (tier: string, accepted: readonly string[]) =>
    `--tier ${show(tier)} is not a tier${didYouMean(tier, accepted)}; accepted: ${list(accepted)}`,
  hostTierAbsent: (tier: string, present: readonly string[]) =>
    `the estate has no "${tier}" tier, so it has no host configuration; give one of its tiers (${list(present)}), or add tiers.${tier} to the spec`,

  // --- composing with the user's own resources (tokens, stack checks, framework packages) ---
  tokenInCidrs: (resolved: string) =>
    `a token (${show(resolved)}) is not accepted for a CIDR: the rules are computed from the addresses at synth (CIDRs are merged, compared between tiers and counted against quotas), and a token's value is known only at apply; write the CIDR itself (the literal you gave the subnet or VPC)`,
  tokenList: (path: string, resolved: string) =>
    `${path} is a list token (${show(resolved)}), whose length is known only at apply; the library writes one resource per element: give each id as its own element (for example [subnetA.id, subnetB.id])`,
  tokenNotAccepted: (path: string, resolved: string, accepted: readonly string[]) =>
    `a token (${show(resolved)}) is not accepted for ${path}: it decides which rules are written or what the library's resources are called, which must be known at synth; give the value itself (tokens are accepted for ${list(accepted)}, and tag values)`,
  tokenNotAString: (resolved: string) => `a token that stands for ${show(resolved)}, not a string; give a string token (an id or name attribute)`,
  noEstateInStack: () =>
    'no AdcsEnrollmentSecurity found: give the stack that holds one (or the construct itself), or check a synthesized plan against an estate (toSatisfyAdcsEstate(plan, estate), assertPlanSatisfies)',
  frameworkMissing: (entry: string, pkg: string, range: string, install: string, other: string) =>
    `${entry} needs the package ${pkg} ${range}, which is not installed; install it beside adcs-firewall: npm i ${install} (or use ${other}; the CLI and adcs-firewall/model need no framework)`,
  frameworkVersion: (entry: string, pkg: string, range: string, found: string, install: string) =>
    `${entry} needs ${pkg} ${range}, but ${pkg} ${found} is installed; install a supported version: npm i ${install}`,
  moduleMissing: (pkg: string, range: string | undefined) =>
    `the package ${pkg}${range ? ` ${range}` : ''} is not installed${range ? ` (a dependency of adcs-firewall): reinstall adcs-firewall (npm i adcs-firewall) or npm i ${pkg}@${range}` : '; the command line needs no framework or provider package: reinstall adcs-firewall (npm i adcs-firewall), and report it if it persists'}`,
  tokenUnresolvable: (token: string, detail: string) => `the token ${show(token)} cannot be resolved in this stack (${detail}); pass a token of this stack or of another stack of the same app`,

};

/** Shorthand: a problem at a path. */
export function problem(path: string, message: string): InputProblem {
  return { path, message };
}
