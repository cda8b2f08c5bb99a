import { PS_SINGLE_QUOTES } from '../../../lib/host/quote';

/** A value of the script's data block: a string, an array, or a hashtable. */
export type PsValue = string | PsValue[] | { [key: string]: PsValue };

const isQuote = (c: string | undefined): boolean => c !== undefined && PS_SINGLE_QUOTES.includes(c);

/**
 * Reads a single-quoted string literal at `at` as the PowerShell tokenizer does: any of the five
 * single-quote characters ends it unless the next character is one too, in which case that
 * next character is taken literally. Returns the value and the index after the closing quote.
 */
export function readSingleQuoted(text: string, at: number): { value: string; end: number } {
  if (!isQuote(text[at])) throw new Error(`expected a single quote at ${at}: ${text.slice(at, at + 20)}`);
  let value = '';
  let i = at + 1;
  for (;;) {
    if (i >= text.length) throw new Error(`unterminated string from ${at}`);
    const c = text[i];
    if (isQuote(c)) {
      if (!isQuote(text[i + 1])) return { value, end: i + 1 };
      value += text[i + 1];
      i += 2;
      continue;
    }
    value += c;
    i++;
  }
}

/** Parses the value syntax the generator writes: 'str', @('a', 'b'), @{ K = v; ... }. */
export function parseValue(text: string, at = 0): { value: PsValue; end: number } {
  const ws = (i: number): number => { while (text[i] === ' ') i++; return i; };
  let i = ws(at);
  if (isQuote(text[i])) return readSingleQuoted(text, i);
  if (text.startsWith('@(', i)) {
    const items: PsValue[] = [];
    i = ws(i + 2);
    while (text[i] !== ')') {
      const v = parseValue(text, i);
      items.push(v.value);
      i = ws(v.end);
      if (text[i] === ',') i = ws(i + 1);
      else if (text[i] !== ')') throw new Error(`expected , or ) at ${i}: ${text.slice(i, i + 20)}`);
    }
    return { value: items, end: i + 1 };
  }
  if (text.startsWith('@{', i)) {
    const out: { [key: string]: PsValue } = {};
    i = ws(i + 2);
    while (text[i] !== '}') {
      const m = /^([A-Za-z]+) = /.exec(text.slice(i));
      if (!m) throw new Error(`expected a key at ${i}: ${text.slice(i, i + 20)}`);
      if (m[1] in out) throw new Error(`key ${m[1]} twice`);
      const v = parseValue(text, i + m[0].length);
      out[m[1]] = v.value;
      i = ws(v.end);
      if (text[i] === ';') i = ws(i + 1);
      else if (text[i] !== '}') throw new Error(`expected ; or } at ${i}: ${text.slice(i, i + 20)}`);
    }
    return { value: out, end: i + 1 };
  }
  throw new Error(`unexpected text at ${i}: ${text.slice(i, i + 20)}`);
}

/** The script split into its data block (parsed) and the fixed code around it. */
export interface PsScript {
  /** `$Group`. */
  readonly group: string;
  /** `$Rules`, one hashtable per line. */
  readonly rules: { [key: string]: PsValue }[];
  /** `$Registry`, one hashtable per line. */
  readonly registry: { [key: string]: PsValue }[];
  /** The script with the data block's lines taken out. */
  readonly code: string;
}

/** Parses the data block of a generated script; throws on anything it does not expect. */
export function parseScript(script: string): PsScript {
  const lines = script.split('\n');
  const start = lines.indexOf('# --- data (generated) ---');
  const end = lines.indexOf('# --- end of data ---');
  if (start < 0 || end < start) throw new Error('no data block');
  const data = lines.slice(start + 1, end);
  const g = /^\$Group = (.*)$/.exec(data[0]);
  if (!g) throw new Error('no $Group line');
  const group = parseValue(g[1]);
  if (group.end !== g[1].length || typeof group.value !== 'string') throw new Error('bad $Group line');
  const list = (name: string, from: number): { items: { [key: string]: PsValue }[]; next: number } => {
    if (data[from] !== `$${name} = @(`) throw new Error(`no $${name} line at ${from}: ${data[from]}`);
    const items: { [key: string]: PsValue }[] = [];
    let i = from + 1;
    for (; data[i] !== ')'; i++) {
      if (i >= data.length) throw new Error(`unterminated $${name}`);
      const v = parseValue(data[i]);
      if (v.end !== data[i].length) throw new Error(`trailing text after the entry on line ${i}: ${data[i].slice(v.end)}`);
      if (Array.isArray(v.value) || typeof v.value !== 'object') throw new Error(`not a hashtable: ${data[i]}`);
      items.push(v.value);
    }
    return { items, next: i + 1 };
  };
  const rules = list('Rules', 1);
  const registry = list('Registry', rules.next);
  if (registry.next !== data.length) throw new Error('extra lines in the data block');
  return { group: group.value, rules: rules.items, registry: registry.items, code: [...lines.slice(0, start + 1), ...lines.slice(end)].join('\n') };
}
