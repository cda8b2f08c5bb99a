import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { hostConfig } from '../../lib/host/host-config';
import { hostConfigJson } from '../../lib/host/render';
import { loadSpecFile } from '../../lib/spec';
import { runCli } from '../support/io';

const ROOT = path.resolve(__dirname, '../../..');
const AZURE = path.join(ROOT, 'examples', 'azure-estate.yaml');
const tmp = mkdtempSync(path.join(tmpdir(), 'adcs-host-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

describe('cli: host', () => {
  it('json: the tier\'s host configuration, as hostConfig gives it', async () => {
    // GIVEN the Azure example  WHEN `host --tier ca --format json` runs
    const { code, out } = await runCli(['host', '--spec', AZURE, '--tier', 'ca', '--format', 'json']);
    // THEN exit 0 and the document of hostConfig
    assert.equal(code, 0);
    const doc = JSON.parse(out);
    assert.deepEqual(doc, JSON.parse(JSON.stringify(hostConfigJson(hostConfig(loadSpecFile(AZURE).estate, 'ca')))));
    assert.equal(doc.tier, 'ca');
    assert.deepEqual(doc.registry.map((v: any) => v.value), [['ncacn_ip_tcp,0,10509']]);
  });

  it('powershell is the default format; warnings go to stderr', async () => {
    const { code, out, err } = await runCli(['host', '--spec', AZURE, '--tier', 'dc']);
    assert.equal(code, 0);
    assert.ok(out.startsWith('\uFEFF# adcs-firewall host configuration of tier dc in estate pki-weu.\n'), out.slice(0, 80));
    assert.ok(out.includes('$Group = \'adcs-firewall pki-weu dc\''));
    assert.match(err, /^warning: \[ADCS-W00[34]\] dcomPort: /);
    assert.equal((await runCli(['host', '--spec', AZURE, '--tier', 'dc', '--format', 'powershell'])).out, out);
  });

  it('exit 2 for an unknown tier, a tier the estate lacks, a bad format, a missing flag', async () => {
    const unknown = await runCli(['host', '--spec', AZURE, '--tier', 'cax']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /^error: --tier "cax" is not a tier \(did you mean "ca"\?\); accepted: clients, ca, ces, cep, dc, webEnrollment, ndes, ndesClients, ocsp, cdp, admins, accountDc\n/);
    const absent = await runCli(['host', '--spec', AZURE, '--tier', 'ndes']);
    assert.equal(absent.code, 2);
    assert.equal(absent.out, '');
    assert.equal(absent.err, `error: ${AZURE}: tier: the estate has no "ndes" tier, so it has no host configuration; give one of its tiers (clients, ca, ces, cep, dc, cdp, admins), or add tiers.ndes to the spec\n`);
    const format = await runCli(['host', '--spec', AZURE, '--tier', 'ca', '--format', 'yaml']);
    assert.equal(format.code, 2);
    assert.match(format.err, /--format: "yaml" is not accepted; accepted: powershell, json/);
    const missing = await runCli(['host', '--spec', AZURE]);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /host needs --spec FILE and --tier TIER/);
  });

  it('refuses a bad spec with the usual message (exit 2)', async () => {
    const bad = path.join(tmp, 'bad.yaml');
    writeFileSync(bad, 'tiers: { clients: { cidrs: [10.0.0.1/24] } }\n');
    const { code, err } = await runCli(['host', '--spec', bad, '--tier', 'ca']);
    assert.equal(code, 2);
    assert.match(err, /bad\.yaml/);
  });

  it('the script on stdout starts with a UTF-8 byte-order mark (the bytes the binary writes)', () => {
    const bytes = execFileSync(process.execPath, [path.join(ROOT, 'dist/lib/cli/bin.js'), 'host', '--spec', AZURE, '--tier', 'ca'], { stdio: ['ignore', 'pipe', 'ignore'] });
    assert.deepEqual([...bytes.subarray(0, 4)], [0xEF, 0xBB, 0xBF, 0x23]);
    // AND JSON has none
    const json = execFileSync(process.execPath, [path.join(ROOT, 'dist/lib/cli/bin.js'), 'host', '--spec', AZURE, '--tier', 'ca', '--format', 'json'], { stdio: ['ignore', 'pipe', 'ignore'] });
    assert.equal(json[0], 0x7B);
  });

  it('--out FILE writes what stdout would carry, byte for byte, and says so', async () => {
    for (const format of ['powershell', 'json']) {
      const file = path.join(tmp, `ca.${format}`);
      const stdout = await runCli(['host', '--spec', AZURE, '--tier', 'ca', '--format', format]);
      const r = await runCli(['host', '--spec', AZURE, '--tier', 'ca', '--format', format, '--out', file]);
      assert.equal(r.code, 0, r.err);
      assert.equal(r.out, `${AZURE}: wrote ${file} (tier ca, ${format})\n`);
      assert.equal(r.err, stdout.err, 'the same warnings');
      assert.deepEqual(readFileSync(file), Buffer.from(stdout.out, 'utf8'));
    }
    assert.deepEqual([...readFileSync(path.join(tmp, 'ca.powershell')).subarray(0, 3)], [0xEF, 0xBB, 0xBF]);
    // AND the help names it
    assert.match((await runCli(['host', '--help'])).out, /--out FILE +write to FILE instead of stdout \(replaced whole; a failed run writes nothing\)/);
  });

  it('a failed run with --out writes nothing: a bad spec, a tier the estate lacks, a folder that does not exist', async () => {
    const bad = path.join(tmp, 'bad-out.yaml');
    writeFileSync(bad, 'tiers: { clients: { cidrs: [10.0.0.1/24] } }\n');
    const fresh = path.join(tmp, 'fresh.ps1');
    assert.equal((await runCli(['host', '--spec', bad, '--tier', 'ca', '--out', fresh])).code, 2);
    assert.equal(existsSync(fresh), false);
    // GIVEN a file from an earlier run  WHEN a run fails  THEN the file is untouched
    const kept = path.join(tmp, 'kept.ps1');
    writeFileSync(kept, 'earlier');
    const absent = await runCli(['host', '--spec', AZURE, '--tier', 'ndes', '--out', kept]);
    assert.deepEqual([absent.code, absent.out, readFileSync(kept, 'utf8')], [2, '', 'earlier']);
    // AND a folder that does not exist: exit 2, the rule's message, nothing left behind
    const nowhere = path.join(tmp, 'no-such-folder', 'ca.ps1');
    const r = await runCli(['host', '--spec', AZURE, '--tier', 'ca', '--out', nowhere]);
    assert.deepEqual([r.code, r.out], [2, '']);
    assert.match(r.err, new RegExp(`error: --out: cannot write ${JSON.stringify(nowhere).replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')}: its folder does not exist; nothing was written\n$`));
    assert.deepEqual(readdirSync(tmp).filter((f) => f.includes('adcs-host-')), []);
  });

  it('loads no CDKTF (a fresh process running the command)', () => {
    const loaded = execFileSync(process.execPath, ['-e', `
      const { main } = require('./dist/lib/cli/main');
      main(['host', '--spec', ${JSON.stringify(AZURE)}, '--tier', 'ca', '--format', 'json'], { out() {}, err() {} })
        .then((code) => console.log(JSON.stringify({ code, modules: Object.keys(require.cache) })));`], { cwd: ROOT, encoding: 'utf8' });
    const { code, modules } = JSON.parse(loaded) as { code: number; modules: string[] };
    assert.equal(code, 0);
    assert.deepEqual(modules.filter((k) => /node_modules\/(cdktf|constructs|@cdktf)\//.test(k)), []);
  });
});
