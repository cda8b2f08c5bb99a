import type { HostSettings } from './host-settings';
import { CesAuthentication, ClientDirectory, CrlPublishing, OsGeneration } from './options';
import { PortRange } from './port-range';
import { Protocol } from './protocol';
import { TierKey, tierOrdinal } from './tiers';

/**
 * Where a tier's rules are enforced: data of the estate's platform (an NSG for subnets, an
 * existing security group, ...), which only that platform's code reads. `none` when nothing of
 * the estate enforces the tier's rules (its flows are then enforced at their other end).
 */
export interface Enforcement {
  /** `none`, or the platform's kind of enforcement point (`azureSubnets`, `awsExistingGroup`, ...). */
  readonly kind: string;
  /**
   * The alias of the Terraform provider configuration the enforcement point (and every rule
   * written to it) lives under (`identity`: `provider = "azurerm.identity"`); absent: the
   * platform provider's default configuration.
   */
  readonly provider?: string;
}

/** A tier without an enforcement point of its own. */
export const NO_ENFORCEMENT: Enforcement = { kind: 'none' };

/** One instance of a CES or CEP web service: its HTTPS port and client authentication. */
export interface WebServiceInstance {
  /** TCP port clients connect to (443 unless the instance was installed on another). */
  readonly port: number;
  /** How clients authenticate to this instance. */
  readonly authentication: CesAuthentication;
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
  /**
   * CES and CEP only: the web service instances, sorted by port then authentication (default one
   * on 443). Two instances may share a port (one IIS site, one HTTPS binding), never a port and
   * an authentication.
   */
  readonly instances?: readonly WebServiceInstance[];
}

/** A flow the catalogue doesn't have, declared by the user. */
export interface CustomFlowSpec {
  /** Stable id, unique in the estate (`custom:` + the given name or one derived from content). */
  readonly id: string;
  /** Source tier. */
  readonly from: TierKey;
  /** Destination tier. */
  readonly to: TierKey;
  /** IP protocol. */
  readonly protocol: Protocol;
  /** Destination ports, normalized; empty for ICMP (every type). */
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
  /** Default client authentication of CES/CEP instances that do not name one. */
  readonly cesAuthentication: CesAuthentication;
  /** The DCs enroll for their own certificates with this CA over DCOM (`dc-enroll-dcom`). */
  readonly dcEnrollment: boolean;
  /** Which directory ports clients get (`client-directory`). */
  readonly clientDirectory: ClientDirectory;
  /** Emit the domain-member baseline (`member` row). */
  readonly domainMemberFlows: boolean;
  /** How the CA publishes CRLs to the CDP tier. */
  readonly crlPublishing: CrlPublishing;
  /** SCEP over TCP 80 as well as 443. */
  readonly ndesHttp: boolean;
  /** The Online Responders auto-enroll for their OCSP signing certificates over DCOM (`ocsp-dcom`). */
  readonly ocspAutoEnroll: boolean;
  /** Opt-in: SMB 445 from the admins to the CA (`ca-smb`). */
  readonly caSmb: boolean;
  /** Opt-in: the Online Responder Management console from the admins over DCOM (`ocsp-admin-dcom`). */
  readonly ocspRemoteAdmin: boolean;
  /** Opt-in: the CA calls a separate Web Enrollment host back over RPC (`web-callback`). */
  readonly webEnrollmentCallback: boolean;
  /** Present tiers, keyed by tier. */
  readonly tiers: Readonly<Partial<Record<TierKey, EstateTier>>>;
  /** User-declared flows. */
  readonly customFlows: readonly CustomFlowSpec[];
  /** What the host script may change on each server (`host` block); the defaults when absent (`hostSettingsOf`). */
  readonly host?: HostSettings;
}

/** True when the estate has the tier. */
export function hasTier(estate: Estate, key: TierKey): boolean {
  return estate.tiers[key] !== undefined;
}

/** The web service instances of a CES or CEP tier (empty when the tier is absent). */
export function instancesOf(estate: Estate, key: 'ces' | 'cep'): readonly WebServiceInstance[] {
  return estate.tiers[key]?.instances ?? [];
}

/** True when a present CES or CEP tier has an instance with this authentication. */
export function hasInstanceWith(estate: Estate, key: 'ces' | 'cep', authentication: CesAuthentication): boolean {
  return instancesOf(estate, key).some((i) => i.authentication === authentication);
}

/** The present tiers, in canonical order. */
export function presentTiers(estate: Estate): EstateTier[] {
  return Object.values(estate.tiers)
    .filter((t): t is EstateTier => t !== undefined)
    .sort((a, b) => tierOrdinal(a.key) - tierOrdinal(b.key));
}
