import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AdcsInputError, Messages } from '../../errors';
import { loadAndCheck, printWarnings } from './common';
import { CliIo, ExitCode, UsageError } from '../io';

/**
 * `synth --spec FILE [--out DIR]`: writes the estate's stack as CDKTF does
 * (`DIR/stacks/<name>/cdk.tf.json`, and the stack's entry in `DIR/manifest.json`). The stack is
 * synthesized into a scratch folder first: on any error nothing is created or changed under DIR.
 */
export function synthCommand(opts: { spec?: string; out?: string }, io: CliIo): ExitCode {
  if (!opts.spec) throw new UsageError(Messages.commandNeeds('synth', '--spec FILE'));
  const file = opts.spec;
  const { doc, spec } = loadAndCheck(file, 'synth');
  const outDir = resolve(opts.out ?? 'cdktf.out');
  // Synthesized in a scratch folder outside DIR: on any error, nothing under DIR is created.
  const scratch = mkdtempSync(join(tmpdir(), 'adcs-synth-'));
  try {
    // Loaded here so `matrix` and `validate` never pay for cdktf.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { App } = require('cdktf') as typeof import('cdktf');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { estateStack } = require('../../cdktf/estate-stack') as typeof import('../../cdktf/estate-stack');
    const app = new App({ outdir: scratch, stackTraces: false });
    try {
      const adcs = estateStack(app, doc, spec);
      app.synth();
      printWarnings(io, [...spec.warnings, ...(adcs.azure?.plan.warnings ?? []), ...(adcs.aws?.plan.warnings ?? [])]);
    } catch (e) {
      if (e instanceof AdcsInputError) throw new AdcsInputError(file, e.problems);
      throw e;
    }
    const name = spec.estate.name;
    const target = join(outDir, 'stacks', name);
    mkdirSync(join(outDir, 'stacks'), { recursive: true });
    rmSync(target, { recursive: true, force: true });
    cpSync(join(scratch, 'stacks', name), target, { recursive: true });
    writeFileSync(join(outDir, 'manifest.json'), mergeManifest(join(outDir, 'manifest.json'), join(scratch, 'manifest.json'), name));
    io.out(`${file}: wrote ${join(opts.out ?? 'cdktf.out', 'stacks', name, 'cdk.tf.json')}\n`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return ExitCode.OK;
}

/** The existing manifest with this stack's entry replaced (other stacks kept). */
function mergeManifest(existingPath: string, freshPath: string, stack: string): string {
  const fresh = JSON.parse(readFileSync(freshPath, 'utf8'));
  let merged = fresh;
  if (existsSync(existingPath)) {
    try {
      const old = JSON.parse(readFileSync(existingPath, 'utf8'));
      if (old && typeof old === 'object' && old.stacks && typeof old.stacks === 'object') {
        merged = { ...fresh, stacks: { ...old.stacks, [stack]: fresh.stacks[stack] } };
      }
    } catch {
      merged = fresh;
    }
  }
  return `${JSON.stringify(merged, null, 2)}\n`;
}

