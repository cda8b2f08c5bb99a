// Rules written against the minimum, on estates whose client CIDRs are separate, adjacent or
// overlapping, on both clouds (not timed): the CLI synthesizes each spec once, the rules are
// counted in its output and compared with the minimum computed from the flows alone and with
// the count under the library's rule identity (the oracle in test/support/spec-minimum.ts).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSpecFile } from '../lib/spec';
import { minimumOfSpec } from '../test/support/spec-minimum';
import { CLI } from './config';
import { BenchPlatform, clientCidrs, EXAMPLE_SPECS, PLATFORMS, siteProps } from './estates';
import { RulesResult } from './results';
import { countStack, readStack } from './tfjson';
import { fresh } from './versus';

/** The client CIDR lists of the rule estates (the example estates come first). */
export const RULE_ESTATES: readonly { readonly label: string; readonly cidrs: readonly string[] }[] = [
  { label: '10 separate /24s', cidrs: clientCidrs(10) },
  { label: '4 adjacent /24s (exactly one /22)', cidrs: ['10.64.0.0/24', '10.64.1.0/24', '10.64.2.0/24', '10.64.3.0/24'] },
  { label: '4 adjacent /24s, unaligned (/24 + /23 + /24)', cidrs: ['10.64.1.0/24', '10.64.2.0/24', '10.64.3.0/24', '10.64.4.0/24'] },
  { label: 'overlapping: a /22 with a /24 and a /25 inside it', cidrs: ['10.64.0.0/22', '10.64.1.0/24', '10.64.2.128/25'] },
  { label: 'two aligned /25 halves of a /24, and a /24 beside', cidrs: ['10.64.0.0/25', '10.64.0.128/25', '10.64.1.0/24'] },
];

/** Synthesizes each estate once and counts its rules against the minimum. */
export function measureRules(tmp: string): RulesResult[] {
  const work = fresh(join(tmp, 'rules'));
  const out: RulesResult[] = [];
  const one = (platform: BenchPlatform, estate: string, file: string): void => {
    const spec = loadSpecFile(file);
    const { minimum, identity } = minimumOfSpec(spec);
    const dir = join(work, `out-${out.length}`);
    const r = spawnSync(process.execPath, [CLI, 'synth', '--spec', file, '--out', dir], { encoding: 'utf8' });
    const clients = spec.estate.tiers.clients?.cidrs ?? [];
    if (r.status !== 0) {
      out.push({ estate, platform, clientCidrs: clients, minimum, identity, error: r.stderr.trim().slice(0, 600) });
      return;
    }
    out.push({ estate, platform, clientCidrs: clients, rules: countStack(readStack(dir, spec.estate.name), platform).rules, minimum, identity });
  };
  for (const platform of PLATFORMS) {
    one(platform, 'example estate', EXAMPLE_SPECS[platform]);
    for (const e of RULE_ESTATES) {
      const file = join(work, `${platform}-${out.length}.json`);
      writeFileSync(file, JSON.stringify(siteProps(platform, 0, 0, 0, e.cidrs)));
      one(platform, e.label, file);
    }
  }
  return out;
}
