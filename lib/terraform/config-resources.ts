import { ConfigExpressions, ExpressionScope } from './config-expression';
import { impliedLocalName, providerRefOf, readProviderArgument, RequiredSources } from './config-providers';
import { TfInstance, TfInstanceOrigin, TfMultiplicity } from './document';
import { bodyMembers, HclBlock, unpackBlocks } from './hcl-json-body';
import type { JsonMember } from './json-tree';
import { instanceKey, isIdentifier, ProblemList, setMember } from './reader-support';
import { ArgumentValue, isMap, TfReference, TfUnknown } from './values';

/**
 * `resource` and `data` blocks of a configuration, read into instances as Terraform decodes
 * them (terraform internal/configs/resource.go `decodeResourceBlock`, `decodeDataBlock`):
 * meta-arguments `count`, `for_each`, `provider`, `depends_on`; blocks `lifecycle`,
 * `connection`, `provisioner` (managed only), the escaping block `_` whose arguments are the
 * resource type's own; `dynamic` blocks (hashicorp/hcl ext/dynblock, applied to every resource
 * body) generate blocks known only at plan time.
 */

/** Most instances one `count` or `for_each` is expanded into; above it the block stands for an unknown number. */
export const MAX_EXPANDED_INSTANCES = 10000;

/** What reading a resource block needs. */
export interface ResourceContext {
  readonly exprs: ConfigExpressions;
  readonly problems: ProblemList;
  readonly required: RequiredSources;
}

const META_ATTRIBUTES = new Set(['count', 'for_each', 'provider', 'depends_on']);

/** The instances of one `resource` or `data` block (none when its labels are invalid: Terraform rejects the block). */
export function readResourceBlock(block: HclBlock, mode: 'managed' | 'data', ctx: ResourceContext): TfInstance[] {
  const { exprs, problems } = ctx;
  const [type, name] = block.labels;
  const kind = mode === 'data' ? 'data' : 'resource';
  const element = `${kind}.${type}.${name}`;
  let labelsValid = true;
  if (!isIdentifier(type)) {
    problems.invalid(element, `${mode === 'data' ? 'Invalid data source name' : 'Invalid resource type name'}: "${type}": a name must start with a letter or underscore and may contain only letters, digits, underscores, and dashes (terraform internal/configs/resource.go).`, block.labelOffsets[0]);
    labelsValid = false;
  }
  if (!isIdentifier(name)) {
    problems.invalid(element, `${mode === 'data' ? 'Invalid data resource name' : 'Invalid resource name'}: "${name}": a name must start with a letter or underscore and may contain only letters, digits, underscores, and dashes (terraform internal/configs/resource.go).`, block.labelOffsets[1]);
    labelsValid = false;
  }
  if (!labelsValid) return [];

  const meta = new Map<string, JsonMember>();
  const args: JsonMember[] = [];
  const dynamicTypes: string[] = [];
  const ignored: string[] = [];
  const seen = { lifecycle: 0, connection: 0, _: 0 };
  for (const m of bodyMembers(block.body, element, problems)) {
    const at = `${element}.${m.key}`;
    if (m.key === '//') continue;
    if (META_ATTRIBUTES.has(m.key)) {
      if (meta.has(m.key)) problems.invalid(at, `Duplicate argument: "${m.key}" was already set at offset ${meta.get(m.key)!.offset} (hashicorp/hcl json/structure.go).`, m.offset);
      else meta.set(m.key, m);
    } else if (m.key === 'lifecycle' || (mode === 'managed' && m.key === 'connection')) {
      const blocks: HclBlock[] = [];
      unpackBlocks(m.value, m.key, [], at, problems, blocks);
      for (const b of blocks) {
        if (++seen[m.key as 'lifecycle' | 'connection'] > 1) problems.invalid(at, `Duplicate ${m.key} block: this ${kind} already has a ${m.key} block (terraform internal/configs/resource.go).`, b.offset);
        if (m.key !== 'lifecycle') continue;
        // ignore_changes: ["attr", ...] or "all"; each entry a string naming an attribute (its first step).
        for (const x of bodyMembers(b.body, at, problems).filter((y) => y.key === 'ignore_changes')) {
          const v = x.value;
          if (v.kind === 'string') ignored.push(String(v.value) === 'all' ? '*' : String(v.value));
          else if (v.kind === 'array') for (const item of v.items) ignored.push(item.kind === 'string' ? String(item.value).split(/[.[]/)[0] : '*');
          else ignored.push('*');
        }
      }
    } else if (mode === 'managed' && m.key === 'provisioner') {
      const blocks: HclBlock[] = [];
      unpackBlocks(m.value, 'provisioner', ['type'], at, problems, blocks);
      for (const b of blocks) {
        problems.unresolved(`${at}.${b.labels[0]}`, `A "${b.labels[0]}" provisioner runs when the object is created or destroyed; what it changes is not in the document.`, b.offset);
      }
    } else if (m.key === 'locals') {
      problems.invalid(at, `Reserved block type name in ${kind} block: "locals" is reserved for use by Terraform in a future version (terraform internal/configs/resource.go).`, m.offset);
    } else if (m.key === '_') {
      const blocks: HclBlock[] = [];
      unpackBlocks(m.value, '_', [], at, problems, blocks);
      for (const b of blocks) {
        if (++seen._ > 1) problems.invalid(at, 'Duplicate escaping block: each resource block can have only one "_" block (terraform internal/configs/resource.go).', b.offset);
        else args.push(...bodyMembers(b.body, at, problems).filter((x) => x.key !== '//'));
      }
    } else if (m.key === 'dynamic') {
      const blocks: HclBlock[] = [];
      unpackBlocks(m.value, 'dynamic', ['type'], at, problems, blocks);
      for (const b of blocks) if (!dynamicTypes.includes(b.labels[0])) dynamicTypes.push(b.labels[0]);
    } else args.push(m);
  }

  const providerNode = meta.get('provider');
  const ref = providerNode ? readProviderArgument(providerNode.value, `${element}.provider`, problems) : undefined;
  const provider = providerRefOf(ref?.localName ?? impliedLocalName(type), ref?.alias, ctx.required);
  const base = `${mode === 'data' ? 'data.' : ''}${type}.${name}`;
  const instance = (key: string | number | undefined, scope: ExpressionScope, multiplicity: TfMultiplicity): TfInstance => {
    const values = exprs.readObject(args, scope, element, false) as { [key: string]: ArgumentValue };
    for (const t of dynamicTypes) setMember(values, t, new TfUnknown(`a dynamic block generates the "${t}" blocks`));
    return {
      address: key === undefined ? base : `${base}${instanceKey(key)}`, mode, type, name, module: '', provider,
      // An argument set to null is unset; inside nested objects a null stays (attributes written as
      // blocks must list every attribute in JSON, null included: the validation reads it).
      values: Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null)) as { [key: string]: ArgumentValue },
      // where its name label is written (`"ca": {`), for pointing findings at its line
      origin: TfInstanceOrigin.CONFIGURATION, multiplicity, offset: block.labelOffsets[block.labelOffsets.length - 1] ?? block.offset,
      ...(ignored.length > 0 ? { ignoredChanges: [...new Set(ignored)].sort() } : {}),
    };
  };
  const unknownScope = (why: string): ExpressionScope => ({ countIndex: new TfUnknown(why), eachKey: new TfUnknown(why), eachValue: new TfUnknown(why) });

  const count = meta.get('count');
  const forEach = meta.get('for_each');
  if (count && forEach) {
    problems.invalid(`${element}.for_each`, 'Invalid combination of "count" and "for_each": the two meta-arguments are mutually exclusive (terraform internal/configs/resource.go).', forEach.offset);
    return [instance(undefined, unknownScope('count and for_each together'), TfMultiplicity.UNKNOWN)];
  }
  if (count) {
    const n = countOf(exprs.read(count.value, {}, `${element}.count`), `${element}.count`, count.value.offset, problems);
    if (n === undefined || n > MAX_EXPANDED_INSTANCES) {
      if (n !== undefined) problems.unsupported(`${element}.count`, `count = ${n}: more instances than the reader expands (${MAX_EXPANDED_INSTANCES}); read as an unknown number.`, count.value.offset);
      return [instance(undefined, { countIndex: new TfUnknown('count.index of a count not known') }, TfMultiplicity.UNKNOWN)];
    }
    return Array.from({ length: n }, (_, i) => instance(i, { countIndex: i }, TfMultiplicity.KNOWN));
  }
  if (forEach) {
    const map = forEachOf(exprs.read(forEach.value, {}, `${element}.for_each`), `${element}.for_each`, forEach.value.offset, problems);
    const keys = map ? Object.keys(map) : [];
    if (!map || keys.length > MAX_EXPANDED_INSTANCES) {
      if (map) problems.unsupported(`${element}.for_each`, `for_each with ${keys.length} keys: more instances than the reader expands (${MAX_EXPANDED_INSTANCES}); read as an unknown number.`, forEach.value.offset);
      return [instance(undefined, unknownScope('each.key and each.value of a for_each not known'), TfMultiplicity.UNKNOWN)];
    }
    return keys.map((k) => instance(k, { eachKey: k, eachValue: map[k] }, TfMultiplicity.KNOWN));
  }
  return [instance(undefined, {}, TfMultiplicity.KNOWN)];
}

/**
 * A `count` value: a whole number ≥ 0 (a numeric string converts, as Terraform converts it to
 * a number); undefined when not known; an error for null, a fraction, a negative number or
 * another type (terraform internal/terraform/eval_count.go "Invalid count argument").
 */
function countOf(v: ArgumentValue, element: string, offset: number, problems: ProblemList): number | undefined {
  if (v instanceof TfUnknown || v instanceof TfReference) return undefined;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?\d+(\.\d+)?([eE][+-]?\d+)?\s*$/.test(v) ? Number(v) : undefined;
  if (n !== undefined && Number.isInteger(n) && n >= 0) return n;
  const why = v === null ? 'the given "count" argument value is null; an integer is required'
    : n === undefined ? `a number is required; found ${Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : JSON.stringify(v)}`
      : n < 0 ? 'must be greater than or equal to zero' : 'a whole number is required';
  problems.invalid(element, `Invalid count argument: ${why} (terraform internal/terraform/eval_count.go); read as an unknown number.`, offset);
  return undefined;
}

/**
 * A `for_each` value: a map or object (a JSON object, or a reference that resolves to one);
 * undefined when not known. A JSON array is a tuple, which Terraform refuses ("must be a map,
 * or set of strings": a set needs `toset()`), as it refuses null and other types
 * (terraform internal/terraform/eval_for_each.go).
 */
function forEachOf(v: ArgumentValue, element: string, offset: number, problems: ProblemList): { readonly [key: string]: ArgumentValue } | undefined {
  if (v instanceof TfUnknown || v instanceof TfReference) return undefined;
  if (isMap(v)) return v;
  const type = v === null ? 'null' : Array.isArray(v) ? 'tuple' : typeof v === 'string' ? 'string' : typeof v;
  problems.invalid(element, `Invalid for_each argument: the "for_each" argument must be a map, or set of strings, and you have provided a value of type ${type} (terraform internal/terraform/eval_for_each.go); read as an unknown number.`, offset);
  return undefined;
}
