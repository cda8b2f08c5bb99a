import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { auditCase, writeAuditCase } from '../support/audit-cases';
import { runCli } from '../support/io';

// explain: one packet through the rules of a plan or of live exports, each end's rules in order.

const ROOT = path.resolve(__dirname, '../../..');

describe('explain', () => {
  const live = writeAuditCase(auditCase('az-faithful-list'));

  it('from exports: DCOM from a client to the CA is allowed by the created NSG\'s rule', async () => {
    // GIVEN the faithful Azure estate  WHEN a client's TCP 135 to the CA is explained
    const r = await runCli(['explain', '--spec', live.spec, ...live.exports, '--from', '10.20.1.5', '--to', '10.0.1.4', '--port', '135']);
    // THEN exit 0, and the rule that decides it, with its priority
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^Packet 10\.20\.1\.5 -> 10\.0\.1\.4 TCP 135: ALLOW$/m);
    assert.match(r.out, /-> rg-pki\/pki-ca-nsg\/pki-in-clients-to-ca-tcp \(200\): Allow, matches/);
  });

  it('from exports: SMB from a client to the CA is denied, by the platform default after the estate\'s deny', async () => {
    const r = await runCli(['explain', '--spec', live.spec, ...live.exports, '--from', '10.20.1.5', '--to', '10.0.1.4', '--port', '445', '--format', 'json']);
    assert.equal(r.code, 1, r.err);
    const v = JSON.parse(r.out) as { decision: string; packet: { port: number }; inbound: { decision: string; points: { point: string; steps: { rule: string; match: string }[] }[] } };
    assert.equal(v.decision, 'deny');
    assert.equal(v.packet.port, 445);
    assert.equal(v.inbound.decision, 'deny');
    const steps = v.inbound.points[0].steps;
    assert.deepEqual(steps[steps.length - 1], { ...steps[steps.length - 1], rule: 'DenyAllInBound (65500)', match: 'matches' });
  });

  it('from a plan: the example estate\'s client DCOM to the CA passes its CA NSG', async () => {
    // GIVEN the Azure example synthesized
    const out = mkdtempSync(path.join(tmpdir(), 'adcs-explain-plan-'));
    const spec = path.join(ROOT, 'examples', 'azure-estate.yaml');
    assert.equal((await runCli(['synth', '--spec', spec, '--out', out])).code, 0);
    const plan = path.join(out, 'stacks', 'pki-weu', 'cdk.tf.json');
    // WHEN TCP 135 from an on-premises client to the CA subnet is explained
    const r = await runCli(['explain', '--spec', spec, '--plan', plan, '--from', '10.20.3.4', '--to', '10.0.1.5', '--port', '135']);
    // THEN allowed
    assert.equal(r.code, 0, r.err + r.out);
    assert.match(r.out, /TCP 135: ALLOW/);
  });

  it('refuses a CIDR for an address, a port out of range, and both a plan and exports', async () => {
    const cidr = await runCli(['explain', '--spec', live.spec, ...live.exports, '--from', '10.20.0.0/16', '--to', '10.0.1.4', '--port', '135']);
    assert.equal(cidr.code, 2);
    assert.match(cidr.err, /--from "10\.20\.0\.0\/16" is not an IPv4 address/);
    const port = await runCli(['explain', '--spec', live.spec, ...live.exports, '--from', '10.20.1.5', '--to', '10.0.1.4', '--port', '70000']);
    assert.equal(port.code, 2);
    assert.match(port.err, /--port "70000" is not a port/);
    const both = await runCli(['explain', '--spec', live.spec, '--plan', live.spec, ...live.exports, '--from', '10.20.1.5', '--to', '10.0.1.4', '--port', '135']);
    assert.equal(both.code, 2);
    assert.match(both.err, /give --plan FILE or --export FILE/);
  });
});
