/**
 * Building blocks of the spec's JSON Schema (draft-07), shared by the estate's part and the
 * platforms' parts. Patterns match literal values; a Terraform expression (`${...}`, a construct
 * token resolved) is accepted wherever the value names a resource of the user's. Range order
 * (low end first) and host bits are checked by the validation, not the schema.
 */

/** A non-empty string. */
export const str = (description: string): object => ({ type: 'string', minLength: 1, description });

/** A string matching `p`. */
export const pattern = (p: string, description: string, examples?: string[]): object =>
  ({ type: 'string', pattern: p, description, ...(examples ? { examples } : {}) });

/** A boolean. */
export const bool = (description: string): object => ({ type: 'boolean', description });

const OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9][0-9]|[0-9])';
/** Canonical IPv4 CIDR notation (surrounding spaces allowed, as the validation trims them). */
export const CIDR = `^\\s*${OCTET}(?:\\.${OCTET}){3}/(?:3[0-2]|[12][0-9]|0?[0-9])\\s*$`;
/** 1-65535 (leading zeros allowed, as the validation reads numbers). */
export const PORT = '0*(?:6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[1-9][0-9]{0,3})';
/** 1024-65535. */
export const HIGH_PORT = '0*(?:6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[2-9][0-9]{3}|1[1-9][0-9]{2}|10[3-9][0-9]|102[4-9])';

/** `"N-M"` with both ends matching `n`. */
export const rangeOf = (n: string): string => `^\\s*${n}\\s*-\\s*${n}\\s*$`;

/** A range string `"N-M"` of `n` (ports in 1024-65535 unless told). */
export const range = (description: string, n: string = HIGH_PORT): object =>
  ({ type: 'string', pattern: rangeOf(n), description, examples: ['5000-5200'] });

/** A Terraform expression somewhere in the value. */
const EXPRESSION = '[\\s\\S]*\\$\\{[\\s\\S]*\\}[\\s\\S]*';

/** The literal pattern `literal`, or a Terraform expression. */
export const orExpression = (literal: string): string => `^(?:${literal}|${EXPRESSION})$`;

/** A provider configuration's alias: a Terraform name. */
export const PROVIDER_ALIAS = '[A-Za-z_][A-Za-z0-9_-]*';

/** Tags on created resources. */
export const tags = { type: 'object', additionalProperties: { type: 'string' }, description: 'Tags on created resources.' };

/** `keys` are all present (each declared, as ajv's strict mode asks). */
export const has = (...keys: string[]): Record<string, unknown> =>
  ({ type: 'object', required: keys, properties: Object.fromEntries(keys.map((k) => [k, true])) });

/** `key` is present with the value `value`. */
export const is = (key: string, value: unknown): Record<string, unknown> =>
  ({ type: 'object', required: [key], properties: { [key]: { const: value } } });
