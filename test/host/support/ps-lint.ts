import { PsScript, PsToken, tokenize } from './ps-data';

/** Parameters every cmdlet takes (about_CommonParameters), and those of ShouldProcess cmdlets. */
const COMMON = ['Verbose', 'Debug', 'ErrorAction', 'WarningAction', 'InformationAction', 'ErrorVariable', 'WarningVariable',
  'InformationVariable', 'OutVariable', 'OutBuffer', 'PipelineVariable'];
const SHOULD = ['WhatIf', 'Confirm'];
const CIM = ['CimSession', 'ThrottleLimit', 'AsJob'];
const RULE_FILTER = ['Name', 'DisplayName', 'Group', 'DisplayGroup', 'PolicyStore', 'GPOSession', ...CIM, 'PassThru'];
const RULE_PROPS = ['Description', 'Enabled', 'Profile', 'Platform', 'Direction', 'Action', 'EdgeTraversalPolicy', 'LooseSourceMapping',
  'LocalOnlyMapping', 'Owner', 'LocalAddress', 'RemoteAddress', 'Protocol', 'LocalPort', 'RemotePort', 'IcmpType', 'DynamicTarget',
  'Program', 'Package', 'Service', 'InterfaceAlias', 'InterfaceType', 'LocalUser', 'RemoteUser', 'RemoteMachine', 'Authentication',
  'Encryption', 'OverrideBlockRules'];

/**
 * The cmdlets the template may call and their parameters, as Microsoft Learn documents them
 * (powershell/module: netsecurity, grouppolicy, nettcpip, cimcmdlets, microsoft.powershell.*).
 * A parameter the template passes that is not listed here is a typo PowerShell would refuse.
 */
export const CMDLETS: Readonly<Record<string, readonly string[]>> = {
  'Get-NetFirewallRule': [...RULE_FILTER, 'All', 'Description', 'Enabled', 'Direction', 'Action', 'TracePolicyStore', 'PolicyStoreSource', 'PolicyStoreSourceType'],
  'New-NetFirewallRule': ['Name', 'DisplayName', 'Group', 'PolicyStore', 'GPOSession', ...CIM, ...RULE_PROPS, ...SHOULD],
  'Set-NetFirewallRule': [...RULE_FILTER, 'NewDisplayName', ...RULE_PROPS, ...SHOULD],
  'Remove-NetFirewallRule': [...RULE_FILTER, ...SHOULD],
  'Disable-NetFirewallRule': [...RULE_FILTER, ...SHOULD],
  'Enable-NetFirewallRule': [...RULE_FILTER, ...SHOULD],
  'Get-NetFirewallProfile': ['Name', 'All', 'PolicyStore', 'GPOSession', ...CIM],
  'Open-NetGPO': ['PolicyStore', 'DomainController', ...CIM],
  'Save-NetGPO': ['GPOSession', ...CIM],
  'Get-NetTCPConnection': ['LocalAddress', 'LocalPort', 'RemoteAddress', 'RemotePort', 'State', 'AppliedSetting', 'OwningProcess', 'CreationTime', 'OffloadState', ...CIM],
  'Set-GPRegistryValue': ['Name', 'Guid', 'Key', 'ValueName', 'Value', 'Type', 'Domain', 'Server', 'Additive', 'Disable', 'ValuePrefix', ...SHOULD],
  'Get-GPRegistryValue': ['Name', 'Guid', 'Key', 'ValueName', 'Domain', 'Server'],
  'Remove-GPRegistryValue': ['Name', 'Guid', 'Key', 'ValueName', 'Domain', 'Server', ...SHOULD],
  'Get-CimInstance': ['ClassName', 'Namespace', 'Filter', 'Property', 'Query', 'CimSession', 'ComputerName'],
  'Get-Process': ['Name', 'Id', 'ComputerName', 'Module', 'FileVersionInfo', 'IncludeUserName'],
  'Restart-Service': ['Name', 'DisplayName', 'InputObject', 'Force', 'PassThru', 'Include', 'Exclude', ...SHOULD],
  'Test-Path': ['Path', 'LiteralPath', 'PathType', 'IsValid', 'Filter', 'Include', 'Exclude', 'Credential', 'OlderThan', 'NewerThan'],
  'Get-Item': ['Path', 'LiteralPath', 'Filter', 'Include', 'Exclude', 'Force', 'Credential', 'Stream'],
  'Get-ItemProperty': ['Path', 'LiteralPath', 'Name', 'Filter', 'Include', 'Exclude', 'Credential'],
  // The registry provider adds -Type (RegistryValueKind) to Set-ItemProperty and New-ItemProperty.
  'Set-ItemProperty': ['Path', 'LiteralPath', 'Name', 'Value', 'Type', 'InputObject', 'PassThru', 'Force', 'Filter', 'Include', 'Exclude', 'Credential', ...SHOULD],
  'Remove-ItemProperty': ['Path', 'LiteralPath', 'Name', 'Force', 'Filter', 'Include', 'Exclude', 'Credential', ...SHOULD],
  'New-Item': ['Path', 'Name', 'ItemType', 'Value', 'Force', 'Credential', ...SHOULD],
  'Remove-Item': ['Path', 'LiteralPath', 'Filter', 'Include', 'Exclude', 'Recurse', 'Force', 'Credential', 'Stream', ...SHOULD],
  'Write-Warning': ['Message'],
  'Write-Host': ['Object', 'NoNewline', 'Separator', 'ForegroundColor', 'BackgroundColor'],
  'Where-Object': ['FilterScript', 'Property', 'Value', 'InputObject'],
  'ForEach-Object': ['Process', 'Begin', 'End', 'MemberName', 'ArgumentList', 'InputObject'],
  'Select-Object': ['Property', 'ExcludeProperty', 'ExpandProperty', 'Unique', 'Last', 'First', 'Skip', 'Index', 'InputObject'],
  'Out-Null': ['InputObject'],
  'Start-Sleep': ['Seconds', 'Milliseconds'],
  'Get-Date': ['Date', 'Year', 'Month', 'Day', 'Hour', 'Minute', 'Second', 'Format', 'UFormat'],
  'New-Object': ['TypeName', 'ArgumentList', 'Property', 'ComObject', 'Strict'],
  'Set-StrictMode': ['Version', 'Off'],
};

/** Variables PowerShell defines (about_Automatic_Variables, about_Preference_Variables) that the template reads. */
const AUTOMATIC = ['_', 'true', 'false', 'null', 'Matches', 'LASTEXITCODE', 'WhatIfPreference', 'ErrorActionPreference', 'Host', 'PSCmdlet'];

/** What the checks found: each a line of text; empty when the code is clean. */
export interface LintResult {
  readonly problems: string[];
  /** The cmdlets and functions called, by name. */
  readonly called: ReadonlySet<string>;
  /** The `$Text` keys the code formats. */
  readonly textKeys: ReadonlySet<string>;
}

const OPEN: Record<string, string> = { '(': ')', '@(': ')', '{': '}', '@{': '}', '[': ']' };

/**
 * Checks the template's code as far as a tokenizer can, since no PowerShell runs here: brackets
 * balance; every variable read is assigned somewhere (the data block, a param, an assignment,
 * a foreach, a function's parameters) or automatic; every `$Text.Key` exists in the data block
 * and every key is used, each formatted with as many arguments as its text has placeholders;
 * every cmdlet called is a documented one (or a function of the script), with documented
 * parameters only.
 */
export function lintScript(script: PsScript): LintResult {
  const problems: string[] = [];
  const tokens = tokenize(script.code);
  // Brackets.
  const stack: PsToken[] = [];
  for (const t of tokens) {
    if (t.kind !== 'punct') continue;
    if (t.text in OPEN) stack.push(t);
    else if (t.text === ')' || t.text === '}' || t.text === ']') {
      const open = stack.pop();
      if (!open || OPEN[open.text] !== t.text) problems.push(`line ${t.line}: ${t.text} closes ${open ? `${open.text} of line ${open.line}` : 'nothing'}`);
    }
  }
  for (const t of stack) problems.push(`line ${t.line}: ${t.text} never closed`);

  // Functions and their parameters.
  const functions = new Map<string, string[]>();
  tokens.forEach((t, i) => {
    if (t.kind === 'word' && t.text === 'function' && tokens[i + 1]?.kind === 'word') {
      const params: string[] = [];
      if (tokens[i + 2]?.text === '(') {
        for (let j = i + 3, depth = 1; j < tokens.length && depth > 0; j++) {
          if (tokens[j].text === '(') depth++;
          else if (tokens[j].text === ')') depth--;
          else if (tokens[j].kind === 'variable' && depth === 1) params.push(tokens[j].text);
        }
      }
      functions.set(tokens[i + 1].text.toLowerCase(), params);
    }
  });

  // Variables: assigned (data block, param block, assignments, foreach, function parameters) and read.
  const assigned = new Set<string>([...Object.keys(script.vars), ...AUTOMATIC, ...[...functions.values()].flat()].map((v) => v.toLowerCase()));
  tokens.forEach((t, i) => {
    if (t.kind !== 'variable') return;
    const next = tokens[i + 1];
    const after = tokens[i + 2];
    if (next?.text === '=' || (next?.text === '+' && after?.text === '=')) assigned.add(t.text.toLowerCase());
    if (tokens[i - 1]?.text === '(' && tokens[i - 2]?.text === 'foreach') assigned.add(t.text.toLowerCase());
  });
  const paramStart = tokens.findIndex((t, i) => t.kind === 'word' && t.text === 'param' && tokens[i + 1]?.text === '(');
  if (paramStart >= 0) {
    for (let j = paramStart + 2, depth = 1; j < tokens.length && depth > 0; j++) {
      if (tokens[j].text === '(') depth++;
      else if (tokens[j].text === ')') depth--;
      else if (tokens[j].kind === 'variable') assigned.add(tokens[j].text.toLowerCase());
    }
  }
  const reads = tokens.flatMap((t) => (t.kind === 'variable' ? [t] : t.expands ?? []).filter((x) => x.kind === 'variable'));
  for (const v of reads) {
    if (v.text.includes(':')) {
      if (!/^(env|script):/i.test(v.text)) problems.push(`line ${v.line}: $${v.text} has an unknown scope`);
      continue;
    }
    if (!assigned.has(v.text.toLowerCase())) problems.push(`line ${v.line}: $${v.text} is read but never assigned`);
  }

  // $Text: keys used exist, keys given are used, each -f has as many arguments as placeholders.
  const textKeys = new Set<string>();
  tokens.forEach((t, i) => {
    if (t.kind !== 'variable' || t.text !== 'Text' || tokens[i + 1]?.text !== '.') return;
    const key = tokens[i + 2]?.text ?? '';
    textKeys.add(key);
    if (!(key in script.text)) { problems.push(`line ${t.line}: $Text.${key} is not in the data block`); return; }
    const placeholders = [...script.text[key].matchAll(/\{(\d+)\}/g)].map((m) => Number(m[1]));
    const wanted = placeholders.length === 0 ? 0 : Math.max(...placeholders) + 1;
    if (tokens[i + 3]?.text !== '-f') {
      if (wanted > 0) problems.push(`line ${t.line}: $Text.${key} has ${wanted} placeholders but is not formatted`);
      return;
    }
    let args = 1;
    for (let j = i + 4, depth = 0; j < tokens.length; j++) {
      const x = tokens[j];
      if (x.text in OPEN) depth++;
      else if (x.text === ')' || x.text === '}' || x.text === ']') { if (depth === 0) break; depth--; }
      else if (depth === 0 && (x.kind === 'newline' || x.text === ';')) break;
      else if (depth === 0 && x.text === ',') args++;
    }
    if (args !== wanted) problems.push(`line ${t.line}: $Text.${key} is formatted with ${args} arguments, its text has ${wanted} placeholders`);
  });
  for (const k of Object.keys(script.text)) if (!textKeys.has(k)) problems.push(`$Text.${k} is never used`);
  for (const [key, text] of Object.entries(script.text)) {
    if (/[{}]/.test(text.replace(/\{\d+\}/g, ''))) problems.push(`$Text.${key} has a brace that is not a placeholder: -f would fail`);
  }

  // Commands: documented cmdlets and the script's functions, with their parameters.
  const called = new Set<string>();
  const starts = new Set(['newline', ';', '|', '{', '(', '@(', '=', '@{']);
  tokens.forEach((t, i) => {
    if (t.kind !== 'word' || !/^[A-Z][A-Za-z]+-[A-Za-z0-9]+$/.test(t.text)) return;
    const prev = tokens[i - 1];
    if (prev && !starts.has(prev.kind === 'newline' ? 'newline' : prev.text)) return;
    if (prev?.text === '{' && tokens[i - 2]?.kind === 'word' && tokens[i - 2].text === 'function') return;
    if (tokens[i - 1]?.kind === 'word' && tokens[i - 1].text === 'function') return;
    const fn = functions.get(t.text.toLowerCase());
    const allowed = fn ? [] : CMDLETS[t.text];
    if (!fn && !allowed) { problems.push(`line ${t.line}: ${t.text} is not a documented cmdlet the template may use`); return; }
    called.add(t.text);
    for (let j = i + 1, depth = 0; j < tokens.length; j++) {
      const x = tokens[j];
      if (x.text in OPEN) depth++;
      else if (x.text === ')' || x.text === '}' || x.text === ']') { if (depth === 0) break; depth--; }
      else if (depth === 0 && (x.kind === 'newline' || x.text === ';' || x.text === '|')) break;
      else if (depth === 0 && x.kind === 'word' && /^-[A-Za-z]/.test(x.text)) {
        const name = x.text.slice(1).replace(/:$/, '');
        if (![...allowed, ...COMMON].some((p) => p.toLowerCase() === name.toLowerCase())) problems.push(`line ${x.line}: ${t.text} has no parameter -${name}`);
      }
    }
  });
  // A function named in the template must exist where it is called (functions are defined before the code runs them).
  for (const name of functions.keys()) if (![...called].some((c) => c.toLowerCase() === name)) problems.push(`function ${name} is never called`);
  return { problems, called, textKeys };
}
