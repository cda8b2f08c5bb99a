/** One argument as the frameworks' HCL renderer takes it. */
export interface HclAttribute {
  /** The value. */
  readonly value: unknown;
  /** True for a nested block (a list of objects, like azurerm's `features`). */
  readonly isBlock: boolean;
  /** `simple`, `list` or `map`. */
  readonly type: string;
  /** The value's storage class (`string`, `number`, `stringList`, `stringMap`, or a block's). */
  readonly storageClassType: string;
}

/**
 * The library's resource and provider arguments (strings, numbers, string lists, string maps,
 * lists of blocks) in the shape generated provider bindings give the HCL renderer, so
 * `hclOutput` apps render them as the bindings would (arguments in sorted order, as theirs are).
 */
export function hclAttributes(args: Readonly<Record<string, unknown>>): Record<string, HclAttribute> {
  const out: Record<string, HclAttribute> = {};
  for (const [k, v] of Object.entries(args).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (v === undefined) continue;
    if (Array.isArray(v)) {
      const blocks = v.length > 0 && v.every((x) => x !== null && typeof x === 'object');
      out[k] = blocks ? { value: v, isBlock: true, type: 'list', storageClassType: `${k}List` } : { value: v, isBlock: false, type: 'list', storageClassType: 'stringList' };
    } else if (v !== null && typeof v === 'object') {
      out[k] = { value: v, isBlock: false, type: 'map', storageClassType: 'stringMap' };
    } else {
      out[k] = { value: v, isBlock: false, type: 'simple', storageClassType: typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : 'string' };
    }
  }
  return out;
}
