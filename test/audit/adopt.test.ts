import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { adoptionFiles } from '../../lib/audit/adopt';
import type { ResolvedInput } from '../../lib/input/resolved';
import type { Adoption, LiveExport } from '../../lib/platforms/live';
import type { PlatformModule } from '../../lib/platforms/platform';

// The platform-neutral half of `audit --adopt`: an Adoption turned into import.tf.json (Terraform
// 1.5+ `import` blocks in Terraform's JSON syntax: `{"import": [{"to": ..., "id": ...}]}`) and
// adoption.md. A Terraform address is `<type>.<logical id>`, the logical id as CDKTF makes it from
// the construct path below the stack: the readable ids joined by `_`, then the first 8 hex digits
// (upper case) of the MD5 of the `/`-joined path (cdktf `makeUniqueId`).

const md5 = (s: string): string => createHash('md5').update(s).digest('hex').slice(0, 8).toUpperCase();

function platformWith(adoption: Adoption): PlatformModule<any> {
  return { platform: 'azure', constructId: 'azure', live: { adopt: () => adoption } } as unknown as PlatformModule<any>;
}
const spec = { estate: { name: 'pki' } } as unknown as ResolvedInput;
const EXPORTS: LiveExport[] = [{ file: 'nsg-list.json', value: [], command: 'az network nsg list' }];

describe('adoption files', () => {
  const adoption: Adoption = {
    items: [
      { action: 'import', path: ['z-rule'], type: 'azurerm_network_security_rule', id: '/subscriptions/s/x/securityRules/z', label: 'rg/nsg/z', detail: 'exists' },
      { action: 'import', path: ['a-rule'], type: 'azurerm_network_security_rule', id: '/subscriptions/s/x/securityRules/a', label: 'rg/nsg/a', detail: 'exists' },
      // An import without an id, or a live resource with no planned element, never becomes an import block.
      { action: 'import', path: ['no-id'], type: 'azurerm_network_security_rule', label: 'rg/nsg/no-id', detail: 'exists' },
      { action: 'create', path: ['new'], type: 'azurerm_network_security_rule', label: 'rg/nsg/new', detail: 'not in the exports' },
      { action: 'leave', id: '/subscriptions/s/x/securityRules/other', label: 'rg/nsg/other', detail: 'a | b\nc' },
    ],
    notes: ['No az network vnet list export.'],
  };
  const files = adoptionFiles(platformWith(adoption), {} as never, spec, EXPORTS, ['adcs']);

  it('imports only planned elements with an id, sorted by address, each at its CDKTF address', () => {
    assert.deepEqual(JSON.parse(files.imports), { import: [
      { to: `azurerm_network_security_rule.adcs_azure_a-rule_${md5('adcs/azure/a-rule')}`, id: '/subscriptions/s/x/securityRules/a' },
      { to: `azurerm_network_security_rule.adcs_azure_z-rule_${md5('adcs/azure/z-rule')}`, id: '/subscriptions/s/x/securityRules/z' },
    ] });
    assert.ok(files.imports.endsWith('\n'));
    assert.equal(files.items.find((i) => i.label === 'rg/nsg/other')!.address, undefined);
  });

  it('reports the counts, a section per action present, escaped cells and the notes', () => {
    const lines = files.report.split('\n');
    assert.equal(lines[0], '# Adopting estate pki (azure)');
    assert.ok(lines.includes('| import | create | change | replace | collide | leave |'));
    assert.ok(lines.includes('| 3 | 1 | 0 | 0 | 0 | 1 |'));
    assert.ok(lines.includes('## Created by the first apply'));
    assert.ok(!files.report.includes('## Changed'));
    assert.ok(lines.includes('| rg/nsg/other |  | a \\| b c |'), files.report);
    assert.ok(files.report.includes('## What the exports do not tell\n\n- No az network vnet list export.\n'));
  });
});
