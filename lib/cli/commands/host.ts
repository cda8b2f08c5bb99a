import { AdcsInputError, Messages } from '../../errors';
import { hostConfig } from '../../host/host-config';
import { HostFormat, renderHostConfig } from '../../host/render';
import { isTierKey, TIER_KEYS } from '../../model/tiers';
import { loadSpecFile } from '../../spec';
import { CliIo, ExitCode, UsageError } from '../io';
import { printWarnings } from './common';

const FORMATS = Object.values(HostFormat) as string[];

/**
 * `host --spec FILE --tier TIER [--format powershell|json]`: the Windows Firewall rules and
 * registry values of one tier's hosts. Loads no CDKTF.
 */
export function hostCommand(opts: { spec?: string; tier?: string; format?: string }, io: CliIo): ExitCode {
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
  io.out(text);
  return ExitCode.OK;
}
