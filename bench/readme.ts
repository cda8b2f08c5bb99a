// bench/README.md: how the bench measures, and the latest numbers (written by every run).
import { BenchResults } from './results';
import { renderMarkdown, tablesOf } from './tables';

/** The README of a run. */
export function readmeOf(r: BenchResults): string {
  const missed = r.targets.filter((t) => !t.met);
  const errors = r.scale.filter((s) => s.error);
  return [
    '# Benchmark',
    '',
    '<!-- Written by `npm run bench` (bench/run.ts, bench/readme.ts): edit those, not this file. -->',
    '',
    'How fast and lean the library loads and synthesizes, against a hand-written CDKTF program',
    'declaring the same resources the way the CDKTF documentation shows, and how it grows with the',
    'estate (issue 8).',
    '',
    '```sh',
    'npm ci && npm run bench     # builds, then writes bench/results.json, bench/chart.svg and this file',
    'node dist/bench/run.js --reps 1   # a quicker run (medians of one)',
    '```',
    '',
    `Latest run: ${r.env.date}, commit ${r.env.commit}, Node ${r.env.node}, ${r.env.cores} × ${r.env.cpu}, `
      + `${r.env.memoryGb} GB; ${r.env.reps} runs per number (medians), ${Math.round(r.env.durationS)} s in all.`,
    `Targets met: ${r.targets.length - missed.length} of ${r.targets.length}`
      + (missed.length > 0 ? `; missed: ${missed.map((t) => t.target).join('; ')}.` : '.'),
    '',
    '![Synth time and peak memory against estate size](chart.svg)',
    '',
    '([chart.svg](chart.svg); every number below is in [results.json](results.json).)',
    '',
    '## How it measures',
    '',
    '- **Fresh processes.** Every number comes from new Node processes (`child_process.spawnSync` of',
    '  `node -r dist/bench/probe/exit-report.js <script> <args>`), run several times, median reported.',
    '  Wall time is measured by the bench around the spawn (Node\'s own start-up included); peak memory',
    '  is the child\'s `process.resourceUsage().maxRSS`, printed by the preloaded exit report.',
    '- **Load**: a process requiring `dist/lib/index.js`; then the entry\'s parts and the third-party modules',
    '  they load, each required on top of the ones before it, to show what the time is made of.',
    '- **Synth**: the CLI (`adcs-firewall synth --spec examples/<platform>-estate.yaml`), and the examples\'',
    '  app (`node dist/examples/main.js`, what `cdktf synth` spawns) with `CDKTF_OUTDIR` in a temporary folder.',
    '- **Baseline**: [baselines/root-imports.js](baselines/root-imports.js), a CDKTF program importing the provider packages from their',
    '  root (`import { networkSecurityRule, ... } from \'@cdktf/provider-azurerm\'`) with one explicit',
    '  resource per rule. It reads the example estates\' resources, computed by the library\'s pure planners',
    '  ([baseline-input.ts](baseline-input.ts)), and imports nothing of the library. The bench checks that',
    '  its stacks hold the same resources with the same content as ours ("same content").',
    '- **Scale**: [estates.ts](estates.ts). A site is an estate shaped like the platform\'s example (CA, CES',
    '  and CEP on created NSGs or groups, CES and CEP on the same hosts, DCs on an existing NSG or group,',
    '  admins by CIDR, one custom flow) with its own addresses and client CIDRs that are never adjacent',
    '  (`10.64.0.0/24`, `10.64.2.0/24`, ...), so aggregation cannot shrink them. All sites are in one app',
    '  and **one stack**, one `AdcsEnrollmentSecurity` each ([probe/scale-app.ts](probe/scale-app.ts)).',
    '  AWS estates raise `aws.ruleQuota` to 1,000; sizes beyond it are recorded with the quota error they',
    '  produce, and the AWS CIDR series gets the largest client CIDR count that fits as an extra point.',
    '- **Minimum rules**: [minimum.ts](minimum.ts) counts, from the flows alone (its own CIDR and port',
    '  arithmetic, not the planners), the fewest rules under the library\'s rule identity. Azure: one rule',
    '  per NSG, direction, tier pair and protocol with ports merged, identical rules on a shared NSG once,',
    '  plus each deny-by-default rule. AWS: one rule per group, direction, peer (group or aggregated',
    '  CIDR), protocol and maximal contiguous port range. "ratio" is rules written / minimum. "per pair" is',
    '  the Azure count without merging identical rules (one rule per tier pair, always).',
    '- **Growth**: "work" is the construct tree plus `app.synth()` in the child (process start-up and module',
    '  loading excluded); the exponent between the two largest sizes is 1 for linear growth, 2 for quadratic.',
    '',
    '## Latest numbers',
    '',
    ...tablesOf(r).flatMap((t) => [renderMarkdown(t), '']),
    ...(errors.length > 0
      ? ['### Errors recorded (sizes over the AWS quota)', '',
        ...errors.flatMap((s) => [`- ${s.platform}, ${s.sites} site(s) × ${s.cidrsPerSite} client CIDRs (exit ${s.run.exitCode}):`, '',
          '  ```text', ...s.error!.split('\n').map((l) => `  ${l}`), '  ```', ''])]
      : []),
  ].join('\n');
}
