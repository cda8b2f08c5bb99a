import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkPlan } from '../../lib/check/check';
import { NSG_RULE_NULLS } from '../support/inline-rules';
import { CheckFormat, renderReport } from '../../lib/check/report';
import { resolveSpec } from '../../lib/spec';
import { modernAws, synthAws } from '../platforms/aws/support/estates';
import { richAzure, subnet, synthEstate } from '../support/estates';
import { bodyOf, inFormat, keyOf, MutationCase, PlanFormat, resourcesOf } from './support/mutations';

// The mutation corpus of issue 12: each case is a base plan (the library's own), a mutation,
// the verdict and the reason. Must-fail cases let more in or break what the platform needs;
// must-pass cases are equivalent rewrites. Each runs in every format it lists.

const AZ_PROPS = richAzure({ dcomPort: 10509 });
const AWS_PROPS = modernAws();
const SPECS = { azure: resolveSpec(AZ_PROPS, 'corpus'), aws: resolveSpec(AWS_PROPS, 'corpus') };
const BASES = { azure: JSON.stringify(synthEstate(AZ_PROPS).json), aws: JSON.stringify(synthAws(AWS_PROPS).json) };

const NSR = 'azurerm_network_security_rule';
const NSG = 'azurerm_network_security_group';
const ASSOC = 'azurerm_subnet_network_security_group_association';
const IN = 'aws_vpc_security_group_ingress_rule';
const OUT = 'aws_vpc_security_group_egress_rule';
const SG = 'aws_security_group';
const ALL: PlanFormat[] = ['cdk', 'show', 'applied'];
const CDK: PlanFormat[] = ['cdk'];
const CA_NSG = '${azurerm_network_security_group.adcs_azure_nsg-pki-ca-nsg_5C6EF012.name}';
const CA_SG = '${aws_security_group.adcs_aws_ca-security-group_FF96D3C7.id}';

/** An Azure rule on the CA's NSG. */
const azRule = (over: Record<string, unknown>) => ({
  name: 'extra', network_security_group_name: CA_NSG, resource_group_name: 'rg-pki', direction: 'Inbound', access: 'Allow',
  priority: 1000, protocol: 'Tcp', source_port_range: '*', source_address_prefix: '*', destination_address_prefix: '10.0.1.0/24',
  destination_port_range: '*', description: 'corpus', ...over,
});
/** An AWS ingress rule on the CA's group. */
const awsIn = (over: Record<string, unknown>) => ({ security_group_id: CA_SG, ip_protocol: 'tcp', from_port: 135, to_port: 135, cidr_ipv4: '10.20.0.0/16', ...over });
const rename = (plan: any, type: string, part: string, to: string): void => {
  const rs = resourcesOf(plan, type);
  for (const k of Object.keys(rs).filter((x) => x.includes(part))) {
    rs[k.replace(part, to)] = rs[k];
    delete rs[k];
  }
};
const reverse = (plan: any, type: string): void => {
  const rs = resourcesOf(plan, type);
  const entries = Object.entries(rs).reverse();
  for (const [k] of entries) delete rs[k];
  for (const [k, v] of entries) rs[k] = v;
};

const CASES: MutationCase[] = [
  // --- 1. health probes ---
  { cls: 1, base: 'azure', formats: ALL, verdict: 'pass', name: 'the library\'s plan, with its Allow from AzureLoadBalancer before each deny', mutate: () => undefined },
  { cls: 1, base: 'azure', formats: ALL, verdict: 'pass', name: 'the probe Allow renamed (rule name and address)',
    mutate: (p) => { bodyOf(p, NSR, 'pki-ca-nsg-allow-lb').name = 'health-probes'; rename(p, NSR, 'pki-ca-nsg-allow-lb-inbound', 'ca-probes'); } },
  { cls: 1, base: 'azure', formats: ALL, verdict: 'pass', name: 'the probe Allow written as the usual hand fix (priority 4000, AzureLoadBalancer to *)',
    mutate: (p) => { Object.assign(bodyOf(p, NSR, 'pki-ca-nsg-allow-lb'), { priority: 4000, destination_address_prefix: '*' }); } },
  { cls: 1, base: 'azure', formats: ALL, verdict: 'fail', reason: /allow-lb-inbound.* lets elsewhere -> ca TCP/, name: 'the probe Allow widened to source *',
    mutate: (p) => { bodyOf(p, NSR, 'pki-ca-nsg-allow-lb').source_address_prefix = '*'; } },
  { cls: 1, base: 'azure', formats: ALL, verdict: 'fail', reason: /extra lets elsewhere -> ca TCP 0-65535/, name: 'an Allow from the probe address written as an IP (not the tag)',
    mutate: (p) => { resourcesOf(p, NSR).extra = azRule({ source_address_prefix: '168.63.129.16' }); } },
  // --- 2. after apply ---
  { cls: 2, base: 'azure', formats: ['applied'], verdict: 'pass', name: 'after apply: the computed security_rule lists every separate rule again', mutate: () => undefined },
  { cls: 2, base: 'azure', formats: ['show', 'applied'], verdict: 'pass', name: 'after apply, resources in another order',
    mutate: (p) => { reverse(p, NSR); reverse(p, NSG); } },
  { cls: 2, base: 'azure', formats: ['applied'], verdict: 'fail', reason: /#added-by-hand lets elsewhere -> ca/, name: 'after apply: an inline rule that is no separate rule is judged',
    mutate: (p) => { bodyOf(p, NSG, 'pki-ca-nsg').security_rule = [{ ...azRule({ name: 'added-by-hand' }), network_security_group_name: undefined, resource_group_name: undefined }]; } },
  // --- 3. each end on its own ---
  { cls: 3, base: 'azure', formats: ALL, verdict: 'fail', reason: /in-dc-ca-tcp.* lets dc -> ca TCP/, name: 'Azure: the CA admits every port from the DCs; the DCs\' egress allows only DCOM',
    mutate: (p) => { const r = bodyOf(p, NSR, 'pki-ca-nsg-in-dc-ca-tcp'); delete r.destination_port_ranges; r.destination_port_range = '*'; } },
  { cls: 3, base: 'azure', formats: ALL, verdict: 'fail', reason: /out-ca-dc-tcp.* lets ca -> dc TCP/, name: 'Azure: the CA\'s egress to the DCs opens every port; the DCs\' ingress restricts it',
    mutate: (p) => { const r = bodyOf(p, NSR, 'pki-ca-nsg-out-ca-dc-tcp'); delete r.destination_port_ranges; r.destination_port_range = '*'; } },
  { cls: 3, base: 'aws', formats: ['cdk', 'show'], verdict: 'fail', reason: /ca-in-sg-0123456789abcdef0-tcp-135.* lets dc -> ca TCP/, name: 'AWS: all ports on the CA from the existing DC group, whose plan egress only allows DCOM',
    mutate: (p) => { Object.assign(bodyOf(p, IN, 'ca-in-sg-0123456789abcdef0-tcp-135'), { from_port: 0, to_port: 65535 }); } },
  { cls: 3, base: 'aws', formats: ['cdk', 'show'], verdict: 'fail', reason: /ca-out-sg-0123456789abcdef0-tcp-88.* lets ca -> dc TCP/, name: 'AWS: a created group\'s egress widened (defence in depth is still judged)',
    mutate: (p) => { Object.assign(bodyOf(p, OUT, 'ca-out-sg-0123456789abcdef0-tcp-88'), { from_port: 1, to_port: 65535 }); } },
  { cls: 3, base: 'aws', formats: ['cdk', 'show'], verdict: 'pass', name: 'AWS: the library\'s plan', mutate: () => undefined },
  // --- 4. IPv6 ---
  { cls: 4, base: 'aws', formats: ['cdk', 'show'], verdict: 'fail', reason: /IPv6 ::\/0 -> ca TCP 135/, name: 'AWS: DCOM from ::/0 (cidr_ipv6)',
    mutate: (p) => { resourcesOf(p, IN).v6 = awsIn({ cidr_ipv4: undefined, cidr_ipv6: '::/0' }); } },
  { cls: 4, base: 'aws', formats: ['cdk', 'show'], verdict: 'fail', reason: /IPv6 2001:db8::\/32 -> ca TCP 443/, name: 'AWS: aws_security_group_rule with ipv6_cidr_blocks',
    mutate: (p) => { resourcesOf(p, 'aws_security_group_rule').v6 = { type: 'ingress', security_group_id: '${aws_security_group.adcs_aws_ca-security-group_FF96D3C7.id}', protocol: 'tcp', from_port: 443, to_port: 443, ipv6_cidr_blocks: ['2001:db8::/32'] };
      // the group's other rules as aws_security_group_rule too, so only the IPv6 peer is new
      const rs = resourcesOf(p, IN); const os = resourcesOf(p, OUT); const sr = resourcesOf(p, 'aws_security_group_rule');
      for (const [dir, set] of [['ingress', rs], ['egress', os]] as const) {
        for (const [k, v] of Object.entries(set)) {
          if (v.security_group_id !== CA_SG) continue;
          sr[k] = { type: dir, security_group_id: v.security_group_id, protocol: v.ip_protocol, from_port: v.from_port, to_port: v.to_port,
            ...(v.cidr_ipv4 ? { cidr_blocks: [v.cidr_ipv4] } : { source_security_group_id: v.referenced_security_group_id }) };
          delete set[k];
        }
      } } },
  { cls: 4, base: 'aws', formats: ['cdk', 'show'], verdict: 'fail', reason: /ca -> IPv6 ::\/0/, name: 'AWS: egress to ::/0',
    mutate: (p) => { resourcesOf(p, OUT).v6 = { security_group_id: CA_SG, ip_protocol: '-1', cidr_ipv6: '::/0' }; } },
  // --- 5. every protocol ---
  { cls: 5, base: 'azure', formats: ALL, verdict: 'fail', reason: /extra lets elsewhere -> ca OTHER 50/, name: 'Azure: Esp from *', mutate: (p) => { resourcesOf(p, NSR).extra = azRule({ protocol: 'Esp' }); } },
  { cls: 5, base: 'azure', formats: ALL, verdict: 'fail', reason: /extra lets clients -> ca OTHER 51/, name: 'Azure: Ah from the clients',
    mutate: (p) => { resourcesOf(p, NSR).extra = azRule({ protocol: 'Ah', source_address_prefix: '10.20.0.0/16' }); } },
  { cls: 5, base: 'azure', formats: ALL, verdict: 'fail', reason: /extra lets elsewhere -> ca ICMP/, name: 'Azure: Icmp from * (no ICMP flow)', mutate: (p) => { resourcesOf(p, NSR).extra = azRule({ protocol: 'Icmp' }); } },
  { cls: 5, base: 'azure', formats: ALL, verdict: 'fail', reason: /in-clients-cdp-tcp.* lets clients -> cdp UDP 80/, name: 'Azure: the clients->CDP rule for protocol * instead of Tcp',
    mutate: (p) => { bodyOf(p, NSR, 'pki-cdp-nsg-in-clients-cdp-tcp').protocol = '*'; } },
  { cls: 5, base: 'azure', formats: CDK, verdict: 'fail', reason: /protocol "Gre"/, name: 'Azure: a protocol Azure does not take is unresolved', mutate: (p) => { resourcesOf(p, NSR).extra = azRule({ protocol: 'Gre' }); } },
  { cls: 5, base: 'azure', formats: ALL, verdict: 'pass', name: 'Azure: an Icmp Deny from * before the allows changes nothing (no flow uses ICMP)',
    mutate: (p) => { resourcesOf(p, NSR).extra = azRule({ protocol: 'Icmp', access: 'Deny' }); } },
  { cls: 5, base: 'aws', formats: ['cdk', 'show'], verdict: 'fail', reason: /lets clients -> ca UDP 0-65535/, name: 'AWS: -1 from the clients', mutate: (p) => { resourcesOf(p, IN).x = awsIn({ ip_protocol: '-1', from_port: undefined, to_port: undefined }); } },
  { cls: 5, base: 'aws', formats: ['cdk', 'show'], verdict: 'fail', reason: /lets elsewhere -> ca ICMP/, name: 'AWS: icmp -1/-1 from 0.0.0.0/0', mutate: (p) => { resourcesOf(p, IN).x = awsIn({ ip_protocol: 'icmp', from_port: -1, to_port: -1, cidr_ipv4: '0.0.0.0/0' }); } },
  { cls: 5, base: 'aws', formats: ['cdk', 'show'], verdict: 'fail', reason: /lets clients -> ca OTHER 47/, name: 'AWS: GRE (47) from the clients', mutate: (p) => { resourcesOf(p, IN).x = awsIn({ ip_protocol: '47', from_port: undefined, to_port: undefined }); } },
  { cls: 5, base: 'aws', formats: ['cdk', 'show'], verdict: 'fail', reason: /lets elsewhere -> ca OTHER 58/, name: 'AWS: icmpv6 from anywhere', mutate: (p) => { resourcesOf(p, IN).x = awsIn({ ip_protocol: 'icmpv6', from_port: -1, to_port: -1, cidr_ipv4: '0.0.0.0/0' }); } },
  { cls: 5, base: 'aws', formats: ['cdk', 'show'], verdict: 'fail', reason: /lets clients -> ca OTHER 50/, name: 'AWS: ESP (50) with a port range (all its ports anyway)', mutate: (p) => { resourcesOf(p, IN).x = awsIn({ ip_protocol: '50', from_port: 135, to_port: 135 }); } },
  { cls: 5, base: 'aws', formats: ['cdk', 'show'], verdict: 'fail', reason: /x lets clients -> ca ICMP/, name: 'AWS: one ICMP type (echo) from the clients', mutate: (p) => { resourcesOf(p, IN).x = awsIn({ ip_protocol: 'icmp', from_port: 8, to_port: 0 }); } },
  // --- 6. count, for_each, dynamic ---
  { cls: 6, base: 'azure', formats: CDK, verdict: 'fail', reason: /extra\[0\] lets elsewhere -> ca TCP 0-65535/, name: 'Azure: an allow-all rule with count = 1 (the one instance judged)', mutate: (p) => { resourcesOf(p, NSR).extra = azRule({ count: 1 }); } },
  { cls: 6, base: 'azure', formats: CDK, verdict: 'pass', name: 'Azure: an allow-all rule with a literal count = 0 does not exist', mutate: (p) => { resourcesOf(p, NSR).extra = azRule({ count: 0 }); } },
  { cls: 6, base: 'azure', formats: CDK, verdict: 'fail', reason: /extra: count or for_each whose value the check cannot know/, name: 'Azure: count from a variable', mutate: (p) => { resourcesOf(p, NSR).extra = azRule({ count: '${var.n}' }); } },
  { cls: 6, base: 'azure', formats: CDK, verdict: 'fail', reason: /extra: count or for_each whose value the check cannot know/, name: 'Azure: a rule with for_each', mutate: (p) => { resourcesOf(p, NSR).extra = azRule({ for_each: '${var.rules}' }); } },
  { cls: 6, base: 'azure', formats: CDK, verdict: 'fail', reason: /pki-ca-nsg\S*: security_rule is a dynamic block/, name: 'Azure: an NSG with a dynamic security_rule block',
    mutate: (p) => { bodyOf(p, NSG, 'pki-ca-nsg').dynamic = { security_rule: { for_each: '${var.rules}', content: { name: '${security_rule.value}' } } }; } },
  { cls: 6, base: 'azure', formats: CDK, verdict: 'fail', reason: /assoc-ca\S*\[1\]: subnet \S*subnets\/ca is also associated/, name: 'Azure: an association with count = 2 (two associations of one subnet)', mutate: (p) => { bodyOf(p, ASSOC, 'assoc-ca').count = 2; } },
  { cls: 6, base: 'azure', formats: ['show', 'applied'], verdict: 'pass', name: 'Azure: show -json lists expanded instances (with index), judged like any rule',
    mutate: (p) => { rename(p, NSR, 'pki-ca-nsg-in-clients-ca-tcp_F83F0E8A', 'pki-ca-nsg-in-clients-ca-tcp_F83F0E8A[0]'); } },
  { cls: 6, base: 'aws', formats: CDK, verdict: 'fail', reason: /ca-security-group_FF96D3C7\.id} cannot be resolved/, name: 'AWS: a created group with count (its rules name no instance of it)', mutate: (p) => { bodyOf(p, SG, 'ca-security-group').count = 1; } },
  { cls: 6, base: 'aws', formats: CDK, verdict: 'pass', name: 'AWS: an allow-all rule with count = 0 does not exist', mutate: (p) => { resourcesOf(p, IN).x = awsIn({ ip_protocol: '-1', cidr_ipv4: '0.0.0.0/0', count: 0 }); } },
  { cls: 6, base: 'aws', formats: CDK, verdict: 'fail', reason: /x: count or for_each whose value the check cannot know/, name: 'AWS: a rule with for_each', mutate: (p) => { resourcesOf(p, IN).x = awsIn({ for_each: '${var.cidrs}' }); } },
  { cls: 6, base: 'aws', formats: CDK, verdict: 'fail', reason: /ca-security-group\S*\.ingress: a dynamic block/, name: 'AWS: a group with a dynamic ingress block',
    mutate: (p) => { bodyOf(p, SG, 'ca-security-group').dynamic = { ingress: { for_each: '${var.cidrs}', content: { protocol: '-1' } } }; } },
  // --- 7. associations ---
  { cls: 7, base: 'azure', formats: ALL, verdict: 'fail', reason: /subnet .*subnets\/ca is also associated/, name: 'Azure: a second association of the CA subnet (to the CDP NSG)',
    mutate: (p) => { resourcesOf(p, ASSOC).second = { subnet_id: subnet('ca'), network_security_group_id: '${azurerm_network_security_group.adcs_azure_nsg-pki-cdp-nsg_8B2F2755.id}' }; } },
  { cls: 7, base: 'azure', formats: ALL, verdict: 'fail', reason: /NIC-level NSG association/, name: 'Azure: a NIC-level NSG association is never ignored',
    mutate: (p) => { resourcesOf(p, 'azurerm_network_interface_security_group_association').nic = { network_interface_id: '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/networkInterfaces/ca1', network_security_group_id: '${azurerm_network_security_group.adcs_azure_nsg-pki-cdp-nsg_8B2F2755.id}' }; } },
  { cls: 7, base: 'azure', formats: ALL, verdict: 'pass', name: 'Azure: associations renamed and reordered', mutate: (p) => { rename(p, ASSOC, 'adcs_azure_', 'renamed_'); reverse(p, ASSOC); } },
  // --- 8. inline and separate rules ---
  { cls: 8, base: 'azure', formats: CDK, verdict: 'fail', reason: /inline security_rule blocks and azurerm_network_security_rule resources on one NSG/, name: 'Azure: one inline rule beside the separate rules of the CA NSG',
    mutate: (p) => { bodyOf(p, NSG, 'pki-ca-nsg').security_rule = [{ ...bodyOf(p, NSR, 'pki-ca-nsg-in-admins-ca-tcp'), network_security_group_name: undefined, resource_group_name: undefined }]; delete resourcesOf(p, NSR)[keyOf(p, NSR, 'pki-ca-nsg-in-admins-ca-tcp')]; } },
  { cls: 8, base: 'azure', formats: ALL, verdict: 'pass', name: 'Azure: every rule of the CA NSG written inline instead (equivalent)',
    mutate: (p) => { const nsg = bodyOf(p, NSG, 'pki-ca-nsg'); nsg.security_rule = []; const rs = resourcesOf(p, NSR);
      for (const [k, v] of Object.entries(rs)) if (v.network_security_group_name === CA_NSG) {
        // In JSON an attribute written as blocks lists every attribute of each object, null when unused.
        const { network_security_group_name: _n, resource_group_name: _g, ...inline } = v; nsg.security_rule.push({ ...NSG_RULE_NULLS, ...inline }); delete rs[k]; } } },
  { cls: 8, base: 'aws', formats: CDK, verdict: 'fail', reason: /rules written as aws_vpc_security_group_ingress_rule\/egress_rule and inline ingress\/egress on one group/, name: 'AWS: an inline ingress block beside the group\'s VPC rule resources',
    mutate: (p) => { bodyOf(p, SG, 'ca-security-group').ingress = [{ protocol: 'tcp', from_port: 135, to_port: 135, cidr_blocks: ['10.20.0.0/16'] }]; } },
  { cls: 8, base: 'aws', formats: CDK, verdict: 'fail', reason: /rules written as aws_security_group_rule and aws_vpc_security_group_ingress_rule\/egress_rule on one group/, name: 'AWS: aws_security_group_rule beside the VPC rule resources',
    mutate: (p) => { resourcesOf(p, 'aws_security_group_rule').x = { type: 'ingress', security_group_id: CA_SG, protocol: 'tcp', from_port: 135, to_port: 135, cidr_blocks: ['10.20.0.0/16'] }; } },
  // --- 9. deny by default ---
  { cls: 9, base: 'azure', formats: ALL, verdict: 'fail', reason: /the platform default AllowVnetInBound lets \S+ -> ca .* at azurerm_network_security_group\.\S*pki-ca-nsg/, name: 'Azure: the CA NSG\'s deny deleted',
    mutate: (p) => { delete resourcesOf(p, NSR)[keyOf(p, NSR, 'pki-ca-nsg-deny-vnet')]; } },
  { cls: 9, base: 'azure', formats: ALL, verdict: 'fail', reason: /the platform default AllowVnetInBound lets \S+ -> ca UDP .* at azurerm_network_security_group\.\S*pki-ca-nsg/, name: 'Azure: the deny narrowed to Tcp', mutate: (p) => { bodyOf(p, NSR, 'pki-ca-nsg-deny-vnet').protocol = 'Tcp'; } },
  { cls: 9, base: 'azure', formats: ALL, verdict: 'fail', reason: /the platform default AllowVnetInBound lets \S+ -> ca TCP \S*1024-\S* through at azurerm_network_security_group\.\S*pki-ca-nsg/, name: 'Azure: the deny narrowed to ports 0-1023', mutate: (p) => { bodyOf(p, NSR, 'pki-ca-nsg-deny-vnet').destination_port_range = '0-1023'; } },
  { cls: 9, base: 'azure', formats: ALL, verdict: 'fail', reason: /the platform default AllowVnetInBound lets \S+ -> ocsp .* at NSG rg-net\/nsg-ocsp/, name: 'Azure: the existing NSG\'s deny narrowed to half the tier',
    mutate: (p) => { bodyOf(p, NSR, 'nsg-ocsp-deny-vnet').destination_address_prefix = '10.0.6.0/25'; } },
  { cls: 9, base: 'azure', formats: ALL, verdict: 'fail', reason: /enroll-dcom clients -> ca TCP 135,10509: BLOCKED at 135,10509/, name: 'Azure: the deny moved before the allows', mutate: (p) => { bodyOf(p, NSR, 'pki-ca-nsg-deny-vnet').priority = 120; } },
  { cls: 9, base: 'azure', formats: ALL, verdict: 'pass', name: 'Azure: the deny from * instead of VirtualNetwork (equivalent: DenyAllInbound covers the rest)',
    mutate: (p) => { bodyOf(p, NSR, 'pki-ca-nsg-deny-vnet').source_address_prefix = '*'; } },
  { cls: 9, base: 'azure', formats: ALL, verdict: 'pass', name: 'Azure: the deny at 4000 instead of 4096', mutate: (p) => { bodyOf(p, NSR, 'pki-ca-nsg-deny-vnet').priority = 4000; } },
  // --- equivalent rewrites ---
  { cls: 0, base: 'azure', formats: ALL, verdict: 'pass', name: 'Azure: every resource renamed', mutate: (p) => { rename(p, NSR, 'adcs_azure_', 'x_'); } },
  { cls: 0, base: 'azure', formats: ALL, verdict: 'pass', name: 'Azure: resources in reverse order', mutate: (p) => { reverse(p, NSR); reverse(p, NSG); reverse(p, ASSOC); } },
  { cls: 0, base: 'azure', formats: ALL, verdict: 'pass', name: 'Azure: the clients->CA rule split in two (135 and 10509 at another priority)',
    mutate: (p) => { const r = bodyOf(p, NSR, 'pki-ca-nsg-in-clients-ca-tcp'); r.destination_port_ranges = ['135'];
      resourcesOf(p, NSR).split = { ...r, name: 'split', priority: 1000, destination_port_ranges: ['10509'] }; } },
  { cls: 0, base: 'azure', formats: ALL, verdict: 'pass', name: 'Azure: the CES->CA and Web Enrollment->CA rules merged into one',
    mutate: (p) => { const a = bodyOf(p, NSR, 'pki-ca-nsg-in-ces-ca-tcp'); const b = bodyOf(p, NSR, 'pki-ca-nsg-in-webEnrollment-ca-tcp');
      a.source_address_prefixes = [...(a.source_address_prefixes ?? [a.source_address_prefix]), ...(b.source_address_prefixes ?? [b.source_address_prefix])];
      delete a.source_address_prefix; delete resourcesOf(p, NSR)[keyOf(p, NSR, 'pki-ca-nsg-in-webEnrollment-ca-tcp')]; } },
  { cls: 0, base: 'aws', formats: ['cdk', 'show'], verdict: 'pass', name: 'AWS: a DYN rule split in two port ranges',
    mutate: (p) => { const r = bodyOf(p, IN, 'ca-in-cidr-10-20-0-0_16-tcp-49152'); r.to_port = 60000; resourcesOf(p, IN).split = { ...r, from_port: 60001, to_port: 65535 }; } },
  { cls: 0, base: 'aws', formats: ['cdk', 'show'], verdict: 'pass', name: 'AWS: a client /16 peer split into two /17s',
    mutate: (p) => { const r = bodyOf(p, IN, 'ca-in-cidr-10-20-0-0_16-tcp-135'); r.cidr_ipv4 = '10.20.0.0/17'; resourcesOf(p, IN).half = { ...r, cidr_ipv4: '10.20.128.0/17' }; } },
  { cls: 0, base: 'aws', formats: ['cdk', 'show'], verdict: 'pass', name: 'AWS: every rule renamed and reordered', mutate: (p) => { rename(p, IN, 'adcs_aws_', 'x_'); reverse(p, IN); reverse(p, OUT); } },
  { cls: 0, base: 'aws', formats: ['cdk', 'show'], verdict: 'pass', name: 'AWS: a rule duplicated under another name (a union of allows)',
    mutate: (p) => { resourcesOf(p, IN).dup = { ...bodyOf(p, IN, 'ca-in-cidr-10-20-0-0_16-tcp-135') }; } },
  { cls: 0, base: 'aws', formats: ['cdk', 'show'], verdict: 'pass', name: 'AWS: protocols written as numbers (tcp 6, udp 17)',
    mutate: (p) => { for (const set of [resourcesOf(p, IN), resourcesOf(p, OUT)]) for (const v of Object.values(set)) v.ip_protocol = v.ip_protocol === 'tcp' ? '6' : v.ip_protocol === 'udp' ? '17' : v.ip_protocol; } },
  { cls: 0, base: 'aws', formats: ['cdk', 'show'], verdict: 'pass', name: 'AWS: ingress rules and groups in reverse order',
    mutate: (p) => { reverse(p, IN); reverse(p, SG); } },
  { cls: 0, base: 'aws', formats: ['cdk', 'show'], verdict: 'fail', reason: /lets 10\.0\.0\.0\/8|lets elsewhere -> ca TCP 135/, name: 'AWS: a client peer widened to 10.0.0.0/8',
    mutate: (p) => { bodyOf(p, IN, 'ca-in-cidr-10-20-0-0_16-tcp-135').cidr_ipv4 = '10.0.0.0/8'; } },
  { cls: 0, base: 'aws', formats: ['cdk', 'show'], verdict: 'fail', reason: /enroll-dcom clients -> ca TCP .*BLOCKED at 135/, name: 'AWS: a DCOM rule removed',
    mutate: (p) => { delete resourcesOf(p, IN)[keyOf(p, IN, 'ca-in-cidr-10-20-0-0_16-tcp-135')]; } },
];

const runs = CASES.flatMap((c) => c.formats.map((format) => ({ c, format })));

describe('mutation corpus (issue 12): plans that must fail, equivalent rewrites that must pass', () => {
  it(`has at least 60 runs over both clouds, both ways, covering classes 1-9 (${runs.length} runs of ${CASES.length} cases)`, () => {
    assert.ok(runs.length >= 60);
    for (const cls of [1, 2, 3, 4, 5, 6, 7, 8, 9]) assert.ok(CASES.some((c) => c.cls === cls && c.verdict === 'fail'), `class ${cls} must-fail`);
    for (const base of ['azure', 'aws'] as const) for (const v of ['pass', 'fail'] as const) assert.ok(CASES.some((c) => c.base === base && c.verdict === v));
    assert.ok(CASES.every((c) => (c.verdict === 'fail') === (c.reason !== undefined)));
  });

  for (const { c, format } of runs) {
    it(`[${c.base} ${format}] class ${c.cls || '-'} ${c.verdict}: ${c.name}`, () => {
      // GIVEN the library's plan, mutated, in the format
      const cdk = JSON.parse(BASES[c.base]);
      c.mutate(cdk);
      const plan = inFormat(JSON.parse(JSON.stringify(cdk)), format);
      // WHEN checked
      const report = checkPlan(plan, SPECS[c.base]);
      const text = renderReport(report, CheckFormat.TABLE);
      // THEN the verdict, and for a failure the reason
      assert.equal(report.ok, c.verdict === 'pass', text);
      if (c.reason) assert.match(text, c.reason, text);
    });
  }
});
