import { Marks, MARKS_KEY } from './protocol';

/** Records a named value, printed by the exit report of this process. */
export function mark(name: string, value: number | string): void {
  const g = globalThis as { [MARKS_KEY]?: Marks };
  g[MARKS_KEY] = { ...g[MARKS_KEY], [name]: value };
}

/** Milliseconds elapsed since `start` (a `process.hrtime.bigint()` reading). */
export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}
