import { AdcsInputError, Messages, problem } from '../errors';
import { Estate, presentTiers } from '../model/estate';
import { Flow, flowsOf } from '../model/flows';
import { dynamicRangeOf } from '../model/port-sets';
import { normalizePortRanges, PortRange } from '../model/port-range';
import { Protocol, PROTOCOLS } from '../model/protocol';
import { TierKey, tierInfo, tierOrdinal } from '../model/tiers';
import { RPC_ENDPOINT_MAPPER } from '../model/well-known-ports';
import {
  CERTSRV_REQUEST_APPID_KEY, RegistryType, RestartKind, RPC_INTERNET_KEY,
} from './registry';

/** Which process a rule is bound to: the DCOM endpoint of the CA, or the endpoint mapper. */
export enum HostBinding {
  /** No program or service condition. */
  NONE = 'none',
  /** TCP 135: `svchost.exe`, service `RpcSs` (RPC endpoint mapper and DCOM activation). */
  RPCSS = 'rpcss',
  /** The CA's DCOM port (static or its dynamic range): `certsrv.exe`, service `CertSvc`. */
  CERTSVC = 'certsvc',
}

/**
 * Program of rules bound to the endpoint mapper. Microsoft's Windows Firewall guidance "RPC
 * Dependency" (learn.microsoft.com/previous-versions/windows/desktop/ics/rpc-dependency): a DCOM
 * server needs one rule for its port bound to the binary that receives DCOM, and one for TCP 135
 * bound to svchost.exe and RPCSS for DCOM activation.
 */
export const RPCSS_PROGRAM = '%SystemRoot%\\System32\\svchost.exe';
/** Service of rules bound to the endpoint mapper. */
export const RPCSS_SERVICE = 'RpcSs';
/** Program of the CA's DCOM rule: the binary that receives DCOM ("RPC Dependency"). */
export const CERTSVC_PROGRAM = '%SystemRoot%\\System32\\certsrv.exe';
/** Service of the CA's DCOM rule. */
export const CERTSVC_SERVICE = 'CertSvc';

/** One inbound Windows Firewall rule of a tier's host configuration. */
export interface HostFirewallRule {
  /** Unique rule name (`-Name`), from content: estate, tier, source tier, protocol, binding. */
  readonly name: string;
  /** Always `inbound`: the host rules guard the destination of each flow. */
  readonly direction: 'inbound';
  /** `tcp`, `udp` or `icmp`. */
  readonly protocol: Protocol;
  /** Numeric local ports, `"N"` or `"N-M"`, never a keyword; empty for ICMP. */
  readonly localPorts: readonly string[];
  /** The source tier's CIDRs. */
  readonly remoteAddresses: readonly string[];
  /** Service condition (`-Service`), when bound. @default none */
  readonly service?: string;
  /** Program condition (`-Program`), when bound. @default none */
  readonly program?: string;
  /** Ids of the flows the rule carries (catalogue ids, `custom:<name>`). */
  readonly flows: readonly string[];
  /** Source tier. */
  readonly from: TierKey;
  /** Which binding the rule has. */
  readonly binding: HostBinding;
  /** Human description naming the flows. */
  readonly description: string;
}

/** One registry value the tier's hosts need. */
export interface HostRegistryValue {
  /** Key, `HKLM\...`. */
  readonly path: string;
  /** Value name. */
  readonly name: string;
  /** `REG_MULTI_SZ` or `REG_SZ`. */
  readonly type: RegistryType;
  /** The data: one string per line of a REG_MULTI_SZ, one string for a REG_SZ. */
  readonly value: readonly string[];
  /** Why the value is written. */
  readonly reason: string;
  /** What the value needs before it takes effect (one of `restarts`). */
  readonly needs: HostRestart;
}

/** A restart the registry values need before they take effect. */
export interface HostRestart {
  /** `service` (restart one service) or `reboot`. */
  readonly kind: RestartKind;
  /** Service name for `service`. @default none */
  readonly service?: string;
  /** Which value needs it. */
  readonly reason: string;
}

/** The host half of one tier: its Windows Firewall rules and registry values. */
export interface HostConfig {
  /** Estate name. */
  readonly estate: string;
  /** The tier. */
  readonly tier: TierKey;
  /** Windows Firewall rule group of every rule (one per estate and tier). */
  readonly group: string;
  /** Inbound rules, in canonical order (source tier, protocol, binding). */
  readonly firewallRules: readonly HostFirewallRule[];
  /** Registry values to write. */
  readonly registry: readonly HostRegistryValue[];
  /** Restarts the registry values need. */
  readonly restarts: readonly HostRestart[];
}

/** The Windows Firewall rule group of an estate's tier: `adcs-firewall <estate> <tier>`. */
export function hostRuleGroup(estate: string, tier: TierKey): string {
  return `adcs-firewall ${estate} ${tier}`;
}

/** The content-derived name of a host rule: `adcs-<estate>-<tier>-in-<from>-<protocol>[-<binding>]`. */
export function hostRuleName(estate: string, tier: TierKey, from: TierKey, protocol: Protocol, binding: HostBinding): string {
  return `adcs-${estate}-${tier}-in-${from}-${protocol}${binding === HostBinding.NONE ? '' : `-${binding}`}`;
}

const BINDING_ORDER: readonly HostBinding[] = [HostBinding.RPCSS, HostBinding.CERTSVC, HostBinding.NONE];

/**
 * Splits a flow's ports by binding. TCP 135 alone is the endpoint mapper (RpcSs) toward any
 * tier; toward the CA, a catalogue flow's DCOM port (the static `dcomPort`, else the CA's
 * dynamic range) is CertSvc's. Everything else is unbound.
 */
function portsByBinding(estate: Estate, flow: Flow): Map<HostBinding, PortRange[]> {
  const out = new Map<HostBinding, PortRange[]>();
  const add = (b: HostBinding, r: PortRange): void => { out.set(b, [...(out.get(b) ?? []), r]); };
  if (flow.protocol !== Protocol.TCP) {
    out.set(HostBinding.NONE, [...flow.ports]);
    return out;
  }
  const dcom = flow.to === 'ca' && !flow.custom
    ? (estate.dcomPort !== undefined ? PortRange.tcp(estate.dcomPort) : dynamicRangeOf(estate, 'ca').range)
    : undefined;
  for (const r of flow.ports) {
    if (r.from === RPC_ENDPOINT_MAPPER && r.to === RPC_ENDPOINT_MAPPER) add(HostBinding.RPCSS, r);
    else if (dcom && r.equals(dcom)) add(HostBinding.CERTSVC, r);
    else add(HostBinding.NONE, r);
  }
  return out;
}

function describe(estate: string, from: TierKey, to: TierKey, flows: readonly Flow[]): string {
  const ids = flows.map((f) => (f.custom ? `${f.id} (${f.purpose})` : f.id));
  return `adcs-firewall ${estate}: ${tierInfo(from).title} to ${tierInfo(to).title}: ${ids.join(', ')}`;
}

/**
 * The Windows Firewall rules toward one tier: every flow of the estate whose destination is the
 * tier, one rule per source tier, protocol and binding, with exactly the flows' ports (numeric)
 * and the source tier's CIDRs. Pure and deterministic.
 */
export function hostFirewallRules(estate: Estate, tier: TierKey, flows: readonly Flow[] = flowsOf(estate)): HostFirewallRule[] {
  const buckets = new Map<string, { from: TierKey; protocol: Protocol; binding: HostBinding; ports: PortRange[]; flows: Flow[] }>();
  for (const f of flows) {
    if (f.to !== tier) continue;
    const protocol = f.protocol;
    for (const [binding, ports] of portsByBinding(estate, f)) {
      const key = `${f.from} ${protocol} ${binding}`;
      const b = buckets.get(key) ?? { from: f.from, protocol, binding, ports: [], flows: [] };
      b.ports.push(...ports);
      if (!b.flows.includes(f)) b.flows.push(f);
      buckets.set(key, b);
    }
  }
  const rules = [...buckets.values()].sort((a, b) => tierOrdinal(a.from) - tierOrdinal(b.from)
    || PROTOCOLS.indexOf(a.protocol) - PROTOCOLS.indexOf(b.protocol)
    || BINDING_ORDER.indexOf(a.binding) - BINDING_ORDER.indexOf(b.binding));
  return rules.map((b) => {
    const ids = [...new Set(b.flows.map((f) => f.id))];
    const bound = b.binding === HostBinding.RPCSS ? { program: RPCSS_PROGRAM, service: RPCSS_SERVICE }
      : b.binding === HostBinding.CERTSVC ? { program: CERTSVC_PROGRAM, service: CERTSVC_SERVICE } : {};
    return {
      name: hostRuleName(estate.name, tier, b.from, b.protocol, b.binding),
      direction: 'inbound' as const,
      protocol: b.protocol,
      localPorts: b.protocol === Protocol.ICMP ? [] : normalizePortRanges(b.ports).map(String),
      remoteAddresses: [...(estate.tiers[b.from]?.cidrs ?? [])],
      ...bound,
      flows: ids,
      from: b.from,
      binding: b.binding,
      description: describe(estate.name, b.from, tier, b.flows.filter((f, i) => b.flows.findIndex((g) => g.id === f.id) === i)),
    };
  });
}

/**
 * The registry values a tier's hosts need: the CA's static DCOM endpoint (`Endpoints` of the
 * CertSrv Request AppID, Win32 "Endpoints" documentation) when `dcomPort` is set, and the RPC
 * port range of KB 154596 when the tier's range comes from an `rpcDynamicPorts` setting.
 */
export function hostRegistry(estate: Estate, tier: TierKey): { registry: HostRegistryValue[]; restarts: HostRestart[] } {
  const registry: HostRegistryValue[] = [];
  const restarts: HostRestart[] = [];
  if (tier === 'ca' && estate.dcomPort !== undefined) {
    const needs: HostRestart = { kind: RestartKind.SERVICE, service: CERTSVC_SERVICE, reason: 'Endpoints is read when CertSvc starts' };
    registry.push({ path: CERTSRV_REQUEST_APPID_KEY, name: 'Endpoints', type: RegistryType.MULTI_SZ,
      value: [`ncacn_ip_tcp,0,${estate.dcomPort}`],
      reason: `dcomPort: pins the CertSrv Request DCOM application to TCP ${estate.dcomPort}`, needs });
    restarts.push(needs);
  }
  const dyn = dynamicRangeOf(estate, tier);
  if (dyn.from === 'rpcDynamicPorts' || dyn.from === `tiers.${tier}.rpcDynamicPorts`) {
    const why = `${dyn.from}: RPC dynamic ports ${dyn.range} (KB 154596)`;
    const needs: HostRestart = { kind: RestartKind.REBOOT, reason: 'the RPC port range is read when the computer starts (KB 154596)' };
    registry.push(
      { path: RPC_INTERNET_KEY, name: 'Ports', type: RegistryType.MULTI_SZ, value: [String(dyn.range)], reason: why, needs },
      { path: RPC_INTERNET_KEY, name: 'PortsInternetAvailable', type: RegistryType.SZ, value: ['Y'], reason: why, needs },
      { path: RPC_INTERNET_KEY, name: 'UseInternetPorts', type: RegistryType.SZ, value: ['Y'], reason: why, needs },
    );
    restarts.push(needs);
  }
  return { registry, restarts };
}

/**
 * The host configuration of one tier of an estate: the Windows Firewall rules for every flow
 * toward the tier, in one rule group per estate and tier, and the registry values (static DCOM
 * endpoint, RPC port range) with the restarts they need. Throws AdcsInputError for a tier the
 * estate does not have.
 */
export function hostConfig(estate: Estate, tier: TierKey): HostConfig {
  if (estate.tiers[tier] === undefined) {
    throw new AdcsInputError('hostConfig', [problem('tier', Messages.hostTierAbsent(tier, presentTiers(estate).map((t) => t.key)))]);
  }
  const { registry, restarts } = hostRegistry(estate, tier);
  return {
    estate: estate.name,
    tier,
    group: hostRuleGroup(estate.name, tier),
    firewallRules: hostFirewallRules(estate, tier),
    registry,
    restarts,
  };
}
