import { Estate, hasInstanceWith, hasTier, instancesOf } from './estate';
import { CesAuthentication, CrlPublishing } from './options';
import { caToDcRpcPorts, clientDirectoryPorts, DIRECTORY_MINIMAL_PORTS, DIRECTORY_PORTS, dcomToCa, memberPorts } from './port-sets';
import { PortRange } from './port-range';
import { SERVER_TIER_KEYS, TierKey } from './tiers';
import { HTTP, HTTPS, SMB } from './well-known-ports';

/** Ids of the catalogue's rows. */
export type CatalogueFlowId =
  | 'enroll-dcom' | 'dc-enroll-dcom' | 'ces-https' | 'cep-https' | 'ces-dcom' | 'web-https' | 'web-dcom'
  | 'ndes-https' | 'ndes-dcom' | 'ocsp-dcom' | 'admin-dcom' | 'ocsp-http' | 'cdp-http'
  | 'ocsp-crl' | 'server-crl' | 'crl-publish-smb' | 'directory' | 'client-directory' | 'admin-directory'
  | 'ca-dc-rpc' | 'member';

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
}

const always = (): boolean => true;
const instancePorts = (key: 'ces' | 'cep') => (e: Estate): PortRange[] => instancesOf(e, key).map((i) => PortRange.tcp(i.port));
const https = (): PortRange[] => [PortRange.tcp(HTTPS)];
const http = (): PortRange[] => [PortRange.tcp(HTTP)];
const dcom = (e: Estate): PortRange[] => dcomToCa(e);
const DCOM_REF = '[MS-WCCE] 2.1; KB 832017; KB 154596';

/** The AD CS flow catalogue, in the order of the specification's table. */
export const CATALOGUE: readonly CatalogueRow[] = [
  { id: 'enroll-dcom', from: ['clients'], to: 'ca', portsText: 'DCOM(CA)', ports: dcom,
    whenText: 'direct enrollment on (default)', when: (e) => e.directEnrollment,
    purpose: 'autoenrollment, certreq and MMC enroll over DCOM (MS-WCCE)', reference: DCOM_REF },
  { id: 'dc-enroll-dcom', from: ['dc'], to: 'ca', portsText: 'DCOM(CA)', ports: dcom,
    whenText: '`dcEnrollment` on (default)', when: (e) => e.dcEnrollment,
    purpose: 'DCs autoenroll for Domain Controller Authentication, Kerberos Authentication and Directory Email Replication certificates',
    reference: `${DCOM_REF}; AWS Directory Service: Enable server-side LDAPS` },
  { id: 'ces-https', from: ['clients'], to: 'ces', portsText: "TCP, the port of each of `ces`'s instances (default one instance on 443)",
    ports: instancePorts('ces'), whenText: '`ces` present', when: always,
    purpose: 'enrollment through CES (WS-Trust over HTTPS)',
    reference: 'Microsoft Learn: Certificate Enrollment Web Service; Install-AdcsEnrollmentWebService; Certificate key-based renewal' },
  { id: 'cep-https', from: ['clients'], to: 'cep', portsText: "TCP, the port of each of `cep`'s instances (default one instance on 443)",
    ports: instancePorts('cep'), whenText: '`cep` present', when: always,
    purpose: 'enrollment policy through CEP',
    reference: 'Microsoft Learn: Certificate Enrollment Policy Web Service; Install-AdcsEnrollmentPolicyWebService' },
  { id: 'ces-dcom', from: ['ces'], to: 'ca', portsText: 'DCOM(CA)', ports: dcom,
    whenText: '`ces` present', when: always,
    purpose: 'CES forwards requests to the CA over DCOM', reference: `${DCOM_REF}; Microsoft Learn: CES` },
  { id: 'web-https', from: ['clients'], to: 'webEnrollment', portsText: 'TCP 443', ports: https,
    whenText: '`webEnrollment` present', when: always,
    purpose: 'CA Web Enrollment pages', reference: 'Microsoft Learn: Certification Authority Web Enrollment' },
  { id: 'web-dcom', from: ['webEnrollment'], to: 'ca', portsText: 'DCOM(CA)', ports: dcom,
    whenText: '`webEnrollment` present', when: always,
    purpose: 'Web Enrollment submits to the CA', reference: DCOM_REF },
  { id: 'ndes-https', from: ['ndesClients'], to: 'ndes', portsText: 'TCP 443, and TCP 80 when SCEP over HTTP is on',
    ports: (e) => (e.ndesHttp ? [PortRange.tcp(HTTP), PortRange.tcp(HTTPS)] : [PortRange.tcp(HTTPS)]),
    whenText: '`ndes` and `ndesClients` present', when: always,
    purpose: 'SCEP enrollment (/certsrv/mscep); many devices use plain HTTP',
    reference: 'Microsoft Learn: Network Device Enrollment Service' },
  { id: 'ndes-dcom', from: ['ndes'], to: 'ca', portsText: 'DCOM(CA)', ports: dcom,
    whenText: '`ndes` present', when: always,
    purpose: 'NDES forwards requests to the CA', reference: `${DCOM_REF}; Microsoft Learn: NDES` },
  { id: 'ocsp-dcom', from: ['ocsp'], to: 'ca', portsText: 'DCOM(CA)', ports: dcom,
    whenText: '`ocsp` present', when: always,
    purpose: 'the responder enrolls its OCSP signing certificate', reference: `${DCOM_REF}; Microsoft Learn: Online Responder` },
  { id: 'admin-dcom', from: ['admins'], to: 'ca', portsText: 'DCOM(CA)', ports: dcom,
    whenText: '`admins` present', when: always,
    purpose: 'CA console and certutil (MS-CSRA)', reference: '[MS-CSRA] 2.1; KB 154596' },
  { id: 'ocsp-http', from: ['clients'], to: 'ocsp', portsText: 'TCP 80', ports: http,
    whenText: '`ocsp` present', when: always,
    purpose: 'OCSP requests', reference: 'RFC 6960; Microsoft Learn: Online Responder' },
  { id: 'cdp-http', from: ['clients'], to: 'cdp', portsText: 'TCP 80', ports: http,
    whenText: '`cdp` present', when: always,
    purpose: 'CRL and CA certificate download (CDP / AIA)', reference: 'Microsoft Learn: CRL publication (CDP/AIA)' },
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
    purpose: 'the CA console and certutil find CAs and templates in AD over LDAP and authenticate with Kerberos',
    reference: '[MS-CSRA] 1.5.2; KB 179442' },
  { id: 'ca-dc-rpc', from: ['ca'], to: 'dc', portsText: 'CA-DC-RPC (TCP 135 + DYN, TCP 445)', ports: caToDcRpcPorts,
    whenText: 'always', when: always,
    purpose: 'the CA resolves requesters in AD and calls back to a requesting DC for DC templates (Kerberos Authentication); RPC over TCP or named pipes (445)',
    reference: 'KB 832017; KB 154596; KB 179442' },
  { id: 'member', from: SERVER_TIER_KEYS, to: 'dc', portsText: 'MEMBER', ports: (e) => memberPorts(e, 'dc'),
    whenText: 'domain-member baseline on (default off)', when: (e) => e.domainMemberFlows,
    purpose: 'time, Group Policy, Netlogon', reference: 'KB 179442' },
];

/** The catalogue row with this id. */
export function catalogueRow(id: CatalogueFlowId): CatalogueRow {
  return CATALOGUE.find((r) => r.id === id)!;
}

/** True when `id` is a catalogue row id. */
export function isCatalogueFlowId(id: string): id is CatalogueFlowId {
  return CATALOGUE.some((r) => r.id === id);
}
