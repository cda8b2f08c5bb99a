import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { azInventory, ipv4Of } from '../../../../lib/platforms/azure/exports/inventory';
import { ProblemKind } from '../../../../lib/platforms/evaluator';

// Reading the az exports fails closed: a prefix or address it cannot read is unresolved, by name.

const SUB = '/subscriptions/6f1d3c1e-2b7a-4c39-9a55-0d3e8f4b2a10/resourceGroups/rg-pki/providers/Microsoft.Network';

describe('azInventory', () => {
  it('ipv4Of reads CIDRs and bare addresses, leaves IPv6 out, and hands back what it cannot read', () => {
    const bad: string[] = [];
    const out = ipv4Of(['10.0.1.0/24', '10.0.0.4', 'fd00::/64', '10.0.1.0/33', 'snet-ca'], (t) => bad.push(t));
    assert.deepEqual(out, [{ lo: 0x0a000100, hi: 0x0a0001ff }, { lo: 0x0a000004, hi: 0x0a000004 }]);
    assert.deepEqual(bad, ['10.0.1.0/33', 'snet-ca']);
  });

  it('a subnet whose prefix cannot be read, and a virtual network whose space cannot, are unresolved by name', () => {
    const inv = azInventory([
      { file: 'subnets.json', command: 'az network vnet subnet list', value: [{ id: `${SUB}/virtualNetworks/vnet-pki/subnets/snet-ca`, name: 'snet-ca', addressPrefix: '10.0.1.0/24x' }] },
      { file: 'vnets.json', command: 'az network vnet list', value: [{ id: `${SUB}/virtualNetworks/vnet-pki`, name: 'vnet-pki', addressSpace: { addressPrefixes: ['10.0.0.0/16', 'ten/8'] } }] },
    ]);
    assert.deepEqual(inv.problems.map((p) => [p.kind, p.element]), [[ProblemKind.UNRESOLVED, 'vnet-pki'], [ProblemKind.UNRESOLVED, 'snet-ca']]);
    assert.match(inv.problems[0].message, /address space "ten\/8" is not an IPv4 prefix/);
    assert.deepEqual(inv.subnets.get([...inv.subnets.keys()][0])?.prefixes, []);
  });
});
