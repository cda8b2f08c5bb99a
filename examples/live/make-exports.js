#!/usr/bin/env node
// Writes the exports of examples/live/ (see README.md there): the live estates of
// examples/azure-estate.yaml and examples/aws-estate.yaml as the cloud CLIs print them, partly
// deployed by hand before the estate is taken over with `adcs-firewall audit --adopt`.
//
// Written from the CLIs' documented output shapes (the same sources the fixtures in
// test/audit/fixtures/ name in their .source.md files), not from the library: nothing here
// imports lib/. The rule names, priorities and descriptions the PKI team used by hand are the ones
// `synth` gives these specs (they followed its plan when they built the first tiers), written out
// below as data, with the differences each export is meant to show.
//
// Deterministic: ids, etags and GUIDs are derived from a hash of each object's identity.
// Run from the repository root: node examples/live/make-exports.js
'use strict';
const { createHash } = require('node:crypto');
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const OUT = join(__dirname);
const hex = (s) => createHash('sha1').update(s).digest('hex');
const guid = (s) => { const h = hex(s); return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${'89ab'[parseInt(h[16], 16) % 4]}${h.slice(17, 20)}-${h.slice(20, 32)}`; };
const etag = (s) => `W/"${guid(`etag ${s}`)}"`;

// ---------------------------------------------------------------------------------------------
// Azure: `az network nsg list -o json` and `az network vnet subnet list -o json`.
// az prints flattened ARM objects (`properties` lifted), adds `resourceGroup` to every object
// with an ARM id, leaves out keys absent from the response, and prints with sorted keys and an
// indent of 2 (knack's format_json). A rule carries one of `xPrefix` / `xPrefixes` (the other
// printed as an empty list for the plural, absent for the singular), as ARM returns it.

const SUB = '00000000-0000-0000-0000-000000000000';
const NET = (rg) => `/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.Network`;
const SUBNET = (name) => `${NET('rg-hub-weu')}/virtualNetworks/vnet-hub-weu/subnets/${name}`;
const NIC_CONFIG = (rg, nic) => ({ id: `${NET(rg.toUpperCase())}/networkInterfaces/${nic}/ipConfigurations/ipconfig1`, resourceGroup: rg.toUpperCase() });

function sortKeys(v) {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])]));
  return v;
}

/** One security rule as az prints it. `src`, `dst`, `ports`: lists; one value goes in the singular property. */
function azRule(rg, nsg, r, kind = 'securityRules') {
  const id = `${NET(rg)}/networkSecurityGroups/${nsg}/${kind}/${r.name}`;
  const one = (single, plural, values) => (values.length === 1 ? { [single]: values[0], [plural]: [] } : { [plural]: values });
  return {
    access: r.access ?? 'Allow',
    ...(r.description !== undefined ? { description: r.description } : {}),
    ...one('destinationAddressPrefix', 'destinationAddressPrefixes', r.dst),
    ...one('destinationPortRange', 'destinationPortRanges', r.ports),
    direction: r.direction, etag: etag(id), id, name: r.name, priority: r.priority, protocol: r.protocol, provisioningState: 'Succeeded', resourceGroup: rg,
    ...one('sourceAddressPrefix', 'sourceAddressPrefixes', r.src),
    sourcePortRange: '*', sourcePortRanges: [],
    type: `Microsoft.Network/networkSecurityGroups/${kind}`,
  };
}

/** The six rules Azure puts in every NSG (NetworkSecurityGroupGet example of azure-rest-api-specs). */
const DEFAULT_RULES = [
  { name: 'AllowVnetInBound', priority: 65000, direction: 'Inbound', src: ['VirtualNetwork'], dst: ['VirtualNetwork'], description: 'Allow inbound traffic from all VMs in VNET' },
  { name: 'AllowAzureLoadBalancerInBound', priority: 65001, direction: 'Inbound', src: ['AzureLoadBalancer'], dst: ['*'], description: 'Allow inbound traffic from azure load balancer' },
  { name: 'DenyAllInBound', priority: 65500, direction: 'Inbound', access: 'Deny', src: ['*'], dst: ['*'], description: 'Deny all inbound traffic' },
  { name: 'AllowVnetOutBound', priority: 65000, direction: 'Outbound', src: ['VirtualNetwork'], dst: ['VirtualNetwork'], description: 'Allow outbound traffic from all VMs to all VMs in VNET' },
  { name: 'AllowInternetOutBound', priority: 65001, direction: 'Outbound', src: ['*'], dst: ['Internet'], description: 'Allow outbound traffic from all VMs to Internet' },
  { name: 'DenyAllOutBound', priority: 65500, direction: 'Outbound', access: 'Deny', src: ['*'], dst: ['*'], description: 'Deny all outbound traffic' },
].map((r) => ({ ...r, protocol: '*', ports: ['*'] }));

function azNsg(rg, name, tags, subnets, rules) {
  const id = `${NET(rg)}/networkSecurityGroups/${name}`;
  return {
    defaultSecurityRules: DEFAULT_RULES.map((r) => azRule(rg, name, r, 'defaultSecurityRules')),
    etag: etag(id), id, location: 'westeurope', name, provisioningState: 'Succeeded', resourceGroup: rg, resourceGuid: guid(`guid ${id}`),
    securityRules: rules.map((r) => azRule(rg, name, r)),
    subnets: subnets.map((s) => ({ id: SUBNET(s), resourceGroup: 'rg-hub-weu' })),
    tags, type: 'Microsoft.Network/networkSecurityGroups',
  };
}

const CLIENTS = ['10.20.0.0/15', '172.16.8.0/22'];
const DC = '10.0.0.0/27', CA = '10.0.1.0/27', WEB = '10.0.2.0/27', ADMINS = '10.0.9.0/28';
const DC_TCP = ['53', '88', '135', '389', '445', '464', '636', '3268-3269', '49152-65535'];
const DIR_TCP = ['53', '88', '389', '464', '636', '3268-3269'];
const DIR_UDP = ['53', '88', '389', '464'];
const LB = { name: 'pki-weu-allow-azure-load-balancer-inbound', priority: 4095, direction: 'Inbound', protocol: '*', src: ['AzureLoadBalancer'], dst: ['*'], ports: ['*'],
  description: 'AD CS load-balancer health probes (168.63.129.16, inside VirtualNetwork): allowed before the deny by default' };
const DENY = { name: 'pki-weu-deny-vnet-inbound', priority: 4096, direction: 'Inbound', access: 'Deny', protocol: '*', src: ['VirtualNetwork'], dst: ['*'], ports: ['*'],
  description: 'AD CS deny by default: other traffic from the network, peerings and on-premises (overrides AllowVnetInBound)' };

const nsgList = [
  // The CA's NSG, built by hand from an earlier plan: tags of its own (no adcs-firewall:* tags);
  // the clients rule lists the three site ranges unmerged (same effect); the DCs' rule has a
  // description of its own; the PAW rule predates the RDP custom flow (135 and 10509 only);
  // no CA -> CDP rule (the CDP tier is new); the monitoring and security teams' rules beside.
  azNsg('rg-pki-weu', 'pki-weu-ca-nsg', { environment: 'production', owner: 'pki-team' }, ['snet-pki-ca'], [
    { name: 'pki-weu-in-clients-to-ca-tcp', priority: 132, direction: 'Inbound', protocol: 'Tcp', src: ['10.20.0.0/16', '10.21.0.0/16', '172.16.8.0/22'], dst: [CA], ports: ['135', '10509'], description: 'AD CS clients to ca TCP: enroll-dcom' },
    { name: 'pki-weu-in-ces-to-ca-tcp', priority: 136, direction: 'Inbound', protocol: 'Tcp', src: [WEB], dst: [CA], ports: ['135', '10509'], description: 'AD CS ces to ca TCP: ces-dcom' },
    { name: 'pki-weu-in-dc-to-ca-tcp', priority: 140, direction: 'Inbound', protocol: 'Tcp', src: [DC], dst: [CA], ports: ['135', '10509'], description: 'DCs enroll for their certificates (DCOM, static port)' },
    { name: 'pki-weu-in-admins-to-ca-tcp', priority: 152, direction: 'Inbound', protocol: 'Tcp', src: [ADMINS], dst: [CA], ports: ['135', '10509'], description: 'AD CS admins to ca TCP: admin-dcom' },
    { name: 'pki-weu-out-ca-to-dc-tcp', priority: 140, direction: 'Outbound', protocol: 'Tcp', src: [CA], dst: [DC], ports: DC_TCP, description: 'AD CS ca to dc TCP: directory, ca-dc-rpc' },
    { name: 'pki-weu-out-ca-to-dc-udp', priority: 141, direction: 'Outbound', protocol: 'Udp', src: [CA], dst: [DC], ports: DIR_UDP, description: 'AD CS ca to dc UDP: directory' },
    { name: 'allow-azuremonitor-out', priority: 300, direction: 'Outbound', protocol: 'Tcp', src: [CA], dst: ['AzureMonitor'], ports: ['443'], description: 'Azure Monitor Agent (platform team)' },
    { name: 'deny-internet-out', priority: 4000, direction: 'Outbound', access: 'Deny', protocol: '*', src: ['*'], dst: ['Internet'], ports: ['*'], description: 'No direct internet egress from tier 0 (security team)' },
    LB, DENY,
  ]),
  // The CES/CEP web NSG, built when CES went live: the CES rules as planned; none for CEP yet;
  // the vulnerability scanner's rule beside.
  azNsg('rg-pki-weu', 'nsg-pki-weu-web', { environment: 'production', owner: 'pki-team' }, ['snet-pki-web'], [
    { name: 'pki-weu-in-clients-to-ces-tcp', priority: 164, direction: 'Inbound', protocol: 'Tcp', src: CLIENTS, dst: [WEB], ports: ['443'], description: 'AD CS clients to ces TCP: ces-https' },
    { name: 'pki-weu-out-ces-to-ca-tcp', priority: 166, direction: 'Outbound', protocol: 'Tcp', src: [WEB], dst: [CA], ports: ['135', '10509'], description: 'AD CS ces to ca TCP: ces-dcom' },
    { name: 'pki-weu-out-ces-to-dc-tcp', priority: 172, direction: 'Outbound', protocol: 'Tcp', src: [WEB], dst: [DC], ports: DIR_TCP, description: 'AD CS ces to dc TCP: directory' },
    { name: 'pki-weu-out-ces-to-dc-udp', priority: 173, direction: 'Outbound', protocol: 'Udp', src: [WEB], dst: [DC], ports: DIR_UDP, description: 'AD CS ces to dc UDP: directory' },
    { name: 'allow-vulnscan-in', priority: 1000, direction: 'Inbound', protocol: 'Tcp', src: ['10.0.8.0/27'], dst: [WEB], ports: ['443', '445', '5985'], description: 'Vulnerability scanner (security team)' },
    LB, DENY,
  ]),
  // The identity team's NSG on the DCs (the estate only names it): their own rules, the PKI's
  // rules for the tiers built so far in the window 3000-3499, and their PAW rule at 3148, a
  // priority the plan gives the admins -> dc TCP rule.
  azNsg('rg-identity-weu', 'nsg-identity-dc', { owner: 'identity-team', environment: 'production' }, ['snet-identity-dc'], [
    { name: 'allow-adds-onprem-tcp-in', priority: 1000, direction: 'Inbound', protocol: 'Tcp', src: ['10.20.0.0/16', '10.21.0.0/16', '172.16.8.0/22'], dst: [DC], ports: DC_TCP, description: 'AD DS from the sites' },
    { name: 'allow-adds-onprem-udp-in', priority: 1010, direction: 'Inbound', protocol: 'Udp', src: ['10.20.0.0/16', '10.21.0.0/16', '172.16.8.0/22'], dst: [DC], ports: ['53', '88', '123', '389', '464'], description: 'AD DS from the sites' },
    { name: 'allow-adds-replication-in', priority: 1100, direction: 'Inbound', protocol: '*', src: ['10.10.0.0/27'], dst: [DC], ports: ['*'], description: 'Replication with the on-premises DCs' },
    { name: 'pki-weu-in-clients-to-dc-tcp', priority: 3128, direction: 'Inbound', protocol: 'Tcp', src: CLIENTS, dst: [DC], ports: DIR_TCP, description: 'AD CS clients to dc TCP: client-directory' },
    { name: 'pki-weu-in-clients-to-dc-udp', priority: 3129, direction: 'Inbound', protocol: 'Udp', src: CLIENTS, dst: [DC], ports: DIR_UDP, description: 'AD CS clients to dc UDP: client-directory' },
    { name: 'pki-weu-in-ca-to-dc-tcp', priority: 3130, direction: 'Inbound', protocol: 'Tcp', src: [CA], dst: [DC], ports: DC_TCP, description: 'AD CS ca to dc TCP: directory, ca-dc-rpc' },
    { name: 'pki-weu-in-ca-to-dc-udp', priority: 3131, direction: 'Inbound', protocol: 'Udp', src: [CA], dst: [DC], ports: DIR_UDP, description: 'AD CS ca to dc UDP: directory' },
    { name: 'pki-weu-in-ces-to-dc-tcp', priority: 3132, direction: 'Inbound', protocol: 'Tcp', src: [WEB], dst: [DC], ports: DIR_TCP, description: 'AD CS ces to dc TCP: directory' },
    { name: 'pki-weu-in-ces-to-dc-udp', priority: 3133, direction: 'Inbound', protocol: 'Udp', src: [WEB], dst: [DC], ports: DIR_UDP, description: 'AD CS ces to dc UDP: directory' },
    { name: 'allow-tier0-paw-in', priority: 3148, direction: 'Inbound', protocol: 'Tcp', src: [ADMINS], dst: [DC], ports: ['3389', '5985-5986'], description: 'Tier 0 PAWs to the DCs (identity team)' },
    { name: 'pki-weu-out-dc-to-ca-tcp', priority: 3130, direction: 'Outbound', protocol: 'Tcp', src: [DC], dst: [CA], ports: ['135', '10509'], description: 'AD CS dc to ca TCP: dc-enroll-dcom' },
  ]),
].map(sortKeys);

/** A subnet as `az network vnet subnet list` prints it. */
function azSubnet(name, prefix, nsg, nics) {
  const id = SUBNET(name);
  return {
    addressPrefix: prefix, delegations: [], etag: etag(id), id,
    ipConfigurations: nics.map(([rg, nic]) => NIC_CONFIG(rg, nic)),
    name,
    ...(nsg ? { networkSecurityGroup: { id: `${NET(nsg[0])}/networkSecurityGroups/${nsg[1]}`, resourceGroup: nsg[0] } } : {}),
    privateEndpointNetworkPolicies: 'Disabled', privateLinkServiceNetworkPolicies: 'Enabled', provisioningState: 'Succeeded', resourceGroup: 'rg-hub-weu',
    type: 'Microsoft.Network/virtualNetworks/subnets',
  };
}

const subnetList = [
  azSubnet('snet-identity-dc', DC, ['rg-identity-weu', 'nsg-identity-dc'], [['rg-identity-weu', 'nic-dc01'], ['rg-identity-weu', 'nic-dc02']]),
  azSubnet('snet-pki-ca', CA, ['rg-pki-weu', 'pki-weu-ca-nsg'], [['rg-pki-weu', 'nic-ca01']]),
  azSubnet('snet-pki-web', WEB, ['rg-pki-weu', 'nsg-pki-weu-web'], [['rg-pki-weu', 'nic-web01'], ['rg-pki-weu', 'nic-web02']]),
  azSubnet('snet-pki-cdp', '10.0.3.0/28', undefined, []),
].map(sortKeys);

// ---------------------------------------------------------------------------------------------
// AWS: `aws ec2 describe-security-groups --output json` and `describe-security-group-rules`.
// The CLI prints the operation's result with members in botocore's model order, an indent of
// 4, empty lists printed, no FromPort/ToPort on an IpPermission of protocol -1, no Tags member
// on a group without tags. IpPermissions: one entry per (protocol, ports), its peers listed in it.

const ACCOUNT = '444455556666';
const VPC = 'vpc-0a1b2c3d4e5f67890';
const SG = { dc: 'sg-0123456789abcdef0', ca: 'sg-04c1a7e2b9d3f5a61', ces: 'sg-0e5b2d8c1f4a7b392', monitoring: 'sg-0fedcba9876543210' };
const sgr = (s) => `sgr-0${hex(`sgr ${s}`).slice(0, 16)}`;
const TAGS = (o) => Object.entries(o).map(([Key, Value]) => ({ Key, Value }));

/** The live rules of one group: [egress, protocol, from, to, peer ('10.0.0.0/8' or 'sg-...'), description]. */
function awsGroup(id, name, description, tags, rules) {
  const perms = (egress) => {
    const out = [];
    for (const [e, protocol, from, to, peer, desc] of rules) {
      if (e !== egress) continue;
      let p = out.find((x) => x.IpProtocol === protocol && x.FromPort === from && x.ToPort === to);
      if (!p) {
        p = { IpProtocol: protocol, ...(protocol === '-1' ? {} : { FromPort: from, ToPort: to }), UserIdGroupPairs: [], IpRanges: [], Ipv6Ranges: [], PrefixListIds: [] };
        out.push(p);
      }
      if (peer.startsWith('sg-')) p.UserIdGroupPairs.push({ ...(desc ? { Description: desc } : {}), UserId: ACCOUNT, GroupId: peer });
      else p.IpRanges.push({ ...(desc ? { Description: desc } : {}), CidrIp: peer });
    }
    return out;
  };
  return {
    GroupId: id, IpPermissionsEgress: perms(true), ...(tags ? { Tags: TAGS(tags) } : {}), VpcId: VPC,
    SecurityGroupArn: `arn:aws:ec2:us-east-1:${ACCOUNT}:security-group/${id}`, OwnerId: ACCOUNT, GroupName: name, Description: description, IpPermissions: perms(false),
  };
}

/** The same rules as `describe-security-group-rules` prints them, one per peer, each with its sgr- id. */
function awsRules(id, rules) {
  return rules.map(([egress, protocol, from, to, peer, desc]) => {
    const ruleId = sgr(`${id} ${egress} ${protocol} ${from} ${to} ${peer}`);
    return {
      SecurityGroupRuleId: ruleId, GroupId: id, GroupOwnerId: ACCOUNT, IsEgress: egress, IpProtocol: protocol,
      FromPort: protocol === '-1' ? -1 : from, ToPort: protocol === '-1' ? -1 : to,
      ...(peer.startsWith('sg-') ? { ReferencedGroupInfo: { GroupId: peer, UserId: ACCOUNT } } : { CidrIpv4: peer }),
      ...(desc ? { Description: desc } : {}), Tags: [], SecurityGroupRuleArn: `arn:aws:ec2:us-east-1:${ACCOUNT}:security-group-rule/${ruleId}`,
    };
  });
}

const D = (what) => `adcs-firewall pki-use1: ${what}`;
const SITES = ['10.20.0.0/16', '172.16.8.0/22'];
const AWS_DIR = [['tcp', 53, 53], ['tcp', 88, 88], ['tcp', 389, 389], ['tcp', 464, 464], ['tcp', 636, 636], ['tcp', 3268, 3269], ['udp', 53, 53], ['udp', 88, 88], ['udp', 389, 389], ['udp', 464, 464]];
const ALL_EGRESS = [true, '-1', undefined, undefined, '0.0.0.0/0', undefined];

// pki-use1-ca, built by hand from an earlier plan (descriptions as the plan writes them): the
// clients' and the CES/DC enrollment rules; the PAWs still on the dynamic RPC range 49152-65535
// (the plan pins DCOM to 10509) and without RDP; the directory rules to the DCs; AWS's default
// egress removed; the monitoring team's WinRM rule beside.
const caRules = [
  ...SITES.flatMap((c) => [[false, 'tcp', 135, 135, c, D('enroll-dcom (clients to ca)')], [false, 'tcp', 10509, 10509, c, D('enroll-dcom (clients to ca)')]]),
  [false, 'tcp', 135, 135, SG.ces, D('ces-dcom (ces to ca)')], [false, 'tcp', 10509, 10509, SG.ces, D('ces-dcom (ces to ca)')],
  [false, 'tcp', 135, 135, SG.dc, D('dc-enroll-dcom (dc to ca)')], [false, 'tcp', 10509, 10509, SG.dc, D('dc-enroll-dcom (dc to ca)')],
  [false, 'tcp', 135, 135, '10.50.9.0/28', 'PAWs: CA console'], [false, 'tcp', 49152, 65535, '10.50.9.0/28', 'PAWs: CA console (dynamic RPC)'],
  [false, 'tcp', 5985, 5985, SG.monitoring, 'WinRM from the monitoring collectors'],
  ...AWS_DIR.map(([p, f, t]) => [true, p, f, t, SG.dc, D('directory (ca to dc)')]),
  [true, 'tcp', 135, 135, SG.dc, D('ca-dc-rpc (ca to dc)')], [true, 'tcp', 445, 445, SG.dc, D('ca-dc-rpc (ca to dc)')], [true, 'tcp', 49152, 65535, SG.dc, D('ca-dc-rpc (ca to dc)')],
].filter((r) => !(r[0] && r[1] === 'tcp' && r[2] === 3268) && !(r[0] && r[1] === 'udp' && r[2] === 464)); // two directory rules to the DCs were never added

// pki-use1-ces, built when CES went live: as planned, described by hand, AWS's default egress kept.
const cesRules = [
  ...SITES.map((c) => [false, 'tcp', 443, 443, c, 'CES HTTPS from the sites']),
  [true, 'tcp', 135, 135, SG.ca, 'CES to CA (DCOM)'], [true, 'tcp', 10509, 10509, SG.ca, 'CES to CA (DCOM)'],
  ...AWS_DIR.map(([p, f, t]) => [true, p, f, t, SG.dc, 'CES to DCs']),
  ALL_EGRESS,
];

// The identity team's DC group (the estate only names it): their own rules, AWS's default egress,
// and the CA's directory rules they added by hand when the CA was built.
const dcRules = [
  [false, '-1', undefined, undefined, SG.dc, 'DC to DC'],
  [false, 'tcp', 445, 445, '10.20.0.0/16', 'SYSVOL and NETLOGON from the sites'], [false, 'tcp', 445, 445, '172.16.8.0/22', 'SYSVOL and NETLOGON from the sites'],
  [false, 'udp', 123, 123, '10.20.0.0/16', 'NTP from the sites'], [false, 'udp', 123, 123, '172.16.8.0/22', 'NTP from the sites'],
  [false, 'tcp', 53, 53, SG.ca, 'AD for the CA'], [false, 'udp', 53, 53, SG.ca, 'AD for the CA'], [false, 'tcp', 88, 88, SG.ca, 'AD for the CA'], [false, 'udp', 88, 88, SG.ca, 'AD for the CA'],
  [false, 'tcp', 389, 389, SG.ca, 'AD for the CA'], [false, 'udp', 389, 389, SG.ca, 'AD for the CA'], [false, 'tcp', 135, 135, SG.ca, 'AD for the CA'], [false, 'tcp', 445, 445, SG.ca, 'AD for the CA'],
  [false, 'tcp', 49152, 65535, SG.ca, 'AD for the CA'],
  ALL_EGRESS,
];

const securityGroups = {
  SecurityGroups: [
    awsGroup(SG.dc, 'sg-identity-dc', 'Domain controllers (identity team)', { owner: 'identity-team', Name: 'sg-identity-dc' }, dcRules),
    awsGroup(SG.ca, 'pki-use1-ca', 'adcs-firewall pki-use1: AD CS tier ca, enterprise issuing certification authorities', { Name: 'pki-use1-ca', owner: 'pki-team', environment: 'production' }, caRules),
    awsGroup(SG.ces, 'pki-use1-ces', 'adcs-firewall pki-use1: AD CS tier ces, Certificate Enrollment Web Service hosts (HTTPS front end that forwards to the CA)', { Name: 'pki-use1-ces', owner: 'pki-team', environment: 'production' }, cesRules),
  ],
};

// Exported for the PKI's own groups only (--filters Name=group-id,Values=<ca>,<ces>): the DC group's rules are in no rules export.
const securityGroupRules = { SecurityGroupRules: [...awsRules(SG.ca, caRules), ...awsRules(SG.ces, cesRules)] };

// ---------------------------------------------------------------------------------------------
const write = (file, value, indent) => {
  mkdirSync(join(OUT, file, '..'), { recursive: true });
  writeFileSync(join(OUT, file), `${JSON.stringify(value, null, indent)}\n`);
};
write('azure/nsg-list.json', nsgList, 2);
write('azure/subnet-list.json', subnetList, 2);
write('aws/describe-security-groups.json', securityGroups, 4);
write('aws/describe-security-group-rules.json', securityGroupRules, 4);
