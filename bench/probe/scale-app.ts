// Measured child: `node -r exit-report.js scale-app.js <azure|aws> <sites> <cidrsPerSite> <outdir>`
// synthesizes one app with one stack ("scale") holding one AdcsEnrollmentSecurity per site, the
// way a user's app does: provider by module path, the library from its entry point. Bad input
// (an AWS quota overflow, say) is marked as `error` and exits 2, like the CLI.
import { BenchPlatform, SCALE_STACK, scaleProps } from '../estates';
import { mark, msSince } from './marks';

function main(): void {
  const [platform, sites, cidrs, outdir] = process.argv.slice(2);
  const props = scaleProps({ platform: platform as BenchPlatform, sites: Number(sites), cidrsPerSite: Number(cidrs) });
  let start = process.hrtime.bigint();
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { App, LocalBackend, TerraformStack } = require('cdktf') as typeof import('cdktf');
  const lib = require('../../lib') as typeof import('../../lib');
  const app = new App({ outdir, stackTraces: false });
  const stack = new TerraformStack(app, SCALE_STACK);
  new LocalBackend(stack, { path: `terraform.${SCALE_STACK}.tfstate` });
  if (platform === 'azure') {
    const { AzurermProvider } = require('@cdktf/provider-azurerm/lib/provider') as typeof import('@cdktf/provider-azurerm/lib/provider');
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
  } else {
    const { AwsProvider } = require('@cdktf/provider-aws/lib/provider') as typeof import('@cdktf/provider-aws/lib/provider');
    new AwsProvider(stack, 'aws', { region: 'us-east-1' });
  }
  /* eslint-enable @typescript-eslint/no-require-imports */
  mark('loadMs', msSince(start));
  start = process.hrtime.bigint();
  try {
    props.forEach((p, i) => new lib.AdcsEnrollmentSecurity(stack, `adcs-${i + 1}`, p));
    mark('buildMs', msSince(start));
    start = process.hrtime.bigint();
    app.synth();
    mark('synthMs', msSince(start));
  } catch (e) {
    if (!(e instanceof lib.AdcsInputError)) throw e;
    mark('error', e.message);
    process.exitCode = 2;
  }
}

main();
