import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TfInstanceOrigin, TfMultiplicity } from '../../lib/terraform/document';
import { TfReference, TfUnknown } from '../../lib/terraform/values';
import { addresses, instance, problems, read, readJson, values } from './reader-helpers';

// Meta-arguments, values and providers as Terraform's configuration loader and evaluator read
// them (terraform internal/configs/resource.go, module.go, provider_requirements.go;
// internal/terraform/eval_count.go, eval_for_each.go; hcl hclsyntax/spec.md templates).

const rule = (body: object): unknown => ({ resource: { azurerm_network_security_rule: { r: body } } });

describe('configuration: count', () => {
  it('reads a literal count of 0 as no instance', () => {
    // GIVEN count = 0  WHEN read  THEN nothing exists, and nothing is wrong
    const doc = readJson(rule({ count: 0, name: 'x' }));
    assert.deepEqual([addresses(doc), problems(doc)], [[], []]);
  });

  it('reads a literal count of 1 and 3 as that many instances, count.index a number in each', () => {
    // GIVEN count = 1 and count = "3" (a string Terraform converts)  WHEN read  THEN addr[0]…, "${count.index}" the index, templates with it evaluated
    assert.deepEqual(addresses(readJson(rule({ count: 1 }))), ['azurerm_network_security_rule.r[0]']);
    const doc = readJson(rule({ count: '3', priority: '${count.index}', name: 'rule-${count.index}' }));
    assert.deepEqual(addresses(doc), ['azurerm_network_security_rule.r[0]', 'azurerm_network_security_rule.r[1]', 'azurerm_network_security_rule.r[2]']);
    assert.deepEqual(values(doc, 'azurerm_network_security_rule.r[2]'), { priority: 2, name: 'rule-2' });
    assert.deepEqual(doc.instances.map((i) => i.multiplicity), [TfMultiplicity.KNOWN, TfMultiplicity.KNOWN, TfMultiplicity.KNOWN]);
    assert.deepEqual(problems(doc), []);
  });

  it('reads a count it cannot know as one instance of unknown multiplicity, count.index unknown', () => {
    // GIVEN count = "${var.n}"  WHEN read  THEN one instance at the block's address, UNKNOWN, count.index a TfUnknown
    const doc = readJson(rule({ count: '${var.n}', priority: '${count.index}', name: 'x' }));
    assert.deepEqual(addresses(doc), ['azurerm_network_security_rule.r']);
    const r = instance(doc, 'azurerm_network_security_rule.r');
    assert.equal(r.multiplicity, TfMultiplicity.UNKNOWN);
    assert.deepEqual(r.values, { priority: new TfUnknown('count.index of a count not known'), name: 'x' });
    assert.deepEqual(problems(doc), []);
  });

  it('reads a count from a literal local', () => {
    // GIVEN count = "${local.n}" with locals n = 2  WHEN read  THEN two instances
    assert.deepEqual(addresses(readJson({ locals: { n: 2 }, ...rule({ count: '${local.n}' }) as object })), ['azurerm_network_security_rule.r[0]', 'azurerm_network_security_rule.r[1]']);
  });

  it('reports a count Terraform refuses, and reads the block as an unknown number', () => {
    // GIVEN count -1, 1.5, null and true  WHEN read  THEN INVALID "Invalid count argument", one UNKNOWN instance
    for (const count of [-1, 1.5, null, true]) {
      const doc = readJson(rule({ count }));
      assert.deepEqual(problems(doc), ['invalid resource.azurerm_network_security_rule.r.count: Invalid count argument'], String(count));
      assert.equal(instance(doc, 'azurerm_network_security_rule.r').multiplicity, TfMultiplicity.UNKNOWN);
    }
  });

  it('reports count.index in a block without count', () => {
    // GIVEN "${count.index}" without count  WHEN read  THEN INVALID, the value unknown
    const doc = readJson(rule({ priority: '${count.index}' }));
    assert.deepEqual(problems(doc), ['invalid resource.azurerm_network_security_rule.r.priority: Reference to "count" in non-counted context']);
    assert.ok(values(doc, 'azurerm_network_security_rule.r').priority instanceof TfUnknown);
  });
});

describe('configuration: for_each', () => {
  it('expands a literal map, each.key and each.value read in each instance', () => {
    // GIVEN for_each over {ldap: {port: 389}, ldaps: {port: 636}}  WHEN read  THEN r["ldap"], r["ldaps"] with their values
    const doc = readJson(rule({ for_each: { ldap: { port: 389 }, ldaps: { port: 636 } }, name: '${each.key}', destination_port_range: '${each.value.port}' }));
    assert.deepEqual(addresses(doc), ['azurerm_network_security_rule.r["ldap"]', 'azurerm_network_security_rule.r["ldaps"]']);
    assert.deepEqual(values(doc, 'azurerm_network_security_rule.r["ldaps"]'), { name: 'ldaps', destination_port_range: 636 });
    assert.deepEqual(problems(doc), []);
  });

  it('expands a map from a local, and quotes keys as Terraform writes addresses', () => {
    // GIVEN for_each = "${local.m}" with a key holding a quote and "$${" (an escaped "${": object keys are templates)  WHEN read  THEN the key escaped in the address
    const doc = readJson({ locals: { m: { 'a"b': 1, 'x$${y': 2 } }, ...rule({ for_each: '${local.m}' }) as object });
    assert.deepEqual(addresses(doc), ['azurerm_network_security_rule.r["a\\"b"]', 'azurerm_network_security_rule.r["x$${y"]']);
  });

  it('reads a for_each it cannot know as one instance of unknown multiplicity', () => {
    // GIVEN for_each = "${var.rules}"  WHEN read  THEN one UNKNOWN instance, each.* unknown
    const doc = readJson(rule({ for_each: '${var.rules}', name: '${each.key}' }));
    const r = instance(doc, 'azurerm_network_security_rule.r');
    assert.equal(r.multiplicity, TfMultiplicity.UNKNOWN);
    assert.ok(r.values.name instanceof TfUnknown);
  });

  it('reports a JSON array as for_each: a tuple, which Terraform refuses without toset()', () => {
    // GIVEN for_each = ["a", "b"]  WHEN read  THEN INVALID "Invalid for_each argument", one UNKNOWN instance
    const doc = readJson(rule({ for_each: ['a', 'b'] }));
    assert.deepEqual(problems(doc), ['invalid resource.azurerm_network_security_rule.r.for_each: Invalid for_each argument']);
    assert.equal(instance(doc, 'azurerm_network_security_rule.r').multiplicity, TfMultiplicity.UNKNOWN);
  });

  it('reports count and for_each together', () => {
    // GIVEN both meta-arguments  WHEN read  THEN INVALID, one UNKNOWN instance
    const doc = readJson(rule({ count: 1, for_each: { a: 1 } }));
    assert.deepEqual(problems(doc), ['invalid resource.azurerm_network_security_rule.r.for_each: Invalid combination of "count" and "for_each"']);
    assert.equal(instance(doc, 'azurerm_network_security_rule.r').multiplicity, TfMultiplicity.UNKNOWN);
  });
});

describe('configuration: values', () => {
  it('reads literals, whole references (variables too: their values are set at plan time), expressions not evaluated; a null argument is absent', () => {
    // GIVEN each kind of value  WHEN read  THEN literal, TfReference, TfUnknown; a null argument absent, a null list element
    // kept, a null inside a nested object kept (attributes written as blocks list every attribute in JSON, null included)
    const v = values(readJson({
      resource: {
        aws_x: {
          a: {
            port: 443, enabled: true, name: 'n', gone: null, list: ['a', null],
            sg: '${aws_security_group.dc.id}', sub: '${data.aws_subnet.s.cidr_block}', mod: '${module.net.subnet_id}',
            v: '${var.cidr}', tpl: '${aws_security_group.dc.id}-x', fn: '${lower(var.x)}', esc: '$${not} %%{this}',
            nested: { a: null, b: 1 },
          },
        },
      },
    }), 'aws_x.a');
    assert.deepEqual(v, {
      port: 443, enabled: true, name: 'n', list: ['a', null],
      sg: new TfReference('aws_security_group.dc.id'), sub: new TfReference('data.aws_subnet.s.cidr_block'), mod: new TfReference('module.net.subnet_id'),
      v: new TfReference('var.cidr'),
      tpl: new TfUnknown('the expression "${aws_security_group.dc.id}-x", not evaluated'),
      fn: new TfUnknown('the expression "${lower(var.x)}", not evaluated'),
      esc: '${not} %{this}', nested: { a: null, b: 1 },
    });
  });

  it('resolves locals: literal, nested, through another local, to a reference, and reports undeclared locals and cycles', () => {
    // GIVEN locals of each kind  WHEN read  THEN each resolved as far as the document says
    const doc = readJson({
      locals: [{ prefix: 'adcs', ports: { ldap: 389 }, both: '${local.prefix}-${local.ports.ldap}' }, { sg: '${aws_security_group.dc}', a: '${local.b}', b: '${local.a}' }],
      resource: { aws_x: { r: { name: '${local.both}', port: '${local.ports.ldap}', sg_id: '${local.sg.id}', missing: '${local.nope}', loop: '${local.a}' } } },
    });
    const v = values(doc, 'aws_x.r');
    assert.deepEqual([v.name, v.port, v.sg_id], ['adcs-389', 389, new TfReference('aws_security_group.dc.id')]);
    assert.ok(v.missing instanceof TfUnknown && v.loop instanceof TfUnknown);
    assert.deepEqual(problems(doc), [
      'invalid locals.b: Cycle',
      'invalid resource.aws_x.r.missing: Reference to undeclared local value',
    ]);
  });

  it('reports a local defined twice and a locals body that is not one object', () => {
    // GIVEN x in two locals blocks, x twice in one, and a locals body array  WHEN read  THEN INVALID each
    assert.deepEqual(problems(read('{"locals": [{"x": 1}, {"x": 2}]}')), ['invalid locals.x: Duplicate local value definition']);
    assert.deepEqual(problems(read('{"locals": {"x": 1, "x": 2}}')), ['invalid locals.x: Duplicate attribute definition']);
    assert.deepEqual(problems(read('{"locals": [[{"x": 1}]]}')), ['invalid locals: Incorrect JSON value type']);
  });

  it('drops meta-arguments from values, keeps the escaping block\'s arguments, and reports provisioners', () => {
    // GIVEN depends_on, lifecycle, connection, a provisioner, and count inside "_"  WHEN read  THEN only the resource's own arguments
    const doc = readJson(rule({
      name: 'x', depends_on: ['azurerm_subnet.s'], lifecycle: { ignore_changes: ['tags'] }, connection: { type: 'ssh' },
      provisioner: [{ 'local-exec': { command: 'az network nsg rule create' } }], _: { count: 5 },
    }));
    assert.deepEqual(values(doc, 'azurerm_network_security_rule.r'), { name: 'x', count: 5 });
    assert.deepEqual(problems(doc), ['unresolved resource.azurerm_network_security_rule.r.provisioner.local-exec: A "local-exec" provisioner runs when the object is created or destroyed; what it changes is not in the document.']);
  });

  it('reads a dynamic block\'s type as unknown, with or without static blocks of the type', () => {
    // GIVEN dynamic "security_rule" beside a static one  WHEN read  THEN security_rule is a TfUnknown
    const doc = readJson({ resource: { azurerm_network_security_group: { g: { name: 'g', security_rule: [{ name: 's' }], dynamic: { security_rule: { for_each: '${var.rules}', content: { name: '${security_rule.value}' } } } } } } });
    assert.deepEqual(values(doc, 'azurerm_network_security_group.g'), { name: 'g', security_rule: new TfUnknown('a dynamic block generates the "security_rule" blocks') });
    assert.deepEqual(problems(doc), []);
  });

  it('reports a repeated lifecycle block and a reserved locals block in a resource', () => {
    // GIVEN two lifecycle blocks and a locals block in one resource  WHEN read  THEN INVALID each
    const doc = read('{"resource": {"aws_x": {"a": {"lifecycle": {}, "lifecycle": {}, "locals": {}}}}}');
    assert.deepEqual(problems(doc), ['invalid resource.aws_x.a.lifecycle: Duplicate lifecycle block', 'invalid resource.aws_x.a.locals: Reserved block type name in resource block']);
  });
});

describe('configuration: providers', () => {
  it('takes the local name from the type, the source from required_providers or the implied hashicorp/<name>', () => {
    // GIVEN azurerm declared as example-corp/azurerm, aws undeclared, terraform_data built in  WHEN read  THEN each source
    const doc = readJson({
      terraform: { required_providers: { azurerm: { source: 'registry.terraform.io/Example-Corp/AzureRM', version: '~> 4.0' } } },
      resource: { azurerm_subnet: { s: {} }, aws_vpc: { v: {} }, terraform_data: { d: {} } },
    });
    assert.deepEqual(doc.instances.map((i) => i.provider), [
      { localName: 'aws', source: 'hashicorp/aws', key: 'aws' },
      { localName: 'azurerm', source: 'example-corp/azurerm', key: 'azurerm' },
      { localName: 'terraform', source: 'builtin/terraform', key: 'terraform' },
    ]);
    assert.deepEqual(problems(doc), []);
  });

  it('reads the provider argument as a bare traversal, with an alias and another local name', () => {
    // GIVEN provider "azurerm.identity", and "azure.hub" whose local name maps to hashicorp/azurerm  WHEN read  THEN alias, local name, source, key
    const doc = readJson({
      terraform: { required_providers: { azure: { source: 'hashicorp/azurerm' }, azurerm: '~> 3.0' } },
      resource: { azurerm_subnet: { a: { provider: 'azurerm.identity' }, b: { provider: 'azure.hub' } } },
    });
    assert.deepEqual(instance(doc, 'azurerm_subnet.a').provider, { localName: 'azurerm', alias: 'identity', source: 'hashicorp/azurerm', key: 'azurerm.identity' });
    assert.deepEqual(instance(doc, 'azurerm_subnet.b').provider, { localName: 'azure', alias: 'hub', source: 'hashicorp/azurerm', key: 'azure.hub' });
  });

  it('reports a provider argument written as an interpolation, which JSON\'s traversal syntax does not accept', () => {
    // GIVEN provider = "${azurerm.identity}"  WHEN read  THEN INVALID (hcl AsTraversal parses the string as a bare traversal), the default provider assumed
    const doc = readJson(rule({ provider: '${azurerm.identity}' }));
    assert.deepEqual(problems(doc), ['invalid resource.azurerm_network_security_rule.r.provider: Invalid provider configuration reference']);
    assert.deepEqual(instance(doc, 'azurerm_network_security_rule.r').provider, { localName: 'azurerm', source: 'hashicorp/azurerm', key: 'azurerm' });
  });

  it('keys provider configurations by name and alias, and reports a second default configuration', () => {
    // GIVEN azurerm default, azurerm.identity, and a second default  WHEN read  THEN two configurations and INVALID for the third
    const doc = read('{"provider": {"azurerm": [{"features": {}}, {"alias": "identity", "subscription_id": "00000000-0000-0000-0000-000000000001", "version": "3.0"}], "azurerm": {"features": {}}}}');
    assert.deepEqual([...doc.providerConfigs.keys()], ['azurerm', 'azurerm.identity']);
    assert.deepEqual(doc.providerConfigs.get('azurerm.identity'), { subscription_id: '00000000-0000-0000-0000-000000000001' });
    assert.deepEqual(problems(doc), ['invalid provider.azurerm: Duplicate provider configuration']);
  });

  it('reports a required_providers entry with a key other than version, source and configuration_aliases', () => {
    // GIVEN an entry with a "//" comment key (an object expression: "//" is not skipped there)  WHEN read  THEN INVALID, the source still read
    const doc = readJson({ terraform: { required_providers: { azurerm: { source: 'example-corp/azurerm', '//': 'pinned' } } }, resource: { azurerm_subnet: { s: {} } } });
    assert.deepEqual(problems(doc), ['invalid terraform.required_providers.azurerm.//: Invalid required_providers object']);
    assert.equal(instance(doc, 'azurerm_subnet.s').provider.source, 'example-corp/azurerm');
  });

  it('reports a second required_providers block and an unknown key in a terraform block', () => {
    // GIVEN two terraform blocks each with required_providers, one with "backends"  WHEN read  THEN INVALID each
    const doc = readJson({ terraform: [{ required_providers: { aws: { source: 'hashicorp/aws' } } }, { required_providers: {}, backends: {} }] });
    assert.deepEqual(problems(doc), ['invalid terraform.required_providers: Duplicate required providers configuration', 'invalid terraform.backends: Extraneous JSON object property']);
  });
});

describe('configuration: module and removed blocks', () => {
  it('keeps module blocks as calls: source as written, arguments as values, meta-arguments left out', () => {
    // GIVEN a module call with version, count, providers and two arguments  WHEN read  THEN the call, no instance
    const doc = readJson({ module: { pki: { source: './modules/pki', version: '1.2.0', count: 2, providers: { azurerm: 'azurerm.identity' }, subnet_id: '${azurerm_subnet.ca.id}', name: 'pki-${count.index}' } } });
    assert.deepEqual(doc.moduleCalls, [{ address: 'module.pki', source: './modules/pki', values: { subnet_id: new TfReference('azurerm_subnet.ca.id'), name: new TfUnknown('the expression "pki-${count.index}", not evaluated') }, offset: 17 }]);
    assert.deepEqual([addresses(doc), problems(doc)], [[], []]);
  });

  it('reports a module call without a source', () => {
    // GIVEN a module block without source  WHEN read  THEN INVALID "Missing required argument", no call
    const doc = readJson({ module: { pki: { subnet_id: 'x' } } });
    assert.deepEqual([doc.moduleCalls, problems(doc)], [[], ['invalid module.pki.source: Missing required argument']]);
  });

  it('keeps removed blocks: from as written, destroy as written or absent', () => {
    // GIVEN a forgetting removed block, a destroying one, and one with a string "false"  WHEN read  THEN the three, in order
    const doc = readJson({ removed: [{ from: 'azurerm_network_security_rule.old', lifecycle: { destroy: false } }, { from: 'module.legacy' }, { from: 'module.a.aws_x.y', lifecycle: { destroy: 'false' } }] });
    assert.deepEqual(doc.removed.map((r) => [r.from, r.destroy]), [['azurerm_network_security_rule.old', false], ['module.legacy', undefined], ['module.a.aws_x.y', false]]);
    assert.deepEqual(problems(doc), []);
  });

  it('reports a removed block without from, or whose from is not a resource or module address', () => {
    // GIVEN no from, "${aws_x.y}", an instance key, and a data source  WHEN read  THEN INVALID each, none kept
    const doc = readJson({ removed: [{ lifecycle: { destroy: false } }, { from: '${aws_x.y}' }, { from: 'aws_x.y[0]' }, { from: 'data.aws_x.y' }] });
    assert.deepEqual(doc.removed, []);
    assert.deepEqual(problems(doc), ['invalid removed: Missing required argument', 'invalid removed.from: Invalid expression', 'invalid removed.from: Instance keys not allowed', 'invalid removed.from: Data source address not allowed']);
  });

  it('reports a removed block naming a resource or module still declared', () => {
    // GIVEN removed blocks for aws_x.a and module.m, both still declared  WHEN read  THEN INVALID each, the blocks kept
    const doc = readJson({ resource: { aws_x: { a: {} } }, module: { m: { source: './m' } }, removed: [{ from: 'aws_x.a' }, { from: 'module.m', lifecycle: { destroy: false } }] });
    assert.deepEqual(problems(doc), ['invalid removed.aws_x.a: Removed resource still exists', 'invalid removed.module.m: Removed module still exists']);
    assert.deepEqual(doc.removed.map((r) => r.from), ['aws_x.a', 'module.m']);
  });

  it('marks every configuration instance with its origin and offset in the text', () => {
    // GIVEN a one-resource text  WHEN read  THEN origin CONFIGURATION, offset at its name label ("a", where findings point), module root
    const text = '{"resource": {"aws_x": {"a": {"p": 1}}}}';
    const a = instance(read(text), 'aws_x.a');
    assert.deepEqual([a.origin, a.offset, a.module, a.mode, a.type, a.name], [TfInstanceOrigin.CONFIGURATION, text.indexOf('"a"'), '', 'managed', 'aws_x', 'a']);
  });
});
