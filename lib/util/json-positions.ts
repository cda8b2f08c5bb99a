/** Where a value starts in a text: 0-based character offset, 1-based line and column. */
export interface TextPosition {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/**
 * The start of every object and array of a JSON text, by JSON pointer (`/resource/aws_vpc/x`),
 * and of every member or element holding one. One pass, linear in the text; scalars are not
 * indexed (a finding points at a resource, a block or a key, never at a bare number). Returns an
 * empty map for text that is not JSON.
 */
export function jsonPositions(text: string): Map<string, TextPosition> {
  const out = new Map<string, TextPosition>();
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const at = (offset: number): TextPosition => ({ offset, line, column: offset - lineStart + 1 });
  const skip = (): void => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 10) { line++; i++; lineStart = i; } else if (c === 32 || c === 9 || c === 13) i++;
      else break;
    }
  };
  const string = (): string => {
    // i is at the opening quote.
    let s = '';
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') {
        const e = text[i + 1];
        if (e === 'u') { s += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16)); i += 6; continue; }
        s += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e === 'b' ? '\b' : e === 'f' ? '\f' : e;
        i += 2;
      } else s += text[i++];
    }
    i++;
    return s;
  };
  const escape = (k: string): string => k.replace(/~/g, '~0').replace(/\//g, '~1');
  // An explicit stack of containers: no recursion, whatever the depth.
  const stack: { kind: 'object' | 'array'; pointer: string; index: number }[] = [];
  const value = (pointer: string, keyAt: TextPosition): void => {
    skip();
    const c = text[i];
    if (c === '{' || c === '[') {
      out.set(pointer, keyAt);
      stack.push({ kind: c === '{' ? 'object' : 'array', pointer, index: 0 });
      i++;
      return;
    }
    if (c === '"') { string(); return; }
    while (i < text.length && !/[,\]}\s]/.test(text[i])) i++;
  };
  try {
    skip();
    value('', at(i));
    while (stack.length > 0) {
      skip();
      const top = stack[stack.length - 1];
      const c = text[i];
      if (c === undefined) return new Map();
      if (c === '}' || c === ']') { stack.pop(); i++; continue; }
      if (c === ',') { i++; continue; }
      if (top.kind === 'object') {
        if (c !== '"') return new Map();
        const keyAt = at(i);
        const key = string();
        skip();
        if (text[i] !== ':') return new Map();
        i++;
        value(`${top.pointer}/${escape(key)}`, keyAt);
      } else {
        skip();
        value(`${top.pointer}/${top.index++}`, at(i));
      }
    }
  } catch {
    return new Map();
  }
  return out;
}
