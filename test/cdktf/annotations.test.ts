import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { richAzure, subnet, synthEstate } from '../support/estates';

/** Warning annotations attached below the construct. */
function warnings(adcs: ReturnType<typeof synthEstate>['adcs']): string[] {
  return adcs.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => String(m.data)));
}

describe('AdcsEnrollmentSecurity annotations', () => {
  it('warns on a static DCOM port inside the dynamic range, and on the MS-ICPR gap', () => {
    const { adcs } = synthEstate(richAzure({ dcomPort: 50000 }));
    const w = warnings(adcs);
    assert.ok(w.some((m) => /dcomPort: static DCOM port 50000 lies inside the CA's RPC dynamic range 49152-65535/.test(m)), w.join('\n'));
    assert.ok(w.some((m) => /MS-ICPR/.test(m)));
  });

  it('warns on a deny-by-default NSG on the DCs', () => {
    const { adcs } = synthEstate(richAzure({ tiers: { ...richAzure().tiers, dc: { cidrs: ['10.0.0.0/24'], subnetIds: [subnet('dc')] } } }));
    assert.ok(warnings(adcs).some((m) => /tiers\.dc: NSG pki-dc-nsg of the dc tier denies all other inbound network traffic/.test(m)));
  });

  it('stays quiet on a plain estate', () => {
    const props = richAzure({ azure: { resourceGroupName: 'rg', location: 'westeurope', denyByDefault: false } });
    assert.deepEqual(warnings(synthEstate(props).adcs), []);
  });
});
