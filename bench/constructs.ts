// The construct path: the examples' app (what `cdktf synth` spawns), `cdktf synth` itself, a
// CDK Terrain app through App.synth(), and the deep-import program declaring both example
// stacks, interleaved round by round; every output checked against the CLI's.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { baselineInput } from './baseline-input';
import { BASELINES, BenchConfig, CDKTF_CLI, EXAMPLES_APP, PROBE } from './config';
import { EXAMPLE_SPECS, PLATFORMS, REPO_ROOT } from './estates';
import { loadSpecFile } from '../lib/spec';
import { RatioResult, Row, rowOf } from './results';
import { Contender, pairedRatio, runRounds } from './rounds';
import { countStack, fingerprint, fingerprintDiff, readStack } from './tfjson';
import { cliOnce, fresh, writer } from './versus';

/** Row names of the section. */
export const CONSTRUCT_ROWS = {
  app: 'examples app (cdktf App.synth())', cdktf: 'cdktf synth (cdktf-cli)', cdktn: 'cdktn app (App.synth())', deep: 'deep-import program, both stacks',
} as const;

/** Measures the construct path on both example estates. */
export function measureConstructs(cfg: BenchConfig, tmp: string, log: (line: string) => void): { rows: Row[]; ratios: RatioResult[] } {
  const section = 'construct path';
  const work = fresh(join(tmp, 'constructs'));
  const specs = PLATFORMS.map((platform) => ({ platform, file: EXAMPLE_SPECS[platform], stack: loadSpecFile(EXAMPLE_SPECS[platform]).estate.name }));
  for (const s of specs) cliOnce(['synth', '--spec', s.file, '--out', join(work, 'reference')], work);
  const input = join(work, 'input.json');
  writeFileSync(input, JSON.stringify(baselineInput(specs.map((s) => s.file))));
  const out = (k: string): string => join(work, k);
  const contenders: Contender[] = [
    // cdktf's App takes its output folder from CDKTF_OUTDIR (as `cdktf synth` sets it).
    writer(CONSTRUCT_ROWS.app, 'node dist/examples/main.js', EXAMPLES_APP, [], work, out('app'), { CDKTF_OUTDIR: out('app') }),
    ...(cfg.slowContenders
      ? [writer(CONSTRUCT_ROWS.cdktf, 'cdktf synth --app "node dist/examples/main.js"', CDKTF_CLI, ['synth', '--app', 'node dist/examples/main.js', '--output', out('cdktf')], REPO_ROOT, out('cdktf'), { CHECKPOINT_DISABLE: '1' })]
      : []),
    writer(CONSTRUCT_ROWS.cdktn, 'node cdktn-app.js (adcs-firewall/cdktn)', join(PROBE, 'cdktn-app.js'), [out('cdktn'), ...specs.map((s) => s.file)], work, out('cdktn')),
    writer(CONSTRUCT_ROWS.deep, 'node bench/baselines/deep-imports.js layout.json out', join(BASELINES, 'deep-imports.js'), [input, out('deep')], work, out('deep')),
  ];
  log(`${section} ...`);
  const runs = runRounds(contenders, cfg.rounds, log);
  const keys: Record<string, string> = { [CONSTRUCT_ROWS.app]: 'app', [CONSTRUCT_ROWS.cdktf]: 'cdktf', [CONSTRUCT_ROWS.cdktn]: 'cdktn', [CONSTRUCT_ROWS.deep]: 'deep' };
  const rows = runs.map((c) => {
    let resources = 0;
    let rules = 0;
    const diff: string[] = [];
    for (const s of specs) {
      const doc = readStack(out(keys[c.contender.name]), s.stack);
      const n = countStack(doc, s.platform);
      resources += n.resources;
      rules += n.rules;
      diff.push(...fingerprintDiff(fingerprint(readStack(out('reference'), s.stack)), fingerprint(doc)).map((d) => `${s.stack}: ${d}`));
    }
    return rowOf(section, c, { resources, rules, sameContent: diff.length === 0, ...(diff.length > 0 ? { contentDiff: diff } : {}) });
  });
  if (!cfg.slowContenders) {
    rows.splice(1, 0, { section, name: CONSTRUCT_ROWS.cdktf, command: 'cdktf synth', status: 'not measured', note: 'quick mode', rounds: 0, marks: {}, exitCodes: [] });
  }
  const deep = runs.find((c) => c.contender.name === CONSTRUCT_ROWS.deep)!;
  const ratios: RatioResult[] = [];
  for (const c of runs.filter((x) => x !== deep)) {
    const t = pairedRatio(c, deep);
    if (t) ratios.push({ ...t, section, of: 'time' });
  }
  return { rows, ratios };
}
