import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { App, Testing } from 'cdktf';
import { assertStackSatisfies, checkStack } from '../../lib/testing/stack-check';
import { IDENTITY_SUBSCRIPTION, landingZoneAws, landingZoneAzure, PKI_SUBSCRIPTION } from '../../examples/landing-zone';

function synth(add: (app: App) => any): { stack: any; json: any; resources: any[] } {
  const app = Testing.app({ stackTraces: false });
  const stack = add(app).node.scope;
  const json = JSON.parse(Testing.synth(stack));
  return { stack, json, resources: Object.values<any>(json.resource).flatMap((byName) => Object.values<any>(byName)) };
}

/** Each construct's path, verdict, flows, flows allowed and over-permissive findings. */
const summary = (stack: object): [string, boolean, number, number, number][] => checkStack(stack).map((r) => [r.path, r.report.ok,
  r.report.flows.length, r.report.flows.filter((f) => f.status === 'allowed').length, r.report.extras.filter((e) => e.kind === 'over-permissive').length]);

describe('example: landing zones (the DCs under another provider configuration)', () => {
  it('Azure: the DC rules go to the identity team\'s NSG through azurerm.identity, the rest through the default configuration, and the stack satisfies its estate', () => {
    const { stack, json, resources } = synth(landingZoneAzure);
    // the user's two configurations of the provider (their provider package's class, pinned version)
    assert.deepEqual(json.provider.azurerm, [{ features: [{}], subscription_id: PKI_SUBSCRIPTION }, { alias: 'identity', features: [{}], subscription_id: IDENTITY_SUBSCRIPTION }]);
    assert.equal(json.terraform.required_providers.azurerm.version, '4.55.0');
    // by hand: on the DCs' NSG, inbound from clients, ca, ces and cep (TCP, UDP each) and outbound dc -> ca TCP
    const identity = resources.filter((r) => r.provider === 'azurerm.identity');
    assert.deepEqual(identity.map((r) => r.name).sort(), [
      'pki-lz-weu-in-ca-to-dc-tcp', 'pki-lz-weu-in-ca-to-dc-udp', 'pki-lz-weu-in-cep-to-dc-tcp', 'pki-lz-weu-in-cep-to-dc-udp', 'pki-lz-weu-in-ces-to-dc-tcp',
      'pki-lz-weu-in-ces-to-dc-udp', 'pki-lz-weu-in-clients-to-dc-tcp', 'pki-lz-weu-in-clients-to-dc-udp', 'pki-lz-weu-out-dc-to-ca-tcp']);
    assert.ok(identity.every((r) => r.network_security_group_name === 'nsg-identity-dc' && r.resource_group_name === 'rg-identity-weu'));
    assert.ok(resources.filter((r) => r.provider === undefined).every((r) => r.network_security_group_name !== 'nsg-identity-dc'));
    // AND check passes: every flow allowed, nothing over-permissive (14 flows, as the own-network example's)
    assert.doesNotThrow(() => assertStackSatisfies(stack));
    assert.deepEqual(summary(stack), [['landing-zone-azure/adcs', true, 14, 14, 0]]);
  });

  it('AWS: the DC rules go to the shared-services group through aws.shared, peering by CIDR across the accounts, and the stack satisfies its estate', () => {
    const { stack, json, resources } = synth(landingZoneAws);
    assert.deepEqual(json.provider.aws, [{ region: 'eu-west-1' }, { alias: 'shared', assume_role: [{ role_arn: 'arn:aws:iam::222222222222:role/pki-network' }], region: 'eu-west-1' }]);
    const rules = resources.filter((r) => r.ip_protocol !== undefined);
    const onDc = rules.filter((r) => r.security_group_id === 'sg-0123456789abcdef0');
    assert.ok(onDc.length > 0 && onDc.every((r) => r.provider === 'aws.shared'));
    assert.ok(rules.filter((r) => r.security_group_id !== 'sg-0123456789abcdef0').every((r) => r.provider === undefined));
    // no rule names a group across the accounts: the DCs' rules name the CA's and CES's CIDRs, theirs the DCs'
    assert.deepEqual(onDc.filter((r) => r.referenced_security_group_id !== undefined), []);
    assert.deepEqual(rules.filter((r) => r.referenced_security_group_id === 'sg-0123456789abcdef0'), []);
    assert.deepEqual([...new Set(onDc.map((r) => r.cidr_ipv4))].sort(), ['10.0.1.0/28', '10.0.2.0/27', '10.20.0.0/16']);
    // ... while the CA and CES, in one account, still reference each other's groups
    assert.ok(rules.some((r) => r.referenced_security_group_id?.startsWith('${aws_security_group.adcs_aws_ces-security-group')));
    assert.doesNotThrow(() => assertStackSatisfies(stack));
    // 11 flows, as the own-network AWS example's
    assert.deepEqual(summary(stack), [['landing-zone-aws/adcs', true, 11, 11, 0]]);
  });
});
