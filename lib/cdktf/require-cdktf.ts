// Loaded first by the CDKTF entry point: a clear error when cdktf or constructs is not installed.
import { requireFramework } from '../framework/require-framework';

requireFramework('cdktf');
