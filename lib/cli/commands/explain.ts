import { AdcsInputError, Messages, problem } from '../../errors';
import { readExports } from '../../audit/exports';
import { evaluatorFor } from '../../check/check';
import { toInt } from '../../model/cidr';
import { Protocol, PROTOCOLS } from '../../model/protocol';
import { PacketEnd, PacketVerdict } from '../../platforms/evaluator';
import { PLATFORMS } from '../../platforms/registry';
import { CliIo, ExitCode, UsageError } from '../io';
import { formatOption } from '../output';
import { readPlanFile } from '../plan-file';
import { loadAndCheck } from './common';
import { ESTATE_CONSTRUCT_ID } from './synth';

/** Output formats of `explain`. */
enum ExplainFormat {
  TABLE = 'table',
  JSON = 'json',
}

/** An IPv4 address as a number, or the input error naming the option. */
function address(option: string, value: string | undefined): number {
  if (value === undefined || !/^\d{1,3}(\.\d{1,3}){3}$/.test(value) || value.split('.').some((o) => Number(o) > 255 || (o.length > 1 && o.startsWith('0')))) {
    throw new AdcsInputError(option, [problem(option, Messages.packetAddress(option, value ?? ''))]);
  }
  return toInt(value);
}

function endLines(title: string, end: PacketEnd): string[] {
  const lines = [`${title}: ${end.decision.toUpperCase()} (${end.where})`];
  for (const p of end.points) {
    lines.push(`  ${p.point}: ${p.decision}`);
    for (const s of p.steps) lines.push(`    ${s.match === 'matches' ? '->' : ' ?'} ${s.rule}: ${s.access}, ${s.match}${s.detail ? ` (${s.detail})` : ''}`);
    if (p.steps.length === 0) lines.push('    (no rule matches)');
  }
  return lines;
}

/** The verdict as text: each end's points, their rules in order, and the decision. */
function table(v: PacketVerdict, what: string): string {
  return `${[`Packet ${what}: ${v.decision.toUpperCase()}`, ...endLines('Outbound at the source', v.outbound), ...endLines('Inbound at the destination', v.inbound)].join('\n')}\n`;
}

/**
 * `explain --spec FILE (--plan FILE | --export FILE ...) --from IP --to IP --port N [--protocol P]`:
 * which rules, in which order, decide one packet at each end. Exit 0 when it is allowed, 1 when
 * it is denied or depends on what the input does not show, 2 bad input.
 */
export function explainCommand(opts: { spec?: string; plan?: string; export?: string[]; from?: string; to?: string; port?: string; protocol?: string; format?: string }, io: CliIo): ExitCode {
  if (!opts.spec || !opts.from || !opts.to) throw new UsageError(Messages.commandNeeds('explain', '--spec FILE, --from IP, --to IP and --port N (and --plan FILE or --export FILE)'));
  if ((opts.plan === undefined) === (opts.export === undefined || opts.export.length === 0)) throw new UsageError(Messages.explainInput());
  const format = formatOption(opts.format, Object.values(ExplainFormat), ExplainFormat.TABLE);
  const protocol = formatOption(opts.protocol, PROTOCOLS, Protocol.TCP);
  const source = address('--from', opts.from);
  const destination = address('--to', opts.to);
  const portText = opts.port ?? (protocol === Protocol.ICMP ? '8' : undefined);
  if (portText === undefined) throw new UsageError(Messages.commandNeeds('explain', `--port N for ${protocol}`));
  if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) throw new AdcsInputError('--port', [problem('--port', Messages.packetPort(portText))]);
  const { spec } = loadAndCheck(opts.spec, 'explain');
  const ev = opts.plan !== undefined
    ? evaluatorFor(readPlanFile(opts.plan).document, spec, { scope: [ESTATE_CONSTRUCT_ID] })
    : PLATFORMS[spec.platform!].live.evaluator(readExports(opts.export!, spec.platform!), spec);
  if (!ev.explain) throw new AdcsInputError(opts.spec, [problem('platform', Messages.explainUnsupported(spec.platform!))]);
  const verdict = ev.explain({ source, destination, protocol, port: Number(portText) });
  const what = `${opts.from} -> ${opts.to} ${protocol.toUpperCase()} ${portText}`;
  io.out(format === ExplainFormat.JSON ? `${JSON.stringify({ packet: { from: opts.from, to: opts.to, protocol, port: Number(portText) }, ...verdict }, null, 2)}\n` : table(verdict, what));
  return verdict.decision === 'allow' ? ExitCode.OK : ExitCode.FINDINGS;
}
