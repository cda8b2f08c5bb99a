/** How much a finding weighs: errors fail a run, warnings fail it with `--fail-on warning`, notes never do. */
export enum FindingLevel {
  /** Bad input, a blocked flow, extra traffic, something the check could not resolve. */
  ERROR = 'error',
  /** Something to know or fix that the estate can live with. */
  WARNING = 'warning',
  /** Information (an acknowledgement that matched nothing, a flow no end enforces). */
  NOTE = 'note',
}

/**
 * One rule of the finding table: a stable id (documented in the README, never reused), its
 * level, a one-line title and the help a reviewer reads (why it matters, how to fix it).
 */
export interface FindingRule {
  /** `ADCS-E021` (input errors), `ADCS-W004` (warnings), `ADCS-C001` (check findings), `ADCS-N001` (notes). */
  readonly id: string;
  /** The rule's name in code (`cidrNotNetwork`). */
  readonly name: string;
  /** Its level. */
  readonly level: FindingLevel;
  /** One line: what the rule finds. */
  readonly title: string;
  /** Why it matters and how to fix it. */
  readonly help: string;
}

/** One message of a rule: its id and its text (a template string reads as the text). */
export interface RuleMessage {
  /** The rule's id. */
  readonly ruleId: string;
  /** The message. */
  readonly text: string;
  /** The text. */
  toString(): string;
}

/** A rule's definition: id, level, title, help and the message it words from its arguments. */
export interface RuleDefinition<A extends unknown[]> {
  readonly id: string;
  readonly level: FindingLevel;
  readonly title: string;
  readonly help: string;
  readonly text: (...args: A) => string;
}

/** A rule's message factory, with the rule itself as `rule`. */
export type MessageFactory<A extends unknown[]> = ((...args: A) => RuleMessage) & { readonly rule: FindingRule };

/** The message factories of a set of rule definitions, by name. */
export type MessagesOf<T> = { readonly [K in keyof T]: T[K] extends RuleDefinition<infer A> ? MessageFactory<A> : never };

/** Turns rule definitions into message factories (`Messages.cidrNotNetwork(value, suggestion)`) that carry their rule. */
export function defineRules<T extends Record<string, RuleDefinition<any>>>(definitions: T): MessagesOf<T> {
  const out: Record<string, unknown> = {};
  for (const [name, d] of Object.entries(definitions)) {
    const rule: FindingRule = { id: d.id, name, level: d.level, title: d.title, help: d.help };
    out[name] = Object.assign((...args: unknown[]) => message(rule.id, d.text(...args)), { rule });
  }
  return out as MessagesOf<T>;
}

/** A message of rule `ruleId`. */
export function message(ruleId: string, text: string): RuleMessage {
  return { ruleId, text, toString: () => text };
}

/** The rules of message factories, in definition order. */
export function rulesOf(messages: Readonly<Record<string, { readonly rule: FindingRule }>>): FindingRule[] {
  return Object.values(messages).map((m) => m.rule);
}

/** A rule definition: `rule(id, level, title, help, (args) => text)`. */
export function rule<A extends unknown[]>(id: string, level: FindingLevel, title: string, help: string, text: (...args: A) => string): RuleDefinition<A> {
  return { id, level, title, help, text };
}
