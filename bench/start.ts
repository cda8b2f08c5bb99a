// Start-up and load: Node alone, the CLI's `--version`, and requiring each entry point, in
// fresh processes, interleaved round by round.
import { join } from 'node:path';
import { BenchConfig, CLI, PROBE } from './config';
import { REPO_ROOT } from './estates';
import { Row, rowOf } from './results';
import { Contender, runRounds } from './rounds';

const REQUIRE = join(PROBE, 'require.js');

/** Row names of the section (targets read them). */
export const START_ROWS = {
  node: 'node alone', cli: 'CLI start (--version)', model: 'load adcs-firewall/model', cdktf: 'load adcs-firewall (CDKTF entry)', cdktn: 'load adcs-firewall/cdktn',
} as const;

const load = (name: string, module: string, shown: string): Contender =>
  ({ name, command: `node -e "require('${shown}')"`, script: REQUIRE, args: [join(REPO_ROOT, module)] });

/** Measures start-up and loads. */
export function measureStart(cfg: BenchConfig, log: (line: string) => void): Row[] {
  const contenders: Contender[] = [
    { name: START_ROWS.node, command: 'node -e ""', script: REQUIRE, args: [] },
    { name: START_ROWS.cli, command: 'adcs-firewall --version', script: CLI, args: ['--version'] },
    load(START_ROWS.model, 'dist/lib/model/index.js', 'adcs-firewall/model'),
    load(START_ROWS.cdktf, 'dist/lib/index.js', 'adcs-firewall'),
    load(START_ROWS.cdktn, 'dist/lib/cdktn/index.js', 'adcs-firewall/cdktn'),
  ];
  return runRounds(contenders, cfg.rounds, log).map((c) => rowOf('start', c));
}
