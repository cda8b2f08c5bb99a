import { Messages } from '../errors';
import { cidrsOverlap } from './cidr';
import { Estate, EstateTier, presentTiers } from './estate';
import { PortRange } from './port-range';
import { dynamicRangeOf } from './port-sets';
import { MIN_RECOMMENDED_RPC_PORTS, MIN_RECOMMENDED_RPC_START } from './well-known-ports';

/** Something the user should know; never stops a synth. */
export interface Warning {
  /** Stable code, for filtering. */
  readonly code: string;
  /** Spec key path the warning is about. */
  readonly path: string;
  /** The advice. */
  readonly message: string;
}

/** Warnings the flow model raises for an estate (platform warnings come from the renderers). */
export function estateWarnings(estate: Estate): Warning[] {
  const out: Warning[] = [];
  const tiers = presentTiers(estate);
  const small = (path: string, r: PortRange): void => {
    if (r.size < MIN_RECOMMENDED_RPC_PORTS) out.push({ code: 'RPC_RANGE_SMALL', path, message: Messages.rpcRangeSmall(String(r), r.size, MIN_RECOMMENDED_RPC_PORTS) });
    if (r.from < MIN_RECOMMENDED_RPC_START) out.push({ code: 'RPC_RANGE_LOW', path, message: Messages.rpcRangeLow(String(r), MIN_RECOMMENDED_RPC_START) });
  };
  if (estate.rpcDynamicPorts) small('rpcDynamicPorts', estate.rpcDynamicPorts);
  for (const t of tiers) if (t.rpcDynamicPorts) small(`tiers.${t.key}.rpcDynamicPorts`, t.rpcDynamicPorts);
  if (estate.dcomPort !== undefined) {
    const dyn = dynamicRangeOf(estate, 'ca');
    if (dyn.range.contains(estate.dcomPort)) {
      out.push({ code: 'DCOM_PORT_IN_DYNAMIC_RANGE', path: 'dcomPort', message: Messages.dcomPortInDynamicRange(estate.dcomPort, String(dyn.range), dyn.from) });
    }
    out.push({ code: 'MS_ICPR_NOT_COVERED', path: 'dcomPort', message: Messages.msIcprNotCovered(estate.dcomPort) });
  }
  if (!estate.directEnrollment && !estate.tiers.ces) out.push({ code: 'NO_ENROLLMENT_PATH', path: 'directEnrollment', message: Messages.noEnrollmentPath() });
  for (const t of tiers) {
    if (t.cidrs.includes('0.0.0.0/0')) out.push({ code: 'TIER_IS_EVERYTHING', path: `tiers.${t.key}.cidrs`, message: Messages.cidrEverything(t.key) });
  }
  for (let i = 0; i < tiers.length; i++) {
    for (let j = i + 1; j < tiers.length; j++) {
      if (splitEnforcement(tiers[i], tiers[j])) {
        out.push({ code: 'SHARED_HOSTS_SPLIT_ENFORCEMENT', path: `tiers.${tiers[j].key}`, message: Messages.sharedHostsSplitEnforcement(tiers[i].key, tiers[j].key) });
      }
    }
  }
  return out;
}

/**
 * True when two tiers on the same hosts are enforced apart on Azure, where a subnet has one
 * NSG (AWS hosts hold several groups). Both enforced: any shared address counts. One known by
 * its CIDRs only (clients spanning 10.0.0.0/8, say): only the very same addresses count.
 */
function splitEnforcement(a: EstateTier, b: EstateTier): boolean {
  const ea = a.enforcement;
  const eb = b.enforcement;
  if (!ea.kind.startsWith('azure') && !eb.kind.startsWith('azure')) return false;
  if (enforcementIdentity(a) === enforcementIdentity(b)) return false;
  if (ea.kind === 'none' || eb.kind === 'none') return a.cidrs.join() === b.cidrs.join();
  return cidrsOverlap(a.cidrs, b.cidrs);
}

/** Which enforcement point a tier has: the same string for tiers that share it. */
function enforcementIdentity(t: EstateTier): string {
  const e = t.enforcement;
  switch (e.kind) {
    case 'azureSubnets': return `subnets ${e.subnetIds.join(' ')}`.toLowerCase();
    case 'azureExistingNsg': return `nsg ${e.resourceGroupName}/${e.name}`.toLowerCase();
    case 'awsExistingGroup': return `group ${e.securityGroupId}`;
    case 'awsCreateGroup': return `created ${t.key}`;
    default: return `none ${t.key}`;
  }
}
