import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { hostConfig } from '../../lib/host/host-config';
import { HostFormat, renderHostConfig } from '../../lib/host/render';
import { Estate, presentTiers } from '../../lib/model/estate';
import { TierKey } from '../../lib/model/tiers';
import { loadSpecFile, resolveSpec } from '../../lib/spec';
import { AWS_EXAMPLE_SPEC } from '../../examples/aws';
import { AZURE_EXAMPLE_SPEC } from '../../examples/azure';
import { expectGolden } from '../support/golden';
import { richAzure } from '../support/estates';
import { hostProps } from '../support/fixtures';
import { parseScript } from './support/ps-data';
import { lintScript } from './support/ps-lint';

const GOLDEN = join(__dirname, '..', '..', '..', 'test', 'host', 'golden');

/** Compares `text` with the golden file `name`; a missing golden fails, and only UPDATE_GOLDEN=1 writes one. */
const golden = (name: string, text: string): void => expectGolden(join(GOLDEN, name), text);

/** The PowerShell of a tier, checked twice (deterministic) and parsed (data block, code lint). */
function script(estate: Estate, tier: TierKey): string {
  const ps = renderHostConfig(hostConfig(estate, tier), HostFormat.POWERSHELL);
  assert.equal(renderHostConfig(hostConfig(estate, tier), HostFormat.POWERSHELL), ps, 'deterministic');
  assert.deepEqual(lintScript(parseScript(ps)).problems, [], `${tier}: the code passes the template's checks`);
  return ps;
}

const json = (estate: Estate, tiers: readonly TierKey[]): string =>
  `${JSON.stringify(Object.fromEntries(tiers.map((t) => [t, JSON.parse(renderHostConfig(hostConfig(estate, t), HostFormat.JSON))])), null, 2)}\n`;

describe('host: golden files (regenerate with UPDATE_GOLDEN=1 npm test)', () => {
  for (const [example, file] of [['azure', AZURE_EXAMPLE_SPEC], ['aws', AWS_EXAMPLE_SPEC]] as const) {
    it(`${example}: every tier, PowerShell and JSON`, () => {
      // GIVEN the example  WHEN every tier is rendered twice  THEN byte-identical runs and outputs equal to the reviewed files
      const estate = loadSpecFile(file).estate;
      for (const t of presentTiers(estate)) golden(`${example}-${t.key}.ps1`, script(estate, t.key));
      golden(`${example}.json`, json(estate, presentTiers(estate).map((t) => t.key)));
    });
  }

  it('a CA that goes from pinned to unpinned: the second script removes the pin it recorded', () => {
    // GIVEN the rich estate pinned to 10509, then without dcomPort
    const pinned = resolveSpec(richAzure({ dcomPort: 10509 }), 'test').estate;
    const unpinned = resolveSpec(richAzure(), 'test').estate;
    golden('pin-before-ca.ps1', script(pinned, 'ca'));
    golden('pin-after-ca.ps1', script(unpinned, 'ca'));
    golden('pin.json', `${JSON.stringify({ before: JSON.parse(json(pinned, ['ca'])).ca, after: JSON.parse(json(unpinned, ['ca'])).ca }, null, 2)}\n`);
    // THEN the second asks for Endpoints to be absent, removed where its record says it wrote it
    const after = parseScript(script(unpinned, 'ca'));
    assert.deepEqual(after.registry, []);
    assert.deepEqual(after.absent[0], { Path: 'HKLM\\SOFTWARE\\Classes\\AppID\\{D99E6E74-FC88-11D0-B498-00A0C90312F3}', Name: 'Endpoints', Restart: 'CertSvc', IfNotRecorded: 'Report' });
  });

  const rpcEstate = (mode?: 'none' | 'ca' | 'caAndDc'): Estate =>
    resolveSpec({ ...richAzure({ rpcDynamicPorts: '5000-5200' }), ...(mode ? { host: hostProps({ writeRpcRange: mode }) } : {}) }, 'test').estate;

  for (const mode of ['none', 'ca', 'caAndDc'] as const) {
    it(`an estate with rpcDynamicPorts "5000-5200" and host.writeRpcRange ${mode}`, () => {
      // GIVEN the README's estate-wide range, on an unpinned CA
      const estate = rpcEstate(mode);
      // THEN the CA's and the DCs' scripts, and the JSON of every tier, are the reviewed ones
      golden(`rpc-${mode}-ca.ps1`, script(estate, 'ca'));
      golden(`rpc-${mode}-dc.ps1`, script(estate, 'dc'));
      golden(`rpc-${mode}.json`, json(estate, presentTiers(estate).map((t) => t.key)));
    });
  }

  it('an estate with rpcDynamicPorts and no host block is the one with writeRpcRange none', () => {
    const [given, none] = [rpcEstate(), rpcEstate('none')];
    for (const t of presentTiers(none)) {
      assert.equal(renderHostConfig(hostConfig(given, t.key), HostFormat.POWERSHELL), renderHostConfig(hostConfig(none, t.key), HostFormat.POWERSHELL), t.key);
    }
  });
});
