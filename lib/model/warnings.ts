import { Messages } from '../errors';
import type { RuleMessage } from '../findings/rule';
import { Warning, warning } from '../findings/warning';
import { OPT_IN_ROWS, OptInOption } from './catalogue';
import { Estate, presentTiers } from './estate';
import { PortRange } from './port-range';
import { dynamicRangeOf } from './port-sets';
import { MIN_RECOMMENDED_RPC_PORTS, MIN_RECOMMENDED_RPC_START } from './well-known-ports';

const OPT_IN_WARNINGS: Record<OptInOption, (flow: string, caveat: string) => RuleMessage> = {
  caSmb: Messages.optInCaSmb,
  ocspRemoteAdmin: Messages.optInOcspRemoteAdmin,
  webEnrollmentCallback: Messages.optInWebEnrollmentCallback,
};

/** Warnings the flow model raises for an estate (the platforms add theirs: spec keys, renderers). */
export function estateWarnings(estate: Estate): Warning[] {
  const out: Warning[] = [];
  const tiers = presentTiers(estate);
  const small = (path: string, r: PortRange): void => {
    if (r.size < MIN_RECOMMENDED_RPC_PORTS) out.push(warning(path, Messages.rpcRangeSmall(String(r), r.size, MIN_RECOMMENDED_RPC_PORTS)));
    if (r.from < MIN_RECOMMENDED_RPC_START) out.push(warning(path, Messages.rpcRangeLow(String(r), MIN_RECOMMENDED_RPC_START)));
  };
  if (estate.rpcDynamicPorts) small('rpcDynamicPorts', estate.rpcDynamicPorts);
  for (const t of tiers) if (t.rpcDynamicPorts) small(`tiers.${t.key}.rpcDynamicPorts`, t.rpcDynamicPorts);
  if (estate.dcomPort !== undefined) {
    const dyn = dynamicRangeOf(estate, 'ca');
    if (dyn.range.contains(estate.dcomPort)) {
      out.push(warning('dcomPort', Messages.dcomPortInDynamicRange(estate.dcomPort, String(dyn.range), dyn.from)));
    }
    out.push(warning('dcomPort', Messages.msIcprNotCovered(estate.dcomPort, estate.caSmb && estate.tiers.admins !== undefined)));
  }
  // Opt-in rows say what is unverified wherever they are on.
  for (const row of OPT_IN_ROWS) {
    if (!estate[row.optIn.option]) continue;
    out.push(warning(row.optIn.option, OPT_IN_WARNINGS[row.optIn.option](row.id, row.optIn.caveat)));
  }
  if (!estate.directEnrollment && !estate.tiers.ces) out.push(warning('directEnrollment', Messages.noEnrollmentPath()));
  for (const t of tiers) {
    if (t.cidrs.includes('0.0.0.0/0')) out.push(warning(`tiers.${t.key}.cidrs`, Messages.cidrEverything(t.key)));
  }
  return out;
}

