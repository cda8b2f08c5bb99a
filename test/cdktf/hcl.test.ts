import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Testing, TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { NetworkSecurityRule } from '@cdktf/provider-azurerm/lib/network-security-rule';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { AdcsProvider, AdcsResource } from '../../lib/cdktf';
import { Platform } from '../../lib/model/options';

const AWS = { providerName: 'aws', providerVersionConstraint: '~> 6.0' };
const AZURERM = { providerName: 'azurerm', providerVersionConstraint: '~> 4.0' };

describe('the library\'s resource and provider classes in HCL output', () => {
  it('render as the provider packages\' classes do (strings, numbers, lists, maps, blocks, references)', () => {
    // GIVEN the same provider, group, rule and NSG rule, once with the provider packages, once with the library's classes
    const bindings = new TerraformStack(Testing.app(), 's');
    new AzurermProvider(bindings, 'azurerm', { features: [{}] });
    const sg = new SecurityGroup(bindings, 'g', { name: 'n', description: 'd', vpcId: 'v', tags: { b: '2', a: '1' } });
    new VpcSecurityGroupIngressRule(bindings, 'r', { securityGroupId: sg.id, ipProtocol: 'tcp', fromPort: 1, toPort: 2, cidrIpv4: '10.0.0.0/8', description: 'x' });
    new NetworkSecurityRule(bindings, 'n', {
      name: 'x', networkSecurityGroupName: 'y', resourceGroupName: 'z', priority: 100, direction: 'Inbound', access: 'Allow', protocol: 'Tcp',
      sourcePortRange: '*', sourceAddressPrefixes: ['1.0.0.0/8', '2.0.0.0/8'], destinationAddressPrefix: '3.0.0.0/8', destinationPortRanges: ['1', '2-3'], description: 'd',
    });
    const ours = new TerraformStack(Testing.app(), 's');
    new AdcsProvider(ours, 'azurerm', { platform: Platform.AZURE });
    const g = new AdcsResource(ours, 'g', 'aws_security_group', AWS, { name: 'n', description: 'd', vpc_id: 'v', tags: { b: '2', a: '1' } });
    new AdcsResource(ours, 'r', 'aws_vpc_security_group_ingress_rule', AWS, { security_group_id: g.id, ip_protocol: 'tcp', from_port: 1, to_port: 2, cidr_ipv4: '10.0.0.0/8', description: 'x' });
    new AdcsResource(ours, 'n', 'azurerm_network_security_rule', AZURERM, {
      name: 'x', network_security_group_name: 'y', resource_group_name: 'z', priority: 100, direction: 'Inbound', access: 'Allow', protocol: 'Tcp',
      source_port_range: '*', source_address_prefixes: ['1.0.0.0/8', '2.0.0.0/8'], destination_address_prefix: '3.0.0.0/8', destination_port_ranges: ['1', '2-3'], description: 'd',
    });
    // WHEN both are rendered as HCL  THEN the text is the same but for the provider requirement: the
    // bindings pin the version they were generated for, AdcsProvider writes the constraint its
    // resources are written for (the exact version is the lock file's)
    const text = Testing.synthHcl(ours);
    const theirs = Testing.synthHcl(bindings);
    assert.match(theirs, /version = "4\.55\.0"/);
    assert.match(text, /version = "~> 4\.0"/);
    assert.equal(text, theirs.replace('version = "4.55.0"', 'version = "~> 4.0"'));
    assert.match(text, /destination_port_ranges = \[/);
    assert.match(text, /security_group_id = "\$\{aws_security_group\.g\.id\}"/);
  });
});
