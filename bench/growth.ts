// How a cost grows with estate size: a least-squares line, the marginal cost of each step and
// an exponent from the two largest sizes (1 = linear, 2 = quadratic).

/** One measured size. */
export interface GrowthPoint {
  /** Estate size (client CIDRs, sites). */
  readonly size: number;
  /** Cost at that size (ms). */
  readonly value: number;
}

/** How a cost grows over a series of sizes. */
export interface Growth {
  /** Cost per unit of size of the least-squares line. */
  readonly slope: number;
  /** Cost at size 0 of that line. */
  readonly intercept: number;
  /** Coefficient of determination of the line (1 = exactly linear). */
  readonly r2: number;
  /** Cost per unit of size between each size and the next. */
  readonly marginal: readonly number[];
  /** log(cost ratio) / log(size ratio) between the two largest sizes: at most ~1 when growth is no worse than linear. */
  readonly exponent: number;
}

/** Fits the points (at least two sizes, sorted or not). */
export function growthOf(points: readonly GrowthPoint[]): Growth {
  const p = [...points].sort((a, b) => a.size - b.size);
  const n = p.length;
  const mx = p.reduce((s, q) => s + q.size, 0) / n;
  const my = p.reduce((s, q) => s + q.value, 0) / n;
  const sxx = p.reduce((s, q) => s + (q.size - mx) ** 2, 0);
  const sxy = p.reduce((s, q) => s + (q.size - mx) * (q.value - my), 0);
  const syy = p.reduce((s, q) => s + (q.value - my) ** 2, 0);
  const slope = sxx === 0 ? 0 : sxy / sxx;
  const intercept = my - slope * mx;
  const r2 = syy === 0 ? 1 : (sxy * sxy) / (sxx * syy);
  const marginal = p.slice(1).map((q, i) => (q.value - p[i].value) / (q.size - p[i].size));
  const [a, b] = [p[n - 2], p[n - 1]];
  const exponent = Math.log(b.value / a.value) / Math.log(b.size / a.size);
  return { slope, intercept, r2, marginal, exponent };
}
