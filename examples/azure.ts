import { join } from 'node:path';
import { App } from 'cdktf';
import { AdcsEnrollmentSecurity } from '../lib/cdktf/adcs-enrollment-security';
import { estateStack } from './estate-stack';
import { readSpecDocument } from '../lib/input/load';
import { resolveSpec } from '../lib/spec';

/** Path of the example Azure spec (this file runs from dist/examples). */
export const AZURE_EXAMPLE_SPEC = join(__dirname, '..', '..', 'examples', 'azure-estate.yaml');

/** Adds the Azure example estate's stack (`pki-weu`) to an app. */
export function azureExample(app: App): AdcsEnrollmentSecurity {
  const doc = readSpecDocument(AZURE_EXAMPLE_SPEC);
  return estateStack(app, doc, resolveSpec(doc, AZURE_EXAMPLE_SPEC));
}
