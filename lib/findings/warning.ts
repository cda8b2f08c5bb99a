import type { RuleMessage } from './rule';

/** Something the user should know about a spec or its rendering; never stops a synth. */
export interface Warning {
  /** The finding rule (`ADCS-W004`): stable, documented, what an acknowledgement names. */
  readonly ruleId: string;
  /** Spec key path the warning is about. */
  readonly path: string;
  /** The advice. */
  readonly message: string;
}

/** A warning at a key path: one message of a rule. */
export function warning(path: string, m: RuleMessage): Warning {
  return { ruleId: m.ruleId, path, message: m.text };
}
