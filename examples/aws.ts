import { join } from 'node:path';
import { App, TerraformStack } from 'cdktf';
import { estateStack } from './estate-stack';
import { readSpecDocument } from '../lib/input/load';
import { resolveSpec } from '../lib/spec';

/** Path of the example AWS spec (this file runs from dist/examples). */
export const AWS_EXAMPLE_SPEC = join(__dirname, '..', '..', 'examples', 'aws-estate.yaml');

/**
 * Adds the AWS example estate's stack to an app, exactly as `synth --spec` builds it: a stack
 * named after the spec (`pki-use1`), the `aws` provider in the spec's region, and one
 * AdcsEnrollmentSecurity given the parsed YAML document as props.
 */
export function awsExampleStack(app: App): TerraformStack {
  const doc = readSpecDocument(AWS_EXAMPLE_SPEC);
  return TerraformStack.of(estateStack(app, doc, resolveSpec(doc, AWS_EXAMPLE_SPEC)));
}
