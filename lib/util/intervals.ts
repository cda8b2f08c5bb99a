/** An inclusive interval of integers (ports, or IPv4 addresses as unsigned integers). */
export interface Interval {
  /** First value, included. */
  readonly lo: number;
  /** Last value, included. */
  readonly hi: number;
}

/** The union of `xs` as sorted, disjoint, non-touching intervals (`1-2` and `3-4` become `1-4`). */
export function unionOf(xs: readonly Interval[]): Interval[] {
  const sorted = [...xs].sort((a, b) => a.lo - b.lo || a.hi - b.hi);
  const out: { lo: number; hi: number }[] = [];
  for (const x of sorted) {
    const last = out[out.length - 1];
    if (last && x.lo <= last.hi + 1) last.hi = Math.max(last.hi, x.hi);
    else out.push({ lo: x.lo, hi: x.hi });
  }
  return out;
}

/** Values in both `a` and `b`, normalized. */
export function intersectionOf(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const x = unionOf(a);
  const y = unionOf(b);
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const lo = Math.max(x[i].lo, y[j].lo);
    const hi = Math.min(x[i].hi, y[j].hi);
    if (lo <= hi) out.push({ lo, hi });
    if (x[i].hi < y[j].hi) i++;
    else j++;
  }
  return out;
}

/** Values of `a` not in `b`, normalized. */
export function differenceOf(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  const y = unionOf(b);
  for (const x of unionOf(a)) {
    let lo = x.lo;
    for (const cut of y) {
      if (cut.hi < lo || cut.lo > x.hi) continue;
      if (cut.lo > lo) out.push({ lo, hi: cut.lo - 1 });
      lo = cut.hi + 1;
      if (lo > x.hi) break;
    }
    if (lo <= x.hi) out.push({ lo, hi: x.hi });
  }
  return out;
}

/** True when every value of `inner` lies in `outer`. */
export function coversAll(outer: readonly Interval[], inner: readonly Interval[]): boolean {
  return differenceOf(inner, outer).length === 0;
}

/** True when `a` and `b` share at least one value. */
export function overlapsAny(a: readonly Interval[], b: readonly Interval[]): boolean {
  return intersectionOf(a, b).length > 0;
}

/** True when `a` and `b` hold exactly the same values. */
export function sameValues(a: readonly Interval[], b: readonly Interval[]): boolean {
  const x = unionOf(a);
  const y = unionOf(b);
  return x.length === y.length && x.every((v, i) => v.lo === y[i].lo && v.hi === y[i].hi);
}

/**
 * Cuts `[min, max]` at every end of `xs` into elementary segments: over one segment, each
 * interval of `xs` covers all of it or none of it. At most 2·|xs| + 1 segments.
 */
export function elementarySegments(xs: readonly Interval[], min: number, max: number): Interval[] {
  const cuts = new Set<number>([min, max + 1]);
  for (const x of xs) {
    if (x.lo > min && x.lo <= max) cuts.add(x.lo);
    if (x.hi + 1 > min && x.hi + 1 <= max) cuts.add(x.hi + 1);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Interval[] = [];
  for (let i = 0; i + 1 < points.length; i++) out.push({ lo: points[i], hi: points[i + 1] - 1 });
  return out;
}

/**
 * Over the elementary segments of `[min, max]` cut by the items' `ports`: those some item covers
 * (`any`), and of them those where the items covering it pass `covers` (`all`), in order.
 */
export function segmentsCovered<T extends { readonly ports: Interval }>(items: readonly T[], min: number, max: number,
  covers: (active: readonly T[]) => boolean): { any: Interval[]; all: Interval[] } {
  const any: Interval[] = [];
  const all: Interval[] = [];
  for (const seg of elementarySegments(items.map((x) => x.ports), min, max)) {
    const active = items.filter((x) => x.ports.lo <= seg.lo && x.ports.hi >= seg.hi);
    if (active.length === 0) continue;
    any.push(seg);
    if (covers(active)) all.push(seg);
  }
  return { any, all };
}
