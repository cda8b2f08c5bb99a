import { CesAuthentication, CrlPublishing, OsGeneration } from './options';
import { PortRange } from './port-range';
import { Protocol } from './protocol';
import { TierKey, tierOrdinal } from './tiers';

/**
 * Where a tier's rules are enforced. Plain data: the model never looks at it, the platform
 * renderers do.
 */
export type Enforcement =
  | { readonly kind: 'none' }
  /** Azure: the library creates an NSG and associates it with these subnets. */
  | { readonly kind: 'azureSubnets'; readonly subnetIds: readonly string[]; readonly nsgName?: string }
  /** Azure: the library adds rules to an NSG that exists already. */
  | {
    readonly kind: 'azureExistingNsg';
    readonly name: string;
    readonly resourceGroupName: string;
    readonly priorityWindow?: PriorityWindow;
    readonly denyByDefault: boolean;
  }
  /** AWS: the library creates a security group in the estate's VPC. */
  | { readonly kind: 'awsCreateGroup'; readonly groupName?: string }
  /** AWS: the library adds rules to a security group that exists already. */
  | { readonly kind: 'awsExistingGroup'; readonly securityGroupId: string };

/** Azure NSG priorities the library may use, both ends included. */
export interface PriorityWindow {
  /** Lowest (first evaluated) priority. */
  readonly first: number;
  /** Highest priority; the deny-by-default rule takes it. */
  readonly last: number;
}

/** One tier of a validated estate. */
export interface EstateTier {
  /** Which tier. */
  readonly key: TierKey;
  /** Canonical IPv4 CIDRs, sorted, duplicates removed. */
  readonly cidrs: readonly string[];
  /** Overrides the estate's OS generation for this tier's servers. */
  readonly osGeneration?: OsGeneration;
  /** Overrides every other source of this tier's RPC dynamic range. */
  readonly rpcDynamicPorts?: PortRange;
  /** Where this tier's rules live. */
  readonly enforcement: Enforcement;
}

/** A flow the catalogue doesn't have, declared by the user. */
export interface CustomFlowSpec {
  /** Stable id, unique in the estate (`custom:` + the given name or one derived from content). */
  readonly id: string;
  /** Source tier. */
  readonly from: TierKey;
  /** Destination tier. */
  readonly to: TierKey;
  /** Transport protocol. */
  readonly protocol: Protocol;
  /** Destination ports, normalized. */
  readonly ports: readonly PortRange[];
  /** Why the flow exists (shown in every output). */
  readonly purpose: string;
  /** Where it is documented. */
  readonly reference: string;
}

/** A validated AD CS estate: what the flow model reads. */
export interface Estate {
  /** Stack / estate name. */
  readonly name: string;
  /** OS generation of every tier that doesn't override it. */
  readonly osGeneration: OsGeneration;
  /** Estate-wide RPC dynamic range override (tiers may override it in turn). */
  readonly rpcDynamicPorts?: PortRange;
  /** Static DCOM port of the CA, when pinned. */
  readonly dcomPort?: number;
  /** Clients enroll directly with the CA over DCOM. */
  readonly directEnrollment: boolean;
  /** CES/CEP client authentication. */
  readonly cesAuthentication: CesAuthentication;
  /** Emit the domain-member baseline (`member` row). */
  readonly domainMemberFlows: boolean;
  /** How the CA publishes CRLs to the CDP tier. */
  readonly crlPublishing: CrlPublishing;
  /** SCEP over TCP 80 as well as 443. */
  readonly ndesHttp: boolean;
  /** Present tiers, keyed by tier. */
  readonly tiers: Readonly<Partial<Record<TierKey, EstateTier>>>;
  /** User-declared flows. */
  readonly customFlows: readonly CustomFlowSpec[];
}

/** True when the estate has the tier. */
export function hasTier(estate: Estate, key: TierKey): boolean {
  return estate.tiers[key] !== undefined;
}

/** The present tiers, in canonical order. */
export function presentTiers(estate: Estate): EstateTier[] {
  return Object.values(estate.tiers)
    .filter((t): t is EstateTier => t !== undefined)
    .sort((a, b) => tierOrdinal(a.key) - tierOrdinal(b.key));
}
