import { App, LocalBackend, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { AdcsEnrollmentSecurity } from '../lib/cdktf/adcs-enrollment-security';
import { Platform } from '../lib/model/options';

// Landing zones (issue 24): the PKI in its own subscription or account, the domain controllers
// in the identity subscription or a shared-services account. The DCs' enforcement point (an NSG
// or a security group the identity team owns) lives under another provider configuration of the
// user's, passed as the tier's `provider`; everything else under the default one.

/** The PKI's subscription and the identity subscription. */
export const PKI_SUBSCRIPTION = '00000000-0000-0000-0000-000000000000';
export const IDENTITY_SUBSCRIPTION = '11111111-1111-1111-1111-111111111111';
const SUBNETS = `/subscriptions/${PKI_SUBSCRIPTION}/resourceGroups/rg-network-weu/providers/Microsoft.Network/virtualNetworks/vnet-pki-weu/subnets`;

/**
 * Azure: the CA's and the web servers' NSGs created in the PKI subscription (the default azurerm
 * configuration); the DC rules added to the identity team's NSG in the identity subscription
 * (the `identity` configuration).
 */
export function landingZoneAzure(app: App): AdcsEnrollmentSecurity {
  const stack = new TerraformStack(app, 'landing-zone-azure');
  new LocalBackend(stack, { path: 'terraform.landing-zone-azure.tfstate' });
  new AzurermProvider(stack, 'azurerm', { features: [{}], subscriptionId: PKI_SUBSCRIPTION });
  const identity = new AzurermProvider(stack, 'identity', { alias: 'identity', features: [{}], subscriptionId: IDENTITY_SUBSCRIPTION });
  return new AdcsEnrollmentSecurity(stack, 'adcs', {
    name: 'pki-lz-weu',
    platform: Platform.AZURE,
    azure: { resourceGroupName: 'rg-pki-weu', location: 'westeurope', tags: { owner: 'pki-team' } },
    tiers: {
      clients: { cidrs: ['10.20.0.0/16', '172.16.8.0/22'] },
      ca: { cidrs: ['10.0.1.0/27'], subnetIds: [`${SUBNETS}/snet-pki-ca`] },
      ces: { cidrs: ['10.0.2.0/27'], subnetIds: [`${SUBNETS}/snet-pki-web`], nsgName: 'pki-lz-weu-web-nsg' },
      cep: { cidrs: ['10.0.2.0/27'], subnetIds: [`${SUBNETS}/snet-pki-web`], nsgName: 'pki-lz-weu-web-nsg' },
      // In the identity subscription, over the hub's peering: the identity team's NSG takes the DC rules.
      dc: { cidrs: ['10.100.0.0/27'], provider: identity, networkSecurityGroup: { name: 'nsg-identity-dc', resourceGroupName: 'rg-identity-weu', priorityRange: '3000-3499' } },
    },
  });
}

/**
 * AWS: the CA's and CES's groups created in the PKI account (the default aws configuration); the
 * DC rules on the directory's group in the shared-services account (the `shared` configuration,
 * assuming a role there). Rules between them name each other's CIDRs: a security group reference
 * does not cross accounts.
 */
export function landingZoneAws(app: App): AdcsEnrollmentSecurity {
  const stack = new TerraformStack(app, 'landing-zone-aws');
  new LocalBackend(stack, { path: 'terraform.landing-zone-aws.tfstate' });
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  const shared = new AwsProvider(stack, 'shared', { alias: 'shared', region: 'eu-west-1', assumeRole: [{ roleArn: 'arn:aws:iam::222222222222:role/pki-network' }] });
  return new AdcsEnrollmentSecurity(stack, 'adcs', {
    name: 'pki-lz-euw1',
    platform: Platform.AWS,
    aws: { vpcId: 'vpc-0a1b2c3d4e5f67890', tags: { owner: 'pki-team' } },
    tiers: {
      clients: { cidrs: ['10.20.0.0/16'] },
      ca: { cidrs: ['10.0.1.0/28'], createSecurityGroup: true },
      ces: { cidrs: ['10.0.2.0/27'], createSecurityGroup: true },
      // The directory's security group, in the shared-services account (over the transit gateway).
      dc: { cidrs: ['10.100.0.0/26'], provider: shared, securityGroupId: 'sg-0123456789abcdef0' },
    },
  });
}
