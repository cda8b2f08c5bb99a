import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import YAML from 'yaml';
import { DEFAULT_ESTATE } from '../../lib/input/default-estate';
import { CATALOGUE } from '../../lib/model/catalogue';
import fc from 'fast-check';
import { awsEstate, azureEstate } from '../support/arbitrary';
import { runCli } from '../support/io';
import { FlowLike, groupFlows, ORACLE_ESTATES, ORACLE_TOGGLES, oracleFlows, OracleSpec, portSetLines } from '../support/oracle';

/*
 * The "done when": `matrix --format json` for any spec gives exactly the v2.1 catalogue's
 * flows for that estate: no flow missing, none extra, ports exact; every v2 and v2.1 row on and off under
 * each option that switches it. Checked against the independent oracle
 * (test/support/oracle.ts), through spec files and the CLI.
 */

/** One row of `matrix --format json`'s `flows`. */
interface MatrixRow extends FlowLike {
  readonly custom: boolean;
  readonly purpose: string;
  readonly reference: unknown;
}

/** The whole `matrix --format json` document. */
interface MatrixJson {
  readonly estate: unknown;
  readonly flows: MatrixRow[];
  readonly openQuestions: unknown;
}

const RUNS = Number(process.env.PROPERTY_RUNS ?? 60);

const tmp = mkdtempSync(path.join(tmpdir(), 'adcs-oracle-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

async function cliMatrix(args: string[]): Promise<MatrixJson> {
  const { code, out, err } = await runCli([...args, '--format', 'json']);
  assert.equal(code, 0, err);
  const doc = JSON.parse(out) as MatrixJson;
  assert.ok(doc !== null && typeof doc === 'object' && !Array.isArray(doc), 'the JSON matrix is an object');
  assert.ok(Array.isArray(doc.flows), 'the JSON matrix has a flows array');
  return doc;
}

/** Writes `spec` as a spec file and returns the CLI's matrix rows for it. */
async function rowsOf(spec: OracleSpec, file: string, ext: 'yaml' | 'json' = 'json'): Promise<MatrixRow[]> {
  const p = path.join(tmp, `${file}.${ext}`);
  writeFileSync(p, ext === 'json' ? JSON.stringify(spec, null, 2) : YAML.stringify(spec));
  return (await cliMatrix(['matrix', '--spec', p])).flows;
}

describe('matrix --format json equals the oracle', () => {
  for (const [name, spec] of Object.entries(ORACLE_ESTATES)) {
    for (const ext of ['yaml', 'json'] as const) {
      it(`estate "${name}" as ${ext}`, async () => {
        // GIVEN the estate written as a spec file
        // WHEN the CLI renders its matrix as JSON
        const rows = await rowsOf(spec, name, ext);
        // THEN by (flow, from, to, protocol) and by the (from, to, protocol) criterion, the port sets are the oracle's
        assert.deepEqual(portSetLines(groupFlows(rows)), portSetLines(oracleFlows(spec)));
        assert.deepEqual(portSetLines(groupFlows(rows), false), portSetLines(oracleFlows(spec), false));
      });
    }
  }

  it('the default estate (no --spec)', async () => {
    // GIVEN no spec  WHEN the CLI renders the default estate  THEN the oracle's flows for it
    const rows = (await cliMatrix(['matrix'])).flows;
    assert.deepEqual(portSetLines(groupFlows(rows)), portSetLines(oracleFlows(DEFAULT_ESTATE as unknown as OracleSpec)));
  });

  it('any random estate of either platform (property: tiers, accountDc, options, opt-ins, shared ports)', async () => {
    // GIVEN random valid estates written as spec files  WHEN the CLI renders each as JSON
    // THEN its flows are exactly the oracle's
    let n = 0;
    await fc.assert(fc.asyncProperty(fc.oneof(azureEstate(), awsEstate()), async (props) => {
      const rows = await rowsOf(props as unknown as OracleSpec, `random-${n++}`);
      assert.deepEqual(portSetLines(groupFlows(rows)), portSetLines(oracleFlows(props as unknown as OracleSpec)));
    }), { numRuns: RUNS });
  });

  it('every row of the JSON is needed: removing any one breaks the equality', async () => {
    // GIVEN the richest estate's rows (ICMP row included)
    const rows = await rowsOf(ORACLE_ESTATES.everything, 'everything-drop');
    const expected = portSetLines(oracleFlows(ORACLE_ESTATES.everything));
    assert.deepEqual(portSetLines(groupFlows(rows)), expected);
    // WHEN any single row is dropped
    // THEN the comparison notices (the check has teeth; no row is a duplicate)
    rows.forEach((_, i) => assert.notDeepEqual(portSetLines(groupFlows(rows.filter((__, j) => j !== i))), expected, `row ${i}`));
  });

  it('ICMP custom rows: protocol icmp, no ports, marked custom; catalogue rows are not custom', async () => {
    // GIVEN the "cesInstances" estate with two ICMP custom flows from the admins
    // WHEN the CLI renders it
    const rows = await rowsOf(ORACLE_ESTATES.cesInstances, 'icmp-rows');
    // THEN exactly two ICMP rows, each with an empty port list and custom true
    const icmp = rows.filter((r) => r.protocol === 'icmp');
    assert.deepEqual(icmp.map((r) => `${r.flow}|${r.from}|${r.to}`).sort(), ['custom:ping-ca|admins|ca', 'custom:ping-dc|admins|dc']);
    for (const r of icmp) {
      assert.deepEqual(r.ports, []);
      assert.equal(r.custom, true);
    }
    // AND every other row is a catalogue row with a purpose and a reference
    for (const r of rows.filter((x) => !x.flow.startsWith('custom:'))) {
      assert.equal(r.custom, false, r.flow);
      // the purpose and the reference of its catalogue row, as written there
      const row = CATALOGUE.find((c) => c.id === r.flow);
      assert.ok(row, `${r.flow} is a catalogue row`);
      assert.deepEqual([r.purpose, r.reference], [row.purpose, row.reference], r.flow);
    }
  });

  it('openQuestions: the v2.1 list (the MS-CSRA static endpoint, the opt-ins with their caveats; the 445 call-back is settled)', async () => {
    // GIVEN the core estate  WHEN the CLI renders it as JSON
    const p = path.join(tmp, 'questions.json');
    writeFileSync(p, JSON.stringify(ORACLE_ESTATES.core));
    const doc = await cliMatrix(['matrix', '--spec', p]);
    // THEN openQuestions is the document's seven open questions, as strings
    assert.ok(Array.isArray(doc.openQuestions), 'openQuestions is an array');
    const questions = doc.openQuestions as unknown[];
    assert.equal(questions.length, 7);
    for (const q of questions) assert.ok(typeof q === 'string' && q.length > 0, `not a string: ${JSON.stringify(q)}`);
    const texts = questions as string[];
    // AND one asks whether MS-CSRA follows the static CertSrv endpoint (a lab check now)
    assert.ok(texts.some((q) => /MS-CSRA/.test(q) && /Endpoints/.test(q) && /certsrv\.exe/.test(q)), 'the MS-CSRA static-endpoint question');
    // AND OCSP remote management and the Web Enrollment call-back are opt-ins with their caveat
    assert.ok(texts.some((q) => /ocspRemoteAdmin/.test(q) && /Windows Server 2025/.test(q)), 'OCSP remote management');
    assert.ok(texts.some((q) => /webEnrollmentCallback/.test(q) && /unverified/.test(q)), 'the Web Enrollment call-back');
    // AND the CA's call back to the DCs is no longer asked ([MS-LSAD] 2.1 settles it)
    assert.ok(!texts.some((q) => /named pipes on TCP 445/.test(q)), 'the 445 call-back question is closed');
  });
});

describe('matrix --format json: every v2 and v2.1 row on and off under each option that switches it', () => {
  ORACLE_TOGGLES.forEach((t, i) => {
    it(t.name, async () => {
      // GIVEN the same estate with the switch on and off, written as spec files
      // WHEN the CLI renders both
      const on = portSetLines(groupFlows(await rowsOf(t.on, `toggle-${i}-on`, i % 2 === 0 ? 'json' : 'yaml')));
      const off = portSetLines(groupFlows(await rowsOf(t.off, `toggle-${i}-off`, i % 2 === 0 ? 'yaml' : 'json')));
      // THEN the hand-written lines are in the "on" matrix and not in the "off" one
      for (const l of t.lines) {
        assert.ok(on.includes(l), `on: ${l}`);
        assert.ok(!off.includes(l), `off: ${l}`);
      }
      // AND both matrices are exactly the oracle's
      assert.deepEqual(on, portSetLines(oracleFlows(t.on)));
      assert.deepEqual(off, portSetLines(oracleFlows(t.off)));
    });
  });
});
