import { PLATFORM_INPUTS } from '../platforms/registry';
import { isObject } from '../util/json';

/** The key of the library's entry in the `//` metadata block of a synthesized stack. */
export const RECORD_KEY = 'adcs-firewall';

/** One estate as a synthesized stack records it: where its construct is and the spec it was made from. */
export interface EstateRecord {
  /** Construct path of the AdcsEnrollmentSecurity (`pki-weu/adcs`). */
  readonly path: string;
  /** The spec document (or props) it was made from, tokens as the references Terraform sees (`${azurerm_subnet.ca.id}`). */
  readonly spec: Readonly<Record<string, unknown>>;
}

/**
 * The `//` metadata entry that records an estate with its stack, so `check` of the synthesized
 * stack needs no spec: `{ "adcs-firewall": { "estates": { "<construct path>": { "spec": ... } } } }`.
 * Entries of several estates of one stack merge (CDKTF deep-merges every element's metadata).
 */
export function estateRecordMetadata(path: string, spec: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const { $schema: _schema, ...rest } = spec as Record<string, unknown>;
  return { [RECORD_KEY]: { estates: { [path]: { spec: canonical(providerNamesOnly(rest)) } } } };
}

/**
 * The spec with its named provider configurations (`azure.providers`) reduced to their names:
 * what decides where each rule lands is the alias, and a configuration's settings (subscription,
 * role to assume) are the caller's, which a construct's stack holds in its own provider. So the
 * CLI and the constructs record the same estate.
 */
function providerNamesOnly(spec: Record<string, unknown>): Record<string, unknown> {
  let out = spec;
  for (const input of PLATFORM_INPUTS) {
    const [block, key] = input.providersKey.split('.');
    const settings = out[block];
    if (!isObject(settings) || !isObject(settings[key])) continue;
    out = { ...out, [block]: { ...settings, [key]: Object.fromEntries(Object.keys(settings[key]).map((alias) => [alias, {}])) } };
  }
  return out;
}

/**
 * A spec document in one canonical form, so the record (and the stack's bytes) never follows
 * the order the spec was written in: every list of a spec is a set (CIDRs, subnets, instances,
 * ports, custom flows, acknowledgements), so lists are sorted by their elements' canonical JSON;
 * undefined members are dropped; keys are sorted (frameworks keep insertion order).
 */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(canonical).map((v) => ({ v, k: JSON.stringify(sortedKeys(v)) })).sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0)).map((x) => x.v);
  }
  if (isObject(value)) return Object.fromEntries(Object.keys(value).sort().filter((k) => value[k] !== undefined).map((k) => [k, canonical(value[k])]));
  return value;
}

/** A copy with object keys in sorted order (for comparing canonical JSON). */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (isObject(value)) return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortedKeys(value[k])]));
  return value;
}

/** The estates a synthesized stack (cdk.tf.json) records, in construct-path order; empty when it records none. */
export function estateRecords(stack: unknown): EstateRecord[] {
  const meta = isObject(stack) && isObject(stack['//']) && isObject(stack['//'].metadata) ? stack['//'].metadata : undefined;
  const estates = meta && isObject(meta[RECORD_KEY]) && isObject(meta[RECORD_KEY].estates) ? meta[RECORD_KEY].estates : {};
  return Object.keys(estates).sort().flatMap((path) => {
    const entry = estates[path];
    return isObject(entry) && isObject(entry.spec) ? [{ path, spec: entry.spec }] : [];
  });
}
