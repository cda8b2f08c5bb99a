import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AdcsInputError } from '../../lib/errors';
import { resolveSpec } from '../../lib/spec';
import { planEstate } from '../../lib/spec/estate-plan';
import { estateRecordMetadata } from '../../lib/spec/estate-record';
import { TfResourceElement } from '../../lib/terraform/elements';
import { stackDocument } from '../../lib/terraform/stack-document';
import { PLATFORMS } from '../../lib/platforms/registry';
import { subnet } from '../support/estates';

// Providers per tier (issue 24): a tier's enforcement point, and every rule written to it, may live
// under a named provider configuration (another subscription, account or region). What the spec
// says and what the platforms write, without a framework.

const IDENTITY_SUBSCRIPTION = '11111111-1111-1111-1111-111111111111';
const ROLE = 'arn:aws:iam::123456789012:role/pki-rules';

/** A landing zone on Azure: the PKI's NSGs in the default subscription, the DCs' NSG in the identity subscription. */
function azureDoc(dcProvider?: string): Record<string, unknown> {
  return {
    name: 'pki-lz',
    platform: 'azure',
    azure: { resourceGroupName: 'rg-pki', location: 'westeurope', providers: { identity: { subscriptionId: IDENTITY_SUBSCRIPTION } } },
    tiers: {
      clients: { cidrs: ['10.20.0.0/16'] },
      ca: { cidrs: ['10.0.1.0/24'], subnetIds: [subnet('snet-ca')] },
      ces: { cidrs: ['10.0.2.0/24'], subnetIds: [subnet('snet-web')] },
      dc: {
        cidrs: ['10.1.0.0/24'], networkSecurityGroup: { name: 'nsg-dc', resourceGroupName: 'rg-identity', priorityRange: '3000-3499' },
        ...(dcProvider === undefined ? {} : { provider: dcProvider }),
      },
    },
  };
}

/** On AWS: the PKI's groups created in the default account, the DCs' existing group in a shared-services account. */
function awsDoc(dcProvider?: string): Record<string, unknown> {
  return {
    name: 'pki-lz',
    platform: 'aws',
    aws: { vpcId: 'vpc-0a1b2c3d4e5f67890', region: 'eu-west-1', providers: { shared: { region: 'eu-west-1', assumeRoleArn: ROLE } } },
    tiers: {
      clients: { cidrs: ['10.20.0.0/16'] },
      ca: { cidrs: ['10.0.1.0/24'], createSecurityGroup: true },
      ces: { cidrs: ['10.0.2.0/24'], createSecurityGroup: true },
      dc: { cidrs: ['10.1.0.0/24'], securityGroupId: 'sg-0123456789abcdef0', ...(dcProvider === undefined ? {} : { provider: dcProvider }) },
    },
  };
}

/** The resources a spec plans to, by construct id. */
function resources(doc: unknown): Map<string, TfResourceElement> {
  const spec = resolveSpec(doc, 'spec');
  const planned = planEstate(spec, 'spec', 'test', true);
  return new Map(planned.elements.filter((e): e is TfResourceElement => e.kind === 'resource').map((e) => [e.path.join('/'), e]));
}

/** The problems of a spec that is refused: [key path, rule id, message]. */
function refused(doc: unknown): [string, string, string][] {
  try {
    const spec = resolveSpec(doc, 'spec');
    planEstate(spec, 'spec', 'test', true);
  } catch (e) {
    assert.ok(e instanceof AdcsInputError, String(e));
    return e.problems.map((p) => [p.path, p.ruleId, p.message]);
  }
  assert.fail('the spec was accepted');
}

describe('providers per tier: Azure', () => {
  it('writes the DCs\' NSG rules under azurerm.identity and nothing else under it', () => {
    // GIVEN the landing zone with the DCs under `identity`  WHEN planned
    const all = resources(azureDoc('identity'));
    const under = [...all.values()].filter((e) => e.provider !== undefined);
    // THEN exactly the rules on the DCs' existing NSG carry the provider (by hand: inbound from clients,
    // ca and ces, TCP and UDP each; outbound dc -> ca TCP for the DCs' own enrollment: 7)
    assert.deepEqual(under.map((e) => e.path[0]).sort(), [
      'existing-rg-identity-nsg-dc-in-ca-dc-tcp', 'existing-rg-identity-nsg-dc-in-ca-dc-udp', 'existing-rg-identity-nsg-dc-in-ces-dc-tcp',
      'existing-rg-identity-nsg-dc-in-ces-dc-udp', 'existing-rg-identity-nsg-dc-in-clients-dc-tcp', 'existing-rg-identity-nsg-dc-in-clients-dc-udp',
      'existing-rg-identity-nsg-dc-out-dc-ca-tcp',
    ]);
    assert.ok(under.every((e) => e.provider === 'azurerm.identity'));
  });

  it('moves no rule\'s address, name or priority when a tier gets a provider (identity is content)', () => {
    // GIVEN the landing zone without and with the DCs under `identity`
    const before = resources(azureDoc());
    const after = resources(azureDoc('identity'));
    // THEN the same resources, each with the same arguments; only the DCs' rules gained the provider
    assert.deepEqual([...after.keys()], [...before.keys()]);
    for (const [id, e] of after) {
      assert.deepEqual(e.attributes, before.get(id)!.attributes, id);
      assert.equal(before.get(id)!.provider, undefined);
    }
  });

  it('declares the default configuration, then each named one with its alias and subscription', () => {
    const spec = resolveSpec(azureDoc('identity'), 'spec');
    assert.deepEqual(PLATFORMS.azure.providers(spec).map((p) => ({ alias: p.alias, config: p.config, version: p.version })), [
      { alias: undefined, config: { features: [{}] }, version: '~> 4.0' },
      { alias: 'identity', config: { features: [{}], subscription_id: IDENTITY_SUBSCRIPTION, tenant_id: undefined }, version: '~> 4.0' },
    ]);
    // AND the stack writes them as one provider with two configurations, and the resources' meta-argument
    const planned = planEstate(spec, 'spec', 'test', true);
    const doc = stackDocument({ stackName: 'pki-lz', scope: ['adcs', 'azure'], elements: planned.elements, providers: PLATFORMS.azure.providers(spec), backendPath: 'x', frameworkVersion: '0.21.0' }) as any;
    assert.deepEqual(doc.provider, { azurerm: [{ features: [{}] }, { alias: 'identity', features: [{}], subscription_id: IDENTITY_SUBSCRIPTION, tenant_id: undefined }] });
    const rules = Object.values<any>(doc.resource.azurerm_network_security_rule);
    assert.equal(rules.find((r) => r.name === 'pki-lz-out-dc-to-ca-tcp').provider, 'azurerm.identity');
    assert.equal(rules.find((r) => r.name === 'pki-lz-out-ca-to-dc-tcp').provider, undefined);
  });

  it('puts every resource of an estate under the estate-wide provider, unless a tier names its own', () => {
    const doc = { ...azureDoc(), provider: 'identity' };
    const all = resources(doc);
    // created NSGs, their associations and rules, and the existing NSG's rules: all of them
    assert.deepEqual([...new Set([...all.values()].map((e) => e.provider))], ['azurerm.identity']);
  });

  it('refuses what cannot be written', () => {
    // a name no configuration declares (with the closest)
    assert.deepEqual(refused(azureDoc('identty')), [['tiers.dc.provider', 'ADCS-E301',
      '"identty" names no provider configuration (did you mean "identity"?); declared under azure.providers: identity. In a spec, declare it there (azure.providers: { identty: { ... } }); in the construct, pass your TerraformProvider (with its alias) as "provider"']]);
    // a provider on a tier without an enforcement point
    const clients = azureDoc('identity') as any;
    clients.tiers.clients.provider = 'identity';
    assert.deepEqual(refused(clients).map(([p, r]) => [p, r]), [['tiers.clients.provider', 'ADCS-E302']]);
    assert.match(refused(clients)[0][2], /tier "clients" has no enforcement point.*give the tier one of subnetIds or networkSecurityGroup/);
    // an alias that is not a Terraform name, a subscription id that is not a GUID
    const bad = azureDoc() as any;
    bad.azure.providers = { '9lives': {}, identity: { subscriptionId: 'sub-identity', tenantId: '${var.tenant_id}' } };
    assert.deepEqual(refused(bad), [
      ['azure.providers.9lives', 'ADCS-E300', '"9lives" is not a provider alias; Terraform takes a letter or underscore, then letters, digits, underscores and dashes (for example "identity")'],
      ['azure.providers.identity.subscriptionId', 'ADCS-E121', '"sub-identity" is not a subscription id; Azure subscription ids are GUIDs such as 00000000-0000-0000-0000-000000000000 (or a Terraform expression such as ${var.subscription_id})'],
    ]);
    // tiers on one subnet (one NSG) under different configurations
    const shared = azureDoc() as any;
    shared.tiers.ces = { cidrs: ['10.0.1.0/24'], subnetIds: [subnet('snet-ca')], provider: 'identity' };
    assert.deepEqual(refused(shared).map(([p, r]) => [p, r]), [['tiers.ces.provider', 'ADCS-E104']]);
    // one existing NSG's name under two configurations
    const twice = azureDoc('identity') as any;
    twice.tiers.ces = { cidrs: ['10.0.2.0/24'], networkSecurityGroup: { name: 'nsg-dc', resourceGroupName: 'rg-identity', priorityRange: '3000-3499' } };
    assert.deepEqual(refused(twice).map(([p, r]) => [p, r]), [['tiers.dc.provider', 'ADCS-E122']]);
  });
});

describe('providers per tier: AWS', () => {
  it('writes the DCs\' group rules under aws.shared, and every rule whose peer group lies under another configuration with the peer\'s CIDRs', () => {
    const before = resources(awsDoc());
    const after = resources(awsDoc('shared'));
    // THEN the rules on the DCs' group carry the provider ...
    for (const [id, e] of after) assert.equal(e.provider, id.startsWith('sg-0123456789abcdef0-') ? 'aws.shared' : undefined, id);
    // ... no rule references a group across configurations: the DCs' rules peer with the CA's and
    // CES's CIDRs, theirs with the DCs' CIDR
    const refs = (m: Map<string, TfResourceElement>): string[] => [...m.entries()].filter(([, e]) => e.attributes.referenced_security_group_id !== undefined).map(([id]) => id).sort();
    assert.deepEqual(refs(after).filter((id) => id.startsWith('sg-') || id.includes('-sg-0123456789abcdef0-')), []);
    assert.deepEqual(refs(before).filter((id) => id.startsWith('sg-') || id.includes('-sg-0123456789abcdef0-')).length > 0, true);
    // AND each rule that referenced a group across the boundary is one rule per CIDR now (one CIDR
    // per tier here: as many rules), with the same ports; every other rule is unchanged
    const crossing = (id: string): boolean => id.startsWith('sg-0123456789abcdef0-') || id.includes('-sg-0123456789abcdef0-');
    const kept = [...before.keys()].filter((id) => !crossing(id));
    for (const id of kept) assert.deepEqual(after.get(id), before.get(id), id);
    assert.equal(after.size, before.size);
    assert.ok(after.has('ca-in-cidr-10-1-0-0_24-tcp-135'));
    assert.ok(after.has('sg-0123456789abcdef0-in-cidr-10-0-1-0_24-tcp-88'));
    assert.equal(after.get('ca-in-cidr-10-1-0-0_24-tcp-135')!.attributes.cidr_ipv4, '10.1.0.0/24');
  });

  it('declares the default configuration in aws.region, then each named one with its alias, region and role', () => {
    const spec = resolveSpec(awsDoc('shared'), 'spec');
    assert.deepEqual(PLATFORMS.aws.providers(spec).map((p) => ({ alias: p.alias, config: JSON.parse(JSON.stringify(p.config)), version: p.version })), [
      { alias: undefined, config: { region: 'eu-west-1' }, version: '~> 6.0' },
      { alias: 'shared', config: { region: 'eu-west-1', assume_role: [{ role_arn: ROLE }] }, version: '~> 6.0' },
    ]);
  });

  it('refuses a role that is not an IAM role ARN, and tiers sharing a group under two configurations', () => {
    const bad = awsDoc('shared') as any;
    bad.aws.providers.shared.assumeRoleArn = 'pki-rules';
    assert.deepEqual(refused(bad), [['aws.providers.shared.assumeRoleArn', 'ADCS-E217',
      '"pki-rules" is not an IAM role ARN; roles look like arn:aws:iam::123456789012:role/pki-deploy (or a Terraform expression such as ${var.role_arn})']]);
    const shared = awsDoc('shared') as any;
    shared.tiers.admins = { cidrs: ['10.1.0.0/24'], securityGroupId: 'sg-0123456789abcdef0' };
    assert.deepEqual(refused(shared).map(([p, r]) => [p, r]), [['tiers.admins.provider', 'ADCS-E216']]);
  });
});

describe('the estate record keeps the provider configurations by name', () => {
  it('so the CLI (which has their settings) and the constructs (whose stack has them) record the same estate', () => {
    const record = estateRecordMetadata('pki-lz/adcs', awsDoc('shared')) as any;
    assert.deepEqual(record['adcs-firewall'].estates['pki-lz/adcs'].spec.aws.providers, { shared: {} });
    assert.equal(record['adcs-firewall'].estates['pki-lz/adcs'].spec.tiers.dc.provider, 'shared');
    // AND the record is a spec that resolves to the same enforcement points
    const again = resolveSpec(record['adcs-firewall'].estates['pki-lz/adcs'].spec, 'record');
    assert.deepEqual(again.estate.tiers.dc!.enforcement, { kind: 'awsExistingGroup', securityGroupId: 'sg-0123456789abcdef0', provider: 'shared' });
  });
});

describe('literal Azure subnet ids are checked by pattern', () => {
  it('refuses a bare subnet name, naming the form; references and full ids pass', () => {
    const doc = azureDoc() as any;
    doc.tiers.ca.subnetIds = ['snet-ca', '${azurerm_subnet.ca.id}', subnet('snet-ca2').replace('Microsoft.Network', 'microsoft.network')];
    assert.deepEqual(refused(doc), [['tiers.ca.subnetIds[0]', 'ADCS-E120',
      '"snet-ca" is not a subnet id; Azure subnet ids look like /subscriptions/<subscription id>/resourceGroups/<resource group>/providers/Microsoft.Network/virtualNetworks/<virtual network>/subnets/<subnet> (or a Terraform reference such as ${azurerm_subnet.ca.id}, or the subnet\'s id token)']]);
    doc.tiers.ca.subnetIds = ['/subscriptions/x/subnets/snet-ca'];
    assert.deepEqual(refused(doc).map(([p, r]) => [p, r]), [['tiers.ca.subnetIds[0]', 'ADCS-E120']]);
    doc.tiers.ca.subnetIds = ['${azurerm_subnet.ca.id}', subnet('snet-ca')];
    assert.doesNotThrow(() => resources(doc));
  });
});
