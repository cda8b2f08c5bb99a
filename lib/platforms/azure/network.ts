import { Interval } from '../../util/intervals';
import type { NetworkProblem } from '../evaluator';

/**
 * Azure network security as the evaluator judges it, whatever it was read from (Terraform JSON
 * today, an `az network` export tomorrow): NSGs with their rules, and which NSG guards which
 * subnet. Addresses keep Azure's service tags as symbols: what `VirtualNetwork` holds is not
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
}
