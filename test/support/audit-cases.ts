import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const CORPUS = path.resolve(__dirname, '../../../test/audit/corpus');

/** One case of the audit corpus (test/audit/corpus/README.md). */
export interface AuditCase {
  readonly id: string;
  readonly class: string;
  readonly title: string;
  readonly spec: { readonly platform: string; readonly [key: string]: unknown };
  readonly exports: Readonly<Record<string, unknown>>;
  readonly expect: { readonly exit: number; readonly because: readonly string[]; readonly names: readonly string[] };
  readonly grounds: string;
}

/** The case files of the corpus, sorted. */
export function auditCaseFiles(): string[] {
  return readdirSync(CORPUS).filter((f: string) => f.endsWith('.json') && f !== 'index.json').sort();
}

/** A case of the corpus by id (`az-faithful-list`) or file name. */
export function auditCase(id: string): AuditCase {
  return JSON.parse(readFileSync(path.join(CORPUS, id.endsWith('.json') ? id : `${id}.json`), 'utf8')) as AuditCase;
}

/** A value with every object's keys sorted, as `az -o json` prints (knack: `sort_keys=True`). */
function sorted(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sorted);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted((v as Record<string, unknown>)[k])]));
}

/** An export's file text as the platform's CLI writes it (az: keys sorted, indent 2; aws: member order, indent 4; a string: a file that is not JSON). */
export function printedExport(platform: string, value: unknown): string {
  if (typeof value === 'string') return value;
  return `${platform === 'azure' ? JSON.stringify(sorted(value), null, 2) : JSON.stringify(value, null, 4)}\n`;
}

/** Writes a case's spec and exports into a fresh folder; `--spec` and `--export` arguments for audit or explain. */
export function writeAuditCase(c: AuditCase, parent = tmpdir()): { spec: string; exports: string[] } {
  const dir = mkdtempSync(path.join(parent, `adcs-${c.id}-`));
  const spec = path.join(dir, 'spec.json');
  writeFileSync(spec, JSON.stringify(c.spec, null, 2));
  const exports = Object.entries(c.exports).flatMap(([name, value]) => {
    writeFileSync(path.join(dir, name), printedExport(c.spec.platform, value));
    return ['--export', path.join(dir, name)];
  });
  return { spec, exports };
}
