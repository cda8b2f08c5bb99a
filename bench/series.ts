// The scale series. Client CIDRs: one Azure site (shaped like the example estate) with 10 to
// 1,000 client CIDRs, each size a spec file run through the CLI in fresh processes (validate,
// synth, check of the synthesized stack under a time budget). Sites: 1 to 200 sites per
// platform, each site a spec file, all synthesized into one output folder (or validated) by
// the CLI's own entry called once per file in one process (probe/cli-batch.ts). All
// contenders of a series are interleaved round by round.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BenchConfig, CLI, PROBE } from './config';
import { BenchPlatform, PLATFORMS, siteProps } from './estates';
import { Row, rowOf } from './results';
import { Contender, ContenderRuns, runRounds } from './rounds';
import { countStack, readStack } from './tfjson';
import { cliOnce, fresh, writer } from './versus';

/** Section names. */
export const SERIES = { cidrs: 'cidr series: azure, one site', sites: 'sites series' } as const;

/** A measured contender with its series coordinates (for growth fits and targets). */
export interface SeriesRuns {
  /** Platform. */
  readonly platform: BenchPlatform;
  /** `validate`, `synth` or `check`. */
  readonly command: string;
  /** Client CIDRs or sites. */
  readonly size: number;
  /** The runs. */
  readonly runs: ContenderRuns;
}

/** Row name of a series contender. */
export function seriesName(platform: BenchPlatform, command: string, size: number, unit: 'client CIDRs' | 'sites'): string {
  return `${platform} ${command}, ${size} ${unit}`;
}

/** The Azure client CIDR series through the CLI, in fresh processes. */
export function measureCidrSeries(cfg: BenchConfig, tmp: string, log: (line: string) => void): { rows: Row[]; series: SeriesRuns[] } {
  const work = fresh(join(tmp, 'cidr-series'));
  const contenders: { c: Contender; command: string; size: number; out?: string }[] = [];
  const checks: string[] = [];
  for (const n of cfg.azureCidrSeries) {
    const spec = join(work, `azure-${n}.json`);
    writeFileSync(spec, JSON.stringify(siteProps('azure', 0, n, 0)));
    cliOnce(['synth', '--spec', spec, '--out', join(work, `plan-${n}`)], work);
    const shown = `azure-${n}-cidrs.json`;
    const out = join(work, `out-${n}`);
    contenders.push({ command: 'validate', size: n, c: { name: seriesName('azure', 'validate', n, 'client CIDRs'), command: `adcs-firewall validate --spec ${shown}`, script: CLI, args: ['validate', '--spec', spec], opts: { cwd: work } } });
    contenders.push({ command: 'synth', size: n, out, c: writer(seriesName('azure', 'synth', n, 'client CIDRs'), `adcs-firewall synth --spec ${shown}`, CLI, ['synth', '--spec', spec, '--out', out], work, out) });
    const check = seriesName('azure', 'check', n, 'client CIDRs');
    contenders.push({ command: 'check', size: n, c: { name: check, command: `adcs-firewall check --spec ${shown} --plan cdk.tf.json`, script: CLI,
      args: ['check', '--spec', spec, '--plan', join(work, `plan-${n}`, 'stacks', 'pki-s01', 'cdk.tf.json')], opts: { cwd: work },
      budgetMs: cfg.checkBudgetMs, skipAfter: [...checks] } });
    checks.push(check);
  }
  log(`${SERIES.cidrs} (${contenders.length} contenders) ...`);
  const runs = runRounds(contenders.map((x) => x.c), cfg.rounds, log);
  const rows = runs.map((r, i) => {
    const x = contenders[i];
    const counts = x.out && r.status === 'ok' ? countStack(readStack(x.out, 'pki-s01'), 'azure') : {};
    return rowOf(SERIES.cidrs, r, { size: x.size, ...counts });
  });
  return { rows, series: runs.map((r, i) => ({ platform: 'azure', command: contenders[i].command, size: contenders[i].size, runs: r })) };
}

/** The sites series on both platforms, one process per command and size. */
export function measureSitesSeries(cfg: BenchConfig, tmp: string, log: (line: string) => void): { rows: Row[]; series: SeriesRuns[] } {
  const work = fresh(join(tmp, 'sites-series'));
  const batch = join(PROBE, 'cli-batch.js');
  const contenders: { c: Contender; platform: BenchPlatform; command: string; size: number; out?: string }[] = [];
  for (const platform of PLATFORMS) {
    for (const n of cfg.siteSeries) {
      const dir = fresh(join(work, `${platform}-${n}`));
      const specs = Array.from({ length: n }, (_, s) => {
        const file = join(dir, `site-${String(s + 1).padStart(3, '0')}.json`);
        writeFileSync(file, JSON.stringify(siteProps(platform, s, cfg.cidrsPerSite, s * cfg.cidrsPerSite)));
        return file;
      });
      const out = join(work, `out-${platform}-${n}`);
      const shown = `${n} spec files`;
      contenders.push({ platform, command: 'synth', size: n, out, c: writer(seriesName(platform, 'synth', n, 'sites'),
        `adcs-firewall synth --spec <each of ${shown}> --out one-folder`, batch, ['synth', out, String(cfg.warmups), '1', ...specs], work, out) });
      if (n <= cfg.validateSitesUpTo) {
        contenders.push({ platform, command: 'validate', size: n, c: { name: seriesName(platform, 'validate', n, 'sites'),
          command: `adcs-firewall validate --spec <each of ${shown}>`, script: batch, args: ['validate', '-', String(cfg.warmups), '1', ...specs], opts: { cwd: work } } });
      }
    }
  }
  log(`${SERIES.sites} (${contenders.length} contenders) ...`);
  const runs = runRounds(contenders.map((x) => x.c), cfg.rounds, log);
  const rows = runs.map((r, i) => {
    const x = contenders[i];
    let counts = {};
    if (x.out && r.status === 'ok') {
      let resources = 0;
      let rules = 0;
      for (const stack of readdirSync(join(x.out, 'stacks'))) {
        const n = countStack(readStack(x.out, stack), x.platform);
        resources += n.resources;
        rules += n.rules;
      }
      counts = { resources, rules };
    }
    return rowOf(SERIES.sites, r, { size: x.size, ...counts });
  });
  return { rows, series: runs.map((r, i) => ({ platform: contenders[i].platform, command: contenders[i].command, size: contenders[i].size, runs: r })) };
}
