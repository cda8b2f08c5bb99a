import { hasHostBits, parseGoCidr } from '../util/go-net';
import type { ObjectCheck, ValueCheck, Violation } from './validation-engine';
import { goLength, type Scalar } from './validation-values';

/**
 * The checks the platforms' validation tables are written with: the SDKv2 and framework
 * validators the providers use (`StringInSlice`, `IntBetween`, `StringLenBetween`, `IsCIDR`,
 * `ExactlyOneOf`, `ConflictsWith`, ...) as data a row can hold. Value checks see a value
 * already converted to the attribute's kind; a value of another JavaScript type is refused.
 */

/** `validation.StringInSlice(values, false)`: one of `values`, case-sensitive. */
export function oneOf(values: readonly string[]): ValueCheck {
  return { kind: 'value', accepts: (v) => typeof v === 'string' && values.includes(v) };
}

/** `validation.IntBetween(min, max)` (and framework `int64validator.Between`): inclusive. */
export function between(min: number, max: number): ValueCheck {
  return { kind: 'value', accepts: (v) => typeof v === 'number' && v >= min && v <= max };
}

/** `validation.IntAtLeast(min)`. */
export function atLeast(min: number): ValueCheck {
  return { kind: 'value', accepts: (v) => typeof v === 'number' && v >= min };
}

/** `validation.StringLenBetween(min, max)`: Go's `len`, UTF-8 bytes. */
export function lengthBetween(min: number, max: number): ValueCheck {
  return { kind: 'value', accepts: (v) => typeof v === 'string' && goLength(v) >= min && goLength(v) <= max };
}

/** `validation.StringDoesNotContainAny(chars)`. */
export function notContainingAny(chars: string): ValueCheck {
  return { kind: 'value', accepts: (v) => typeof v === 'string' && ![...chars].some((c) => v.includes(c)) };
}

/** `validation.StringMatch(pattern)`: the value matches. */
export function matching(pattern: RegExp): ValueCheck {
  return { kind: 'value', accepts: (v) => typeof v === 'string' && pattern.test(v) };
}

/** `validation.StringDoesNotMatch(pattern)`: the value does not match. */
export function notMatching(pattern: RegExp): ValueCheck {
  return { kind: 'value', accepts: (v) => typeof v === 'string' && !pattern.test(v) };
}

/** `validation.NoZeroValues` / `StringIsNotEmpty` on a string: not `""`. */
export const notEmpty: ValueCheck = { kind: 'value', accepts: (v) => v !== '' };

/** `validation.IsCIDR`: Go's `net.ParseCIDR` accepts it (host bits allowed). */
export const cidr: ValueCheck = { kind: 'value', accepts: (v) => typeof v === 'string' && parseGoCidr(v) !== undefined };

/**
 * The AWS provider's `verify.ValidateIPv4CIDRBlock` (`ValidIPv4CIDRNetworkAddress`, framework
 * `IPv4CIDRNetworkAddress`): parses, is IPv4, and is its own network (no host bits). An IPv6
 * text with dotted IPv4 inside is not judged (Go may read it as either family).
 */
export const ipv4NetworkAddress: ValueCheck = { kind: 'value', accepts: (v) => networkAddressOf(v, 4) };

/** The AWS provider's `verify.ValidateIPv6CIDRBlock`: parses, is IPv6, and has no host bits. */
export const ipv6NetworkAddress: ValueCheck = { kind: 'value', accepts: (v) => networkAddressOf(v, 6) };

function networkAddressOf(v: Scalar, family: 4 | 6): boolean {
  if (typeof v !== 'string') return false;
  const block = parseGoCidr(v);
  if (block?.embeddedIpv4) return true;
  return block !== undefined && block.family === family && !hasHostBits(block);
}

/** SDKv2 `ExactlyOneOf` / framework `resourcevalidator.ExactlyOneOf`: exactly one of `names` is set. */
export function exactlyOneOf(names: readonly string[]): ObjectCheck {
  return {
    kind: 'object',
    violations(o) {
      const set = names.filter((n) => o.isSet(n));
      if (set.length === 0) return [{ attribute: names[0], note: 'none is set' }];
      return set.slice(1).map((n): Violation => ({ attribute: n, note: `${set[0]} is also set` }));
    },
  };
}

/** SDKv2 `AtLeastOneOf`: one of `names` at least is set. */
export function atLeastOneOf(names: readonly string[]): ObjectCheck {
  return { kind: 'object', violations: (o) => (names.some((n) => o.isSet(n)) ? [] : [{ attribute: names[0], note: 'none is set' }]) };
}

/** SDKv2 `ConflictsWith` between two attributes (or an apply-time "only one of"): reported on `b` when both are set. */
export function conflicting(a: string, b: string): ObjectCheck {
  return { kind: 'object', violations: (o) => (o.isSet(a) && o.isSet(b) ? [{ attribute: b, note: `${a} is also set` }] : []) };
}

/** SDKv2 `MaxItems`: a known list of at most `max` elements. */
export function maxItems(name: string, max: number): ObjectCheck {
  return {
    kind: 'object',
    violations(o) {
      const r = o.reading(name);
      return r.state === 'list' && r.elements.length > max ? [{ attribute: name, note: `${r.elements.length} given` }] : [];
    },
  };
}

/** The entries of attribute `name` when it is a map whose value is known; undefined otherwise (nothing to check). */
function mapEntries(o: Parameters<ObjectCheck['violations']>[0], name: string): [string, unknown][] | undefined {
  const r = o.reading(name);
  if (r.state !== 'composite' || r.raw === null || typeof r.raw !== 'object' || Array.isArray(r.raw)) return undefined;
  return Object.entries(r.raw as { readonly [k: string]: unknown });
}

/** A map whose keys contain none of `chars` (a cloud API's rule on tag names). */
export function mapKeysWithout(name: string, chars: string): ObjectCheck {
  return {
    kind: 'object',
    violations(o) {
      const entries = mapEntries(o, name);
      if (!entries) return [];
      const bad = entries.map(([k]) => k).filter((k) => [...chars].some((c) => k.includes(c)));
      return bad.length > 0 ? [{ attribute: name, note: `key${bad.length > 1 ? 's' : ''} ${bad.map((k) => JSON.stringify(k)).join(', ')}` }] : [];
    },
  };
}

/** A map (tags) within limits: at most `count` entries, keys of at most `keyLength` bytes, values of at most `valueLength`. */
export function mapWithin(name: string, count: number, keyLength: number, valueLength: number): ObjectCheck {
  return {
    kind: 'object',
    violations(o) {
      const entries = mapEntries(o, name);
      if (!entries) return [];
      const notes: string[] = [];
      if (entries.length > count) notes.push(`${entries.length} entries`);
      for (const [k, v] of entries) {
        if (goLength(k) > keyLength) notes.push(`key ${JSON.stringify(k)} is ${goLength(k)} bytes`);
        if ((typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') && goLength(String(v)) > valueLength) {
          notes.push(`the value of ${JSON.stringify(k)} is ${goLength(String(v))} bytes`);
        }
      }
      return notes.length > 0 ? [{ attribute: name, note: notes.join('; ') }] : [];
    },
  };
}
