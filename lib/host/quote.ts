/**
 * The characters PowerShell takes as a single quote: the apostrophe and the typographic
 * quotes U+2018, U+2019, U+201A and U+201B (the PowerShell tokenizer's `IsSingleQuote`). Any of
 * them ends a single-quoted string unless it is doubled.
 */
export const PS_SINGLE_QUOTES: readonly string[] = ['\'', '\u2018', '\u2019', '\u201A', '\u201B'];

const QUOTE_RE = /['\u2018\u2019\u201A\u201B]/g;

/**
 * A PowerShell single-quoted string literal of `text`: every quote character doubled, so
 * nothing in `text` can end the string; `$`, backticks and everything else are literal inside
 * single quotes (about_Quoting_Rules).
 */
export function psQuote(text: string): string {
  return `'${text.replace(QUOTE_RE, (q) => q + q)}'`;
}

/** A PowerShell array literal of single-quoted strings: `@('a', 'b')`, `@()` when empty. */
export function psArray(items: readonly string[]): string {
  return `@(${items.map(psQuote).join(', ')})`;
}

/** `text` on one line: control characters and Unicode line separators become spaces. */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ');
}
