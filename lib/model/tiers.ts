/** The key of a tier of an AD CS estate, as written in a spec (`tiers.<key>`). */
export type TierKey =
  | 'clients'
  | 'ca'
  | 'ces'
  | 'cep'
  | 'dc'
  | 'webEnrollment'
  | 'ndes'
  | 'ndesClients'
  | 'ocsp'
  | 'cdp'
  | 'admins'
  | 'accountDc';

/** What the catalogue says of a tier. */
export interface TierInfo {
  /** Spec key. */
  readonly key: TierKey;
  /** Short human name for tables and descriptions. */
  readonly title: string;
  /** What the tier is. */
  readonly description: string;
  /** Core tiers must be present in every estate. */
  readonly core: boolean;
  /** Server tiers are domain members that talk to the DCs (`directory`, `member` rows). */
  readonly server: boolean;
}

/** Every tier, in canonical order (the order of the catalogue's tier table). */
export const TIERS: readonly TierInfo[] = [
  { key: 'clients', title: 'Clients', core: true, server: false,
    description: 'machines and users that request certificates (autoenrollment, certreq, the Certificates MMC)' },
  { key: 'ca', title: 'CA', core: true, server: true, description: 'enterprise issuing certification authorities' },
  { key: 'ces', title: 'CES', core: false, server: true,
    description: 'Certificate Enrollment Web Service hosts (HTTPS front end that forwards to the CA)' },
  { key: 'cep', title: 'CEP', core: false, server: true, description: 'Certificate Enrollment Policy Web Service hosts' },
  { key: 'dc', title: 'DCs', core: true, server: false,
    description: 'domain controllers (KDC, LDAP, Global Catalog, DNS)' },
  { key: 'webEnrollment', title: 'Web Enrollment', core: false, server: true,
    description: 'CA Web Enrollment (/certsrv) hosts, when not on the CA itself' },
  { key: 'ndes', title: 'NDES', core: false, server: true, description: 'Network Device Enrollment Service (SCEP) hosts' },
  { key: 'ndesClients', title: 'NDES clients', core: false, server: false, description: 'devices that enroll through NDES' },
  { key: 'ocsp', title: 'OCSP', core: false, server: true, description: 'Online Responders' },
  { key: 'cdp', title: 'CDP/AIA', core: false, server: false,
    description: 'web (and file) servers that publish CRLs and CA certificates (CDP / AIA)' },
  { key: 'admins', title: 'Admins', core: false, server: false, description: 'PKI administration workstations' },
  // Appended (v2.1): no existing tier's ordinal moves.
  { key: 'accountDc', title: 'Account-forest DCs', core: false, server: false,
    description: 'domain controllers of account forests whose users and computers enroll with this CA across a two-way forest trust (cross-forest enrollment)' },
];

/** Tier keys in canonical order. */
export const TIER_KEYS: readonly TierKey[] = TIERS.map((t) => t.key);

/** Tiers every estate must have. */
export const CORE_TIER_KEYS: readonly TierKey[] = TIERS.filter((t) => t.core).map((t) => t.key);

/** Tiers whose hosts are domain-member servers (sources of the `directory` and `member` rows). */
export const SERVER_TIER_KEYS: readonly TierKey[] = TIERS.filter((t) => t.server).map((t) => t.key);

const INFO = new Map<string, TierInfo>(TIERS.map((t) => [t.key, t]));

/** True when `key` names a tier. */
export function isTierKey(key: string): key is TierKey {
  return INFO.has(key);
}

/** The catalogue's entry for a tier. */
export function tierInfo(key: TierKey): TierInfo {
  return INFO.get(key)!;
}

/** Position of a tier in canonical order (stable; used to sort). */
export function tierOrdinal(key: TierKey): number {
  return TIER_KEYS.indexOf(key);
}
