import type { TerraformStack } from 'cdktf';
import type { AdcsEnrollmentSecurity } from '../../lib/cdktf/adcs-enrollment-security';
import { EstateProps } from '../../lib/input/props';
import { EstateInput, estateProps } from './fixtures';

/** Synthesizes one estate in a fresh test app; returns the parsed cdk.tf.json and the construct. */
export function synthEstate(props: EstateProps): { json: any; text: string; adcs: AdcsEnrollmentSecurity; stack: TerraformStack } {
  // Loaded on use: the fixtures below also serve the CDK Terrain tests, which never load cdktf.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Testing, TerraformStack } = require('cdktf') as typeof import('cdktf');
  const app = Testing.app({ stackTraces: false });
  const stack = new TerraformStack(app, 'test');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { AdcsEnrollmentSecurity } = require('../../lib/cdktf/adcs-enrollment-security') as typeof import('../../lib/cdktf/adcs-enrollment-security');
  const adcs = new AdcsEnrollmentSecurity(stack, 'adcs', props);
  const text = Testing.synth(stack);
  return { json: JSON.parse(text), text, adcs, stack };
}

const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets';

/** An Azure subnet id for tests. */
export const subnet = (name: string): string => `${SUB}/${name}`;

/** Azure settings for tests. */
export const AZURE = { resourceGroupName: 'rg-pki', location: 'westeurope' };

/** A rich Azure estate: every tier, created NSGs, one existing NSG, custom flow. */
export function richAzure(over: Partial<EstateInput> = {}): EstateProps {
  return estateProps({
    name: 'pki',
    platform: 'azure',
    azure: AZURE,
    crlPublishing: 'smb',
    ndesHttp: true,
    tiers: {
      clients: { cidrs: ['10.20.0.0/16', '10.21.0.0/16'] },
      ca: { cidrs: ['10.0.1.0/24'], subnetIds: [subnet('ca')] },
      ces: { cidrs: ['10.0.2.0/24'], subnetIds: [subnet('web')] },
      cep: { cidrs: ['10.0.2.0/24'], subnetIds: [subnet('web')] },
      dc: { cidrs: ['10.0.0.0/24'], subnetIds: [subnet('dc')] },
      webEnrollment: { cidrs: ['10.0.4.0/24'], subnetIds: [subnet('webenroll')] },
      ndes: { cidrs: ['10.0.5.0/24'], subnetIds: [subnet('ndes')] },
      ndesClients: { cidrs: ['172.16.0.0/16'] },
      ocsp: { cidrs: ['10.0.6.0/24'], networkSecurityGroup: { name: 'nsg-ocsp', resourceGroupName: 'rg-net', denyByDefault: true } },
      cdp: { cidrs: ['10.0.3.0/24'], subnetIds: [subnet('cdp')] },
      admins: { cidrs: ['10.0.9.0/28'] },
    },
    customFlows: [{ name: 'rdp', from: 'admins', to: 'ca', protocol: 'tcp', ports: ['3389'], purpose: 'RDP' }],
    ...over,
  });
}
