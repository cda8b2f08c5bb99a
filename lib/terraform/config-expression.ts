import type { JsonMember, JsonNode } from './json-tree';
import { ProblemList, setMember } from './reader-support';
import { evaluateTemplate, parseTraversal, TraversalStep, traversalText } from './template';
import { ArgumentValue, isMap, readTemplate, TfReference, TfUnknown } from './values';

/**
 * Expressions of a Terraform JSON configuration, read as Terraform maps JSON values (hashicorp/hcl
 * json/structure.go `expression.Value`): bool, number as is; an array a tuple; an object an
 * object whose keys are templates; `null` null; a string a template (`readTemplate`, then
 * `evaluateTemplate`). References resolve where the document says the value: `local.x` to the
 * local's expression, `count.index` and `each.key`/`each.value` of an expanded instance;
 * `var.x` is set at plan time (unknown); other objects' attributes are `TfReference`s.
 */

/** The iteration an instance is read in: `count.index`, `each.key`, `each.value`. */
export interface ExpressionScope {
  /** What `count.index` is; undefined when the block has no `count`. */
  readonly countIndex?: number | TfUnknown;
  /** What `each.key` is; undefined when the block has no `for_each`. */
  readonly eachKey?: string | TfUnknown;
  /** What `each.value` is (with `eachKey`). */
  readonly eachValue?: ArgumentValue;
}

/** A `locals` entry: its expression and where it is written. */
export interface LocalDefinition {
  readonly node: JsonNode;
  readonly offset: number;
}

/** True for a value that may be one or more nested blocks: an object, an array of objects, or null (zero blocks). */
export function isBlockLike(node: JsonNode): boolean {
  return node.kind === 'object' || node.kind === 'null' || (node.kind === 'array' && node.items.every((i) => i.kind === 'object'));
}

/** The blocks of a block-like value: an object one, an array its elements, null none. */
export function blocksOf(node: JsonNode): JsonNode[] {
  return node.kind === 'object' ? [node] : node.kind === 'array' ? [...node.items] : [];
}

/** Reads expressions of one configuration, with its `locals`. */
export class ConfigExpressions {
  private readonly localValues = new Map<string, ArgumentValue | 'reading'>();

  constructor(private readonly problems: ProblemList, private readonly locals: ReadonlyMap<string, LocalDefinition>) {}

  /** The value of an expression (nulls kept: `withoutNulls` makes them absent for an argument). */
  public read(node: JsonNode, scope: ExpressionScope, element: string): ArgumentValue {
    switch (node.kind) {
      case 'string': return this.readString(node.value as string, scope, element, node.offset);
      case 'number': case 'boolean': case 'null': return node.value;
      case 'array': return node.items.map((item, i) => this.read(item, scope, `${element}[${i}]`));
      default: return this.readObject(node.members, scope, element);
    }
  }

  /**
   * The members of an object, or of a body's arguments: a repeated name whose values are all
   * block-like (objects, arrays of objects, null) is a repeated nested block type, its blocks
   * concatenated in order; any other repeated name is "Duplicate argument" (json/structure.go
   * l.116-126; in an expression "Duplicate object attribute", l.486-497), the first kept.
   */
  public readObject(members: readonly JsonMember[], scope: ExpressionScope, element: string, keysAreTemplates = true): ArgumentValue {
    const groups = new Map<string, JsonMember[]>();
    for (const m of members) {
      let key = m.key;
      if (keysAreTemplates) {
        const k = this.readString(m.key, scope, `${element}.${m.key}`, m.offset);
        if (typeof k === 'number' || typeof k === 'boolean') key = String(k);
        else if (typeof k !== 'string') return new TfUnknown(`an object whose key "${m.key}" is not known`);
        else key = k;
      }
      const group = groups.get(key);
      if (group) group.push(m);
      else groups.set(key, [m]);
    }
    const out: { [key: string]: ArgumentValue } = {};
    for (const [key, group] of groups) {
      const at = `${element}.${key}`;
      if (key === 'dynamic' && isBlockLike(group[0].value) && group[0].value.kind !== 'null') {
        this.problems.unresolved(at, 'A nested "dynamic" property: in a nested block it generates blocks from its for_each, known only at plan time (hashicorp/hcl ext/dynblock); kept as written.', group[0].offset);
      }
      if (group.length === 1) {
        setMember(out, key, this.read(group[0].value, scope, at));
      } else if (group.every((m) => isBlockLike(m.value))) {
        setMember(out, key, group.flatMap((m) => blocksOf(m.value)).map((b, i) => this.read(b, scope, `${at}[${i}]`)));
      } else {
        for (const m of group.slice(1)) {
          this.problems.invalid(at, `Duplicate argument: "${key}" was already set at offset ${group[0].offset}; a name repeated with a value that is not a nested block is an error (hashicorp/hcl json/structure.go "Duplicate argument", "Duplicate object attribute").`, m.offset);
        }
        setMember(out, key, this.read(group[0].value, scope, at));
      }
    }
    return out;
  }

  /** A string, read as a template. */
  public readString(text: string, scope: ExpressionScope, element: string, offset: number): ArgumentValue {
    const t = readTemplate(text);
    if ('literal' in t) return t.literal;
    const resolve = (traversal: string): ArgumentValue => this.resolve(traversal, scope, element, offset);
    if ('reference' in t) return resolve(t.reference);
    const evaluated = evaluateTemplate(text, resolve);
    return evaluated === undefined ? new TfUnknown(`the expression ${JSON.stringify(text)}, not evaluated`) : evaluated;
  }

  /** The value of `local.<name>` (its expression read once; a cycle or an undeclared name is an error). */
  public local(name: string, element: string, offset: number): ArgumentValue {
    const done = this.localValues.get(name);
    if (done === 'reading') {
      this.problems.invalid(element, `Cycle: local.${name} refers to itself (Terraform reports a dependency cycle).`, offset);
      return new TfUnknown(`local.${name}, a cycle`);
    }
    if (done !== undefined) return done;
    const def = this.locals.get(name);
    if (!def) {
      this.problems.invalid(element, `Reference to undeclared local value: no local value named "${name}" is declared in a locals block.`, offset);
      return new TfUnknown(`local.${name}, not declared`);
    }
    this.localValues.set(name, 'reading');
    const value = this.read(def.node, {}, `locals.${name}`);
    this.localValues.set(name, value);
    return value;
  }

  private resolve(text: string, scope: ExpressionScope, element: string, offset: number): ArgumentValue {
    const t = parseTraversal(text);
    if (!t) return new TfUnknown(`the expression "\${${text}}", not evaluated`);
    const [first, ...rest] = t.steps;
    const name = first && 'attribute' in first ? first.attribute : undefined;
    switch (t.root) {
      case 'local':
        return name === undefined ? new TfUnknown(`\${${text}}`) : this.traverse(this.local(name, element, offset), rest, text, element, offset);
      case 'var':
        // A variable's value is set at plan time: a reference to it, resolved by nothing in the document.
        return new TfReference(traversalText(t.root, t.steps));
      case 'count':
        if (name !== 'index') return new TfUnknown(`\${${text}}`);
        if (scope.countIndex === undefined) {
          this.problems.invalid(element, `Reference to "count" in non-counted context: "${text}" is only valid in a block with a count argument.`, offset);
          return new TfUnknown(`${text} without count`);
        }
        return scope.countIndex;
      case 'each':
        if (scope.eachKey === undefined) {
          this.problems.invalid(element, `Reference to "each" in context without for_each: "${text}" is only valid in a block with a for_each argument.`, offset);
          return new TfUnknown(`${text} without for_each`);
        }
        if (name === 'key') return scope.eachKey;
        if (name === 'value') return this.traverse(scope.eachValue ?? null, rest, text, element, offset);
        return new TfUnknown(`\${${text}}`);
      case 'self': case 'path': case 'terraform':
        return new TfUnknown(`${text}, known at plan time`);
      default:
        return new TfReference(traversalText(t.root, t.steps));
    }
  }

  /** Applies the remaining steps of a traversal to a value the document gives. */
  private traverse(value: ArgumentValue, steps: readonly TraversalStep[], text: string, element: string, offset: number): ArgumentValue {
    let v = value;
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i];
      if (v instanceof TfUnknown) return v;
      if (v instanceof TfReference) {
        const ref = parseTraversal(v.traversal)!;
        return new TfReference(traversalText(ref.root, [...ref.steps, ...steps.slice(i)]));
      }
      const key = 'attribute' in step ? step.attribute : step.index;
      if (Array.isArray(v) && typeof key === 'number' && key < v.length) v = (v as readonly ArgumentValue[])[key];
      else if (isMap(v) && Object.prototype.hasOwnProperty.call(v, String(key))) v = v[String(key)];
      else {
        this.problems.invalid(element, `Unsupported attribute or invalid index: "${text}" names ${JSON.stringify(key)}, which the value does not have.`, offset);
        return new TfUnknown(`${text}, not in its value`);
      }
    }
    return v;
  }
}

/** A value with every null member of an object removed (an argument or attribute set to null is absent); nulls in lists keep their place. */
export function withoutNulls(v: ArgumentValue): ArgumentValue {
  if (Array.isArray(v)) return (v as readonly ArgumentValue[]).map(withoutNulls);
  if (isMap(v)) {
    const out: { [key: string]: ArgumentValue } = {};
    for (const [k, x] of Object.entries(v)) if (x !== null) setMember(out, k, withoutNulls(x));
    return out;
  }
  return v;
}
