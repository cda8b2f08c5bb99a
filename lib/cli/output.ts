import { appendFileSync } from 'node:fs';
import { Messages } from '../errors';
import { FindingLevel } from '../findings/rule';
import { CliIo, UsageError } from './io';

/** Formats every command that prints findings accepts (check, validate, synth). */
export enum FindingsFormat {
  TABLE = 'table',
  JSON = 'json',
  GITHUB = 'github',
  SARIF = 'sarif',
  JUNIT = 'junit',
  MARKDOWN = 'markdown',
}

/** `--format`: one of `accepted`, or `fallback` when absent. */
export function formatOption<T extends string>(value: string | undefined, accepted: readonly T[], fallback: T): T {
  const format = (value ?? fallback) as T;
  if (!accepted.includes(format)) throw new UsageError(Messages.notAccepted(value, accepted), '--format');
  return format;
}

/** `--fail-on error|warning` (default error): the lowest level that fails the run. */
export function failOnOption(value: string | undefined): FindingLevel {
  const accepted = [FindingLevel.ERROR, FindingLevel.WARNING];
  const level = (value ?? FindingLevel.ERROR) as FindingLevel;
  if (!accepted.includes(level)) throw new UsageError(Messages.notAccepted(value, accepted), '--fail-on');
  return level;
}

/** With `--format github`, the markdown summary goes to `$GITHUB_STEP_SUMMARY` when it is set. */
export function writeStepSummary(markdown: () => string, io: CliIo): void {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  try {
    appendFileSync(file, markdown());
  } catch (e) {
    io.err(`warning: cannot write the job summary to $GITHUB_STEP_SUMMARY (${file}): ${(e as Error).message}\n`);
  }
}
