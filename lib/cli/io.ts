import type { RuleMessage } from '../findings/rule';

/** Where a command writes; the real streams in the binary, buffers in tests. */
export interface CliIo {
  /** Standard output. */
  out(text: string): void;
  /** Standard error. */
  err(text: string): void;
}

/** Exit codes of the command line. */
export enum ExitCode {
  /** Success. */
  OK = 0,
  /** `check` found a missing flow or an over-permissive rule. */
  FINDINGS = 1,
  /** Bad input: spec, plan, flags. Nothing was written. */
  BAD_INPUT = 2,
  /** A bug in this tool. */
  INTERNAL = 3,
}

/** A command-line usage error (unknown flag, missing value): exit 2 with the usage text. */
export class UsageError extends Error {
  /** The finding rule (`ADCS-E003`). */
  public readonly ruleId: string;

  constructor(m: RuleMessage, where?: string) {
    super(where === undefined ? m.text : `${where}: ${m.text}`);
    this.ruleId = m.ruleId;
  }
}
