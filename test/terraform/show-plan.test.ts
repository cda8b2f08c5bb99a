import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TfDocumentForm, TfInstanceOrigin, TfMultiplicity } from '../../lib/terraform/document';
import { TfReference, TfUnknown } from '../../lib/terraform/values';
import { addresses, instance, problems, read, readJson, values } from './reader-helpers';

// Plans written by hand in the shape of terraform internal/command/jsonplan (plan.go `plan`,
// resource.go `ResourceChange`, `actionString`, `omitUnknowns`/`unknownAsBool`) and jsonconfig
// (config.go: provider_config keys, provider_config_key, module_calls, expression representations).

const AZ = 'registry.terraform.io/hashicorp/azurerm';

/** A resource_changes entry. */
function change(address: string, actions: string[], before: unknown, after: unknown, afterUnknown: unknown = {}, extra: object = {}): object {
  const m = /^((?:module\.[\w-]+(?:\[[^\]]*\])?\.)*)(data\.)?([\w-]+)\.([\w-]+)(\[[^\]]*\])?$/.exec(address)!;
  const module = m[1].replace(/\.$/, '');
  return {
    address, ...(module ? { module_address: module } : {}), mode: m[2] ? 'data' : 'managed', type: m[3], name: m[4], provider_name: AZ,
    change: { actions, before, after, after_unknown: afterUnknown, before_sensitive: {}, after_sensitive: {} }, ...extra,
  };
}

const rule = (name: string, priority: number): object => ({ name, priority, access: 'Allow', description: null, source_address_prefixes: [], network_security_group_name: 'nsg-ca' });

const PLAN = {
  format_version: '1.2', terraform_version: '1.14.0', applyable: true, complete: true, errored: false,
  planned_values: { root_module: {} },
  resource_changes: [
    change('azurerm_network_security_rule.created', ['create'], null, rule('created', 100), { id: true }),
    change('azurerm_network_security_rule.updated', ['update'], rule('updated', 200), rule('updated', 201)),
    change('azurerm_network_security_rule.kept', ['no-op'], rule('kept', 300), rule('kept', 300)),
    change('azurerm_network_security_rule.deleted', ['delete'], rule('deleted', 400), null, false),
    change('azurerm_network_security_rule.replaced', ['delete', 'create'], rule('replaced', 500), rule('replaced2', 501), { id: true }),
    change('azurerm_network_security_rule.cbd', ['create', 'delete'], rule('cbd', 600), rule('cbd2', 601), { id: true }),
    change('azurerm_network_security_rule.forgotten', ['forget'], rule('forgotten', 700), null, false),
    change('azurerm_network_security_rule.kept_old', ['create', 'forget'], rule('old', 800), rule('new', 801), { id: true }),
    change('azurerm_network_security_rule.cbd', ['delete'], rule('cbd-old', 600), null, false, { deposed: '00000001' }),
    change('data.azurerm_subnet.later', ['read'], null, { name: 'later' }, { id: true, address_prefixes: true }, { action_reason: 'read_because_config_unknown' }),
  ],
};

describe('terraform show -json of a plan: the state after the planned actions', () => {
  it('keeps what each action leaves: none for delete, after for create/update/no-op/replace/read, before for forget', () => {
    // GIVEN one change of each action  WHEN read  THEN the instances the apply leaves, with their origin
    const doc = readJson(PLAN);
    assert.equal(doc.form, TfDocumentForm.PLAN);
    assert.deepEqual(doc.instances.map((i) => [i.address, i.origin, i.values.name]), [
      ['azurerm_network_security_rule.cbd', TfInstanceOrigin.PLANNED, 'cbd2'],
      ['azurerm_network_security_rule.created', TfInstanceOrigin.PLANNED, 'created'],
      ['azurerm_network_security_rule.forgotten', TfInstanceOrigin.FORGOTTEN, 'forgotten'],
      ['azurerm_network_security_rule.kept', TfInstanceOrigin.PLANNED, 'kept'],
      ['azurerm_network_security_rule.kept_old', TfInstanceOrigin.PLANNED, 'new'],
      ['azurerm_network_security_rule.kept_old', TfInstanceOrigin.FORGOTTEN, 'old'],
      ['azurerm_network_security_rule.replaced', TfInstanceOrigin.PLANNED, 'replaced2'],
      ['azurerm_network_security_rule.updated', TfInstanceOrigin.PLANNED, 'updated'],
      ['data.azurerm_subnet.later', TfInstanceOrigin.PLANNED, 'later'],
    ]);
    assert.deepEqual(problems(doc), []);
  });

  it('reads nulls as absent and after_unknown leaves as unknown, without a configuration to name them', () => {
    // GIVEN a created rule with description null and id unknown  WHEN read  THEN no description, id a TfUnknown
    const doc = readJson(PLAN);
    assert.deepEqual(values(doc, 'azurerm_network_security_rule.created'), {
      name: 'created', priority: 100, access: 'Allow', source_address_prefixes: [], network_security_group_name: 'nsg-ca', id: new TfUnknown('known after apply'),
    });
    assert.deepEqual(values(doc, 'data.azurerm_subnet.later'), { name: 'later', id: new TfUnknown('known after apply'), address_prefixes: new TfUnknown('known after apply') });
  });

  it('reads an unknown list element (null in after, true in after_unknown) as unknown in its place, and nested unknowns', () => {
    // GIVEN security_rule [{known}, {destination: unknown}] and address_prefixes ["10.0.0.0/24", null]  WHEN read  THEN each unknown in place
    const doc = readJson({
      format_version: '1.2', resource_changes: [change('azurerm_network_security_group.g', ['create'], null,
        { name: 'g', address_prefixes: ['10.0.0.0/24', null], security_rule: [{ name: 'a', destination_address_prefix: '10.0.0.4' }, { name: 'b' }] },
        { id: true, address_prefixes: [false, true], security_rule: [{}, { destination_address_prefix: true }] })],
    });
    assert.deepEqual(values(doc, 'azurerm_network_security_group.g'), {
      name: 'g', address_prefixes: ['10.0.0.0/24', new TfUnknown('known after apply')],
      security_rule: [{ name: 'a', destination_address_prefix: '10.0.0.4' }, { name: 'b', destination_address_prefix: new TfUnknown('known after apply') }],
      id: new TfUnknown('known after apply'),
    });
  });

  it('reads an unknown value as the reference its configuration expression names, prefixed with the module path', () => {
    // GIVEN unknown NSG names whose expressions reference one NSG each (root, and module.identity[0]), one referencing two objects, one a variable
    const doc = readJson({
      format_version: '1.2',
      resource_changes: [
        change('azurerm_network_security_rule.a', ['create'], null, { name: 'a' }, { network_security_group_name: true, resource_group_name: true, id: true, priority: true }),
        change('module.identity[0].azurerm_network_security_rule.b', ['create'], null, { name: 'b' }, { network_security_group_name: true }),
      ],
      configuration: {
        root_module: {
          resources: [{
            address: 'azurerm_network_security_rule.a', mode: 'managed', type: 'azurerm_network_security_rule', name: 'a', provider_config_key: 'azurerm',
            expressions: {
              network_security_group_name: { references: ['azurerm_network_security_group.ca.name', 'azurerm_network_security_group.ca'] },
              resource_group_name: { references: ['azurerm_resource_group.a.name', 'azurerm_resource_group.a', 'azurerm_resource_group.b.name', 'azurerm_resource_group.b'] },
              priority: { references: ['var.priority'] },
            },
          }],
          module_calls: {
            identity: {
              source: './identity', module: {
                resources: [{ address: 'azurerm_network_security_rule.b', mode: 'managed', type: 'azurerm_network_security_rule', name: 'b', provider_config_key: 'module.identity:azurerm', expressions: { network_security_group_name: { references: ['azurerm_network_security_group.dc[0].name', 'azurerm_network_security_group.dc[0]', 'azurerm_network_security_group.dc'] } } }],
              },
            },
          },
        },
      },
    });
    assert.deepEqual(values(doc, 'azurerm_network_security_rule.a'), {
      name: 'a', network_security_group_name: new TfReference('azurerm_network_security_group.ca.name'),
      resource_group_name: new TfUnknown('known after apply'), id: new TfUnknown('known after apply'), priority: new TfUnknown('known after apply (from var.priority)'),
    });
    const b = instance(doc, 'module.identity[0].azurerm_network_security_rule.b');
    assert.deepEqual([b.module, b.values.network_security_group_name], ['module.identity[0]', new TfReference('module.identity[0].azurerm_network_security_group.dc[0].name')]);
    assert.deepEqual(b.provider, { localName: 'azurerm', source: 'hashicorp/azurerm', key: 'module.identity:azurerm' });
    assert.deepEqual((b.values.network_security_group_name as TfReference).parts(), { address: 'module.identity[0].azurerm_network_security_group.dc[0]', attribute: 'name' });
  });

  it('takes the provider alias from the configuration\'s provider_config_key, and says when no configuration names it', () => {
    // GIVEN a rule configured with azurerm.identity, and a forgotten one the configuration no longer has  WHEN read  THEN alias, or aliasUnknown
    const doc = readJson({
      format_version: '1.2',
      resource_changes: [change('azurerm_network_security_rule.a', ['no-op'], { name: 'a' }, { name: 'a' }), change('azurerm_network_security_rule.gone', ['forget'], { name: 'g' }, null, false)],
      configuration: {
        provider_config: { 'azurerm.identity': { name: 'azurerm', full_name: AZ, alias: 'identity', expressions: { subscription_id: { constant_value: '0000' }, client_id: { references: ['var.client'] }, features: [{}] } } },
        root_module: { resources: [{ address: 'azurerm_network_security_rule.a', mode: 'managed', type: 'azurerm_network_security_rule', name: 'a', provider_config_key: 'azurerm.identity', expressions: {} }] },
      },
    });
    assert.deepEqual(instance(doc, 'azurerm_network_security_rule.a').provider, { localName: 'azurerm', alias: 'identity', source: 'hashicorp/azurerm', key: 'azurerm.identity' });
    assert.deepEqual(instance(doc, 'azurerm_network_security_rule.gone').provider, { localName: 'azurerm', source: 'hashicorp/azurerm', key: '', aliasUnknown: true });
    assert.deepEqual(doc.providerConfigs.get('azurerm.identity'), { subscription_id: '0000', client_id: new TfUnknown('an expression referring to var.client'), features: [{}] });
  });

  it('keeps the instances the plan does not touch as prior_state has them (data sources read at plan time)', () => {
    // GIVEN a prior_state with a data source and a rule, the rule changed by the plan  WHEN read  THEN the data source kept, the rule from its change
    const doc = readJson({
      format_version: '1.2',
      resource_changes: [change('azurerm_network_security_rule.r', ['update'], { name: 'r', priority: 1 }, { name: 'r', priority: 2 })],
      prior_state: {
        format_version: '1.0', values: {
          root_module: {
            resources: [{ address: 'azurerm_network_security_rule.r', mode: 'managed', type: 'azurerm_network_security_rule', name: 'r', provider_name: AZ, values: { name: 'r', priority: 1 } }],
            child_modules: [{ address: 'module.net', resources: [{ address: 'module.net.data.azurerm_subnet.s', mode: 'data', type: 'azurerm_subnet', name: 's', provider_name: AZ, values: { id: 'sid', service_endpoints: null } }] }],
          },
        },
      },
    });
    assert.deepEqual(doc.instances.map((i) => [i.address, i.origin, i.module, i.values]), [
      ['azurerm_network_security_rule.r', TfInstanceOrigin.PLANNED, '', { name: 'r', priority: 2 }],
      ['module.net.data.azurerm_subnet.s', TfInstanceOrigin.PLANNED, 'module.net', { id: 'sid' }],
    ]);
  });

  it('reads planned_values when a plan has no resource_changes, and says unknowns cannot be told from unset there', () => {
    // GIVEN planned_values with one rule in a child module and no resource_changes  WHEN read  THEN the rule, and UNRESOLVED
    const doc = readJson({
      format_version: '1.2', planned_values: { root_module: { child_modules: [{ address: 'module.m', resources: [{ address: 'module.m.azurerm_network_security_rule.r', mode: 'managed', type: 'azurerm_network_security_rule', name: 'r', provider_name: AZ, values: { name: 'r' } }] }] } },
    });
    assert.deepEqual(addresses(doc), ['module.m.azurerm_network_security_rule.r']);
    assert.deepEqual(problems(doc), ['unresolved planned_values: A plan without resource_changes']);
  });

  it('flags an errored plan, an incomplete one and deferred changes', () => {
    // GIVEN errored, complete false and a deferred change  WHEN read  THEN INVALID, UNRESOLVED, UNRESOLVED
    const doc = readJson({ format_version: '1.2', errored: true, complete: false, deferred_changes: [{ reason: 'instance_count_unknown', resource_change: { address: 'azurerm_network_security_rule.r[*]' } }] });
    assert.deepEqual(problems(doc), [
      'invalid errored: The plan errored',
      'unresolved complete: The plan is incomplete (-target, or changes deferred to a later plan)',
      'unresolved deferred_changes.azurerm_network_security_rule.r[*]: A change deferred to a later plan (instance_count_unknown)',
    ]);
  });

  it('flags the actions a plan invokes', () => {
    // GIVEN an action invocation and a deferred one  WHEN read  THEN UNRESOLVED each
    const doc = readJson({ format_version: '1.2', action_invocations: [{ address: 'action.aws_lambda_invoke.go', type: 'aws_lambda_invoke', name: 'go' }], deferred_action_invocations: [{ reason: 'deferred_prereq', action_invocation: {} }] });
    assert.deepEqual(problems(doc), [
      'unresolved action_invocations.action.aws_lambda_invoke.go: An action the apply invokes',
      'unresolved deferred_action_invocations.?: An action the plan defers',
    ]);
  });

  it('refuses, by name, entries it does not recognise: unknown actions, missing fields, a repeated property', () => {
    // GIVEN an "open" action, an entry without a type, and after with "name" twice  WHEN read  THEN UNSUPPORTED each, never dropped silently
    const text = `{"format_version": "1.2", "resource_changes": [
      {"address": "x_y.a", "mode": "managed", "type": "x_y", "name": "a", "change": {"actions": ["open"], "after": {}}},
      {"address": "x_y.b", "mode": "managed", "name": "b", "change": {"actions": ["create"], "after": {}}},
      {"address": "x_y.c", "mode": "managed", "type": "x_y", "name": "c", "change": {"actions": ["create"], "after": {"name": "one", "name": "two"}}}]}`;
    const doc = read(text);
    assert.deepEqual(problems(doc), [
      'unsupported resource_changes.x_y.a: Actions ["open"] are not among those terraform show -json writes (jsonplan/plan.go actionString); not read.',
      'unsupported resource_changes.x_y.b: A resource_changes entry without the address, mode, type, name and change.actions terraform show -json writes; not read.',
      'unsupported resource_changes.x_y.c.after.name: The property "name" is repeated, which terraform show -json never writes; its value is not read.',
    ]);
    assert.deepEqual(values(doc, 'x_y.c'), { name: new TfUnknown('a repeated property "name"') });
  });

  it('reads every attribute of an object unknown as no value, and says so', () => {
    // GIVEN a data source read during apply whose after is wholly unknown  WHEN read  THEN an instance with no values, UNRESOLVED
    const doc = readJson({ format_version: '1.2', resource_changes: [change('data.azurerm_subnet.s', ['read'], null, null, true)] });
    assert.deepEqual(values(doc, 'data.azurerm_subnet.s'), {});
    assert.deepEqual(problems(doc), ['unresolved resource_changes.data.azurerm_subnet.s: Every attribute of this object is known only after apply.']);
  });

  it('marks an instance whose key is not known as of unknown multiplicity', () => {
    // GIVEN index_unknown  WHEN read  THEN UNKNOWN
    const doc = readJson({ format_version: '1.2', resource_changes: [change('azurerm_subnet.s[*]', ['create'], null, { name: 's' }, {}, { index_unknown: true })] });
    assert.equal(doc.instances[0].multiplicity, TfMultiplicity.UNKNOWN);
  });
});

describe('show -json: a targeted plan', () => {
  it('reports a resource the configuration declares that the plan neither changes nor holds (-target, before `complete`)', () => {
    // GIVEN a plan of Terraform 1.7 (no `complete`) made with -target: the configuration declares two rules, the plan touches one
    const doc = readJson({
      format_version: '1.2', terraform_version: '1.7.5',
      resource_changes: [change('azurerm_network_security_rule.a', ['create'], null, rule('a', 100), { id: true })],
      configuration: { root_module: { resources: [
        { address: 'azurerm_network_security_rule.a', mode: 'managed', type: 'azurerm_network_security_rule', name: 'a', provider_config_key: 'azurerm', expressions: {} },
        { address: 'azurerm_network_security_rule.b', mode: 'managed', type: 'azurerm_network_security_rule', name: 'b', provider_config_key: 'azurerm', expressions: {} },
        { address: 'azurerm_network_security_rule.c', mode: 'managed', type: 'azurerm_network_security_rule', name: 'c', provider_config_key: 'azurerm', expressions: {}, count_expression: { constant_value: 0 } },
      ] } },
    });
    // THEN the untouched one is unresolved; the counted one (perhaps no instance) is not
    assert.deepEqual(doc.problems.map((p) => `${p.kind} ${p.element}`), ['unresolved configuration.azurerm_network_security_rule.b']);
  });
});
