// Reading synthesized stacks (`cdk.tf.json`): resource and rule counts, and a fingerprint that
// compares two stacks' content whatever their construct ids.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BenchPlatform } from './estates';

/** A synthesized Terraform JSON document. */
export type TfJson = Record<string, unknown>;

/** Resource types that are firewall rules, per platform. */
export const RULE_TYPES: Readonly<Record<BenchPlatform, readonly string[]>> = {
  azure: ['azurerm_network_security_rule'],
  aws: ['aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule', 'aws_security_group_rule'],
};

/** Reads `<outdir>/stacks/<stack>/cdk.tf.json`. */
export function readStack(outdir: string, stack: string): TfJson {
  return JSON.parse(readFileSync(join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8')) as TfJson;
}

/** Stack names listed in `<outdir>/manifest.json`. */
export function manifestStacks(outdir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8')) as { stacks?: Record<string, unknown> };
  return Object.keys(manifest.stacks ?? {}).sort();
}

/** Number of resources of each type. */
export function resourceCounts(doc: TfJson): Record<string, number> {
  const resources = (doc.resource ?? {}) as Record<string, Record<string, unknown>>;
  return Object.fromEntries(Object.entries(resources).map(([type, byId]) => [type, Object.keys(byId).length]));
}

/** Total resources and firewall rules of a stack. */
export function countStack(doc: TfJson, platform: BenchPlatform): { resources: number; rules: number } {
  const counts = resourceCounts(doc);
  const sum = (types: readonly string[]): number => types.reduce((n, t) => n + (counts[t] ?? 0), 0);
  return { resources: sum(Object.keys(counts)), rules: sum(RULE_TYPES[platform]) };
}

/** A value with `//` metadata dropped, object keys sorted, and `${type.id.attr}` references made id-free. */
function normalize(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/\$\{([A-Za-z0-9_]+)\.[^.}]+\.([A-Za-z0-9_]+)\}/g, '${$1.*.$2}');
  if (Array.isArray(value)) return value.map(normalize);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value)
      .filter(([k]) => k !== '//')
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => [k, normalize(v)]));
  }
  return value;
}

/** The content of a stack whatever its construct ids: per section and type, the sorted normalized bodies. */
export function fingerprint(doc: TfJson): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const section = (name: string, byId: Record<string, unknown>): void => {
    out[name] = Object.values(byId).map((v) => JSON.stringify(normalize(v))).sort();
  };
  for (const [type, byId] of Object.entries((doc.resource ?? {}) as Record<string, Record<string, unknown>>)) section(`resource.${type}`, byId);
  section('output', (doc.output ?? {}) as Record<string, unknown>);
  for (const [type, blocks] of Object.entries((doc.provider ?? {}) as Record<string, unknown>)) section(`provider.${type}`, { blocks });
  section('backend', ((doc.terraform ?? {}) as { backend?: Record<string, unknown> }).backend ?? {});
  return out;
}

/** Where two fingerprints differ (empty when the stacks declare the same content). */
export function fingerprintDiff(a: Record<string, string[]>, b: Record<string, string[]>): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const out: string[] = [];
  for (const k of keys) {
    const x = a[k] ?? [];
    const y = b[k] ?? [];
    if (x.length !== y.length) out.push(`${k}: ${x.length} vs ${y.length}`);
    else if (x.some((v, i) => v !== y[i])) out.push(`${k}: ${x.filter((v, i) => v !== y[i]).length} bodies differ, e.g. ${x.find((v, i) => v !== y[i])!.slice(0, 200)}`);
  }
  return out;
}
