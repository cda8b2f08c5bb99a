import { WriteRpcRange } from '../model/host-settings';
import { CesAuthentication, ClientDirectory, CrlPublishing, OsGeneration, Platform } from '../model/options';
import { Protocol } from '../model/protocol';

/**
 * A Terraform provider configuration of the user's, as the construct takes it: a
 * `TerraformProvider` of the stack (your provider package's class, or `AdcsProvider`) whose
 * provider is the estate platform's (azurerm or aws). Only its name and alias are read; the
 * construct creates no provider. In a spec file, a `provider` key names a configuration under
 * `azure.providers` or `aws.providers` instead.
 */
export interface TerraformProviderProps {
  /** The provider's name, `azurerm` or `aws` (every `TerraformProvider` has it). */
  readonly terraformResourceType: string;
  /**
   * The configuration's alias: resources given the provider are written with
   * `provider = "<name>.<alias>"`.
   * @default - the default configuration (resources then carry no provider argument)
   */
  readonly alias?: string;
}

/** An Azure NSG that exists already; the library adds its rules to it. */
export interface ExistingNsgProps {
  /** NSG name. */
  readonly name: string;
  /** Resource group of the NSG. */
  readonly resourceGroupName: string;
  /**
   * Priorities the library may use in this NSG, `"N-M"` within 100-4096 (leave the rest to the
   * rules the NSG already holds).
   * @default - `azure.priorityRange`
   */
  readonly priorityRange?: string;
  /**
   * Add a Deny from `VirtualNetwork` at the end of the window, overriding AllowVnetInBound.
   * @default false
   */
  readonly denyByDefault?: boolean;
}

/** One instance of the CES or CEP web service (each install has its own port and authentication). */
export interface WebServiceInstanceProps {
  /** TCP port clients connect to, 1-65535 (443, or a custom port such as key-based renewal's). */
  readonly port: number;
  /**
   * How clients authenticate to this instance (its `-AuthenticationType`).
   * @default - the estate's `cesAuthentication`
   */
  readonly authentication?: CesAuthentication;
}

/** One tier of the estate: its addresses, OS generation and enforcement point. */
export interface TierProps {
  /** IPv4 CIDRs of the tier's hosts (canonical network addresses). */
  readonly cidrs: string[];
  /**
   * OS generation of this tier's servers.
   * @default - the estate's `osGeneration`
   */
  readonly osGeneration?: OsGeneration;
  /**
   * This tier's RPC dynamic range, `"N-M"` within 1024-65535.
   * @default - from `osGeneration`, then the estate's `rpcDynamicPorts`
   */
  readonly rpcDynamicPorts?: string;
  /**
   * Azure: subnets of the tier; the library creates an NSG and associates it with each.
   * @default - no NSG is created
   */
  readonly subnetIds?: string[];
  /**
   * Azure: name of the NSG created for `subnetIds`.
   * @default `<name>-<tier>-nsg`
   */
  readonly nsgName?: string;
  /**
   * Azure: an existing NSG to add the tier's rules to.
   * @default - none
   */
  readonly networkSecurityGroup?: ExistingNsgProps;
  /**
   * AWS: create a security group for the tier in `aws.vpcId`.
   * @default false
   */
  readonly createSecurityGroup?: boolean;
  /**
   * AWS: name of the created security group.
   * @default `<name>-<tier>`
   */
  readonly securityGroupName?: string;
  /**
   * AWS: an existing security group (`sg-…`) to add the tier's rules to.
   * @default - none
   */
  readonly securityGroupId?: string;
  /**
   * The provider configuration the tier's NSG or security group (and every rule written to it)
   * lives under: another subscription, account or region (a landing zone's identity
   * subscription, a shared-services account). In the construct your `TerraformProvider`; in a
   * spec the name of a configuration under `azure.providers` / `aws.providers`.
   * @default - the estate's `provider`
   */
  readonly provider?: TerraformProviderProps;
  /**
   * CES and CEP only: the web service instances, at most 8. Two may share a port (one site and
   * HTTPS binding, as for key-based renewal), never a port and an authentication.
   * @default - one instance on 443 with the estate's `cesAuthentication`
   */
  readonly instances?: WebServiceInstanceProps[];
}

/** The estate's tiers; `clients`, `ca` and `dc` are required. */
export interface TiersProps {
  /** Machines and users that request certificates. */
  readonly clients: TierProps;
  /** Enterprise issuing CAs. */
  readonly ca: TierProps;
  /** Domain controllers. */
  readonly dc: TierProps;
  /** Certificate Enrollment Web Service hosts. @default - absent */
  readonly ces?: TierProps;
  /** Certificate Enrollment Policy Web Service hosts. @default - absent */
  readonly cep?: TierProps;
  /** CA Web Enrollment hosts. @default - absent */
  readonly webEnrollment?: TierProps;
  /** NDES (SCEP) hosts. @default - absent */
  readonly ndes?: TierProps;
  /** Devices that enroll through NDES. @default - absent */
  readonly ndesClients?: TierProps;
  /** Online Responders. @default - absent */
  readonly ocsp?: TierProps;
  /** CRL / AIA publication servers. @default - absent */
  readonly cdp?: TierProps;
  /** PKI administration workstations. @default - absent */
  readonly admins?: TierProps;
  /**
   * Domain controllers of account forests whose users and computers enroll with this CA across a
   * two-way forest trust (cross-forest enrollment). The same keys as `dc`; its RPC dynamic range is
   * its own. Rules are written at its end only where it names an enforcement point.
   * @default - absent
   */
  readonly accountDc?: TierProps;
}

/** A flow the catalogue doesn't have (RDP from admins, monitoring, backup). */
export interface CustomFlowProps {
  /**
   * Short name, unique among custom flows; the flow's id is `custom:<name>`.
   * @default - derived from from, to, protocol and ports
   */
  readonly name?: string;
  /** Source tier key. */
  readonly from: string;
  /** Destination tier key. */
  readonly to: string;
  /** `tcp`, `udp` or `icmp` (every ICMP type, no ports). */
  readonly protocol: Protocol;
  /**
   * Destination ports, each `"N"` or `"N-M"`; required for TCP and UDP, refused for ICMP.
   * @default - none (ICMP)
   */
  readonly ports?: string[];
  /** Why the flow exists. */
  readonly purpose: string;
  /**
   * Where it is documented.
   * @default 'custom flow'
   */
  readonly reference?: string;
}

/** An acknowledged finding: a warning or a check finding a reviewer accepts, with the reason. */
export interface AcknowledgementProps {
  /** The rule (`ADCS-W004`, `ADCS-C003`): a warning or check rule of the README's table. */
  readonly ruleId: string;
  /** Why the finding is accepted: a reason a reviewer reads (required, not empty). */
  readonly reason: string;
  /**
   * Only findings about this tier.
   * @default - every tier
   */
  readonly tier?: string;
  /**
   * Only findings about this flow (`enroll-dcom`, `custom:rdp-paw`).
   * @default - every flow
   */
  readonly flow?: string;
  /**
   * Only findings about this resource (a Terraform address, `azurerm_network_security_rule.x`).
   * @default - every resource
   */
  readonly resource?: string;
}

/** A configuration of the azurerm provider the CLI declares (spec files only; the construct takes your provider). */
export interface AzureProviderConfigurationProps {
  /**
   * The subscription it works in: a GUID, or a Terraform expression.
   * @default - the provider's own resolution (ARM_SUBSCRIPTION_ID)
   */
  readonly subscriptionId?: string;
  /**
   * The tenant: a GUID, or a Terraform expression.
   * @default - the provider's own resolution (ARM_TENANT_ID)
   */
  readonly tenantId?: string;
}

/** A configuration of the aws provider the CLI declares (spec files only; the construct takes your provider). */
export interface AwsProviderConfigurationProps {
  /**
   * Its region.
   * @default - the provider's own resolution (AWS_REGION)
   */
  readonly region?: string;
  /**
   * A role to assume (another account): `arn:aws:iam::<account>:role/<name>`, or a Terraform expression.
   * @default - no role is assumed
   */
  readonly assumeRoleArn?: string;
  /**
   * The session name of the assumed role.
   * @default - the provider's
   */
  readonly assumeRoleSessionName?: string;
  /**
   * The external id the role's trust policy asks for.
   * @default - none
   */
  readonly assumeRoleExternalId?: string;
  /**
   * A named profile of the shared credentials file.
   * @default - the provider's own resolution
   */
  readonly profile?: string;
}

/** Azure settings of an estate. */
export interface AzureSettingsProps {
  /** Resource group of the NSGs the library creates. */
  readonly resourceGroupName: string;
  /** Azure region of the NSGs the library creates. */
  readonly location: string;
  /**
   * Priorities the library uses in each NSG, `"N-M"` within 100-4096; the deny-by-default
   * rule takes the last one.
   * @default '100-4096'
   */
  readonly priorityRange?: string;
  /**
   * NSGs the library creates deny other inbound traffic from the network.
   * @default true
   */
  readonly denyByDefault?: boolean;
  /**
   * Tags on the NSGs the library creates.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
  /**
   * Spec files only: named configurations of the azurerm provider (`identity: { subscriptionId }`)
   * that `synth` declares with their alias and tiers name in `provider`.
   * @default - none (only the default configuration)
   */
  readonly providers?: { [alias: string]: AzureProviderConfigurationProps };
}

/** AWS settings of an estate. */
export interface AwsSettingsProps {
  /** VPC of the security groups the library creates. */
  readonly vpcId: string;
  /**
   * Region for the `aws` provider the CLI declares.
   * @default - the provider's own resolution (AWS_REGION)
   */
  readonly region?: string;
  /**
   * Inbound (and outbound) rules allowed per security group.
   * @default 60
   */
  readonly ruleQuota?: number;
  /**
   * Give created groups an allow-all egress rule (AWS's default, which Terraform removes).
   * @default false
   */
  readonly allowAllEgress?: boolean;
  /**
   * Tags on the groups and rules the library creates.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
  /**
   * Spec files only: named configurations of the aws provider (`shared: { region, assumeRoleArn }`)
   * that `synth` declares with their alias and tiers name in `provider`.
   * @default - none (only the default configuration)
   */
  readonly providers?: { [alias: string]: AwsProviderConfigurationProps };
}

/** An AD CS estate: the spec file's shape, and the construct's props. */
export interface EstateProps {
  /**
   * Stack / estate name; prefixes every created name.
   * @default 'adcs'
   */
  readonly name?: string;
  /**
   * Target platform.
   * @default - the platform whose settings block (`azure` or `aws`) is given
   */
  readonly platform?: Platform;
  /** @default OsGeneration.MODERN */
  readonly osGeneration?: OsGeneration;
  /**
   * One range replacing the dynamic range, `"N-M"` within 1024-65535.
   * @default - from `osGeneration`
   */
  readonly rpcDynamicPorts?: string;
  /**
   * The CA's static DCOM port (1024-65535).
   * @default - the CA's dynamic range
   */
  readonly dcomPort?: number;
  /** Clients enroll with the CA over DCOM. @default true */
  readonly directEnrollment?: boolean;
  /** Client authentication of CES/CEP instances that do not name one. @default CesAuthentication.KERBEROS */
  readonly cesAuthentication?: CesAuthentication;
  /** The DCs enroll for their own certificates with this CA over DCOM. @default true */
  readonly dcEnrollment?: boolean;
  /** Directory ports for clients: `full` (DIRECTORY) or `minimal` (no LDAPS, no GC over TLS). @default ClientDirectory.FULL */
  readonly clientDirectory?: ClientDirectory;
  /** Emit the domain-member baseline toward the DCs. @default false */
  readonly domainMemberFlows?: boolean;
  /** @default CrlPublishing.NONE */
  readonly crlPublishing?: CrlPublishing;
  /** SCEP over TCP 80 as well as 443. @default false */
  readonly ndesHttp?: boolean;
  /**
   * The Online Responders auto-enroll for their OCSP signing certificates over DCOM
   * (`ocsp-dcom`); false when the signing certificates are enrolled by hand.
   * @default true
   */
  readonly ocspAutoEnroll?: boolean;
  /**
   * Opt-in `ca-smb`: SMB (TCP 445) from the admins to the CA (the CertEnroll share, CRL and
   * backup copies, `\PIPE\cert`). Little documented by Microsoft; needs `tiers.admins`.
   * @default false
   */
  readonly caSmb?: boolean;
  /**
   * Opt-in `ocsp-admin-dcom`: the Online Responder Management console from the admins (TCP 135
   * and the Online Responders' RPC dynamic range). Microsoft documents no remote-management
   * configuration for Windows Server 2025; needs `tiers.admins` and `tiers.ocsp`.
   * @default false
   */
  readonly ocspRemoteAdmin?: boolean;
  /**
   * Opt-in `web-callback`: the CA calls a separate Web Enrollment host back over RPC (TCP 135 and
   * the Web Enrollment hosts' RPC dynamic range). One practitioner's report, unverified by
   * Microsoft; needs `tiers.webEnrollment`.
   * @default false
   */
  readonly webEnrollmentCallback?: boolean;
  /**
   * The provider configuration of every enforcement point whose tier names none (all of the
   * estate in another subscription or account): your `TerraformProvider` in the construct, a
   * configuration's name in a spec.
   * @default - the platform provider's default configuration
   */
  readonly provider?: TerraformProviderProps;
  /** Azure settings. @default - not an Azure estate */
  readonly azure?: AzureSettingsProps;
  /** AWS settings. @default - not an AWS estate */
  readonly aws?: AwsSettingsProps;
  /** The tiers. */
  readonly tiers: TiersProps;
  /** Flows the catalogue doesn't have. @default - none */
  readonly customFlows?: CustomFlowProps[];
  /**
   * Findings a reviewer accepts, each with its reason: they stay in every report, marked
   * acknowledged, and no longer fail a run.
   * @default - none
   */
  readonly acknowledgements?: AcknowledgementProps[];
  /**
   * What the `host` command's script may change on each server. Every default is the safe choice.
   * @default - every key's default
   */
  readonly host?: HostProps;
}

/** The spec's `host` block: what the `host` command's script may change on each server. */
export interface HostProps {
  /**
   * Where the script writes the machine-wide RPC port range (`HKLM\SOFTWARE\Microsoft\Rpc\Internet`
   * `Ports`, `PortsInternetAvailable`, `UseInternetPorts`, then a reboot; KB 154596), which
   * restricts every RPC server of the machine: `none`, `ca` (the CA, when it is not pinned with
   * `dcomPort`) or `caAndDc` (also the DCs; KB 224196 sets static ports per service instead).
   * Never on any other tier. Where it is not written, the script reads the host's range and
   * warns when it differs from the tier's range in the spec.
   * @default WriteRpcRange.NONE
   */
  readonly writeRpcRange?: WriteRpcRange;
  /**
   * The unpinned CA's DCOM rule opens `-LocalPort RPC` (the ports the endpoint mapper hands
   * out) bound to certsrv.exe instead of the numeric range. A pinned CA keeps its one port.
   * @default false
   */
  readonly rpcKeyword?: boolean;
  /**
   * Disable the predefined rule group "Certification Authority" on the CA, and the IIS groups
   * "World Wide Web Services (HTTP)" / "Secure World Wide Web Services (HTTPS)" on tiers whose
   * port 80 / 443 the estate's rules open. Never a DC's group (reported only). The script
   * records what it disables and enables it again when the option is turned off.
   * @default false
   */
  readonly disablePredefinedRules?: boolean;
}
