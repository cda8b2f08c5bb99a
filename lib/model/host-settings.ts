import { Messages } from '../errors';
import { Warning, warning } from '../findings/warning';
import type { Estate } from './estate';
import { PortRange } from './port-range';
import { dynamicRangeOf } from './port-sets';
import { TierKey } from './tiers';

/**
 * Where the host script writes the machine-wide RPC port range (`HKLM\SOFTWARE\Microsoft\Rpc\Internet`
 * `Ports`, KB 154596), which restricts every RPC server of the machine.
 */
export enum WriteRpcRange {
  /** Nowhere: the script reads each host's range and warns when it differs from the spec (the default). */
  NONE = 'none',
  /** On the CA, when it is not pinned to a static DCOM port. */
  CA = 'ca',
  /** On the CA (when not pinned) and the DCs (KB 224196 sets static ports per service instead). */
  CA_AND_DC = 'caAndDc',
}

/** The spec's `host` block, resolved: what the host script may change on each server. */
export interface HostSettings {
  /** Where the machine-wide RPC range is written. */
  readonly writeRpcRange: WriteRpcRange;
  /** The unpinned CA's DCOM rule uses `-LocalPort RPC` bound to certsrv.exe instead of the numeric range. */
  readonly rpcKeyword: boolean;
  /** Disable the predefined "Certification Authority" group on the CA and the IIS groups whose ports the estate's rules cover (never a DC's). */
  readonly disablePredefinedRules: boolean;
}

/** The safe choice of every host setting. */
export const DEFAULT_HOST_SETTINGS: HostSettings = {
  writeRpcRange: WriteRpcRange.NONE,
  rpcKeyword: false,
  disablePredefinedRules: false,
};

/** The estate's host settings (the defaults for an estate built without them). */
export function hostSettingsOf(estate: Estate): HostSettings {
  return estate.host ?? DEFAULT_HOST_SETTINGS;
}

/** The tiers on which each `writeRpcRange` value lets the script write the machine-wide RPC range; never any other. */
export const RPC_RANGE_TIERS: Readonly<Record<WriteRpcRange, readonly TierKey[]>> = {
  [WriteRpcRange.NONE]: [],
  [WriteRpcRange.CA]: ['ca'],
  [WriteRpcRange.CA_AND_DC]: ['ca', 'dc'],
};

/** Whether the host script writes the machine-wide RPC range on a tier, and why not. */
export type RpcRangeWrite =
  | { readonly write: true; readonly range: PortRange; readonly from: string }
  | { readonly write: false; readonly why: 'notAsked' | 'pinned' | 'notNarrowed'; readonly range: PortRange; readonly from: string };

/**
 * Whether `host.writeRpcRange` has the script write the RPC range on `tier`: only on a tier it
 * names, never on a pinned CA (its DCOM port is set by `Endpoints`, KB 154596: "only if the RPC
 * server does not offer a way to define the server port"), and only when an `rpcDynamicPorts`
 * gives the tier's range (an OS generation's range is the default: nothing to narrow).
 */
export function rpcRangeWrite(estate: Estate, tier: TierKey): RpcRangeWrite {
  const { range, from } = dynamicRangeOf(estate, tier);
  if (!RPC_RANGE_TIERS[hostSettingsOf(estate).writeRpcRange].includes(tier)) return { write: false, why: 'notAsked', range, from };
  if (tier === 'ca' && estate.dcomPort !== undefined) return { write: false, why: 'pinned', range, from };
  if (from !== 'rpcDynamicPorts' && from !== `tiers.${tier}.rpcDynamicPorts`) return { write: false, why: 'notNarrowed', range, from };
  return { write: true, range, from };
}

/** Warnings about the `host` block: a `writeRpcRange` that writes less than it names, the DCs' range, a keyword a pinned CA ignores. */
export function hostWarnings(estate: Estate): Warning[] {
  const out: Warning[] = [];
  const settings = hostSettingsOf(estate);
  for (const tier of RPC_RANGE_TIERS[settings.writeRpcRange]) {
    if (!estate.tiers[tier]) continue;
    const w = rpcRangeWrite(estate, tier);
    if (w.write && tier === 'dc') out.push(warning('host.writeRpcRange', Messages.writeRpcRangeDcs(String(w.range))));
    if (!w.write && w.why === 'pinned') out.push(warning('host.writeRpcRange', Messages.writeRpcRangePinnedCa(settings.writeRpcRange, estate.dcomPort!)));
    if (!w.write && w.why === 'notNarrowed') out.push(warning('host.writeRpcRange', Messages.writeRpcRangeNotNarrowed(settings.writeRpcRange, tier, String(w.range), w.from)));
  }
  if (settings.rpcKeyword && estate.dcomPort !== undefined) out.push(warning('host.rpcKeyword', Messages.rpcKeywordPinnedCa(estate.dcomPort)));
  return out;
}
