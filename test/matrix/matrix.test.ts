import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MatrixFormat, matrixDocument, matrixRows, renderMatrix } from '../../lib/matrix/matrix';
import { OPEN_QUESTIONS } from '../../lib/model/open-questions';
import { SEED_CORRECTIONS } from '../../lib/model/corrections';
import { flowsOf } from '../../lib/model/flows';
import { EstateProps } from '../../lib/input/props';
import { resolveSpec } from '../../lib/spec';

const PROPS = {
  name: 'pki-test',
  dcomPort: 50000,
  tiers: {
    clients: { cidrs: ['10.20.0.0/16'] }, ca: { cidrs: ['10.0.1.0/24'] }, dc: { cidrs: ['10.0.0.0/24'] },
    cdp: { cidrs: ['10.0.6.0/24'] }, admins: { cidrs: ['10.0.9.0/28'] },
  },
  customFlows: [
    { name: 'rdp', from: 'admins', to: 'ca', protocol: 'tcp', ports: ['3389'], purpose: 'RDP, from the "PAW" | jump hosts', reference: 'runbook\nline 2' },
  ],
} as unknown as EstateProps;

const spec = resolveSpec(PROPS, 'test');
const flows = flowsOf(spec.estate);
const render = (f: MatrixFormat, warnings = spec.warnings): string => renderMatrix(f, spec.estate, flows, warnings);

/** A small RFC 4180 reader, to check the CSV round-trips. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; } else field += c;
  }
  assert.equal(field + row.join(''), '', 'CSV ends with a newline');
  return rows;
}

describe('matrix: markdown', () => {
  const md = render(MatrixFormat.MARKDOWN);
  const lines = md.split('\n');

  it('is the sign-off table: title, settings, header and one row per flow', () => {
    // GIVEN an estate  WHEN rendered as markdown
    // THEN the title names the estate and the table has From/To/Protocol/Ports/Flow/Purpose/Reference
    assert.equal(lines[0], '# AD CS port matrix: pki-test');
    assert.ok(lines.includes('| From | To | Protocol | Ports | Flow | Purpose | Reference |'));
    assert.ok(md.includes('- DCOM to the CA: TCP 135 + static port 50000'));
    const rows = lines.filter((l) => /^\| (clients|ca|dc|cdp|admins) \|/.test(l));
    assert.equal(rows.length, flows.length);
    assert.ok(rows.includes('| clients | ca | TCP | 135, 50000 | enroll-dcom | autoenrollment, certreq and MMC enroll over DCOM (MS-WCCE) | [MS-WCCE] 2.1; KB 832017; KB 154596 |'));
    assert.ok(rows.includes('| ca | dc | UDP | 53, 88, 389, 464 | directory | Kerberos, LDAP, GC and DNS for enrollment, templates and publishing | KB 179442; KB 832017 |'));
  });

  it('marks custom flows and keeps cells on one line (pipes escaped, newlines flattened)', () => {
    // GIVEN a custom purpose with "|" and a reference with a newline  THEN one escaped row
    assert.ok(lines.includes('| admins | ca | TCP | 3389 | custom:rdp (custom) | RDP, from the "PAW" \\| jump hosts | runbook line 2 |'), md);
  });

  it('calls out every correction to the seed table', () => {
    // GIVEN the markdown  THEN the corrections section lists each correction
    const at = lines.indexOf('## Corrections to the seed table');
    assert.notEqual(at, -1);
    // AND the section is the table of the catalogue document's six corrections, then the next section
    assert.equal(SEED_CORRECTIONS.length, 6);
    assert.deepEqual(lines.slice(at, at + 4), ['## Corrections to the seed table', '', '| The old table says | The fact |', '|---|---|']);
    assert.equal(lines.slice(at + 4, at + 10).filter((l) => /^\| .* \| .* \|$/.test(l)).length, 6);
    assert.deepEqual(lines.slice(at + 10, at + 12), ['', '## What the catalogue does not guess']);
    for (const c of SEED_CORRECTIONS) assert.ok(lines.slice(at).some((l) => l.includes(c.fact.split(';')[0])), c.seedSays);
    assert.ok(md.includes('| Kerberos = TCP 464 | Kerberos is TCP+UDP 88; 464 (TCP+UDP) is Kerberos password change. Both are emitted. |'));
  });

  it('says what the catalogue does not guess, after the corrections', () => {
    // GIVEN the markdown  THEN a section lists every open question of the catalogue
    const at = lines.indexOf('## What the catalogue does not guess');
    assert.ok(at > lines.indexOf('## Corrections to the seed table'));
    for (const q of OPEN_QUESTIONS) assert.ok(lines.includes(`- ${q.text}`), q.id);
  });

  it('lists warnings when there are some, and has no warnings section otherwise', () => {
    // GIVEN dcomPort 50000 (inside the modern range)  THEN both warnings under "## Warnings"
    const at = lines.indexOf('## Warnings');
    assert.ok(at > lines.indexOf('## Corrections to the seed table'));
    assert.equal(lines.filter((l) => l.startsWith('- `dcomPort`: ')).length, 2);
    // AND without warnings the section is absent
    assert.ok(!render(MatrixFormat.MARKDOWN, []).includes('## Warnings'));
  });

  it('ends with the host half: the command that writes each tier\'s Windows Firewall rules from the same flows', () => {
    // GIVEN the markdown, with and without warnings  THEN its last line names the host command
    for (const text of [md, render(MatrixFormat.MARKDOWN, [])]) {
      const last = text.trimEnd().split('\n').pop()!;
      assert.match(last, /^The host half \(each tier's Windows Firewall rules, .*\): `adcs-firewall host --spec FILE --tier TIER`\.$/);
    }
  });
});

describe('matrix: csv', () => {
  const text = render(MatrixFormat.CSV);
  const rows = readCsv(text);

  it('has a header and one row per flow', () => {
    // GIVEN the CSV  THEN header then one row per flow, eight fields each
    assert.deepEqual(rows[0], ['from', 'to', 'protocol', 'ports', 'flow', 'custom', 'purpose', 'reference']);
    assert.equal(rows.length, flows.length + 1);
    for (const r of rows) assert.equal(r.length, 8);
  });

  it('quotes fields with commas, quotes and newlines so they round-trip', () => {
    // GIVEN purposes with commas and quotes, a reference with a newline  THEN read back unchanged
    const rdp = rows.find((r) => r[4] === 'custom:rdp')!;
    assert.deepEqual(rdp, ['admins', 'ca', 'tcp', '3389', 'custom:rdp', 'true', 'RDP, from the "PAW" | jump hosts', 'runbook\nline 2']);
    assert.ok(text.includes('"RDP, from the ""PAW"" | jump hosts"'));
    assert.ok(text.includes('clients,ca,tcp,135 50000,enroll-dcom,false,"autoenrollment, certreq and MMC enroll over DCOM (MS-WCCE)",'));
  });

  it('matches the flows field by field', () => {
    // GIVEN the rows  THEN each is its flow: ends, protocol, space-separated ports, id
    flows.forEach((f, i) => assert.deepEqual(rows[i + 1].slice(0, 6), [f.from, f.to, f.protocol, f.ports.join(' '), f.id, String(f.custom)]));
  });
});

describe('matrix: json', () => {
  const doc = JSON.parse(render(MatrixFormat.JSON)) as { estate: Record<string, unknown>; flows: Record<string, unknown>[]; openQuestions: string[] };
  const rows = doc.flows;

  it('is an object: the estate\'s port settings, the flows, the open questions', () => {
    // GIVEN the JSON  THEN its keys and the estate block say what decided the ports
    assert.deepEqual(Object.keys(doc), ['estate', 'flows', 'openQuestions']);
    assert.deepEqual(doc.estate, { name: 'pki-test', dynamicRanges: { ca: { range: '49152-65535', from: 'osGeneration' }, dc: { range: '49152-65535', from: 'osGeneration' } }, dcomPort: 50000 });
    // AND the open questions are the catalogue's, the same text as the markdown section
    assert.deepEqual(doc.openQuestions, OPEN_QUESTIONS.map((q) => q.text));
    assert.equal(doc.openQuestions.length, 7);
    // AND the CA's call back to the DCs is settled ([MS-LSAD] 2.1), no longer asked
    assert.ok(!doc.openQuestions.some((q) => /named pipes on TCP 445/.test(q)));
  });

  it('lists the opt-in rows that are on with their caveat, and the RPC ranges they open', () => {
    // GIVEN every opt-in row on, OCSP with its own range, legacy Web Enrollment, the account forest
    const props = { ...PROPS, caSmb: true, ocspRemoteAdmin: true, webEnrollmentCallback: true, tiers: { ...PROPS.tiers,
      ocsp: { cidrs: ['10.0.5.0/24'], rpcDynamicPorts: '40000-40999' }, webEnrollment: { cidrs: ['10.0.4.0/24'], osGeneration: 'legacy' },
      accountDc: { cidrs: ['10.80.0.0/24'], rpcDynamicPorts: '50000-50999' } } } as unknown as EstateProps;
    const e = resolveSpec(props, 'test').estate;
    const d = matrixDocument(e, flowsOf(e));
    // THEN the estate block names the three rows, their options and what is unverified
    assert.deepEqual(d.estate.optIn!.map((o) => `${o.option} ${o.flow}`), ['caSmb ca-smb', 'ocspRemoteAdmin ocsp-admin-dcom', 'webEnrollmentCallback web-callback']);
    assert.match(d.estate.optIn![1].caveat, /Windows Server 2025/);
    assert.match(d.estate.optIn![2].caveat, /unverified/);
    // AND the dynamic range of every RPC destination, the legacy note for Web Enrollment's
    assert.deepEqual(d.estate.dynamicRanges, {
      ca: { range: '49152-65535', from: 'osGeneration' }, dc: { range: '49152-65535', from: 'osGeneration' },
      webEnrollment: { range: '1024-65535', from: 'tiers.webEnrollment.osGeneration' },
      ocsp: { range: '40000-40999', from: 'tiers.ocsp.rpcDynamicPorts' },
      accountDc: { range: '50000-50999', from: 'tiers.accountDc.rpcDynamicPorts' },
    });
    assert.match(d.estate.legacyNote!, /KB 179442/);
    // AND the markdown says the same, and what is unverified, in its header and its warnings
    const md = renderMatrix(MatrixFormat.MARKDOWN, e, flowsOf(e), resolveSpec(props, 'test').warnings);
    assert.ok(md.includes('\n- Opt-in rows (default off; practitioners open them, Microsoft documents them little): ca-smb (caSmb): on; ocsp-admin-dcom (ocspRemoteAdmin): on; web-callback (webEnrollmentCallback): on\n'));
    assert.match(md, /\n- Unverified, web-callback \(webEnrollmentCallback is on\): reported by one practitioner/);
    assert.match(md, /\n- `ocspRemoteAdmin`: ocspRemoteAdmin is on: ocsp-admin-dcom opens TCP 135/);
    assert.match(md, /\n- accountDc: the account forests' DCs/);
    // AND with every option off, the JSON names no opt-in row and the markdown says they are off
    assert.equal(doc.estate.optIn, undefined);
    assert.ok(render(MatrixFormat.MARKDOWN).includes('ca-smb (caSmb): off; ocsp-admin-dcom (ocspRemoteAdmin): off; web-callback (webEnrollmentCallback): off\n'));
  });

  it('says when CES or CEP instances share a port (one rule), and when the responders enroll by hand', () => {
    const props = { ...PROPS, ocspAutoEnroll: false, tiers: { ...PROPS.tiers, ocsp: { cidrs: ['10.0.5.0/24'] },
      ces: { cidrs: ['10.0.2.0/24'], instances: [{ port: 49999, authentication: 'usernamePassword' }, { port: 49999, authentication: 'certificate' }] } } } as unknown as EstateProps;
    const e = resolveSpec(props, 'test').estate;
    const md = renderMatrix(MatrixFormat.MARKDOWN, e, flowsOf(e), []);
    assert.ok(md.includes('\n- CES/CEP instances (port, authentication): ces 49999 (usernamePassword), 49999 (certificate)\n'));
    assert.ok(md.includes('\n- Instances sharing a port (one site, one HTTPS binding) give one rule: ces\n'));
    assert.ok(md.includes('; OCSP signing certificate auto-enrollment: off (enrolled by hand: no ocsp-dcom)\n'));
    assert.deepEqual(flowsOf(e).filter((f) => f.id === 'ces-https').map((f) => f.ports.map(String)), [['49999']]);
  });

  it('notes the legacy range as a documented choice when a tier uses it', () => {
    // GIVEN a legacy estate / a legacy estate whose CA and DC ranges are set  THEN the note / none
    const legacy = resolveSpec({ ...PROPS, osGeneration: 'legacy' } as unknown as EstateProps, 'test').estate;
    assert.match(matrixDocument(legacy, flowsOf(legacy)).estate.legacyNote!, /KB 179442's pre-2008 table.*KB 929851.*1025-5000.*superset.*rpcDynamicPorts/);
    const set = resolveSpec({ ...PROPS, osGeneration: 'legacy', rpcDynamicPorts: '50000-50999' } as unknown as EstateProps, 'test').estate;
    assert.equal(matrixDocument(set, flowsOf(set)).estate.legacyNote, undefined);
    assert.match(renderMatrix(MatrixFormat.MARKDOWN, legacy, flowsOf(legacy), []), /\n- legacy is TCP 1024-65535, the server-port range of KB 179442's pre-2008 table/);
  });

  it('is a list of rows with flow, from, to, protocol and "N"/"N-M" ports', () => {
    // GIVEN the JSON  THEN every row has the documented keys with the right types
    assert.equal(rows.length, flows.length);
    // 15 by hand (catalogue v2.1) for clients, ca, dc, cdp, admins and a custom flow: enroll-dcom,
    // dc-enroll-dcom, admin-dcom, cdp-http from clients and admins, server-crl from ca and dc, directory from ca (TCP, UDP),
    // client-directory and admin-directory (TCP, UDP each), ca-dc-rpc, custom:rdp
    assert.equal(rows.length, 15);
    for (const r of rows) {
      assert.deepEqual(Object.keys(r).sort(), ['custom', 'flow', 'from', 'ports', 'protocol', 'purpose', 'reference', 'to']);
      assert.ok(r.protocol === 'tcp' || r.protocol === 'udp');
      assert.ok(Array.isArray(r.ports) && (r.ports as unknown[]).length > 0 && (r.ports as unknown[]).every((p) => typeof p === 'string' && /^\d+(-\d+)?$/.test(p)));
    }
    assert.deepEqual(rows[0], { flow: 'enroll-dcom', custom: false, from: 'clients', to: 'ca', protocol: 'tcp', ports: ['135', '50000'],
      purpose: 'autoenrollment, certreq and MMC enroll over DCOM (MS-WCCE)', reference: '[MS-WCCE] 2.1; KB 832017; KB 154596' });
  });

  it('equals matrixRows of the flows', () => {
    // GIVEN the rows helper  THEN the JSON is exactly its output
    assert.deepEqual(rows, matrixRows(flows));
  });
});

describe('matrix: mermaid', () => {
  const text = render(MatrixFormat.MERMAID);
  const lines = text.trimEnd().split('\n');

  it('draws present tiers as nodes and flows as labelled edges between them', () => {
    // GIVEN the diagram  THEN it is a left-right flowchart with one node per present tier
    assert.equal(lines[0], 'flowchart LR');
    const nodes = lines.filter((l) => /^ {2}\w+\["/.test(l)).map((l) => l.trim().split('[')[0]);
    assert.deepEqual(nodes, ['clients', 'ca', 'dc', 'cdp', 'admins']);
    // AND one edge per (from, to) pair of the flows, only between drawn nodes
    const edges = lines.filter((l) => l.includes('-->'));
    const pairs = new Set(flows.map((f) => `${f.from} ${f.to}`));
    assert.equal(edges.length, pairs.size);
    for (const e of edges) {
      const m = /^ {2}(\w+) -->\|"(.+)"\| (\w+)$/.exec(e);
      assert.ok(m, e);
      assert.ok(nodes.includes(m[1]) && nodes.includes(m[3]) && pairs.has(`${m[1]} ${m[3]}`), e);
    }
  });

  it('labels an edge with its protocols, merged ports and flow ids', () => {
    // GIVEN the admins > ca pair (DCOM and the custom RDP flow)  THEN one edge with both
    assert.ok(lines.includes('  admins -->|"TCP 135, 3389, 50000<br/>admin-dcom, custom:rdp"| ca'), text);
    assert.ok(lines.includes('  ca -->|"TCP 53, 88, 135, 389, 445, 464, 636, 3268-3269, 49152-65535; UDP 53, 88, 389, 464<br/>directory, ca-dc-rpc"| dc'), text);
  });
});
