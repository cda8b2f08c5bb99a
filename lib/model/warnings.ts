import { Messages } from '../errors';
import { Estate, presentTiers } from './estate';
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

/** Warnings the flow model raises for an estate (the platforms add theirs: spec keys, renderers). */
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
  return out;
}
