import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { AdcsInputError } from '../../lib/errors';
import { subnet } from './estates';
import type { FrameworkUnderTest } from './construct-suite';

const IDENTITY = '11111111-1111-1111-1111-111111111111';

/** Construct props of a landing zone: the CA's NSG created, the DCs' NSG an existing one, under `dcProvider` when given. */
function azureProps(dcProvider?: unknown, extra: Record<string, unknown> = {}): any {
  return {
    name: 'pki-lz',
    azure: { resourceGroupName: 'rg-pki', location: 'westeurope' },
    tiers: {
      clients: { cidrs: ['10.20.0.0/16'] },
      ca: { cidrs: ['10.0.1.0/24'], subnetIds: [subnet('snet-ca')] },
      dc: { cidrs: ['10.1.0.0/24'], networkSecurityGroup: { name: 'nsg-dc', resourceGroupName: 'rg-identity', priorityRange: '3000-3499' }, ...(dcProvider === undefined ? {} : { provider: dcProvider }) },
    },
    ...extra,
  };
}

/** The problems of a construct that throws: [key path, rule id]. */
function problemsOf(make: () => unknown): [string, string][] {
  try {
    make();
  } catch (e) {
    assert.ok(e instanceof AdcsInputError, String(e));
    return e.problems.map((p) => [p.path, p.ruleId]);
  }
  assert.fail('accepted');
}

/** The provider tests every construct entry point passes (issue 24): a tier's provider, AdcsProvider's alias, what is refused. */
export function providerSuite(fw: FrameworkUnderTest): void {
  const { App, TerraformStack } = fw.core;
  const { AdcsEnrollmentSecurity, AdcsProvider } = fw.lib;

  /** A stack with the default azurerm configuration and the `identity` one, synthesized by `app.synth()`. */
  function landingZone(build: (stack: any, identity: any) => void): any {
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), `adcs-${fw.name}-`)), stackTraces: false });
    const stack = new TerraformStack(app, 'pki-lz');
    new AdcsProvider(stack, 'azurerm', { platform: 'azure' });
    const identity = new AdcsProvider(stack, 'identity', { platform: 'azure', alias: 'identity', config: { features: [{}], subscription_id: IDENTITY } });
    build(stack, identity);
    app.synth();
    return JSON.parse(readFileSync(join(app.outdir, 'stacks', 'pki-lz', 'cdk.tf.json'), 'utf8'));
  }

  describe(`providers per tier on ${fw.name}`, () => {
    it('AdcsProvider declares an aliased configuration, and the requirement as a constraint', () => {
      const json = landingZone(() => undefined);
      assert.deepEqual(json.provider.azurerm, [{ features: [{}] }, { alias: 'identity', features: [{}], subscription_id: IDENTITY }]);
      assert.deepEqual(json.terraform.required_providers, { azurerm: { source: 'azurerm', version: '~> 4.0' } });
    });

    it('a tier given the user\'s provider has its rules written under it; the record names the configuration', () => {
      const json = landingZone((stack, identity) => new AdcsEnrollmentSecurity(stack, 'adcs', azureProps(identity)));
      const rules = Object.values<any>(json.resource.azurerm_network_security_rule);
      // by hand: inbound from clients and ca (TCP, UDP each) and outbound dc -> ca on the DCs' NSG
      assert.deepEqual(rules.filter((r) => r.provider === 'azurerm.identity').map((r) => r.name).sort(),
        ['pki-lz-in-ca-to-dc-tcp', 'pki-lz-in-ca-to-dc-udp', 'pki-lz-in-clients-to-dc-tcp', 'pki-lz-in-clients-to-dc-udp', 'pki-lz-out-dc-to-ca-tcp']);
      assert.ok(rules.filter((r) => r.provider === undefined).every((r) => r.network_security_group_name.startsWith('${azurerm_network_security_group.')));
      const record = json['//'].metadata['adcs-firewall'].estates['pki-lz/adcs'].spec;
      assert.deepEqual([record.azure.providers, record.tiers.dc.provider], [{ identity: {} }, 'identity']);
    });

    it('the estate-wide provider puts every resource under it; a provider\'s default configuration is no provider', () => {
      const json = landingZone((stack, identity) => new AdcsEnrollmentSecurity(stack, 'adcs', azureProps(undefined, { provider: identity })));
      const all = Object.values<any>(json.resource).flatMap((byName) => Object.values<any>(byName));
      assert.deepEqual([...new Set(all.map((r) => r.provider))], ['azurerm.identity']);
      const plain = landingZone((stack) => new AdcsEnrollmentSecurity(stack, 'adcs', azureProps(stack.node.findChild('azurerm'))));
      const again = Object.values<any>(plain.resource).flatMap((byName) => Object.values<any>(byName));
      assert.deepEqual([...new Set(again.map((r) => r.provider))], [undefined]);
      assert.equal(plain['//'].metadata['adcs-firewall'].estates['pki-lz/adcs'].spec.tiers.dc.provider, undefined);
    });

    it('refuses another platform\'s provider, a provider of another stack, two providers of one alias, and providers in the props', () => {
      const app = new App({ outdir: mkdtempSync(join(tmpdir(), `adcs-${fw.name}-`)), stackTraces: false });
      const stack = new TerraformStack(app, 'pki-lz');
      const aws = new AdcsProvider(stack, 'aws', { platform: 'aws', alias: 'shared' });
      assert.deepEqual(problemsOf(() => new AdcsEnrollmentSecurity(stack, 'adcs', azureProps(aws))), [['tiers.dc.provider', 'ADCS-E303']]);
      const other = new AdcsProvider(new TerraformStack(app, 'other'), 'identity', { platform: 'azure', alias: 'identity' });
      assert.deepEqual(problemsOf(() => new AdcsEnrollmentSecurity(stack, 'adcs', azureProps(other))), [['tiers.dc.provider', 'ADCS-E308']]);
      const one = new AdcsProvider(stack, 'one', { platform: 'azure', alias: 'identity' });
      const two = new AdcsProvider(stack, 'two', { platform: 'azure', alias: 'identity' });
      const props = azureProps(two, { provider: one });
      assert.deepEqual(problemsOf(() => new AdcsEnrollmentSecurity(stack, 'adcs', props)), [['tiers.dc.provider', 'ADCS-E307']]);
      assert.deepEqual(problemsOf(() => new AdcsEnrollmentSecurity(stack, 'adcs', azureProps(one, { azure: { resourceGroupName: 'rg', location: 'x', providers: { identity: {} } } }))),
        [['azure.providers', 'ADCS-E304']]);
      assert.deepEqual(problemsOf(() => new AdcsEnrollmentSecurity(stack, 'adcs', azureProps('identity'))), [['tiers.dc.provider', 'ADCS-E301']]);
      assert.deepEqual(problemsOf(() => new AdcsProvider(stack, 'bad', { platform: 'azure', alias: 'not an alias' })), [['alias', 'ADCS-E300']]);
      // AND every refused construct left its id free: the corrected one takes it
      assert.equal(stack.node.tryFindChild('adcs'), undefined);
      assert.equal(stack.node.tryFindChild('bad'), undefined);
      assert.doesNotThrow(() => new AdcsEnrollmentSecurity(stack, 'adcs', azureProps(one)));
      assert.doesNotThrow(() => new AdcsProvider(stack, 'bad', { platform: 'azure', alias: 'good' }));
    });

    it('after a props error nothing is left in the tree, its id included (issue 24)', () => {
      const stack = new TerraformStack(fw.core.Testing.app({ stackTraces: false }), 's');
      const bad = azureProps(undefined);
      bad.tiers.ca.subnetIds = ['snet-ca'];
      assert.deepEqual(problemsOf(() => new AdcsEnrollmentSecurity(stack, 'adcs', bad)), [['tiers.ca.subnetIds[0]', 'ADCS-E120']]);
      assert.deepEqual(stack.node.children.map((c: any) => c.node.id), []);
      const adcs = new AdcsEnrollmentSecurity(stack, 'adcs', azureProps(undefined));
      assert.equal(adcs.node.path, 's/adcs');
    });
  });
}
