import { defineRules, FindingLevel, rule, RuleMessage } from './findings/rule';
import { closest } from './util/suggest';

/** One thing wrong with an input, located by its key path (`tiers.ca.cidrs[0]`). */
export interface InputProblem {
  /** Key path in the spec or props; empty for the document itself. */
  readonly path: string;
  /** What is wrong, the bad value, what is accepted and the fix. */
  readonly message: string;
  /** The finding rule (`ADCS-E032`). */
  readonly ruleId: string;
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
export const Messages = defineRules({
  // command line
  unknownCommand: rule('ADCS-E001', FindingLevel.ERROR, 'Unknown command',
    'The first argument names a command: matrix, validate, synth, check, diff, audit, explain, host. The message suggests the closest.',
    (command: string, accepted: readonly string[]) =>
    `unknown command ${show(command)}${didYouMean(command, accepted)}; accepted: ${list(accepted)}`),
  unexpectedArgument: rule('ADCS-E002', FindingLevel.ERROR, 'Unexpected argument',
    'Options take the form --name VALUE; a bare word after the command is not one.',
    (arg: string) => `unexpected argument ${show(arg)}; options take the form --name VALUE`),
  unknownOption: rule('ADCS-E003', FindingLevel.ERROR, 'Unknown option',
    'Each command takes its own options (adcs-firewall <command> --help lists them).',
    (option: string, command: string, accepted: readonly string[]) =>
    `unknown option ${show(option)} for ${command}${didYouMean(option, accepted)}; accepted: ${list(accepted)}`),
  optionNeedsValue: rule('ADCS-E004', FindingLevel.ERROR, 'Option without a value',
    'Give the option its value: --spec FILE, --format FORMAT.',
    (option: string, command: string) => `option "${option}" of ${command} needs a value`),
  commandNeeds: rule('ADCS-E005', FindingLevel.ERROR, 'Missing required option',
    'The command needs the options named in the message.',
    (command: string, what: string) => `${command} needs ${what}`),

  // files
  badArguments: rule('ADCS-E006', FindingLevel.ERROR, 'Arguments cannot be read',
    'The command line could not be parsed; Node\'s message says why.',
    (detail: string) => detail),
  fileNotFound: rule('ADCS-E010', FindingLevel.ERROR, 'File not found',
    'Give the path of an existing YAML or JSON file.',
    (_file: string) => 'file not found; give the path of a YAML or JSON spec'),
  fileUnreadable: rule('ADCS-E011', FindingLevel.ERROR, 'File cannot be read',
    'The file exists but cannot be read (a directory, permissions): the message gives the reason.',
    (_file: string, reason: string) => `cannot read the file: ${reason}`),
  fileTooLarge: rule('ADCS-E012', FindingLevel.ERROR, 'File too large',
    'Specs and plans have size limits that no real estate reaches; a larger file is refused rather than read.',
    (bytes: number, max: number) => `the file is ${bytes} bytes; a spec may be at most ${max} bytes`),
  notUtf8: rule('ADCS-E013', FindingLevel.ERROR, 'File is not UTF-8',
    'Save the spec or plan as UTF-8 text (a byte-order mark is fine). Windows PowerShell 5.1\'s > writes UTF-16: pipe to Out-File -Encoding utf8, or use PowerShell 7.',
    (utf16 = false) => (utf16
      ? 'the file is UTF-16 text (it starts with a UTF-16 byte-order mark, as Windows PowerShell 5.1\'s > writes it); save it as UTF-8: terraform show -json plan | Out-File -Encoding utf8 plan.json, or run it in PowerShell 7'
      : 'the file is not UTF-8 text; save it as UTF-8')),
  tooDeep: rule('ADCS-E014', FindingLevel.ERROR, 'Document nests too deep',
    'A spec needs at most four levels; a document nesting deeper is refused before it is read.',
    (max: number) => `the document nests deeper than ${max} levels; a spec needs at most 4`),
  yamlSyntax: rule('ADCS-E015', FindingLevel.ERROR, 'Not valid YAML',
    'The YAML parser\'s message names the line and column.',
    (detail: string) => `not valid YAML: ${detail}`),
  jsonSyntax: rule('ADCS-E016', FindingLevel.ERROR, 'Not valid JSON',
    'The JSON parser\'s message names the position.',
    (detail: string) => `not valid JSON: ${detail}`),
  notAMapping: rule('ADCS-E017', FindingLevel.ERROR, 'Spec is not a mapping',
    'A spec is a mapping of keys (name, platform, tiers, ...).',
    (value: unknown) => `a spec is a mapping of keys (name, platform, tiers, ...), got ${show(value)}`),
  multipleDocuments: rule('ADCS-E018', FindingLevel.ERROR, 'Several YAML documents',
    'A spec is one YAML document; remove the extra --- separators.',
    () => 'the file holds several YAML documents; a spec is one document'),

  // structure
  unknownKey: rule('ADCS-E020', FindingLevel.ERROR, 'Unknown key',
    'The key is not part of the spec at that place; the message lists the accepted keys and the closest match.',
    (key: string, accepted: readonly string[]) =>
    `unknown key ${show(key)}${didYouMean(key, accepted)}; accepted keys: ${list(accepted)}`),
  missingKey: rule('ADCS-E021', FindingLevel.ERROR, 'Missing required key',
    'Add the key the message names.',
    (key: string, hint = '') => `missing required key "${key}"${hint}`),
  wrongType: rule('ADCS-E022', FindingLevel.ERROR, 'Value of the wrong type',
    'The message says which type the key takes (a quoted range "N-M", a list, a mapping, true or false).',
    (expected: string, value: unknown) => `expected ${expected}, got ${show(value)}`),
  notAccepted: rule('ADCS-E023', FindingLevel.ERROR, 'Value not accepted',
    'The key takes one of the values the message lists.',
    (value: unknown, accepted: readonly string[]) =>
    `${show(value)} is not accepted${didYouMean(value, accepted)}; accepted: ${list(accepted)}`),
  emptyList: rule('ADCS-E024', FindingLevel.ERROR, 'Empty list',
    'The list needs at least one item.',
    (what: string) => `empty list; give at least one ${what}`),
  badPattern: rule('ADCS-E025', FindingLevel.ERROR, 'Value does not match its pattern',
    'Names and ids follow the pattern the message states.',
    (value: unknown, rule: string) => `${show(value)} is not accepted: ${rule}`),

  // addresses
  schemaViolation: rule('ADCS-E027', FindingLevel.ERROR, 'Value violates the schema',
    'The JSON Schema\'s own message says what the value breaks.',
    (detail: string) => detail),
  cidrMalformed: rule('ADCS-E030', FindingLevel.ERROR, 'Not an IPv4 CIDR',
    'Write addresses as a.b.c.d/n, for example 10.0.1.0/24.',
    (value: unknown) => `${show(value)} is not an IPv4 CIDR; write it as a.b.c.d/n, for example 10.0.1.0/24`),
  cidrIpv6: rule('ADCS-E031', FindingLevel.ERROR, 'IPv6 CIDR',
    'Tiers are IPv4 networks; IPv6 is not supported.',
    (value: unknown) => `${show(value)} is IPv6; only IPv4 CIDRs are supported`),
  cidrNotNetwork: rule('ADCS-E032', FindingLevel.ERROR, 'CIDR with host bits',
    'A tier lists networks: 10.0.1.0/24, not 10.0.1.7/24 (the message gives the network meant).',
    (value: unknown, suggestion: string) =>
    `${show(value)} has host bits set (did you mean ${suggestion}, the network of that block?)`),
  cidrNoPrefix: rule('ADCS-E033', FindingLevel.ERROR, 'Address without prefix length',
    'A tier lists networks; write one host as a.b.c.d/32.',
    (value: unknown, suggestion: string) => `${show(value)} has no prefix length; for one host write ${suggestion}`),
  cidrDuplicate: rule('ADCS-E034', FindingLevel.ERROR, 'CIDR listed twice',
    'A CIDR is listed once per tier: remove the second entry.',
    (value: string, first: number) => `${value} is listed twice (first at index ${first}); remove one`),

  // ports
  portRangeMalformed: rule('ADCS-E040', FindingLevel.ERROR, 'Not a port range',
    'Write ranges as a quoted "N-M", low end first.',
    (value: unknown, bounds: string) =>
    `${show(value)} is not a port range; write "N-M" with ${bounds}, low end first (for example "5000-5200")`),
  portRangeOutOfBounds: rule('ADCS-E041', FindingLevel.ERROR, 'Range out of bounds',
    'Both ends must lie in the bounds the message states.',
    (value: unknown, bounds: string) =>
    `${show(value)} lies outside ${bounds}; give "N-M" with both ends in ${bounds}, low end first`),
  portMalformed: rule('ADCS-E042', FindingLevel.ERROR, 'Not a port',
    'Write ports as "N" or "N-M" with ports in 1-65535.',
    (value: unknown) =>
    `${show(value)} is not a port; write "N" or "N-M" with ports in 1-65535, low end first (for example "3389" or "5985-5986")`),
  dcomPortTooLow: rule('ADCS-E043', FindingLevel.ERROR, 'Static DCOM port below 1024',
    'A static DCOM port lies in 1024-65535, outside the dynamic range (KB 154596); 135 is the endpoint mapper, 445 SMB.',
    (port: number) =>
    `${port} is below 1024${port === 135 ? ' (135 is the RPC endpoint mapper itself)' : port === 445 ? ' (445 is SMB)' : ''}; a static DCOM port lies in 1024-65535, outside the dynamic range (KB 154596), for example 10509`),
  dcomPortTooHigh: rule('ADCS-E044', FindingLevel.ERROR, 'Static DCOM port above 65535',
    'A static DCOM port lies in 1024-65535.',
    (port: number) => `${port} is above 65535; a static DCOM port lies in 1024-65535`),

  // meaning
  cesAuthenticationWithoutCes: rule('ADCS-E050', FindingLevel.ERROR, 'cesAuthentication without CES or CEP',
    'The option sets the authentication of CES and CEP instances; add the tier or remove the key.',
    (value: string) =>
    `cesAuthentication is ${show(value)} but the estate has neither a "ces" nor a "cep" tier; add the tier or remove the key`),
  crlPublishingWithoutCdp: rule('ADCS-E051', FindingLevel.ERROR, 'CRL publishing without a CDP tier',
    'crlPublishing: smb writes to the cdp tier; add tiers.cdp or set crlPublishing: none.',
    () => 'crlPublishing is "smb" but the estate has no "cdp" tier to publish to; add tiers.cdp or set crlPublishing: none'),
  ndesHttpWithoutNdes: rule('ADCS-E052', FindingLevel.ERROR, 'ndesHttp without NDES',
    'SCEP over HTTP is an option of the ndes tier; add it or remove the key.',
    () => 'ndesHttp is true but the estate has no "ndes" tier; add tiers.ndes (and tiers.ndesClients) or remove the key'),
  customFlowMissingTier: rule('ADCS-E053', FindingLevel.ERROR, 'Custom flow names an absent tier',
    'A custom flow runs between tiers of the estate; add the tier or change from/to.',
    (which: 'from' | 'to', tier: string) =>
    `custom flow ${which} "${tier}", but the estate has no such tier; add tiers.${tier} or change "${which}"`),
  icmpTakesNoPorts: rule('ADCS-E054', FindingLevel.ERROR, 'ICMP flow with ports',
    'An icmp custom flow allows every ICMP type and takes no ports.',
    () => 'an icmp flow allows every ICMP type and takes no "ports"; remove the key (or use tcp or udp)'),
  instancesOnlyOnWebServices: rule('ADCS-E055', FindingLevel.ERROR, 'instances on a tier other than CES or CEP',
    'Only ces and cep have web service instances.',
    (tier: string) =>
    `only the ces and cep tiers have web service instances; remove "instances" from ${tier} (give tiers.ces or tiers.cep their instances)`),
  instancePortBounds: rule('ADCS-E045', FindingLevel.ERROR, 'Web service instance port out of range',
    'A CES or CEP instance listens on a TCP port in 1-65535.',
    (port: number) => `${port} is not a port; an instance listens on a TCP port in 1-65535 (443 by default)`),
  instanceTwice: rule('ADCS-E057', FindingLevel.ERROR, 'One web service instance listed twice',
    'Two CES or CEP instances may share a port (one IIS site and HTTPS binding, as Microsoft\'s key-based renewal setup does), but not a port and an authentication: that is the same instance twice.',
    (port: number, authentication: string, first: string) =>
    `port ${port} with ${authentication} authentication is already ${first}: the same instance twice; instances may share a port, but each port takes each authentication once (remove one, or give it another authentication)`),
  optionWithoutTier: rule('ADCS-E058', FindingLevel.ERROR, 'Option whose rows need an absent tier',
    'The option switches on a catalogue row between tiers the estate does not have; add the tier or remove the key.',
    (option: string, missing: readonly string[]) =>
    `${option} is true but the estate has no ${missing.map((t) => `"${t}"`).join(' and no ')} tier, which its flows need; add ${missing.map((t) => `tiers.${t}`).join(' and ')} or remove the key`),
  tooManyItems: rule('ADCS-E026', FindingLevel.ERROR, 'Too many items',
    'The list takes at most the number of items the message states.',
    (what: string, max: number) => `more than ${max} ${what}; give at most ${max}`),
  customFlowDuplicate: rule('ADCS-E056', FindingLevel.ERROR, 'Two custom flows with one id',
    'Give each custom flow a distinct name.',
    (id: string, first: number) => `custom flow id "${id}" is already used by customFlows[${first}]; give each flow a distinct "name"`),
  platformMissing: rule('ADCS-E060', FindingLevel.ERROR, 'No platform',
    'synth and check render to one platform: set "platform" or give its settings block.',
    (command: string, accepted: readonly string[]) => `"platform" is required by ${command}; accepted: ${list(accepted)}`),
  platformSettingsMissing: rule('ADCS-E061', FindingLevel.ERROR, 'Platform without its settings block',
    'The platform named needs its settings block (resource group and location on Azure, the VPC on AWS).',
    (platform: string, example: string) =>
    `platform is "${platform}" but the spec has no "${platform}" settings block; add ${example} or remove "platform"`),
  mixedPlatformTierKeys: rule('ADCS-E062', FindingLevel.ERROR, 'Two platforms\' tier keys',
    'An estate renders to one platform; keep one kind of enforcement key or set "platform".',
    (marked: readonly { owner: string; at: string }[]) =>
    `tiers use ${marked.map((m) => `${m.owner} (${m.at})`).join(' and ')} enforcement keys; an estate renders to one platform: keep one kind, or set "platform"`),
  platformSettingsBoth: rule('ADCS-E063', FindingLevel.ERROR, 'Two platforms\' settings blocks',
    'Keep one settings block, or set "platform".',
    (blocks: readonly string[]) =>
    `both ${blocks.map((b) => `"${b}"`).join(' and ')} settings are given; an estate renders to one platform: keep one, or set "platform"`),
  wrongPlatformKey: rule('ADCS-E064', FindingLevel.ERROR, 'Another platform\'s key',
    'The key belongs to another platform than the estate\'s; remove it.',
    (key: string, platform: string, owner: string) =>
    `"${key}" is an ${owner} setting but the platform is "${platform}"; remove it`),
  twoEnforcementPoints: rule('ADCS-E065', FindingLevel.ERROR, 'Two enforcement points on one tier',
    'A tier\'s rules live in one place: keep one of the keys.',
    (keys: readonly string[]) =>
    `a tier has one enforcement point; ${keys.map((k) => `"${k}"`).join(' and ')} are both given: keep one`),
  rpcRangeSmall: rule('ADCS-W001', FindingLevel.WARNING, 'RPC range under 100 ports',
    'KB 154596 asks for at least 100 ports in an RPC range, or RPC servers run out of endpoints.',
    (range: string, size: number, min: number) =>
    `the RPC dynamic range ${range} has ${size} ports; KB 154596 asks for at least ${min}, or RPC servers run out of endpoints`),
  dcomPortInDynamicRange: rule('ADCS-W003', FindingLevel.WARNING, 'Static DCOM port inside the dynamic range',
    'KB 154596 advises a port outside the RPC dynamic range, or another RPC service may take it first.',
    (port: number, range: string, from: string) =>
    `static DCOM port ${port} lies inside the CA's RPC dynamic range ${range} (from ${from}); KB 154596 advises a port outside it, or another RPC service may take it first`),
  msIcprNotCovered: rule('ADCS-W004', FindingLevel.WARNING, 'Static DCOM port: MS-ICPR clients not covered',
    'certreq -rpc and tools that speak MS-ICPR use the dynamic range or \\PIPE\\cert over TCP 445, which the estate does not open (but from the admins with caSmb); add a custom flow, or refuse them at the CA with the IF_NORPCICERTREQUEST interface flag.',
    (port: number, caSmb = false) =>
    `static DCOM port ${port} covers DCOM enrollment (MS-WCCE: autoenrollment, certreq, the Certificates MMC, CES, NDES, Web Enrollment) and, as practitioners report, the CA console (MS-CSRA); plain-RPC clients (MS-ICPR: \`certreq -rpc\`, and Linux and third-party tools that speak ICPR) still use the CA's dynamic range or the \\PIPE\\cert named pipe over TCP 445, which this estate does not open${caSmb ? ' (but TCP 445 from the admins, which caSmb opens)' : ''}: add a custom flow if you have them, or refuse them at the CA with the IF_NORPCICERTREQUEST interface flag ("The CA will not issue any certificates ... for callers using the ICertPassage interface", [MS-WCCE] 3.2.1.1.4)`),
  optInCaSmb: rule('ADCS-W008', FindingLevel.WARNING, 'caSmb on: SMB to the CA, little documented',
    'ca-smb opens TCP 445 from the admins to the CA (the CertEnroll share, CRL and backup copies, \\PIPE\\cert): practitioners open it, Microsoft documents it little; only needed for administrative actions.',
    (flow: string, caveat: string) => `caSmb is on: ${flow} opens TCP 445 from the admins to the CA; ${caveat}`),
  optInOcspRemoteAdmin: rule('ADCS-W009', FindingLevel.WARNING, 'ocspRemoteAdmin on: undocumented on Windows Server 2025',
    'ocsp-admin-dcom opens TCP 135 and the Online Responders\' dynamic range to the admins for the Online Responder Management console; Microsoft documents no remote-management configuration for it on Windows Server 2025.',
    (flow: string, caveat: string) => `ocspRemoteAdmin is on: ${flow} opens TCP 135 and the Online Responders' RPC dynamic range to the admins; ${caveat}`),
  optInWebEnrollmentCallback: rule('ADCS-W010', FindingLevel.WARNING, 'webEnrollmentCallback on: unverified',
    'web-callback opens TCP 135 and the Web Enrollment hosts\' dynamic range to the CA on the word of one practitioner; Microsoft does not document it.',
    (flow: string, caveat: string) => `webEnrollmentCallback is on: ${flow} opens TCP 135 and the Web Enrollment hosts' RPC dynamic range to the CA; ${caveat}`),
  rpcRangeLow: rule('ADCS-W002', FindingLevel.WARNING, 'RPC range below 5000',
    'KB 154596 advises a range above 5000, where it does not meet other services\' ports.',
    (range: string, start: number) =>
    `the RPC range ${range} starts below ${start}; KB 154596 advises a range above ${start}, where it does not meet other services' ports`),
  cidrEverything: rule('ADCS-W006', FindingLevel.WARNING, 'Tier of every address',
    'A tier listing 0.0.0.0/0 opens its flows to the Internet; list its networks.',
    (tier: string) =>
    `tier "${tier}" lists 0.0.0.0/0: its flows are open to every address, the Internet included; list the tier's networks instead`),
  noEnrollmentPath: rule('ADCS-W005', FindingLevel.WARNING, 'No enrollment path',
    'directEnrollment is false and there is no ces tier: clients cannot enroll (Web Enrollment and NDES aside).',
    () =>
    'directEnrollment is false and the estate has no "ces" tier: clients have no way to enroll (Web Enrollment and NDES aside); add tiers.ces or set directEnrollment: true'),
  platformImpliedWithoutSettings: rule('ADCS-E066', FindingLevel.ERROR, 'Tier keys imply a platform without its settings',
    'The tiers\' enforcement keys mark the platform; add its settings block.',
    (platform: string, owner: string, example: string, at: string) =>
    `${at} mark this as an ${owner} estate, but the spec has no "${platform}" settings block; add ${example}`),
  noEnforcementPoint: rule('ADCS-E067', FindingLevel.ERROR, 'No tier has an enforcement point',
    'Nothing would be written or checked: give a tier subnetIds or networkSecurityGroup (Azure), createSecurityGroup or securityGroupId (AWS).',
    (keys: string) => `no tier of the estate has an enforcement point, so nothing would be written or checked; give a tier one of ${keys}`),
  noEnforcementPointWarning: rule('ADCS-W007', FindingLevel.WARNING, 'No tier has an enforcement point',
    'validate warns where synth, check and the constructs refuse (ADCS-E067): nothing of the estate is enforced.',
    (keys: string) => `no tier of the estate has an enforcement point: synth and check refuse it; give a tier one of ${keys}`),
  acknowledgementUnknownRule: rule('ADCS-E095', FindingLevel.ERROR, 'Acknowledgement of an unknown rule',
    'An acknowledgement names a rule id of the README\'s table (ADCS-W... warnings, ADCS-C... check findings).',
    (value: string, suggestion: string | undefined) => `${show(value)} is not a rule id${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; acknowledge a warning (ADCS-W...) or a check finding (ADCS-C...) of the README's rule table`),
  acknowledgementNoReason: rule('ADCS-E096', FindingLevel.ERROR, 'Acknowledgement without a reason',
    'Every acknowledgement says why the finding is accepted, for the reviewer who reads the report.',
    () => 'an acknowledgement needs a reason a reviewer accepts; write it in "reason" (it is shown with the finding in every report)'),
  acknowledgementOfError: rule('ADCS-E097', FindingLevel.ERROR, 'Acknowledgement of an input error',
    'Input errors (ADCS-E...) and notes are not acknowledged: fix the input. Warnings and check findings are.',
    (ruleId: string) => `${ruleId} is an input error, which an acknowledgement cannot accept: fix the input (only warnings, ADCS-W..., and check findings, ADCS-C..., are acknowledged)`),
  planWithoutEstate: rule('ADCS-E072', FindingLevel.ERROR, 'Plan without its estate',
    'A cdk.tf.json written by synth or the constructs records its estate; terraform show -json does not. Give --spec, or --stack with the folder of the synthesized stack.',
    () => 'the plan records no estate (terraform show -json never does); give --spec FILE, or --stack DIR with the folder of the synthesized cdk.tf.json (cdktf.out/stacks/<name>)'),
  noEstateRecord: rule('ADCS-E073', FindingLevel.ERROR, 'Stack without an estate record',
    '--stack names the folder of a stack synthesized by adcs-firewall 0.3 or later (synth, or the constructs), whose cdk.tf.json records its estate.',
    (file: string) => `${file} records no estate; synthesize the stack with adcs-firewall 0.3 or later, or give --spec FILE`),
  planNotFound: rule('ADCS-E070', FindingLevel.ERROR, 'Plan not found',
    'Give a synthesized cdk.tf.json or the output of terraform show -json.',
    (file: string) => `plan not found: ${file}; give a synthesized cdk.tf.json or the output of terraform show -json`),
  notAPlan: rule('ADCS-E071', FindingLevel.ERROR, 'Not Terraform JSON',
    'check reads a synthesized cdk.tf.json, or terraform show -json of a plan or a state.',
    (found = '') => `not a plan: expected a cdk.tf.json or other Terraform JSON configuration, or the output of terraform show -json (a plan or a state)${found ? `; ${found}` : ''}`),
  diffNeedsSavedPlan: rule('ADCS-E074', FindingLevel.ERROR, 'One plan to diff that is not a saved plan',
    'diff with one --plan compares the state a terraform show -json plan starts from (prior_state) with the one it leads to; give terraform show -json of a saved plan, or two plans.',
    (found: string) => `diff of one plan reads terraform show -json of a saved plan (format_version and resource_changes); ${found}`),

  // --- audit and explain (live exports) ---
  exportNotFound: rule('ADCS-E400', FindingLevel.ERROR, 'Export not found',
    'audit and explain read the JSON the cloud\'s CLI prints: az network ... -o json, aws ec2 describe-... --output json.',
    (file: string) => `export not found: ${file}; give the JSON output of an az network or aws ec2 describe command`),
  exportNotJson: rule('ADCS-E401', FindingLevel.ERROR, 'Export is not JSON',
    'Take exports with JSON output (az ... -o json, aws ... --output json): table, tsv, text and yaml output is refused.',
    (detail: string, accepted: readonly string[]) => `not JSON (${detail}); take the export with az ... -o json or aws ec2 ... --output json; accepted: ${list(accepted)}`),
  exportNotRecognised: rule('ADCS-E402', FindingLevel.ERROR, 'Not a recognised export',
    'Each --export is the whole JSON output of one of the accepted commands, recognised by its shape (no --query projection, no ARM REST body, no other command).',
    (what: string, accepted: readonly string[]) => `not a recognised export${what ? ` (${what})` : ''}; accepted: ${list(accepted)}, each as the command prints it with JSON output and no --query`),
  exportIsTerraform: rule('ADCS-E403', FindingLevel.ERROR, 'A Terraform document given as an export',
    'audit reads what is deployed; a plan or configuration is check\'s input.',
    () => 'a Terraform plan or configuration, not an export of the live estate: use check --plan for it'),
  exportOtherPlatform: rule('ADCS-E404', FindingLevel.ERROR, 'An export of another platform',
    'Every export of one audit comes from the spec\'s platform.',
    (command: string, platform: string) => `the output of ${command}, but the estate's platform is ${platform}; give that platform's exports`),
  adoptUnwritable: rule('ADCS-E405', FindingLevel.ERROR, 'Adoption folder cannot be written',
    'audit --adopt DIR writes import.tf.json and adoption.md in DIR (created if missing); nothing is written on a failed run.',
    (dir: string, reason: string) => `cannot write ${show(dir)}: ${reason}; nothing was written`),
  packetAddress: rule('ADCS-E406', FindingLevel.ERROR, 'Not an IPv4 address',
    'explain asks about one packet: --from and --to are single IPv4 addresses (10.0.1.4), not CIDRs or names.',
    (option: string, value: string) => `${option} ${show(value)} is not an IPv4 address; give one address, for example 10.0.1.4`),
  packetPort: rule('ADCS-E407', FindingLevel.ERROR, 'Not a port',
    'explain\'s --port is one destination port in 0-65535 (for icmp: the ICMP type, default 8).',
    (value: string) => `--port ${show(value)} is not a port; give one number in 0-65535`),
  explainInput: rule('ADCS-E408', FindingLevel.ERROR, 'explain needs a plan or exports',
    'explain reads the estate from a plan (--plan FILE) or from live exports (--export FILE ...), one of the two.',
    () => 'give --plan FILE or --export FILE (one or more), not both'),
  explainUnsupported: rule('ADCS-E409', FindingLevel.ERROR, 'explain not available for the platform',
    'explain traces one packet through the rules with the platform\'s evaluator; a platform whose evaluator cannot yet trace a packet says so rather than guess.',
    (platform: string) => `explain cannot yet trace a packet through ${platform} rules; use check or audit, whose findings name the rules of each flow`),

  // --- host (Windows Firewall rules and registry values of one tier) ---
  hostTierUnknown: rule('ADCS-E075', FindingLevel.ERROR, 'Unknown tier',
    '--tier names a tier of the catalogue.',
    (tier: string, accepted: readonly string[]) =>
    `--tier ${show(tier)} is not a tier${didYouMean(tier, accepted)}; accepted: ${list(accepted)}`),
  hostTierAbsent: rule('ADCS-E076', FindingLevel.ERROR, 'Tier absent from the estate',
    'host configures a tier the estate has.',
    (tier: string, present: readonly string[]) =>
    `the estate has no "${tier}" tier, so it has no host configuration; give one of its tiers (${list(present)}), or add tiers.${tier} to the spec`),

  hostOutUnwritable: rule('ADCS-E318', FindingLevel.ERROR, 'Output file cannot be written',
    'host --out writes the script or JSON to FILE; the folder must exist and be writable. Nothing is written on a failed run.',
    (file: string, reason: string) => `cannot write ${show(file)}: ${reason}; nothing was written`),
  writeRpcRangeNotNarrowed: rule('ADCS-W310', FindingLevel.WARNING, 'host.writeRpcRange on a tier with the default range',
    'The machine-wide RPC range is written only where an rpcDynamicPorts narrows the tier\'s range: the OS generation\'s range is the default, with nothing to write.',
    (setting: string, tier: string, range: string, from: string) =>
    `host.writeRpcRange is "${setting}" but the RPC range ${range} of tier ${tier} comes from ${from}, the default: there is nothing to narrow, so the script writes no RPC range on ${tier}; give the range its admins chose as rpcDynamicPorts (or tiers.${tier}.rpcDynamicPorts)`),
  writeRpcRangePinnedCa: rule('ADCS-W311', FindingLevel.WARNING, 'host.writeRpcRange on a pinned CA',
    'A CA pinned to a static DCOM port (dcomPort) needs no machine-wide RPC range: KB 154596 restricts it only where the RPC server offers no way to set its port.',
    (setting: string, port: number) =>
    `host.writeRpcRange is "${setting}" but the CA is pinned to TCP ${port} (dcomPort): its DCOM port is set by Endpoints, and KB 154596 restricts the machine-wide range "only if the RPC server does not offer a way to define the server port"; the script writes no RPC range on the CA`),
  writeRpcRangeDcs: rule('ADCS-W312', FindingLevel.WARNING, 'Machine-wide RPC range on the DCs',
    'caAndDc restricts every RPC server of the DCs (replication, Netlogon, LSA); KB 224196 sets static ports per service instead.',
    (range: string) =>
    `host.writeRpcRange is "caAndDc": the DCs' scripts restrict every RPC server of the DCs (replication, Netlogon, LSA) to ${range}, which takes a reboot; too few ports exhaust them and a wrong value stops Netlogon (event 5820, KB 154596); KB 224196 sets static ports per service instead (NTDS "TCP/IP Port", Netlogon "DCTcpipPort"), which this library does not write`),
  rpcKeywordPinnedCa: rule('ADCS-W313', FindingLevel.WARNING, 'host.rpcKeyword on a pinned CA',
    'A pinned CA\'s DCOM rule keeps its one port; the RPC keyword applies to an unpinned CA only.',
    (port: number) => `host.rpcKeyword is true but the CA is pinned to TCP ${port} (dcomPort): its rule keeps that one port, so the keyword changes nothing`),

  // --- composing with the user's own resources (tokens, stack checks, framework packages) ---
  tokenInCidrs: rule('ADCS-E080', FindingLevel.ERROR, 'Token for a CIDR',
    'Rules are computed from the addresses at synth; write the CIDR itself.',
    (resolved: string) =>
    `a token (${show(resolved)}) is not accepted for a CIDR: the rules are computed from the addresses at synth (CIDRs are merged, compared between tiers and counted against quotas), and a token's value is known only at apply; write the CIDR itself (the literal you gave the subnet or VPC)`),
  tokenList: rule('ADCS-E081', FindingLevel.ERROR, 'List token',
    'The library writes one resource per element; give each id as its own element.',
    (path: string, resolved: string) =>
    `${path} is a list token (${show(resolved)}), whose length is known only at apply; the library writes one resource per element: give each id as its own element (for example [subnetA.id, subnetB.id])`),
  tokenNotAccepted: rule('ADCS-E082', FindingLevel.ERROR, 'Token where a literal is needed',
    'The value decides which rules are written or what they are called; give the value itself.',
    (path: string, resolved: string, accepted: readonly string[]) =>
    `a token (${show(resolved)}) is not accepted for ${path}: it decides which rules are written or what the library's resources are called, which must be known at synth; give the value itself (tokens are accepted for ${list(accepted)}, and tag values)`),
  tokenNotAString: rule('ADCS-E083', FindingLevel.ERROR, 'Token that is not a string',
    'Give a string token (an id or name attribute).',
    (resolved: string) => `a token that stands for ${show(resolved)}, not a string; give a string token (an id or name attribute)`),
  noEstateInStack: rule('ADCS-E085', FindingLevel.ERROR, 'No AdcsEnrollmentSecurity in the stack',
    'Give the stack that holds one, or the construct, or check a plan against an estate.',
    () =>
    'no AdcsEnrollmentSecurity found: give the stack that holds one (or the construct itself), or check a synthesized plan against an estate (toSatisfyAdcsEstate(plan, estate), assertPlanSatisfies)'),
  frameworkMissing: rule('ADCS-E090', FindingLevel.ERROR, 'Framework package missing',
    'Install the package and version the message names beside adcs-firewall.',
    (entry: string, pkg: string, range: string, install: string, other: string) =>
    `${entry} needs the package ${pkg} ${range}, which is not installed; install it beside adcs-firewall: npm i ${install} (or use ${other}; the CLI and adcs-firewall/model need no framework)`),
  frameworkVersion: rule('ADCS-E091', FindingLevel.ERROR, 'Unsupported framework version',
    'Install a version of the range the message names.',
    (entry: string, pkg: string, range: string, found: string, install: string) =>
    `${entry} needs ${pkg} ${range}, but ${pkg} ${found} is installed; install a supported version: npm i ${install}`),
  moduleMissing: rule('ADCS-E092', FindingLevel.ERROR, 'Dependency missing',
    'Reinstall adcs-firewall; the message names the package.',
    (pkg: string, range: string | undefined) =>
    `the package ${pkg}${range ? ` ${range}` : ''} is not installed${range ? ` (a dependency of adcs-firewall): reinstall adcs-firewall (npm i adcs-firewall) or npm i ${pkg}@${range}` : '; the command line needs no framework or provider package: reinstall adcs-firewall (npm i adcs-firewall), and report it if it persists'}`),
  tokenUnresolvable: rule('ADCS-E084', FindingLevel.ERROR, 'Token of another app',
    'Pass a token of this stack or of another stack of the same app.',
    (token: string, detail: string) => `the token ${show(token)} cannot be resolved in this stack (${detail}); pass a token of this stack or of another stack of the same app`),

  // --- the user's Terraform: provider configurations, modules, frameworks (issue 24) ---
  providerAliasInvalid: rule('ADCS-E300', FindingLevel.ERROR, 'Not a provider alias',
    'A provider configuration\'s alias is a Terraform name: a letter or underscore, then letters, digits, underscores and dashes.',
    (value: unknown) =>
    `${show(value)} is not a provider alias; Terraform takes a letter or underscore, then letters, digits, underscores and dashes (for example "identity")`),
  providerUndeclared: rule('ADCS-E301', FindingLevel.ERROR, 'Provider configuration not declared',
    'In a spec, "provider" names a configuration under the platform\'s "providers"; in the construct it is the TerraformProvider itself.',
    (name: string, key: string, declared: readonly string[]) =>
    `"${name}" names no provider configuration${didYouMean(name, declared)}; ${declared.length > 0 ? `declared under ${key}: ${list(declared)}` : `nothing is declared under ${key}`}. In a spec, declare it there (${key}: { ${name}: { ... } }); in the construct, pass your TerraformProvider (with its alias) as "provider"`),
  providerWithoutEnforcement: rule('ADCS-E302', FindingLevel.ERROR, 'Provider on a tier without an enforcement point',
    'Only an enforcement point (an NSG, a security group) is written under a provider configuration; the tier has none.',
    (tier: string, keys: string) =>
    `tier "${tier}" has no enforcement point, so nothing of it is written under a provider configuration; remove "provider", or give the tier one of ${keys}`),
  providerNotOfPlatform: rule('ADCS-E303', FindingLevel.ERROR, 'Provider of another kind',
    'The estate\'s resources need a provider of its platform: azurerm for Azure, aws for AWS.',
    (found: string, wanted: string, owner: string) =>
    `${found} is not an ${wanted} provider; the resources of an ${owner} estate need one: pass a TerraformProvider whose provider is "${wanted}" (your provider package's class, or AdcsProvider with an alias)`),
  providersInConstruct: rule('ADCS-E304', FindingLevel.ERROR, 'Provider configurations in construct props',
    'The construct creates no provider: declare the configuration in your stack and pass it to the tier as "provider".',
    (key: string) =>
    `the construct creates no provider configuration: remove ${key}, declare the configuration in your stack (your provider package's class or AdcsProvider, with an alias) and pass it as the tier's "provider"`),
  wrongFramework: rule('ADCS-E305', FindingLevel.ERROR, 'Constructs of the other framework',
    'adcs-firewall holds the CDKTF constructs, adcs-firewall/cdktn the CDK Terrain ones: a stack takes the constructs of its own framework.',
    (framework: string, found: string, stack: string, other: string) =>
    `these are the ${framework} constructs; use ${other} (stack "${stack}" is a ${found} TerraformStack, and a stack takes the constructs of its own framework)`),
  moduleInputOutsideModule: rule('ADCS-E306', FindingLevel.ERROR, 'A module input outside a module',
    'The value "input" leaves an id to the caller of a module (synth --module); a stack or a construct needs the value itself.',
    (paths: readonly string[], where: string) =>
    `${list(paths)} ${paths.length === 1 ? 'is' : 'are'} "input", a variable of a module (synth --module writes one); ${where}`),
  providerAliasTwice: rule('ADCS-E307', FindingLevel.ERROR, 'Two providers of one alias',
    'Each provider configuration of a stack has its own alias.',
    (alias: string) => `two different providers carry the alias "${alias}"; give each configuration its own alias`),
  providerOfOtherStack: rule('ADCS-E308', FindingLevel.ERROR, 'Provider of another stack',
    'A resource takes a provider configuration of its own stack.',
    (provider: string, stack: string) => `the provider ${provider} belongs to another stack than this construct's ("${stack}"); pass a provider of this stack`),
});

/** A problem at a path: one message of a rule. */
export function problem(path: string, m: RuleMessage): InputProblem {
  return { path, message: m.text, ruleId: m.ruleId };
}
