import { App, LocalBackend, TerraformStack } from 'cdktf';
import { AdcsEnrollmentSecurity } from '../lib/cdktf/adcs-enrollment-security';
import { Platform } from '../lib/model/options';
import { EstateProps } from '../lib/input/props';
import { ResolvedInput } from '../lib/input/resolved';

/**
 * The stack the CLI (and the examples) synthesize for a spec: the platform's provider, then
 * one AdcsEnrollmentSecurity. Provider modules are loaded for the platform in use only.
 */
export function estateStack(app: App, doc: Record<string, unknown>, spec: ResolvedInput): AdcsEnrollmentSecurity {
  const stack = new TerraformStack(app, spec.estate.name);
  // Relative to the stack's folder: the default is an absolute path, which breaks byte-identical output.
  new LocalBackend(stack, { path: `terraform.${spec.estate.name}.tfstate` });
  if (spec.platform === Platform.AZURE) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { AzurermProvider } = require('@cdktf/provider-azurerm/lib/provider') as typeof import('@cdktf/provider-azurerm/lib/provider');
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
  } else if (spec.platform === Platform.AWS) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { AwsProvider } = require('@cdktf/provider-aws/lib/provider') as typeof import('@cdktf/provider-aws/lib/provider');
    const region = (doc.aws as { region?: string } | undefined)?.region;
    new AwsProvider(stack, 'aws', region ? { region } : {});
  }
  return new AdcsEnrollmentSecurity(stack, 'adcs', doc as unknown as EstateProps);
}
