import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TfDocumentForm, TfInstanceOrigin, TfMultiplicity } from '../../lib/terraform/document';
import { addresses, instance, problems, readJson, values } from './reader-helpers';

// States written by hand in the shape of terraform internal/command/jsonstate/state.go:
// values.root_module.resources, child_modules recursively (each with its address), deposed
// objects listed with deposed_key, no provider configuration beyond provider_name.

const AWS = 'registry.terraform.io/hashicorp/aws';

const STATE = {
  format_version: '1.0', terraform_version: '1.14.0',
  values: {
    outputs: { sg: { value: 'sg-0dc', sensitive: false } },
    root_module: {
      resources: [
        { address: 'aws_vpc_security_group_ingress_rule.ldap', mode: 'managed', type: 'aws_vpc_security_group_ingress_rule', name: 'ldap', provider_name: AWS, schema_version: 0,
          values: { cidr_ipv4: '10.20.0.0/16', cidr_ipv6: null, from_port: 389, to_port: 389, ip_protocol: 'tcp', security_group_id: 'sg-0dc', tags: null, tags_all: {} }, sensitive_values: { tags_all: {} } },
        { address: 'aws_security_group.ca', mode: 'managed', type: 'aws_security_group', name: 'ca', provider_name: AWS, schema_version: 0, deposed_key: '3f2a1b0c', values: { id: 'sg-old' }, sensitive_values: {} },
        { address: 'aws_security_group.ca', mode: 'managed', type: 'aws_security_group', name: 'ca', provider_name: AWS, schema_version: 0, values: { id: 'sg-new' }, sensitive_values: {} },
      ],
      child_modules: [{
        address: 'module.pki',
        resources: [{ address: 'module.pki.data.aws_subnet.ca', mode: 'data', type: 'aws_subnet', name: 'ca', provider_name: AWS, values: { id: 'subnet-1', cidr_block: '10.9.0.0/24' } }],
        child_modules: [{
          address: 'module.pki.module.rules["east"]',
          resources: [{ address: 'module.pki.module.rules["east"].aws_vpc_security_group_egress_rule.out[0]', mode: 'managed', type: 'aws_vpc_security_group_egress_rule', name: 'out', index: 0, provider_name: 'registry.opentofu.org/hashicorp/aws', values: { ip_protocol: '-1' } }],
        }],
      }],
    },
  },
};

describe('terraform show -json of a state', () => {
  it('reads the root module and child modules recursively, deposed objects included, in address order', () => {
    // GIVEN a state with a deposed object and two levels of modules  WHEN read  THEN every object, origin STATE, with its module
    const doc = readJson(STATE);
    assert.equal(doc.form, TfDocumentForm.STATE);
    assert.deepEqual(doc.instances.map((i) => [i.address, i.module, i.mode, i.origin, i.multiplicity]), [
      ['aws_security_group.ca', '', 'managed', TfInstanceOrigin.STATE, TfMultiplicity.KNOWN],
      ['aws_security_group.ca', '', 'managed', TfInstanceOrigin.STATE, TfMultiplicity.KNOWN],
      ['aws_vpc_security_group_ingress_rule.ldap', '', 'managed', TfInstanceOrigin.STATE, TfMultiplicity.KNOWN],
      ['module.pki.data.aws_subnet.ca', 'module.pki', 'data', TfInstanceOrigin.STATE, TfMultiplicity.KNOWN],
      ['module.pki.module.rules["east"].aws_vpc_security_group_egress_rule.out[0]', 'module.pki.module.rules["east"]', 'managed', TfInstanceOrigin.STATE, TfMultiplicity.KNOWN],
    ]);
    assert.deepEqual(doc.instances.slice(0, 2).map((i) => i.values.id), ['sg-old', 'sg-new']);
    assert.deepEqual([doc.moduleCalls, doc.removed, doc.providerConfigs.size, problems(doc)], [[], [], 0, []]);
  });

  it('reads nulls as absent, and the provider\'s source without knowing its configuration', () => {
    // GIVEN a rule with null attributes, and one from an OpenTofu registry  WHEN read  THEN nulls absent; source without host, alias unknown
    const doc = readJson(STATE);
    assert.deepEqual(values(doc, 'aws_vpc_security_group_ingress_rule.ldap'), { cidr_ipv4: '10.20.0.0/16', from_port: 389, to_port: 389, ip_protocol: 'tcp', security_group_id: 'sg-0dc', tags_all: {} });
    assert.deepEqual(instance(doc, 'aws_vpc_security_group_ingress_rule.ldap').provider, { localName: 'aws', source: 'hashicorp/aws', key: '', aliasUnknown: true });
    assert.equal(instance(doc, 'module.pki.module.rules["east"].aws_vpc_security_group_egress_rule.out[0]').provider.source, 'hashicorp/aws');
  });

  it('reads an empty state', () => {
    // GIVEN terraform show -json with no state, and a state with no resources  WHEN read  THEN a state with no instance
    for (const state of [{ format_version: '1.0' }, { format_version: '1.0', terraform_version: '1.14.0', values: { root_module: {} } }]) {
      const doc = readJson(state);
      assert.deepEqual([doc.form, addresses(doc), problems(doc)], [TfDocumentForm.STATE, [], []]);
    }
  });

  it('refuses, by name, a resource without the fields a state has', () => {
    // GIVEN a resource without mode  WHEN read  THEN UNSUPPORTED, the others read
    const doc = readJson({ format_version: '1.0', values: { root_module: { resources: [{ address: 'aws_x.a', type: 'aws_x', name: 'a', values: {} }, { address: 'aws_x.b', mode: 'managed', type: 'aws_x', name: 'b', values: {} }] } } });
    assert.deepEqual(addresses(doc), ['aws_x.b']);
    assert.deepEqual(problems(doc), ['unsupported values.aws_x.a: A resource without the address, mode, type and name terraform show -json writes; not read.']);
  });
});
