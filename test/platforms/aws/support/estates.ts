import { AwsPlan, planAws } from '../../../../lib/platforms/aws/planner';
import { flowsOf } from '../../../../lib/model/flows';
import { EstateProps, TierProps } from '../../../../lib/input/props';
import { resolveSpec } from '../../../../lib/spec';
import { synthEstate } from '../../../support/estates';
import { EstateInput, estateProps } from '../../../support/fixtures';

/** AWS settings for tests. */
export const AWS = { vpcId: 'vpc-0a1b2c3d4e5f67890' };
/** The DCs' existing group in tests. */
export const DC_SG = 'sg-0123456789abcdef0';
/** Another existing group (shared by co-located tiers in tests). */
export const WEB_SG = 'sg-0fedcba9876543210';

/** Synthesizes one estate in a fresh test app: parsed cdk.tf.json, its text, the construct, the stack. */
export const synthAws = synthEstate;

/** The pure AWS plan of an estate. */
export function planOf(props: EstateProps): AwsPlan {
  const spec = resolveSpec(props, 'test');
  return planAws(spec, flowsOf(spec.estate), 'test');
}

/** The core tiers plus CES and CEP: CA, CES and CEP on created groups, DCs on an existing one, clients by CIDR. */
export function modernAws(over: Partial<EstateInput> = {}): EstateProps {
  return estateProps({
    name: 'pki',
    platform: 'aws',
    aws: AWS,
    tiers: {
      clients: { cidrs: ['10.20.0.0/16', '172.16.8.0/22'] },
      ca: { cidrs: ['10.50.1.0/28'], createSecurityGroup: true },
      ces: { cidrs: ['10.50.2.0/27'], createSecurityGroup: true },
      cep: { cidrs: ['10.50.3.0/27'], createSecurityGroup: true },
      dc: { cidrs: ['10.50.0.0/26'], securityGroupId: DC_SG },
    },
    ...over,
  });
}

/**
 * Every tier and option: created groups, the DCs on an existing group, Web Enrollment and
 * NDES on the same hosts sharing another existing group, NDES devices, admins and clients by CIDR, SMB CRL
 * publishing, SCEP over HTTP, the member baseline and custom flows (one inside a shared group).
 */
export function richAws(over: Partial<EstateInput> = {}): EstateProps {
  return estateProps({
    name: 'pki',
    platform: 'aws',
    aws: { ...AWS, ruleQuota: 200, tags: { owner: 'pki-team', environment: 'test' } },
    crlPublishing: 'smb',
    ndesHttp: true,
    domainMemberFlows: true,
    tiers: {
      clients: { cidrs: ['10.20.0.0/16', '10.21.0.0/16', '172.16.8.0/22'] },
      ca: { cidrs: ['10.50.1.0/28'], createSecurityGroup: true },
      ces: { cidrs: ['10.50.2.0/27'], createSecurityGroup: true, securityGroupName: 'pki-enrollment-web' },
      cep: { cidrs: ['10.50.2.0/27'] },
      dc: { cidrs: ['10.50.0.0/26'], securityGroupId: DC_SG },
      webEnrollment: { cidrs: ['10.50.4.0/28'], securityGroupId: WEB_SG },
      ndes: { cidrs: ['10.50.4.0/28'], securityGroupId: WEB_SG },
      ndesClients: { cidrs: ['192.168.100.0/24'] },
      ocsp: { cidrs: ['10.50.6.0/28'], createSecurityGroup: true },
      cdp: { cidrs: ['10.50.7.0/28'], createSecurityGroup: true },
      admins: { cidrs: ['10.50.9.0/28'] },
    },
    customFlows: [
      { name: 'rdp-paw', from: 'admins', to: 'ca', protocol: 'tcp', ports: ['3389'], purpose: 'RDP from the PAWs' },
      { name: 'winrm', from: 'admins', to: 'ca', protocol: 'tcp', ports: ['5985-5986'], purpose: 'WinRM' },
      { name: 'web-to-ndes', from: 'webEnrollment', to: 'ndes', protocol: 'tcp', ports: ['8443'], purpose: 'inside one shared group' },
      { name: 'snmp', from: 'ca', to: 'ocsp', protocol: 'udp', ports: ['161-162'], purpose: 'monitoring' },
    ],
    ...over,
  });
}

/** `props` with tier `key` replaced (or added). */
export function withTier(props: EstateProps, key: string, tier: TierProps): EstateProps {
  return { ...props, tiers: { ...props.tiers, [key]: tier } };
}
