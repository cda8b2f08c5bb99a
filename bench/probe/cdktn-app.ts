// Measured child: `node -r exit-report.js cdktn-app.js <outdir> <spec>...` is a CDK Terrain app
// as a user writes it with `adcs-firewall/cdktn`: one stack per spec (backend, the library's
// provider, one AdcsEnrollmentSecurity given the spec's document as props), then App.synth().
// This process loads cdktn and constructs only, never cdktf. Marks loadMs, buildMs, synthMs.
import { mark, msSince } from './marks';

function main(): void {
  const [outdir, ...specs] = process.argv.slice(2);
  let start = process.hrtime.bigint();
  /* eslint-disable @typescript-eslint/no-require-imports */
  const cdktn = require('cdktn') as typeof import('cdktn');
  const lib = require('../../lib/cdktn') as typeof import('../../lib/cdktn');
  const { readSpecDocument } = require('../../lib/input/load') as typeof import('../../lib/input/load');
  /* eslint-enable @typescript-eslint/no-require-imports */
  mark('loadMs', msSince(start));
  start = process.hrtime.bigint();
  const app = new cdktn.App({ outdir, stackTraces: false });
  for (const file of specs) {
    const doc = readSpecDocument(file);
    const name = String(doc.name);
    const stack = new cdktn.TerraformStack(app, name);
    new cdktn.LocalBackend(stack, { path: `terraform.${name}.tfstate` });
    const platform = String(doc.platform);
    const region = (doc.aws as { region?: string } | undefined)?.region;
    new lib.AdcsProvider(stack, platform === 'azure' ? 'azurerm' : 'aws', { platform: platform as never, config: region ? { region } : undefined });
    new lib.AdcsEnrollmentSecurity(stack, 'adcs', doc as never);
  }
  mark('buildMs', msSince(start));
  start = process.hrtime.bigint();
  app.synth();
  mark('synthMs', msSince(start));
}

main();
