import { CATALOGUE } from './catalogue';
import { Estate, hasTier } from './estate';
import { MAX_PORT, MIN_PORT, normalizePortRanges, PortRange } from './port-range';
import { PORT_PROTOCOLS, Protocol, TrafficProtocol } from './protocol';
import { TierKey, tierOrdinal } from './tiers';

/** One network flow an estate needs: a stateful allow from `from` to `to` on these ports. */
export interface Flow {
  /** Catalogue row id, or `custom:<name>` for a user-declared flow. */
  readonly id: string;
  /** True for user-declared flows. */
  readonly custom: boolean;
  /** Source tier (opens the connection). */
  readonly from: TierKey;
  /** Destination tier. */
  readonly to: TierKey;
  /** IP protocol of every port below. */
  readonly protocol: Protocol;
  /** Destination ports: sorted, coalesced; never empty for TCP and UDP, empty for ICMP (every type). */
  readonly ports: readonly PortRange[];
  /** Why the flow exists. */
  readonly purpose: string;
  /** Where it is documented. */
  readonly reference: string;
}

/**
 * The flows an estate needs: every catalogue row whose tiers are present and whose condition
 * holds, then the custom flows. One flow per row, source tier and protocol. Pure and
 * deterministic: the order is the catalogue's, then source tier, then protocol.
 */
export function flowsOf(estate: Estate): Flow[] {
  const out: Flow[] = [];
  for (const row of CATALOGUE) {
    if (!hasTier(estate, row.to) || !row.when(estate)) continue;
    const ports = row.ports(estate);
    for (const from of row.from) {
      if (!hasTier(estate, from) || (row.fromWhen && !row.fromWhen(estate, from))) continue;
      for (const protocol of PORT_PROTOCOLS) {
        const mine = normalizePortRanges(ports.filter((p) => p.protocol === protocol));
        if (mine.length === 0) continue;
        out.push({ id: row.id, custom: false, from, to: row.to, protocol, ports: mine, purpose: row.purpose, reference: row.reference });
      }
    }
  }
  const custom = [...estate.customFlows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const c of custom) {
    out.push({ id: c.id, custom: true, from: c.from, to: c.to, protocol: c.protocol,
      ports: normalizePortRanges(c.ports), purpose: c.purpose, reference: c.reference });
  }
  return out;
}

/**
 * The ports a flow needs along the port axis of the evaluators' (source, destination, port)
 * regions: its ports; for ICMP, which has none, the whole axis (every ICMP type).
 */
export function flowPortSpace(flow: Pick<Flow, 'protocol' | 'ports'>): readonly PortRange[] {
  return flow.protocol === Protocol.ICMP ? [PortRange.of(Protocol.ICMP, MIN_PORT, MAX_PORT)] : flow.ports;
}

/** Ports as tables show them: `135, 49152-65535`; `all types` for ICMP. */
export function formatPorts(protocol: TrafficProtocol, ports: readonly PortRange[], separator = ', '): string {
  return protocol === Protocol.ICMP ? 'all types' : ports.map(String).join(separator);
}

/** Orders flows by source tier, destination tier, protocol, then id (for tables). */
export function compareFlows(a: Flow, b: Flow): number {
  return tierOrdinal(a.from) - tierOrdinal(b.from)
    || tierOrdinal(a.to) - tierOrdinal(b.to)
    || (a.protocol < b.protocol ? -1 : a.protocol > b.protocol ? 1 : 0)
    || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
