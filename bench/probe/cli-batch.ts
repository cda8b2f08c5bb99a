// Measured child: `node -r exit-report.js cli-batch.js <synth|validate> <outdir> <warmups> <repeat> <spec>...`
// runs the CLI's own entry (main(), exactly as bin.js does) once per spec
// file, in this one process: `synth --spec <spec> --out <outdir>` (every spec into the one
// output folder) or `validate --spec <spec>`. First it runs the command `warmups` times on the
// first spec into a scratch folder (not timed: the JIT warms up), then times the whole list
// `repeat` times. Marks: `loadMs` (loading the CLI), `workMs` (the fastest pass over the list),
// `exitCode` (the largest exit code of any call). The CLI's output is discarded.
import { rmSync } from 'node:fs';
import { mark, msSince } from './marks';

async function main(): Promise<void> {
  const [command, outdir, warmupsText, repeatText, ...specs] = process.argv.slice(2);
  let start = process.hrtime.bigint();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { main: cli } = require('../../lib/cli/main') as typeof import('../../lib/cli/main');
  mark('loadMs', msSince(start));
  const io = { out: (): void => {}, err: (): void => {} };
  const argv = (spec: string, out: string): string[] => (command === 'synth' ? ['synth', '--spec', spec, '--out', out] : [command, '--spec', spec]);
  let exitCode = 0;
  const scratch = `${outdir}.warmup`;
  for (let i = 0; i < Number(warmupsText); i++) exitCode = Math.max(exitCode, await cli(argv(specs[0], scratch), io));
  rmSync(scratch, { recursive: true, force: true });
  let best = Infinity;
  for (let i = 0; i < Number(repeatText); i++) {
    start = process.hrtime.bigint();
    for (const spec of specs) exitCode = Math.max(exitCode, await cli(argv(spec, outdir), io));
    best = Math.min(best, msSince(start));
  }
  mark('workMs', best);
  mark('exitCode', exitCode);
  process.exitCode = exitCode;
}

void main();
