import { readFileSync } from 'node:fs';
import type { Finding } from '../findings/finding';
import type { FindingPlaces, SourceLocation } from '../findings/report';
import { specPositions } from '../input/spec-positions';
import { RECORD_KEY } from '../spec/estate-record';
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
  let planIndex: Map<string, TextPosition> | undefined;
  /** Where each instance of the plan is written, by address (and by address without its index). */
  const planAt = (): Map<string, TextPosition> => {
    if (planIndex) return planIndex;
    planIndex = new Map();
    const lines = plan ? lineStarts(plan.text) : [];
    for (const i of plan?.document.instances ?? []) {
      if (i.offset < 0) continue;
      const p = positionAt(lines, i.offset);
      if (!planIndex.has(i.address)) planIndex.set(i.address, p);
      const bare = i.address.replace(/\[[^\]]*\]$/, '');
      if (!planIndex.has(bare)) planIndex.set(bare, p);
    }
    return planIndex;
  };
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
      const p = planAt().get(address);
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

/** The offset of each line's first character. */
function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) out.push(i + 1);
  return out;
}

/** The 1-based line and column of an offset, and the offset. */
function positionAt(lines: readonly number[], offset: number): TextPosition {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid] <= offset) lo = mid; else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - lines[lo] + 1, offset };
}
