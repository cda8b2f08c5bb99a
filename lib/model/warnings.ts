import { cidrInterval } from './cidr';
import { Estate, presentTiers } from './estate';
import { PortRange } from './port-range';
import { dynamicRangeOf } from './port-sets';
import { MIN_RECOMMENDED_RPC_PORTS } from './well-known-ports';

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
  const small = (path: string, r: PortRange): void => {
    if (r.size < MIN_RECOMMENDED_RPC_PORTS) {
      out.push({ code: 'RPC_RANGE_SMALL', path,
        message: `the RPC dynamic range ${r} has ${r.size} ports; KB 154596 asks for at least ${MIN_RECOMMENDED_RPC_PORTS}, or RPC servers run out of endpoints` });
    }
  };
  if (estate.rpcDynamicPorts) small('rpcDynamicPorts', estate.rpcDynamicPorts);
  for (const t of presentTiers(estate)) {
    if (t.rpcDynamicPorts) small(`tiers.${t.key}.rpcDynamicPorts`, t.rpcDynamicPorts);
  }
  if (estate.dcomPort !== undefined) {
    const dyn = dynamicRangeOf(estate, 'ca');
    if (dyn.range.contains(estate.dcomPort)) {
      out.push({ code: 'DCOM_PORT_IN_DYNAMIC_RANGE', path: 'dcomPort',
        message: `static DCOM port ${estate.dcomPort} lies inside the CA's RPC dynamic range ${dyn.range} (from ${dyn.from}); KB 154596 advises a port outside it, or another RPC service may take it first` });
    }
    out.push({ code: 'MS_ICPR_NOT_COVERED', path: 'dcomPort',
      message: `static DCOM port ${estate.dcomPort} covers DCOM enrollment (MS-WCCE) and the CA console (MS-CSRA) only; plain-RPC clients (MS-ICPR: some Linux and third-party tools) still need the CA's dynamic range or the \\PIPE\\cert named pipe over TCP 445, which this estate does not open` });
  }
  const tiers = presentTiers(estate);
  for (let i = 0; i < tiers.length; i++) {
    for (let j = i + 1; j < tiers.length; j++) {
      const [a, b] = [tiers[i], tiers[j]];
      // A subnet has one NSG, so on Azure co-located tiers must share it; AWS hosts hold several groups.
      if (!a.enforcement.kind.startsWith('azure') && !b.enforcement.kind.startsWith('azure')) continue;
      if (JSON.stringify(a.enforcement) === JSON.stringify(b.enforcement) || !overlaps(a.cidrs, b.cidrs)) continue;
      out.push({ code: 'SHARED_HOSTS_SPLIT_ENFORCEMENT', path: `tiers.${b.key}`,
        message: `tiers "${a.key}" and "${b.key}" share addresses but not their enforcement point; hosts in both tiers need both tiers' rules: give co-located tiers the same subnetIds or networkSecurityGroup, or the NSG's deny-by-default blocks the other tier's flows` });
    }
  }
  return out;
}

function overlaps(a: readonly string[], b: readonly string[]): boolean {
  return a.some((x) => b.some((y) => {
    const i = cidrInterval(x);
    const j = cidrInterval(y);
    return i.start <= j.end && j.start <= i.end;
  }));
}
