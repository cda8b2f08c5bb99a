// Spreads: every number of the bench is reported as the min, median and max over its rounds.
import { median } from './measure';

/** Min, median and max of a set of values. */
export interface Spread {
  /** Smallest value. */
  readonly min: number;
  /** Median value. */
  readonly median: number;
  /** Largest value. */
  readonly max: number;
}

/** The spread of some values (at least one). */
export function spreadOf(values: readonly number[]): Spread {
  if (values.length === 0) throw new Error('spreadOf: no values');
  return { min: Math.min(...values), median: median(values), max: Math.max(...values) };
}
