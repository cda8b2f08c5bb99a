import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Messages } from '../../lib/errors';
import { rulesOf } from '../../lib/findings/rule';
import { hostConfig } from '../../lib/host/host-config';
import { HostMessages } from '../../lib/host/messages';
import { BOM, GPO_RECORD_VALUE, OWN_KEY, RECORD_VALUE, renderPowerShell, SCRIPT_TEXT } from '../../lib/host/powershell';
import { AwsMessages } from '../../lib/platforms/aws/messages';
import { AzureMessages } from '../../lib/platforms/azure/messages';
import { EstateProps } from '../../lib/input/props';
import { Estate, presentTiers } from '../../lib/model/estate';
import { loadSpecFile, resolveSpec } from '../../lib/spec';
import { AWS_EXAMPLE_SPEC } from '../../examples/aws';
import { AZURE_EXAMPLE_SPEC } from '../../examples/azure';
import { hostEstate } from '../support/arbitrary';
import { richAzure } from '../support/estates';
import { flowProps } from '../support/fixtures';
import { parseScript, PsToken, tokenize } from './support/ps-data';
import { CMDLETS, lintScript } from './support/ps-lint';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 60);
const estateOf = (props: EstateProps): Estate => resolveSpec(props, 'test').estate;
const CA_SCRIPT = renderPowerShell(hostConfig(estateOf(richAzure({ dcomPort: 10509 })), 'ca'));
const CODE = parseScript(CA_SCRIPT).code;
const TOKENS = tokenize(CODE);

/** The source line (1-based) of the code where `needle` first occurs, or -1. */
const lineOf = (needle: string): number => {
  const i = CODE.indexOf(needle);
  return i < 0 ? -1 : CODE.slice(0, i).split('\n').length;
};

/** The calls of `cmdlet` in the code: each with its line and the `-Parameter` words up to the end of its statement. */
function calls(cmdlet: string): { line: number; params: string[]; text: string }[] {
  const out: { line: number; params: string[]; text: string }[] = [];
  const lines = CODE.split('\n');
  TOKENS.forEach((t: PsToken, i) => {
    if (t.kind !== 'word' || t.text !== cmdlet) return;
    const params: string[] = [];
    for (let j = i + 1, depth = 0; j < TOKENS.length; j++) {
      const x = TOKENS[j];
      if (['(', '@(', '{', '@{', '['].includes(x.text)) depth++;
      else if ([')', '}', ']'].includes(x.text)) { if (depth === 0) break; depth--; }
      else if (depth === 0 && (x.kind === 'newline' || x.text === ';' || x.text === '|')) break;
      else if (depth === 0 && (x.kind === 'word' && /^-[A-Za-z]/.test(x.text))) params.push(x.text.slice(1).replace(/:$/, ''));
      else if (depth === 0 && x.kind === 'variable' && TOKENS[j - 1]?.text !== '-' && CODE.split('\n')[x.line - 1].includes(`@${x.text}`)) params.push(`@${x.text}`);
    }
    out.push({ line: t.line, params, text: lines[t.line - 1].trim() });
  });
  return out;
}

describe('host script: the template\'s code', () => {
  it('passes the checks a tokenizer can make, for every tier of the examples and of random estates', () => {
    // GIVEN every tier's script  WHEN its code is tokenized  THEN brackets balance, variables are assigned, $Text keys exist
    // and are formatted with as many arguments as placeholders, and only documented cmdlets and parameters are called
    for (const file of [AZURE_EXAMPLE_SPEC, AWS_EXAMPLE_SPEC]) {
      const estate = loadSpecFile(file).estate;
      for (const t of presentTiers(estate)) assert.deepEqual(lintScript(parseScript(renderPowerShell(hostConfig(estate, t.key)))).problems, [], t.key);
    }
    fc.assert(fc.property(hostEstate(), (props) => {
      const estate = estateOf(props);
      for (const t of presentTiers(estate)) {
        const script = parseScript(renderPowerShell(hostConfig(estate, t.key)));
        // AND the code around the data is the same template for every estate and tier
        assert.equal(script.code.replace(/^.*\n.*\n/, ''), CODE.replace(/^.*\n.*\n/, ''));
        assert.deepEqual(lintScript(script).problems, []);
      }
    }), { numRuns: RUNS });
  });

  it('the checks catch what PowerShell would refuse (each check can fail)', () => {
    const script = parseScript(CA_SCRIPT);
    const broken = (from: string, to: string): string[] => {
      assert.ok(script.code.includes(from), from);
      return lintScript({ ...script, code: script.code.replace(from, to) }).problems;
    };
    assert.match(broken('Open-NetGPO -PolicyStore $PolicyStore', 'Open-NetGPO -PolicyStor $PolicyStore').join(), /Open-NetGPO has no parameter -PolicyStor/);
    assert.match(broken('$existing += $r.Name', '$existing += $rr.Name').join(), /\$rr is read but never assigned/);
    assert.match(broken('$Text.PortExcluded -f', '$Text.PortExclude -f').join(), /\$Text.PortExclude is not in the data block/);
    assert.match(broken('$Text.PortHeld -f $Port, $name, $c.OwningProcess', '$Text.PortHeld -f $Port, $name').join(), /formatted with 2 arguments, its text has 3 placeholders/);
    assert.match(broken('foreach ($note in $Notes) {', 'foreach ($note in $Notes) {{').join(), /never closed/);
    assert.match(broken('Save-NetGPO -GPOSession $session', 'Save-NetGPOs -GPOSession $session').join(), /Save-NetGPOs is not a documented cmdlet/);
    assert.ok(Object.keys(CMDLETS).length > 30);
  });

  it('every change it makes passes -WhatIf on, and GPO mode saves once, through one session', () => {
    const mutating = ['New-NetFirewallRule', 'Set-NetFirewallRule', 'Remove-NetFirewallRule', 'Disable-NetFirewallRule', 'Enable-NetFirewallRule',
      'Set-GPRegistryValue', 'Remove-GPRegistryValue', 'New-Item', 'Set-ItemProperty', 'Remove-ItemProperty', 'Remove-Item', 'Restart-Service'];
    for (const cmdlet of mutating) {
      const found = calls(cmdlet);
      assert.ok(found.length > 0, cmdlet);
      for (const c of found) assert.ok(c.params.includes('WhatIf') || c.text.includes('-not $WhatIfPreference'), `${cmdlet} at line ${c.line}: ${c.text}`);
    }
    // GPO mode: one Open-NetGPO against the PDC emulator (or -DomainController), one Save-NetGPO, not under -WhatIf
    assert.deepEqual(calls('Open-NetGPO').map((c) => c.params), [['PolicyStore', 'DomainController']]);
    assert.deepEqual(calls('Save-NetGPO').map((c) => c.params), [['GPOSession']]);
    assert.ok(CODE.includes('[System.DirectoryServices.ActiveDirectory.Domain]::GetDomain($context).PdcRoleOwner.Name'));
    assert.ok(CODE.includes('$store = @{ GPOSession = $session }'));
    assert.deepEqual(calls('Save-NetGPO').map((c) => c.text), ["if ($PSCmdlet.ShouldProcess($PolicyStore + ' on ' + $DomainController, 'Save-NetGPO')) { Save-NetGPO -GPOSession $session }"]);
    // AND the script's own rules go through the session in GPO mode (@store), every one of them
    for (const cmdlet of ['New-NetFirewallRule', 'Set-NetFirewallRule', 'Remove-NetFirewallRule']) {
      for (const c of calls(cmdlet)) assert.ok(c.params.includes('@store'), `${cmdlet} at line ${c.line}`);
    }
    assert.ok(calls('Get-NetFirewallRule').filter((c) => !c.params.includes('PolicyStore')).every((c) => c.params.includes('@store')));
    // AND the GPO is saved before its registry values are written (Save-NetGPO writes back the whole GPO it opened)
    assert.ok(calls('Save-NetGPO')[0].line < Math.min(...calls('Set-GPRegistryValue').map((c) => c.line)));
  });

  it('refuses before changing anything: local rules ignored by a GPO, a rule of its name in another group, a missing AppID key, a held or excluded port', () => {
    const firstChange = Math.min(...['New-NetFirewallRule', 'Set-NetFirewallRule', 'Set-ItemProperty', 'New-Item'].map((c) => calls(c)[0].line));
    for (const needle of ["Where-Object { ('' + $_.AllowLocalFirewallRules) -eq 'False' }", 'Stop-Run ($Text.LocalRulesIgnored',
      'Stop-Run ($Text.RuleInOtherGroup', 'Stop-Run ($Text.KeyMissing', 'Test-CaPort ([int] $CaPort)', 'if ($RestartCertSvc) { Stop-Run $Text.RestartNotLocal }']) {
      const line = lineOf(needle);
      assert.ok(line > 0 && line < firstChange, `${needle} (line ${line}) comes before the first change (line ${firstChange})`);
    }
    // AND the port checks are the catalogue's: held by certsrv.exe or free, outside the excluded ranges, a warning inside the dynamic range
    for (const needle of ["if ($name -ne 'certsrv') { Stop-Run ($Text.PortHeld", 'netsh int ipv4 show excludedportrange protocol=tcp', 'Stop-Run ($Text.PortExcluded',
      'netsh int ipv4 show dynamicport tcp', 'Write-Warning ($Text.PortInDynamicRange']) assert.ok(lineOf(needle) > 0, needle);
    // AND a refusal exits 1
    assert.ok(CODE.includes('    $Host.UI.WriteErrorLine($Message)\n    exit 1\n'));
  });

  it('restarts CertSvc only behind -RestartCertSvc, then checks certutil -ping and the listener, else says a restart is needed', () => {
    assert.deepEqual(calls('Restart-Service').map((c) => c.text), ['Restart-Service -Name CertSvc -WhatIf:$WhatIfPreference']);
    const restart = lineOf('Restart-Service -Name CertSvc');
    assert.equal(CODE.split('\n')[restart - 2].trim(), 'if ($RestartCertSvc) {');
    assert.equal(CODE.split('\n')[restart].trim(), 'if (-not $WhatIfPreference) { Test-CertSvc }');
    assert.ok(lineOf('Write-Warning ($Text.CertSvcRestartNeeded') > restart);
    for (const needle of ["& certutil.exe -config ($env:COMPUTERNAME + '\\' + $config) -ping", 'Stop-Run ($Text.PingFailed',
      "Get-NetTCPConnection -State Listen -LocalPort ([int] $CaPort)", "$p.ProcessName -eq 'certsrv'", 'Stop-Run ($Text.NotListening']) {
      assert.ok(lineOf(needle) > lineOf('function Test-CertSvc'), needle);
    }
  });

  it('removes a registry value only where its record says it wrote that data, and never one another tier still claims', () => {
    assert.equal(RECORD_VALUE, 'adcs-firewall');
    assert.ok(CODE.includes(`$Record = '${RECORD_VALUE}'`) && CODE.includes(`$GpoRecord = '${GPO_RECORD_VALUE}'`) && CODE.includes(`$OwnKey = '${OWN_KEY}'`));
    // The only removal of a value the estate does not ask for is guarded by the record of that very data
    const removal = calls('Remove-ItemProperty').filter((c) => c.text.includes('-Name $v.Name'));
    assert.equal(removal.length, 1);
    const lines = CODE.split('\n');
    const guard = lines.slice(0, removal[0].line).reverse().findIndex((l) => l.includes("if (($lines + $delivered) -contains $mine) {"));
    assert.ok(guard > 0 && guard < 6, 'guarded by the record');
    assert.ok(lines.slice(removal[0].line - 4, removal[0].line).some((l) => l.includes('if ($claimed.Count -eq 0) {')), 'and by no other claim');
    assert.ok(CODE.includes("$mine = 'value ' + $Owner + ' ' + $v.Name + '=' + $current"));
    // AND what it did not write is reported (Report) or compared with the spec's range (CompareRange), never deleted
    assert.ok(CODE.includes("} elseif ($v.IfNotRecorded -eq 'Report' -or -not $RpcRange.ContainsKey('Range')) {"));
    assert.ok(CODE.includes("            Write-Warning ($Text.NotOurs -f $path, $v.Name, $current, $env:COMPUTERNAME)\n"));
    // AND the firewall: only rules of its group are removed
    assert.deepEqual(calls('Remove-NetFirewallRule').map((c) => c.text), ['if ($wanted -notcontains $old.Name) { Remove-NetFirewallRule @store -Name $old.Name -WhatIf:$WhatIfPreference }']);
    assert.ok(CODE.includes('foreach ($old in @(Get-NetFirewallRule @store -Group $Group -ErrorAction SilentlyContinue)) {'));
    // AND predefined rules are disabled only for a group marked Disable, enabled again only where it recorded disabling them
    assert.equal(CODE.split('\n')[calls('Disable-NetFirewallRule')[0].line - 2].trim(), 'if ($g.Disable) {');
    assert.ok(CODE.includes('$again = @($disabledBefore | Where-Object { $names -contains $_ })'));
  });
});

describe('host script: messages', () => {
  it('every message the script prints is a rule of the finding table, with its id, and the data carries it verbatim', () => {
    const script = parseScript(CA_SCRIPT);
    const byId = new Map(rulesOf(HostMessages).map((r) => [r.id, r]));
    assert.deepEqual(Object.keys(script.text), SCRIPT_TEXT.map(([k]) => k));
    for (const [key, text] of SCRIPT_TEXT) {
      assert.equal(script.text[key], text, key);
      const id = /^\[(ADCS-[EW]3\d\d)\] /.exec(text)?.[1];
      assert.ok(id && byId.has(id), `${key}: ${text.slice(0, 30)}`);
    }
    for (const g of script.predefined) assert.match(g.Report as string, /^\[ADCS-W323\] /);
  });

  it('the host rules have ids of their own: E310-E329 and W310-W329, none used twice across every rule table', () => {
    const all = [...rulesOf(Messages), ...rulesOf(HostMessages), ...rulesOf(AzureMessages), ...rulesOf(AwsMessages)];
    const ids = all.map((r) => r.id);
    assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), []);
    // E300-E309 and W300-W309 are the core's rules of the user's Terraform (issue 24), not the host's.
    const host = [...rulesOf(HostMessages), ...rulesOf(Messages).filter((r) => /^ADCS-[EW]3[1-9]/.test(r.id))];
    for (const r of host) assert.match(r.id, /^ADCS-(E3[12]\d|W3[12]\d)$/, r.name);
    for (const r of host) assert.ok(r.title.length > 0 && r.help.length > 0, r.id);
  });
});

describe('host script: bytes', () => {
  /**
   * The text Windows PowerShell 5.1 reads from a script file: a UTF-8 byte-order mark means UTF-8
   * (UTF-16 marks mean UTF-16); without one, the ANSI code page (Windows-1252 on an en-US or
   * western European system).
   */
  function readAsWindowsPowerShell51(bytes: Buffer): string {
    if (bytes[0] === 0xEF && bytes[1] === 0xBB && bytes[2] === 0xBF) return new TextDecoder('utf-8').decode(bytes.subarray(3));
    if (bytes[0] === 0xFF && bytes[1] === 0xFE) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
    return [...bytes].map((b) => String.fromCharCode(b >= 0x80 && b <= 0x9F ? CP1252[b - 0x80] : b)).join('');
  }

  /** Windows-1252 from 0x80 to 0x9F (the rest is ISO 8859-1): Node's TextDecoder gives C1 controls there. */
  const CP1252 = [0x20AC, 0x81, 0x201A, 0x192, 0x201E, 0x2026, 0x2020, 0x2021, 0x2C6, 0x2030, 0x160, 0x2039, 0x152, 0x8D, 0x17D, 0x8F,
    0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x2DC, 0x2122, 0x161, 0x203A, 0x153, 0x9D, 0x17E, 0x178];

  const purpose = 'backup to the Győr site\u2019s NAS \u2018nightly\u2019';
  const props: EstateProps = { ...richAzure(), customFlows: [flowProps({ name: 'backup', from: 'admins', to: 'ca', protocol: 'tcp', ports: ['10000'], purpose })] };
  const config = hostConfig(estateOf(props), 'ca');
  const description = config.firewallRules.find((r) => r.flows.includes('custom:backup'))!.description;

  it('starts with a byte-order mark; Windows PowerShell 5.1 reads the file as UTF-8, and "Győr" and a typographic quote survive', () => {
    // GIVEN the script as the CLI writes it (UTF-8)
    const text = renderPowerShell(config);
    assert.ok(text.startsWith(BOM));
    assert.equal(text.indexOf(BOM, 1), -1, 'one byte-order mark, at the start');
    const bytes = Buffer.from(text, 'utf8');
    assert.deepEqual([...bytes.subarray(0, 3)], [0xEF, 0xBB, 0xBF]);
    // WHEN read as Windows PowerShell 5.1 reads a .ps1
    const read = readAsWindowsPowerShell51(bytes);
    // THEN the data block reads back the description, the purpose intact
    const rule = parseScript(read).rules.find((r) => r.Name === 'adcs-pki-ca-in-admins-tcp')!;
    assert.equal(rule.Description, description);
    assert.ok(description.includes(purpose));
    // AND the code is the template's
    assert.equal(parseScript(read).code, parseScript(text).code.slice(BOM.length));
  });

  it('without the mark the same bytes are mojibake, and the "ő" of Győr ends the string early (what the mark prevents)', () => {
    const bytes = Buffer.from(renderPowerShell(config).slice(BOM.length), 'utf8');
    const read = readAsWindowsPowerShell51(bytes);
    // ő is C5 91 in UTF-8; 0x91 in Windows-1252 is U+2018, a single quote to PowerShell
    assert.ok(read.includes('Gy\u00C5\u2018r'));
    const line = read.split('\n').find((l) => l.includes("Name = 'adcs-pki-ca-in-admins-tcp'"))!;
    assert.throws(() => parseScript(read), /trailing text|expected|unexpected|unterminated/, line);
  });

  it('every estate\'s script is one mark followed by text whose strings all close (any purpose)', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', 'ő', 'é', '\u2019', '\u2018', '\u201C', '"', '\'', '€', 'ß', '中') }), (p) => {
      const c = hostConfig(estateOf({ ...richAzure(), customFlows: [flowProps({ name: 'x', from: 'admins', to: 'ca', protocol: 'tcp', ports: ['10000'], purpose: `p${p}` })] }), 'ca');
      const read = readAsWindowsPowerShell51(Buffer.from(renderPowerShell(c), 'utf8'));
      assert.equal(parseScript(read).rules.find((r) => r.Name === 'adcs-pki-ca-in-admins-tcp')!.Description, c.firewallRules.find((r) => r.name === 'adcs-pki-ca-in-admins-tcp')!.description);
    }), { numRuns: RUNS });
  });
});
