import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { flowsOf } from '../../lib/model/flows';
import { EstateProps } from '../../lib/input/props';
import { resolveSpec } from '../../lib/input/resolve';
import { groupFlows, ORACLE_ESTATES, oracleFlows, OracleSpec, portSetLines } from '../support/oracle';

/** The library's flows of a spec, grouped like the oracle's. */
function libraryLines(spec: OracleSpec, withIds = true): string[] {
  const flows = flowsOf(resolveSpec(spec as unknown as EstateProps, 'oracle').estate);
  return portSetLines(groupFlows(flows.map((f) => ({ flow: f.id, from: f.from, to: f.to, protocol: f.protocol, ports: f.ports.map(String) }))), withIds);
}

describe('oracle: flowsOf equals an independent reading of adcs-flows.md', () => {
  it('the oracle itself gives the literal flows of the core estate', () => {
    // GIVEN the core estate with every default (modern, direct enrollment on)
    // WHEN the oracle reads it
    const lines = portSetLines(oracleFlows(ORACLE_ESTATES.core));
    // THEN it is exactly this hand-written list (so the oracle is checked, not trusted)
    assert.deepEqual(lines, [
      'ca-dc-rpc|ca|dc|tcp|135-135', 'ca-dc-rpc|ca|dc|tcp|49152-65535',
      'client-directory|clients|dc|tcp|3268-3269', 'client-directory|clients|dc|tcp|389-389',
      'client-directory|clients|dc|tcp|464-464', 'client-directory|clients|dc|tcp|53-53',
      'client-directory|clients|dc|tcp|636-636', 'client-directory|clients|dc|tcp|88-88',
      'client-directory|clients|dc|udp|389-389', 'client-directory|clients|dc|udp|464-464',
      'client-directory|clients|dc|udp|53-53', 'client-directory|clients|dc|udp|88-88',
      'directory|ca|dc|tcp|3268-3269', 'directory|ca|dc|tcp|389-389', 'directory|ca|dc|tcp|464-464',
      'directory|ca|dc|tcp|53-53', 'directory|ca|dc|tcp|636-636', 'directory|ca|dc|tcp|88-88',
      'directory|ca|dc|udp|389-389', 'directory|ca|dc|udp|464-464', 'directory|ca|dc|udp|53-53',
      'directory|ca|dc|udp|88-88',
      'enroll-dcom|clients|ca|tcp|135-135', 'enroll-dcom|clients|ca|tcp|49152-65535',
    ]);
  });

  for (const [name, spec] of Object.entries(ORACLE_ESTATES)) {
    it(`estate "${name}": same (flow, from, to, protocol, port interval) set`, () => {
      // GIVEN a rich estate  WHEN the library and the oracle compute its flows
      const expected = portSetLines(oracleFlows(spec));
      const actual = libraryLines(spec);
      // THEN no flow is missing, none is extra, and every port set is exact
      assert.deepEqual(actual, expected);
    });
  }

  it('estate "everything": spot checks of the oracle against the document', () => {
    // GIVEN every tier, legacy estate, modern DCs, a pinned CA, no direct enrollment, CES on
    // username/password, member flows, SMB publishing and SCEP over HTTP
    const lines = new Set(portSetLines(oracleFlows(ORACLE_ESTATES.everything)));
    const lib = new Set(libraryLines(ORACLE_ESTATES.everything));
    // THEN (both agree and) DCOM goes to 135 + 10509 only, the DCs keep their modern DYN,
    // and clients get neither DCOM to the CA nor the directory
    for (const set of [lines, lib]) {
      assert.ok(set.has('ces-dcom|ces|ca|tcp|10509-10509'));
      assert.ok(set.has('ca-dc-rpc|ca|dc|tcp|49152-65535'));
      assert.ok(set.has('member|ocsp|dc|tcp|49152-65535'));
      assert.ok(set.has('ndes-https|ndesClients|ndes|tcp|80-80'));
      assert.ok(set.has('crl-publish-smb|ca|cdp|tcp|445-445'));
      assert.ok(set.has('custom:winrm|admins|ca|tcp|5985-5986'));
      assert.ok(![...set].some((l) => l.startsWith('enroll-dcom|') || l.startsWith('client-directory|')));
      assert.ok(![...set].some((l) => /\|ca\|tcp\|1024-65535$/.test(l)), 'no DCOM to the pinned CA on the legacy range');
    }
  });

  it('ignoring ids, the (from, to, protocol, port) sets agree too', () => {
    // GIVEN the "cepKerberos" estate  WHEN both sides are reduced to the criterion
    // THEN they are equal
    assert.deepEqual(libraryLines(ORACLE_ESTATES.cepKerberos, false), portSetLines(oracleFlows(ORACLE_ESTATES.cepKerberos), false));
  });
});
