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

/** `count` client CIDRs numbered from `first` (never adjacent: see clientCidr). */
export function clientCidrs(count: number, first = 0): string[] {
  return Array.from({ length: count }, (_, j) => clientCidr(first + j));
}

/**
 * The props of site `site` (0-based, < 256): shaped like the example estate of the platform
 * (CA, CES and CEP on created NSGs or groups, CES and CEP sharing hosts, DCs on an existing
 * NSG or group, admins known by CIDR, one custom flow), its own addresses (a /20 of
 * 172.16.0.0/12, away from the clients' 10.64.0.0/10), and the given client CIDRs (default:
 * `cidrs` of them numbered from `firstClient`).
 */
export function siteProps(platform: BenchPlatform, site: number, cidrs: number, firstClient: number, clientList?: readonly string[]): EstateProps {
  const net = (third: number, prefix: number): string[] => [`172.${16 + Math.floor(site / 16)}.${(site % 16) * 16 + third}.0/${prefix}`];
  const clients = { cidrs: clientList ? [...clientList] : clientCidrs(cidrs, firstClient) };
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

