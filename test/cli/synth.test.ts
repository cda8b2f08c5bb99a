import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../support/io';
import { richAzure } from '../support/estates';

const ROOT = join(__dirname, '..', '..', '..');
const AZURE_EXAMPLE = join(ROOT, 'examples', 'azure-estate.yaml');

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'adcs-synth-'));
}

describe('synth (CLI)', () => {
  it('writes the stack and the manifest as CDKTF does, with the azurerm provider declared', async () => {
    // GIVEN the Azure example  WHEN synthesized to a fresh folder
    const out = join(tmp(), 'out');
    const r = await runCli(['synth', '--spec', AZURE_EXAMPLE, '--out', out]);
    // THEN exit 0, cdk.tf.json with the provider and the rules, a manifest naming the stack
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(readFileSync(join(out, 'stacks', 'pki-weu', 'cdk.tf.json'), 'utf8'));
    assert.deepEqual(json.provider.azurerm, [{ features: [{}] }]);
    // 36 rules, counted by hand from the catalogue (v2.1) for examples/azure-estate.yaml: 20 (from,
    // to, protocol) pairs, all into an NSG (4 into ca, 1 each into ces and cep, 4 into cdp: clients,
    // admins, ca, dc; 5 tiers x TCP+UDP into dc); 10 outbound where the source has an NSG (dc and ces into ca, ca and dc into
    // cdp, ca, ces and cep x 2 into dc); a Deny and a probe Allow on each of the 3 created NSGs
    assert.equal(Object.keys(json.resource.azurerm_network_security_rule).length, 36);
    assert.equal(json.terraform.backend.local.path, 'terraform.pki-weu.tfstate');
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    assert.equal(manifest.stacks['pki-weu'].synthesizedStackPath, 'stacks/pki-weu/cdk.tf.json');
    assert.match(r.err, /acknowledged: \[ADCS-W004\] dcomPort: static DCOM port 10509 covers DCOM enrollment .* \(acknowledged: no MS-ICPR clients/);
  });

  it('is byte-identical across runs and folders', async () => {
    const a = join(tmp(), 'a');
    const b = join(tmp(), 'b');
    await runCli(['synth', '--spec', AZURE_EXAMPLE, '--out', a]);
    await runCli(['synth', '--spec', AZURE_EXAMPLE, '--out', b]);
    for (const f of ['stacks/pki-weu/cdk.tf.json', 'manifest.json']) {
      assert.equal(readFileSync(join(a, f), 'utf8'), readFileSync(join(b, f), 'utf8'), f);
    }
  });

  it('replaces only what it writes: the user\'s files beside cdk.tf.json stay, and other stacks stay in the manifest', async () => {
    // GIVEN a stack folder after `terraform init` (providers, lock file), an override file, a state and
    // an older cdk.tf.json, and a manifest naming another stack
    const out = join(tmp(), 'out');
    const stack = join(out, 'stacks', 'pki-weu');
    mkdirSync(join(stack, '.terraform', 'providers'), { recursive: true });
    const kept: Record<string, string> = {
      '.terraform/providers/marker': 'provider binaries',
      '.terraform.lock.hcl': '# lock file\n',
      'backend_override.tf.json': '{"terraform":{"backend":{"local":{"path":"elsewhere.tfstate"}}}}',
      'terraform.pki-weu.tfstate': '{"version":4}',
    };
    for (const [name, text] of Object.entries(kept)) writeFileSync(join(stack, name), text);
    writeFileSync(join(stack, 'cdk.tf.json'), '{"old":true}');
    writeFileSync(join(out, 'manifest.json'), JSON.stringify({ version: '0.21.0', stacks: { other: { name: 'other' } } }));
    // WHEN synth writes the stack
    assert.equal((await runCli(['synth', '--spec', AZURE_EXAMPLE, '--out', out])).code, 0);
    // THEN every file of the user's is there, unchanged; cdk.tf.json is the new stack; nothing else was added
    for (const [name, text] of Object.entries(kept)) assert.equal(readFileSync(join(stack, name), 'utf8'), text, name);
    assert.equal(JSON.parse(readFileSync(join(stack, 'cdk.tf.json'), 'utf8'))['//'].metadata.stackName, 'pki-weu');
    assert.deepEqual(readdirSync(stack).sort(), ['.terraform', '.terraform.lock.hcl', 'backend_override.tf.json', 'cdk.tf.json', 'terraform.pki-weu.tfstate']);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    assert.deepEqual(Object.keys(manifest.stacks).sort(), ['other', 'pki-weu']);
    assert.deepEqual(readdirSync(out).sort(), ['manifest.json', 'stacks']);
  });

  it('writes the provider requirement as a constraint (~> 4.0, ~> 6.0), as the README says', async () => {
    for (const [file, name, version] of [[AZURE_EXAMPLE, 'azurerm', '~> 4.0'], [join(ROOT, 'examples', 'aws-estate.yaml'), 'aws', '~> 6.0']]) {
      const out = join(tmp(), 'out');
      assert.equal((await runCli(['synth', '--spec', file, '--out', out])).code, 0);
      const [stack] = readdirSync(join(out, 'stacks'));
      const doc = JSON.parse(readFileSync(join(out, 'stacks', stack, 'cdk.tf.json'), 'utf8'));
      assert.deepEqual(doc.terraform.required_providers, { [name]: { source: name, version } });
    }
  });

  it('exits 2 and writes nothing on a spec that fails only at rule planning', async () => {
    // GIVEN a valid spec whose priority window cannot hold the rules
    const dir = tmp();
    const spec = join(dir, 'spec.json');
    writeFileSync(spec, JSON.stringify(richAzure({ azure: { resourceGroupName: 'rg', location: 'westeurope', priorityRange: '100-104' } })));
    const out = join(dir, 'deep', 'er', 'out');
    const r = await runCli(['synth', '--spec', spec, '--out', out]);
    // THEN exit 2, the message names the file and the fix, and nothing was written
    assert.equal(r.code, 2);
    assert.equal(existsSync(join(dir, 'deep')), false, 'no parent folder created either');
    assert.match(r.err, new RegExp(`^error: ${spec.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: tiers\\.\\w+: NSG pki-\\w+-nsg: .*widen the priority range`, 'm'));
    assert.equal(existsSync(out), false);
    assert.deepEqual(readdirSync(dir).sort(), ['spec.json']);
  });

  it('exits 2 on a spec without a platform', async () => {
    const dir = tmp();
    const spec = join(dir, 'spec.yaml');
    writeFileSync(spec, 'tiers:\n  clients: { cidrs: [10.20.0.0/16] }\n  ca: { cidrs: [10.0.1.0/24] }\n  dc: { cidrs: [10.0.0.0/24] }\n');
    const r = await runCli(['synth', '--spec', spec, '--out', join(dir, 'out')]);
    assert.equal(r.code, 2);
    assert.match(r.err, /spec\.yaml: platform: "platform" is required by synth; accepted: azure, aws/);
    assert.equal(existsSync(join(dir, 'out')), false);
  });

  it('writes the same stack as the examples app run by cdktf synth', async () => {
    // GIVEN the example app, as cdktf synth runs it
    const { App } = await import('cdktf');
    const { azureExample } = await import('../../examples/azure');
    const dir = tmp();
    const app = new App({ outdir: join(dir, 'app'), stackTraces: false });
    azureExample(app);
    app.synth();
    await runCli(['synth', '--spec', AZURE_EXAMPLE, '--out', join(dir, 'cli')]);
    // THEN both write the same cdk.tf.json
    assert.equal(readFileSync(join(dir, 'app', 'stacks', 'pki-weu', 'cdk.tf.json'), 'utf8'),
      readFileSync(join(dir, 'cli', 'stacks', 'pki-weu', 'cdk.tf.json'), 'utf8'));
  });
});

describe('synth (CLI) platform settings', () => {
  it('exits 2 when the tiers imply a platform whose settings block is missing', async () => {
    const dir = tmp();
    const spec = join(dir, 'spec.yaml');
    writeFileSync(spec, 'tiers:\n  clients: { cidrs: [10.20.0.0/16] }\n  ca: { cidrs: [10.0.1.0/24], subnetIds: [/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/ca] }\n  dc: { cidrs: [10.0.0.0/24] }\n');
    const r = await runCli(['synth', '--spec', spec, '--out', join(dir, 'out')]);
    assert.equal(r.code, 2);
    assert.match(r.err, /spec\.yaml: azure: the tiers' enforcement keys mark this as an Azure estate, but the spec has no "azure" settings block; add azure: \{ resourceGroupName, location \}/);
    assert.equal(existsSync(join(dir, 'out')), false);
  });
});
