import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import Ajv from 'ajv';
import { DEFAULT_HOST_SETTINGS, WriteRpcRange } from '../../lib/model/host-settings';
import { resolveSpec } from '../../lib/spec';
import { richAzure } from '../support/estates';
import { hostProps } from '../support/fixtures';
import { runCli } from '../support/io';

const ROOT = path.resolve(__dirname, '../../..');
const tmp = mkdtempSync(path.join(tmpdir(), 'adcs-host-block-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const CORE = `tiers:
  clients: { cidrs: [10.20.0.0/16] }
  ca: { cidrs: [10.0.1.0/24] }
  dc: { cidrs: [10.0.0.0/24] }
`;

/** `validate` of a spec made of `head` and the core tiers. */
async function validate(name: string, head: string): Promise<{ code: number; out: string; err: string; file: string }> {
  const file = path.join(tmp, `${name}.yaml`);
  writeFileSync(file, `${head}\n${CORE}`);
  return { ...(await runCli(['validate', '--spec', file])), file };
}

describe('spec: the host block', () => {
  it('is optional; its defaults are the safe choice (nothing machine-wide written, nothing disabled, numeric ports)', () => {
    assert.deepEqual(resolveSpec(richAzure(), 'test').estate.host, { writeRpcRange: 'none', rpcKeyword: false, disablePredefinedRules: false });
    assert.deepEqual(DEFAULT_HOST_SETTINGS, { writeRpcRange: WriteRpcRange.NONE, rpcKeyword: false, disablePredefinedRules: false });
    // AND a block with one key keeps the others' defaults
    assert.deepEqual(resolveSpec({ ...richAzure(), host: { rpcKeyword: true } }, 'test').estate.host, { writeRpcRange: 'none', rpcKeyword: true, disablePredefinedRules: false });
    assert.deepEqual(resolveSpec({ ...richAzure({ rpcDynamicPorts: '5000-5200' }), host: hostProps({ writeRpcRange: 'caAndDc', disablePredefinedRules: true }) }, 'test').estate.host,
      { writeRpcRange: 'caAndDc', rpcKeyword: false, disablePredefinedRules: true });
  });

  it('refuses a misspelt value, a wrong type and an unknown key, each in one line with the fix', async () => {
    const cases: [string, string][] = [
      ['host: { writeRpcRange: caAndDCs }', 'host.writeRpcRange: "caAndDCs" is not accepted (did you mean "caAndDc"?); accepted: none, ca, caAndDc'],
      ['host: { rpcKeyword: "yes" }', 'host.rpcKeyword: expected true or false, got "yes"'],
      ['host: { disablePredefinedRules: 1 }', 'host.disablePredefinedRules: expected true or false, got 1'],
      ['host: { rpcKeywords: true }', 'host.rpcKeywords: unknown key "rpcKeywords" (did you mean "rpcKeyword"?); accepted keys: writeRpcRange, rpcKeyword, disablePredefinedRules'],
      ['host: true', 'host: expected a mapping of keys, got true'],
    ];
    for (const [i, [head, message]] of cases.entries()) {
      const r = await validate(`bad-${i}`, head);
      assert.deepEqual([r.code, r.out, r.err], [2, '', `error: ${r.file}: ${message}\n`], head);
    }
  });

  it('warns where writeRpcRange writes less than it names, on the DCs\' range, and where rpcKeyword changes nothing', async () => {
    const rule = (err: string): string[] => err.split('\n').filter(Boolean).map((l) => /^warning: \[(ADCS-W\d+)\] ([^:]+):/.exec(l)!.slice(1).join(' '));
    // GIVEN writeRpcRange ca without an rpcDynamicPorts  THEN W310: the CA's range is its OS generation's default
    const deflt = await validate('default-range', 'host: { writeRpcRange: ca }');
    assert.equal(deflt.code, 0);
    assert.equal(deflt.err, 'warning: [ADCS-W310] host.writeRpcRange: host.writeRpcRange is "ca" but the RPC range 49152-65535 of tier ca comes from osGeneration, the default: there is nothing to narrow, so the script writes no RPC range on ca; give the range its admins chose as rpcDynamicPorts (or tiers.ca.rpcDynamicPorts)\n');
    // GIVEN caAndDc with a range  THEN W312 points at KB 224196
    const dcs = await validate('dcs', 'host: { writeRpcRange: caAndDc }\nrpcDynamicPorts: "5000-5200"');
    assert.deepEqual(rule(dcs.err), ['ADCS-W312 host.writeRpcRange']);
    assert.match(dcs.err, /KB 224196 sets static ports per service instead \(NTDS "TCP\/IP Port", Netlogon "DCTcpipPort"\)/);
    assert.match(dcs.err, /a wrong value stops Netlogon \(event 5820, KB 154596\)/);
    // GIVEN a pinned CA  THEN W311 (no range on the CA) and W313 (the keyword changes nothing)
    const pinned = await validate('pinned', 'host: { writeRpcRange: caAndDc, rpcKeyword: true }\ndcomPort: 10509\nrpcDynamicPorts: "5000-5200"');
    assert.deepEqual(rule(pinned.err), ['ADCS-W004 dcomPort', 'ADCS-W311 host.writeRpcRange', 'ADCS-W312 host.writeRpcRange', 'ADCS-W313 host.rpcKeyword']);
    // AND none of them without the block
    assert.deepEqual(rule((await validate('plain', 'rpcDynamicPorts: "5000-5200"')).err), []);
  });

  it('the committed JSON Schema takes the block and refuses what the validation refuses', () => {
    const validate = new Ajv({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync(path.join(ROOT, 'schema', 'adcs-spec.schema.json'), 'utf8')));
    const core = { clients: { cidrs: ['10.20.0.0/16'] }, ca: { cidrs: ['10.0.1.0/24'] }, dc: { cidrs: ['10.0.0.0/24'] } };
    assert.ok(validate({ tiers: core, host: { writeRpcRange: 'caAndDc', rpcKeyword: true, disablePredefinedRules: false } }), JSON.stringify(validate.errors));
    assert.ok(validate({ tiers: core, host: {} }));
    for (const host of [{ writeRpcRange: 'all' }, { rpcKeyword: 'yes' }, { other: true }, true]) assert.ok(!validate({ tiers: core, host }), JSON.stringify(host));
  });
});
