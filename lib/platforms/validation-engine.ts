import { TfInstanceOrigin, type TfInstance } from '../terraform/document';
import type { ArgumentValue } from '../terraform/values';
import { compareInvalidValues, UNSET, type InvalidValue } from './validation';
import { AttributeKind, CONVERSION_SOURCE, isObject, isUnknown, jsonText, readAs, SDK_SCHEMA_SOURCE, type Reading, type Scalar } from './validation-values';

/**
 * The small engine that applies a platform's validation table (rules as data, in the spirit of
 * cdk-nag): a schema per resource type says each attribute's kind and whether it is required;
 * rows say what else an attribute (or an object: an instance, or each nested block) must
 * satisfy, in the provider's words and with the file that says so. The engine converts each
 * value as Terraform does, reports what Terraform or the provider would reject, never judges a
 * reference or an unknown by itself, and never throws on odd shapes.
 */

/** One attribute of a resource type's schema. */
export interface AttributeSchema {
  /** Its kind (what Terraform converts the value to). */
  readonly kind: AttributeKind;
  /** Required by the schema. */
  readonly required?: boolean;
  /** The attributes of each nested object (for the block kinds). */
  readonly nested?: SchemaAttributes;
}

/** Attributes by name. */
export type SchemaAttributes = { readonly [name: string]: AttributeSchema };

/** A resource type's schema as far as validation needs it, and the file it is written in. */
export interface ResourceSchema {
  /** The resource type: `azurerm_network_security_rule`. */
  readonly type: string;
  /** The schema's file: `hashicorp/terraform-provider-azurerm internal/services/network/network_security_rule_resource.go`. */
  readonly source: string;
  /** Its arguments (attributes only computed by the provider are left out). */
  readonly attributes: SchemaAttributes;
}

/** A check of one known value: a scalar, or each element of a list. */
export interface ValueCheck {
  readonly kind: 'value';
  /** True when the provider accepts the value. */
  accepts(value: Scalar): boolean;
}

/** An attribute of an object that breaks an object check, with what else makes it break. */
export interface Violation {
  /** The attribute to report (its value is reported with it). */
  readonly attribute: string;
  /** Appended to the rule in parentheses: `source_port_range is also set`. */
  readonly note?: string;
}

/** A check of an object (an instance, or each object of a nested block) across its attributes. */
export interface ObjectCheck {
  readonly kind: 'object';
  /** The attributes that break the check. */
  violations(object: ObjectView): readonly Violation[];
}

/** One rule of a platform's table. */
export interface ValidationRow {
  /** The resource type. */
  readonly type: string;
  /** The nested block whose every object the row applies to (`security_rule`); absent: the instance. */
  readonly block?: string;
  /** The attribute a value check reads; for an object check, the attributes it is about (for the rule list). */
  readonly attribute: string;
  /** What is checked. */
  readonly check: ValueCheck | ObjectCheck;
  /** What is accepted, in the provider's words. */
  readonly rule: string;
  /** The file (or document) that says so. */
  readonly source: string;
  /** Judged on a configuration only: in a plan the attribute carries a default or a computed value. */
  readonly configurationOnly?: boolean;
}

/** An instance, or one nested object, as checks see it. */
export interface ObjectView {
  /** What the instance stands for. */
  readonly origin: TfInstanceOrigin;
  /** True inside a nested object. */
  readonly nested: boolean;
  /** The value as written (undefined: absent). */
  raw(name: string): ArgumentValue | undefined;
  /** The value read for its kind. */
  reading(name: string): Reading;
  /**
   * Whether the attribute is set as the provider counts it: on a configuration's instance, any
   * value but null (SDKv2's `ResourceConfig.Get`); inside a nested object or in a plan, a value
   * that is not empty (`""`, `[]`, `false` are what SDKv2 writes for unset fields). A reference
   * or an unknown counts as set.
   */
  isSet(name: string): boolean;
  /** The known scalar value, when there is one. */
  known(name: string): Scalar | undefined;
}

/** The origins whose values Terraform validates: a configuration and a plan (a state's values are facts, not input). */
const VALIDATED: ReadonlySet<TfInstanceOrigin> = new Set([TfInstanceOrigin.CONFIGURATION, TfInstanceOrigin.PLANNED]);
const TERRAFORM_CORE = 'hashicorp/terraform (configuration decoding, internal/lang/blocktoattr; website/docs/language/attr-as-blocks.mdx)';

/** Every invalid value of `instances` under `schemas` and `rows`, sorted by element, then attribute. */
export function invalidValuesOf(instances: readonly TfInstance[], schemas: readonly ResourceSchema[], rows: readonly ValidationRow[]): InvalidValue[] {
  const schemaOf = new Map(schemas.map((s) => [s.type, s]));
  const out: InvalidValue[] = [];
  for (const instance of instances) {
    const schema = schemaOf.get(instance.type);
    if (!schema || instance.mode !== 'managed' || !VALIDATED.has(instance.origin)) continue;
    const report = (attribute: string, value: string, rule: string, source: string): void => {
      out.push({ element: instance.address, attribute, value, rule, source, offset: instance.offset });
    };
    const typeRows = rows.filter((r) => r.type === instance.type);
    validateObject({ instance, schema, rows: typeRows, report }, schema.attributes, instance.values, '', undefined, undefined);
  }
  return out.sort(compareInvalidValues);
}

/** What one instance's validation carries. */
interface Context {
  readonly instance: TfInstance;
  readonly schema: ResourceSchema;
  readonly rows: readonly ValidationRow[];
  report(attribute: string, value: string, rule: string, source: string): void;
}

/** Validates one object: the instance when `block` is undefined, else one object of that nested block (of kind `blockKind`). */
function validateObject(ctx: Context, attributes: SchemaAttributes, values: { readonly [key: string]: ArgumentValue }, path: string,
  block: string | undefined, blockKind: AttributeKind | undefined): void {
  const { origin } = ctx.instance;
  const nested = block !== undefined;
  const expression = blockKind === AttributeKind.ATTRIBUTE_BLOCKS && origin === TfInstanceOrigin.CONFIGURATION;
  const view = viewOf(values, attributes, origin, nested);
  for (const [name, spec] of Object.entries(attributes)) {
    const raw = values[name];
    const reading = view.reading(name);
    if (expression && !(name in values)) {
      ctx.report(path + name, UNSET, `present in every ${block} object, null when unused (attributes as blocks are list-of-object expressions in JSON)`, TERRAFORM_CORE);
    } else if (spec.required && reading.state === 'unset') {
      ctx.report(path + name, UNSET, 'required (Missing required argument)', ctx.schema.source);
    }
    if (reading.state === 'wrong-type') ctx.report(path + name, jsonText(raw), reading.rule, reading.source);
    if (reading.state === 'list') {
      reading.elements.forEach((e, i) => {
        if (e.state === 'wrong-type') ctx.report(`${path}${name}[${i}]`, jsonText((raw as readonly ArgumentValue[])[i]), e.rule, e.source);
      });
    }
    if (reading.state === 'composite' && spec.nested) {
      const objects = Array.isArray(raw) ? raw : [raw];
      objects.forEach((o: ArgumentValue, i) => {
        if (!isObject(o)) return;
        const at = `${path}${name}[${i}].`;
        if (origin === TfInstanceOrigin.CONFIGURATION) {
          for (const key of Object.keys(o).filter((k) => !(k in spec.nested!))) {
            ctx.report(at + key, jsonText(o[key]), `an argument of ${name}: ${Object.keys(spec.nested!).join(', ')} (Unsupported argument)`, ctx.schema.source);
          }
        }
        validateObject(ctx, spec.nested!, o, at, name, spec.kind);
      });
    }
  }
  for (const row of ctx.rows.filter((r) => r.block === block)) {
    if (row.configurationOnly && origin !== TfInstanceOrigin.CONFIGURATION) continue;
    if (row.check.kind === 'value') checkValue(ctx, row, row.check, view, path);
    else {
      for (const v of row.check.violations(view)) {
        const raw = values[v.attribute];
        ctx.report(path + v.attribute, raw === undefined || raw === null ? UNSET : jsonText(raw), v.note ? `${row.rule} (${v.note})` : row.rule, row.source);
      }
    }
  }
}

/** Applies a value check to the attribute's known value, or to each known element of its list. */
function checkValue(ctx: Context, row: ValidationRow, check: ValueCheck, view: ObjectView, path: string): void {
  const reading = view.reading(row.attribute);
  const raw = view.raw(row.attribute);
  if (reading.state === 'known' && !check.accepts(reading.value)) ctx.report(path + row.attribute, jsonText(raw), row.rule, row.source);
  if (reading.state === 'list') {
    reading.elements.forEach((e, i) => {
      if (e.state === 'known' && !check.accepts(e.value)) ctx.report(`${path}${row.attribute}[${i}]`, jsonText((raw as readonly ArgumentValue[])[i]), row.rule, row.source);
    });
  }
}

/** The view of one object's values under its attributes' kinds. */
function viewOf(values: { readonly [key: string]: ArgumentValue }, attributes: SchemaAttributes, origin: TfInstanceOrigin, nested: boolean): ObjectView {
  const literalPresence = origin === TfInstanceOrigin.CONFIGURATION && !nested;
  const reading = (name: string): Reading => readAs(attributes[name]?.kind ?? AttributeKind.STRING, values[name]);
  return {
    origin,
    nested,
    raw: (name) => values[name],
    reading,
    isSet(name) {
      const raw = values[name];
      if (raw === undefined || raw === null) return false;
      if (literalPresence || isUnknown(raw)) return true;
      return raw !== '' && raw !== false && !(Array.isArray(raw) && raw.length === 0);
    },
    known(name) {
      const r = reading(name);
      return r.state === 'known' ? r.value : undefined;
    },
  };
}

/** One line per rule of a table, for the documentation: `- <type>.<attribute>: <rule> (<source>)`. */
export function ruleLines(schemas: readonly ResourceSchema[], rows: readonly ValidationRow[]): string[] {
  const lines: string[] = [];
  const walk = (type: string, source: string, attributes: SchemaAttributes, prefix: string): void => {
    for (const [name, spec] of Object.entries(attributes)) {
      if (spec.required) lines.push(`- ${type}.${prefix}${name}: required (Missing required argument) (${source})`);
      if (spec.kind === AttributeKind.ATTRIBUTE_BLOCKS) {
        lines.push(`- ${type}.${prefix}${name}.*: present in every ${name} object, null when unused (attributes as blocks are list-of-object expressions in JSON) [configuration only] (${TERRAFORM_CORE})`);
      }
      if (spec.nested) {
        lines.push(`- ${type}.${prefix}${name}.*: an argument of ${name}: ${Object.keys(spec.nested).join(', ')} (Unsupported argument) [configuration only] (${source})`);
        walk(type, source, spec.nested, `${prefix}${name}.`);
      }
    }
  };
  for (const s of schemas) {
    lines.push(`- ${s.type}.*: a value Terraform converts to the argument's type: a string, a whole number, a bool, a list of strings without null, a map of strings, objects (Incorrect attribute value type) (${CONVERSION_SOURCE}; ${SDK_SCHEMA_SOURCE})`);
    walk(s.type, s.source, s.attributes, '');
    for (const r of rows.filter((x) => x.type === s.type)) {
      lines.push(`- ${r.type}.${r.block ? `${r.block}.` : ''}${r.attribute}: ${r.rule}${r.configurationOnly ? ' [configuration only]' : ''} (${r.source})`);
    }
  }
  return lines;
}
