// `audit` of large live exports (issue 23): an Azure subscription of 1,000 NSGs holding 50,000
// rules and an AWS account of 2,000 security groups, 50,000 rules and 10,000 interfaces, each
// the faithful estate of the audit corpus (test/audit/corpus) inside many other teams' NSGs and
// groups, with hundreds of foreign rules in the estate's own shared NSG or group. Generated
// here, deterministically, never committed. Paired in each round with the floor: a process that
// only reads and `JSON.parse`s the same files (no tool can audit them faster).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BenchConfig, CLI, PROBE } from './config';
import { BenchPlatform, PLATFORMS, REPO_ROOT } from './estates';
import { Row, rowOf } from './results';
import { Contender, runRounds } from './rounds';
import { fresh } from './versus';

/** Section name. */
export const AUDIT_SECTION = 'audit: large exports';

/** Row names. */
export function auditRowName(platform: BenchPlatform, what: 'audit' | 'floor'): string {
  return what === 'audit' ? `${platform} audit` : `${platform} floor: read and JSON.parse the exports`;
}

/** Sizes of the generated estates. */
export interface AuditSizes {
  /** Azure NSGs in all, and rules in all. */
  readonly azureNsgs: number;
  readonly azureRules: number;
  /** AWS groups, rules and interfaces in all. */
  readonly awsGroups: number;
  readonly awsRules: number;
  readonly awsInterfaces: number;
}

type Json = Record<string, any>;
const CASES = join(REPO_ROOT, 'test', 'audit', 'corpus');
const readCase = (id: string): { spec: Json; exports: Record<string, any> } => JSON.parse(readFileSync(join(CASES, `${id}.json`), 'utf8'));

/** An address of the 10.128.0.0/9 block: /24 number `i`, host `h`. */
const octets = (i: number): string => `${10}.${128 + (i >> 8)}.${i & 255}`;

/** The Azure estate of the corpus among `sizes.azureNsgs` NSGs and `sizes.azureRules` rules; export files by name. */
export function azureExports(sizes: AuditSizes): { spec: Json; files: Record<string, unknown> } {
  const c = readCase('az-faithful-list');
  const nsgs = c.exports['nsg-list.json'] as Json[];
  const sub = '/subscriptions/6f1d3c1e-2b7a-4c39-9a55-0d3e8f4b2a10/resourceGroups/rg-apps/providers/Microsoft.Network';
  const extra = sizes.azureNsgs - nsgs.length;
  const base = nsgs.reduce((n, g) => n + g.securityRules.length, 0);
  const foreign = Math.min(500, sizes.azureRules - base);
  const spread = sizes.azureRules - base - foreign;
  const perNsg = (i: number): number => Math.floor(spread / extra) + (i < spread % extra ? 1 : 0);
  const rule = (nsg: string, k: number, direction: 'Inbound' | 'Outbound', source: string, destination: string, priority: number): Json => ({
    access: k % 7 === 0 ? 'Deny' : 'Allow', destinationAddressPrefix: destination, destinationAddressPrefixes: [], destinationPortRange: `${1024 + (k * 37) % 60000}-${1030 + (k * 37) % 60000}`,
    destinationPortRanges: [], direction, id: `${nsg}/securityRules/r${k}`, name: `r${k}`, priority, protocol: k % 3 === 0 ? 'Udp' : 'Tcp',
    provisioningState: 'Succeeded', sourceAddressPrefix: source, sourceAddressPrefixes: [], sourcePortRange: '*', sourcePortRanges: [], type: 'Microsoft.Network/networkSecurityGroups/securityRules',
  });
  // Other teams' rules in the identity team's DC NSG, below the estate's window (3000-3499).
  const dc = nsgs.find((g) => g.name === 'nsg-dc')!;
  for (let k = 0; k < foreign; k++) dc.securityRules.push(rule(dc.id, k, k % 2 ? 'Outbound' : 'Inbound', `192.168.${k % 256}.0/24`, '10.0.0.0/24', 100 + Math.floor(k / 2)));
  const subnets: Json[] = [];
  const nics: Json[] = [];
  for (let i = 0; i < extra; i++) {
    const id = `${sub}/networkSecurityGroups/nsg-app-${i}`;
    const subnetId = `${sub}/virtualNetworks/vnet-apps/subnets/snet-app-${i}`;
    const nicId = `${sub}/networkInterfaces/nic-app-${i}`;
    const rules = Array.from({ length: perNsg(i) }, (_, k) => rule(id, k, k % 4 === 3 ? 'Outbound' : 'Inbound', k % 5 === 0 ? 'VirtualNetwork' : `${octets((i + k) % 32768)}.0/24`, `${octets(i)}.0/24`, 100 + k));
    nsgs.push({ ...dc, defaultSecurityRules: dc.defaultSecurityRules, id, name: `nsg-app-${i}`, resourceGroup: 'rg-apps', securityRules: rules, subnets: [{ id: subnetId, resourceGroup: 'rg-apps' }], networkInterfaces: undefined, tags: {} });
    subnets.push({ addressPrefix: `${octets(i)}.0/24`, delegations: [], id: subnetId, name: `snet-app-${i}`, networkSecurityGroup: { id, resourceGroup: 'rg-apps' },
      ipConfigurations: [{ id: `${nicId}/ipConfigurations/ipconfig1`, resourceGroup: 'rg-apps' }], provisioningState: 'Succeeded', resourceGroup: 'rg-apps', type: 'Microsoft.Network/virtualNetworks/subnets' });
    nics.push({ id: nicId, name: `nic-app-${i}`, resourceGroup: 'rg-apps', type: 'Microsoft.Network/networkInterfaces', provisioningState: 'Succeeded', location: 'westeurope',
      ipConfigurations: [{ id: `${nicId}/ipConfigurations/ipconfig1`, name: 'ipconfig1', primary: true, privateIPAddress: `${octets(i)}.4`, privateIPAddressVersion: 'IPv4',
        privateIPAllocationMethod: 'Dynamic', provisioningState: 'Succeeded', resourceGroup: 'rg-apps', subnet: { id: subnetId, resourceGroup: 'rg-apps' }, type: 'Microsoft.Network/networkInterfaces/ipConfigurations' }] });
  }
  const vnets = c.exports['vnet-list.json'] as Json[];
  vnets.push({ ...vnets[0], addressSpace: { addressPrefixes: ['10.128.0.0/9'] }, id: `${sub}/virtualNetworks/vnet-apps`, name: 'vnet-apps', resourceGroup: 'rg-apps', subnets, virtualNetworkPeerings: [] });
  return { spec: c.spec, files: { ...c.exports, 'subnet-list.vnet-apps.json': subnets, 'nic-list.json': [...c.exports['nic-list.json'], ...nics] } };
}

/** The AWS estate of the corpus among `sizes.awsGroups` groups, `awsRules` rules and `awsInterfaces` interfaces. */
export function awsExports(sizes: AuditSizes): { spec: Json; files: Record<string, unknown> } {
  const c = readCase('aws-faithful');
  const groups = c.exports['describe-security-groups.json'].SecurityGroups as Json[];
  const enis = c.exports['describe-network-interfaces.json'].NetworkInterfaces as Json[];
  const vpc = c.spec.aws.vpcId as string;
  const extra = sizes.awsGroups - groups.length;
  const base = groups.reduce((n, g) => n + g.IpPermissions.length + g.IpPermissionsEgress.length, 0);
  const foreign = Math.min(200, sizes.awsRules - base);
  const spread = sizes.awsRules - base - foreign;
  const perGroup = (i: number): number => Math.floor(spread / extra) + (i < spread % extra ? 1 : 0);
  const permission = (k: number): Json => ({ IpProtocol: k % 3 === 0 ? 'udp' : 'tcp', FromPort: 1024 + (k * 37) % 60000, ToPort: 1030 + (k * 37) % 60000,
    UserIdGroupPairs: [], IpRanges: [{ CidrIp: `${octets((k * 13) % 32768)}.0/24` }], Ipv6Ranges: [], PrefixListIds: [] });
  const dc = groups.find((g) => g.GroupId === c.spec.tiers.dc.securityGroupId)!;
  for (let k = 0; k < foreign; k++) dc.IpPermissions.push(permission(k));
  const id = (prefix: string, i: number): string => `${prefix}-${(0x1000000000 + i).toString(16).padStart(17, '0')}`;
  for (let i = 0; i < extra; i++) {
    const rules = Array.from({ length: perGroup(i) }, (_, k) => permission(i + k));
    groups.push({ GroupId: id('sg', i), GroupName: `app-${i}`, Description: `app ${i}`, OwnerId: '111122223333', VpcId: vpc,
      IpPermissions: rules.filter((_, k) => k % 5 !== 4), IpPermissionsEgress: rules.filter((_, k) => k % 5 === 4) });
  }
  for (let i = 0; enis.length < sizes.awsInterfaces; i++) {
    const host = `${octets(i >> 6)}.${4 + (i & 63)}`;
    enis.push({ ...enis[enis.length - 1], NetworkInterfaceId: id('eni', i), PrivateIpAddress: host, PrivateIpAddresses: [{ Primary: true, PrivateIpAddress: host }],
      SubnetId: id('subnet', i >> 6), Groups: [0, 1].slice(0, 1 + (i % 2)).map((g) => ({ GroupId: id('sg', (i + g * 7) % extra), GroupName: `app-${(i + g * 7) % extra}` })) });
  }
  return { spec: c.spec, files: c.exports };
}

/** `audit` of both large estates and the parse floor, interleaved round by round. */
export function measureAudit(cfg: BenchConfig, sizes: AuditSizes, tmp: string, log: (line: string) => void): Row[] {
  const work = fresh(join(tmp, 'audit'));
  const contenders: Contender[] = [];
  const sizesOf: Record<string, Partial<Row>> = {};
  for (const platform of PLATFORMS) {
    const { spec, files } = platform === 'azure' ? azureExports(sizes) : awsExports(sizes);
    const specFile = join(work, `${platform}-spec.json`);
    writeFileSync(specFile, JSON.stringify(spec));
    const paths = Object.entries(files).map(([name, value]) => {
      const file = join(work, `${platform}-${name}`);
      writeFileSync(file, JSON.stringify(value, null, platform === 'azure' ? 2 : 4));
      return file;
    });
    const size = platform === 'azure' ? sizes.azureRules : sizes.awsRules;
    sizesOf[auditRowName(platform, 'audit')] = { size, rules: size };
    contenders.push({ name: auditRowName(platform, 'audit'), command: `adcs-firewall audit --spec ${platform}-spec.json ${Object.keys(files).map((f) => `--export ${f}`).join(' ')}`,
      script: CLI, args: ['audit', '--spec', specFile, ...paths.flatMap((p) => ['--export', p]), '--format', 'json'], opts: { cwd: work }, budgetMs: cfg.checkBudgetMs * 4 });
    contenders.push({ name: auditRowName(platform, 'floor'), command: `node parse-floor.js ${Object.keys(files).join(' ')}`, script: join(PROBE, 'parse-floor.js'), args: paths, opts: { cwd: work } });
  }
  log(`${AUDIT_SECTION} (${contenders.length} contenders) ...`);
  return runRounds(contenders, cfg.rounds, log).map((r) => rowOf(AUDIT_SECTION, r, sizesOf[r.contender.name] ?? {}));
}
