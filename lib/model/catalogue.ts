import { Estate, hasInstanceWith, hasTier, instancesOf } from './estate';
import { CesAuthentication, CrlPublishing } from './options';
import { caToDcRpcPorts, clientDirectoryPorts, DIRECTORY_MINIMAL_PORTS, DIRECTORY_PORTS, dcomToCa, memberPorts, rpcTo } from './port-sets';
import { PortRange } from './port-range';
import { SERVER_TIER_KEYS, TierKey } from './tiers';
import { HTTP, HTTPS, SMB } from './well-known-ports';

/** Ids of the catalogue's rows. */
export type CatalogueFlowId =
  | 'enroll-dcom' | 'dc-enroll-dcom' | 'ces-https' | 'cep-https' | 'ces-dcom' | 'web-https' | 'web-dcom'
  | 'ndes-https' | 'ndes-dcom' | 'ocsp-dcom' | 'admin-dcom' | 'ocsp-http' | 'cdp-http'
  | 'ocsp-crl' | 'server-crl' | 'crl-publish-smb' | 'directory' | 'client-directory' | 'admin-directory'
  | 'ca-dc-rpc' | 'ca-smb' | 'ocsp-admin-dcom' | 'web-callback' | 'cross-forest-directory' | 'cross-forest-rpc'
  | 'cross-forest-dc-enroll' | 'member';

/** The opt-in options: each switches on one row that practitioners open and Microsoft documents little. */
export type OptInOption = 'caSmb' | 'ocspRemoteAdmin' | 'webEnrollmentCallback';

/** What an opt-in row is: its option and what is unverified about it (said wherever it is on). */
export interface OptIn {
  /** The estate's option that switches the row on (default off). */
  readonly option: OptInOption;
  /** What Microsoft does not document or nobody verified. */
  readonly caveat: string;
}

/**
 * One row of the AD CS flow catalogue. A row yields one flow per present source tier and
 * protocol, when its source and destination tiers are present and `when` holds.
 */
export interface CatalogueRow {
  /** Stable id, quoted in every rule the row produces. */
  readonly id: CatalogueFlowId;
  /** Source tiers (each present one gets the flow, when `fromWhen` holds for it). */
  readonly from: readonly TierKey[];
  /** Extra condition on one source tier (absent: every present source tier). */
  readonly fromWhen?: (estate: Estate, from: TierKey) => boolean;
  /** Destination tier. */
  readonly to: TierKey;
  /** The ports as the catalogue writes them. */
  readonly portsText: string;
  /** The destination ports for an estate. */
  readonly ports: (estate: Estate) => readonly PortRange[];
  /** The condition as the catalogue writes it. */
  readonly whenText: string;
  /** Extra condition beyond both ends being present. */
  readonly when: (estate: Estate) => boolean;
  /** Why the flow exists. */
  readonly purpose: string;
  /** Where it is documented. */
  readonly reference: string;
  /** True when the ports hold the destination tier's RPC dynamic range (DYN). */
  readonly destinationDyn?: boolean;
  /** Opt-in rows (default off): the option and the caveat. */
  readonly optIn?: OptIn;
}

const always = (): boolean => true;
const instancePorts = (key: 'ces' | 'cep') => (e: Estate): PortRange[] => instancesOf(e, key).map((i) => PortRange.tcp(i.port));
const https = (): PortRange[] => [PortRange.tcp(HTTPS)];
const http = (): PortRange[] => [PortRange.tcp(HTTP)];
const dcom = (e: Estate): PortRange[] => dcomToCa(e);
const DCOM_REF = '[MS-WCCE] 2.1; KB 832017; KB 154596';
const CROSS_FOREST_REF = 'Microsoft Learn: AD CS: Deploying Cross-forest Certificate Enrollment; Certificate Enrollment Web Service overview (two-way forest trust)';
const CA_DC_RPC_REF = '[MS-WCCE] 3.2.2.6.2.1.4.5.9; [MS-LSAD] 2.1; [MS-LSAT] 2.1; [MS-NRPC] 2.1; KB 179442';

/** The AD CS flow catalogue, in the order of the specification's table. */
export const CATALOGUE: readonly CatalogueRow[] = [
  { id: 'enroll-dcom', from: ['clients'], to: 'ca', portsText: 'DCOM(CA)', ports: dcom, destinationDyn: true,
    whenText: 'direct enrollment on (default)', when: (e) => e.directEnrollment,
    purpose: 'autoenrollment, certreq and MMC enroll over DCOM (MS-WCCE)', reference: DCOM_REF },
  { id: 'dc-enroll-dcom', from: ['dc'], to: 'ca', portsText: 'DCOM(CA)', ports: dcom, destinationDyn: true,
    whenText: '`dcEnrollment` on (default)', when: (e) => e.dcEnrollment,
    purpose: 'DCs autoenroll for Domain Controller Authentication, Kerberos Authentication and Directory Email Replication certificates over DCOM; the seed\'s Event 13 is this flow blocked',
    reference: `${DCOM_REF}; AWS Directory Service, Enable server-side LDAPS, Step 4 ("These rules allow your domain controllers to connect to your enterprise CA to request a certificate"; AWS opens All traffic, the ports are DCOM(CA))` },
  { id: 'ces-https', from: ['clients'], to: 'ces', portsText: "TCP, the port of each of `ces`'s instances (default one instance on 443)",
    ports: instancePorts('ces'), whenText: '`ces` present', when: always,
    purpose: 'enrollment through CES (WS-Trust over HTTPS)',
    reference: 'Microsoft Learn: Certificate Enrollment Web Service; Install-AdcsEnrollmentWebService; Certificate key-based renewal' },
  { id: 'cep-https', from: ['clients'], to: 'cep', portsText: "TCP, the port of each of `cep`'s instances (default one instance on 443)",
    ports: instancePorts('cep'), whenText: '`cep` present', when: always,
    purpose: 'enrollment policy through CEP',
    reference: 'Microsoft Learn: Certificate Enrollment Policy Web Service; Install-AdcsEnrollmentPolicyWebService' },
  { id: 'ces-dcom', from: ['ces'], to: 'ca', portsText: 'DCOM(CA)', ports: dcom, destinationDyn: true,
    whenText: '`ces` present', when: always,
    purpose: 'CES forwards requests to the CA over DCOM', reference: `${DCOM_REF}; Microsoft Learn: CES` },
  { id: 'web-https', from: ['clients'], to: 'webEnrollment', portsText: 'TCP 443', ports: https,
    whenText: '`webEnrollment` present', when: always,
    purpose: 'CA Web Enrollment pages', reference: 'Microsoft Learn: Certification Authority Web Enrollment' },
  { id: 'web-dcom', from: ['webEnrollment'], to: 'ca', portsText: 'DCOM(CA)', ports: dcom, destinationDyn: true,
    whenText: '`webEnrollment` present', when: always,
    purpose: 'Web Enrollment submits to the CA', reference: DCOM_REF },
  { id: 'ndes-https', from: ['ndesClients'], to: 'ndes', portsText: 'TCP 443, and TCP 80 when SCEP over HTTP is on',
    ports: (e) => (e.ndesHttp ? [PortRange.tcp(HTTP), PortRange.tcp(HTTPS)] : [PortRange.tcp(HTTPS)]),
    whenText: '`ndes` and `ndesClients` present', when: always,
    purpose: 'SCEP enrollment (/certsrv/mscep); many devices use plain HTTP',
    reference: 'Microsoft Learn: Network Device Enrollment Service' },
  { id: 'ndes-dcom', from: ['ndes'], to: 'ca', portsText: 'DCOM(CA)', ports: dcom, destinationDyn: true,
    whenText: '`ndes` present', when: always,
    purpose: 'NDES forwards requests to the CA', reference: `${DCOM_REF}; Microsoft Learn: NDES` },
  { id: 'ocsp-dcom', from: ['ocsp'], to: 'ca', portsText: 'DCOM(CA)', ports: dcom, destinationDyn: true,
    whenText: '`ocsp` present and `ocspAutoEnroll` on (default)', when: (e) => e.ocspAutoEnroll,
    purpose: 'the responder auto-enrolls its OCSP signing certificate; a responder whose signing certificate is enrolled by hand needs none',
    reference: `${DCOM_REF}; Microsoft Learn: Secure, monitor and scale Online Responders ("Auto-Enroll for an OCSP signing certificate")` },
  { id: 'admin-dcom', from: ['admins'], to: 'ca', portsText: 'DCOM(CA)', ports: dcom, destinationDyn: true,
    whenText: '`admins` present', when: always,
    purpose: 'CA console and certutil (MS-CSRA)', reference: '[MS-CSRA] 2.1; KB 154596' },
  { id: 'ocsp-http', from: ['clients', 'admins'], to: 'ocsp', portsText: 'TCP 80', ports: http,
    whenText: '`ocsp` present (from `clients`, and `admins` when present)', when: always,
    purpose: 'OCSP requests; admins verify revocation paths (certutil -verify -urlfetch)',
    reference: 'RFC 6960; Microsoft Learn: Online Responder; certutil -verify -urlfetch' },
  { id: 'cdp-http', from: ['clients', 'admins'], to: 'cdp', portsText: 'TCP 80', ports: http,
    whenText: '`cdp` present (from `clients`, and `admins` when present)', when: always,
    purpose: 'CRL and CA certificate download (CDP / AIA); Enterprise PKI (PKIView) on the admin workstations checks "AIA Location #1" and "CDP Location #1"',
    reference: 'Microsoft Learn: CRL publication (CDP/AIA); Monitor AD CS health with Enterprise PKI' },
  { id: 'ocsp-crl', from: ['ocsp'], to: 'cdp', portsText: 'TCP 80', ports: http,
    whenText: '`ocsp` and `cdp` present', when: always,
    purpose: 'the responder fetches CRLs', reference: 'Microsoft Learn: Online Responder; CRL publication' },
  { id: 'server-crl', from: ['ca', 'ndes', 'dc', 'ces', 'cep'], to: 'cdp', portsText: 'TCP 80', ports: http,
    fromWhen: (e, from) => (from !== 'ces' && from !== 'cep') || hasInstanceWith(e, from, CesAuthentication.CERTIFICATE),
    whenText: '`cdp` present (`ces`/`cep` when one of their instances uses certificate authentication)', when: always,
    purpose: 'the CA checks its own chain at start (CertSvc refuses to start when the CRL is unreachable: Event 100), NDES checks its RA certificates, DCs check smart-card and client certificates, CES/CEP check client certificates',
    reference: 'Microsoft Learn: CRL publication; CertSvc Event 100' },
  { id: 'crl-publish-smb', from: ['ca'], to: 'cdp', portsText: 'TCP 445', ports: () => [PortRange.tcp(SMB)],
    whenText: '`cdp` present and CRL publishing over SMB on', when: (e) => e.crlPublishing === CrlPublishing.SMB,
    purpose: 'the CA writes CRLs to a UNC share', reference: 'Microsoft Learn: CRL publication; KB 832017' },
  { id: 'directory', from: SERVER_TIER_KEYS, to: 'dc', portsText: 'DIRECTORY', ports: () => DIRECTORY_PORTS,
    whenText: 'always (every server tier present)', when: always,
    purpose: 'Kerberos, LDAP, GC and DNS for enrollment, templates and publishing', reference: 'KB 179442; KB 832017' },
  { id: 'client-directory', from: ['clients'], to: 'dc', portsText: 'CLIENT-DIRECTORY', ports: clientDirectoryPorts,
    whenText: 'direct enrollment on, or `webEnrollment` present (Windows-integrated login), or a present `ces` or `cep` with an instance whose authentication is Kerberos',
    when: (e) => e.directEnrollment || hasTier(e, 'webEnrollment')
      || hasInstanceWith(e, 'ces', CesAuthentication.KERBEROS) || hasInstanceWith(e, 'cep', CesAuthentication.KERBEROS),
    purpose: 'clients read templates over LDAP and get Kerberos tickets', reference: 'KB 179442; KB 832017' },
  { id: 'admin-directory', from: ['admins'], to: 'dc', portsText: 'DIRECTORY-MINIMAL', ports: () => DIRECTORY_MINIMAL_PORTS,
    whenText: '`admins` present', when: always,
    purpose: 'the CA console and certutil find CAs and templates in AD over LDAP (CA discovery) and authenticate with Negotiate, Kerberos or NTLM',
    reference: '[MS-CSRA] 1.5.2; [MS-CSRA] 2.1; KB 179442' },
  { id: 'ca-dc-rpc', from: ['ca'], to: 'dc', portsText: 'CA-DC-RPC (TCP 445, TCP 135 + DYN of dc)', ports: (e) => caToDcRpcPorts(e, 'dc'),
    destinationDyn: true, whenText: 'always', when: always,
    purpose: 'the CA resolves requesters in AD (MS-LSAT, MS-NRPC) and calls the requesting DC back over SMB for Kerberos Authentication certificates (MS-LSAD)',
    reference: CA_DC_RPC_REF },
  { id: 'ca-smb', from: ['admins'], to: 'ca', portsText: 'TCP 445', ports: () => [PortRange.tcp(SMB)],
    whenText: '`admins` present and `caSmb` on (default off)', when: (e) => e.caSmb,
    purpose: 'file access to the CA (the CertEnroll share, copying CRLs and backups) and MS-ICPR named-pipe callers (\\PIPE\\cert); not part of admin-dcom: [MS-CSRA] is DCOM only',
    reference: '[MS-ICPR] 2.1; KB 832017; predefined rule CERTSVC-RPC-NP-IN; Gradenegger',
    optIn: { option: 'caSmb',
      caveat: 'practitioners open it, Microsoft documents it little: KB 832017 lists SMB 445 for Certificate Services and the predefined CERTSVC-RPC-NP-IN rule opens it; Gradenegger: "only needed for administrative actions"' } },
  { id: 'ocsp-admin-dcom', from: ['admins'], to: 'ocsp', portsText: 'TCP 135 + DYN(ocsp)', ports: (e) => rpcTo(e, 'ocsp'),
    destinationDyn: true, whenText: '`admins` and `ocsp` present and `ocspRemoteAdmin` on (default off)', when: (e) => e.ocspRemoteAdmin,
    purpose: 'the Online Responder Management console over DCOM',
    reference: '[MS-OCSPA] 2.1; Microsoft Learn: Online Responder Management',
    optIn: { option: 'ocspRemoteAdmin',
      caveat: 'Microsoft doesn\'t currently document a remote-management configuration for Online Responder Management on Windows Server 2025 (Microsoft Learn); the transport is DCOM ([MS-OCSPA] 2.1)' } },
  { id: 'web-callback', from: ['ca'], to: 'webEnrollment', portsText: 'TCP 135 + DYN(webEnrollment)', ports: (e) => rpcTo(e, 'webEnrollment'),
    destinationDyn: true, whenText: '`webEnrollment` present and `webEnrollmentCallback` on (default off)', when: (e) => e.webEnrollmentCallback,
    purpose: 'the CA calls a separate Web Enrollment host back over RPC after a request',
    reference: 'Gradenegger (one practitioner); unverified by Microsoft',
    optIn: { option: 'webEnrollmentCallback',
      caveat: 'reported by one practitioner (Gradenegger) for Web Enrollment on a separate host; unverified by Microsoft' } },
  { id: 'cross-forest-directory', from: ['ca', 'ces', 'cep'], to: 'accountDc', portsText: 'DIRECTORY', ports: () => DIRECTORY_PORTS,
    whenText: '`accountDc` present', when: always,
    purpose: 'cross-forest enrollment: the CA follows LDAP referrals into the account forest (EDITF_ENABLELDAPREFERRALS) and CES/CEP authenticate its users',
    reference: CROSS_FOREST_REF },
  { id: 'cross-forest-rpc', from: ['ca'], to: 'accountDc', portsText: 'CA-DC-RPC (TCP 445, TCP 135 + DYN of accountDc)', ports: (e) => caToDcRpcPorts(e, 'accountDc'),
    destinationDyn: true, whenText: '`accountDc` present', when: always,
    purpose: 'the CA resolves account-forest requesters and calls their DCs back over SMB, as ca-dc-rpc for the resource forest',
    reference: `${CA_DC_RPC_REF}; ${CROSS_FOREST_REF}` },
  { id: 'cross-forest-dc-enroll', from: ['accountDc'], to: 'ca', portsText: 'DCOM(CA)', ports: dcom, destinationDyn: true,
    whenText: '`accountDc` present and `dcEnrollment` on', when: (e) => e.dcEnrollment,
    purpose: 'account-forest DCs enroll for their certificates with this CA',
    reference: `${DCOM_REF}; ${CROSS_FOREST_REF}` },
  { id: 'member', from: SERVER_TIER_KEYS, to: 'dc', portsText: 'MEMBER', ports: (e) => memberPorts(e, 'dc'), destinationDyn: true,
    whenText: 'domain-member baseline on (default off)', when: (e) => e.domainMemberFlows,
    purpose: 'time, Group Policy, Netlogon', reference: 'KB 179442' },
];

/** The opt-in rows, in catalogue order. */
export const OPT_IN_ROWS: readonly (CatalogueRow & { readonly optIn: OptIn })[] =
  CATALOGUE.filter((r): r is CatalogueRow & { readonly optIn: OptIn } => r.optIn !== undefined);

/** The catalogue row with this id. */
export function catalogueRow(id: CatalogueFlowId): CatalogueRow {
  return CATALOGUE.find((r) => r.id === id)!;
}

/** True when `id` is a catalogue row id. */
export function isCatalogueFlowId(id: string): id is CatalogueFlowId {
  return CATALOGUE.some((r) => r.id === id);
}
