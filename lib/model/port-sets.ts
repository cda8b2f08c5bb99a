import { Estate } from './estate';
import { ClientDirectory, OsGeneration } from './options';
import { PortRange } from './port-range';
import { TierKey } from './tiers';
import {
  DNS, GLOBAL_CATALOG, GLOBAL_CATALOG_SSL, KERBEROS, KERBEROS_PASSWORD, LDAP, LDAPS, LEGACY_RPC_DYNAMIC,
  MODERN_RPC_DYNAMIC, NTP, RPC_ENDPOINT_MAPPER, SMB,
} from './well-known-ports';

/** The RPC dynamic range of an OS generation. */
export function generationRange(generation: OsGeneration): PortRange {
  return generation === OsGeneration.LEGACY ? LEGACY_RPC_DYNAMIC : MODERN_RPC_DYNAMIC;
}

/** Which setting decided a tier's dynamic range (for tables and warnings). */
export interface DynamicRangeSource {
  /** The range. */
  readonly range: PortRange;
  /** Spec key path of the deciding setting, or `default`. */
  readonly from: string;
}

/**
 * DYN: the RPC dynamic range of a destination tier. The most specific setting wins: the
 * tier's `rpcDynamicPorts`, then its `osGeneration`, then the estate's `rpcDynamicPorts`, then
 * the estate's `osGeneration`.
 */
export function dynamicRangeOf(estate: Estate, key: TierKey): DynamicRangeSource {
  const tier = estate.tiers[key];
  if (tier?.rpcDynamicPorts) return { range: tier.rpcDynamicPorts, from: `tiers.${key}.rpcDynamicPorts` };
  if (tier?.osGeneration) return { range: generationRange(tier.osGeneration), from: `tiers.${key}.osGeneration` };
  if (estate.rpcDynamicPorts) return { range: estate.rpcDynamicPorts, from: 'rpcDynamicPorts' };
  return { range: generationRange(estate.osGeneration), from: 'osGeneration' };
}

/** DCOM(CA): TCP 135 plus the CA's static DCOM port when pinned, else the CA's DYN. */
export function dcomToCa(estate: Estate): PortRange[] {
  const second = estate.dcomPort !== undefined ? PortRange.tcp(estate.dcomPort) : dynamicRangeOf(estate, 'ca').range;
  return [PortRange.tcp(RPC_ENDPOINT_MAPPER), second];
}

/** TCP 135 + DYN of the destination (plain RPC, never pinned). */
export function rpcTo(estate: Estate, to: TierKey): PortRange[] {
  return [PortRange.tcp(RPC_ENDPOINT_MAPPER), dynamicRangeOf(estate, to).range];
}

/** DIRECTORY: Kerberos, Kerberos password change, LDAP, LDAPS, Global Catalog, DNS. */
export const DIRECTORY_PORTS: readonly PortRange[] = [
  PortRange.tcp(KERBEROS), PortRange.udp(KERBEROS),
  PortRange.tcp(KERBEROS_PASSWORD), PortRange.udp(KERBEROS_PASSWORD),
  PortRange.tcp(LDAP), PortRange.udp(LDAP),
  PortRange.tcp(LDAPS),
  PortRange.tcpRange(GLOBAL_CATALOG, GLOBAL_CATALOG_SSL),
  PortRange.tcp(DNS), PortRange.udp(DNS),
];

/**
 * DIRECTORY-MINIMAL: DIRECTORY without LDAPS (636) and GC over TLS (3269). KB 179442: "if you
 * know that no clients use LDAP with SSL/TLS, you don't have to open ports 636 and 3269".
 */
export const DIRECTORY_MINIMAL_PORTS: readonly PortRange[] = [
  PortRange.tcp(KERBEROS), PortRange.udp(KERBEROS),
  PortRange.tcp(KERBEROS_PASSWORD), PortRange.udp(KERBEROS_PASSWORD),
  PortRange.tcp(LDAP), PortRange.udp(LDAP),
  PortRange.tcp(GLOBAL_CATALOG),
  PortRange.tcp(DNS), PortRange.udp(DNS),
];

/** CLIENT-DIRECTORY: DIRECTORY, or DIRECTORY-MINIMAL with `clientDirectory: minimal`. */
export function clientDirectoryPorts(estate: Estate): readonly PortRange[] {
  return estate.clientDirectory === ClientDirectory.MINIMAL ? DIRECTORY_MINIMAL_PORTS : DIRECTORY_PORTS;
}

/**
 * CA-DC-RPC: TCP 445 and TCP 135 + DYN of the destination (`dc` for `ca-dc-rpc`, `accountDc` for
 * `cross-forest-rpc`). TCP 445: for templates with CT_FLAG_SUBJECT_ALT_REQUIRE_DOMAIN_DNS the CA
 * calls LsarOpenPolicy / LsarQueryInformationPolicy on the requesting computer ([MS-WCCE]
 * 3.2.2.6.2.1.4.5.9), and MS-LSAD "MUST use Server Message Block (SMB) RPC protocol sequences"
 * ([MS-LSAD] 2.1). TCP 135 + DYN: SID-to-name lookups over RPC/TCP ([MS-LSAT] 2.1) and Netlogon
 * pass-through ([MS-NRPC] 2.1). Settled by the specifications.
 */
export function caToDcRpcPorts(estate: Estate, to: 'dc' | 'accountDc' = 'dc'): PortRange[] {
  return [PortRange.tcp(SMB), ...rpcTo(estate, to)];
}

/** MEMBER: NTP, RPC (TCP 135 + DYN of the destination), SMB. */
export function memberPorts(estate: Estate, to: TierKey): PortRange[] {
  return [PortRange.udp(NTP), ...rpcTo(estate, to), PortRange.tcp(SMB)];
}
