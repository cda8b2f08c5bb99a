import { HostConfig } from './host-config';
import { renderPowerShell } from './powershell';
import { RegistryType } from './registry';

/** Output formats of `adcs-firewall host`. */
export enum HostFormat {
  /** An idempotent PowerShell script (the default). */
  POWERSHELL = 'powershell',
  /** The configuration as JSON, for other tools. */
  JSON = 'json',
}

/** The JSON document of a host configuration (registry REG_SZ data as one string). */
export function hostConfigJson(config: HostConfig): unknown {
  return {
    tier: config.tier,
    estate: config.estate,
    group: config.group,
    firewallRules: config.firewallRules.map((r) => ({
      name: r.name,
      direction: r.direction,
      protocol: r.protocol,
      localPorts: r.localPorts,
      remoteAddresses: r.remoteAddresses,
      ...(r.service !== undefined ? { service: r.service } : {}),
      ...(r.program !== undefined ? { program: r.program } : {}),
      flows: r.flows,
      from: r.from,
      description: r.description,
    })),
    registry: config.registry.map((v) => ({
      path: v.path, name: v.name, type: v.type,
      value: v.type === RegistryType.SZ ? v.value[0] : v.value,
      reason: v.reason,
    })),
    restarts: config.restarts.map((r) => ({ kind: r.kind, ...(r.service !== undefined ? { service: r.service } : {}), reason: r.reason })),
  };
}

/** Renders a host configuration in one format. */
export function renderHostConfig(config: HostConfig, format: HostFormat): string {
  return format === HostFormat.JSON ? `${JSON.stringify(hostConfigJson(config), null, 2)}\n` : renderPowerShell(config);
}
