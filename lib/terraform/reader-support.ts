import { TfProblem, TfProblemKind } from './document';
import type { JsonMember, JsonNode, JsonObject } from './json-tree';

/**
 * What the Terraform JSON readers share: the list of problems they find, one-pass member
 * lookups (nothing quadratic on a large plan), Terraform's identifiers and instance keys, and
 * module paths of addresses.
 */

/** The problems a reader finds; `sorted()` orders them by offset, then element. */
export class ProblemList {
  private readonly found: TfProblem[] = [];
  private readonly seen = new Set<string>();

  /** Terraform would reject the document. */
  public invalid(element: string, message: string, offset: number): void {
    this.add({ kind: TfProblemKind.INVALID, element, message, offset });
  }

  /** A form the reader does not implement: refused, named. */
  public unsupported(element: string, message: string, offset: number): void {
    this.add({ kind: TfProblemKind.UNSUPPORTED, element, message, offset });
  }

  /** Something present whose meaning the reader cannot know. */
  public unresolved(element: string, message: string, offset: number): void {
    this.add({ kind: TfProblemKind.UNRESOLVED, element, message, offset });
  }

  /** Adds a problem once (a body read once per instance of its `count` reports its problems once). */
  private add(problem: TfProblem): void {
    const key = `${problem.kind}\u0000${problem.element}\u0000${problem.offset}\u0000${problem.message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.found.push(problem);
  }

  /** The problems by offset, then element, then the order found. */
  public sorted(): TfProblem[] {
    return this.found
      .map((p, i) => ({ p, i }))
      .sort((a, b) => a.p.offset - b.p.offset || compareText(a.p.element, b.p.element) || a.i - b.i)
      .map((x) => x.p);
  }
}

/** An object's members by name (the last of a repeated name) and the members that repeat an earlier name, in one pass. */
export interface ObjectFields {
  readonly byName: ReadonlyMap<string, JsonNode>;
  readonly repeated: readonly JsonMember[];
}

/** The fields of an object, in one pass over its members. */
export function fieldsOf(node: JsonObject): ObjectFields {
  const byName = new Map<string, JsonNode>();
  const repeated: JsonMember[] = [];
  for (const m of node.members) {
    if (byName.has(m.key)) repeated.push(m);
    byName.set(m.key, m.value);
  }
  return { byName, repeated };
}

export { setMember } from './json-tree';

/** Compares strings by UTF-16 code units: the deterministic order of addresses. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** An HCL identifier (hclsyntax scan_tokens.rl `Ident = (ID_Start | '_') (ID_Continue | '-')*`): what Terraform requires of resource types and names. */
export function isIdentifier(text: string): boolean {
  return /^[\p{ID_Start}_][\p{ID_Continue}-]*$/u.test(text);
}

/** A normalized provider local name (terraform-registry-address ParseProviderPart: lower case letters, digits, dashes not at either end). */
export function isProviderLocalName(text: string): boolean {
  return text === text.toLowerCase() && /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u.test(text);
}

/** An instance key as Terraform writes it in an address: `[0]`, `["a\"b"]` (terraform internal/addrs/instance_key.go toHCLQuotedString). */
export function instanceKey(key: string | number): string {
  if (typeof key === 'number') return `[${key}]`;
  const chars = [...key];
  let out = '"';
  chars.forEach((c, i) => {
    if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if (c === '"') out += '\\"';
    else if (c === '\\') out += '\\\\';
    else if ((c === '$' || c === '%') && chars[i + 1] === '{') out += c + c;
    else if (/^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(c)) out += c;
    else {
      const code = c.codePointAt(0)!;
      out += code < 0x10000 ? `\\u${code.toString(16).padStart(4, '0')}` : `\\U${code.toString(16).padStart(8, '0')}`;
    }
  });
  return `[${out}"]`;
}

/**
 * The module part of an absolute address (`module.a["x"].module.b` of
 * `module.a["x"].module.b.azurerm_subnet.s[0]`), `''` in the root; instance keys may hold any
 * quoted string.
 */
export function modulePathOf(address: string): string {
  let i = 0;
  let end = 0;
  while (address.startsWith('module.', i)) {
    let j = i + 'module.'.length;
    while (j < address.length && address[j] !== '.' && address[j] !== '[') j++;
    if (address[j] === '[') j = afterKey(address, j);
    if (address[j] !== '.') break;
    end = j;
    i = j + 1;
  }
  return address.slice(0, end);
}

/** A module path without its instance keys (`module.a.module.b` of `module.a["x"].module.b[0]`): the path of the module's configuration. */
export function withoutInstanceKeys(path: string): string {
  let out = '';
  for (let i = 0; i < path.length; i++) {
    if (path[i] === '[') i = afterKey(path, i) - 1;
    else out += path[i];
  }
  return out;
}

/** The index just after the `]` closing the key that opens at `open`. */
function afterKey(text: string, open: number): number {
  let j = open + 1;
  if (text[j] === '"') {
    j++;
    while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
    j++;
  }
  while (j < text.length && text[j] !== ']') j++;
  return j + 1;
}

/** What a JSON node is, for messages: `a JSON string`, `an empty JSON array`, `a JSON object with no properties`. */
export function describeNode(node: JsonNode): string {
  switch (node.kind) {
    case 'object': return node.members.length === 0 ? 'a JSON object with no properties' : 'a JSON object';
    case 'array': return node.items.length === 0 ? 'an empty JSON array' : 'a JSON array';
    case 'null': return 'null';
    default: return `a JSON ${node.kind}`;
  }
}
