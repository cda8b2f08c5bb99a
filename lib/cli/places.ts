import { readFileSync } from 'node:fs';
import type { Finding } from '../findings/finding';
import type { FindingPlaces, SourceLocation } from '../findings/report';
import { specPositions } from '../input/spec-positions';
import { RECORD_KEY } from '../spec/estate-record';
import { resourcePointers } from '../terraform/resource-pointers';
import { jsonPositions, TextPosition } from '../util/json-positions';
import type { PlanFile } from './plan-file';

/** Where the estate of a check comes from: a spec file, or the record in the plan (its construct path). */
export type EstateSource = { readonly specFile: string } | { readonly recordPath: string; readonly recordFile: PlanFile };

const escape = (k: string): string => k.replace(/~/g, '~0').replace(/\//g, '~1');

/** A key path (`tiers.ca.cidrs[0]`) as JSON pointer segments. */
function pointerOf(keyPath: string): string {
  return [...keyPath.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => `/${escape(m[2] ?? m[1])}`).join('');
}

/**
 * Where findings point: a resource's line in the plan file (with the character offset: `terraform
 * show -json` is one line), and the spec key of its tier (in the spec file, or in the estate's
 * record inside the plan) as a related location, or as the place itself when the finding names no
 * resource the plan has. Positions are computed on first use.
 */
export function placesOf(plan: PlanFile | undefined, estate: EstateSource | undefined): (f: Finding) => FindingPlaces {
  let planIndex: { positions: Map<string, TextPosition>; pointers: Map<string, string> } | undefined;
  const planAt = (): { positions: Map<string, TextPosition>; pointers: Map<string, string> } =>
    (planIndex ??= { positions: plan ? jsonPositions(plan.text) : new Map(), pointers: plan ? resourcePointers(plan.doc) : new Map() });
  let specAt: ((keyPath: string) => TextPosition | undefined) | undefined;
  let recordAt: Map<string, TextPosition> | undefined;
  const specKey = (keyPath: string): SourceLocation | undefined => {
    if (estate === undefined) return undefined;
    if ('specFile' in estate) {
      if (!specAt) {
        let text = '';
        try { text = readFileSync(estate.specFile, 'utf8'); } catch { /* read before: a position is only a convenience */ }
        specAt = specPositions(text);
      }
      const p = specAt(keyPath);
      return p && { file: estate.specFile, ...p, label: `spec key ${keyPath}` };
    }
    recordAt ??= jsonPositions(estate.recordFile.text);
    const base = `/${escape('//')}/metadata/${escape(RECORD_KEY)}/estates/${escape(estate.recordPath)}/spec`;
    // The deepest part of the path the record holds.
    let pointer = `${base}${pointerOf(keyPath)}`;
    while (pointer.length > base.length && !recordAt.has(pointer)) pointer = pointer.slice(0, pointer.lastIndexOf('/'));
    const p = recordAt.get(pointer);
    return p && { file: estate.recordFile.file, ...p, label: `estate ${estate.recordPath}, spec key ${keyPath}` };
  };
  return (f) => {
    const related: SourceLocation[] = [];
    let primary: SourceLocation | undefined;
    for (const address of f.resources ?? []) {
      const pointer = planAt().pointers.get(address);
      const p = pointer === undefined ? undefined : planAt().positions.get(pointer);
      if (plan && p) {
        if (!primary) primary = { file: plan.file, ...p, label: `resource ${address}` };
        else related.push({ file: plan.file, ...p, label: `resource ${address}` });
      }
    }
    const key = f.specPath ?? (f.tier ? `tiers.${f.tier}` : undefined);
    const spec = key === undefined ? undefined : specKey(key);
    if (spec) {
      if (!primary) primary = spec;
      else related.push(spec);
    }
    return { primary, related };
  };
}
