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

describe('the CLI writer and the CDKTF constructs write the same bytes', () => {
  for (const example of ['azure-estate.yaml', 'aws-estate.yaml']) {
    it(`for examples/${example}: cdk.tf.json and manifest.json`, async () => {
      // GIVEN an example spec  WHEN synthesized by the CLI (no framework) and by CDKTF
      const file = join(ROOT, 'examples', example);
      const cli = await viaCli(file);
      const cdktf = viaCdktf(file);
      // THEN both files are byte-identical, and the stack has resources
      assert.equal(cli.stack, cdktf.stack);
      assert.equal(cli.manifest, cdktf.manifest);
      assert.ok(Object.keys(JSON.parse(cli.stack).resource).length > 0);
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
