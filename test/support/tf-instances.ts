import { TfInstanceOrigin, TfMultiplicity, type TfInstance } from '../../lib/terraform/document';
import { readTemplate, TfReference, TfUnknown, type ArgumentValue } from '../../lib/terraform/values';

/**
 * TfInstance values for tests: built by hand (`instance`), or read from the `resource` blocks
 * of a Terraform JSON configuration (`configurationInstances`, a small stand-in for the check's
 * reader: strings are templates, `${…}` references become TfReference, other expressions
 * TfUnknown; top-level nulls are unset, nested nulls kept).
 */

/** Meta-arguments of a resource body, not arguments of its type. */
const META = new Set(['count', 'for_each', 'provider', 'depends_on', 'lifecycle', 'provisioner', 'connection', '//']);

/** A managed instance of `type` named `name` with `values`, as a configuration's (override anything with `extra`). */
export function instance(type: string, name: string, values: { readonly [key: string]: ArgumentValue }, extra: Partial<TfInstance> = {}): TfInstance {
  const localName = type.split('_')[0];
  return {
    address: `${type}.${name}`, mode: 'managed', type, name, module: '',
    provider: { localName, source: `hashicorp/${localName}`, key: localName },
    values, origin: TfInstanceOrigin.CONFIGURATION, multiplicity: TfMultiplicity.KNOWN, offset: -1, ...extra,
  };
}

/** The same instance as a plan's planned instance. */
export function planned(i: TfInstance): TfInstance {
  return { ...i, origin: TfInstanceOrigin.PLANNED };
}

/** The managed instances of a Terraform JSON configuration's `resource` blocks (object form only). */
export function configurationInstances(json: unknown): TfInstance[] {
  const resources = (json as { resource?: Record<string, Record<string, Record<string, unknown>>> }).resource ?? {};
  const out: TfInstance[] = [];
  for (const [type, byName] of Object.entries(resources)) {
    for (const [name, body] of Object.entries(byName)) {
      const values: Record<string, ArgumentValue> = {};
      for (const [k, v] of Object.entries(body)) {
        if (!META.has(k) && v !== null) values[k] = valueOf(v);
      }
      const counted = 'count' in body || 'for_each' in body;
      out.push(instance(type, name, values, counted ? { multiplicity: TfMultiplicity.UNKNOWN } : {}));
    }
  }
  return out;
}

/** A JSON value read as Terraform reads an expression (strings as templates). */
export function valueOf(v: unknown): ArgumentValue {
  if (typeof v === 'string') {
    const t = readTemplate(v);
    return 'literal' in t ? t.literal : 'reference' in t ? new TfReference(t.reference) : new TfUnknown(`the expression ${JSON.stringify(t.expression)}`);
  }
  if (Array.isArray(v)) return v.map(valueOf);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, valueOf(x)]));
  return v as ArgumentValue;
}
