import { join } from 'node:path';
import type { EstateProps } from '../lib/input/props';

/** The two platforms the bench measures. */
export type BenchPlatform = 'azure' | 'aws';

/** Both platforms, in report order. */
export const PLATFORMS: readonly BenchPlatform[] = ['azure', 'aws'];

/** Repository root (this file runs from dist/bench). */
export const REPO_ROOT = join(__dirname, '..', '..');

/** The example spec of each platform. */
export const EXAMPLE_SPECS: Readonly<Record<BenchPlatform, string>> = {
  azure: join(REPO_ROOT, 'examples', 'azure-estate.yaml'),
  aws: join(REPO_ROOT, 'examples', 'aws-estate.yaml'),
};

/** AWS's ceiling of rules per security group and direction; the bench's estates raise the quota to it. */
export const AWS_MAX_RULE_QUOTA = 1000;

/** Name of the one stack of the scale app. */
export const SCALE_STACK = 'scale';

/** Client CIDR counts of the CIDR series (one site). */
export const CIDR_SERIES: readonly number[] = [1, 10, 100, 1000];

/** Site counts of the sites series. */
export const SITE_SERIES: readonly number[] = [1, 10, 50];

/** Client CIDRs of every site in the sites series. */
export const CIDRS_PER_SITE = 10;

/** One estate size of the scale series: `sites` estates of `cidrsPerSite` client CIDRs each, in one stack. */
export interface ScaleSize {
  /** Platform of every site. */
  readonly platform: BenchPlatform;
  /** Number of sites (AdcsEnrollmentSecurity constructs) in the stack. */
  readonly sites: number;
  /** Client CIDRs of each site. */
  readonly cidrsPerSite: number;
}

/**
 * The `i`-th client CIDR: a /24 at an even third octet (10.64.0.0/24, 10.64.2.0/24, ...), so
 * no two are adjacent and exact aggregation cannot merge them. Distinct for i < 24,448.
 */
export function clientCidr(i: number): string {
  return `10.${64 + Math.floor(i / 128)}.${(i % 128) * 2}.0/24`;
}

/** Two-digit site label: `s01`. */
function label(site: number): string {
  return `s${String(site + 1).padStart(2, '0')}`;
}

/** Azure subnet id of a site's subnet. */
function subnet(site: number, name: string): string {
  return `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-hub-${label(site)}`
    + `/providers/Microsoft.Network/virtualNetworks/vnet-hub-${label(site)}/subnets/${name}`;
}

/**
 * The props of site `site` (0-based, < 64): shaped like the example estate of the platform
 * (CA, CES and CEP on created NSGs or groups, CES and CEP sharing hosts, DCs on an existing
 * NSG or group, admins known by CIDR, one custom flow), its own addresses (10.<site>.x.x),
 * and `cidrs` client CIDRs numbered from `firstClient`.
 */
export function siteProps(platform: BenchPlatform, site: number, cidrs: number, firstClient: number): EstateProps {
  const net = (third: number, prefix: number): string[] => [`10.${site}.${third}.0/${prefix}`];
  const clients = { cidrs: Array.from({ length: cidrs }, (_, j) => clientCidr(firstClient + j)) };
  const common = {
    name: `pki-${label(site)}`,
    dcomPort: 10509,
    customFlows: [{ name: 'rdp-paw', from: 'admins', to: 'ca', protocol: 'tcp', ports: ['3389'], purpose: 'RDP from the PAWs to the CA' }],
  };
  if (platform === 'azure') {
    return {
      ...common,
      platform: 'azure',
      crlPublishing: 'smb',
      azure: { resourceGroupName: `rg-pki-${label(site)}`, location: 'westeurope', tags: { owner: 'pki-team' } },
      tiers: {
        clients,
        ca: { cidrs: net(1, 27), subnetIds: [subnet(site, 'snet-pki-ca')] },
        ces: { cidrs: net(2, 27), subnetIds: [subnet(site, 'snet-pki-web')] },
        cep: { cidrs: net(2, 27), subnetIds: [subnet(site, 'snet-pki-web')] },
        cdp: { cidrs: net(3, 28), subnetIds: [subnet(site, 'snet-pki-cdp')] },
        dc: { cidrs: net(0, 27), networkSecurityGroup: { name: `nsg-identity-dc-${label(site)}`, resourceGroupName: 'rg-identity', priorityRange: '3000-3499' } },
        admins: { cidrs: net(9, 28) },
      },
    } as unknown as EstateProps;
  }
  return {
    ...common,
    platform: 'aws',
    aws: { vpcId: 'vpc-0a1b2c3d4e5f67890', region: 'us-east-1', ruleQuota: AWS_MAX_RULE_QUOTA, tags: { owner: 'pki-team' } },
    tiers: {
      clients,
      ca: { cidrs: net(1, 28), createSecurityGroup: true },
      ces: { cidrs: net(2, 27), createSecurityGroup: true },
      cep: { cidrs: net(2, 27), createSecurityGroup: true },
      dc: { cidrs: net(0, 26), securityGroupId: `sg-${(0x0123456789a0 + site).toString(16).padStart(17, '0')}` },
      admins: { cidrs: net(9, 28) },
    },
  } as unknown as EstateProps;
}

/** The props of every site of a scale size (client CIDRs numbered across sites, all distinct). */
export function scaleProps(size: ScaleSize): EstateProps[] {
  return Array.from({ length: size.sites }, (_, s) => siteProps(size.platform, s, size.cidrsPerSite, s * size.cidrsPerSite));
}

/** Client CIDR counts of a platform's CIDR series: the common ones plus `extra` (sorted, distinct). */
export function cidrSeries(extra: readonly number[] = []): number[] {
  return [...new Set([...CIDR_SERIES, ...extra])].sort((a, b) => a - b);
}

/**
 * Every size the bench measures, per platform: the CIDR series (one site; `extraCidrs` adds
 * counts to a platform's series) then the sites series; the 1-site point is shared.
 */
export function scaleSizes(extraCidrs: Partial<Record<BenchPlatform, readonly number[]>> = {}): ScaleSize[] {
  const out: ScaleSize[] = [];
  for (const platform of PLATFORMS) {
    for (const cidrsPerSite of cidrSeries(extraCidrs[platform])) out.push({ platform, sites: 1, cidrsPerSite });
    for (const sites of SITE_SERIES) {
      if (!out.some((s) => s.platform === platform && s.sites === sites && s.cidrsPerSite === CIDRS_PER_SITE)) {
        out.push({ platform, sites, cidrsPerSite: CIDRS_PER_SITE });
      }
    }
  }
  return out;
}
