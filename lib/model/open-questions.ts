/**
 * What the catalogue does not guess: facts no Microsoft source settles, shown in the matrix and
 * the README so that a firewall team decides them knowingly (adcs-flows.md, "Open questions").
 */
export interface OpenQuestion {
  /** Stable id. */
  readonly id: string;
  /** The question and what the catalogue does about it. */
  readonly text: string;
}

/**
 * The catalogue's open questions, in the specification's order (v2.1). The transport of the CA's
 * call back to a requesting DC is no longer one: [MS-LSAD] 2.1 settles it (SMB, TCP 445), and
 * `ca-dc-rpc` keeps its ports.
 */
export const OPEN_QUESTIONS: readonly OpenQuestion[] = [
  { id: 'csra-static-endpoint',
    text: 'Whether the MS-CSRA interface (the CA console, certutil; CLSID D99E6E73-...) follows the static Endpoints value of the CertSrv Request AppID {D99E6E74-FC88-11D0-B498-00A0C90312F3}: DCOM endpoints belong to the object exporter (the process), and ICertRequestD and ICertAdminD are both served by certsrv.exe, so the pinned port should cover both; a lab check, no longer a protocol question. No Microsoft support statement for a static CertSrv endpoint was found.' },
  { id: 'perimeter-rodc',
    text: 'CES/CEP in a perimeter network with read-only DCs: not modelled; the dc tier is the writable DCs.' },
  { id: 'cdp-on-ca-or-ldap',
    text: 'A CDP hosted on the CA itself, or CDPs reachable only over LDAP: LDAP CDPs are covered by directory; a CDP on the CA needs no cdp tier.' },
  { id: 'ocsp-remote-management',
    text: 'OCSP remote management: the transport is DCOM ([MS-OCSPA] 2.1), but Microsoft documents no remote-management configuration for Windows Server 2025: opt-in ocspRemoteAdmin (ocsp-admin-dcom), with that caveat.' },
  { id: 'ca-to-ca-renewal',
    text: 'A subordinate CA renewing from an online enterprise root (CA to CA over DCOM): one ca tier cannot express it; add a custom flow.' },
  { id: 'icmp-to-dcs',
    text: 'ICMP to the DCs (the LDAP client pings DCs, KB 179442) is not emitted: add a custom flow with protocol icmp.' },
  { id: 'ca-to-web-enrollment-rpc',
    text: 'A call back from the CA to a separate Web Enrollment host over RPC (reported by one practitioner for Web Enrollment on a separate host; unverified): opt-in webEnrollmentCallback (web-callback), with that caveat.' },
];

/** What the `legacy` OS generation means, said in the matrix and the README (a documented choice, not a warning). */
export const LEGACY_RANGE_NOTE =
  'legacy is TCP 1024-65535, the server-port range of KB 179442\'s pre-2008 table; KB 929851 and KB 179442\'s text give 1025-5000 as the Windows Server 2003 default, of which 1024-65535 is a superset. '
  + 'If you know your legacy servers\' range, set rpcDynamicPorts (for the estate or the tier).';
