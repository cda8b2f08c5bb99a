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

/** The catalogue's open questions, in the specification's order. */
export const OPEN_QUESTIONS: readonly OpenQuestion[] = [
  { id: 'ca-dc-callback-transport',
    text: 'The transport of the CA\'s call back to a requesting DC (RPC over TCP, or over named pipes on TCP 445): ca-dc-rpc opens both.' },
  { id: 'csra-static-endpoint',
    text: 'Whether the MS-CSRA interface (the CA console, certutil) follows the static Endpoints value of the CertSrv Request AppID {D99E6E74-FC88-11D0-B498-00A0C90312F3}: no Microsoft support statement for a static CertSrv endpoint was found.' },
  { id: 'perimeter-rodc',
    text: 'CES/CEP in a perimeter network with read-only DCs: not modelled; the dc tier is the writable DCs.' },
  { id: 'cdp-on-ca-or-ldap',
    text: 'A CDP hosted on the CA itself, or CDPs reachable only over LDAP: LDAP CDPs are covered by directory; a CDP on the CA needs no cdp tier.' },
  { id: 'ocsp-remote-management',
    text: 'OCSP remote management: Microsoft documents no ports for it; add a custom flow.' },
  { id: 'ca-to-ca-renewal',
    text: 'A subordinate CA renewing from an online enterprise root (CA to CA over DCOM): one ca tier cannot express it; add a custom flow.' },
  { id: 'icmp-to-dcs',
    text: 'ICMP to the DCs (the LDAP client pings DCs, KB 179442) is not emitted: add a custom flow with protocol icmp.' },
  { id: 'ca-to-web-enrollment-rpc',
    text: 'A call back from the CA to a separate Web Enrollment host over RPC (reported by one practitioner, unverified): not emitted.' },
];

/** What the `legacy` OS generation means, said in the matrix and the README (a documented choice, not a warning). */
export const LEGACY_RANGE_NOTE =
  'legacy is TCP 1024-65535, the Certificate Services row of KB 832017; KB 929851 and KB 179442 give 1025-5000 as the Windows Server 2003 default. '
  + 'If you know your legacy servers\' range, set rpcDynamicPorts (for the estate or the tier).';
