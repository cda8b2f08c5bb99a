import type { JsonMember, JsonNode } from './json-tree';
import { ProblemList, setMember } from './reader-support';
import { ArgumentValue, isMap, TfReference, TfUnknown } from './values';

/**
 * Attribute values of `terraform show -json` (a change's `before`/`after`, a state's or
 * planned `values`), with what the plan says is unknown: `after_unknown` mirrors `after` with
 * `true` at each value known only after apply, which `after` omits (an object attribute) or
 * writes as `null` (a list element, to keep positions) (terraform internal/command/jsonplan/
 * plan.go `omitUnknowns`, `unknownAsBool`). A value unknown becomes the reference its
 * configuration expression names, when the expression names one object (jsonconfig/expression.go
 * `references`: the traversal first, then its shorter prefixes), else `TfUnknown`. `null` is an
 * unset attribute: absent from objects; in lists it keeps its place.
 */

/** Where a value is read: its problems, and the module instance its references are relative to. */
export interface ShowValueContext {
  readonly problems: ProblemList;
  /** The module instance address followed by `.` (`module.pki.`), `''` in the root: prefixed to a configuration's references. */
  readonly referencePrefix: string;
}

const KNOWN_AT_PLAN = new Set(['var', 'local', 'each', 'count', 'path', 'terraform', 'self']);

/** True for an expression representation (`{"constant_value": …}` or `{"references": […]}`) rather than a block representation of nested expressions. */
export function isExpressionRepresentation(node: JsonNode | undefined): boolean {
  return node?.kind === 'object' && node.members.length > 0 && node.members.every((m) => m.key === 'constant_value' || m.key === 'references');
}

/** The one object an expression representation's `references` name, when they name one: the first reference, every other one a prefix of it. */
export function singleReference(expression: JsonNode | undefined): string | undefined {
  if (expression?.kind !== 'object') return undefined;
  const refs = expression.members.find((m) => m.key === 'references')?.value;
  if (refs?.kind !== 'array' || refs.items.length === 0 || refs.items.some((r) => r.kind !== 'string')) return undefined;
  const all = refs.items.map((r) => String(r.kind === 'string' ? r.value : ''));
  const first = all[0];
  return all.every((r) => r === first || first.startsWith(`${r}.`) || first.startsWith(`${r}[`)) ? first : undefined;
}

/** A value known only after apply: the reference the configuration's expression names, else `TfUnknown`. */
export function unknownValue(expression: JsonNode | undefined, ctx: ShowValueContext): ArgumentValue {
  const ref = isExpressionRepresentation(expression) ? singleReference(expression) : undefined;
  if (ref === undefined) return new TfUnknown('known after apply');
  const root = /^[^.[]*/.exec(ref)![0];
  if (KNOWN_AT_PLAN.has(root)) return new TfUnknown(`known after apply (from ${ref})`);
  return new TfReference(`${ctx.referencePrefix}${ref}`);
}

/**
 * The attributes of an object of a plan or state: each member read (nulls absent), and each
 * attribute `after_unknown` marks that the object omits. `values` undefined or null with
 * `unknown` true: every attribute is known only after apply (an empty object; the caller says so).
 */
export function attributesOf(values: JsonNode | undefined, unknown: JsonNode | undefined, expressions: JsonNode | undefined,
  ctx: ShowValueContext, element: string): { [key: string]: ArgumentValue } {
  const v = values?.kind === 'object' ? readValue(values, unknown, expressions, ctx, element) : {};
  return isMap(v) ? v : {};
}

/** One value, with its part of `after_unknown` and of the configuration's expressions. */
function readValue(node: JsonNode, unknown: JsonNode | undefined, expressions: JsonNode | undefined, ctx: ShowValueContext, element: string): ArgumentValue {
  if (unknown?.kind === 'boolean' && unknown.value === true) return unknownValue(expressions, ctx);
  switch (node.kind) {
    case 'array': {
      const masks = unknown?.kind === 'array' ? unknown.items : undefined;
      const exprs = expressions?.kind === 'array' ? expressions.items : undefined;
      return node.items.map((item, i) => readValue(item, masks?.[i], exprs?.[i], ctx, `${element}[${i}]`));
    }
    case 'object': {
      const masks = unknown?.kind === 'object' ? membersByName(unknown.members) : undefined;
      const exprs = expressions?.kind === 'object' && !isExpressionRepresentation(expressions) ? expressionMembers(expressions.members) : undefined;
      const out: { [key: string]: ArgumentValue } = {};
      const seen = new Set<string>();
      for (const m of node.members) {
        const at = `${element}.${m.key}`;
        if (seen.has(m.key)) {
          ctx.problems.unsupported(at, `The property "${m.key}" is repeated, which terraform show -json never writes; its value is not read.`, m.offset);
          setMember(out, m.key, new TfUnknown(`a repeated property "${m.key}"`));
          continue;
        }
        seen.add(m.key);
        const v = readValue(m.value, masks?.get(m.key), exprs?.get(m.key), ctx, at);
        if (v !== null) setMember(out, m.key, v);
      }
      if (masks) {
        for (const [key, mask] of masks) {
          if (!seen.has(key) && mask.kind === 'boolean' && mask.value === true) setMember(out, key, unknownValue(exprs?.get(key), ctx));
        }
      }
      return out;
    }
    default:
      return node.value;
  }
}

/** The members of a configuration's block of expressions, indexed once: the instances of one `count` share it. */
const expressionIndex = new WeakMap<readonly JsonMember[], Map<string, JsonNode>>();

function expressionMembers(members: readonly JsonMember[]): Map<string, JsonNode> {
  let byName = expressionIndex.get(members);
  if (!byName) expressionIndex.set(members, byName = membersByName(members));
  return byName;
}

function membersByName(members: readonly JsonMember[]): Map<string, JsonNode> {
  const byName = new Map<string, JsonNode>();
  for (const m of members) byName.set(m.key, m.value);
  return byName;
}

/**
 * The value of a configuration's block of expressions (a `provider_config` entry's
 * `expressions`): a constant where an expression is one, `TfUnknown` where it references
 * something; nested blocks as objects or arrays of objects.
 */
export function expressionsValue(node: JsonNode | undefined): ArgumentValue {
  if (node === undefined) return null;
  if (isExpressionRepresentation(node) && node.kind === 'object') {
    const constant = node.members.find((m) => m.key === 'constant_value');
    if (constant) return plainValue(constant.value);
    const refs = node.members.find((m) => m.key === 'references')?.value;
    const names = refs?.kind === 'array' ? refs.items.flatMap((r) => (r.kind === 'string' ? [String(r.value)] : [])) : [];
    return new TfUnknown(`an expression referring to ${names.length > 0 ? names.join(', ') : 'other values'}`);
  }
  if (node.kind === 'array') return node.items.map(expressionsValue);
  if (node.kind !== 'object') return plainValue(node);
  const out: { [key: string]: ArgumentValue } = {};
  for (const m of node.members) {
    const v = expressionsValue(m.value);
    if (v !== null) setMember(out, m.key, v);
  }
  return out;
}

/** A JSON value as an argument value, nulls absent from objects. */
export function plainValue(node: JsonNode): ArgumentValue {
  if (node.kind === 'array') return node.items.map(plainValue);
  if (node.kind !== 'object') return node.value;
  const out: { [key: string]: ArgumentValue } = {};
  for (const m of node.members) if (m.value.kind !== 'null') setMember(out, m.key, plainValue(m.value));
  return out;
}
