import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { commandUsage, COMMANDS, USAGE } from '../../lib/cli/main';
import { flowsOf } from '../../lib/model/flows';
import { DEFAULT_ESTATE } from '../../lib/input/default-estate';
import { resolveSpec } from '../../lib/spec';
import { runCli } from '../support/io';

const ROOT = path.resolve(__dirname, '../../..');
const tmp = mkdtempSync(path.join(tmpdir(), 'adcs-cli-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const SPEC = path.join(tmp, 'estate.yaml');
writeFileSync(SPEC, `name: pki-cli
dcomPort: 50000
tiers:
  clients: { cidrs: [10.20.0.0/16] }
  ca: { cidrs: [10.0.1.0/24] }
  dc: { cidrs: [10.0.0.0/24] }
  admins: { cidrs: [10.0.9.0/28] }
customFlows:
  - { name: rdp, from: admins, to: ca, protocol: tcp, ports: ["3389"], purpose: "RDP, from the PAWs" }
`);
const WARNINGS = [
  "warning: [ADCS-W003] dcomPort: static DCOM port 50000 lies inside the CA's RPC dynamic range 49152-65535 (from osGeneration); KB 154596 advises a port outside it, or another RPC service may take it first",
  'warning: [ADCS-W004] dcomPort: static DCOM port 50000 covers DCOM enrollment (MS-WCCE: autoenrollment, certreq, the Certificates MMC, CES, NDES, Web Enrollment) and, as practitioners report, the CA console (MS-CSRA); plain-RPC clients (MS-ICPR: `certreq -rpc`, and Linux and third-party tools that speak ICPR) still use the CA\'s dynamic range or the \\PIPE\\cert named pipe over TCP 445, which this estate does not open: add a custom flow if you have them, or refuse them at the CA with the IF_NORPCICERTREQUEST interface flag ("The CA will not issue any certificates ... for callers using the ICertPassage interface", [MS-WCCE] 3.2.1.1.4)',
].map((l) => `${l}\n`).join('');

describe('cli: matrix', () => {
  it('markdown is the default format, with corrections and warnings in the document', async () => {
    // GIVEN a spec with warnings  WHEN `matrix --spec` runs without --format
    const { code, out, err } = await runCli(['matrix', '--spec', SPEC]);
    // THEN exit 0, the markdown table on stdout, warnings inside it (not on stderr)
    assert.equal(code, 0);
    assert.equal(err, '');
    assert.ok(out.startsWith('# AD CS port matrix: pki-cli\n'));
    assert.ok(out.includes('\n## Corrections to the seed table\n'));
    assert.ok(out.includes('\n## Warnings\n'));
    assert.ok(out.includes('| admins | ca | TCP | 3389 | custom:rdp (custom) | RDP, from the PAWs | custom flow |'));
    assert.equal((await runCli(['matrix', '--spec', SPEC, '--format', 'markdown'])).out, out);
  });

  it('csv: header, quoted fields, warnings on stderr', async () => {
    // GIVEN the spec  WHEN rendered as CSV
    const { code, out, err } = await runCli(['matrix', '--spec', SPEC, '--format', 'csv']);
    // THEN exit 0, the CSV, and the warnings on stderr so stdout stays machine-readable
    assert.equal(code, 0);
    assert.equal(err, WARNINGS);
    const lines = out.trimEnd().split('\n');
    assert.equal(lines[0], 'from,to,protocol,ports,flow,custom,purpose,reference');
    assert.ok(lines.includes('admins,ca,tcp,3389,custom:rdp,true,"RDP, from the PAWs",custom flow'));
  });

  it('json: rows with flow, from, to, protocol and ports; warnings on stderr', async () => {
    // GIVEN the spec  WHEN rendered as JSON
    const { code, out, err } = await runCli(['matrix', '--spec', SPEC, '--format', 'json']);
    // THEN parseable rows equal to the model's flows
    assert.equal(code, 0);
    assert.equal(err, WARNINGS);
    const rows = (JSON.parse(out) as { flows: { flow: string; from: string; to: string; protocol: string; ports: string[] }[] }).flows;
    assert.ok(rows.some((r) => r.flow === 'enroll-dcom' && r.from === 'clients' && r.to === 'ca' && r.protocol === 'tcp' && r.ports.join() === '135,50000'));
    assert.ok(rows.some((r) => r.flow === 'custom:rdp' && r.ports.join() === '3389'));
  });

  it('mermaid: a flowchart with tiers and labelled edges', async () => {
    // GIVEN the spec  WHEN rendered as Mermaid
    const { code, out } = await runCli(['matrix', '--spec', SPEC, '--format', 'mermaid']);
    // THEN a flowchart whose edges carry ports and ids
    assert.equal(code, 0);
    assert.ok(out.startsWith('flowchart LR\n'));
    assert.ok(out.includes('  clients -->|"TCP 135, 50000<br/>enroll-dcom"| ca\n'));
    assert.ok(out.includes('  admins -->|"TCP 135, 3389, 50000<br/>admin-dcom, custom:rdp"| ca\n'));
  });

  it('without --spec shows the documented default estate (clients, CA, CES and CEP, DCs; modern; Kerberos)', async () => {
    // GIVEN no spec  WHEN `matrix --format json` runs
    const { code, out, err } = await runCli(['matrix', '--format', 'json']);
    // THEN exit 0, no warnings, the default estate's flows
    assert.equal(code, 0);
    assert.equal(err, '');
    const rows = (JSON.parse(out) as { flows: { flow: string; from: string; to: string; ports: string[] }[] }).flows;
    assert.deepEqual([...new Set(rows.flatMap((r) => [r.from, r.to]))].sort(), ['ca', 'cep', 'ces', 'clients', 'dc']);
    assert.deepEqual([...new Set(rows.map((r) => r.flow))].sort(),
      ['ca-dc-rpc', 'cep-https', 'ces-dcom', 'ces-https', 'client-directory', 'dc-enroll-dcom', 'directory', 'enroll-dcom']);
    assert.deepEqual(rows.find((r) => r.flow === 'enroll-dcom')!.ports, ['135', '49152-65535']);
    assert.equal(rows.length, flowsOf(resolveSpec(DEFAULT_ESTATE, 'd').estate).length);
    // AND markdown titles it "adcs"
    assert.ok((await runCli(['matrix'])).out.startsWith('# AD CS port matrix: adcs\n'));
  });

  it('--format with a bad value: exit 2 naming the accepted values, nothing on stdout', async () => {
    // GIVEN an unknown format  WHEN matrix runs  THEN a usage error listing the four formats
    const { code, out, err } = await runCli(['matrix', '--format', 'xml']);
    assert.deepEqual({ code, out, err }, { code: 2, out: '',
      err: 'error: --format: "xml" is not accepted; accepted: markdown, csv, json, mermaid\nRun "adcs-firewall matrix --help" for usage.\n' });
    // AND a near miss gets a suggestion
    assert.equal((await runCli(['matrix', '--format', 'JSON'])).err,
      'error: --format: "JSON" is not accepted (did you mean "json"?); accepted: markdown, csv, json, mermaid\nRun "adcs-firewall matrix --help" for usage.\n');
  });

  it('a bad spec: exit 2, the message on stderr, nothing on stdout', async () => {
    // GIVEN a spec with a non-canonical CIDR  WHEN matrix runs  THEN refused, naming the network meant
    const bad = path.join(tmp, 'bad.yaml');
    writeFileSync(bad, 'tiers:\n  clients: { cidrs: [10.20.0.0/16] }\n  ca: { cidrs: [10.0.0.1/24] }\n  dc: { cidrs: [10.0.0.0/24] }\n');
    const { code, out, err } = await runCli(['matrix', '--spec', bad, '--format', 'json']);
    assert.deepEqual({ code, out, err }, { code: 2, out: '',
      err: `error: ${bad}: tiers.ca.cidrs[0]: "10.0.0.1/24" has host bits set (did you mean 10.0.0.0/24, the network of that block?)\n` });
  });

  it('--spec "" is a missing file, not the default estate', async () => {
    // GIVEN an empty --spec  WHEN matrix runs  THEN exit 2 and no matrix
    const { code, out } = await runCli(['matrix', '--spec', '', '--format', 'json']);
    assert.equal(code, 2);
    assert.equal(out, '');
  });
});

describe('cli: validate', () => {
  it('prints a summary on stdout and the warnings on stderr, exit 0', async () => {
    // GIVEN a valid spec with two warnings  WHEN validated
    const { code, out, err } = await runCli(['validate', '--spec', SPEC]);
    // THEN the one-line summary and the warnings
    assert.deepEqual({ code, out, err }, { code: 0, out: `${SPEC}: valid; 4 tiers, 11 flows, platform not set, 2 warnings\n`, err: WARNINGS });
  });

  it('without --spec: exit 2, usage error', async () => {
    // GIVEN no --spec  WHEN validate runs  THEN exit 2 and the need stated
    assert.deepEqual(await runCli(['validate']), { code: 2, out: '', err: 'error: validate needs --spec FILE\nRun "adcs-firewall validate --help" for usage.\n' });
  });

  it('--spec without a value: exit 2', async () => {
    // GIVEN a dangling --spec  THEN exit 2, naming the option
    assert.deepEqual(await runCli(['validate', '--spec']), { code: 2, out: '', err: 'error: option "--spec" of validate needs a value\nRun "adcs-firewall validate --help" for usage.\n' });
  });
});

describe('cli: help, version and usage errors', () => {
  it('--help, -h and help print the usage on stdout, exit 0', async () => {
    // GIVEN each help form  THEN the usage, exit 0
    for (const argv of [['--help'], ['-h'], ['help']]) {
      assert.deepEqual(await runCli(argv), { code: 0, out: USAGE, err: '' }, argv.join(' '));
    }
    assert.match(USAGE, /matrix +\[--spec FILE\] \[--format markdown\|csv\|json\|mermaid\]/);
    assert.match(USAGE, /validate --spec FILE/);
  });

  it('<command> --help, -h and help <command> print that command\'s help: usage, summary, every option', async () => {
    for (const command of Object.keys(COMMANDS)) {
      // GIVEN each command  WHEN asked for its help three ways  THEN the same text, exit 0, not the general usage
      const help = commandUsage(command);
      for (const argv of [[command, '--help'], [command, '-h'], ['help', command]]) {
        assert.deepEqual(await runCli(argv), { code: 0, out: help, err: '' }, argv.join(' '));
      }
      assert.notEqual(help, USAGE);
      assert.ok(help.startsWith(`Usage: adcs-firewall ${command} `), command);
      // AND every option the command accepts is described
      for (const flag of COMMANDS[command].flags) assert.match(help, new RegExp(`\\n  --${flag} `), `${command} --${flag}`);
    }
    assert.match(commandUsage('matrix'), /--format FORMAT +markdown \(default\), csv, json or mermaid/);
    assert.deepEqual(await runCli(['help', 'matrx']), { code: 2, out: '',
      err: `error: unknown command "matrx" (did you mean "matrix"?); accepted: ${Object.keys(COMMANDS).join(', ')}\nRun "adcs-firewall --help" for usage.\n` });
  });

  it('--version and -v print the package version', async () => {
    // GIVEN package.json  THEN its version, exit 0
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.deepEqual(await runCli(['--version']), { code: 0, out: `${version}\n`, err: '' });
    assert.deepEqual(await runCli(['-v']), { code: 0, out: `${version}\n`, err: '' });
  });

  it('no command: the usage on stderr, exit 2, stdout empty', async () => {
    // GIVEN no arguments  THEN a usage error
    assert.deepEqual(await runCli([]), { code: 2, out: '', err: USAGE });
  });

  it('an unknown command: exit 2 naming the accepted commands', async () => {
    // GIVEN a typo'd command  THEN exit 2 and the list
    assert.deepEqual(await runCli(['matrx']), { code: 2, out: '',
      err: `error: unknown command "matrx" (did you mean "matrix"?); accepted: ${Object.keys(COMMANDS).join(', ')}\nRun "adcs-firewall --help" for usage.\n` });
  });

  it('Object.prototype names are unknown commands, not internal errors', async () => {
    // GIVEN commands named like Object.prototype members  THEN exit 2 (was exit 3 with a stack trace)
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      assert.deepEqual(await runCli([name]), { code: 2, out: '',
        err: `error: unknown command "${name}"; accepted: ${Object.keys(COMMANDS).join(', ')}\nRun "adcs-firewall --help" for usage.\n` }, name);
    }
  });

  it('an unknown flag: exit 2 naming the accepted options, with a suggestion when close', async () => {
    // GIVEN unknown flags  THEN exit 2, nothing on stdout
    assert.deepEqual(await runCli(['matrix', '--frobnicate']), { code: 2, out: '',
      err: 'error: unknown option "--frobnicate" for matrix; accepted: --spec, --format, --help\nRun "adcs-firewall matrix --help" for usage.\n' });
    assert.deepEqual(await runCli(['validate', '--sepc', SPEC]), { code: 2, out: '',
      err: 'error: unknown option "--sepc" for validate (did you mean "--spec"?); accepted: --spec, --format, --fail-on, --help\nRun "adcs-firewall validate --help" for usage.\n' });
    assert.equal((await runCli(['matrix', '-x'])).code, 2);
  });

  it('a stray positional argument: exit 2', async () => {
    // GIVEN a spec path without --spec  THEN exit 2, hinting at the option form
    assert.deepEqual(await runCli(['validate', SPEC]), { code: 2, out: '',
      err: `error: unexpected argument "${SPEC}"; options take the form --name VALUE\nRun "adcs-firewall validate --help" for usage.\n` });
  });
});
