import { TfDocument, TfInstance } from './document';
import { ArgumentValue, readTemplate, TfReference, TfUnknown } from './values';

/**
 * The instances of a document by address, and what references among them resolve to: the
 * platform readers' common lookups. A reference resolves to a literal only through an
 * attribute the document states literally (one hop, then the next, at most a few); anything
 * else stays unknown, never guessed.
 */
export class InstanceIndex {
  private readonly byAddress = new Map<string, TfInstance>();

  constructor(public readonly doc: TfDocument) {
    for (const i of doc.instances) this.byAddress.set(i.address, i);
  }

  /** The instance at an address (`azurerm_network_security_group.ca`, `data.x.y`, `module.m.x.y[0]`). */
  public at(address: string): TfInstance | undefined {
    return this.byAddress.get(address);
  }

  /** The instance a reference points into, and the attribute it reads. */
  public target(ref: TfReference, from?: TfInstance): { readonly instance: TfInstance; readonly attribute: string } | undefined {
    const parts = ref.parts();
    if (!parts) return undefined;
    // In a module's configuration, references are relative to the module.
    const prefix = from && from.module !== '' && !parts.address.startsWith('module.') ? `${from.module}.` : '';
    const instance = this.at(`${prefix}${parts.address}`) ?? this.at(parts.address);
    return instance ? { instance, attribute: parts.attribute } : undefined;
  }

  /**
   * A value as a literal string: a string, or a reference to an attribute some instance states
   * literally (followed up to four hops); undefined when it cannot be known.
   */
  public literal(value: ArgumentValue | undefined, from?: TfInstance, hops = 4): string | undefined {
    if (typeof value === 'string') return value;
    if (typeof value === 'number') return String(value);
    if (!(value instanceof TfReference) || hops === 0) return undefined;
    const t = this.target(value, from);
    if (!t) return undefined;
    return this.literal(t.instance.values[t.attribute], t.instance, hops - 1);
  }
}

/** A spec value that may be a Terraform expression (`${data.azurerm_network_security_group.dc.name}`) as an argument value. */
export function specValue(text: string): ArgumentValue {
  const read = readTemplate(text);
  if ('literal' in read) return read.literal;
  if ('reference' in read) return new TfReference(read.reference);
  return new TfUnknown(`the expression ${JSON.stringify(text)}`);
}

/** Every reference a value holds, however deep. */
export function referencesIn(value: ArgumentValue | undefined, out: TfReference[] = []): TfReference[] {
  if (value instanceof TfReference) out.push(value);
  else if (Array.isArray(value)) for (const v of value) referencesIn(v, out);
  else if (value !== null && typeof value === 'object' && !(value instanceof TfUnknown)) for (const v of Object.values(value)) referencesIn(v, out);
  return out;
}

/** Every literal string a value holds, however deep (map keys too). */
export function stringsIn(value: ArgumentValue | undefined, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (value instanceof TfUnknown) out.push(value.why);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value !== null && typeof value === 'object' && !(value instanceof TfReference)) {
    for (const [k, v] of Object.entries(value)) { out.push(k); stringsIn(v, out); }
  }
  return out;
}
