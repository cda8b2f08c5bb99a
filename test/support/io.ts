import { CliIo } from '../../lib/cli/io';
import { main } from '../../lib/cli/main';

/** Runs the CLI in-process and captures what it prints. */
export async function runCli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => { out += t; }, err: (t) => { err += t; } };
  const code = await main(argv, io);
  return { code, out, err };
}
