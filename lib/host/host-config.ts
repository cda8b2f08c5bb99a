import { AdcsInputError, Messages, problem } from '../errors';
import { warning, Warning } from '../findings/warning';
import { Estate, presentTiers } from '../model/estate';
import { Flow, flowsOf } from '../model/flows';
import { hostSettingsOf, rpcRangeWrite } from '../model/host-settings';
import { dynamicRangeOf } from '../model/port-sets';
import { normalizePortRanges, PortRange } from '../model/port-range';
import { Protocol, PROTOCOLS } from '../model/protocol';
import { TierKey, tierInfo, tierOrdinal } from '../model/tiers';
import { HTTP, HTTPS, RPC_ENDPOINT_MAPPER, SMB } from '../model/well-known-ports';
import { HostMessages, PredefinedAdvice } from './messages';
import {
  CERTSRV_REQUEST_APPID_KEY, RegistryType, RestartKind, RPC_INTERNET_KEY,
} from './registry';
import { appendTo } from '../util/maps';

/** Which program or service a rule is bound to: the process that listens on its ports. */
export enum HostBinding {
  /** No program or service condition. */
  NONE = 'none',
  /** TCP 135: `svchost.exe`, service `RpcSs` (RPC endpoint mapper and DCOM activation). */
  RPCSS = 'rpcss',
  /** The CA's DCOM port (static or its dynamic range): `certsrv.exe`, service `CertSvc`. */
  CERTSVC = 'certsvc',
  /** DCOM to an Online Responder (its dynamic range): `ocspsvc.exe`, service `OCSPSvc`. */
  OCSPSVC = 'ocspsvc',
  /** The dynamic range of a DC: `lsass.exe` (the MS-LSAT, MS-NRPC and MS-LSAD servers). */
  LSASS = 'lsass',
  /** TCP 445 (SMB, RPC over named pipes): the kernel, program `System`. */
  SYSTEM = 'system',
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
/** Program of the Online Responder's DCOM rule ([MS-OCSPA] is served by the Online Responder service). */
export const OCSPSVC_PROGRAM = '%SystemRoot%\\System32\\ocspsvc.exe';
/** Service of the Online Responder's DCOM rule. */
export const OCSPSVC_SERVICE = 'OCSPSvc';
/** Program of a DC's dynamic-range rule: LSA, Netlogon and the SAM run in lsass.exe (Windows' own "Active Directory Domain Services" rules bind it so). */
export const LSASS_PROGRAM = '%SystemRoot%\\System32\\lsass.exe';
/** Program of TCP 445 rules: SMB is served by the kernel (Windows' predefined SMB rules say `System`). */
export const SYSTEM_PROGRAM = 'System';
/** The Windows Firewall keyword for the ports the RPC endpoint mapper hands out (`-LocalPort RPC`). */
export const RPC_KEYWORD = 'RPC';

/**
 * Tiers of domain controllers (the resource forest's and the account forests'): their dynamic
 * range is lsass.exe's, and the script never disables their predefined rules.
 */
export const DC_TIERS: readonly TierKey[] = ['dc', 'accountDc'];

/** One inbound Windows Firewall rule of a tier's host configuration. */
export interface HostFirewallRule {
  /** Unique rule name (`-Name`), from content: estate, tier, source tier, protocol, binding. */
  readonly name: string;
  /** Always `inbound`: the host rules guard the destination of each flow. */
  readonly direction: 'inbound';
  /** `tcp`, `udp` or `icmp`. */
  readonly protocol: Protocol;
  /**
   * Local ports, `"N"` or `"N-M"`; empty for ICMP. Numeric, but for the unpinned CA's DCOM rule
   * under `host.rpcKeyword`: `["RPC"]`, the ports the endpoint mapper hands out (the script
   * checks that the host's range is the CA's range in the spec).
   */
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
  /** The script creates the key when it is missing (the RPC key, which Windows lacks by default); else a missing key stops it. */
  readonly createKey: boolean;
}

/**
 * A registry value the estate does not ask for: the script removes it where its record says it
 * wrote that very data, and otherwise leaves it (reported, or compared with the spec's range).
 */
export interface HostAbsentValue {
  /** Key, `HKLM\...`. */
  readonly path: string;
  /** Value name. */
  readonly name: string;
  /** Why the estate does not ask for it. */
  readonly reason: string;
  /** The restart that follows its removal. */
  readonly needs: HostRestart;
  /**
   * What the script does when the value is there and not of its writing: `report` it (a warning:
   * an old CA pin breaks enrollment), or `compareRange` (the RPC range admins set: the script
   * compares the host's range with the spec's where the tier's rules open its dynamic range, and
   * reports the value elsewhere).
   */
  readonly ifNotRecorded: 'report' | 'compareRange';
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

/** A predefined Windows Firewall rule group the script reports, and may disable. */
export interface HostPredefinedGroup {
  /** Its display group, as Windows (English) names it. */
  readonly displayGroup: string;
  /** Its rules' names (`-Name`, not localized), a wildcard pattern; empty when unknown. */
  readonly names: string;
  /** The script disables its enabled local rules (`host.disablePredefinedRules`), else reports them. */
  readonly disable: boolean;
  /** Why it stays enabled, when it does. */
  readonly advice?: PredefinedAdvice;
}

/** The RPC range the script compares with the host's, where it does not write it. */
export interface HostRpcRangeCheck {
  /** The tier's range in the spec, `N-M`. */
  readonly range: string;
  /** Where the spec's range comes from (`osGeneration`, `rpcDynamicPorts`, `tiers.<tier>.rpcDynamicPorts`). */
  readonly from: string;
}

/** The host half of one tier: its Windows Firewall rules and registry values. */
export interface HostConfig {
  /** Estate name. */
  readonly estate: string;
  /** The tier. */
  readonly tier: TierKey;
  /** Windows Firewall rule group of every rule (one per estate and tier): what the script owns of the firewall. */
  readonly group: string;
  /** How the script's records name this tier's writes (`<estate>/<tier>`). */
  readonly owner: string;
  /** Inbound rules, in canonical order (source tier, protocol, binding). */
  readonly firewallRules: readonly HostFirewallRule[];
  /** Registry values to write (each recorded beside it). */
  readonly registry: readonly HostRegistryValue[];
  /** Registry values that must be absent as far as this tool wrote them. */
  readonly registryAbsent: readonly HostAbsentValue[];
  /** Restarts the registry values to write need. */
  readonly restarts: readonly HostRestart[];
  /** The CA's static DCOM port the script checks before writing and after restarting. @default none */
  readonly pinnedPort?: number;
  /** The range the script compares with the host's, where the tier's rules open its dynamic range and the script does not write it. @default none */
  readonly rpcRangeCheck?: HostRpcRangeCheck;
  /** Predefined rule groups the script reports (and may disable). */
  readonly predefinedGroups: readonly HostPredefinedGroup[];
  /** What the script says before it changes anything (rule id and text). */
  readonly notes: readonly Warning[];
}

/** The Windows Firewall rule group of an estate's tier: `adcs-firewall <estate> <tier>`. */
export function hostRuleGroup(estate: string, tier: TierKey): string {
  return `adcs-firewall ${estate} ${tier}`;
}

/** The content-derived name of a host rule: `adcs-<estate>-<tier>-in-<from>-<protocol>[-<binding>]`. */
export function hostRuleName(estate: string, tier: TierKey, from: TierKey, protocol: Protocol, binding: HostBinding): string {
  return `adcs-${estate}-${tier}-in-${from}-${protocol}${binding === HostBinding.NONE ? '' : `-${binding}`}`;
}

const BINDING_ORDER: readonly HostBinding[] = [
  HostBinding.RPCSS, HostBinding.CERTSVC, HostBinding.OCSPSVC, HostBinding.LSASS, HostBinding.SYSTEM, HostBinding.NONE,
];

const BOUND: Record<HostBinding, { program?: string; service?: string }> = {
  [HostBinding.NONE]: {},
  [HostBinding.RPCSS]: { program: RPCSS_PROGRAM, service: RPCSS_SERVICE },
  [HostBinding.CERTSVC]: { program: CERTSVC_PROGRAM, service: CERTSVC_SERVICE },
  [HostBinding.OCSPSVC]: { program: OCSPSVC_PROGRAM, service: OCSPSVC_SERVICE },
  [HostBinding.LSASS]: { program: LSASS_PROGRAM },
  [HostBinding.SYSTEM]: { program: SYSTEM_PROGRAM },
};

/** The binding of the destination's dynamic range of a catalogue flow toward `to` (NONE: undocumented listener). */
function dynamicBinding(to: TierKey): HostBinding {
  if (to === 'ca') return HostBinding.CERTSVC;
  if (to === 'ocsp') return HostBinding.OCSPSVC;
  if (DC_TIERS.includes(to)) return HostBinding.LSASS;
  return HostBinding.NONE;
}

/**
 * Splits a flow's ports by the process that listens on them. TCP 135 is the endpoint mapper
 * (RpcSs) and TCP 445 the kernel (System), toward any tier; toward the CA, a catalogue flow's
 * DCOM port (the static `dcomPort`, else the CA's dynamic range) is CertSvc's; a catalogue flow's
 * dynamic range of an Online Responder is OCSPSvc's, of a DC lsass.exe's. Everything else is
 * unbound (`undocumented` lists the ports of a dynamic range whose listener nobody documents).
 */
function portsByBinding(estate: Estate, flow: Flow): { ports: Map<HostBinding, PortRange[]>; undocumented: PortRange[] } {
  const out = new Map<HostBinding, PortRange[]>();
  const undocumented: PortRange[] = [];
  const add = (b: HostBinding, r: PortRange): void => { appendTo(out, b, r); };
  if (flow.protocol !== Protocol.TCP) {
    out.set(HostBinding.NONE, [...flow.ports]);
    return { ports: out, undocumented };
  }
  const dyn = flow.custom ? undefined
    : flow.to === 'ca' ? (estate.dcomPort !== undefined ? PortRange.tcp(estate.dcomPort) : dynamicRangeOf(estate, 'ca').range)
      : dynamicRangeOf(estate, flow.to).range;
  for (const r of flow.ports) {
    if (r.from === RPC_ENDPOINT_MAPPER && r.to === RPC_ENDPOINT_MAPPER) add(HostBinding.RPCSS, r);
    else if (r.from === SMB && r.to === SMB) add(HostBinding.SYSTEM, r);
    else if (dyn && r.equals(dyn)) {
      const b = dynamicBinding(flow.to);
      if (b === HostBinding.NONE) undocumented.push(r);
      add(b, r);
    } else add(HostBinding.NONE, r);
  }
  return { ports: out, undocumented };
}

function describe(estate: string, from: TierKey, to: TierKey, flows: readonly Flow[]): string {
  const ids = flows.map((f) => (f.custom ? `${f.id} (${f.purpose})` : f.id));
  return `adcs-firewall ${estate}: ${tierInfo(from).title} to ${tierInfo(to).title}: ${ids.join(', ')}`;
}

interface Bucket { from: TierKey; protocol: Protocol; binding: HostBinding; ports: PortRange[]; flows: Flow[]; undocumented: Flow[] }

function buckets(estate: Estate, tier: TierKey, flows: readonly Flow[]): Bucket[] {
  const byKey = new Map<string, Bucket>();
  for (const f of flows) {
    if (f.to !== tier) continue;
    const { ports, undocumented } = portsByBinding(estate, f);
    for (const [binding, rs] of ports) {
      const key = `${f.from} ${f.protocol} ${binding}`;
      const b = byKey.get(key) ?? { from: f.from, protocol: f.protocol, binding, ports: [], flows: [], undocumented: [] };
      b.ports.push(...rs);
      if (!b.flows.includes(f)) b.flows.push(f);
      if (binding === HostBinding.NONE && undocumented.length > 0 && !b.undocumented.includes(f)) b.undocumented.push(f);
      byKey.set(key, b);
    }
  }
  return [...byKey.values()].sort((a, b) => tierOrdinal(a.from) - tierOrdinal(b.from)
    || PROTOCOLS.indexOf(a.protocol) - PROTOCOLS.indexOf(b.protocol)
    || BINDING_ORDER.indexOf(a.binding) - BINDING_ORDER.indexOf(b.binding));
}

/**
 * The Windows Firewall rules toward one tier: every flow of the estate whose destination is the
 * tier, one rule per source tier, protocol and binding, with exactly the flows' ports and the
 * source tier's CIDRs, bound to the process that listens. Pure and deterministic.
 */
export function hostFirewallRules(estate: Estate, tier: TierKey, flows: readonly Flow[] = flowsOf(estate)): HostFirewallRule[] {
  const keyword = hostSettingsOf(estate).rpcKeyword && tier === 'ca' && estate.dcomPort === undefined;
  return buckets(estate, tier, flows).map((b) => {
    const ids = [...new Set(b.flows.map((f) => f.id))];
    const numeric = b.protocol === Protocol.ICMP ? [] : normalizePortRanges(b.ports).map(String);
    return {
      name: hostRuleName(estate.name, tier, b.from, b.protocol, b.binding),
      direction: 'inbound' as const,
      protocol: b.protocol,
      localPorts: keyword && b.binding === HostBinding.CERTSVC ? [RPC_KEYWORD] : numeric,
      remoteAddresses: [...(estate.tiers[b.from]?.cidrs ?? [])],
      ...BOUND[b.binding],
      flows: ids,
      from: b.from,
      binding: b.binding,
      description: describe(estate.name, b.from, tier, b.flows.filter((f, i) => b.flows.findIndex((g) => g.id === f.id) === i)),
    };
  });
}

const RPC_VALUES: readonly { name: string; type: RegistryType; value: (range: PortRange) => string[] }[] = [
  { name: 'Ports', type: RegistryType.MULTI_SZ, value: (r) => [String(r)] },
  { name: 'PortsInternetAvailable', type: RegistryType.SZ, value: () => ['Y'] },
  { name: 'UseInternetPorts', type: RegistryType.SZ, value: () => ['Y'] },
];

const CERTSVC_RESTART: HostRestart = { kind: RestartKind.SERVICE, service: CERTSVC_SERVICE, reason: 'Endpoints is read when CertSvc starts' };
const REBOOT: HostRestart = { kind: RestartKind.REBOOT, reason: 'the RPC port range is read when the computer starts (KB 154596)' };

/**
 * The registry values of a tier's hosts. The CA's static DCOM endpoint (`Endpoints` of the
 * CertSrv Request AppID, Win32 "Endpoints") when `dcomPort` is set, else that value must be
 * absent. The machine-wide RPC range of KB 154596 only where `host.writeRpcRange` writes it
 * (the unpinned CA; the DCs under `caAndDc`; an `rpcDynamicPorts` range), else its three values
 * must be absent. "Absent" means: the script removes a value its record says it wrote.
 */
export function hostRegistry(estate: Estate, tier: TierKey): { registry: HostRegistryValue[]; registryAbsent: HostAbsentValue[]; restarts: HostRestart[] } {
  const registry: HostRegistryValue[] = [];
  const registryAbsent: HostAbsentValue[] = [];
  const restarts: HostRestart[] = [];
  if (tier === 'ca') {
    if (estate.dcomPort !== undefined) {
      registry.push({ path: CERTSRV_REQUEST_APPID_KEY, name: 'Endpoints', type: RegistryType.MULTI_SZ,
        value: [`ncacn_ip_tcp,0,${estate.dcomPort}`],
        reason: `dcomPort: pins the CertSrv Request DCOM application to TCP ${estate.dcomPort}`, needs: CERTSVC_RESTART, createKey: false });
      restarts.push(CERTSVC_RESTART);
    } else {
      registryAbsent.push({ path: CERTSRV_REQUEST_APPID_KEY, name: 'Endpoints', needs: CERTSVC_RESTART, ifNotRecorded: 'report',
        reason: 'no dcomPort: the network rules open 135 and the CA\'s dynamic range, so a pin left behind breaks DCOM enrollment' });
    }
  }
  const w = rpcRangeWrite(estate, tier);
  if (w.write) {
    const why = `host.writeRpcRange "${hostSettingsOf(estate).writeRpcRange}" and ${w.from}: RPC dynamic ports ${w.range} (KB 154596)`
      + (DC_TIERS.includes(tier) ? '; KB 224196 sets static ports per service instead' : '');
    for (const v of RPC_VALUES) {
      registry.push({ path: RPC_INTERNET_KEY, name: v.name, type: v.type, value: v.value(w.range), reason: why, needs: REBOOT, createKey: true });
    }
    restarts.push(REBOOT);
  } else {
    const reason = w.why === 'notAsked'
      ? `host.writeRpcRange "${hostSettingsOf(estate).writeRpcRange}" does not write the machine-wide RPC range on ${tier}`
      : w.why === 'pinned' ? 'the CA is pinned (dcomPort): its DCOM port needs no machine-wide RPC range'
        : `the range of ${tier} comes from ${w.from}, the default: nothing to narrow`;
    for (const v of RPC_VALUES) registryAbsent.push({ path: RPC_INTERNET_KEY, name: v.name, reason, needs: REBOOT, ifNotRecorded: 'compareRange' });
  }
  return { registry, registryAbsent, restarts };
}

/** The predefined rule groups Windows enables with the roles AD CS servers run (their display groups as Windows names them in English). */
const PREDEFINED: readonly { displayGroup: string; names: string; role: 'ca' | 'dc' | 'iis'; port?: number }[] = [
  { displayGroup: 'Certification Authority', names: 'Microsoft-Windows-CertificateServices-CertSvc-*', role: 'ca' },
  { displayGroup: 'Active Directory Domain Services', names: '', role: 'dc' },
  { displayGroup: 'World Wide Web Services (HTTP)', names: 'IIS-WebServerRole-HTTP-In-TCP', role: 'iis', port: HTTP },
  { displayGroup: 'Secure World Wide Web Services (HTTPS)', names: 'IIS-WebServerRole-HTTPS-In-TCP', role: 'iis', port: HTTPS },
];

/**
 * The predefined groups a tier's script reports, and which it disables under
 * `host.disablePredefinedRules`: "Certification Authority" on the CA, an IIS group on a tier
 * whose rules open its port; never anything on a DC.
 */
export function hostPredefinedGroups(estate: Estate, tier: TierKey, rules: readonly HostFirewallRule[]): HostPredefinedGroup[] {
  const option = hostSettingsOf(estate).disablePredefinedRules;
  const opens = (port: number): boolean => rules.some((r) => r.protocol === Protocol.TCP
    && r.localPorts.some((p) => { const x = PortRange.parse(Protocol.TCP, p); return x !== undefined && x.contains(port); }));
  return PREDEFINED.map((g) => {
    const covered = g.role === 'ca' ? tier === 'ca' : g.role === 'iis' ? opens(g.port!) : false;
    const advice: PredefinedAdvice | undefined = DC_TIERS.includes(tier) || g.role === 'dc' ? 'dc'
      : !option ? 'option' : !covered ? 'uncovered' : undefined;
    return { displayGroup: g.displayGroup, names: g.names, disable: advice === undefined, ...(advice ? { advice } : {}) };
  });
}

/**
 * The host configuration of one tier of an estate: the Windows Firewall rules for every flow
 * toward the tier, in one rule group per estate and tier; the registry values to write and those
 * that must be absent; the RPC range to compare; the predefined groups to report or disable.
 * Throws AdcsInputError for a tier the estate does not have.
 */
export function hostConfig(estate: Estate, tier: TierKey, flows: readonly Flow[] = flowsOf(estate)): HostConfig {
  if (estate.tiers[tier] === undefined) {
    throw new AdcsInputError('hostConfig', [problem('tier', Messages.hostTierAbsent(tier, presentTiers(estate).map((t) => t.key)))]);
  }
  const { registry, registryAbsent, restarts } = hostRegistry(estate, tier);
  const firewallRules = hostFirewallRules(estate, tier, flows);
  const notes: Warning[] = [];
  for (const b of buckets(estate, tier, flows).filter((x) => x.undocumented.length > 0)) {
    notes.push(warning(`tiers.${tier}`, HostMessages.listenerUndocumented(b.undocumented.map((f) => f.id).join(', '), tier,
      hostRuleName(estate.name, tier, b.from, b.protocol, b.binding))));
  }
  const w = rpcRangeWrite(estate, tier);
  if (w.write && DC_TIERS.includes(tier)) notes.push(warning('host.writeRpcRange', Messages.writeRpcRangeDcs(String(w.range))));
  // The tier's rules open its dynamic range (a catalogue flow's DYN toward it), and the script does not write it: compare.
  const dyn = dynamicRangeOf(estate, tier);
  const usesDyn = flows.some((f) => f.to === tier && !f.custom && f.protocol === Protocol.TCP && f.ports.some((r) => r.equals(dyn.range)));
  return {
    estate: estate.name,
    tier,
    group: hostRuleGroup(estate.name, tier),
    owner: `${estate.name}/${tier}`,
    firewallRules,
    registry,
    registryAbsent,
    restarts,
    ...(tier === 'ca' && estate.dcomPort !== undefined ? { pinnedPort: estate.dcomPort } : {}),
    ...(usesDyn && !w.write ? { rpcRangeCheck: { range: String(dyn.range), from: dyn.from } } : {}),
    predefinedGroups: hostPredefinedGroups(estate, tier, firewallRules),
    notes,
  };
}
