import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { App, TerraformStack } from 'cdktf';
import { AdcsEnrollmentSecurity } from '../../lib/cdktf';
import { AdcsInputError } from '../../lib/errors';
import { readSpecDocument } from '../../lib/input/load';
import { substituteModuleInputs, variableName, variablesIn } from '../../lib/input/module-inputs';
import { PLATFORM_INPUTS } from '../../lib/platforms/registry';
import { estateModule } from '../../lib/spec/estate-module';
import { estateRecords } from '../../lib/spec/estate-record';
import { resolveSpec } from '../../lib/spec';
import { expectGolden } from '../support/golden';
import { runCli } from '../support/io';
import { NO_TERRAFORM, terraform } from '../support/terraform';

// `synth --module` (issue 24): the estate as a module for plain Terraform and OpenTofu root
// modules. examples/terraform is a root module calling the module written from its pki.yaml.

const ROOT = join(__dirname, '..', '..', '..');
const EXAMPLE = join(ROOT, 'examples', 'terraform');
const SPEC = join(EXAMPLE, 'pki.yaml');
const MODULE = join(EXAMPLE, 'modules', 'pki-lz');

const tmp = (): string => mkdtempSync(join(tmpdir(), 'adcs-module-'));
const example = (): ReturnType<typeof estateModule> => estateModule(readSpecDocument(SPEC), SPEC, './modules/pki-lz');

/** Every string of a JSON document. */
const strings = (v: unknown): string[] => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(strings)
  : v !== null && typeof v === 'object' ? Object.values(v).flatMap(strings) : []);

/** An AWS landing zone: the DCs' group, in a shared-services account, left to the caller. */
const AWS_SPEC = {
  name: 'pki-aws',
  aws: { vpcId: 'input', providers: { shared: {} } },
  tiers: {
    clients: { cidrs: ['10.20.0.0/16'] },
    ca: { cidrs: ['10.0.1.0/24'], createSecurityGroup: true },
    dc: { cidrs: ['10.1.0.0/24'], securityGroupId: 'input', provider: 'shared' },
  },
};

describe('synth --module: a module for plain Terraform and OpenTofu root modules', () => {
  it('examples/terraform/modules/pki-lz is what synth writes from pki.yaml', () => {
    const m = example();
    expectGolden(join(MODULE, 'main.tf.json'), m.files.main);
    expectGolden(join(MODULE, 'versions.tf.json'), m.files.versions);
    expectGolden(join(MODULE, 'README.md'), m.readme);
  });

  it('has no backend and no provider configuration; requires azurerm ~> 4.0 with the identity alias; a variable for every id left to the caller', () => {
    const m = example();
    const main = JSON.parse(m.files.main);
    const versions = JSON.parse(m.files.versions);
    assert.deepEqual(Object.keys(main).sort(), ['//', 'output', 'resource', 'variable']);
    assert.deepEqual(versions, { terraform: { required_version: '>= 1.0', required_providers: {
      azurerm: { source: 'hashicorp/azurerm', version: '~> 4.0', configuration_aliases: ['azurerm.identity'] } } } });
    // the spec's `input` (tiers.ca.subnetIds) and its own ${var.web_subnet_id} (ces and cep)
    assert.deepEqual(main.variable, {
      ca_subnet_id: { type: 'string', description: 'tiers.ca.subnetIds[0] of the AD CS estate pki-lz (left to the caller with "input")' },
      web_subnet_id: { type: 'string', description: 'tiers.ces.subnetIds[0], tiers.cep.subnetIds[0] of the AD CS estate pki-lz' },
    });
    // every variable referenced is declared, and every one declared is referenced by a resource
    const referenced = [...new Set(strings(main.resource).flatMap(variablesIn))].sort();
    assert.deepEqual(referenced, Object.keys(main.variable).sort());
    // the resources under `identity` are the rules on the DCs' NSG (by hand: inbound from clients, ca,
    // ces and cep, TCP and UDP each, and outbound dc -> ca TCP: 9); no other provider argument
    const all = Object.values<any>(main.resource).flatMap((byName) => Object.values<any>(byName));
    assert.equal(all.filter((r) => r.provider === 'azurerm.identity').length, 9);
    assert.ok(all.filter((r) => r.provider === 'azurerm.identity').every((r) => r.network_security_group_name === 'nsg-identity-dc'));
    assert.deepEqual([...new Set(all.map((r) => r.provider))].sort(), ['azurerm.identity', undefined]);
    // AND the outputs: the created NSGs by name, every rule by construct id
    assert.deepEqual(Object.keys(main.output.network_security_group_ids.value), ['pki-lz-ca-nsg', 'pki-lz-web-nsg']);
    assert.equal(Object.keys(main.output.network_security_rule_ids.value).length, Object.keys(main.resource.azurerm_network_security_rule).length);
    assert.match(main.output.network_security_group_ids.value['pki-lz-ca-nsg'], /^\$\{azurerm_network_security_group\.adcs_azure_nsg-pki-lz-ca-nsg_[0-9A-F]{8}\.id\}$/);
  });

  it('records its estate in a `//` comment, so check of main.tf.json needs no spec', async () => {
    const [record] = estateRecords(JSON.parse(example().files.main));
    assert.equal(record.path, 'pki-lz/adcs');
    assert.deepEqual((record.spec.tiers as any).ca.subnetIds, ['${var.ca_subnet_id}']);
    const r = await runCli(['check', '--plan', join(MODULE, 'main.tf.json'), '--format', 'json']);
    assert.equal(r.code, 0, r.out + r.err);
    assert.equal(JSON.parse(r.out).ok, true);
  });

  it('AWS: the alias becomes a configuration alias, the groups and rules output maps', () => {
    const m = estateModule(AWS_SPEC, 'aws.json', './modules/pki-aws');
    const main = JSON.parse(m.files.main);
    assert.deepEqual(JSON.parse(m.files.versions).terraform.required_providers, {
      aws: { source: 'hashicorp/aws', version: '~> 6.0', configuration_aliases: ['aws.shared'] } });
    assert.deepEqual(Object.keys(main.variable), ['dc_security_group_id', 'vpc_id']);
    assert.deepEqual(main.output.security_group_ids.value, {
      ca: main.output.security_group_ids.value.ca, dc: '${var.dc_security_group_id}' });
    assert.match(main.output.security_group_ids.value.ca, /^\$\{aws_security_group\.adcs_aws_ca-security-group_[0-9A-F]{8}\.id\}$/);
    const rules = [...Object.keys(main.resource.aws_vpc_security_group_ingress_rule), ...Object.keys(main.resource.aws_vpc_security_group_egress_rule)];
    assert.equal(Object.keys(main.output.security_group_rule_ids.value).length, rules.length);
    // the DCs' group is under `shared`: no rule references a group across the boundary
    const all = Object.values<any>(main.resource).flatMap((byName) => Object.values<any>(byName));
    assert.deepEqual(all.filter((r) => r.referenced_security_group_id !== undefined), []);
    assert.ok(all.filter((r) => r.security_group_id === '${var.dc_security_group_id}').every((r) => r.provider === 'aws.shared'));
    assert.equal(m.call, [
      'module "pki-aws" {', '  source = "./modules/pki-aws"', '', '  providers = {', '    aws        = aws', '    aws.shared = aws.shared', '  }', '',
      '  dc_security_group_id = "<tiers.dc.securityGroupId>"', '  vpc_id               = "<aws.vpcId>"', '}', ''].join('\n'));
  });

  it('names a variable after the key it stands for', () => {
    const blocks = ['azure', 'aws'];
    assert.equal(variableName('tiers.ca.subnetIds[0]', blocks), 'ca_subnet_id');
    assert.equal(variableName('tiers.ca.subnetIds[1]', blocks, 2), 'ca_subnet_id_2');
    assert.equal(variableName('tiers.dc.networkSecurityGroup.resourceGroupName', blocks), 'dc_network_security_group_resource_group_name');
    assert.equal(variableName('azure.resourceGroupName', blocks), 'resource_group_name');
    assert.equal(variableName('aws.vpcId', blocks), 'vpc_id');
    // only at a key that names one of the caller's resources: a CIDR or a tag of "input" stays as it is
    const { doc, inputs } = substituteModuleInputs({ azure: { location: 'input', tags: { role: 'input' } },
      tiers: { ca: { cidrs: ['input'], subnetIds: ['input', 'input'] } } }, PLATFORM_INPUTS);
    assert.deepEqual(inputs.map((i) => [i.path, i.variable]), [['azure.location', 'location'], ['tiers.ca.subnetIds[0]', 'ca_subnet_id_1'], ['tiers.ca.subnetIds[1]', 'ca_subnet_id_2']]);
    assert.deepEqual(doc, { azure: { location: '${var.location}', tags: { role: 'input' } }, tiers: { ca: { cidrs: ['input'], subnetIds: ['${var.ca_subnet_id_1}', '${var.ca_subnet_id_2}'] } } });
    assert.deepEqual(variablesIn('${var.a}-${azurerm_subnet.x.id}-${upper(var.b_2)}-var.c'), ['a', 'b_2']);
  });
});

describe('synth --module on the command line', () => {
  it('writes main.tf.json, versions.tf.json and README.md, replaces only those, and prints the call', async () => {
    const dir = join(tmp(), 'modules', 'pki-lz');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'extra_override.tf.json'), '{}');
    writeFileSync(join(dir, 'main.tf.json'), '{"old":true}');
    const r = await runCli(['synth', '--spec', SPEC, '--module', '--out', dir]);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(readdirSync(dir).sort(), ['README.md', 'extra_override.tf.json', 'main.tf.json', 'versions.tf.json']);
    assert.equal(readFileSync(join(dir, 'extra_override.tf.json'), 'utf8'), '{}');
    assert.equal(readFileSync(join(dir, 'main.tf.json'), 'utf8'), example().files.main);
    assert.match(r.out, /wrote the module .*modules\/pki-lz \(main\.tf\.json, versions\.tf\.json, README\.md\); call it as:\n\nmodule "pki-lz" \{\n {2}source = "/);
  });

  it('writes to modules/<name> by default, and the README calls it from there', async () => {
    const dir = tmp();
    const here = process.cwd();
    process.chdir(dir);
    try {
      assert.equal((await runCli(['synth', '--spec', SPEC, '--module'])).code, 0);
    } finally {
      process.chdir(here);
    }
    assert.equal(readFileSync(join(dir, 'modules', 'pki-lz', 'README.md'), 'utf8'), example().readme);
  });

  it('a stack refuses "input" (it is a module variable), and so does the construct', async () => {
    const spec = join(tmp(), 'aws.json');
    writeFileSync(spec, JSON.stringify(AWS_SPEC));
    const out = join(tmp(), 'out');
    const r = await runCli(['synth', '--spec', spec, '--out', out]);
    assert.equal(r.code, 2);
    assert.equal(r.err, `error: ${spec}: aws.vpcId: aws.vpcId, tiers.dc.securityGroupId are "input", a variable of a module (synth --module writes one); write a module with synth --module (the caller then gives each as a variable), or give a stack the value itself (or a Terraform expression)\n`);
    assert.throws(() => new AdcsEnrollmentSecurity(new TerraformStack(new App(), 's'), 'adcs', {
      azure: { resourceGroupName: 'rg', location: 'westeurope' },
      tiers: { clients: { cidrs: ['10.20.0.0/16'] }, ca: { cidrs: ['10.0.1.0/24'], subnetIds: ['input'] }, dc: { cidrs: ['10.0.0.0/24'] } },
    }), (e: unknown) => e instanceof AdcsInputError && e.problems[0].ruleId === 'ADCS-E306' && e.problems[0].path === 'tiers.ca.subnetIds[0]');
    // AND validate and matrix read it as the module does
    assert.equal((await runCli(['validate', '--spec', spec])).code, 0);
    assert.equal(resolveSpec(AWS_SPEC, 'spec').estate.tiers.dc!.enforcement.kind, 'awsExistingGroup');
  });
});

describe('the Terraform files against terraform (fmt -check; get and providers, which need no provider download)', { skip: NO_TERRAFORM }, () => {
  it('the root module and the README\'s call are formatted as terraform fmt writes them', () => {
    const r = terraform(['fmt', '-check', '-diff', '-recursive', '.'], EXAMPLE);
    assert.equal(r.code, 0, r.out + r.err);
    for (const call of [example().call, estateModule(AWS_SPEC, 'aws.json', './modules/pki-aws').call]) {
      const f = terraform(['fmt', '-'], EXAMPLE, call);
      assert.equal(f.code, 0, f.err);
      assert.equal(f.out, call);
    }
  });

  it('terraform reads the root module calling the module: the providers it passes are the ones the module requires', () => {
    // GIVEN a copy of examples/terraform (terraform get writes .terraform/ there)
    const copy = join(tmp(), 'root');
    cpSync(EXAMPLE, copy, { recursive: true });
    assert.equal(terraform(['get', '-no-color'], copy).code, 0);
    const r = terraform(['providers', '-no-color'], copy);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.err, '');
    assert.match(r.out, /└── module\.pki-lz\n {4}└── provider\[registry\.terraform\.io\/hashicorp\/azurerm\] ~> 4\.0/);
    // AND the same check fails when the root module does not pass the identity configuration
    const main = readFileSync(join(copy, 'main.tf'), 'utf8');
    writeFileSync(join(copy, 'main.tf'), main.replace('    azurerm.identity = azurerm.identity\n', ''));
    const broken = terraform(['providers', '-no-color'], copy);
    assert.notEqual(broken.code, 0);
    assert.match(broken.err, /additional configuration for provider\s+hashicorp\/azurerm, with the local name "azurerm\.identity"/);
  });
});
