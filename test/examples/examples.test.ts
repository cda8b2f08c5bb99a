import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { App, TerraformStack, Testing } from 'cdktf';
import { checkPlan } from '../../lib/check/check';
import { loadSpecFile } from '../../lib/spec';
import { awsExampleStack, AWS_EXAMPLE_SPEC } from '../../examples/aws';
import { azureExample, AZURE_EXAMPLE_SPEC } from '../../examples/azure';

const BAD_SOURCES = ['*', 'Any', 'Internet', 'VirtualNetwork', '0.0.0.0/0'];

function synth(add: (app: App) => unknown, stack: string): any {
  const app = Testing.app({ stackTraces: false });
  add(app);
  const found = app.node.findChild(stack);
  assert.ok(found instanceof TerraformStack, `${stack} is a TerraformStack`);
  return JSON.parse(Testing.synth(found));
}

describe('examples', () => {
  it('Azure example: clean hygiene, and check finds every flow allowed and nothing over-permissive', () => {
    const json = synth(azureExample, 'pki-weu');
    for (const r of Object.values(json.resource.azurerm_network_security_rule) as any[]) {
      const sources = [r.source_address_prefix, ...(r.source_address_prefixes ?? [])].filter(Boolean);
      if (r.access === 'Allow') assert.ok(sources.every((s) => !BAD_SOURCES.includes(s)), r.name);
      assert.ok(r.description.length <= 140, r.description);
      // AND a flow rule says which tiers, protocol and flows it serves (name pki-weu-(in|out)-<from>-to-<to>-<protocol>)
      const pair = /^pki-weu-(?:in|out)-(\w+)-to-(\w+)-(tcp|udp)$/.exec(r.name);
      if (pair) assert.match(r.description, new RegExp(`^AD CS ${pair[1]} to ${pair[2]} ${pair[3].toUpperCase()}: [a-z]`), r.name);
    }
    const report = checkPlan(json, loadSpecFile(AZURE_EXAMPLE_SPEC));
    assert.equal(report.ok, true);
    assert.ok(report.flows.every((f) => f.status === 'allowed'));
    assert.deepEqual(report.unresolved, []);
  });

  it('AWS example: clean hygiene, no allow-all egress, and check passes', () => {
    const json = synth(awsExampleStack, 'pki-use1');
    for (const type of ['aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule']) {
      for (const r of Object.values(json.resource[type]) as any[]) {
        assert.notEqual(r.cidr_ipv4, '0.0.0.0/0');
        assert.notEqual(r.ip_protocol, '-1');
        assert.ok(r.description.length <= 255, r.description);
        // AND it names the first flow it carries and that flow's tiers
        assert.match(r.description, /^adcs-firewall pki-use1: [a-z][\w:-]* \(\w+(, \w+)* to \w+\)/);
      }
    }
    // the created groups (ca, ces, cep) describe their tier as the catalogue's tier table does
    assert.deepEqual((Object.values(json.resource.aws_security_group) as any[]).map((g) => g.description).sort(), [
      'adcs-firewall pki-use1: AD CS tier ca, enterprise issuing certification authorities',
      'adcs-firewall pki-use1: AD CS tier cep, Certificate Enrollment Policy Web Service hosts',
      'adcs-firewall pki-use1: AD CS tier ces, Certificate Enrollment Web Service hosts (HTTPS front end that forwards to the CA)',
    ]);
    for (const g of Object.values(json.resource.aws_security_group) as any[]) {
      assert.equal(g.egress, undefined);
    }
    assert.equal(json.resource.aws_security_group_rule, undefined);
    const report = checkPlan(json, loadSpecFile(AWS_EXAMPLE_SPEC));
    assert.equal(report.ok, true, JSON.stringify(report.extras.filter((e) => e.kind === 'over-permissive')));
    assert.deepEqual(report.unresolved, []);
  });
});
