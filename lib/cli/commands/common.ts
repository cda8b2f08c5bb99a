import { AdcsInputError, Messages, problem } from '../../errors';
import { Warning } from '../../findings/warning';
import { warningLine } from '../../findings/text';
import { planEstate } from '../../spec/estate-plan';
import { PLATFORMS, platformOf } from '../../platforms/registry';
import { readSpecDocument } from '../../input/load';
import { ResolvedInput } from '../../input/resolved';
import { resolveSpec } from '../../spec';
import { CliIo } from '../io';

/** Reads and validates a spec that must name a platform (synth, check). */
export function loadAndCheck(file: string, command: string): { doc: Record<string, unknown>; spec: ResolvedInput } {
  const doc = readSpecDocument(file);
  const spec = resolveSpec(doc, file);
  if (!spec.platform) throw new AdcsInputError(file, [problem('platform', Messages.platformMissing(command, Object.keys(PLATFORMS)))]);
  return { doc, spec };
}

/** Prints warnings to stderr. */
export function printWarnings(io: CliIo, warnings: readonly Warning[]): void {
  for (const w of warnings) io.err(`${warningLine(w)}\n`);
}

/**
 * Plans the spec's rules for its platform (the pure planners), so `validate` refuses what
 * `synth` would (a priority window too small, a quota overflow, a name clash). Returns the
 * planners' warnings (none without a platform or its settings); throws AdcsInputError naming the file.
 */
export function planWarnings(spec: ResolvedInput, file: string, command: string): readonly Warning[] {
  const platform = platformOf(spec);
  if (!platform || spec.settings === undefined) return [];
  return planEstate(spec, file, command, true).warnings;
}
