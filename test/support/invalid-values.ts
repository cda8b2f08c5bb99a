import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InvalidValue } from '../../lib/platforms/validation';

/** The repository root (this file runs as dist/test/support/invalid-values.js). */
const ROOT = join(__dirname, '..', '..', '..');

/** An invalid value as one line to pin in a test: `element attribute = value: rule`. */
export function lineOf(v: InvalidValue): string {
  return `${v.element} ${v.attribute} = ${v.value}: ${v.rule}`;
}

/** The Terraform JSON files the library writes for `platform` (`azure`, `aws`): its golden and the upgrade baselines, by path. */
export function libraryOutputs(platform: 'azure' | 'aws'): Map<string, unknown> {
  const goldens = join(ROOT, 'test', 'platforms', platform, 'golden');
  const files = [
    ...readdirSync(goldens).filter((f) => f.endsWith('.tf.json')).map((f) => join(goldens, f)),
    ...['baseline-0.1', 'baseline-0.2'].flatMap((b) => {
      const dir = join(ROOT, 'test', 'upgrade', b);
      return readdirSync(dir).filter((f) => f.startsWith(`${platform}-`) && f.endsWith('.tf.json')).map((f) => join(dir, f));
    }),
  ];
  return new Map(files.map((f) => [f.slice(ROOT.length + 1), JSON.parse(readFileSync(f, 'utf8'))]));
}
