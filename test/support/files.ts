import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Writes a spec (as JSON) and a plan to a fresh temp folder; returns their paths for the CLI. */
export function specAndPlanFiles(spec: unknown, plan: unknown): { spec: string; plan: string } {
  const dir = mkdtempSync(join(tmpdir(), 'adcs-check-'));
  writeFileSync(join(dir, 'spec.json'), JSON.stringify(spec));
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
  return { spec: join(dir, 'spec.json'), plan: join(dir, 'plan.json') };
}
