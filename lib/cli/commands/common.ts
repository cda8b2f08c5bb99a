import { AdcsInputError, Messages, problem } from '../../errors';
import { readSpecDocument } from '../../spec/load';
import { ResolvedSpec } from '../../spec/resolved';
import { resolveSpec } from '../../spec/resolve';
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
