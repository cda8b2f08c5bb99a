// Synthesizing the example estates (the CLI on each spec, the examples' app) against the
// baseline program declaring the same stacks; ours and the baseline take turns, each run in a
// fresh process.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSpecFile } from '../lib/input/load';
import { baselineInput } from './baseline-input';
import { BenchPlatform, EXAMPLE_SPECS, PLATFORMS, REPO_ROOT } from './estates';
import { Command, measureAlternating, runOnce } from './measure';
import { SynthResult } from './results';
import { minimumOfSpec, RuleMinimum } from './spec-minimum';
import { countStack, fingerprint, fingerprintDiff, manifestStacks, readStack } from './tfjson';

const CLI = join(REPO_ROOT, 'dist', 'lib', 'cli', 'bin.js');
const EXAMPLES_APP = join(REPO_ROOT, 'dist', 'examples', 'main.js');
const BASELINE = join(REPO_ROOT, 'bench', 'baselines', 'root-imports.js');

interface ExampleSpec { readonly platform: BenchPlatform; readonly file: string; readonly stack: string; readonly minimum: RuleMinimum }

/** A fresh, empty folder (removed first when it exists). */
function fresh(dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A command whose output folder `out` is emptied before each run. */
function command(script: string, args: readonly string[], cwd: string, out: string, env?: Record<string, string>): Command {
  return { script, args, opts: { cwd, env, before: () => rmSync(out, { recursive: true, force: true }) } };
}

/**
 * Measures our command against the baseline declaring the stacks ours writes (`stacks`, from
 * the example specs), then checks that both wrote the same content.
 */
function versus(name: string, label: string, ours: Command, oursOut: string, stacks: readonly string[],
  specs: readonly ExampleSpec[], work: string, reps: number): SynthResult {
  const known = specs.filter((s) => stacks.includes(s.stack));
  const dir = fresh(join(work, 'baseline'));
  const input = join(dir, 'input.json');
  writeFileSync(input, JSON.stringify(baselineInput(known.map((s) => s.file))));
  const out = join(dir, 'cdktf.out');
  const [mine, baseline] = measureAlternating([ours, command(BASELINE, [input, out], dir, out)], reps);
  if (mine.exitCode !== 0) throw new Error(`${label} failed (exit ${mine.exitCode}):\n${mine.stderr}`);
  if (baseline.exitCode !== 0) throw new Error(`the baseline failed (exit ${baseline.exitCode}):\n${baseline.stderr}`);
  const contentDiff: string[] = [];
  let resources = 0;
  let rules = 0;
  for (const stack of stacks) {
    const spec = known.find((s) => s.stack === stack);
    if (!spec) {
      contentDiff.push(`stack ${stack}: no example spec of that name, not in the baseline`);
      continue;
    }
    const doc = readStack(oursOut, stack);
    const counts = countStack(doc, spec.platform);
    resources += counts.resources;
    rules += counts.rules;
    contentDiff.push(...fingerprintDiff(fingerprint(doc), fingerprint(readStack(out, stack))).map((d) => `stack ${stack}: ${d}`));
  }
  return {
    name, command: label, stacks, ours: mine, baseline,
    timeRatio: baseline.wallMs / mine.wallMs, memoryRatio: baseline.maxRssMb / mine.maxRssMb,
    contentDiff, resources, rules,
    minimumRules: known.reduce((n, s) => n + s.minimum.minimum, 0), perPairRules: known.reduce((n, s) => n + s.minimum.perPair, 0),
  };
}

/** Measures the CLI on each example spec and the examples' app, each against the baseline. */
export function measureSynth(reps: number, tmp: string): SynthResult[] {
  const specs: ExampleSpec[] = PLATFORMS.map((platform) => {
    const spec = loadSpecFile(EXAMPLE_SPECS[platform]);
    return { platform, file: EXAMPLE_SPECS[platform], stack: spec.estate.name, minimum: minimumOfSpec(spec) };
  });
  const results: SynthResult[] = [];
  for (const s of specs) {
    const work = fresh(join(tmp, `cli-${s.platform}`));
    const out = join(work, 'cdktf.out');
    const cli = command(CLI, ['synth', '--spec', s.file, '--out', out], work, out);
    results.push(versus(`cli ${s.platform}`, `adcs-firewall synth --spec examples/${s.platform}-estate.yaml`, cli, out, [s.stack], specs, work, reps));
  }
  const work = fresh(join(tmp, 'examples-app'));
  const out = join(work, 'cdktf.out');
  // cdktf's App takes its output folder from CDKTF_OUTDIR (as `cdktf synth` sets it): nothing is written in the repository.
  const app = command(EXAMPLES_APP, [], work, out, { CDKTF_OUTDIR: out });
  const first = runOnce(app.script, app.args, app.opts); // which stacks the app writes (not counted)
  if (first.exitCode !== 0) throw new Error(`the examples' app failed (exit ${first.exitCode}):\n${first.stderr}`);
  results.push(versus('examples app', 'node dist/examples/main.js', app, out, manifestStacks(out), specs, work, reps));
  return results;
}
