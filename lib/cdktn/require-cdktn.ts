// Loaded first by the CDK Terrain entry point: a clear error when cdktn or constructs is not installed.
import { requireFramework } from '../framework/require-framework';

requireFramework('cdktn');
