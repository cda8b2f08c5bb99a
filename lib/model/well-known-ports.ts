import { PortRange } from './port-range';

/** DNS, TCP and UDP (KB 179442). */
export const DNS = 53;
/** HTTP: CRL/AIA download, OCSP, SCEP over HTTP. */
export const HTTP = 80;
/** Kerberos, TCP and UDP (KB 179442). */
export const KERBEROS = 88;
/** NTP time sync, UDP (KB 179442). */
export const NTP = 123;
/** RPC endpoint mapper and DCOM activation, TCP (KB 154596). */
export const RPC_ENDPOINT_MAPPER = 135;
/** LDAP, TCP; UDP for the DC locator ping (KB 179442). */
export const LDAP = 389;
/** HTTPS: CES, CEP, Web Enrollment, NDES. */
export const HTTPS = 443;
/** SMB, TCP: CRL publishing to a UNC share, domain-member baseline (KB 179442). */
export const SMB = 445;
/** Kerberos password change, TCP and UDP (KB 179442). */
export const KERBEROS_PASSWORD = 464;
/** LDAP over TLS, TCP (KB 179442). */
export const LDAPS = 636;
/** Global Catalog, TCP (KB 179442). */
export const GLOBAL_CATALOG = 3268;
/** Global Catalog over TLS, TCP (KB 179442). */
export const GLOBAL_CATALOG_SSL = 3269;

/** Lowest port an RPC dynamic range or a static DCOM port may use. */
export const MIN_DYNAMIC_PORT = 1024;
/** Fewer ports than this in an RPC range earns a warning (KB 154596 asks for at least 100). */
export const MIN_RECOMMENDED_RPC_PORTS = 100;

/** An RPC range starting below this earns a warning (KB 154596 advises ranges above 5000). */
export const MIN_RECOMMENDED_RPC_START = 5000;

/** RPC dynamic range of Windows Server 2008 / Vista and later: TCP 49152-65535 (KB 929851). */
export const MODERN_RPC_DYNAMIC = PortRange.tcpRange(49152, 65535);
/**
 * RPC dynamic range toward Windows Server 2003 / XP: TCP 1024-65535, the server-port range of
 * KB 179442's pre-2008 table, KB 832017's "higher than port 1024"; a superset of the 2003 default
 * 1025-5000 (KB 929851).
 */
export const LEGACY_RPC_DYNAMIC = PortRange.tcpRange(1024, 65535);
