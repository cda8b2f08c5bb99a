import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AdcsInputError, Messages, problem } from '../../errors';
import { adoptionFiles } from '../../audit/adopt';
import type { ResolvedInput } from '../../input/resolved';
import type { LiveExport } from '../../platforms/live';
import type { EstatePlan } from '../../spec/estate-plan';

/**
 * Writes `import.tf.json` and `adoption.md` into `dir` (created if missing), each whole through a
 * rename; everything is computed first, so a failed run writes nothing.
 */
export function writeAdoption(dir: string, exports: readonly LiveExport[], spec: ResolvedInput, planned: EstatePlan, scope: readonly string[]): void {
  const files = adoptionFiles(planned.platform, planned.plan, spec, exports, scope);
  const staged: [string, string][] = [];
  try {
    mkdirSync(dir, { recursive: true });
    for (const [name, text] of [['import.tf.json', files.imports], ['adoption.md', files.report]] as const) {
      const fresh = join(dir, `.${name}.${process.pid}.tmp`);
      writeFileSync(fresh, text);
      staged.push([fresh, join(dir, name)]);
    }
    for (const [fresh, file] of staged) renameSync(fresh, file);
  } catch (e) {
    for (const [fresh] of staged) rmSync(fresh, { force: true });
    throw new AdcsInputError(dir, [problem('', Messages.adoptUnwritable(dir, (e as Error).message))]);
  }
}
