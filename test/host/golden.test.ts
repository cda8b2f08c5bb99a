import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { hostConfig } from '../../lib/host/host-config';
import { HostFormat, renderHostConfig } from '../../lib/host/render';
import { presentTiers } from '../../lib/model/estate';
import { loadSpecFile } from '../../lib/spec';
import { AWS_EXAMPLE_SPEC } from '../../examples/aws';
import { AZURE_EXAMPLE_SPEC } from '../../examples/azure';
import { expectGolden } from '../support/golden';
import { parseScript } from './support/ps-data';

const GOLDEN = join(__dirname, '..', '..', '..', 'test', 'host', 'golden');

/** Compares `text` with the golden file `name`; a missing golden fails, and only UPDATE_GOLDEN=1 writes one. */
const golden = (name: string, text: string): void => expectGolden(join(GOLDEN, name), text);

describe('host: golden files of the examples (regenerate with UPDATE_GOLDEN=1 npm test)', () => {
  for (const [example, file] of [['azure', AZURE_EXAMPLE_SPEC], ['aws', AWS_EXAMPLE_SPEC]] as const) {
    it(`${example}: every tier, PowerShell and JSON`, () => {
      // GIVEN the example  WHEN every tier is rendered twice  THEN byte-identical runs and outputs equal to the reviewed files
      const estate = loadSpecFile(file).estate;
      const json: Record<string, unknown> = {};
      for (const t of presentTiers(estate)) {
        const ps = renderHostConfig(hostConfig(estate, t.key), HostFormat.POWERSHELL);
        assert.equal(renderHostConfig(hostConfig(estate, t.key), HostFormat.POWERSHELL), ps, 'deterministic');
        parseScript(ps);
        golden(`${example}-${t.key}.ps1`, ps);
        json[t.key] = JSON.parse(renderHostConfig(hostConfig(estate, t.key), HostFormat.JSON));
      }
      golden(`${example}.json`, `${JSON.stringify(json, null, 2)}\n`);
    });
  }
});
