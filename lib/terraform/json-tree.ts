/**
 * JSON read as HCL JSON needs it: every property of an object kept, in order, duplicates
 * included ("A JSON HCL parser must support duplicate definitions of the same property name
 * within a single object, preserving all of them and the relative ordering between them",
 * hashicorp/hcl json/spec.md), each node with its offset in the text. `JSON.parse` keeps only
 * the last of a repeated property, which would drop a rule or a block silently.
 */

/** A JSON object: its members in order, duplicates kept. */
export interface JsonObject {
  readonly kind: 'object';
  readonly members: readonly JsonMember[];
  /** Character offset of the `{` (or of the member key that holds it, for locations). */
  readonly offset: number;
}

/** One property of an object. */
export interface JsonMember {
  readonly key: string;
  readonly value: JsonNode;
  /** Offset of the key. */
  readonly offset: number;
}

/** A JSON array. */
export interface JsonArray {
  readonly kind: 'array';
  readonly items: readonly JsonNode[];
  readonly offset: number;
}

/** A string, number, boolean or null. */
export interface JsonScalar {
  readonly kind: 'string' | 'number' | 'boolean' | 'null';
  readonly value: string | number | boolean | null;
  readonly offset: number;
}

/** Any JSON value as read. */
export type JsonNode = JsonObject | JsonArray | JsonScalar;

/** Not JSON: what is wrong and where. */
export class JsonSyntaxError extends Error {
  constructor(message: string, public readonly offset: number) {
    super(message);
    this.name = 'JsonSyntaxError';
  }
}

/** A JSON number at the sticky regular expression's `lastIndex` (RFC 8259 section 6). */
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
/** The characters of JSON's simple escapes. */
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Reads JSON text (RFC 8259, a leading byte-order mark allowed) into a tree that keeps every property. */
export function parseJsonTree(text: string): JsonNode {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const skip = (): void => {
    for (let c = text.charCodeAt(i); c === 32 || c === 9 || c === 10 || c === 13; c = text.charCodeAt(i)) i++;
  };
  const fail = (what: string): never => { throw new JsonSyntaxError(`${what} at offset ${i}`, i); };
  const str = (): string => {
    i++;
    let out = '';
    let start = i;
    for (;;) {
      if (i >= text.length) fail('unterminated string');
      const c = text.charCodeAt(i);
      if (c === 34) { out += text.slice(start, i); i++; return out; }
      if (c < 0x20) fail('control character in a string');
      if (c === 92) {
        out += text.slice(start, i);
        const e = text[i + 1];
        if (e === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('bad \\u escape');
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else if (e !== undefined && Object.prototype.hasOwnProperty.call(SIMPLE_ESCAPES, e)) {
          out += SIMPLE_ESCAPES[e];
          i += 2;
        } else fail('bad escape');
        start = i;
      } else i++;
    }
  };
  // An explicit stack: no recursion, whatever the depth.
  type Frame = { kind: 'object'; offset: number; members: JsonMember[]; key?: string; keyAt?: number } | { kind: 'array'; offset: number; items: JsonNode[] };
  const stack: Frame[] = [];
  let result: JsonNode | undefined;
  const emit = (node: JsonNode): void => {
    const top = stack[stack.length - 1];
    if (!top) { result = node; return; }
    if (top.kind === 'array') top.items.push(node);
    else { top.members.push({ key: top.key!, value: node, offset: top.keyAt! }); top.key = undefined; }
  };
  const scalar = (): JsonNode => {
    const offset = i;
    const c = text[i];
    if (c === '"') return { kind: 'string', value: str(), offset };
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (m) { i += m[0].length; return { kind: 'number', value: Number(m[0]), offset }; }
    if (text.startsWith('true', i)) { i += 4; return { kind: 'boolean', value: true, offset }; }
    if (text.startsWith('false', i)) { i += 5; return { kind: 'boolean', value: false, offset }; }
    if (text.startsWith('null', i)) { i += 4; return { kind: 'null', value: null, offset }; }
    return fail(`unexpected ${JSON.stringify(text[i] ?? 'end of text')}`);
  };
  const value = (): void => {
    skip();
    const c = text[i];
    if (c === '{') { stack.push({ kind: 'object', offset: i, members: [] }); i++; return; }
    if (c === '[') { stack.push({ kind: 'array', offset: i, items: [] }); i++; return; }
    emit(scalar());
  };
  value();
  while (stack.length > 0) {
    skip();
    const top = stack[stack.length - 1];
    const c = text[i];
    const empty = top.kind === 'object' ? top.members.length === 0 && top.key === undefined : top.items.length === 0;
    if ((c === '}' && top.kind === 'object') || (c === ']' && top.kind === 'array')) {
      if (top.kind === 'object' && top.key !== undefined) fail('missing value');
      i++;
      stack.pop();
      emit(top.kind === 'object' ? { kind: 'object', members: top.members, offset: top.offset } : { kind: 'array', items: top.items, offset: top.offset });
      continue;
    }
    if (!empty) {
      if (c !== ',') fail(`expected "," or "${top.kind === 'object' ? '}' : ']'}"`);
      i++;
      skip();
    }
    if (top.kind === 'object') {
      if (text[i] !== '"') fail('expected a property name');
      top.keyAt = i;
      top.key = str();
      skip();
      if (text[i] !== ':') fail('expected ":"');
      i++;
    }
    value();
  }
  skip();
  if (i < text.length) fail('extraneous data after the value');
  return result!;
}

/** A tree of a JavaScript value (an object already parsed: it has no repeated property). */
export function treeOf(value: unknown): JsonNode {
  if (Array.isArray(value)) return { kind: 'array', items: value.map(treeOf), offset: -1 };
  if (value !== null && typeof value === 'object') {
    return { kind: 'object', members: Object.entries(value).filter(([, v]) => v !== undefined).map(([key, v]) => ({ key, value: treeOf(v), offset: -1 })), offset: -1 };
  }
  if (typeof value === 'string') return { kind: 'string', value, offset: -1 };
  if (typeof value === 'number') return { kind: 'number', value, offset: -1 };
  if (typeof value === 'boolean') return { kind: 'boolean', value, offset: -1 };
  return { kind: 'null', value: null, offset: -1 };
}

/** The plain value of a tree; of repeated properties, the last (as `JSON.parse`). */
export function plainOf(node: JsonNode): unknown {
  if (node.kind === 'array') return node.items.map(plainOf);
  if (node.kind === 'object') {
    const out: Record<string, unknown> = {};
    for (const m of node.members) setMember(out, m.key, plainOf(m.value));
    return out;
  }
  return node.value;
}

/** Sets a member of a plain object, `__proto__` included (assigning it would set the prototype instead). */
export function setMember<T>(target: { [key: string]: T }, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** The members of an object named `key` (several when the property repeats). */
export function membersNamed(node: JsonObject, key: string): JsonMember[] {
  return node.members.filter((m) => m.key === key);
}

/** The value of the last member named `key`, if any. */
export function memberValue(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (node?.kind !== 'object') return undefined;
  for (let k = node.members.length - 1; k >= 0; k--) if (node.members[k].key === key) return node.members[k].value;
  return undefined;
}

/** The keys an object repeats. */
export function repeatedKeys(node: JsonObject): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const m of node.members) (seen.has(m.key) ? twice : seen).add(m.key);
  return [...twice];
}
