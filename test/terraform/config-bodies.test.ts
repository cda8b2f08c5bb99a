import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TfDocumentForm } from '../../lib/terraform/document';
import { addresses, problems, read, readJson, values } from './reader-helpers';

// The forms come from hashicorp/hcl json/spec.md ("Blocks": each label level an object or an
// array of objects, after the last an object one block, an array one block per element, null
// none) and json/structure.go (collectDeepAttrs, unpackBlock); the expected instances are the
// blocks Terraform decodes from them.

const A = '{"type": "ingress", "from_port": 389}';
const B = '{"type": "egress", "from_port": 636}';

describe('configuration: every way a block and its labels may be written', () => {
  const twoRules: [string, string][] = [
    ['an object at each level', `{"resource": {"aws_security_group_rule": {"a": ${A}, "b": ${B}}}}`],
    ['an array of objects at the name level', `{"resource": {"aws_security_group_rule": [{"a": ${A}}, {"b": ${B}}]}}`],
    ['an array of objects at the type level', `{"resource": [{"aws_security_group_rule": {"a": ${A}}}, {"aws_security_group_rule": {"b": ${B}}}]}`],
    ['a repeated type label', `{"resource": {"aws_security_group_rule": {"a": ${A}}, "aws_security_group_rule": {"b": ${B}}}}`],
    ['a repeated block type', `{"resource": {"aws_security_group_rule": {"a": ${A}}}, "resource": {"aws_security_group_rule": {"b": ${B}}}}`],
    ['a root array of objects', `[{"resource": {"aws_security_group_rule": {"a": ${A}}}}, {"resource": {"aws_security_group_rule": {"b": ${B}}}}]`],
    ['a body written as an array of one object', `{"resource": {"aws_security_group_rule": {"a": [${A}], "b": [${B}]}}}`],
  ];
  for (const [form, text] of twoRules) {
    it(`reads two rules from ${form}`, () => {
      // GIVEN the same two blocks written another way  WHEN read  THEN the same two instances, no problem
      const doc = read(text);
      assert.equal(doc.form, TfDocumentForm.CONFIGURATION);
      assert.deepEqual(addresses(doc), ['aws_security_group_rule.a', 'aws_security_group_rule.b']);
      assert.deepEqual(values(doc, 'aws_security_group_rule.a'), { type: 'ingress', from_port: 389 });
      assert.deepEqual(values(doc, 'aws_security_group_rule.b'), { type: 'egress', from_port: 636 });
      assert.deepEqual(problems(doc), []);
    });
  }

  it('reads a body written as an array of objects as one body, their properties in order', () => {
    // GIVEN "a": [[{…}, {…}]]: one block whose body is an array  WHEN read  THEN one instance with both objects' arguments
    const doc = read('{"resource": {"aws_x": {"a": [[{"port": 1}, {"name": "n"}]]}}}');
    assert.deepEqual(addresses(doc), ['aws_x.a']);
    assert.deepEqual(values(doc, 'aws_x.a'), { port: 1, name: 'n' });
    assert.deepEqual(problems(doc), []);
  });

  it('reads null and [] after the last label as zero blocks, silently', () => {
    // GIVEN null or an empty array as the body  WHEN read  THEN no instance and no problem (json/structure.go l.272-274)
    for (const text of ['{"resource": {"aws_x": {"a": null}}}', '{"resource": {"aws_x": {"a": []}}}', '{"module": {"m": null}}', '{"locals": null}', '{"removed": []}']) {
      const doc = read(text);
      assert.deepEqual(addresses(doc), [], text);
      assert.deepEqual(problems(doc), [], text);
    }
  });

  it('reads [null] after the last label as one block with an empty body', () => {
    // GIVEN an array whose element is null  WHEN read  THEN one block: its null body has no arguments and no error (collectDeepAttrs)
    const doc = read('{"resource": {"aws_x": {"a": [null]}}}');
    assert.deepEqual(addresses(doc), ['aws_x.a']);
    assert.deepEqual(values(doc, 'aws_x.a'), {});
    assert.deepEqual(problems(doc), []);
  });

  it('reports a label level with no property as "Missing block label"', () => {
    // GIVEN {}, [] or null where a label is expected (null is zero blocks only after the last label: {"resource": null} is
    // hcl's structure_test.go case for a block type without labels)  WHEN read  THEN INVALID at that level, no instance
    const cases: [string, string][] = [
      ['{"resource": {}}', 'invalid resource: Missing block label'],
      ['{"resource": null}', 'invalid resource: Missing block label'],
      ['{"resource": []}', 'invalid resource: Missing block label'],
      ['{"resource": {"aws_x": {}}}', 'invalid resource.aws_x: Missing block label'],
      ['{"resource": {"aws_x": null}}', 'invalid resource.aws_x: Missing block label'],
      ['{"resource": [{"aws_x": []}]}', 'invalid resource.aws_x: Missing block label'],
      ['{"provider": {}}', 'invalid provider: Missing block label'],
    ];
    for (const [text, problem] of cases) {
      const doc = read(text);
      assert.deepEqual(addresses(doc), [], text);
      assert.deepEqual(problems(doc), [problem], text);
    }
  });

  it('reports a value of the wrong JSON type at a label level, after it and in a body', () => {
    // GIVEN a string where labels or a body are expected, and a number as an element of a body array  WHEN read  THEN INVALID "Incorrect JSON value type"
    assert.deepEqual(problems(read('{"resource": {"aws_x": "y"}}')), ['invalid resource.aws_x: Incorrect JSON value type', 'invalid resource.aws_x: Missing block label']);
    assert.deepEqual(problems(read('{"resource": {"aws_x": {"a": "y"}}}')), ['invalid resource.aws_x.a: Incorrect JSON value type']);
    const doc = read('{"resource": {"aws_x": {"a": [[{"port": 1}, 2]]}}}');
    assert.deepEqual(problems(doc), ['invalid resource.aws_x.a: Incorrect JSON value type']);
    assert.deepEqual(values(doc, 'aws_x.a'), { port: 1 });
  });

  it('reports a root array element that is not an object, and reads the others', () => {
    // GIVEN a root array with a number in it  WHEN read  THEN INVALID at the root, the object's blocks read
    const doc = read('[{"resource": {"aws_x": {"a": {}}}}, 7]');
    assert.deepEqual(addresses(doc), ['aws_x.a']);
    assert.deepEqual(problems(doc), ['invalid (root): Incorrect JSON value type']);
  });

  it('reads an empty object as an empty configuration', () => {
    // GIVEN {}  WHEN read  THEN a configuration with nothing in it
    const doc = read('{}');
    assert.equal(doc.form, TfDocumentForm.CONFIGURATION);
    assert.deepEqual([doc.instances, doc.moduleCalls, doc.removed, doc.problems, doc.providerConfigs.size, doc.comment], [[], [], [], [], 0, undefined]);
  });
});

describe('configuration: repeated property names', () => {
  it('reports an argument set twice as "Duplicate argument" and keeps the first', () => {
    // GIVEN "priority" twice in one body  WHEN read  THEN INVALID at the second, the first value kept
    const doc = read('{"resource": {"azurerm_network_security_rule": {"r": {"priority": 100, "name": "x", "priority": 4096}}}}');
    assert.deepEqual(problems(doc), ['invalid resource.azurerm_network_security_rule.r.priority: Duplicate argument']);
    assert.deepEqual(values(doc, 'azurerm_network_security_rule.r'), { priority: 100, name: 'x' });
  });

  it('reports an argument set in two elements of one body array as "Duplicate argument"', () => {
    // GIVEN a body array whose two objects both set "port"  WHEN read  THEN INVALID (the elements are one body)
    const doc = read('{"resource": {"aws_x": {"a": [[{"port": 1}, {"port": 2}]]}}}');
    assert.deepEqual(problems(doc), ['invalid resource.aws_x.a.port: Duplicate argument']);
    assert.deepEqual(values(doc, 'aws_x.a'), { port: 1 });
  });

  it('reads a repeated nested block type as all its blocks, in order', () => {
    // GIVEN "ingress" as an object, then as an array of two objects  WHEN read  THEN three blocks, no problem
    const doc = read('{"resource": {"aws_security_group": {"g": {"ingress": {"from_port": 1}, "name": "g", "ingress": [{"from_port": 2}, {"from_port": 3}], "ingress": null}}}}');
    assert.deepEqual(values(doc, 'aws_security_group.g'), { ingress: [{ from_port: 1 }, { from_port: 2 }, { from_port: 3 }], name: 'g' });
    assert.deepEqual(problems(doc), []);
  });

  it('reports a repeated name whose value is not a block as "Duplicate argument"', () => {
    // GIVEN "tags" as an object, then as a string  WHEN read  THEN INVALID, the first kept
    const doc = read('{"resource": {"aws_x": {"a": {"tags": {"k": "v"}, "tags": "x"}}}}');
    assert.deepEqual(problems(doc), ['invalid resource.aws_x.a.tags: Duplicate argument']);
    assert.deepEqual(values(doc, 'aws_x.a'), { tags: { k: 'v' } });
  });

  it('reports a key repeated inside an object expression', () => {
    // GIVEN tags {"a": "1", "a": "2"}  WHEN read  THEN INVALID (hcl "Duplicate object attribute"), the first kept
    const doc = read('{"resource": {"aws_x": {"a": {"tags": {"a": "1", "a": "2"}}}}}');
    assert.deepEqual(problems(doc), ['invalid resource.aws_x.a.tags.a: Duplicate argument']);
    assert.deepEqual(values(doc, 'aws_x.a'), { tags: { a: '1' } });
  });

  it('reports the same resource address twice as a duplicate configuration, keeping the first', () => {
    // GIVEN aws_x.a under a repeated type label, and as two bodies in an array  WHEN read  THEN INVALID "Duplicate resource", one instance
    for (const text of ['{"resource": {"aws_x": {"a": {"p": 1}}, "aws_x": {"a": {"p": 2}}}}', '{"resource": {"aws_x": {"a": [{"p": 1}, {"p": 2}]}}}']) {
      const doc = read(text);
      assert.deepEqual(addresses(doc), ['aws_x.a'], text);
      assert.deepEqual(values(doc, 'aws_x.a'), { p: 1 }, text);
      assert.deepEqual(problems(doc), ['invalid aws_x.a: Duplicate resource "aws_x" configuration'], text);
    }
  });

  it('reads a resource and a data source of the same type and name as two objects', () => {
    // GIVEN resource aws_x.a and data aws_x.a  WHEN read  THEN both, no problem
    const doc = readJson({ resource: { aws_x: { a: {} } }, data: { aws_x: { a: {} } } });
    assert.deepEqual(addresses(doc), ['aws_x.a', 'data.aws_x.a']);
    assert.deepEqual(doc.instances.map((i) => i.mode), ['managed', 'data']);
    assert.deepEqual(problems(doc), []);
  });
});

describe('configuration: "//" in a body, at a label level, in an expression', () => {
  it('ignores "//" in the root, resource, provider and lifecycle bodies, and keeps the root\'s as the comment', () => {
    // GIVEN CDKTF's metadata comments  WHEN read  THEN none is an argument; the root's is the document's comment
    const doc = readJson({
      '//': { metadata: { version: '0.21.0', stackName: 'adcs' } },
      provider: { azurerm: { '//': 'note', features: {} } },
      resource: { azurerm_subnet: { s: { '//': { metadata: { path: 'adcs/s' } }, name: 's', lifecycle: { '//': 'x' } } } },
    });
    assert.deepEqual(values(doc, 'azurerm_subnet.s'), { name: 's' });
    assert.deepEqual(doc.providerConfigs.get('azurerm'), { features: {} });
    assert.deepEqual(doc.comment, { metadata: { version: '0.21.0', stackName: 'adcs' } });
    assert.deepEqual(problems(doc), []);
  });

  it('keeps "//" as a key inside an expression', () => {
    // GIVEN tags with a "//" key  WHEN read  THEN the key is kept (only bodies skip it)
    const doc = readJson({ resource: { aws_x: { a: { tags: { '//': 'kept', Name: 'a' } } } } });
    assert.deepEqual(values(doc, 'aws_x.a'), { tags: { '//': 'kept', Name: 'a' } });
  });

  it('reads "//" at a label level as a label, which Terraform rejects', () => {
    // GIVEN "//" as a resource type, as a name, and with a string under it  WHEN read  THEN INVALID, no instance
    assert.deepEqual(problems(read('{"resource": {"//": {"x": {}}}}')), ['invalid resource.//.x: Invalid resource type name']);
    assert.deepEqual(problems(read('{"resource": {"aws_x": {"//": {}}}}')), ['invalid resource.aws_x.//: Invalid resource name']);
    assert.deepEqual(problems(read('{"resource": {"//": "a comment"}}')), ['invalid resource.//: Incorrect JSON value type', 'invalid resource.//: Missing block label']);
    assert.deepEqual(addresses(read('{"resource": {"aws_x": {"//": {}}, "aws_y": {"b": {}}}}')), ['aws_y.b']);
  });
});

describe('configuration: top-level keys', () => {
  it('reports a key that is no block type, and reads the rest', () => {
    // GIVEN "resources" (a typo) beside "resource"  WHEN read  THEN INVALID at the typo, the resource read
    const doc = read('{"resource": {"aws_x": {"a": {}}}, "resources": {}}');
    assert.deepEqual(addresses(doc), ['aws_x.a']);
    assert.deepEqual(problems(doc), ['invalid resources: Extraneous JSON object property']);
  });

  it('reports required_providers outside a terraform block', () => {
    // GIVEN required_providers at the top level  WHEN read  THEN INVALID (parser_config.go)
    assert.deepEqual(problems(read('{"required_providers": {"azurerm": {"source": "hashicorp/azurerm"}}}')), ['invalid required_providers: Invalid required_providers block']);
  });

  it('accepts every top-level block type Terraform knows without reading them as instances', () => {
    // GIVEN variable, output, moved, import, check and ephemeral blocks  WHEN read  THEN no instance, no problem
    const doc = readJson({
      variable: { sub: { type: 'string' } }, output: { id: { value: '${aws_x.a.id}' } }, moved: [{ from: 'aws_x.old', to: 'aws_x.a' }],
      import: [{ to: 'aws_x.a', id: 'sg-1' }], check: { c: { assert: { condition: true, error_message: 'x' } } },
      ephemeral: { random_password: { p: { length: 8 } } }, resource: { aws_x: { a: {} } },
    });
    assert.deepEqual(addresses(doc), ['aws_x.a']);
    assert.deepEqual(problems(doc), []);
  });

  it('reports an action block as unresolved, and duplicate variables, outputs and module calls as invalid', () => {
    // GIVEN an action and names declared twice  WHEN read  THEN UNRESOLVED for the action, INVALID for each duplicate
    const doc = read('{"action": {"aws_lambda_invoke": {"go": {}}}, "variable": {"v": {}}, "variable": {"v": {}}, "output": {"o": {"value": 1}, "o": {"value": 2}}, "module": {"m": {"source": "./m"}, "m": {"source": "./n"}}}');
    assert.deepEqual(problems(doc), [
      'unresolved action.aws_lambda_invoke.go: An action block',
      'invalid variable.v: Duplicate variable',
      'invalid output.o: Duplicate output',
      'invalid module.m: Duplicate module call',
    ]);
  });
});
