/**
 * ARM resource ids as `az` prints them: `/subscriptions/<id>/resourceGroups/<rg>/providers/
 * Microsoft.Network/<type>/<name>[/<child type>/<child name>]`. ARM compares ids without regard
 * to case, and references often carry another case than the resource's own `id` (a NIC
 * reference with an upper-case resource group), so every comparison goes through `idKey`.
 */

/** An ARM id's parts. */
export interface ArmId {
  /** The id as written. */
  readonly text: string;
  readonly subscription: string;
  readonly resourceGroup: string;
  /** The name of the resource the id ends with. */
  readonly name: string;
  /** `type/name` pairs after the provider namespace, lower case types (`networksecuritygroups`, `securityrules`). */
  readonly types: readonly string[];
  /** The names along `types`. */
  readonly names: readonly string[];
}

/** An id's comparison key: lower case, no trailing slash. */
export function idKey(id: string): string {
  return id.trim().replace(/\/+$/, '').toLowerCase();
}

/** Parses an ARM id; undefined when it is not one. */
export function armId(text: unknown): ArmId | undefined {
  if (typeof text !== 'string') return undefined;
  const parts = text.trim().replace(/^\/+|\/+$/g, '').split('/');
  if (parts.length < 6 || parts[0].toLowerCase() !== 'subscriptions' || parts[2].toLowerCase() !== 'resourcegroups' || parts[4].toLowerCase() !== 'providers') return undefined;
  const rest = parts.slice(6);
  if (rest.length < 2 || rest.length % 2 !== 0) return undefined;
  const types: string[] = [];
  const names: string[] = [];
  for (let i = 0; i < rest.length; i += 2) { types.push(rest[i].toLowerCase()); names.push(rest[i + 1]); }
  return { text, subscription: parts[1], resourceGroup: parts[3], name: names[names.length - 1], types, names };
}

/** The id of the resource an id's child belongs to (a subnet's virtual network, an ip configuration's NIC). */
export function parentId(id: string): string {
  return id.replace(/\/+$/, '').split('/').slice(0, -2).join('/');
}

/** The `id` of an `{ "id": ... }` reference, when the value is one. */
export function refId(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const id = (value as { id?: unknown }).id;
  return typeof id === 'string' && id.length > 0 ? id : undefined;
}

/** The ids of a list of references (absent, `null` and `[]` alike: none). */
export function refIds(value: unknown): string[] {
  return Array.isArray(value) ? value.map(refId).filter((x): x is string => x !== undefined) : [];
}

/** A string list (absent, `null` and `[]` alike: none; a lone string: one). */
export function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return value === '' ? [] : [value];
  return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string' && x !== '') : [];
}
