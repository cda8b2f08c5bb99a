import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';

/* The real binary, in a child process: proves the bin wiring, exit codes and streams. */

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'dist', 'lib', 'cli', 'bin.js');
const tmp = mkdtempSync(path.join(tmpdir(), 'adcs-bin-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: tmp, encoding: 'utf8', timeout: 10_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('bin: node dist/lib/cli/bin.js', () => {
  it('matrix --format json exits 0 with the JSON matrix on stdout', () => {
    // GIVEN the built binary  WHEN run for the default estate
    const r = run(['matrix', '--format', 'json']);
    // THEN exit 0, nothing on stderr, parseable rows
    assert.equal(r.stderr, '');
    assert.equal(r.status, 0);
    const rows = (JSON.parse(r.stdout) as { flows: { flow: string }[] }).flows;
    // the default estate (clients, ca, ces, cep, dc): enroll-dcom, dc-enroll-dcom, ces-https, cep-https,
    // ces-dcom, directory from ca, ces and cep (TCP and UDP each), client-directory (TCP, UDP), ca-dc-rpc
    assert.deepEqual(rows.map((x) => x.flow), ['enroll-dcom', 'dc-enroll-dcom', 'ces-https', 'cep-https', 'ces-dcom',
      'directory', 'directory', 'directory', 'directory', 'directory', 'directory', 'client-directory', 'client-directory', 'ca-dc-rpc']);
  });

  it('a bad spec exits 2 with the message on stderr and nothing on stdout', () => {
    // GIVEN a spec with dcomPort 135  WHEN validated by the binary
    const spec = path.join(tmp, 'bad.yaml');
    writeFileSync(spec, 'dcomPort: 135\ntiers:\n  clients: { cidrs: [10.20.0.0/16] }\n  ca: { cidrs: [10.0.1.0/24] }\n  dc: { cidrs: [10.0.0.0/24] }\n');
    const r = run(['validate', '--spec', 'bad.yaml']);
    // THEN exit 2 and exactly the message
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'error: bad.yaml: dcomPort: 135 is below 1024 (135 is the RPC endpoint mapper itself); a static DCOM port lies in 1024-65535, outside the dynamic range (KB 154596), for example 10509\n');
    assert.equal(r.status, 2);
  });
});
