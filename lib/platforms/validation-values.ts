import { TfReference, TfUnknown, type ArgumentValue } from '../terraform/values';

/**
 * An argument's value read as Terraform hands it to a provider: converted to the attribute's
 * type the way Terraform converts (`"100"` is the number 100, `443` is the string `"443"`,
 * `"true"` and `"1"` are true), or marked as what cannot be converted, what is not known from
 * the document (a reference or an unknown: the provider skips it at plan), or unset.
 */

/** What a validation needs to know of an attribute's type. */
export enum AttributeKind {
  /** A string. */
  STRING = 'string',
  /** A whole number (SDKv2 `TypeInt`, framework `Int64`). */
  INT = 'int',
  /** A bool. */
  BOOL = 'bool',
  /** A list or set of strings. */
  STRINGS = 'strings',
  /** A map of strings (`tags`). */
  MAP = 'map',
  /** Nested objects that SDKv2 presents as an attribute (`ConfigMode: SchemaConfigModeAttr`): a list of objects in JSON. */
  ATTRIBUTE_BLOCKS = 'attribute-blocks',
  /** Nested blocks: an object or a list of objects in JSON. */
  BLOCKS = 'blocks',
}

/** A known value of one of the scalar kinds, after Terraform's conversion. */
export type Scalar = string | number | boolean;

/** An attribute's value, read for its kind. */
export type Reading =
  /** Absent, or null. */
  | { readonly state: 'unset' }
  /** A reference or a value known only at apply: never judged by itself. */
  | { readonly state: 'unknown' }
  /** A value Terraform (or SDKv2) cannot read as the attribute's type; `rule` says what it needs, in its words. */
  | { readonly state: 'wrong-type'; readonly rule: string; readonly source: string }
  /** A known scalar, converted. */
  | { readonly state: 'known'; readonly value: Scalar }
  /** A known list of strings: each element read. */
  | { readonly state: 'list'; readonly elements: readonly Reading[] }
  /** A known map, or known nested objects: the raw shape (the engine reads inside). */
  | { readonly state: 'composite'; readonly raw: ArgumentValue };

/** Where Terraform's conversion rules are written. */
export const CONVERSION_SOURCE = 'hashicorp/terraform (value conversion, zclconf/go-cty cty/convert/conversion_primitive.go)';
/** Where SDKv2 refuses a fraction for a whole number and a null inside a list. */
export const SDK_SCHEMA_SOURCE = 'hashicorp/terraform-plugin-sdk helper/schema/schema.go (validatePrimitive), grpc_provider.go (validateConfigNulls)';

/** True for a value the document cannot know. */
export function isUnknown(v: ArgumentValue | undefined): v is TfReference | TfUnknown {
  return v instanceof TfReference || v instanceof TfUnknown;
}

/** True for a JSON object value (not a list, reference or unknown). */
export function isObject(v: ArgumentValue | undefined): v is { readonly [key: string]: ArgumentValue } {
  return v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v) && !isUnknown(v);
}

/** Reads `raw` (undefined: absent) for an attribute of `kind`. */
export function readAs(kind: AttributeKind, raw: ArgumentValue | undefined): Reading {
  if (raw === undefined || raw === null) return { state: 'unset' };
  if (isUnknown(raw)) return { state: 'unknown' };
  switch (kind) {
    case AttributeKind.STRING: return asString(raw);
    case AttributeKind.INT: return asWholeNumber(raw);
    case AttributeKind.BOOL: return asBool(raw);
    case AttributeKind.STRINGS:
      return Array.isArray(raw)
        ? { state: 'list', elements: raw.map((e) => (e === null ? wrong('no null element', 'Null value found in list') : readAs(AttributeKind.STRING, e))) }
        : wrong('a list of strings');
    case AttributeKind.MAP:
      return isObject(raw) && Object.values(raw).every((v) => v === null || isUnknown(v) || asString(v).state === 'known')
        ? { state: 'composite', raw } : wrong('a map of strings');
    case AttributeKind.ATTRIBUTE_BLOCKS:
      return Array.isArray(raw) && raw.every((e) => isObject(e) || isUnknown(e)) ? { state: 'composite', raw } : wrong('a list of objects');
    case AttributeKind.BLOCKS:
      return isObject(raw) || (Array.isArray(raw) && raw.every((e) => isObject(e) || isUnknown(e))) ? { state: 'composite', raw } : wrong('an object or a list of objects');
  }
}

/** The JSON text of a value for a report; a reference as its `${…}` text, an unknown as its reason. */
export function jsonText(v: ArgumentValue | undefined): string {
  if (v === undefined) return '(unset)';
  return JSON.stringify(v, (_key, x: unknown) => (x instanceof TfReference ? x.toString() : x instanceof TfUnknown ? `(${x.why})` : x));
}

/** Bytes of a string as Go's `len` counts them (UTF-8), which `StringLenBetween` compares. */
export function goLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** A value of the wrong type: `expected` and Terraform's summary, or an SDKv2 message with its source. */
function wrong(expected: string, sdk?: string): Reading {
  return sdk === undefined
    ? { state: 'wrong-type', rule: `${expected} (Incorrect attribute value type)`, source: CONVERSION_SOURCE }
    : { state: 'wrong-type', rule: `${expected} (${sdk})`, source: SDK_SCHEMA_SOURCE };
}

/** Strings stay, numbers become their decimal text, bools `true`/`false` (cty's safe conversions). */
function asString(raw: ArgumentValue): Reading {
  if (typeof raw === 'string') return { state: 'known', value: raw };
  if (typeof raw === 'number') return { state: 'known', value: decimalText(raw) };
  if (typeof raw === 'boolean') return { state: 'known', value: String(raw) };
  return wrong('a string');
}

/** Numbers, and strings that parse as numbers; a fraction is refused (SDKv2 "Attribute must be a whole number"). */
function asWholeNumber(raw: ArgumentValue): Reading {
  const n = typeof raw === 'number' ? raw
    : typeof raw === 'string' && /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/.test(raw) ? Number(raw) : undefined;
  if (n === undefined) return wrong('a number');
  return Number.isInteger(n) ? { state: 'known', value: n } : wrong('a whole number', 'Attribute must be a whole number');
}

/** Bools, and the strings `true`, `false`, `1`, `0` (cty converts no other string, and no number). */
function asBool(raw: ArgumentValue): Reading {
  if (typeof raw === 'boolean') return { state: 'known', value: raw };
  if (raw === 'true' || raw === '1') return { state: 'known', value: true };
  if (raw === 'false' || raw === '0') return { state: 'known', value: false };
  return wrong('a bool');
}

/** A number as cty writes it when converting to a string (`big.Float.Text('f', -1)`): no exponent. */
function decimalText(n: number): string {
  const text = String(n);
  if (!/e/i.test(text)) return text;
  return n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}
