import { AdcsInputError, InputProblem, problem } from '../../errors';
import { AzureMessages } from './messages';
import { aggregateCidrs, cidrSpan } from '../../model/cidr';
import { differenceOf } from '../../util/intervals';
import { EstateTier, presentTiers } from '../../model/estate';
import { Flow } from '../../model/flows';
import { normalizePortRanges, PortRange } from '../../model/port-range';
import { Protocol } from '../../model/protocol';
import { TierKey, tierOrdinal } from '../../model/tiers';
import { Warning, warning } from '../../findings/warning';
import { ResolvedInput } from '../../input/resolved';
import { allowPriority, denyPriority, probePriority, ruleSlot } from './priorities';
import type { Planned } from '../platform';
import { azureEnforcement, azureSettings, PriorityWindow } from './settings';
import { appendTo } from '../../util/maps';

/** Azure's ceilings per NSG (Azure networking limits). */
export const AZURE_LIMITS = { rulesPerNsg: 1000, addressesPerNsgSide: 4000, descriptionLength: 140 } as const;

/** Direction of an NSG rule. */
export type NsgDirection = 'Inbound' | 'Outbound';

/** One NSG rule the library writes. */
export interface PlannedNsgRule {
  /** Construct id; unique in the NSG, derived from content. */
  readonly id: string;
  /** Azure rule name; unique in the NSG, derived from content. */
  readonly name: string;
  /** Inbound (at the destination's NSG) or Outbound (at the source's). */
  readonly direction: NsgDirection;
  /** Allow for flows, Deny for the deny-by-default rule. */
  readonly access: 'Allow' | 'Deny';
  /** Unique per NSG and direction. */
  readonly priority: number;
  /** `Tcp`, `Udp`, `Icmp` (custom flows), or `*` (deny-by-default only). */
  readonly protocol: 'Tcp' | 'Udp' | 'Icmp' | '*';
  /** Source CIDRs, or one service tag (deny-by-default only). */
  readonly sourceAddressPrefixes: readonly string[];
  /** Destination CIDRs, or `*` (deny-by-default on a created NSG only). */
  readonly destinationAddressPrefixes: readonly string[];
  /** Destination ports, `N` or `N-M`, or `*` (ICMP and the deny-by-default). */
  readonly destinationPortRanges: readonly string[];
  /** At most 140 characters; names the flows. */
  readonly description: string;
  /** Flow ids the rule carries. */
  readonly flows: readonly string[];
  /** Source and destination tiers (empty for the deny-by-default rule). */
  readonly fromTier?: TierKey;
  /** Destination tier. */
  readonly toTier?: TierKey;
}

/** One NSG the library creates or writes to. */
export interface PlannedNsg {
  /** Stable key: the NSG's name for created NSGs, `existing-<rg>-<name>` for existing ones. */
  readonly key: string;
  /** Tiers enforced by this NSG, canonical order. */
  readonly tiers: readonly TierKey[];
  /** True when the library creates the NSG. */
  readonly created: boolean;
  /** NSG name. */
  readonly name: string;
  /** Resource group. */
  readonly resourceGroupName: string;
  /** Region (created NSGs). */
  readonly location?: string;
  /** Subnets to associate (created NSGs). */
  readonly subnetIds: readonly string[];
  /** Tags (created NSGs). */
  readonly tags: Readonly<Record<string, string>>;
  /** Priorities the library uses here. */
  readonly window: PriorityWindow;
  /** Whether the NSG gets the deny-by-default rule. */
  readonly denyByDefault: boolean;
  /** Rules, sorted by direction then priority. */
  readonly rules: readonly PlannedNsgRule[];
  /** The alias of the provider configuration the NSG and its rules live under; absent: the default one. */
  readonly provider?: string;
}

/** The Azure rendering of an estate: pure data, one construct per item. */
export interface AzurePlan {
  /** NSGs, sorted by key. */
  readonly nsgs: readonly PlannedNsg[];
  /** Warnings of the rendering (deny-by-default on the DCs). */
  readonly warnings: readonly Warning[];
}

const PROTO: Record<Protocol, 'Tcp' | 'Udp' | 'Icmp'> = { tcp: 'Tcp', udp: 'Udp', icmp: 'Icmp' };

interface NsgDraft {
  key: string;
  tiers: TierKey[];
  created: boolean;
  name: string;
  resourceGroupName: string;
  location?: string;
  subnetIds: readonly string[];
  tags: Readonly<Record<string, string>>;
  window: PriorityWindow;
  denyByDefault: boolean;
  provider?: string;
}

/**
 * Groups the tiers by the NSG that enforces them. A created NSG is keyed by its name: the
 * `nsgName` its tiers give (they must agree), else `<name>-<first tier>-nsg`. Giving co-located
 * tiers an `nsgName` pins the NSG when another tier joins its subnets later.
 */
function nsgDrafts(spec: ResolvedInput, problems: InputProblem[]): Map<TierKey, NsgDraft> {
  const azure = azureSettings(spec);
  const byIdentity = new Map<string, NsgDraft>();
  const byTier = new Map<TierKey, NsgDraft>();
  const named = new Map<NsgDraft, string>();
  for (const t of presentTiers(spec.estate)) {
    const e = azureEnforcement(t);
    let identity: string;
    let fresh: () => NsgDraft;
    if (e.kind === 'azureSubnets') {
      identity = `subnets:${e.subnetIds.join('\n')}`;
      fresh = () => ({
        key: '', tiers: [], created: true, name: `${spec.estate.name}-${t.key}-nsg`,
        resourceGroupName: azure.resourceGroupName, location: azure.location, subnetIds: e.subnetIds,
        tags: { ...azure.tags, 'adcs-firewall:estate': spec.estate.name }, window: azure.priorityWindow,
        denyByDefault: azure.denyByDefault, ...withProvider(e.provider),
      });
    } else if (e.kind === 'azureExistingNsg') {
      identity = `existing:${e.resourceGroupName.toLowerCase()}/${e.name.toLowerCase()}`;
      fresh = () => ({
        key: `existing-${e.resourceGroupName}-${e.name}`, tiers: [], created: false, name: e.name,
        resourceGroupName: e.resourceGroupName, subnetIds: [], tags: {},
        window: e.priorityWindow ?? azure.priorityWindow, denyByDefault: e.denyByDefault, ...withProvider(e.provider),
      });
    } else {
      continue;
    }
    const known = byIdentity.get(identity);
    if (known && known.provider !== e.provider) {
      // One subnet has one NSG, in one subscription; one name in one resource group is one NSG per subscription.
      problems.push(e.kind === 'azureSubnets'
        ? problem(`tiers.${t.key}.provider`, AzureMessages.sharedNsgConflict(known.name, 'provider'))
        : problem(`tiers.${t.key}.provider`, AzureMessages.azureNsgTwoProviders(`${e.resourceGroupName}/${e.name}`, known.tiers[0], t.key)));
    }
    if (known && e.kind === 'azureExistingNsg') {
      const window = e.priorityWindow ?? azure.priorityWindow;
      if (window.first !== known.window.first || window.last !== known.window.last) {
        problems.push(problem(`tiers.${t.key}.networkSecurityGroup.priorityRange`, AzureMessages.sharedNsgConflict(e.name, 'priorityRange')));
      }
      if (e.denyByDefault !== known.denyByDefault) {
        problems.push(problem(`tiers.${t.key}.networkSecurityGroup.denyByDefault`, AzureMessages.sharedNsgConflict(e.name, 'denyByDefault')));
      }
    }
    const draft = known ?? fresh();
    byIdentity.set(identity, draft);
    draft.tiers.push(t.key);
    byTier.set(t.key, draft);
    if (e.kind === 'azureSubnets' && e.nsgName !== undefined) {
      const other = named.get(draft);
      if (other !== undefined && other !== e.nsgName) problems.push(problem(`tiers.${t.key}.nsgName`, AzureMessages.sharedNsgConflict(other, 'nsgName')));
      else {
        named.set(draft, e.nsgName);
        draft.name = e.nsgName;
      }
    }
  }
  // Azure names are unique per resource group, case-insensitively.
  const taken = new Map<string, NsgDraft>();
  for (const d of byIdentity.values()) {
    const k = `${d.resourceGroupName}/${d.name}`.toLowerCase();
    const other = taken.get(k);
    if (other) problems.push(problem(`tiers.${d.tiers[0]}`, AzureMessages.azureNsgNameTaken(d.name, other.tiers[0], d.tiers[0])));
    else taken.set(k, d);
    if (d.created) d.key = d.name;
  }
  return byTier;
}

/** `{ provider }` when a provider configuration is named, else nothing (plans of the default configuration are as before). */
function withProvider(provider: string | undefined): { provider?: string } {
  return provider === undefined ? {} : { provider };
}

function describe(from: TierKey, to: TierKey, protocol: Protocol, flows: readonly string[]): string {
  const head = `AD CS ${from} to ${to} ${protocol.toUpperCase()}: `;
  let text = head + flows.join(', ');
  for (let n = flows.length - 1; text.length > AZURE_LIMITS.descriptionLength && n > 0; n--) {
    text = `${head}${flows.slice(0, n).join(', ')} +${flows.length - n} more`;
  }
  return text.slice(0, AZURE_LIMITS.descriptionLength);
}

/**
 * Plans an Azure estate and throws AdcsInputError (source `estate <name>`) on problems: for
 * tests and scripts. The CLI and the constructs call `planAzureRules` and name their own source.
 */
export function planAzure(spec: ResolvedInput, flows: readonly Flow[]): AzurePlan {
  const r = planAzureRules(spec, flows);
  if (!r.plan) throw new AdcsInputError(`estate ${spec.estate.name}`, r.problems);
  return r.plan;
}

/**
 * Plans the NSGs and rules of an Azure estate. One Allow per NSG, direction, tier pair and
 * protocol, carrying the union of that pair's flow ports (exact: same addresses at both ends);
 * inbound at the destination's NSG, outbound at the source's. Priorities and names come from
 * the rule's content (see priorities.ts). Returns the problems when a window or an Azure
 * limit is exceeded.
 */
export function planAzureRules(spec: ResolvedInput, flows: readonly Flow[]): Planned<AzurePlan> {
  const problems: InputProblem[] = [];
  const drafts = nsgDrafts(spec, problems);
  if (problems.length > 0) return { problems, warnings: [] };
  for (const d of new Set(drafts.values())) {
    if (d.window.last - d.window.first < 1) {
      return { problems: [problem(`tiers.${d.tiers[0]}`,
        AzureMessages.priorityWindowFull(d.name, 'inbound', 2, `${d.window.first}-${d.window.last}`))], warnings: [] };
    }
  }
  const tiers = spec.estate.tiers;
  const cidrs = (k: TierKey): string[] => aggregateCidrs((tiers[k] as EstateTier).cidrs);
  // (from, to, protocol) → ports and flow ids
  const pairs = new Map<string, { from: TierKey; to: TierKey; protocol: Protocol; ports: PortRange[]; flows: string[] }>();
  for (const f of flows) {
    const k = `${f.from} ${f.to} ${f.protocol}`;
    const p = pairs.get(k) ?? { from: f.from, to: f.to, protocol: f.protocol, ports: [], flows: [] };
    p.ports.push(...f.ports);
    if (!p.flows.includes(f.id)) p.flows.push(f.id);
    pairs.set(k, p);
  }
  const rules = new Map<NsgDraft, PlannedNsgRule[]>();
  // One rule per NSG, direction, tier pair and protocol. Pairs with identical content (tiers on
  // shared hosts) keep a rule each: Azure allows it, and each keeps its own name and priority
  // whichever tiers come and go.
  const add = (nsg: NsgDraft, r: PlannedNsgRule): void => {
    appendTo(rules, nsg, r);
  };
  const ordered = [...pairs.values()].sort((a, b) =>
    tierOrdinal(a.from) - tierOrdinal(b.from) || tierOrdinal(a.to) - tierOrdinal(b.to) || a.protocol.localeCompare(b.protocol));
  for (const p of ordered) {
    // Azure takes no ports for ICMP: `*` (every type).
    const ports = p.protocol === Protocol.ICMP ? ['*'] : normalizePortRanges(p.ports).map(String);
    for (const [direction, local, peer] of [['Inbound', p.to, p.from], ['Outbound', p.from, p.to]] as const) {
      const nsg = drafts.get(local);
      if (!nsg) continue;
      const dir = direction === 'Inbound' ? 'in' : 'out';
      add(nsg, {
        id: `${dir}-${p.from}-${p.to}-${p.protocol}`,
        name: `${spec.estate.name}-${dir}-${p.from}-to-${p.to}-${p.protocol}`,
        direction, access: 'Allow',
        priority: allowPriority(nsg.window, ruleSlot(local, peer, p.protocol)),
        protocol: PROTO[p.protocol],
        sourceAddressPrefixes: cidrs(p.from), destinationAddressPrefixes: cidrs(p.to),
        destinationPortRanges: ports, description: describe(p.from, p.to, p.protocol, p.flows),
        flows: p.flows, fromTier: p.from, toTier: p.to,
      });
    }
  }
  const warnings: Warning[] = [];
  // A tier without an NSG whose hosts sit inside a deny-by-default NSG's tier (issue 12, class 12).
  for (const t of presentTiers(spec.estate).filter((x) => x.enforcement.kind === 'none' && flows.some((f) => f.to === x.key))) {
    for (const d of new Set(drafts.values())) {
      // Hosts inside (not the very same CIDRs: the shared-hosts warning names those).
      const within = (k: TierKey): boolean => {
        const theirs = (tiers[k] as EstateTier).cidrs;
        return theirs.join() !== t.cidrs.join() && t.cidrs.some((c) => differenceOf([cidrSpan(c)], theirs.map(cidrSpan)).length === 0);
      };
      const inside = d.denyByDefault ? d.tiers.find(within) : undefined;
      if (inside) warnings.push(warning(`tiers.${t.key}.cidrs`, AzureMessages.azureUnenforcedInsideDeny(t.key, inside, d.name)));
    }
  }
  const unique = [...new Set(drafts.values())].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const nsgs = unique.map((d) => {
    const list = rules.get(d) ?? [];
    if (d.denyByDefault) {
      // The deny's `VirtualNetwork` holds the host's virtual IP 168.63.129.16, where health probes
      // come from: an Allow from `AzureLoadBalancer` (probe traffic only) one priority earlier.
      const probe = probePriority(d.window);
      const taken = list.find((r) => r.direction === 'Inbound' && r.priority === probe);
      if (taken) problems.push(problem(`tiers.${d.tiers[0]}`, AzureMessages.probePriorityTaken(d.name, probe, taken.name, `${d.window.first}-${d.window.last}`,
        neededWindow(list, true), `${d.window.first}-${d.window.first + neededWindow(list, true) - 1}`)));
      else list.push({
        id: 'allow-lb-inbound', name: `${spec.estate.name}-allow-azure-load-balancer-inbound`, direction: 'Inbound', access: 'Allow',
        priority: probe, protocol: '*', sourceAddressPrefixes: ['AzureLoadBalancer'],
        destinationAddressPrefixes: d.created ? ['*'] : aggregateCidrs(d.tiers.flatMap((k) => (tiers[k] as EstateTier).cidrs)),
        destinationPortRanges: ['*'], flows: [],
        description: 'AD CS load-balancer health probes (168.63.129.16, inside VirtualNetwork): allowed before the deny by default',
      });
      list.push({
        id: 'deny-vnet-inbound', name: `${spec.estate.name}-deny-vnet-inbound`, direction: 'Inbound', access: 'Deny',
        priority: denyPriority(d.window), protocol: '*', sourceAddressPrefixes: ['VirtualNetwork'],
        destinationAddressPrefixes: d.created ? ['*'] : aggregateCidrs(d.tiers.flatMap((k) => (tiers[k] as EstateTier).cidrs)),
        destinationPortRanges: ['*'], flows: [],
        description: 'AD CS deny by default: other traffic from the network, peerings and on-premises (overrides AllowVnetInBound)',
      });
      if (d.tiers.includes('dc')) warnings.push(warning('tiers.dc', AzureMessages.denyOnDomainControllers(d.name)));
    }
    list.sort((a, b) => a.direction.localeCompare(b.direction) || a.priority - b.priority);
    checkNsgLimits(d, list, problems);
    return { ...d, rules: list };
  });
  if (problems.length > 0) return { problems, warnings };
  return { plan: { nsgs, warnings }, problems: [], warnings };
}

/**
 * The smallest window (number of priorities) in which this NSG's allow slots map to themselves:
 * the last priority is kept for the deny by default in both directions (allow slots are taken
 * modulo last - first), and with `probe` the inbound one before it for the probe Allow.
 */
function neededWindow(list: readonly PlannedNsgRule[], probe: boolean): number {
  const slots = (inbound: boolean): number[] => list.filter((r) => r.fromTier && r.toTier && (r.direction === 'Inbound') === inbound)
    .map((r) => ruleSlot(inbound ? r.toTier! : r.fromTier!, inbound ? r.fromTier! : r.toTier!, PROTOCOL_OF[r.protocol as 'Tcp' | 'Udp' | 'Icmp']));
  return Math.max(Math.max(0, ...slots(true)) + (probe ? 3 : 2), Math.max(0, ...slots(false)) + 2);
}

const PROTOCOL_OF: Record<'Tcp' | 'Udp' | 'Icmp', Protocol> = { Tcp: Protocol.TCP, Udp: Protocol.UDP, Icmp: Protocol.ICMP };

/**
 * Azure's per-NSG limits: unique priorities per direction, 1,000 rules, 4,000 source and 4,000
 * destination addresses over the rules. (With one rule per tier pair, one NSG holds at most
 * about 500 of this library's rules; the rule limit still guards what Azure enforces.)
 */
export function checkNsgLimits(d: Pick<PlannedNsg, 'name' | 'tiers'> & Partial<Pick<PlannedNsg, 'window' | 'denyByDefault'>>,
  list: readonly PlannedNsgRule[], problems: InputProblem[]): void {
  const at = `tiers.${d.tiers[0]}`;
  const seen = new Map<string, PlannedNsgRule>();
  const probe = d.denyByDefault === true;
  for (const r of list) {
    const k = `${r.direction} ${r.priority}`;
    const other = seen.get(k);
    if (other) problems.push(problem(at, AzureMessages.priorityCollision(d.name, r.direction.toLowerCase(), r.priority, other.name, r.name,
      neededWindow(list, probe), d.window?.first ?? 100, probe)));
    else seen.set(k, r);
  }
  if (list.length > AZURE_LIMITS.rulesPerNsg) problems.push(problem(at, AzureMessages.nsgTooManyRules(d.name, list.length)));
  const src = list.reduce((n, r) => n + r.sourceAddressPrefixes.length, 0);
  const dst = list.reduce((n, r) => n + r.destinationAddressPrefixes.length, 0);
  if (src > AZURE_LIMITS.addressesPerNsgSide) problems.push(problem(at, AzureMessages.nsgTooManyAddresses(d.name, 'source', src)));
  if (dst > AZURE_LIMITS.addressesPerNsgSide) problems.push(problem(at, AzureMessages.nsgTooManyAddresses(d.name, 'destination', dst)));
}
