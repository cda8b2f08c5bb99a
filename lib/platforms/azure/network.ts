import { Interval } from '../../util/intervals';
import type { TierKey } from '../../model/tiers';
import { OTHER_PROTOCOLS, Protocol, TrafficProtocol } from '../../model/protocol';
import type { MissingEnforcement, NetworkProblem } from '../evaluator';

/**
 * Azure network security as the evaluator judges it, whatever it was read from (Terraform JSON,
 * or `az network` exports): NSGs with their rules, and which NSG guards which subnet (or, read
 * from exports, which NSGs guard which hosts of each tier). Addresses keep Azure's service tags as symbols: what `VirtualNetwork` holds is not
 * known offline, so the evaluator reads it in every way it can be (see `worlds.ts`).
 */

/** An NSG address prefix: explicit addresses, or a service tag. */
export interface AzureAddresses {
  /** Explicit IPv4 addresses (CIDRs and single addresses). */
  readonly cidrs: readonly Interval[];
  /** `*` / `Any` / `0.0.0.0/0`: every address. */
  readonly any: boolean;
  /** The `VirtualNetwork` tag. */
  readonly virtualNetwork: boolean;
  /** The `Internet` tag. */
  readonly internet: boolean;
  /** The `AzureLoadBalancer` tag: 168.63.129.16, health probes only. */
  readonly loadBalancer: boolean;
  /** Other service tags (`AzureLoadBalancer` is explicit: 168.63.129.16), lower case: contents unknown offline. */
  readonly otherTags: readonly string[];
  /** IPv6 prefixes, as written: the estate is IPv4, so they match none of its traffic. */
  readonly ipv6: readonly string[];
}

/** Nothing. */
export const NO_ADDRESSES: AzureAddresses = { cidrs: [], any: false, virtualNetwork: false, internet: false, loadBalancer: false, otherTags: [], ipv6: [] };

/** Who wrote a rule, for the findings: the library (for this estate), someone else, or Azure. */
export enum AzureRuleAuthor {
  /** A rule the planner writes for this estate (same address, or same NSG, direction and content). */
  LIBRARY = 'library',
  /** Any other rule of the input. */
  FOREIGN = 'foreign',
  /** One of Azure's default rules (AllowVnetInBound, ...). */
  DEFAULT = 'default',
}

/** An NSG rule, one protocol reading of it. */
export interface AzureRule {
  /** How findings name it: a Terraform address (`azurerm_network_security_rule.x`, `azurerm_network_security_group.ca#rdp`) or a default rule's name. */
  readonly id: string;
  /** The rule's name in Azure. */
  readonly name: string;
  readonly direction: 'Inbound' | 'Outbound';
  readonly access: 'Allow' | 'Deny';
  /** 100-4096 for custom rules, 65000-65500 for the defaults. */
  readonly priority: number;
  /** `*`, `tcp`, `udp`, `icmp`, `esp`, `ah`. */
  readonly protocol: string;
  readonly source: AzureAddresses;
  readonly destination: AzureAddresses;
  /** Destination ports (0-65535 for `*`). */
  readonly ports: readonly Interval[];
  /** Source ports; a rule with source ports other than `*` matches only part of a flow's traffic. */
  readonly sourcePortsAll: boolean;
  /** Who wrote it (LIBRARY is decided later, against the planner's rules). */
  readonly author: AzureRuleAuthor;
  /** Offset of the element in the input text; -1 when unknown. */
  readonly offset: number;
}

/** An NSG, with every rule that will be in it. */
export interface AzureNsg {
  /** Identity: `<provider key>|<resource group>/<name>` in lower case, or `addr|<address>` when its name is not known. */
  readonly key: string;
  /** How findings name it: `rg-pki/pki-ca-nsg`. */
  readonly label: string;
  /** The Terraform address of the resource that creates it, when the input creates it. */
  readonly address?: string;
  /** Its custom rules (the defaults are added by the evaluator). */
  readonly rules: AzureRule[];
}

/** 168.63.129.16, the address of the `AzureLoadBalancer` tag (Learn, "What is IP address 168.63.129.16?"). */
export const AZURE_LOAD_BALANCER: Interval = { lo: 0xa83f8110, hi: 0xa83f8110 };

/** Azure's default rules, last in every NSG (Learn, "Network security groups: default security rules"). */
export const AZURE_DEFAULT_RULES: readonly AzureRule[] = [
  defaultRule('AllowVnetInBound', 'Inbound', 'Allow', 65000, { ...NO_ADDRESSES, virtualNetwork: true }, { ...NO_ADDRESSES, virtualNetwork: true }),
  defaultRule('AllowAzureLoadBalancerInBound', 'Inbound', 'Allow', 65001, { ...NO_ADDRESSES, loadBalancer: true }, { ...NO_ADDRESSES, any: true }),
  defaultRule('DenyAllInBound', 'Inbound', 'Deny', 65500, { ...NO_ADDRESSES, any: true }, { ...NO_ADDRESSES, any: true }),
  defaultRule('AllowVnetOutBound', 'Outbound', 'Allow', 65000, { ...NO_ADDRESSES, virtualNetwork: true }, { ...NO_ADDRESSES, virtualNetwork: true }),
  defaultRule('AllowInternetOutBound', 'Outbound', 'Allow', 65001, { ...NO_ADDRESSES, any: true }, { ...NO_ADDRESSES, internet: true }),
  defaultRule('DenyAllOutBound', 'Outbound', 'Deny', 65500, { ...NO_ADDRESSES, any: true }, { ...NO_ADDRESSES, any: true }),
];

function defaultRule(name: string, direction: 'Inbound' | 'Outbound', access: 'Allow' | 'Deny', priority: number, source: AzureAddresses, destination: AzureAddresses): AzureRule {
  return { id: name, name, direction, access, priority, protocol: '*', source, destination, ports: [{ lo: 0, hi: 65535 }], sourcePortsAll: true, author: AzureRuleAuthor.DEFAULT, offset: -1 };
}

/** Azure network security, read. */
export interface AzureNetwork {
  /** NSGs by key. */
  readonly nsgs: ReadonlyMap<string, AzureNsg>;
  /** The NSG key associated with each subnet, by subnet id in lower case. */
  readonly subnetNsgs: ReadonlyMap<string, string>;
  /** The NSG keys the spec's existing NSGs resolve to, by tier (undefined: the name could not be resolved). */
  readonly existingNsgs: ReadonlyMap<string, string | undefined>;
  /** What could not be read, or would be rejected. */
  readonly problems: readonly NetworkProblem[];
  /** Rules the plan removes (addresses no longer in it after apply), by NSG key. */
  readonly removed?: ReadonlyMap<string, readonly string[]>;
  /**
   * Read from exports: where each tier's hosts are and the NSGs on their path, by tier. When
   * present it replaces the spec's enforcement keys as the map from tiers to NSGs; a tier
   * without an entry has no host the exports show (nothing filters at its end).
   */
  readonly live?: AzureLiveEstate;
}

/** One group of a tier's hosts as exports show them: their addresses and the NSGs on their path. */
export interface AzureHostGroup {
  /** How findings name it: a subnet (`snet-ca`) or a network interface (`nic-ca01`). */
  readonly label: string;
  /** True for one network interface; false for (the rest of) a subnet. */
  readonly interface: boolean;
  /** The hosts' addresses: the tier's part of a subnet, or an interface's addresses. */
  readonly addresses: readonly Interval[];
  /** Keys of the NSGs on the hosts' path in inbound order: the subnet's, then the interface's (outbound is the reverse). */
  readonly nsgs: readonly string[];
  /** What VirtualNetwork holds at these hosts, when their effective rules expand it. */
  readonly virtualNetwork?: readonly Interval[];
  /** What other service tags (lower case, `internet` included) hold at these hosts, when effective rules expand them. */
  readonly tags?: ReadonlyMap<string, readonly Interval[]>;
}

/** What exports add to the network: hosts by tier, ownership, what VirtualNetwork certainly holds. */
export interface AzureLiveEstate {
  /** Each tier's host groups (tiers without hosts are absent). */
  readonly hosts: ReadonlyMap<TierKey, readonly AzureHostGroup[]>;
  /** NSG keys the estate owns: the NSGs it creates (found by name), existing ones it asks to deny by default. */
  readonly owned: ReadonlySet<string>;
  /** NSG keys where the spec asks a deny by default. */
  readonly denyAsked: ReadonlySet<string>;
  /** Tiers the spec gives an enforcement point (subnetIds or an NSG): the only ends where extra traffic is judged. */
  readonly claimed: ReadonlySet<TierKey>;
  /** Addresses certainly in VirtualNetwork: the virtual networks' and their connected peerings' address spaces, the hosts, 168.63.129.16. */
  readonly virtualNetwork: readonly Interval[];
  /** Enforcement points of the spec the live estate lacks (a created NSG on no subnet of its tier). */
  readonly missing: readonly MissingEnforcement[];
}

const ALL_PORTS: Interval = { lo: 0, hi: 65535 };

/** NSG protocols and their IP protocol numbers (the port axis of the `OTHER_PROTOCOLS` question). */
const NUMBERED: Readonly<Record<string, number>> = { esp: 50, ah: 51 };

/**
 * What a rule matches of one protocol question, on the port axis: its ports for TCP and UDP,
 * every ICMP type for `Icmp` or `*` (NSG ports apply to TCP and UDP only), the protocol
 * number for `Esp` and `Ah` (every number for `*`) on the other-protocols question.
 */
export function portsFor(rule: AzureRule, protocol: TrafficProtocol): readonly Interval[] | undefined {
  if (protocol === OTHER_PROTOCOLS) {
    if (rule.protocol === '*') return [ALL_PORTS];
    const n = NUMBERED[rule.protocol];
    return n === undefined ? undefined : [{ lo: n, hi: n }];
  }
  if (rule.protocol !== '*' && rule.protocol !== protocol) return undefined;
  return protocol === Protocol.ICMP ? [ALL_PORTS] : rule.ports;
}

