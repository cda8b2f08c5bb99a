import { App, LocalBackend, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { NetworkSecurityGroup } from '@cdktf/provider-azurerm/lib/network-security-group';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { AdcsEnrollmentSecurity } from '../lib/cdktf/adcs-enrollment-security';
import { Platform } from '../lib/model/options';

// An app as a user writes it: the stack creates its own network and passes the resources to
// AdcsEnrollmentSecurity as tokens (ids, names, locations); only the CIDRs are literal.

/**
 * Azure: a resource group, a virtual network, three subnets and the DCs' NSG of the user's; the
 * PKI's NSGs created for the CA and web subnets, the DC rules added to the user's NSG.
 */
export function ownNetworkAzure(app: App): AdcsEnrollmentSecurity {
  const stack = new TerraformStack(app, 'own-network-azure');
  new LocalBackend(stack, { path: 'terraform.own-network-azure.tfstate' });
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  const rg = new ResourceGroup(stack, 'rg', { name: 'rg-pki-weu', location: 'westeurope' });
  const vnet = new VirtualNetwork(stack, 'vnet', {
    name: 'vnet-pki-weu', resourceGroupName: rg.name, location: rg.location, addressSpace: ['10.0.0.0/16'],
  });
  const subnet = (id: string, prefix: string): Subnet =>
    new Subnet(stack, id, { name: id, resourceGroupName: rg.name, virtualNetworkName: vnet.name, addressPrefixes: [prefix] });
  const ca = subnet('snet-ca', '10.0.1.0/24');
  const web = subnet('snet-web', '10.0.2.0/24');
  subnet('snet-dc', '10.0.0.0/24');
  const dcNsg = new NetworkSecurityGroup(stack, 'nsg-dc', { name: 'nsg-dc-weu', resourceGroupName: rg.name, location: rg.location });
  return new AdcsEnrollmentSecurity(stack, 'adcs', {
    name: 'pki-own-weu',
    platform: Platform.AZURE,
    dcomPort: 10509,
    azure: { resourceGroupName: rg.name, location: rg.location, tags: { owner: 'pki' } },
    tiers: {
      clients: { cidrs: ['10.20.0.0/16', '10.21.0.0/16'] },
      ca: { cidrs: ['10.0.1.0/24'], subnetIds: [ca.id] },
      ces: { cidrs: ['10.0.2.0/24'], subnetIds: [web.id], nsgName: 'pki-own-weu-web-nsg' },
      cep: { cidrs: ['10.0.2.0/24'], subnetIds: [web.id], nsgName: 'pki-own-weu-web-nsg' },
      // The DCs keep their own NSG (they serve the whole domain): the library adds its rules to it.
      dc: { cidrs: ['10.0.0.0/24'], networkSecurityGroup: { name: dcNsg.name, resourceGroupName: dcNsg.resourceGroupName, priorityRange: '3000-3499' } },
    },
  });
}

/** AWS: a VPC and the DCs' security group of the user's; the PKI's groups created in that VPC. */
export function ownNetworkAws(app: App): AdcsEnrollmentSecurity {
  const stack = new TerraformStack(app, 'own-network-aws');
  new LocalBackend(stack, { path: 'terraform.own-network-aws.tfstate' });
  new AwsProvider(stack, 'aws', { region: 'us-east-1' });
  const vpc = new Vpc(stack, 'vpc', { cidrBlock: '10.0.0.0/16' });
  const dcSg = new SecurityGroup(stack, 'dc-sg', { name: 'dc', description: 'Domain controllers', vpcId: vpc.id });
  return new AdcsEnrollmentSecurity(stack, 'adcs', {
    name: 'pki-own-use1',
    platform: Platform.AWS,
    aws: { vpcId: vpc.id, tags: { owner: 'pki' } },
    tiers: {
      clients: { cidrs: ['10.20.0.0/16'] },
      ca: { cidrs: ['10.0.1.0/24'], createSecurityGroup: true },
      ces: { cidrs: ['10.0.2.0/24'], createSecurityGroup: true },
      dc: { cidrs: ['10.0.0.0/24'], securityGroupId: dcSg.id },
    },
  });
}
