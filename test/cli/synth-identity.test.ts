import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { App } from 'cdktf';
import { estateStack } from '../../examples/estate-stack';
import { readSpecDocument } from '../../lib/input/load';
import { resolveSpec } from '../../lib/spec';
import { EstateProps } from '../../lib/input/props';
import { awsEstate, azureEstate } from '../support/arbitrary';
import { runCli } from '../support/io';

const ROOT = join(__dirname, '..', '..', '..');
const RUNS = 15;

/** What the CDKTF construct path writes for a spec file: `app.synth()` of the stack `synth` describes. */
function viaCdktf(file: string): { stack: string; manifest: string } {
  const out = mkdtempSync(join(tmpdir(), 'adcs-cdktf-'));
  const app = new App({ outdir: out, stackTraces: false });
  const doc = readSpecDocument(file);
  const spec = resolveSpec(doc, file);
  estateStack(app, doc, spec);
  app.synth();
  return {
    stack: readFileSync(join(out, 'stacks', spec.estate.name, 'cdk.tf.json'), 'utf8'),
    manifest: `${JSON.stringify(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')), null, 2)}\n`,
  };
}

/** What `adcs-firewall synth` (no framework) writes for a spec file. */
async function viaCli(file: string): Promise<{ stack: string; manifest: string }> {
  const out = mkdtempSync(join(tmpdir(), 'adcs-cli-'));
  const r = await runCli(['synth', '--spec', file, '--out', out]);
  assert.equal(r.code, 0, r.err);
  const name = readSpecDocument(file).name as string;
  return { stack: readFileSync(join(out, 'stacks', name, 'cdk.tf.json'), 'utf8'), manifest: readFileSync(join(out, 'manifest.json'), 'utf8') };
}

function specFile(props: EstateProps): string {
  const file = join(mkdtempSync(join(tmpdir(), 'adcs-spec-')), 'spec.json');
  writeFileSync(file, JSON.stringify(props));
  return file;
}

/**
 * The resources of each example, counted by hand from the catalogue (v2.1 rows).
 * Azure (ca, web for ces+cep, cdp created; dc on the identity team's NSG): 3 NSGs, one subnet each;
 * 36 rules, as test/cli/synth.test.ts derives. AWS (ca, ces, cep created; dc on an existing group;
 * clients by 2 CIDRs, admins by 1; DCOM 135 + static 10509): ingress on ca 11 (clients 2 ports x 2
 * CIDRs, dc 2, ces 2, admins 135, 3389, 10509), on ces 2 and cep 2 (443 per client CIDR), on dc 62
 * (ca 9 TCP + 4 UDP with ca-dc-rpc, ces 10, cep 10, clients 10 per CIDR, admins 9 minimal); egress
 * ca->dc 13, ces->ca 2 and ces->dc 10, cep->dc 10, dc->ca 2 (dc-enroll-dcom on the existing group).
 */
const RESOURCES: Record<string, Record<string, number>> = {
  'azure-estate.yaml': { azurerm_network_security_group: 3, azurerm_network_security_rule: 36, azurerm_subnet_network_security_group_association: 3 },
  // The landing zone (ca, web for ces+cep created; dc on the identity team's NSG under `identity`):
  // on the ca NSG inbound clients, dc, ces (TCP) and outbound ca -> dc (TCP, UDP), probe Allow and
  // deny: 7; on web inbound clients -> ces, cep and outbound ces -> ca, ces -> dc (2), cep -> dc (2),
  // probe Allow and deny: 9; on the DCs' NSG the 9 rules landing-zone.test.ts lists: 25.
  'landing-zone.yaml': { azurerm_network_security_group: 2, azurerm_network_security_rule: 25, azurerm_subnet_network_security_group_association: 2 },
  'aws-estate.yaml': { aws_security_group: 3, aws_vpc_security_group_egress_rule: 37, aws_vpc_security_group_ingress_rule: 77 },
};

describe('the CLI writer and the CDKTF constructs write the same bytes', () => {
  for (const example of ['azure-estate.yaml', 'aws-estate.yaml', 'landing-zone.yaml']) {
    it(`for examples/${example}: cdk.tf.json and manifest.json`, async () => {
      // GIVEN an example spec  WHEN synthesized by the CLI (no framework) and by CDKTF
      const file = join(ROOT, 'examples', example);
      const cli = await viaCli(file);
      const cdktf = viaCdktf(file);
      // THEN both files are byte-identical, and the stack has the resources counted by hand
      assert.equal(cli.stack, cdktf.stack);
      assert.equal(cli.manifest, cdktf.manifest);
      const resources = JSON.parse(cli.stack).resource as Record<string, object>;
      assert.deepEqual(Object.fromEntries(Object.entries(resources).map(([type, byName]) => [type, Object.keys(byName).length])), RESOURCES[example]);
    });
  }

  for (const [platform, arbitrary] of [['Azure', azureEstate()], ['AWS', awsEstate()]] as const) {
    it(`for random ${platform} estates`, async () => {
      // GIVEN random valid estates  WHEN synthesized both ways  THEN the stacks are byte-identical
      const samples = fc.sample(arbitrary, { numRuns: RUNS, seed: platform === 'AWS' ? 17 : 23 });
      for (const props of samples) {
        const file = specFile(props);
        const cli = await viaCli(file);
        assert.equal(cli.stack, viaCdktf(file).stack, JSON.stringify(props));
      }
    });
  }
});
