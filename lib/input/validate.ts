import type { ErrorObject, ValidateFunction } from 'ajv';
import { InputProblem, Messages, problem } from '../errors';
import { closest } from '../util/suggest';

/** Options of the schema validator (shared with the build step that precompiles it). */
export const AJV_OPTIONS = { allErrors: true, strict: true } as const;

/** The spec's schema, its compiled validator, and the values the validation checks in its own words. */
export interface ShapeCheck {
  /** The JSON Schema (read to name the accepted keys of a mapping). */
  readonly schema: object;
  /** The schema's validator (precompiled at build, or compiled on first use). */
  validator(): ValidateFunction;
  /** Key paths (JSON pointers) of the values whose pattern or bounds the validation also checks. */
  readonly valueChecked: readonly RegExp[];
}

/** `/tiers/ca/cidrs/0` → `tiers.ca.cidrs[0]`. */
export function keyPath(pointer: string, extra?: string): string {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extra !== undefined) parts.push(extra);
  return parts.reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
}

function valueAt(doc: unknown, pointer: string): unknown {
  let cur: unknown = doc;
  for (const raw of pointer.split('/').slice(1)) {
    const p = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    cur = cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>)[p] : undefined;
  }
  return cur;
}

function schemaAt(schema: object, pointer: string): Record<string, unknown> | undefined {
  let cur: any = schema;
  for (const raw of pointer.split('/').slice(1)) {
    if (cur?.type === 'array') cur = cur.items;
    else cur = cur?.properties?.[raw] ?? (typeof cur?.additionalProperties === 'object' ? cur.additionalProperties : undefined);
  }
  return cur;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string', boolean: 'true or false', integer: 'a whole number', object: 'a mapping of keys',
  array: 'a list', 'string,integer': 'a port as "N" or "N-M"',
};

function translate(doc: unknown, e: ErrorObject, schema: object): InputProblem {
  const value = valueAt(doc, e.instancePath);
  const here = keyPath(e.instancePath);
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      const accepted = Object.keys((schemaAt(schema, e.instancePath)?.properties as object) ?? {}).filter((k) => k !== '$schema');
      if (key === 'instances' && /^\/tiers\/[^/]+$/.test(e.instancePath)) return problem(keyPath(e.instancePath, key), Messages.instancesOnlyOnWebServices(keyPath(e.instancePath)));
      return problem(keyPath(e.instancePath, key), Messages.unknownKey(key, accepted));
    }
    case 'required': {
      const key = (e.params as { missingProperty: string }).missingProperty;
      const hint = here === 'tiers' ? ' (clients, ca and dc are the core tiers of every estate)'
        : here === '' && key === 'tiers' ? ': give the estate\'s tiers, at least clients, ca and dc, each with its cidrs' : '';
      return problem(keyPath(e.instancePath, key), Messages.missingKey(key, hint));
    }
    case 'anyOf':
      return problem(here, Messages.wrongType(TYPE_WORDS['string,integer'], value));
    case 'enum':
      return problem(here, Messages.notAccepted(value, (e.params as { allowedValues: string[] }).allowedValues));
    case 'type': {
      const t = String((e.params as { type: string | string[] }).type);
      // Port and priority ranges are strings; a bare YAML number (5000) needs the range form.
      const isRange = t === 'string' && Array.isArray(schemaAt(schema, e.instancePath)?.examples);
      return problem(here, Messages.wrongType(isRange ? 'a quoted range "N-M"' : TYPE_WORDS[t] ?? t, value));
    }
    case 'minItems':
      return problem(here, Messages.emptyList(here.endsWith('cidrs') ? 'CIDR' : here.endsWith('ports') ? 'port' : 'item'));
    case 'maxItems':
      return problem(here, Messages.tooManyItems(here.endsWith('instances') ? 'instances' : 'items', (e.params as { limit: number }).limit));
    case 'minLength':
      return problem(here, Messages.wrongType('a non-empty string', value));
    case 'pattern':
      return problem(here, Messages.badPattern(value, here === 'name'
        ? 'a name is 1-40 lower-case letters, digits and dashes, starting with a letter or digit (for example "pki-weu")'
        : 'a name is 1-40 letters, digits, dots, dashes and underscores (for example "rdp-paw")'));
    default:
      return problem(here, Messages.schemaViolation(e.message ?? 'invalid'));
  }
}

/** Key paths (JSON pointers) of the estate's values whose pattern or bounds the validation also checks (platforms add theirs). */
export const ESTATE_VALUE_CHECKED: readonly RegExp[] = [
  /^\/tiers\/[^/]+\/cidrs\/\d+$/, /^(\/tiers\/[^/]+)?\/rpcDynamicPorts$/, /^\/customFlows\/\d+\/ports\/\d+$/,
  /^\/dcomPort$/, /^\/tiers\/(ces|cep)\/instances\/\d+\/port$/, /^\/acknowledgements\/\d+\/(ruleId|reason)$/,
];

/** True for a schema error the validation reports in its own words (see validateShape). */
function checkedByValidation(doc: unknown, e: ErrorObject, valueChecked: readonly RegExp[]): boolean {
  // The rules between keys (allOf, not, if/then/else, dependencies: the platform's block, one
  // enforcement point, options that need a tier, ICMP without ports): the validation says which
  // key to add or remove.
  if (/\/(allOf|not|if|then|else|dependencies)(\/|$)/.test(e.schemaPath)) return true;
  if (!valueChecked.some((r) => r.test(e.instancePath))) return false;
  if (e.keyword === 'pattern' || e.keyword === 'minimum' || e.keyword === 'maximum') return true;
  // A custom flow port: a string or a number is a value to check; anything else is a wrong type.
  if (e.schemaPath.includes('/anyOf/')) return true;
  if (e.keyword === 'anyOf') return ['string', 'number'].includes(typeof valueAt(doc, e.instancePath));
  return false;
}

/**
 * Checks the shape of a spec document against the JSON Schema. Returns every problem, with key
 * paths, bad values and what is accepted; empty when the shape is right.
 */
export function validateShape(doc: unknown, check: ShapeCheck): InputProblem[] {
  const validate = check.validator();
  if (validate(doc)) return [];
  const seen = new Set<string>();
  const out: InputProblem[] = [];
  // Literal values the validation checks itself (CIDRs, ranges, ports, ids, names, the platform's
  // block) are left to it: its messages are more precise, and it reports them with the problems
  // only it can see (host bits, range order, duplicates). The schema still rejects them in editors.
  const errors = (validate.errors ?? []).filter((e) => !checkedByValidation(doc, e, check.valueChecked));
  // A misspelt key (`resourceGroup`) is one problem: its "did you mean" names the missing key,
  // so the missing-key error of the same mapping is left out, and the unknown key comes first.
  const meant = new Set<string>();
  for (const e of errors) {
    if (e.keyword !== 'additionalProperties') continue;
    const key = (e.params as { additionalProperty: string }).additionalProperty;
    const accepted = Object.keys((schemaAt(check.schema, e.instancePath)?.properties as object) ?? {});
    const c = closest(key, accepted);
    if (c) meant.add(`${e.instancePath}/${c}`);
  }
  const ordered = [...errors.filter((e) => e.keyword === 'additionalProperties'), ...errors.filter((e) => e.keyword !== 'additionalProperties')]
    .filter((e) => !(e.keyword === 'required' && meant.has(`${e.instancePath}/${(e.params as { missingProperty: string }).missingProperty}`)));
  for (const e of ordered) {
    const p = translate(doc, e, check.schema);
    const key = `${p.path}\n${p.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(p);
    }
  }
  return out;
}
