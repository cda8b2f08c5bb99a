import type { Protocol } from './model/protocol';
import type { TierKey } from './model/tiers';
import { ruleSlot, TIER_SLOTS } from './platforms/azure/priorities';
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

/** The priorities a window needs so the rules named `names` (`<estate>-<in|out>-<from>-to-<to>-<protocol>`) keep their own slots. */
function windowNeeded(names: readonly string[]): string {
  const slots = names.map((n) => {
    const m = /-(in|out)-([A-Za-z]+)-to-([A-Za-z]+)-(tcp|udp|icmp)$/.exec(n);
    if (!m || !(m[2] in TIER_SLOTS) || !(m[3] in TIER_SLOTS)) return undefined;
    const [local, peer] = m[1] === 'in' ? [m[3], m[2]] : [m[2], m[3]];
    return ruleSlot(local as TierKey, peer as TierKey, m[4] as Protocol);
  });
  const known = slots.filter((x): x is number => x !== undefined);
  // Slot s needs s + 1 allow priorities below the deny-by-default rule, which takes the last one.
  const needed = known.length === names.length ? Math.max(...known) + 2 : undefined;
  // Priorities that hold every slot: the largest TCP/UDP slot (admins to admins, UDP) or ICMP slot, plus one, plus the deny.
  const allTcpUdp = ruleSlot('admins', 'admins', 'udp' as Protocol) + 2;
  const all = ruleSlot('admins', 'admins', 'icmp' as Protocol) + 2;
  return `widen the priority range${needed === undefined ? '' : `: these two need a window of at least ${needed} priorities ("N-M" with M - N >= ${needed - 1})`}; ${allTcpUdp} priorities hold every TCP and UDP rule of any estate, ${all} with ICMP custom flows (for example "100-${99 + all}"; the default "100-4096" holds everything)`;
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
  priorityRangeMalformed: (value: unknown) =>
    `${show(value)} is not a priority range; write "N-M" with priorities in 100-4096, low end first (for example "3000-3499")`,
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
  platformMissing: (command: string) => `"platform" is required by ${command}; accepted: azure, aws`,
  platformSettingsMissing: (platform: string) =>
    `platform is "${platform}" but the spec has no "${platform}" settings block; add ${platform === 'azure' ? 'azure: { resourceGroupName, location }' : 'aws: { vpcId }'} or remove "platform"`,
  mixedPlatformTierKeys: (azureAt: string, awsAt: string) =>
    `tiers use Azure (${azureAt}) and AWS (${awsAt}) enforcement keys; an estate renders to one platform: keep one kind, or set "platform"`,
  platformSettingsBoth: () => 'both "azure" and "aws" settings are given; an estate renders to one platform: keep one, or set "platform"',
  wrongPlatformKey: (key: string, platform: string, owner: string) =>
    `"${key}" is an ${owner} setting but the platform is "${platform}"; remove it`,
  twoEnforcementPoints: (keys: readonly string[]) =>
    `a tier has one enforcement point; ${keys.map((k) => `"${k}"`).join(' and ')} are both given: keep one`,
  nsgNameWithoutSubnets: () => '"nsgName" names the NSG created for "subnetIds", but the tier has no subnetIds',
  securityGroupNameWithoutCreate: () => '"securityGroupName" names a created group, but createSecurityGroup is not true',
  subnetInTwoGroups: (subnet: string, a: string, b: string) =>
    `subnet ${show(subnet)} is listed by tiers "${a}" and "${b}" with different subnet lists; a subnet has one NSG: give co-located tiers the same subnetIds`,
  sharedNsgConflict: (nsg: string, key: string) =>
    `tiers sharing NSG ${nsg} disagree on "${key}"; give every tier on one NSG the same value`,
  ruleQuotaBounds: (value: number) => `${value} is not a rule quota; AWS allows 1-1000 rules per security group and direction`,
  securityGroupIdMalformed: (value: string) =>
    `${show(value)} is not a security group id; ids look like sg-0123456789abcdef0 (or a Terraform reference such as \${aws_security_group.web.id}, or the group's id token)`,
  rpcRangeSmall: (range: string, size: number, min: number) =>
    `the RPC dynamic range ${range} has ${size} ports; KB 154596 asks for at least ${min}, or RPC servers run out of endpoints`,
  dcomPortInDynamicRange: (port: number, range: string, from: string) =>
    `static DCOM port ${port} lies inside the CA's RPC dynamic range ${range} (from ${from}); KB 154596 advises a port outside it, or another RPC service may take it first`,
  msIcprNotCovered: (port: number) =>
    `static DCOM port ${port} covers DCOM enrollment (MS-WCCE: autoenrollment, certreq, the Certificates MMC, CES, NDES, Web Enrollment) and, as practitioners report, the CA console (MS-CSRA); plain-RPC clients (MS-ICPR: \`certreq -rpc\`, and Linux and third-party tools that speak ICPR) still use the CA's dynamic range or the \\PIPE\\cert named pipe over TCP 445, which this estate does not open: add a custom flow if you have them`,
  rpcRangeLow: (range: string, start: number) =>
    `the RPC range ${range} starts below ${start}; KB 154596 advises a range above ${start}, where it does not meet other services' ports`,
  sharedHostsSplitEnforcement: (a: string, b: string) =>
    `tiers "${a}" and "${b}" share addresses but not their enforcement point; hosts in both tiers need both tiers' rules: give co-located tiers the same subnetIds or networkSecurityGroup, or the NSG's deny-by-default blocks the other tier's flows`,
  cidrEverything: (tier: string) =>
    `tier "${tier}" lists 0.0.0.0/0: its flows are open to every address, the Internet included; list the tier's networks instead`,
  noEnrollmentPath: () =>
    'directEnrollment is false and the estate has no "ces" tier: clients have no way to enroll (Web Enrollment and NDES aside); add tiers.ces or set directEnrollment: true',
  platformImpliedWithoutSettings: (platform: string, at: string) =>
    `${at} mark this as an ${platform === 'azure' ? 'Azure' : 'AWS'} estate, but the spec has no "${platform}" settings block; add ${platform === 'azure' ? 'azure: { resourceGroupName, location }' : 'aws: { vpcId }'}`,
  planNotFound: (file: string) => `plan not found: ${file}; give a synthesized cdk.tf.json or the output of terraform show -json`,
  notAPlan: () => 'not a plan: expected a synthesized cdk.tf.json (with "resource") or terraform show -json output (with "planned_values")',
  warning: (path: string, message: string) => `warning: ${path ? `${path}: ` : ''}${message}`,

  // --- azure ---
  azureNsgNameInvalid: (value: string) =>
    `${show(value)} is not an NSG name; Azure takes 1-80 letters, digits, underscores, periods and hyphens, starting with a letter or digit and ending with a letter, digit or underscore`,
  azureNsgNameTaken: (name: string, a: string, b: string) =>
    `tiers "${a}" and "${b}" would both use NSG ${show(name)} for different subnets (Azure names are unique in a resource group, case aside); give one another nsgName, or give co-located tiers the same subnetIds`,
  azureResourceGroupInvalid: (value: string) =>
    `${show(value)} is not a resource group name; Azure takes 1-90 letters, digits, underscores, parentheses, hyphens and periods, not ending with a period`,
  priorityCollision: (nsg: string, direction: string, priority: number, a: string, b: string) =>
    `NSG ${nsg}: ${direction} rules ${a} and ${b} both need priority ${priority} in the window; ${windowNeeded([a, b])}`,
  priorityWindowFull: (nsg: string, direction: string, needed: number, window: string) =>
    `NSG ${nsg}: ${direction} rules need priority slot ${needed} but the window ${window} is too small; widen the priority range`,
  nsgTooManyRules: (nsg: string, count: number) =>
    `NSG ${nsg} would hold ${count} rules; Azure allows 1000 per NSG: split the tiers over more NSGs or aggregate their CIDRs`,
  nsgTooManyAddresses: (nsg: string, side: string, count: number) =>
    `NSG ${nsg} would hold ${count} ${side} addresses over its rules; Azure allows 4000 (adjacent blocks are already merged): list fewer, larger CIDRs or split the tiers over more NSGs`,
  denyOnDomainControllers: (nsg: string) =>
    `NSG ${nsg} of the dc tier denies all other inbound network traffic; DCs serve the whole domain, so add custom flows for every other client of the DCs, or set denyByDefault: false`,
  existingNsgClash: (nsg: string, what: string, a: string, b: string) =>
    `NSG ${nsg}: ${a} and ${b} both write ${what}; give the estates distinct names and disjoint priorityRange windows on that NSG`,

  // --- aws ---
  awsRuleQuotaExceeded: (group: string, direction: string, count: number, quota: number, detail: string) =>
    `security group ${group} would hold ${count} ${direction} rules (${detail}); the quota is ${quota} per group and direction. Ways out: reference a security group instead of CIDRs (createSecurityGroup or securityGroupId on the peer tier: a referenced group counts as one rule), list the peer tier's addresses as fewer, larger CIDRs, or raise aws.ruleQuota after raising the AWS quota "Inbound or outbound rules per security group" (up to 1000, with rules per group × groups per network interface ≤ 1000)`,
  awsGroupNameInvalid: (name: string, rule: string) =>
    `${show(name)} is not a security group name: ${rule}; AWS accepts up to 255 of a-z A-Z 0-9 space . _ - : / ( ) # , @ [ ] + = & ; { } ! $ *, not starting with "sg-"`,
  awsGroupNameDuplicate: (name: string, a: string, b: string) =>
    `tiers "${a}" and "${b}" would both create security group ${show(name)}; names are unique in a VPC: give one a different securityGroupName, or put co-located tiers on one existing group (the same securityGroupId)`,
  awsExistingGroupEgress: (id: string, tiers: readonly string[]) =>
    `the library adds egress rules to existing security group ${id} (tiers ${tiers.join(', ')}), but they restrict nothing while the group keeps an allow-all egress rule (AWS's default for groups created outside Terraform): remove that rule to enforce the egress side`,
  awsSharedGroupDuplicate: (id: string, rule: string, first: string, second: string) =>
    `${first} and ${second} both write the rule ${rule} on existing security group ${id}; AWS refuses duplicate rules: let one estate own the flow (remove the tier from one of them) or give them distinct groups`,
  awsSharedGroupMixedHosts: (id: string, a: string, b: string) =>
    `tiers "${a}" and "${b}" share security group ${id} but not their CIDRs; a security group rule cannot tell the group's hosts apart, so each tier would receive the other's flows: give each tier its own group (createSecurityGroup or another securityGroupId), or list the same CIDRs when they are the same hosts`,
  awsSharedGroupQuota: (id: string, direction: string, count: number, quota: number, owners: readonly string[]) =>
    `existing security group ${id} would hold ${count} ${direction} rules from ${owners.join(' and ')}; the quota is ${quota} per group and direction: reference security groups instead of CIDRs, list fewer, larger CIDRs, or raise aws.ruleQuota with the AWS quota`,
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
  tokenNotAccepted: (path: string, resolved: string) =>
    `a token (${show(resolved)}) is not accepted for ${path}: it decides which rules are written or what the library's resources are called, which must be known at synth; give the value itself (tokens are accepted for subnetIds, securityGroupId, vpcId, azure.resourceGroupName, azure.location, networkSecurityGroup.name and networkSecurityGroup.resourceGroupName, and tag values)`,
  tokenNotAString: (resolved: string) => `a token that stands for ${show(resolved)}, not a string; give a string token (an id or name attribute)`,
  vpcIdMalformed: (value: string) =>
    `${show(value)} is not a VPC id; ids look like vpc-0a1b2c3d4e5f67890 (or a Terraform reference such as \${aws_vpc.main.id}, or the vpc's id token)`,
  noEstateInStack: () =>
    'no AdcsEnrollmentSecurity found: give the stack that holds one (or the construct itself), or check a synthesized plan against an estate (toSatisfyAdcsEstate(plan, estate), assertPlanSatisfies)',
  frameworkMissing: (entry: string, pkg: string, range: string, install: string, other: string) =>
    `${entry} needs the package ${pkg} ${range}, which is not installed; install it beside adcs-firewall: npm i ${install} (or use ${other}; the CLI and adcs-firewall/model need no framework)`,
  frameworkVersion: (entry: string, pkg: string, range: string, found: string, install: string) =>
    `${entry} needs ${pkg} ${range}, but ${pkg} ${found} is installed; install a supported version: npm i ${install}`,
  moduleMissing: (pkg: string, range: string | undefined) =>
    `the package ${pkg}${range ? ` ${range}` : ''} is not installed${range ? ` (a dependency of adcs-firewall): reinstall adcs-firewall (npm i adcs-firewall) or npm i ${pkg}@${range}` : '; the command line needs no framework or provider package: reinstall adcs-firewall (npm i adcs-firewall), and report it if it persists'}`,
  awsExistingGroupsEgress: (groups: readonly { id: string; tiers: string }[]) =>
    `the library adds egress rules to ${groups.length} existing security groups (${groups.map((g) => `${g.id}: tiers ${g.tiers}`).join('; ')}), but they restrict nothing while a group keeps an allow-all egress rule (AWS's default for groups created outside Terraform): remove that rule from each group to enforce the egress side`,
  tokenUnresolvable: (token: string, detail: string) => `the token ${show(token)} cannot be resolved in this stack (${detail}); pass a token of this stack or of another stack of the same app`,

  // --- check: platforms as documented (issue 12) ---
  awsOverlappingTiers: (a: string, b: string, grouped: string) =>
    `tiers "${a}" and "${b}" share addresses but not a security group; a host in both gets only the groups attached to it (tier "${grouped}"'s, say), so the other tier's flows from or to that host are not allowed there (a created group has no egress but its own flows): attach both tiers' groups to those hosts, or list CIDRs that do not overlap`,
  azureUnenforcedInsideDeny: (tier: string, other: string, nsg: string) =>
    `tier "${tier}" has no NSG of its own, but its addresses lie inside tier "${other}", whose NSG ${nsg} denies by default: that NSG filters those hosts and blocks "${tier}"'s inbound flows; give "${tier}" the same subnetIds or networkSecurityGroup as "${other}", or CIDRs outside it`,
  probePriorityTaken: (nsg: string, priority: number, rule: string, window: string, needed: number, example: string) =>
    `NSG ${nsg}: the Allow from AzureLoadBalancer (health probes) needs priority ${priority}, just before the deny by default, but ${rule} takes it in the window ${window}; widen the priority range to at least ${needed} priorities (for example "${example}")`,
};

/** Shorthand: a problem at a path. */
export function problem(path: string, message: string): InputProblem {
  return { path, message };
}
