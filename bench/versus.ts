// One estate through the CLI (synth, validate, check) against the baselines declaring the same
// resources: the deep-import program, the root-import program and the JSON.stringify floor,
// all interleaved round by round; ratios CLI synth / baseline paired per round.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { baselineInput } from './baseline-input';
import { BASELINES, BenchConfig, CLI } from './config';
import { BenchPlatform } from './estates';
import { RatioResult, Row, rowOf } from './results';
import { Contender, ContenderRuns, pairedRatio, runRounds } from './rounds';
import { countStack, fingerprint, fingerprintDiff, readStack } from './tfjson';
import { spawnSync } from 'node:child_process';

/** Row names of the section (targets read them). */
export const VERSUS_ROWS = {
  synth: 'CLI synth', validate: 'CLI validate', check: 'CLI check', deep: 'deep-import program', root: 'root-import program', floor: 'floor (JSON.stringify)',
} as const;

/** An estate measured against the baselines. */
export interface VersusEstate {
  /** Section name (`examples: azure`, `rich: aws, 96 client CIDRs`). */
  readonly section: string;
  /** Platform. */
  readonly platform: BenchPlatform;
  /** Spec file. */
  readonly specFile: string;
  /** Spec file as shown in commands. */
  readonly shown: string;
  /** Stack (estate) name. */
  readonly stack: string;
  /** Whether the root-import program runs too (it is slow: ~2 s a run). */
  readonly withRoot: boolean;
}

/** A fresh, empty folder. */
export function fresh(dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Runs the CLI once, untimed (a plan for check, the reference output); throws on failure. */
export function cliOnce(args: readonly string[], cwd: string): void {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`adcs-firewall ${args.join(' ')} failed (exit ${r.status}):\n${r.stderr.slice(-2000)}`);
}

/** A contender writing into `out`, emptied before each run. */
export function writer(name: string, command: string, script: string, args: readonly string[], cwd: string, out: string, env?: Record<string, string>): Contender {
  return { name, command, script, args, opts: { cwd, env, before: () => rmSync(out, { recursive: true, force: true }) } };
}

/** Measures one estate against the baselines. */
export function measureVersus(e: VersusEstate, cfg: BenchConfig, tmp: string, log: (line: string) => void): { rows: Row[]; ratios: RatioResult[] } {
  const work = fresh(join(tmp, e.section.replace(/[^a-z0-9]+/gi, '-')));
  const input = join(work, 'input.json');
  writeFileSync(input, JSON.stringify(baselineInput([e.specFile]))); // the layout, planned outside the timing
  cliOnce(['synth', '--spec', e.specFile, '--out', join(work, 'plan')], work);
  const plan = join(work, 'plan', 'stacks', e.stack, 'cdk.tf.json');
  const out = (k: string): string => join(work, k);
  const prog = (name: string, file: string, k: string): Contender =>
    writer(name, `node bench/baselines/${file} layout.json out`, join(BASELINES, file), [input, out(k)], work, out(k));
  const withRoot = e.withRoot && cfg.slowContenders;
  const contenders: Contender[] = [
    writer(VERSUS_ROWS.synth, `adcs-firewall synth --spec ${e.shown}`, CLI, ['synth', '--spec', e.specFile, '--out', out('cli')], work, out('cli')),
    prog(VERSUS_ROWS.deep, 'deep-imports.js', 'deep'),
    ...(withRoot ? [prog(VERSUS_ROWS.root, 'root-imports.js', 'root')] : []),
    prog(VERSUS_ROWS.floor, 'floor.js', 'floor'),
    { name: VERSUS_ROWS.validate, command: `adcs-firewall validate --spec ${e.shown}`, script: CLI, args: ['validate', '--spec', e.specFile], opts: { cwd: work } },
    { name: VERSUS_ROWS.check, command: `adcs-firewall check --spec ${e.shown} --plan cdk.tf.json`, script: CLI,
      args: ['check', '--spec', e.specFile, '--plan', plan], opts: { cwd: work }, budgetMs: cfg.checkBudgetMs },
  ];
  log(`${e.section} ...`);
  const runs = runRounds(contenders, cfg.rounds, log);
  const by = (name: string): ContenderRuns | undefined => runs.find((c) => c.contender.name === name);
  const ours = readStack(out('cli'), e.stack);
  const reference = fingerprint(ours);
  const rows = runs.map((c) => {
    const k = { [VERSUS_ROWS.synth]: 'cli', [VERSUS_ROWS.deep]: 'deep', [VERSUS_ROWS.root]: 'root', [VERSUS_ROWS.floor]: 'floor' }[c.contender.name];
    if (!k) return rowOf(e.section, c);
    const doc = readStack(out(k), e.stack);
    const diff = fingerprintDiff(reference, fingerprint(doc));
    return rowOf(e.section, c, { ...countStack(doc, e.platform), sameContent: diff.length === 0, ...(diff.length > 0 ? { contentDiff: diff } : {}) });
  });
  if (!withRoot && e.withRoot) {
    rows.splice(2, 0, { section: e.section, name: VERSUS_ROWS.root, command: 'node bench/baselines/root-imports.js layout.json out', status: 'not measured',
      note: 'quick mode', rounds: 0, marks: {}, exitCodes: [] });
  }
  const ratios: RatioResult[] = [];
  const synth = by(VERSUS_ROWS.synth)!;
  for (const other of [VERSUS_ROWS.deep, VERSUS_ROWS.root, VERSUS_ROWS.floor]) {
    const b = by(other);
    if (!b) continue;
    const t = pairedRatio(synth, b);
    if (t) ratios.push({ ...t, section: e.section, of: 'time' });
    if (other !== VERSUS_ROWS.floor) {
      const m = pairedRatio(synth, b, (r) => r.maxRssMb);
      if (m) ratios.push({ ...m, section: e.section, of: 'memory' });
    }
  }
  return { rows, ratios };
}
