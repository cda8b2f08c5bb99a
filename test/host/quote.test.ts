import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { hostConfig } from '../../lib/host/host-config';
import { renderPowerShell } from '../../lib/host/powershell';
import { oneLine, psArray, psQuote } from '../../lib/host/quote';
import { EstateProps } from '../../lib/input/props';
import { resolveSpec } from '../../lib/spec';
import { richAzure } from '../support/estates';
import { flowProps } from '../support/fixtures';
import { parseScript, parseValue, readSingleQuoted } from './support/ps-data';

/** Characters that mean something to PowerShell, the five single quotes among them. */
const HOSTILE = fc.string({ unit: fc.constantFrom('\'', '\u2018', '\u2019', '\u201A', '\u201B', '"', '\u201C', '\u201D', '$', '`', '(', ')',
  '{', '}', ';', '#', '<#', '#>', '@', '|', '&', '\n', '\r', ' ', 'a', 'Z', '\\', '%') });

describe('host: PowerShell quoting', () => {
  it('psQuote gives back the exact string and nothing can end it early (hostile and arbitrary text)', () => {
    for (const arb of [HOSTILE, fc.string({ unit: 'binary' })]) {
      fc.assert(fc.property(arb, (text) => {
        // GIVEN any text  WHEN quoted and followed by code
        const quoted = psQuote(text);
        const { value, end } = readSingleQuoted(`${quoted}; Remove-Item C:\\`, 0);
        // THEN the PowerShell tokenizer reads back the text, and the literal ends exactly where psQuote ends it
        assert.equal(value, text);
        assert.equal(end, quoted.length);
      }), { numRuns: 500 });
    }
  });

  it('doubles every kind of single quote, and leaves $ and backticks alone (they are literal in single quotes)', () => {
    assert.equal(psQuote('it\'s'), '\'it\'\'s\'');
    assert.equal(psQuote('\u2018a\u2019 \u201Ab\u201B'), '\'\u2018\u2018a\u2019\u2019 \u201A\u201Ab\u201B\u201B\'');
    assert.equal(psQuote('$(Remove-Item C:\\) `n'), '\'$(Remove-Item C:\\) `n\'');
    assert.equal(psArray([]), '@()');
    assert.deepEqual(parseValue(psArray(['a\'b', '$x'])).value, ['a\'b', '$x']);
  });

  it('hostile custom flow purposes stay data: the script\'s code is the same, the description reads back', () => {
    // GIVEN custom flows whose purposes are built to break out of a PowerShell string
    const base = richAzure();
    const code = parseScript(renderPowerShell(hostConfig(resolveSpec(base, 'test').estate, 'ca'))).code;
    fc.assert(fc.property(HOSTILE.map((s) => `p${s}`), (purpose) => {
      const props: EstateProps = { ...base, customFlows: [flowProps({ name: 'rdp', from: 'admins', to: 'ca', protocol: 'tcp', ports: ['3389'], purpose })] };
      const config = hostConfig(resolveSpec(props, 'test').estate, 'ca');
      // WHEN the CA's script is rendered
      const script = parseScript(renderPowerShell(config));
      // THEN everything outside the data block is the fixed template
      assert.equal(script.code, code);
      // AND the rule's description reads back as the one-line description, whatever the purpose held
      const rule = script.rules.find((r) => r.Name === 'adcs-pki-ca-in-admins-tcp')!;
      assert.equal(rule.Description, oneLine(config.firewallRules.find((r) => r.name === 'adcs-pki-ca-in-admins-tcp')!.description));
      assert.ok((rule.Description as string).includes(oneLine(purpose)));
    }), { numRuns: 200 });
  });

  it('the template writes what the issue asks for', () => {
    const script = renderPowerShell(hostConfig(resolveSpec(richAzure({ dcomPort: 10509 }), 'test').estate, 'ca'));
    for (const needle of ['#Requires -RunAsAdministrator', '[CmdletBinding(SupportsShouldProcess)]', '[string] $PolicyStore = \'PersistentStore\'',
      '[switch] $RestartCertSvc', '[string] $DomainController = \'\'',
      'New-NetFirewallRule @store -Name $r.Name -DisplayName $r.Name -Group $Group @p -WhatIf:$WhatIfPreference',
      'Set-NetFirewallRule @store -Name $r.Name @p -WhatIf:$WhatIfPreference',
      'Remove-NetFirewallRule @store -Name $old.Name -WhatIf:$WhatIfPreference',
      'New-Item -Path $key -Force', 'Set-ItemProperty -LiteralPath $key -Name $v.Name -Type $v.Type',
      'Set-GPRegistryValue -Name $RegistryGpo -Server $DomainController -Key $v.Path', 'Restart-Service -Name CertSvc -WhatIf:$WhatIfPreference']) {
      assert.ok(script.includes(needle), needle);
    }
    // AND never the RPC port keywords unless host.rpcKeyword asks: the rule says exactly what the network rules say
    assert.doesNotMatch(script, /'RPC(EPMap)?'/);
  });
});
