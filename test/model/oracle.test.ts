import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { flowsOf } from '../../lib/model/flows';
import { EstateProps } from '../../lib/input/props';
import { resolveSpec } from '../../lib/spec';
import { groupFlows, ORACLE_ESTATES, ORACLE_TOGGLES, oracleFlows, OracleSpec, portSetLines } from '../support/oracle';

/** The library's flows of a spec, as they come. */
function libraryFlows(spec: OracleSpec): ReturnType<typeof flowsOf> {
  return flowsOf(resolveSpec(spec as unknown as EstateProps, 'oracle').estate);
}

/** The library's flows of a spec, grouped like the oracle's. */
function libraryLines(spec: OracleSpec, withIds = true): string[] {
  const flows = libraryFlows(spec);
  return portSetLines(groupFlows(flows.map((f) => ({ flow: f.id, from: f.from, to: f.to, protocol: f.protocol, ports: f.ports.map(String) }))), withIds);
}

const oracleLines = (spec: OracleSpec, withIds = true): string[] => portSetLines(oracleFlows(spec), withIds);
/** The lines of the flows whose id is one of `ids` (a custom flow as `custom:<name>`). */
const only = (lines: readonly string[], ids: readonly string[]): string[] => lines.filter((l) => ids.includes(l.split('|')[0]));

describe('oracle: the oracle itself against hand-written expectations', () => {
  it('gives the literal flows of the core estate (v2: ca-dc-rpc has 445, DCs enroll over DCOM)', () => {
    // GIVEN the core estate with every default (modern, direct enrollment on, dcEnrollment on,
    // clientDirectory full, no cdp, no admins)
    // WHEN the oracle reads it
    const lines = oracleLines(ORACLE_ESTATES.core);
    // THEN it is exactly this hand-written list (so the oracle is checked, not trusted)
    assert.deepEqual(lines, [
      'ca-dc-rpc|ca|dc|tcp|135-135', 'ca-dc-rpc|ca|dc|tcp|445-445', 'ca-dc-rpc|ca|dc|tcp|49152-65535',
      'client-directory|clients|dc|tcp|3268-3269', 'client-directory|clients|dc|tcp|389-389',
      'client-directory|clients|dc|tcp|464-464', 'client-directory|clients|dc|tcp|53-53',
      'client-directory|clients|dc|tcp|636-636', 'client-directory|clients|dc|tcp|88-88',
      'client-directory|clients|dc|udp|389-389', 'client-directory|clients|dc|udp|464-464',
      'client-directory|clients|dc|udp|53-53', 'client-directory|clients|dc|udp|88-88',
      'dc-enroll-dcom|dc|ca|tcp|135-135', 'dc-enroll-dcom|dc|ca|tcp|49152-65535',
      'directory|ca|dc|tcp|3268-3269', 'directory|ca|dc|tcp|389-389', 'directory|ca|dc|tcp|464-464',
      'directory|ca|dc|tcp|53-53', 'directory|ca|dc|tcp|636-636', 'directory|ca|dc|tcp|88-88',
      'directory|ca|dc|udp|389-389', 'directory|ca|dc|udp|464-464', 'directory|ca|dc|udp|53-53',
      'directory|ca|dc|udp|88-88',
      'enroll-dcom|clients|ca|tcp|135-135', 'enroll-dcom|clients|ca|tcp|49152-65535',
    ]);
  });

  it('gives the literal v2 rows of the "everything" estate', () => {
    // GIVEN every tier, a CA pinned to 10509, no direct enrollment but Web Enrollment,
    // clientDirectory minimal, CES with a username/password instance on 443 and a certificate
    // instance on 8443, CEP on the estate's username/password, cdp, admins, an ICMP custom flow
    const lines = oracleLines(ORACLE_ESTATES.everything);
    // WHEN only the rows v2 added or changed are kept
    const v2 = only(lines, ['dc-enroll-dcom', 'server-crl', 'admin-directory', 'ca-dc-rpc', 'ces-https', 'cep-https', 'client-directory', 'custom:ping']);
    // THEN they are exactly these: DCs enroll on 135 + the static port; ca, dc, ndes and the
    // certificate CES (not CEP) fetch CRLs; admins get DIRECTORY-MINIMAL; clients get
    // DIRECTORY-MINIMAL for Web Enrollment's sake; CES listens on both instance ports
    assert.deepEqual(v2, [
      'admin-directory|admins|dc|tcp|3268-3268', 'admin-directory|admins|dc|tcp|389-389',
      'admin-directory|admins|dc|tcp|464-464', 'admin-directory|admins|dc|tcp|53-53',
      'admin-directory|admins|dc|tcp|88-88', 'admin-directory|admins|dc|udp|389-389',
      'admin-directory|admins|dc|udp|464-464', 'admin-directory|admins|dc|udp|53-53',
      'admin-directory|admins|dc|udp|88-88',
      'ca-dc-rpc|ca|dc|tcp|135-135', 'ca-dc-rpc|ca|dc|tcp|445-445', 'ca-dc-rpc|ca|dc|tcp|49152-65535',
      'cep-https|clients|cep|tcp|443-443',
      'ces-https|clients|ces|tcp|443-443', 'ces-https|clients|ces|tcp|8443-8443',
      'client-directory|clients|dc|tcp|3268-3268', 'client-directory|clients|dc|tcp|389-389',
      'client-directory|clients|dc|tcp|464-464', 'client-directory|clients|dc|tcp|53-53',
      'client-directory|clients|dc|tcp|88-88', 'client-directory|clients|dc|udp|389-389',
      'client-directory|clients|dc|udp|464-464', 'client-directory|clients|dc|udp|53-53',
      'client-directory|clients|dc|udp|88-88',
      'custom:ping|admins|dc|icmp|all',
      'dc-enroll-dcom|dc|ca|tcp|10509-10509', 'dc-enroll-dcom|dc|ca|tcp|135-135',
      'server-crl|ca|cdp|tcp|80-80', 'server-crl|ces|cdp|tcp|80-80', 'server-crl|dc|cdp|tcp|80-80',
      'server-crl|ndes|cdp|tcp|80-80',
    ]);
    // AND server tiers keep the full DIRECTORY (clientDirectory narrows only client-directory)
    for (const t of ['ca', 'ces', 'cep', 'webEnrollment', 'ndes', 'ocsp']) {
      assert.ok(lines.includes(`directory|${t}|dc|tcp|636-636`), t);
      assert.ok(lines.includes(`directory|${t}|dc|tcp|3268-3269`), t);
    }
  });

  it('gives the literal instance-driven rows of the "cesInstances" estate', () => {
    // GIVEN CES-only enrollment, CES instances 4443 (authentication omitted: kerberos), 9443
    // kerberos and 10443 username/password; CEP one certificate instance on 8443; cdp; two ICMP flows
    const lines = oracleLines(ORACLE_ESTATES.cesInstances);
    // WHEN the instance-driven rows are kept
    const rows = only(lines, ['ces-https', 'cep-https', 'server-crl', 'enroll-dcom', 'custom:ping-ca', 'custom:ping-dc']);
    // THEN clients reach CES on its three ports and CEP on 8443 only (no 443 anywhere), CEP
    // but not CES fetches CRLs, no direct enrollment, and each ICMP flow is one `all` line
    assert.deepEqual(rows, [
      'cep-https|clients|cep|tcp|8443-8443',
      'ces-https|clients|ces|tcp|10443-10443', 'ces-https|clients|ces|tcp|4443-4443', 'ces-https|clients|ces|tcp|9443-9443',
      'custom:ping-ca|admins|ca|icmp|all', 'custom:ping-dc|admins|dc|icmp|all',
      'server-crl|ca|cdp|tcp|80-80', 'server-crl|cep|cdp|tcp|80-80', 'server-crl|dc|cdp|tcp|80-80',
    ]);
    // AND the Kerberos CES instances keep client-directory on, narrowed to DIRECTORY-MINIMAL
    assert.ok(lines.includes('client-directory|clients|dc|tcp|3268-3268'));
    assert.ok(!lines.some((l) => l.startsWith('client-directory|') && (l.endsWith('|636-636') || l.endsWith('|3268-3269'))));
  });

  it('gives the literal v2.1 rows of the "crossForest" estate', () => {
    // GIVEN account-forest DCs with their own RPC range, CES and CEP on Kerberos, responders
    // enrolled by hand (ocspAutoEnroll false), cdp, ocsp and admins
    const lines = oracleLines(ORACLE_ESTATES.crossForest);
    // WHEN the rows v2.1 added or changed are kept
    const rows = only(lines, ['cross-forest-rpc', 'cross-forest-dc-enroll', 'ocsp-dcom', 'ocsp-http', 'cdp-http', 'ca-smb', 'ocsp-admin-dcom', 'web-callback']);
    // THEN the CA reaches the account forest on 135, 445 and that forest's own range; its DCs
    // enroll on DCOM(CA); no ocsp-dcom; admins reach ocsp and cdp on TCP 80; no opt-in row
    assert.deepEqual(rows, [
      'cdp-http|admins|cdp|tcp|80-80', 'cdp-http|clients|cdp|tcp|80-80',
      'cross-forest-dc-enroll|accountDc|ca|tcp|135-135', 'cross-forest-dc-enroll|accountDc|ca|tcp|49152-65535',
      'cross-forest-rpc|ca|accountDc|tcp|135-135', 'cross-forest-rpc|ca|accountDc|tcp|445-445', 'cross-forest-rpc|ca|accountDc|tcp|50000-50999',
      'ocsp-http|admins|ocsp|tcp|80-80', 'ocsp-http|clients|ocsp|tcp|80-80',
    ]);
    // AND the CA, CES and CEP (not the DCs, not OCSP) get the full DIRECTORY toward the account forest
    const sources = [...new Set(only(lines, ['cross-forest-directory']).map((l) => l.split('|')[1]))].sort();
    assert.deepEqual(sources, ['ca', 'cep', 'ces']);
    assert.deepEqual(only(lines, ['cross-forest-directory']).filter((l) => l.split('|')[1] === 'ca'), [
      'cross-forest-directory|ca|accountDc|tcp|3268-3269', 'cross-forest-directory|ca|accountDc|tcp|389-389',
      'cross-forest-directory|ca|accountDc|tcp|464-464', 'cross-forest-directory|ca|accountDc|tcp|53-53',
      'cross-forest-directory|ca|accountDc|tcp|636-636', 'cross-forest-directory|ca|accountDc|tcp|88-88',
      'cross-forest-directory|ca|accountDc|udp|389-389', 'cross-forest-directory|ca|accountDc|udp|464-464',
      'cross-forest-directory|ca|accountDc|udp|53-53', 'cross-forest-directory|ca|accountDc|udp|88-88',
    ]);
    // AND the resource forest's DCs keep the modern range for ca-dc-rpc
    assert.ok(lines.includes('ca-dc-rpc|ca|dc|tcp|49152-65535'));
  });

  it('gives the literal opt-in rows of the "everything" estate (every opt-in on, legacy estate)', () => {
    // GIVEN caSmb, ocspRemoteAdmin and webEnrollmentCallback on, the responders and Web Enrollment
    // hosts on the estate's legacy range, the account forest too, the CA pinned to 10509
    const rows = only(oracleLines(ORACLE_ESTATES.everything), ['ca-smb', 'ocsp-admin-dcom', 'web-callback', 'cross-forest-rpc', 'cross-forest-dc-enroll']);
    // THEN SMB from the admins to the CA, 135 + DYN of each destination, DCOM to the pinned CA
    assert.deepEqual(rows, [
      'ca-smb|admins|ca|tcp|445-445',
      'cross-forest-dc-enroll|accountDc|ca|tcp|10509-10509', 'cross-forest-dc-enroll|accountDc|ca|tcp|135-135',
      'cross-forest-rpc|ca|accountDc|tcp|1024-65535', 'cross-forest-rpc|ca|accountDc|tcp|135-135', 'cross-forest-rpc|ca|accountDc|tcp|445-445',
      'ocsp-admin-dcom|admins|ocsp|tcp|1024-65535', 'ocsp-admin-dcom|admins|ocsp|tcp|135-135',
      'web-callback|ca|webEnrollment|tcp|1024-65535', 'web-callback|ca|webEnrollment|tcp|135-135',
    ]);
  });

  it('gives the literal instance rows of the "keyBasedRenewal" estate (instances sharing a port)', () => {
    // GIVEN CES with a username/password and a certificate instance on 49999, CEP the same plus
    // a Kerberos instance on 443, cdp
    const rows = only(oracleLines(ORACLE_ESTATES.keyBasedRenewal), ['ces-https', 'cep-https', 'server-crl']);
    // THEN one port per shared port, and both CES and CEP fetch CRLs for their certificate instances
    assert.deepEqual(rows, [
      'cep-https|clients|cep|tcp|443-443', 'cep-https|clients|cep|tcp|49999-49999',
      'ces-https|clients|ces|tcp|49999-49999',
      'server-crl|ca|cdp|tcp|80-80', 'server-crl|cep|cdp|tcp|80-80', 'server-crl|ces|cdp|tcp|80-80', 'server-crl|dc|cdp|tcp|80-80',
    ]);
  });

  it('the comparison has teeth: port-less TCP prints "none", ICMP with ports does not print "all"', () => {
    // GIVEN groupings a buggy library could produce
    const tcpWithout = portSetLines(groupFlows([{ flow: 'x', from: 'a', to: 'b', protocol: 'tcp', ports: [] }]));
    const icmpWithPorts = portSetLines(groupFlows([{ flow: 'x', from: 'a', to: 'b', protocol: 'icmp', ports: ['0'] }]));
    const icmpRight = portSetLines(groupFlows([{ flow: 'x', from: 'a', to: 'b', protocol: 'icmp', ports: [] }]));
    // THEN each prints distinctly, so none of them can pass for another
    assert.deepEqual(tcpWithout, ['x|a|b|tcp|none']);
    assert.deepEqual(icmpWithPorts, ['x|a|b|icmp|0-0']);
    assert.deepEqual(icmpRight, ['x|a|b|icmp|all']);
  });
});

describe('oracle: flowsOf equals an independent reading of adcs-flows.md', () => {
  for (const [name, spec] of Object.entries(ORACLE_ESTATES)) {
    it(`estate "${name}": same (flow, from, to, protocol, port interval) set`, () => {
      // GIVEN a rich estate  WHEN the library and the oracle compute its flows
      const expected = oracleLines(spec);
      const actual = libraryLines(spec);
      // THEN no flow is missing, none is extra, and every port set is exact
      assert.deepEqual(actual, expected);
      // AND ignoring ids, the (from, to, protocol, port) sets agree too
      assert.deepEqual(libraryLines(spec, false), oracleLines(spec, false));
    });
  }

  it('estate "everything": spot checks of both against the document', () => {
    // GIVEN every tier, legacy estate, modern DCs, a pinned CA, no direct enrollment but Web
    // Enrollment, clientDirectory minimal, CES username/password + a certificate instance,
    // member flows, SMB publishing, SCEP over HTTP, custom TCP, UDP and ICMP flows
    const lines = new Set(oracleLines(ORACLE_ESTATES.everything));
    const lib = new Set(libraryLines(ORACLE_ESTATES.everything));
    for (const set of [lines, lib]) {
      // THEN DCOM goes to 135 + 10509 only (from CES and from the DCs), the DCs keep their modern DYN
      assert.ok(set.has('ces-dcom|ces|ca|tcp|10509-10509'));
      assert.ok(set.has('dc-enroll-dcom|dc|ca|tcp|10509-10509'));
      assert.ok(set.has('dc-enroll-dcom|dc|ca|tcp|135-135'));
      assert.ok(set.has('ca-dc-rpc|ca|dc|tcp|49152-65535'));
      assert.ok(set.has('ca-dc-rpc|ca|dc|tcp|445-445'));
      assert.ok(set.has('member|ocsp|dc|tcp|49152-65535'));
      assert.ok(set.has('ndes-https|ndesClients|ndes|tcp|80-80'));
      assert.ok(set.has('crl-publish-smb|ca|cdp|tcp|445-445'));
      assert.ok(set.has('custom:winrm|admins|ca|tcp|5985-5986'));
      // AND CES fetches CRLs for its certificate instance, CEP (username/password) does not
      assert.ok(set.has('server-crl|ces|cdp|tcp|80-80'));
      assert.ok(!set.has('server-crl|cep|cdp|tcp|80-80'));
      assert.ok(set.has('ces-https|clients|ces|tcp|8443-8443'));
      // AND Web Enrollment brings client-directory, minimal: GC 3268 without 3269 and 636
      assert.ok(set.has('client-directory|clients|dc|tcp|3268-3268'));
      assert.ok(!set.has('client-directory|clients|dc|tcp|636-636'));
      assert.ok(!set.has('admin-directory|admins|dc|tcp|636-636'));
      // AND the ICMP custom flow is there, port-less
      assert.ok(set.has('custom:ping|admins|dc|icmp|all'));
      // AND clients get no DCOM to the CA, nothing goes to the pinned CA on the legacy range
      assert.ok(![...set].some((l) => l.startsWith('enroll-dcom|')));
      assert.ok(![...set].some((l) => /\|ca\|tcp\|1024-65535$/.test(l)), 'no DCOM to the pinned CA on the legacy range');
    }
  });

  it('an ICMP custom flow comes out of flowsOf as protocol icmp with no ports', () => {
    // GIVEN the "cesInstances" estate with two ICMP custom flows
    // WHEN the library computes its flows
    const icmp = libraryFlows(ORACLE_ESTATES.cesInstances).filter((f) => f.protocol === 'icmp');
    // THEN exactly those two, each with an empty port list
    assert.deepEqual(icmp.map((f) => `${f.id}|${f.from}|${f.to}`).sort(), ['custom:ping-ca|admins|ca', 'custom:ping-dc|admins|dc']);
    for (const f of icmp) assert.deepEqual(f.ports, []);
  });
});

describe('oracle: every v2 and v2.1 row on and off under each option that switches it', () => {
  for (const t of ORACLE_TOGGLES) {
    it(t.name, () => {
      // GIVEN the same estate with the switch on and off
      // WHEN the oracle and the library compute both
      const oracleOn = oracleLines(t.on);
      const oracleOff = oracleLines(t.off);
      const libOn = libraryLines(t.on);
      const libOff = libraryLines(t.off);
      // THEN the oracle has every hand-written line when on and none when off
      for (const l of t.lines) {
        assert.ok(oracleOn.includes(l), `oracle on: ${l}`);
        assert.ok(!oracleOff.includes(l), `oracle off: ${l}`);
      }
      // AND the library equals the oracle in both states
      assert.deepEqual(libOn, oracleOn);
      assert.deepEqual(libOff, oracleOff);
    });
  }

  it('ca-dc-rpc TCP 445 has no off switch: it is in every estate, from the CA only', () => {
    // GIVEN every oracle estate and both sides of every switch (legacy and modern, pinned or
    // not, dcEnrollment off, member baseline off and on, CES-only enrollment)
    const specs = [...Object.values(ORACLE_ESTATES), ...ORACLE_TOGGLES.flatMap((t) => [t.on, t.off])];
    for (const spec of specs) {
      // WHEN the oracle and the library compute it
      for (const lines of [oracleLines(spec), libraryLines(spec)]) {
        // THEN the CA calls back to the DCs on 445 under ca-dc-rpc, and no other tier does
        assert.ok(lines.includes('ca-dc-rpc|ca|dc|tcp|445-445'), String(spec.name));
        assert.ok(lines.every((l) => !l.startsWith('ca-dc-rpc|') || l.startsWith('ca-dc-rpc|ca|dc|tcp|')), String(spec.name));
      }
    }
  });
});
