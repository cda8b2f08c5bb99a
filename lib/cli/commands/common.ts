import { AdcsInputError, Messages, problem } from '../../errors';
import { planAws } from '../../platforms/aws/planner';
import { planAzure } from '../../platforms/azure/planner';
import { flowsOf } from '../../model/flows';
import { Platform } from '../../model/options';
import { Warning } from '../../model/warnings';
import { readSpecDocument } from '../../input/load';
import { ResolvedSpec } from '../../input/resolved';
import { resolveSpec } from '../../input/resolve';
import { CliIo } from '../io';

/** Reads and validates a spec that must name a platform (synth, check). */
export function loadAndCheck(file: string, command: string): { doc: Record<string, unknown>; spec: ResolvedSpec } {
  const doc = readSpecDocument(file);
  const spec = resolveSpec(doc, file);
  if (!spec.platform) throw new AdcsInputError(file, [problem('platform', Messages.platformMissing(command))]);
  return { doc, spec };
}

/** Prints warnings to stderr. */
export function printWarnings(io: CliIo, warnings: readonly { path: string; message: string }[]): void {
  for (const w of warnings) io.err(`${Messages.warning(w.path, w.message)}\n`);
}

/**
 * Plans the spec's rules for its platform without CDKTF (the pure planners), so `validate`
 * refuses what `synth` would (a priority window too small, a quota overflow, a name clash).
 * Returns the planners' warnings; throws AdcsInputError naming the file.
 */
export function planWarnings(spec: ResolvedSpec, file: string): readonly Warning[] {
  const flows = flowsOf(spec.estate);
  try {
    if (spec.platform === Platform.AZURE && spec.azure) return planAzure(spec, flows).warnings;
    if (spec.platform === Platform.AWS && spec.aws) return planAws(spec, flows, file).warnings;
  } catch (e) {
    if (e instanceof AdcsInputError) throw new AdcsInputError(file, e.problems);
    throw e;
  }
  return [];
}
