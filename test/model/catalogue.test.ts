import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CATALOGUE, catalogueRow, OPT_IN_ROWS } from '../../lib/model/catalogue';
import { Flow, flowsOf } from '../../lib/model/flows';
import { EstateProps, TierProps } from '../../lib/input/props';
import { resolveSpec } from '../../lib/spec';

/* Each row of the Flows table of adcs-flows.md, switched on and off by its condition. */

type Tiers = Record<string, TierProps>;
const CORE: Tiers = { clients: { cidrs: ['10.20.0.0/16'] }, ca: { cidrs: ['10.0.1.0/24'] }, dc: { cidrs: ['10.0.0.0/24'] } };
const EXTRA: Tiers = {
  ces: { cidrs: ['10.0.2.0/24'] }, cep: { cidrs: ['10.0.3.0/24'] }, webEnrollment: { cidrs: ['10.0.4.0/24'] },
  ndes: { cidrs: ['10.0.5.0/24'] }, ndesClients: { cidrs: ['10.40.0.0/16'] }, ocsp: { cidrs: ['10.0.6.0/24'] },
  cdp: { cidrs: ['10.0.7.0/24'] }, admins: { cidrs: ['10.0.9.0/28'] }, accountDc: { cidrs: ['10.80.0.0/24'] },
};
const SERVER_TIERS = ['ca', 'ces', 'cep', 'webEnrollment', 'ndes', 'ocsp'];

/** An estate: the core tiers plus `extra` tiers by name, plus options. */
function estate(extra: string[] = [], options: Record<string, unknown> = {}, over: Record<string, object> = {}): EstateProps {
  const tiers: Tiers = { ...CORE };
  for (const k of extra) tiers[k] = EXTRA[k];
  return { ...options, tiers: { ...tiers, ...over } } as unknown as EstateProps;
}

function flows(props: EstateProps): Flow[] {
  return flowsOf(resolveSpec(props, 'test').estate);
}

/** `from>to` of every flow of row `id`. */
function ends(props: EstateProps, id: string): string[] {
  return [...new Set(flows(props).filter((f) => f.id === id).map((f) => `${f.from}>${f.to}`))].sort();
}

/** `PROTO ports` of the flows of row `id` from `from`. */
function portsOf(props: EstateProps, id: string, from?: string): string[] {
  return flows(props).filter((f) => f.id === id && (from === undefined || f.from === from))
    .map((f) => `${f.protocol.toUpperCase()} ${f.ports.join(',')}`).sort();
}

const DCOM_MODERN = ['TCP 135,49152-65535'];
const DIRECTORY = ['TCP 53,88,389,464,636,3268-3269', 'UDP 53,88,389,464'];
const DIRECTORY_MINIMAL = ['TCP 53,88,389,464,3268', 'UDP 53,88,389,464'];
const ALL = Object.keys(EXTRA);

describe('catalogue data', () => {
  it('has exactly the 27 rows of the Flows table (v2.1), in its order', () => {
    // GIVEN the catalogue  WHEN its ids are listed  THEN they are the document's rows
    assert.deepEqual(CATALOGUE.map((r) => r.id), [
      'enroll-dcom', 'dc-enroll-dcom', 'ces-https', 'cep-https', 'ces-dcom', 'web-https', 'web-dcom', 'ndes-https', 'ndes-dcom',
      'ocsp-dcom', 'admin-dcom', 'ocsp-http', 'cdp-http', 'ocsp-crl', 'server-crl', 'crl-publish-smb', 'directory',
      'client-directory', 'admin-directory', 'ca-dc-rpc', 'ca-smb', 'ocsp-admin-dcom', 'web-callback',
      'cross-forest-directory', 'cross-forest-rpc', 'cross-forest-dc-enroll', 'member',
    ]);
  });

  it('marks exactly the three opt-in rows, each with its option and a caveat', () => {
    // GIVEN the rows  THEN ca-smb, ocsp-admin-dcom and web-callback are opt-in, nothing else
    assert.deepEqual(OPT_IN_ROWS.map((r) => `${r.id}:${r.optIn.option}`), ['ca-smb:caSmb', 'ocsp-admin-dcom:ocspRemoteAdmin', 'web-callback:webEnrollmentCallback']);
    assert.match(catalogueRow('ocsp-admin-dcom').optIn!.caveat, /Windows Server 2025/);
    assert.match(catalogueRow('web-callback').optIn!.caveat, /one practitioner.*unverified/);
    assert.match(catalogueRow('ca-smb').optIn!.caveat, /only needed for administrative actions/);
  });

  it('gives every row a purpose and a reference', () => {
    // GIVEN the rows  THEN each can be audited: purpose and reference are non-empty
    for (const r of CATALOGUE) assert.ok(r.purpose.length > 5 && r.reference.length > 5, r.id);
  });
});

describe('catalogue rows on and off', () => {
  it('enroll-dcom: clients > ca on DCOM(CA) with direct enrollment (default), gone when off', () => {
    // GIVEN the core estate  WHEN direct enrollment is default / off  THEN the row is there / absent
    assert.deepEqual(portsOf(estate(), 'enroll-dcom', 'clients'), DCOM_MODERN);
    assert.deepEqual(ends(estate(['ces'], { directEnrollment: false }), 'enroll-dcom'), []);
  });

  it('with direct enrollment off there is no clients > ca flow at all', () => {
    // GIVEN CES as the only path  WHEN flows are computed  THEN nothing goes from clients to the CA
    const fs = flows(estate(ALL, { directEnrollment: false }));
    assert.deepEqual(fs.filter((f) => f.from === 'clients' && f.to === 'ca'), []);
  });

  const https: [string, string, string][] = [
    ['ces-https', 'ces', 'clients>ces'], ['cep-https', 'cep', 'clients>cep'], ['web-https', 'webEnrollment', 'clients>webEnrollment'],
  ];
  for (const [id, tier, edge] of https) {
    it(`${id}: ${edge} on TCP 443 when ${tier} is present, absent otherwise`, () => {
      // GIVEN the tier present / absent  THEN the row is TCP 443 only / absent
      assert.deepEqual(portsOf(estate([tier]), id), ['TCP 443']);
      assert.deepEqual(ends(estate([tier]), id), [edge]);
      assert.deepEqual(ends(estate(ALL.filter((t) => t !== tier)), id), []);
    });
  }

  const dcomRows: [string, string][] = [['ces-dcom', 'ces'], ['web-dcom', 'webEnrollment'], ['ndes-dcom', 'ndes'], ['ocsp-dcom', 'ocsp'], ['admin-dcom', 'admins'],
    ['cross-forest-dc-enroll', 'accountDc']];
  for (const [id, tier] of dcomRows) {
    it(`${id}: ${tier} > ca on DCOM(CA) when ${tier} is present, absent otherwise`, () => {
      // GIVEN the tier present / absent  THEN the row is 135 + DYN(CA) / absent
      assert.deepEqual(ends(estate([tier]), id), [`${tier}>ca`]);
      assert.deepEqual(portsOf(estate([tier]), id), DCOM_MODERN);
      assert.deepEqual(ends(estate(ALL.filter((t) => t !== tier)), id), []);
    });
  }

  it('ndes-dcom needs only ndes (not ndesClients)', () => {
    // GIVEN NDES without devices  THEN NDES still forwards to the CA
    assert.deepEqual(ends(estate(['ndes']), 'ndes-dcom'), ['ndes>ca']);
  });

  it('CEP never talks to the CA', () => {
    // GIVEN every tier  THEN no flow has cep as source and ca as destination
    assert.deepEqual(flows(estate(ALL)).filter((f) => f.from === 'cep' && f.to === 'ca'), []);
  });

  it('ndes-https: ndesClients > ndes on TCP 443 only when both tiers are present', () => {
    // GIVEN both / only one of the two tiers  THEN the row / nothing
    assert.deepEqual(ends(estate(['ndes', 'ndesClients']), 'ndes-https'), ['ndesClients>ndes']);
    assert.deepEqual(portsOf(estate(['ndes', 'ndesClients']), 'ndes-https'), ['TCP 443']);
    assert.deepEqual(ends(estate(['ndes']), 'ndes-https'), []);
    assert.deepEqual(ends(estate(['ndesClients']), 'ndes-https'), []);
  });

  it('ndes-https: TCP 80 only with ndesHttp', () => {
    // GIVEN SCEP over HTTP on / explicitly off  THEN 80 and 443 / 443 only
    assert.deepEqual(portsOf(estate(['ndes', 'ndesClients'], { ndesHttp: true }), 'ndes-https'), ['TCP 80,443']);
    assert.deepEqual(portsOf(estate(['ndes', 'ndesClients'], { ndesHttp: false }), 'ndes-https'), ['TCP 443']);
  });

  it('ndesHttp opens port 80 nowhere else', () => {
    // GIVEN every tier with / without ndesHttp  THEN TCP 80 toward ndes appears only with it
    const with80 = (props: EstateProps): string[] => [...new Set(flows(props).filter((f) => f.ports.some((p) => p.contains(80))).map((f) => f.id))].sort();
    assert.deepEqual(with80(estate(ALL, { ndesHttp: true })), ['cdp-http', 'ndes-https', 'ocsp-crl', 'ocsp-http', 'server-crl']);
    assert.deepEqual(with80(estate(ALL)), ['cdp-http', 'ocsp-crl', 'ocsp-http', 'server-crl']);
  });

  it('ocsp-http: clients, and admins when present, > ocsp on TCP 80 when ocsp is present', () => {
    // GIVEN ocsp present / absent, admins absent / present  THEN the row from clients / and admins / nothing
    assert.deepEqual(ends(estate(['ocsp']), 'ocsp-http'), ['clients>ocsp']);
    assert.deepEqual(ends(estate(['ocsp', 'admins']), 'ocsp-http'), ['admins>ocsp', 'clients>ocsp']);
    assert.deepEqual(portsOf(estate(['ocsp', 'admins']), 'ocsp-http', 'admins'), ['TCP 80']);
    assert.deepEqual(ends(estate(ALL.filter((t) => t !== 'ocsp')), 'ocsp-http'), []);
  });

  it('cdp-http: clients, and admins when present, > cdp on TCP 80 when cdp is present', () => {
    // GIVEN cdp present / absent, admins absent / present  THEN the row from clients / and admins / nothing
    assert.deepEqual(ends(estate(['cdp']), 'cdp-http'), ['clients>cdp']);
    assert.deepEqual(ends(estate(['cdp', 'admins']), 'cdp-http'), ['admins>cdp', 'clients>cdp']);
    assert.deepEqual(portsOf(estate(['cdp', 'admins']), 'cdp-http', 'admins'), ['TCP 80']);
    assert.deepEqual(ends(estate(ALL.filter((t) => t !== 'cdp')), 'cdp-http'), []);
  });

  it('ocsp-dcom: only with ocspAutoEnroll (default true)', () => {
    // GIVEN ocsp with ocspAutoEnroll default / true / false  THEN the row / the row / nothing
    assert.deepEqual(ends(estate(['ocsp']), 'ocsp-dcom'), ['ocsp>ca']);
    assert.deepEqual(ends(estate(['ocsp'], { ocspAutoEnroll: true }), 'ocsp-dcom'), ['ocsp>ca']);
    assert.deepEqual(ends(estate(['ocsp'], { ocspAutoEnroll: false }), 'ocsp-dcom'), []);
    // AND the responder keeps its other flows
    assert.deepEqual(ends(estate(['ocsp', 'cdp'], { ocspAutoEnroll: false }), 'ocsp-crl'), ['ocsp>cdp']);
  });

  it('ca-smb: admins > ca on TCP 445 only with caSmb', () => {
    // GIVEN admins with caSmb true / default / false  THEN TCP 445 / nothing / nothing
    assert.deepEqual(ends(estate(['admins'], { caSmb: true }), 'ca-smb'), ['admins>ca']);
    assert.deepEqual(portsOf(estate(['admins'], { caSmb: true }), 'ca-smb'), ['TCP 445']);
    assert.deepEqual(ends(estate(['admins']), 'ca-smb'), []);
    assert.deepEqual(ends(estate(['admins'], { caSmb: false }), 'ca-smb'), []);
    // AND admin-dcom stays DCOM only ([MS-CSRA] is DCOM only)
    assert.deepEqual(portsOf(estate(['admins'], { caSmb: true }), 'admin-dcom'), DCOM_MODERN);
  });

  it('ocsp-admin-dcom: admins > ocsp on TCP 135 + DYN(ocsp) only with ocspRemoteAdmin, never pinned', () => {
    // GIVEN admins and ocsp with ocspRemoteAdmin on, the CA pinned, OCSP on legacy Windows
    const on = estate(['admins', 'ocsp'], { ocspRemoteAdmin: true, dcomPort: 10509 }, { ocsp: { cidrs: ['10.0.6.0/24'], osGeneration: 'legacy' } });
    // THEN 135 and the responders' own (legacy) range, not the CA's static port
    assert.deepEqual(ends(on, 'ocsp-admin-dcom'), ['admins>ocsp']);
    assert.deepEqual(portsOf(on, 'ocsp-admin-dcom'), ['TCP 135,1024-65535']);
    assert.deepEqual(ends(estate(['admins', 'ocsp']), 'ocsp-admin-dcom'), []);
  });

  it('web-callback: ca > webEnrollment on TCP 135 + DYN(webEnrollment) only with webEnrollmentCallback', () => {
    // GIVEN Web Enrollment with its own RPC range, the callback on / off
    const over = { webEnrollment: { cidrs: ['10.0.4.0/24'], rpcDynamicPorts: '52000-52999' } };
    assert.deepEqual(ends(estate(['webEnrollment'], { webEnrollmentCallback: true }, over), 'web-callback'), ['ca>webEnrollment']);
    assert.deepEqual(portsOf(estate(['webEnrollment'], { webEnrollmentCallback: true }, over), 'web-callback'), ['TCP 135,52000-52999']);
    assert.deepEqual(ends(estate(['webEnrollment'], {}, over), 'web-callback'), []);
  });

  it('cross-forest rows: only with accountDc; DIRECTORY from ca, ces and cep; CA-DC-RPC on the account forest\'s own DYN', () => {
    // GIVEN every tier, the DCs narrowed, the account forest on legacy Windows
    const props = estate(ALL, {}, { dc: { cidrs: ['10.0.0.0/24'], rpcDynamicPorts: '6000-6199' }, accountDc: { cidrs: ['10.80.0.0/24'], osGeneration: 'legacy' } });
    // THEN the CA, CES and CEP get DIRECTORY toward the account forest (not the other server tiers)
    assert.deepEqual(ends(props, 'cross-forest-directory'), ['ca>accountDc', 'cep>accountDc', 'ces>accountDc']);
    for (const t of ['ca', 'ces', 'cep']) assert.deepEqual(portsOf(props, 'cross-forest-directory', t), DIRECTORY, t);
    // AND the CA calls the account forest on 135, 445 and that forest's range, the DCs on theirs
    assert.deepEqual(portsOf(props, 'cross-forest-rpc'), ['TCP 135,445,1024-65535']);
    assert.deepEqual(portsOf(props, 'ca-dc-rpc'), ['TCP 135,445,6000-6199']);
    // AND without the tier, none of the three rows
    const without = flows(estate(ALL.filter((t) => t !== 'accountDc')));
    assert.deepEqual(without.filter((f) => f.id.startsWith('cross-forest-')), []);
  });

  it('cross-forest-dc-enroll: only with dcEnrollment', () => {
    assert.deepEqual(ends(estate(['accountDc']), 'cross-forest-dc-enroll'), ['accountDc>ca']);
    assert.deepEqual(ends(estate(['accountDc'], { dcEnrollment: false }), 'cross-forest-dc-enroll'), []);
    assert.deepEqual(portsOf(estate(['accountDc'], { dcomPort: 10509 }), 'cross-forest-dc-enroll'), ['TCP 135,10509']);
  });

  it('accountDc is no server tier: no directory or member flow from it, and no flow toward it but the cross-forest rows', () => {
    const fs = flows(estate(ALL, { domainMemberFlows: true }));
    assert.deepEqual(fs.filter((f) => f.from === 'accountDc').map((f) => f.id), ['cross-forest-dc-enroll']);
    assert.deepEqual([...new Set(fs.filter((f) => f.to === 'accountDc').map((f) => f.id))], ['cross-forest-directory', 'cross-forest-rpc']);
  });

  it('ocsp-crl: ocsp > cdp on TCP 80 only when both are present', () => {
    // GIVEN both / one of ocsp and cdp  THEN the row / nothing
    assert.deepEqual(ends(estate(['ocsp', 'cdp']), 'ocsp-crl'), ['ocsp>cdp']);
    assert.deepEqual(portsOf(estate(['ocsp', 'cdp']), 'ocsp-crl'), ['TCP 80']);
    assert.deepEqual(ends(estate(['ocsp']), 'ocsp-crl'), []);
    assert.deepEqual(ends(estate(['cdp']), 'ocsp-crl'), []);
  });

  it('crl-publish-smb: ca > cdp on TCP 445 only with crlPublishing smb', () => {
    // GIVEN cdp with smb / with none / default  THEN TCP 445 / nothing / nothing
    assert.deepEqual(ends(estate(['cdp'], { crlPublishing: 'smb' }), 'crl-publish-smb'), ['ca>cdp']);
    assert.deepEqual(portsOf(estate(['cdp'], { crlPublishing: 'smb' }), 'crl-publish-smb'), ['TCP 445']);
    assert.deepEqual(ends(estate(['cdp'], { crlPublishing: 'none' }), 'crl-publish-smb'), []);
    assert.deepEqual(ends(estate(['cdp']), 'crl-publish-smb'), []);
  });

  it('directory: from every present server tier to dc, never from clients, cdp, admins or ndesClients', () => {
    // GIVEN every tier  THEN the sources of directory are exactly the server tiers
    assert.deepEqual(ends(estate(ALL), 'directory'), SERVER_TIERS.map((t) => `${t}>dc`).sort());
    // AND each gets the full DIRECTORY set
    for (const t of SERVER_TIERS) assert.deepEqual(portsOf(estate(ALL), 'directory', t), DIRECTORY, t);
  });

  it('directory: only present server tiers are sources', () => {
    // GIVEN the core plus ocsp  THEN ca and ocsp, no one else
    assert.deepEqual(ends(estate(['ocsp', 'cdp', 'admins']), 'directory'), ['ca>dc', 'ocsp>dc']);
    assert.deepEqual(ends(estate(), 'directory'), ['ca>dc']);
  });

  it('DIRECTORY is Kerberos 88 and 464 on TCP+UDP, LDAP 389 TCP+UDP, 636, GC 3268-3269, DNS 53 TCP+UDP', () => {
    // GIVEN the core estate  THEN the ca > dc directory flow holds exactly these ports
    assert.deepEqual(portsOf(estate(), 'directory', 'ca'), DIRECTORY);
  });

  describe('client-directory', () => {
    const cases: [string, EstateProps, boolean][] = [
      ['direct enrollment on (default)', estate(), true],
      ['direct enrollment on, CES on username/password', estate(['ces'], { cesAuthentication: 'usernamePassword' }), true],
      ['direct off, CES with Kerberos (default)', estate(['ces'], { directEnrollment: false }), true],
      ['direct off, CEP with Kerberos (explicit)', estate(['cep'], { directEnrollment: false, cesAuthentication: 'kerberos' }), true],
      ['direct off, CES with username/password', estate(['ces'], { directEnrollment: false, cesAuthentication: 'usernamePassword' }), false],
      ['direct off, CES and CEP with client certificates', estate(['ces', 'cep'], { directEnrollment: false, cesAuthentication: 'certificate' }), false],
      ['direct off, Web Enrollment only (Windows-integrated login)', estate(['webEnrollment'], { directEnrollment: false }), true],
      ['direct off, no CES, CEP or Web Enrollment (NDES only)', estate(['ndes', 'ndesClients'], { directEnrollment: false }), false],
      ['direct off, CES on username/password with a second, Kerberos instance',
        estate(['ces'], { directEnrollment: false, cesAuthentication: 'usernamePassword' }, { ces: { cidrs: ['10.0.2.0/24'], instances: [{ port: 443 }, { port: 8443, authentication: 'kerberos' }] } }), true],
      ['direct off, CEP instances on certificate and username/password',
        estate(['cep'], { directEnrollment: false }, { cep: { cidrs: ['10.0.3.0/24'], instances: [{ port: 443, authentication: 'certificate' }, { port: 8443, authentication: 'usernamePassword' }] } }), false],
    ];
    for (const [name, props, on] of cases) {
      it(`${on ? 'on' : 'off'}: ${name}`, () => {
        // GIVEN the estate  WHEN its flows are computed  THEN clients > dc DIRECTORY is there or not
        assert.deepEqual(ends(props, 'client-directory'), on ? ['clients>dc'] : []);
        if (on) assert.deepEqual(portsOf(props, 'client-directory'), DIRECTORY);
        // AND clientDirectory: minimal narrows it to DIRECTORY-MINIMAL (no 636, no 3269)
        if (on) assert.deepEqual(portsOf({ ...props, clientDirectory: 'minimal' } as EstateProps, 'client-directory'), DIRECTORY_MINIMAL);
        else assert.deepEqual(flows(props).filter((f) => f.from === 'clients' && f.to === 'dc'), []);
      });
    }
  });

  it('ca-dc-rpc: always, TCP 135 + the DC\'s DYN and TCP 445 (MS-LSAD over SMB)', () => {
    // GIVEN the core estate  THEN ca > dc on 135, 445 and 49152-65535
    assert.deepEqual(ends(estate(), 'ca-dc-rpc'), ['ca>dc']);
    assert.deepEqual(portsOf(estate(), 'ca-dc-rpc'), ['TCP 135,445,49152-65535']);
  });

  it('dc-enroll-dcom: dc > ca on DCOM(CA) with dcEnrollment (default), gone when off, kept without direct enrollment', () => {
    // GIVEN the core estate / dcEnrollment false / direct enrollment off with CES
    assert.deepEqual(ends(estate(), 'dc-enroll-dcom'), ['dc>ca']);
    assert.deepEqual(portsOf(estate(), 'dc-enroll-dcom'), DCOM_MODERN);
    assert.deepEqual(portsOf(estate([], { dcomPort: 10509 }), 'dc-enroll-dcom'), ['TCP 135,10509']);
    assert.deepEqual(ends(estate([], { dcEnrollment: false }), 'dc-enroll-dcom'), []);
    assert.deepEqual(flows(estate([], { dcEnrollment: false })).filter((f) => f.from === 'dc' && f.to === 'ca'), []);
    assert.deepEqual(ends(estate(['ces'], { directEnrollment: false }), 'dc-enroll-dcom'), ['dc>ca']);
  });

  it('server-crl: ca, ndes and dc > cdp on TCP 80 when cdp is present; ces/cep only with a certificate instance', () => {
    // GIVEN every tier, CES and CEP on Kerberos  THEN the CA, NDES and the DCs fetch CRLs, CES and CEP do not
    assert.deepEqual(ends(estate(ALL), 'server-crl'), ['ca>cdp', 'dc>cdp', 'ndes>cdp']);
    assert.deepEqual(portsOf(estate(ALL), 'server-crl', 'ca'), ['TCP 80']);
    // AND without cdp there is no such flow
    assert.deepEqual(ends(estate(ALL.filter((t) => t !== 'cdp')), 'server-crl'), []);
    // AND a certificate instance on CES (not CEP) makes CES fetch CRLs
    const certCes = estate(ALL, {}, { ces: { cidrs: ['10.0.2.0/24'], instances: [{ port: 443 }, { port: 8443, authentication: 'certificate' }] } });
    assert.deepEqual(ends(certCes, 'server-crl'), ['ca>cdp', 'ces>cdp', 'dc>cdp', 'ndes>cdp']);
    // AND cesAuthentication certificate makes both default instances certificate ones
    assert.deepEqual(ends(estate(['ces', 'cep', 'cdp'], { cesAuthentication: 'certificate' }), 'server-crl'), ['ca>cdp', 'cep>cdp', 'ces>cdp', 'dc>cdp']);
  });

  it('admin-directory: admins > dc on DIRECTORY-MINIMAL when admins are present', () => {
    // GIVEN admins present / absent  THEN the row with Kerberos, LDAP, GC 3268 and DNS, no 636 or 3269 / nothing
    assert.deepEqual(ends(estate(['admins']), 'admin-directory'), ['admins>dc']);
    assert.deepEqual(portsOf(estate(['admins']), 'admin-directory'), DIRECTORY_MINIMAL);
    assert.deepEqual(ends(estate(ALL.filter((t) => t !== 'admins')), 'admin-directory'), []);
    // AND clientDirectory never changes it
    assert.deepEqual(portsOf(estate(['admins'], { clientDirectory: 'full' }), 'admin-directory'), DIRECTORY_MINIMAL);
  });

  it('ces-https: instances sharing a port (key-based renewal) give that port once', () => {
    // GIVEN CES with username/password and certificate instances on 49999 (Learn's walkthrough)
    const props = estate(['ces', 'cdp'], {}, {
      ces: { cidrs: ['10.0.2.0/24'], instances: [{ port: 49999, authentication: 'usernamePassword' }, { port: 49999, authentication: 'certificate' }] },
    });
    // THEN clients get TCP 49999 once, and the certificate instance makes CES fetch CRLs
    assert.deepEqual(portsOf(props, 'ces-https'), ['TCP 49999']);
    assert.deepEqual(flows(props).filter((f) => f.id === 'ces-https').length, 1);
    assert.deepEqual(ends(props, 'server-crl'), ['ca>cdp', 'ces>cdp', 'dc>cdp']);
  });

  it('ces-https / cep-https: TCP on the port of each instance', () => {
    // GIVEN CES on 443 and 8443, CEP on 9443 only  THEN exactly those ports, never a merged range
    const props = estate(['ces', 'cep'], {}, {
      ces: { cidrs: ['10.0.2.0/24'], instances: [{ port: 8443, authentication: 'certificate' }, { port: 443 }] },
      cep: { cidrs: ['10.0.3.0/24'], instances: [{ port: 9443 }] },
    });
    assert.deepEqual(portsOf(props, 'ces-https'), ['TCP 443,8443']);
    assert.deepEqual(portsOf(props, 'cep-https'), ['TCP 9443']);
  });

  it('member: only with domainMemberFlows, from every present server tier, NTP + RPC + SMB', () => {
    // GIVEN every tier without / with the baseline  THEN nothing / a row from each server tier
    assert.deepEqual(ends(estate(ALL), 'member'), []);
    assert.deepEqual(ends(estate(ALL, { domainMemberFlows: false }), 'member'), []);
    const on = estate(ALL, { domainMemberFlows: true });
    assert.deepEqual(ends(on, 'member'), SERVER_TIERS.map((t) => `${t}>dc`).sort());
    for (const t of SERVER_TIERS) assert.deepEqual(portsOf(on, 'member', t), ['TCP 135,445,49152-65535', 'UDP 123'], t);
  });

  it('every flow names its source tier, destination, protocol and non-empty ports', () => {
    // GIVEN every tier and option  THEN each flow is well-formed and non-custom flows come from the catalogue
    for (const f of flows(estate(ALL, { domainMemberFlows: true, crlPublishing: 'smb', ndesHttp: true }))) {
      assert.ok(f.ports.length > 0 && (f.protocol === 'tcp' || f.protocol === 'udp'));
      assert.equal(f.custom, false);
      assert.ok(CATALOGUE.some((r) => r.id === f.id));
    }
  });
});
