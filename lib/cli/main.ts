import { parseArgs } from 'node:util';
import { AdcsInputError, Messages } from '../errors';
import { CliIo, ExitCode, UsageError } from './io';
import { version } from './version';

/** Usage text of `adcs-firewall`. */
export const USAGE = `Usage: adcs-firewall <command> [options]

Commands:
  matrix   [--spec FILE] [--format markdown|csv|json|mermaid]
           The flows of the estate (without --spec: the default estate).
  validate --spec FILE [--format FORMAT] [--fail-on error|warning]
           Check a spec and print its warnings.
  synth    --spec FILE [--out DIR] [--module] [--format FORMAT] [--fail-on error|warning]
           Write the estate's rules as a CDKTF stack (DIR/stacks/<name>/cdk.tf.json; DIR defaults to cdktf.out),
           or with --module as a Terraform module for Terraform and OpenTofu (DIR defaults to modules/<name>).
  check    [--spec FILE] --plan FILE [--stack DIR] [--format FORMAT] [--fail-on error|warning]
           Check a plan against the estate's flows (the estate a synthesized plan records, or --spec).
           FORMAT: table (default), json, github, sarif, junit or markdown.
  audit    --spec FILE --export FILE [--export FILE ...] [--format FORMAT] [--fail-on error|warning] [--adopt DIR]
           Judge the live estate that az network / aws ec2 exports show; with --adopt, write the import blocks
           and the report of what the first apply of the stack would do.
  explain  --spec FILE (--plan FILE | --export FILE ...) --from IP --to IP --port N [--protocol tcp|udp|icmp]
           Which rules, in which order, decide one packet at each end (an offline IP flow verify).
  diff     --plan OLD --plan NEW | --plan PLAN [--spec FILE | --stack DIR] [--format markdown|json|table]
           The flows whose verdict changes and the rules added, removed, widened or narrowed (for a pull request).
  host     --spec FILE --tier TIER [--format powershell|json] [--out FILE]
           The Windows Firewall rules and registry values of one tier's hosts (default: a PowerShell script).

Options:
  -h, --help      Show this help (adcs-firewall <command> --help: that command's options).
  -v, --version   Show the version.

Exit codes: 0 success; 1 check or audit findings; 2 bad input (nothing written).
`;

type Handler = (opts: Record<string, any>, io: CliIo) => ExitCode | Promise<ExitCode>;

/** One command's help (`adcs-firewall <command> --help`): what it does and each option. */
export const COMMAND_HELP: Record<string, { usage: string; summary: string; options: [string, string][] }> = {
  matrix: {
    usage: 'matrix [--spec FILE] [--format markdown|csv|json|mermaid]',
    summary: 'Print the flows of the estate: the port matrix a firewall team signs off. Without --spec, the default estate\n(clients, CA, CES and CEP on one host group, DCs; modern Windows; Kerberos).',
    options: [['--spec FILE', 'the estate (YAML or JSON); its rules are planned as synth would, so what synth refuses is refused here'],
      ['--format FORMAT', 'markdown (default), csv, json or mermaid']],
  },
  validate: {
    usage: 'validate --spec FILE [--format FORMAT] [--fail-on error|warning]',
    summary: 'Check a spec (its rules planned as synth would: priority windows, quotas, name clashes) and print its warnings.',
    options: [['--spec FILE', 'the estate (YAML or JSON)'],
      ['--format FORMAT', 'table (default: warnings on stderr), json, github, sarif, junit or markdown'],
      ['--fail-on LEVEL', 'error (default) or warning: exit 1 on any warning not acknowledged']],
  },
  synth: {
    usage: 'synth --spec FILE [--out DIR] [--module] [--format FORMAT] [--fail-on error|warning]',
    summary: "Write the estate's rules as CDKTF does: DIR/stacks/<name>/cdk.tf.json (recording the estate) and DIR/manifest.json;\n"
      + 'or, with --module, a Terraform module for Terraform and OpenTofu root modules: DIR/main.tf.json, versions.tf.json, README.md. Loads no framework.',
    options: [['--spec FILE', 'the estate (YAML or JSON); it must name or imply a platform and give a tier an enforcement point'],
      ['--out DIR', 'output folder (default cdktf.out; with --module modules/<name>); only the files synth writes are replaced'],
      ['--module', 'write a module (no backend, no provider configuration; a variable for each id the spec leaves to the caller)'],
      ['--format FORMAT', 'how warnings print: table (default, on stderr), json, github, sarif, junit or markdown'],
      ['--fail-on LEVEL', 'error (default) or warning: write nothing and exit 1 on any warning not acknowledged']],
  },
  check: {
    usage: 'check [--spec FILE] --plan FILE [--stack DIR] [--format FORMAT] [--fail-on error|warning]',
    summary: "Check a plan against the estate's flows: every flow allowed, nothing extra, every enforcement point present.",
    options: [['--plan FILE', 'a synthesized cdk.tf.json (it records its estate) or the output of terraform show -json (plan or state)'],
      ['--spec FILE', 'the estate (YAML or JSON); default: the estates the plan records'],
      ['--stack DIR', 'for terraform show -json: the folder of the synthesized stack whose cdk.tf.json records the estate'],
      ['--format FORMAT', 'table (default), json, github (annotations with file and line, and the job summary), sarif (code scanning), junit or markdown'],
      ['--fail-on LEVEL', 'error (default) or warning: exit 1 on any warning not acknowledged too']],
  },
  audit: {
    usage: 'audit --spec FILE --export FILE [--export FILE ...] [--format FORMAT] [--fail-on error|warning] [--adopt DIR]',
    summary: "Judge the live estate the exports show against the estate's flows, as check judges a plan: every flow allowed at the\n"
      + 'real enforcement points, nothing more where the estate owns them; the spec checked against what is deployed.',
    options: [['--spec FILE', 'the estate (YAML or JSON)'],
      ['--export FILE', 'JSON output of az network nsg list|show, vnet list, vnet subnet list, nic list, nic list-effective-nsg, or of aws ec2\n'
        + '                     describe-security-groups, describe-security-group-rules, describe-network-interfaces, describe-network-acls; repeat it'],
      ['--format FORMAT', 'table (default), json, github, sarif, junit or markdown'],
      ['--fail-on LEVEL', 'error (default) or warning: exit 1 on any warning not acknowledged too'],
      ['--adopt DIR', 'also write DIR/import.tf.json (import blocks for what exists as the stack declares it) and DIR/adoption.md']],
  },
  explain: {
    usage: 'explain --spec FILE (--plan FILE | --export FILE ...) --from IP --to IP --port N [--protocol tcp|udp|icmp] [--format table|json]',
    summary: 'Which rules, in which order, decide one packet at the source (outbound) and at the destination (inbound), with the\n'
      + 'evaluators of check and audit: an offline IP flow verify.',
    options: [['--spec FILE', 'the estate (YAML or JSON)'], ['--plan FILE', 'a plan, as check reads it'], ['--export FILE', 'live exports, as audit reads them; repeat it'],
      ['--from IP', 'the source address'], ['--to IP', 'the destination address'], ['--port N', 'the destination port (icmp: the ICMP type)'],
      ['--protocol P', 'tcp (default), udp or icmp'], ['--format FORMAT', 'table (default) or json']],
  },
  diff: {
    usage: 'diff --plan OLD --plan NEW | --plan PLAN [--spec FILE | --stack DIR] [--format markdown|json|table]',
    summary: 'What a change of plan does to the estate, for the reviewer of a pull request: the flows whose verdict changes, the traffic no flow\n'
      + 'needs that starts or stops getting through, and the rules added, removed, widened or narrowed (by what they admit). Exit 0: check gates, diff informs.',
    options: [['--plan FILE', 'twice: the plan before and after (cdk.tf.json or terraform show -json); once: a terraform show -json plan, from its prior state to its changes'],
      ['--spec FILE', 'the estate (YAML or JSON); default: the estates the (newer) plan records'],
      ['--stack DIR', 'for terraform show -json: the folder of the synthesized stack whose cdk.tf.json records the estate'],
      ['--format FORMAT', 'markdown (default: a pull request comment), json or table']],
  },
  host: {
    usage: 'host --spec FILE --tier TIER [--format powershell|json] [--out FILE]',
    summary: "The Windows Firewall rules and registry values of one tier's hosts. The script changes only what it records writing\n(its rule group, registry values with a record beside them) and takes it back when the spec stops asking for it.",
    options: [['--spec FILE', 'the estate (YAML or JSON)'], ['--tier TIER', 'the tier whose hosts to configure (ca, dc, ces, ...)'],
      ['--format FORMAT', 'powershell (default: an idempotent script, UTF-8 with a byte-order mark) or json'],
      ['--out FILE', 'write to FILE instead of stdout (replaced whole; a failed run writes nothing)']],
  },
};

/** The help text of one command. */
export function commandUsage(command: string): string {
  const h = COMMAND_HELP[command];
  const rows: [string, string][] = [...h.options, ['-h, --help', 'show this help']];
  const width = Math.max(...rows.map(([o]) => o.length)) + 2;
  return `Usage: adcs-firewall ${h.usage}\n\n${h.summary}\n\nOptions:\n${rows.map(([o, d]) => `  ${o.padEnd(width)}${d}`).join('\n')}\n\n`
    + 'Exit codes: 0 success; 1 check or audit findings; 2 bad input (nothing written).\n';
}

/** Commands by name: string flags, boolean switches, flags that repeat (`lists`), and the handler. */
export const COMMANDS: Record<string, { flags: string[]; switches?: string[]; lists?: string[]; run: Handler }> = {
  // Each command's module (and what it loads: the spec reader, the schema validator, the planners,
  // the evaluators) is loaded when that command runs, so --version and --help start fast.
  /* eslint-disable @typescript-eslint/no-require-imports */
  matrix: { flags: ['spec', 'format'], run: (o, io) => (require('./commands/matrix') as typeof import('./commands/matrix')).matrixCommand(o, io) },
  validate: { flags: ['spec', 'format', 'fail-on'], run: (o, io) => (require('./commands/validate') as typeof import('./commands/validate')).validateCommand(o, io) },
  synth: { flags: ['spec', 'out', 'format', 'fail-on'], switches: ['module'], run: (o, io) => (require('./commands/synth') as typeof import('./commands/synth')).synthCommand(o, io) },
  check: { flags: ['spec', 'plan', 'stack', 'format', 'fail-on'], run: (o, io) => (require('./commands/check') as typeof import('./commands/check')).checkCommand(o, io) },
  audit: { flags: ['spec', 'format', 'fail-on', 'adopt'], lists: ['export'], run: (o, io) => (require('./commands/audit') as typeof import('./commands/audit')).auditCommand(o, io) },
  explain: { flags: ['spec', 'plan', 'from', 'to', 'port', 'protocol', 'format'], lists: ['export'], run: (o, io) => (require('./commands/explain') as typeof import('./commands/explain')).explainCommand(o, io) },
  diff: { flags: ['spec', 'stack', 'format'], lists: ['plan'], run: (o, io) => (require('./commands/diff') as typeof import('./commands/diff')).diffCommand(o as never, io) },
  host: { flags: ['spec', 'tier', 'format', 'out'], run: (o, io) => (require('./commands/host') as typeof import('./commands/host')).hostCommand(o, io) },
  /* eslint-enable @typescript-eslint/no-require-imports */
};


/** Runs the command line; returns the exit code. Never throws. */
export async function main(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined) {
      // No command is a usage error: the usage goes to stderr, stdout stays empty.
      io.err(USAGE);
      return ExitCode.BAD_INPUT;
    }
    if (command === '-h' || command === '--help' || command === 'help') {
      // `help matrix` is `matrix --help`.
      const topic = rest[0];
      if (command === 'help' && topic !== undefined) {
        if (!Object.prototype.hasOwnProperty.call(COMMAND_HELP, topic)) throw new UsageError(Messages.unknownCommand(topic, Object.keys(COMMANDS)));
        io.out(commandUsage(topic));
        return ExitCode.OK;
      }
      io.out(USAGE);
      return ExitCode.OK;
    }
    if (command === '-v' || command === '--version') {
      io.out(`${version()}\n`);
      return ExitCode.OK;
    }
    // Own keys only: "constructor" or "__proto__" are unknown commands, not Object.prototype members.
    const cmd = Object.prototype.hasOwnProperty.call(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!cmd) throw new UsageError(Messages.unknownCommand(command, Object.keys(COMMANDS)));
    const { values, positionals } = parseCommandArgs(command, rest, cmd.flags, cmd.switches ?? [], cmd.lists ?? []);
    if (values.help) {
      io.out(commandUsage(command));
      return ExitCode.OK;
    }
    if (positionals.length > 0) throw new UsageError(Messages.unexpectedArgument(positionals[0]));
    return await cmd.run(values, io);
  } catch (e) {
    if (e instanceof AdcsInputError) {
      io.err(`error: ${e.message.split('\n').join('\nerror: ')}\n`);
      return ExitCode.BAD_INPUT;
    }
    if (e instanceof UsageError) {
      io.err(`error: ${e.message}\nRun "adcs-firewall ${usageTopic(argv[0])}--help" for usage.\n`);
      return ExitCode.BAD_INPUT;
    }
    const missing = missingPackage(e);
    if (missing) {
      // An incomplete installation, not a bug: name the package and the version to install.
      io.err(`error: ${Messages.moduleMissing(missing, dependencyRange(missing))}\n`);
      return ExitCode.BAD_INPUT;
    }
    io.err(`internal error (please report it): ${(e as Error).stack ?? String(e)}\n`);
    return ExitCode.INTERNAL;
  }
}

/** `matrix ` when the command is known (its own help), else nothing (the general help). */
function usageTopic(command: string | undefined): string {
  return command !== undefined && Object.prototype.hasOwnProperty.call(COMMAND_HELP, command) ? `${command} ` : '';
}

/** The package a MODULE_NOT_FOUND error names (`@scope/name` or `name`), if that is the error. */
export function missingPackage(e: unknown): string | undefined {
  const err = e as NodeJS.ErrnoException | undefined;
  if (err?.code !== 'MODULE_NOT_FOUND') return undefined;
  const id = /Cannot find module '([^']+)'/.exec(err.message)?.[1];
  if (!id || id.startsWith('.') || id.startsWith('/')) return undefined;
  return id.startsWith('@') ? id.split('/').slice(0, 2).join('/') : id.split('/')[0];
}

/** The version range of one of adcs-firewall's own dependencies. */
function dependencyRange(pkg: string): string | undefined {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const deps = (require('../../../package.json') as { dependencies?: Record<string, string> }).dependencies ?? {};
  return Object.prototype.hasOwnProperty.call(deps, pkg) ? deps[pkg] : undefined;
}

function parseCommandArgs(command: string, args: string[], flags: string[], switches: string[], lists: string[]): { values: Record<string, unknown>; positionals: string[] } {
  const options = {
    ...Object.fromEntries(flags.map((f) => [f, { type: 'string' as const }])),
    ...Object.fromEntries(lists.map((f) => [f, { type: 'string' as const, multiple: true }])),
    ...Object.fromEntries(switches.map((f) => [f, { type: 'boolean' as const }])),
  };
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (e) {
    // Node's own wording names neither the command nor the accepted options: say both.
    const err = e as NodeJS.ErrnoException;
    const accepted = [...flags.map((f) => `--${f}`), ...lists.map((f) => `--${f}`), ...switches.map((f) => `--${f}`), '--help'];
    const option = /'(-[^' ]*)/.exec(err.message)?.[1];
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) {
      throw new UsageError(Messages.unknownOption(option, command, accepted));
    }
    if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option && !switches.includes(option.replace(/^--/, ''))) {
      throw new UsageError(Messages.optionNeedsValue(option, command));
    }
    throw new UsageError(Messages.badArguments(err.message));
  }
}
