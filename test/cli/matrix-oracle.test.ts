import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import YAML from 'yaml';
import { DEFAULT_ESTATE } from '../../lib/input/default-estate';
import { runCli } from '../support/io';
import { FlowLike, groupFlows, ORACLE_ESTATES, oracleFlows, OracleSpec, portSetLines } from '../support/oracle';

/*
 * Issue 3's "done when": `matrix --format json` for any spec gives exactly the catalogue's
 * flows for that estate: no flow missing, none extra, ports exact. Checked against the
 * independent oracle (test/support/oracle.ts), through spec files and the CLI.
 */

const tmp = mkdtempSync(path.join(tmpdir(), 'adcs-oracle-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

async function cliRows(args: string[]): Promise<FlowLike[]> {
  const { code, out } = await runCli([...args, '--format', 'json']);
  assert.equal(code, 0);
  return JSON.parse(out) as FlowLike[];
}

describe('matrix --format json equals the oracle', () => {
  for (const [name, spec] of Object.entries(ORACLE_ESTATES)) {
    for (const ext of ['yaml', 'json'] as const) {
      it(`estate "${name}" as ${ext}`, async () => {
        // GIVEN the estate written as a spec file
        const file = path.join(tmp, `${name}.${ext}`);
        writeFileSync(file, ext === 'json' ? JSON.stringify(spec, null, 2) : YAML.stringify(spec));
        // WHEN the CLI renders its matrix as JSON
        const rows = await cliRows(['matrix', '--spec', file]);
        // THEN by (flow, from, to, protocol) and by the (from, to, protocol) criterion, the port sets are the oracle's
        assert.deepEqual(portSetLines(groupFlows(rows)), portSetLines(oracleFlows(spec)));
        assert.deepEqual(portSetLines(groupFlows(rows), false), portSetLines(oracleFlows(spec), false));
      });
    }
  }

  it('the default estate (no --spec)', async () => {
    // GIVEN no spec  WHEN the CLI renders the default estate  THEN the oracle's flows for it
    const rows = await cliRows(['matrix']);
    assert.deepEqual(portSetLines(groupFlows(rows)), portSetLines(oracleFlows(DEFAULT_ESTATE as unknown as OracleSpec)));
  });

  it('every row of the JSON is needed: removing any one breaks the equality', async () => {
    // GIVEN the richest estate's rows  WHEN any single row is dropped
    const file = path.join(tmp, 'everything-drop.json');
    writeFileSync(file, JSON.stringify(ORACLE_ESTATES.everything));
    const rows = await cliRows(['matrix', '--spec', file]);
    const expected = portSetLines(oracleFlows(ORACLE_ESTATES.everything));
    // THEN the comparison notices (the check has teeth; no row is a duplicate)
    rows.forEach((_, i) => assert.notDeepEqual(portSetLines(groupFlows(rows.filter((__, j) => j !== i))), expected, `row ${i}`));
  });
});
