import { PS_SINGLE_QUOTES } from '../../../lib/host/quote';

/** A value of the script's data block: a string, `$true`/`$false`, an array, or a hashtable. */
export type PsValue = string | boolean | PsValue[] | { [key: string]: PsValue };

const isQuote = (c: string | undefined): boolean => c !== undefined && PS_SINGLE_QUOTES.includes(c);

/** The characters PowerShell takes as a double quote (the tokenizer's `IsDoubleQuote`). */
export const PS_DOUBLE_QUOTES: readonly string[] = ['"', '\u201C', '\u201D', '\u201E'];
const isDoubleQuote = (c: string | undefined): boolean => c !== undefined && PS_DOUBLE_QUOTES.includes(c);

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

/** Parses the value syntax the generator writes: 'str', $true, $false, @('a', 'b'), @{ K = v; ... }. */
export function parseValue(text: string, at = 0): { value: PsValue; end: number } {
  const ws = (i: number): number => { while (text[i] === ' ') i++; return i; };
  let i = ws(at);
  if (isQuote(text[i])) return readSingleQuoted(text, i);
  for (const [word, value] of [['$true', true], ['$false', false]] as const) {
    if (text.startsWith(word, i) && !/[A-Za-z0-9_]/.test(text[i + word.length] ?? '')) return { value, end: i + word.length };
  }
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

/** A hashtable of the data block. */
export type PsTable = { [key: string]: PsValue };

/** The script split into its data block (parsed) and the fixed code around it. */
export interface PsScript {
  /** Every variable the data block assigns, by name (without `$`), in order. */
  readonly vars: Readonly<Record<string, PsValue>>;
  /** `$Group`. */
  readonly group: string;
  /** `$Rules`, one hashtable per line. */
  readonly rules: PsTable[];
  /** `$Registry`, one hashtable per line. */
  readonly registry: PsTable[];
  /** `$Absent`, one hashtable per line. */
  readonly absent: PsTable[];
  /** `$Predefined`, one hashtable per line. */
  readonly predefined: PsTable[];
  /** `$Notes`. */
  readonly notes: string[];
  /** `$Text`: the messages the code formats, by key. */
  readonly text: Readonly<Record<string, string>>;
  /** The script with the data block's lines taken out. */
  readonly code: string;
}

/**
 * Parses the data block of a generated script; throws on anything it does not expect. The block
 * is a list of assignments: `$X = <value>` on one line, or `$X = @(` / `$X = @{` followed by
 * one item (`<value>`) or entry (`Key = <value>`) per line and a line `)` / `}`.
 */
export function parseScript(script: string): PsScript {
  const lines = script.split('\n');
  const start = lines.indexOf('# --- data (generated) ---');
  const end = lines.indexOf('# --- end of data ---');
  if (start < 0 || end < start) throw new Error('no data block');
  if (lines.indexOf('# --- data (generated) ---', start + 1) >= 0 || lines.indexOf('# --- end of data ---', end + 1) >= 0) throw new Error('two data blocks');
  const data = lines.slice(start + 1, end);
  const vars: Record<string, PsValue> = {};
  for (let i = 0; i < data.length;) {
    const m = /^\$([A-Za-z]+) = (.*)$/.exec(data[i]);
    if (!m) throw new Error(`not an assignment on data line ${i}: ${data[i]}`);
    if (m[1] in vars) throw new Error(`$${m[1]} twice`);
    if (m[2] === '@(' || m[2] === '@{') {
      const close = m[2] === '@(' ? ')' : '}';
      const items: PsValue[] = [];
      const table: PsTable = {};
      for (i++; data[i] !== close; i++) {
        if (i >= data.length) throw new Error(`unterminated $${m[1]}`);
        const line = data[i];
        if (!line.startsWith('  ')) throw new Error(`not indented on data line ${i}: ${line}`);
        if (close === ')') {
          const v = parseValue(line);
          if (v.end !== line.length) throw new Error(`trailing text after the item on data line ${i}: ${line.slice(v.end)}`);
          items.push(v.value);
        } else {
          const e = /^ {2}([A-Za-z]+) = /.exec(line);
          if (!e) throw new Error(`expected Key = value on data line ${i}: ${line}`);
          if (e[1] in table) throw new Error(`key ${e[1]} twice in $${m[1]}`);
          const v = parseValue(line, e[0].length);
          if (v.end !== line.length) throw new Error(`trailing text after the entry on data line ${i}: ${line.slice(v.end)}`);
          table[e[1]] = v.value;
        }
      }
      vars[m[1]] = close === ')' ? items : table;
      i++;
    } else {
      const v = parseValue(m[2]);
      if (v.end !== m[2].length) throw new Error(`trailing text on data line ${i}: ${m[2].slice(v.end)}`);
      vars[m[1]] = v.value;
      i++;
    }
  }
  const tables = (name: string): PsTable[] => {
    const v = vars[name];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'object' || Array.isArray(x))) throw new Error(`$${name} is not a list of hashtables`);
    return v as PsTable[];
  };
  const strings = (name: string): string[] => {
    const v = vars[name];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new Error(`$${name} is not a list of strings`);
    return v as string[];
  };
  const text = vars.Text;
  if (typeof text !== 'object' || Array.isArray(text) || Object.values(text).some((x) => typeof x !== 'string')) throw new Error('$Text is not a table of strings');
  if (typeof vars.Group !== 'string') throw new Error('$Group is not a string');
  return {
    vars,
    group: vars.Group,
    rules: tables('Rules'),
    registry: tables('Registry'),
    absent: tables('Absent'),
    predefined: tables('Predefined'),
    notes: strings('Notes'),
    text: text as Record<string, string>,
    code: [...lines.slice(0, start + 1), ...lines.slice(end)].join('\n'),
  };
}

/** One token of PowerShell code, as far as the template's checks need them. */
export interface PsToken {
  /** `word` (command, parameter, operator, type name, number), `variable`, `string`, `punct` (brackets, `;`, `|`, `,`, `=`, `.`), `newline`. */
  readonly kind: 'word' | 'variable' | 'string' | 'punct' | 'newline';
  /** The token's text (a variable without `$`; a string's value). */
  readonly text: string;
  /** 1-based line. */
  readonly line: number;
  /** Variables a double-quoted string expands (`$x`, `$(...)`), for the variable check. */
  readonly expands?: readonly PsToken[];
}

const WORD = /[A-Za-z0-9_\-.\\:/*%?]/;

/**
 * Tokenizes PowerShell code the way the checks of the template need: comments (`#` to the end of
 * the line, `<# ... #>`), single-quoted strings (any of the five quote characters), double-quoted
 * strings (any of the four, with backtick escapes and `$(...)` subexpressions tokenized in turn),
 * variables (`$name`, `$scope:name`, `$_`), splats (`@name`), brackets and words. Throws on an
 * unterminated string or comment, and on here-strings (the template has none).
 */
export function tokenize(code: string, line0 = 1): PsToken[] {
  const out: PsToken[] = [];
  let line = line0;
  let i = 0;
  const push = (kind: PsToken['kind'], text: string, expands?: PsToken[]): void => { out.push({ kind, text, line, ...(expands ? { expands } : {}) }); };
  while (i < code.length) {
    const c = code[i];
    if (c === '\n') { push('newline', '\n'); line++; i++; continue; }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\uFEFF') { i++; continue; }
    if (c === '`') { // line continuation or escaped character
      if (code[i + 1] === '\n') { line++; i += 2; continue; }
      i += 2;
      continue;
    }
    if (c === '<' && code[i + 1] === '#') {
      const e = code.indexOf('#>', i + 2);
      if (e < 0) throw new Error(`unterminated block comment from line ${line}`);
      line += (code.slice(i, e).match(/\n/g) ?? []).length;
      i = e + 2;
      continue;
    }
    if (c === '#') { while (i < code.length && code[i] !== '\n') i++; continue; }
    if (c === '@' && (isQuote(code[i + 1]) || isDoubleQuote(code[i + 1]))) throw new Error(`here-string at line ${line}`);
    if (isQuote(c)) {
      const s = readSingleQuoted(code, i);
      push('string', s.value);
      line += (code.slice(i, s.end).match(/\n/g) ?? []).length;
      i = s.end;
      continue;
    }
    if (isDoubleQuote(c)) {
      const expands: PsToken[] = [];
      let value = '';
      let j = i + 1;
      for (;;) {
        if (j >= code.length) throw new Error(`unterminated double-quoted string from line ${line}`);
        const d = code[j];
        if (d === '`') { value += code[j + 1]; j += 2; continue; }
        if (isDoubleQuote(d)) {
          if (isDoubleQuote(code[j + 1])) { value += code[j + 1]; j += 2; continue; }
          break;
        }
        if (d === '$' && code[j + 1] === '(') {
          let depth = 0;
          let k = j + 1;
          for (; k < code.length; k++) {
            if (code[k] === '(') depth++;
            else if (code[k] === ')' && --depth === 0) break;
          }
          if (k >= code.length) throw new Error(`unterminated subexpression from line ${line}`);
          expands.push(...tokenize(code.slice(j + 2, k), line));
          value += code.slice(j, k + 1);
          j = k + 1;
          continue;
        }
        if (d === '$' && /[A-Za-z_]/.test(code[j + 1] ?? '')) {
          const m = /^\$([A-Za-z_][A-Za-z0-9_]*(?::[A-Za-z_][A-Za-z0-9_]*)?)/.exec(code.slice(j))!;
          expands.push({ kind: 'variable', text: m[1], line });
          value += m[0];
          j += m[0].length;
          continue;
        }
        if (d === '\n') line++;
        value += d;
        j++;
      }
      push('string', value, expands);
      i = j + 1;
      continue;
    }
    if (c === '$') {
      const m = /^\$([A-Za-z_][A-Za-z0-9_]*(?::[A-Za-z_][A-Za-z0-9_]*)?|[_?$^])/.exec(code.slice(i));
      if (!m) throw new Error(`bad variable at line ${line}: ${code.slice(i, i + 20)}`);
      push('variable', m[1]);
      i += m[0].length;
      continue;
    }
    if (c === '@' && /[A-Za-z_]/.test(code[i + 1] ?? '')) {
      const m = /^@([A-Za-z_][A-Za-z0-9_]*)/.exec(code.slice(i))!;
      push('variable', m[1]);
      i += m[0].length;
      continue;
    }
    if (c === '@' && (code[i + 1] === '(' || code[i + 1] === '{')) { push('punct', `@${code[i + 1]}`); i += 2; continue; }
    if ('(){}[];|,=.+!'.includes(c)) {
      if (c === '.' && WORD.test(code[i + 1] ?? '') && out.length > 0 && out[out.length - 1].kind === 'word') { /* part of a word */ } else {
        push('punct', c);
        i++;
        continue;
      }
    }
    if (WORD.test(c)) {
      let j = i;
      while (j < code.length && WORD.test(code[j])) j++;
      push('word', code.slice(i, j));
      i = j;
      continue;
    }
    // Comparison and other operator characters the template uses only inside words or not at all.
    push('punct', c);
    i++;
  }
  return out;
}
