import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TfDocumentForm } from '../../lib/terraform/document';
import { NotTerraformJson, NotTerraformJsonReason, readTerraformText, readTerraformValue, terraformFormOf } from '../../lib/terraform/read-document';
import { treeOf } from '../../lib/terraform/json-tree';
import { addresses, problems, read } from './reader-helpers';

// The entry points: the form told from the top-level keys (Terraform's configuration block
// types, terraform show -json's keys), anything else refused with NotTerraformJson.

/** The error readTerraformText throws for a text. */
function refusal(text: string): NotTerraformJson {
  try {
    readTerraformText(text);
  } catch (e) {
    if (e instanceof NotTerraformJson) return e;
    throw e;
  }
  throw new Error(`read: ${text}`);
}

const AZ_NSG_LIST = JSON.stringify([{
  id: '/subscriptions/0000/resourceGroups/rg-pki/providers/Microsoft.Network/networkSecurityGroups/nsg-ca', name: 'nsg-ca', location: 'westeurope',
  resourceGroup: 'rg-pki', type: 'Microsoft.Network/networkSecurityGroups', etag: 'W/"1"', provisioningState: 'Succeeded',
  securityRules: [{ name: 'enroll', priority: 200, access: 'Allow', direction: 'Inbound', protocol: 'Tcp', destinationPortRange: '135' }], defaultSecurityRules: [],
}]);

describe('readTerraformText: the form of the input', () => {
  it('tells a configuration, a plan and a state apart by their top-level keys', () => {
    // GIVEN one of each form  WHEN read  THEN its form
    const forms: [string, TfDocumentForm][] = [
      ['{}', TfDocumentForm.CONFIGURATION],
      ['{"//": {"metadata": {}}}', TfDocumentForm.CONFIGURATION],
      ['[{"resource": {"aws_x": {"a": {}}}}]', TfDocumentForm.CONFIGURATION],
      ['{"terraform": {}, "format_version": "1.2"}', TfDocumentForm.CONFIGURATION],
      ['{"format_version": "1.2", "planned_values": {"root_module": {}}}', TfDocumentForm.PLAN],
      ['{"format_version": "1.2", "resource_changes": []}', TfDocumentForm.PLAN],
      ['{"format_version": "1.0", "values": {"root_module": {}}}', TfDocumentForm.STATE],
      ['{"format_version": "1.0"}', TfDocumentForm.STATE],
      ['{"format_version": "1.0", "terraform_version": "1.14.0"}', TfDocumentForm.STATE],
    ];
    for (const [text, form] of forms) assert.equal(read(text).form, form, text);
  });

  it('reports the keys a configuration does not know when it has a Terraform key', () => {
    // GIVEN format_version beside a terraform block  WHEN read  THEN a configuration with INVALID for format_version
    assert.deepEqual(problems(read('{"terraform": {}, "format_version": "1.2"}')), ['invalid format_version: Extraneous JSON object property']);
  });

  it('refuses JSON that is not Terraform JSON, saying what it found and what is accepted', () => {
    // GIVEN a number, a string, null, [], an object without Terraform keys, an az CLI NSG list, a show -json of another major version
    const cases: [string, RegExp][] = [
      ['42', /^Not Terraform JSON: a JSON number \(42\); accepted: a cdk\.tf\.json or other Terraform JSON configuration, or terraform show -json of a plan or a state\.$/],
      ['"resource"', /^Not Terraform JSON: a JSON string \("resource"\);/],
      ['null', /^Not Terraform JSON: null \(null\);/],
      ['[]', /^Not Terraform JSON: an empty JSON array \(an empty body to Terraform, but also what a cloud CLI prints for an empty list: write \{\} for an empty configuration\);/],
      ['[{}]', /^Not Terraform JSON: a JSON array of 1 element\(s\) with none of Terraform's top-level block types, such as a cloud CLI's export;/],
      ['{"foo": 1}', /^Not Terraform JSON: a JSON object with none of Terraform's top-level block types \(found "foo"\);/],
      [AZ_NSG_LIST, /^Not Terraform JSON: a JSON array of 1 element\(s\) with none of Terraform's top-level block types \(their keys: "id", "name", "location", "resourceGroup", "type", …\), such as a cloud CLI's export;/],
      ['{"format_version": "1.0", "foo": {}}', /^Not Terraform JSON: a JSON object with format_version but none of terraform show -json's plan or state keys \(found "format_version", "foo"\);/],
      ['{"format_version": "2.0", "values": {}}', /^terraform show -json with format_version "2\.0": this reader reads major version 1/],
    ];
    for (const [text, message] of cases) {
      const e = refusal(text);
      assert.equal(e.reason, NotTerraformJsonReason.SHAPE, text);
      assert.match(e.message, message, text);
      assert.equal(e.offset, -1);
    }
  });

  it('refuses text that is not JSON, with the offset of the error', () => {
    // GIVEN a truncated object, a trailing comma, a comment  WHEN read  THEN NotTerraformJson(syntax) at the offset
    const cases: [string, number][] = [['{"resource": ', 13], ['{"a": 1,}', 8], ['// x\n{}', 0]];
    for (const [text, offset] of cases) {
      const e = refusal(text);
      assert.deepEqual([e.reason, e.offset, e.name], [NotTerraformJsonReason.SYNTAX, offset, 'NotTerraformJson'], text);
      assert.match(e.message, /^Not JSON \(.* at offset \d+\); accepted: a cdk\.tf\.json or other Terraform JSON configuration, or terraform show -json of a plan or a state\.$/, text);
    }
  });

  it('reads an already parsed value as its text', () => {
    // GIVEN a configuration as a JavaScript value and as text  WHEN each read  THEN the same instances and values (offsets -1 for the value)
    const value = { resource: { azurerm_subnet: { b: { name: 'b' }, a: { name: 'a', count: 2 } } } };
    const fromValue = readTerraformValue(value);
    const fromText = readTerraformText(JSON.stringify(value));
    assert.deepEqual(addresses(fromValue), ['azurerm_subnet.a[0]', 'azurerm_subnet.a[1]', 'azurerm_subnet.b']);
    assert.deepEqual(fromValue.instances.map((i) => i.values), fromText.instances.map((i) => i.values));
    assert.deepEqual(fromValue.instances.map((i) => i.offset), [-1, -1, -1]);
    assert.equal(terraformFormOf(treeOf(value)), TfDocumentForm.CONFIGURATION);
    assert.throws(() => readTerraformValue(42), NotTerraformJson);
  });

  it('sorts problems by offset, then element', () => {
    // GIVEN problems written in the order b, a (the later one first in the text)  WHEN read  THEN ordered by where they are
    const text = '{"zzz": 1, "resource": {"aws_x": {"a": {"p": 1, "p": 2}}}, "aaa": 2}';
    const doc = read(text);
    assert.deepEqual(problems(doc), ['invalid zzz: Extraneous JSON object property', 'invalid resource.aws_x.a.p: Duplicate argument', 'invalid aaa: Extraneous JSON object property']);
    assert.deepEqual(doc.problems.map((p) => p.offset), [text.indexOf('"zzz"'), text.lastIndexOf('"p"'), text.indexOf('"aaa"')]);
    assert.deepEqual(doc.problems.map((p) => p.offset), [1, 48, 59]);
  });
});

/** A plan of `n` rule changes in ten modules, with its configuration; `padding` characters of description each. */
function bigPlan(n: number, padding: number): string {
  const changes: object[] = [];
  const resources: object[][] = Array.from({ length: 10 }, () => []);
  for (let i = 0; i < n; i++) {
    changes.push({
      address: `module.m${i % 10}.azurerm_network_security_rule.r${i}`, module_address: `module.m${i % 10}`, mode: 'managed', type: 'azurerm_network_security_rule', name: `r${i}`,
      provider_name: 'registry.terraform.io/hashicorp/azurerm',
      change: {
        actions: ['create'], before: null,
        after: { name: `rule-${i}`, priority: 100 + (i % 4000), direction: 'Inbound', access: 'Allow', protocol: 'Tcp', source_port_range: '*', destination_port_range: String(1000 + i), source_address_prefix: '10.0.0.0/8', destination_address_prefix: '10.9.0.4/32', description: 'x'.repeat(padding), source_address_prefixes: null, destination_address_prefixes: null, timeouts: null },
        after_unknown: { id: true, network_security_group_name: true, resource_group_name: true }, before_sensitive: false, after_sensitive: {},
      },
    });
    resources[i % 10].push({ address: `azurerm_network_security_rule.r${i}`, mode: 'managed', type: 'azurerm_network_security_rule', name: `r${i}`, provider_config_key: 'azurerm', expressions: { network_security_group_name: { references: ['azurerm_network_security_group.g.name', 'azurerm_network_security_group.g'] } } });
  }
  const calls = Object.fromEntries(resources.map((r, k) => [`m${k}`, { source: './m', module: { resources: r } }]));
  return JSON.stringify({ format_version: '1.2', resource_changes: changes, configuration: { root_module: { module_calls: calls } } });
}


describe('readTerraformText: size', () => {
  it('reads a 5 MB plan', () => {
    // GIVEN a plan of 4000 rule changes with a configuration, over 5 MB  WHEN read  THEN every rule, no problem
    // (how long it takes is the bench's to say: npm run bench, the check of growing estates)
    const text = bigPlan(4000, 900);
    assert.ok(text.length > 5_000_000, String(text.length));
    const doc = readTerraformText(text);
    assert.deepEqual([doc.instances.length, doc.problems.length, doc.instances[0].address], [4000, 0, 'module.m0.azurerm_network_security_rule.r0']);
  });
});
