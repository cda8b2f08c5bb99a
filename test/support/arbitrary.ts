import fc from 'fast-check';
import { EstateProps, TierProps } from '../../lib/input/props';
import { TierKey } from '../../lib/model/tiers';
import { subnet } from './estates';
import { estateProps, flowProps, hostProps, tiersProps } from './fixtures';

const OPTIONAL: TierKey[] = ['ces', 'cep', 'webEnrollment', 'ndes', 'ndesClients', 'ocsp', 'cdp', 'admins', 'accountDc'];

/** How a random tier is enforced on Azure. */
type AzureMode = 'subnets' | 'existing' | 'none';

/** A random valid Azure estate: random optional tiers, addresses, enforcement points and options. */
export function azureEstate(): fc.Arbitrary<EstateProps> {
  return fc.record({
    optional: fc.subarray(OPTIONAL),
    modes: fc.array(fc.constantFrom<AzureMode>('subnets', 'existing', 'none'), { minLength: 12, maxLength: 12 }),
    clientCidrs: fc.uniqueArray(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 6 }),
    legacy: fc.boolean(),
    dcLegacy: fc.boolean(),
    rpc: fc.option(fc.integer({ min: 1024, max: 60000 }), { nil: undefined }),
    dcom: fc.option(fc.integer({ min: 1024, max: 65535 }), { nil: undefined }),
    directEnrollment: fc.boolean(),
    auth: fc.constantFrom('kerberos', 'usernamePassword', 'certificate'),
    member: fc.boolean(),
    smb: fc.boolean(),
    ndesHttp: fc.boolean(),
    deny: fc.boolean(),
    rdp: fc.boolean(),
    dcEnrollment: fc.boolean(),
    minimalDirectory: fc.boolean(),
    ping: fc.boolean(),
    // v2.1: responders enrolled by hand, the opt-in rows, the account forest's own RPC range
    ocspAutoEnroll: fc.option(fc.boolean(), { nil: undefined }),
    caSmb: fc.boolean(),
    ocspRemoteAdmin: fc.boolean(),
    webEnrollmentCallback: fc.boolean(),
    accountDcRange: fc.option(fc.constantFrom<'legacy' | 'narrow'>('legacy', 'narrow'), { nil: undefined }),
    // a second CES/CEP instance on a custom port, with its own authentication
    secondInstance: fc.option(fc.record({ port: fc.integer({ min: 1024, max: 65535 }), auth: fc.constantFrom('kerberos', 'usernamePassword', 'certificate') }), { nil: undefined }),
  }).map((r) => {
    const keys: TierKey[] = ['clients', 'ca', 'dc', ...r.optional];
    const tiers: Record<string, TierProps> = {};
    keys.forEach((k, i) => {
      if (k === 'clients') {
        tiers[k] = { cidrs: r.clientCidrs.map((n) => `10.${100 + (n >> 7)}.${(n & 127) * 2}.0/24`) };
        return;
      }
      // ces and cep on the same hosts and subnet half of the time, as real estates do
      const shareWithCes = k === 'cep' && keys.includes('ces') && r.modes[i] === 'none';
      const cidr = `10.0.${(shareWithCes ? keys.indexOf('ces') : i) + 1}.0/24`;
      const mode = shareWithCes ? r.modes[keys.indexOf('ces')] : r.modes[i];
      const t: TierProps = { cidrs: [cidr] };
      if (k === 'dc' && r.dcLegacy) Object.assign(t, { osGeneration: 'legacy' });
      if (k === 'accountDc' && r.accountDcRange === 'legacy') Object.assign(t, { osGeneration: 'legacy' });
      if (k === 'accountDc' && r.accountDcRange === 'narrow') Object.assign(t, { rpcDynamicPorts: '50000-50999' });
      // a second instance on its own port, or on 443 beside the first with another authentication
      // (one site, one binding: key-based renewal); never the same port and authentication twice
      if ((k === 'ces' || k === 'cep') && r.secondInstance && (r.secondInstance.port !== 443 || r.secondInstance.auth !== r.auth)) {
        Object.assign(t, { instances: [{ port: 443 }, { port: r.secondInstance.port, authentication: r.secondInstance.auth }] });
      }
      if (mode === 'subnets' && k !== 'ndesClients') Object.assign(t, { subnetIds: [subnet(shareWithCes ? 'ces' : k)] });
      if (mode === 'existing' && k !== 'ndesClients') Object.assign(t, { networkSecurityGroup: { name: `nsg-${shareWithCes ? 'ces' : k}`, resourceGroupName: 'rg-net', denyByDefault: r.deny } });
      tiers[k] = t;
    });
    // synth refuses an estate no tier of which has an enforcement point (ADCS-E067): the CA gets one.
    if (!Object.values(tiers).some((t) => t.subnetIds || t.networkSecurityGroup)) Object.assign(tiers.ca, { subnetIds: [subnet('ca')] });
    const has = (k: TierKey): boolean => keys.includes(k);
    const props: EstateProps = estateProps({
      name: 'prop', platform: 'azure',
      azure: { resourceGroupName: 'rg-pki', location: 'westeurope', denyByDefault: r.deny },
      osGeneration: r.legacy ? 'legacy' : 'modern',
      rpcDynamicPorts: r.rpc === undefined ? undefined : `${r.rpc}-${Math.min(65535, r.rpc + 500)}`,
      dcomPort: r.dcom,
      directEnrollment: r.directEnrollment,
      cesAuthentication: has('ces') || has('cep') ? r.auth : undefined,
      domainMemberFlows: r.member,
      crlPublishing: has('cdp') && r.smb ? 'smb' : undefined,
      ndesHttp: has('ndes') ? r.ndesHttp : undefined,
      tiers: tiersProps(tiers),
      dcEnrollment: r.dcEnrollment,
      clientDirectory: r.minimalDirectory ? 'minimal' : 'full',
      ocspAutoEnroll: has('ocsp') ? r.ocspAutoEnroll : undefined,
      caSmb: has('admins') ? r.caSmb : undefined,
      ocspRemoteAdmin: has('admins') && has('ocsp') ? r.ocspRemoteAdmin : undefined,
      webEnrollmentCallback: has('webEnrollment') ? r.webEnrollmentCallback : undefined,
      customFlows: [
        ...(has('admins') && r.rdp ? [flowProps({ name: 'rdp', from: 'admins', to: 'ca', protocol: 'tcp', ports: ['3389'], purpose: 'RDP' })] : []),
        ...(r.ping ? [flowProps({ name: 'ping', from: 'ca', to: 'dc', protocol: 'icmp', purpose: 'ping the DCs' })] : []),
      ],
    });
    return JSON.parse(JSON.stringify(props)) as EstateProps;
  });
}

/** The estate grown two ways: one more client CIDR (from `n`), and an admins tier when it has none. */
export function grown(props: EstateProps, n: number): { moreCidrs: EstateProps; moreTiers: EstateProps } {
  const clients = props.tiers.clients as TierProps;
  return {
    moreCidrs: { ...props, tiers: { ...props.tiers, clients: { cidrs: [...clients.cidrs, `192.168.${n * 4}.0/22`] } } },
    moreTiers: props.tiers.admins ? props : { ...props, tiers: { ...props.tiers, admins: { cidrs: ['10.0.99.0/28'] } } },
  };
}

/** The same estate with its tiers, CIDRs and option keys in another order. */
export function shuffled(props: EstateProps, seed: number): EstateProps {
  const rnd = (n: number): number => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const shuffle = <T>(xs: T[]): T[] => { const a = [...xs]; for (let i = a.length - 1; i > 0; i--) { const j = rnd(i + 1); [a[i], a[j]] = [a[j], a[i]]; } return a; };
  const tiers = Object.fromEntries(shuffle(Object.entries(props.tiers)).map(([k, t]) => [k, { ...(t as TierProps), cidrs: shuffle((t as TierProps).cidrs) }]));
  return Object.fromEntries(shuffle(Object.entries({ ...props, tiers }))) as unknown as EstateProps;
}

/** A random valid AWS estate: the Azure generator's estates with security groups for NSGs. */
export function awsEstate(): fc.Arbitrary<EstateProps> {
  return fc.tuple(azureEstate(), fc.boolean()).map(([az, allowAllEgress]) => {
    const tiers: Record<string, TierProps> = {};
    Object.entries(az.tiers).forEach(([k, t], i) => {
      const { subnetIds, networkSecurityGroup, ...rest } = t as TierProps;
      tiers[k] = { ...rest,
        ...(subnetIds ? { createSecurityGroup: true } : {}),
        ...(networkSecurityGroup ? { securityGroupId: `sg-${networkSecurityGroup.name === 'nsg-ces' ? 'ce5' : (0xa00 + i).toString(16)}00000000` } : {}) };
    });
    const { azure: _azure, ...rest } = az;
    return estateProps({ ...rest, platform: 'aws', aws: { vpcId: 'vpc-0a1b2c3d4e5f67890', ruleQuota: 1000, allowAllEgress }, tiers: tiersProps(tiers) });
  });
}

/** A random `host` block: every writeRpcRange, rpcKeyword and disablePredefinedRules value, or none. */
export function hostBlock(): fc.Arbitrary<EstateProps['host']> {
  return fc.option(fc.record({
    writeRpcRange: fc.constantFrom('none', 'ca', 'caAndDc'),
    rpcKeyword: fc.boolean(),
    disablePredefinedRules: fc.boolean(),
  }, { requiredKeys: [] }).map(hostProps), { nil: undefined });
}

/** A random valid Azure estate with a random `host` block (the estates of azureEstate, unchanged otherwise). */
export function hostEstate(): fc.Arbitrary<EstateProps> {
  return fc.tuple(azureEstate(), hostBlock()).map(([props, host]) => (host === undefined ? props : { ...props, host }));
}
