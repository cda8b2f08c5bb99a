import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AdcsInputError, Messages, problem } from '../../errors';
import { hostConfig } from '../../host/host-config';
import { HostFormat, renderHostConfig } from '../../host/render';
import { isTierKey, TIER_KEYS } from '../../model/tiers';
import { loadSpecFile } from '../../spec';
import { CliIo, ExitCode, UsageError } from '../io';
import { printWarnings } from './common';

const FORMATS = Object.values(HostFormat) as string[];

/**
 * `host --spec FILE --tier TIER [--format powershell|json] [--out FILE]`: the Windows Firewall
 * rules and registry values of one tier's hosts, on stdout or into a file (the PowerShell as
 * UTF-8 with a byte-order mark either way). Loads no CDKTF. Everything is computed before
 * anything is written: a failed run writes nothing, and the file is replaced whole.
 */
export function hostCommand(opts: { spec?: string; tier?: string; format?: string; out?: string }, io: CliIo): ExitCode {
  if (!opts.spec || opts.tier === undefined) throw new UsageError(Messages.commandNeeds('host', '--spec FILE and --tier TIER'));
  const format = (opts.format ?? HostFormat.POWERSHELL) as HostFormat;
  if (!FORMATS.includes(format)) throw new UsageError(Messages.notAccepted(opts.format, FORMATS), '--format');
  if (!isTierKey(opts.tier)) throw new UsageError(Messages.hostTierUnknown(opts.tier, TIER_KEYS));
  const spec = loadSpecFile(opts.spec);
  let text: string;
  try {
    text = renderHostConfig(hostConfig(spec.estate, opts.tier), format);
  } catch (e) {
    if (e instanceof AdcsInputError) throw new AdcsInputError(opts.spec, e.problems);
    throw e;
  }
  printWarnings(io, spec.warnings);
  if (opts.out === undefined) {
    io.out(text);
    return ExitCode.OK;
  }
  writeWhole(opts.out, text);
  io.out(`${opts.spec}: wrote ${opts.out} (tier ${opts.tier}, ${format})\n`);
  return ExitCode.OK;
}

/** Writes `text` as UTF-8 beside `file`, then renames it over `file`: the file is whole or untouched. */
function writeWhole(file: string, text: string): void {
  const fresh = join(dirname(file), `.${basename(file)}.adcs-host-${process.pid}`);
  try {
    writeFileSync(fresh, text, 'utf8');
    renameSync(fresh, file);
  } catch (e) {
    rmSync(fresh, { force: true });
    throw new AdcsInputError('--out', [problem('', Messages.hostOutUnwritable(file, reason(e as NodeJS.ErrnoException)))]);
  }
}

function reason(e: NodeJS.ErrnoException): string {
  switch (e.code) {
    case 'ENOENT': return 'its folder does not exist';
    case 'ENOTDIR': return 'its folder is not a folder';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'it is a folder';
    default: return e.message;
  }
}
