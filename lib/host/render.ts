import { HostConfig, HostRestart } from './host-config';
import { renderPowerShell } from './powershell';
import { RegistryType } from './registry';

/** Output formats of `adcs-firewall host`. */
export enum HostFormat {
  /** An idempotent PowerShell script (the default), UTF-8 with a byte-order mark. */
  POWERSHELL = 'powershell',
  /** The configuration as JSON, for other tools. */
  JSON = 'json',
}

const restart = (r: HostRestart): object => ({ kind: r.kind, ...(r.service !== undefined ? { service: r.service } : {}) });

/**
 * The JSON document of a host configuration (registry REG_SZ data as one string). `registry`
 * holds the values to write, `registryAbsent` those that must be absent as far as adcs-firewall
 * wrote them (removed where the script's record says it wrote that data, else reported or
 * compared with the spec's range).
 */
export function hostConfigJson(config: HostConfig): unknown {
  return {
    tier: config.tier,
    estate: config.estate,
    group: config.group,
    owner: config.owner,
    firewallRules: config.firewallRules.map((r) => ({
      name: r.name,
      direction: r.direction,
      protocol: r.protocol,
      localPorts: r.localPorts,
      remoteAddresses: r.remoteAddresses,
      ...(r.service !== undefined ? { service: r.service } : {}),
      ...(r.program !== undefined ? { program: r.program } : {}),
      binding: r.binding,
      flows: r.flows,
      from: r.from,
      description: r.description,
    })),
    registry: config.registry.map((v) => ({
      path: v.path, name: v.name, type: v.type,
      value: v.type === RegistryType.SZ ? v.value[0] : v.value,
      reason: v.reason,
      restart: restart(v.needs),
      createKey: v.createKey,
    })),
    registryAbsent: config.registryAbsent.map((v) => ({
      path: v.path, name: v.name, reason: v.reason, restart: restart(v.needs), ifNotRecorded: v.ifNotRecorded,
    })),
    restarts: config.restarts.map((r) => ({ ...restart(r), reason: r.reason })),
    ...(config.pinnedPort !== undefined ? { pinnedPort: config.pinnedPort } : {}),
    ...(config.rpcRangeCheck !== undefined ? { rpcRangeCheck: config.rpcRangeCheck } : {}),
    predefinedGroups: config.predefinedGroups.map((g) => ({
      displayGroup: g.displayGroup, names: g.names, action: g.disable ? 'disable' : 'report', ...(g.advice ? { advice: g.advice } : {}),
    })),
    notes: config.notes.map((n) => ({ ruleId: n.ruleId, path: n.path, message: n.message })),
  };
}

/** Renders a host configuration in one format (the PowerShell starts with a byte-order mark). */
export function renderHostConfig(config: HostConfig, format: HostFormat): string {
  return format === HostFormat.JSON ? `${JSON.stringify(hostConfigJson(config), null, 2)}\n` : renderPowerShell(config);
}
