import { differenceOf, intersectionOf, Interval } from '../util/intervals';

export { Interval };

/** A set of (source address, destination address, destination port) triples: a product of intervals. */
export interface Box {
  /** Source addresses. */
  readonly src: Interval;
  /** Destination addresses. */
  readonly dst: Interval;
  /** Destination ports. */
  readonly port: Interval;
}

function meet(a: Interval, b: Interval): Interval | undefined {
  const lo = Math.max(a.lo, b.lo);
  const hi = Math.min(a.hi, b.hi);
  return lo <= hi ? { lo, hi } : undefined;
}

/** The common part of two boxes, if any. */
export function intersectBox(a: Box, b: Box): Box | undefined {
  const src = meet(a.src, b.src);
  const dst = src && meet(a.dst, b.dst);
  const port = dst && meet(a.port, b.port);
  return src && dst && port ? { src, dst, port } : undefined;
}

/** `a` minus `b`, as at most six disjoint boxes. */
export function subtractBox(a: Box, b: Box): Box[] {
  const i = intersectBox(a, b);
  if (!i) return [a];
  const out: Box[] = [];
  // Peel off the parts of `a` outside `i`, one axis at a time.
  if (a.src.lo < i.src.lo) out.push({ ...a, src: { lo: a.src.lo, hi: i.src.lo - 1 } });
  if (a.src.hi > i.src.hi) out.push({ ...a, src: { lo: i.src.hi + 1, hi: a.src.hi } });
  const s = i.src;
  if (a.dst.lo < i.dst.lo) out.push({ src: s, dst: { lo: a.dst.lo, hi: i.dst.lo - 1 }, port: a.port });
  if (a.dst.hi > i.dst.hi) out.push({ src: s, dst: { lo: i.dst.hi + 1, hi: a.dst.hi }, port: a.port });
  const d = i.dst;
  if (a.port.lo < i.port.lo) out.push({ src: s, dst: d, port: { lo: a.port.lo, hi: i.port.lo - 1 } });
  if (a.port.hi > i.port.hi) out.push({ src: s, dst: d, port: { lo: i.port.hi + 1, hi: a.port.hi } });
  return out;
}

/** Every box of the product of three interval lists. */
export function product(src: readonly Interval[], dst: readonly Interval[], ports: readonly Interval[]): Box[] {
  const out: Box[] = [];
  for (const s of src) for (const d of dst) for (const port of ports) out.push({ src: s, dst: d, port });
  return out;
}

/**
 * One elementary segment of a sweep along one axis: the items of each side that cover all of it
 * (over a segment, every item covers all of it or none of it).
 */
interface Segment<T> { readonly at: Interval; readonly a: readonly T[]; readonly b: readonly T[] }

/**
 * Sweeps `a` and `b` along one axis (`axis` gives each item's interval): calls `visit` for every
 * elementary segment that some item of `a` covers, in order. Sorting plus the active lists:
 * O((n + m) log(n + m) + segments × active), near-linear when few items overlap one segment.
 */
function sweep<T>(a: readonly T[], b: readonly T[], axis: (x: T) => Interval, visit: (s: Segment<T>) => void): void {
  if (a.length === 0) return;
  const points = new Set<number>();
  for (const x of a) { const i = axis(x); points.add(i.lo); points.add(i.hi + 1); }
  for (const x of b) { const i = axis(x); points.add(i.lo); points.add(i.hi + 1); }
  const cuts = [...points].sort((p, q) => p - q);
  const byLo = (xs: readonly T[]): T[] => [...xs].sort((p, q) => axis(p).lo - axis(q).lo);
  const sa = byLo(a);
  const sb = byLo(b);
  let ia = 0;
  let ib = 0;
  let activeA: T[] = [];
  let activeB: T[] = [];
  let endA = Infinity;
  let endB = Infinity;
  const minHi = (xs: readonly T[]): number => xs.reduce((m, x) => Math.min(m, axis(x).hi), Infinity);
  for (let k = 0; k + 1 < cuts.length; k++) {
    const lo = cuts[k];
    const hi = cuts[k + 1] - 1;
    // Drop what ended before this segment (only when something did), then add what starts here.
    if (endA < lo) { activeA = activeA.filter((x) => axis(x).hi >= lo); endA = minHi(activeA); }
    if (endB < lo) { activeB = activeB.filter((x) => axis(x).hi >= lo); endB = minHi(activeB); }
    while (ia < sa.length && axis(sa[ia]).lo <= lo) { endA = Math.min(endA, axis(sa[ia]).hi); activeA.push(sa[ia++]); }
    while (ib < sb.length && axis(sb[ib]).lo <= lo) { endB = Math.min(endB, axis(sb[ib]).hi); activeB.push(sb[ib++]); }
    if (activeA.length === 0) {
      if (ia >= sa.length) return;
      continue;
    }
    visit({ at: { lo, hi }, a: activeA, b: activeB });
  }
}

/** A canonical 2-D set: sorted, disjoint destination strips, each with its normalized port intervals. */
type Strips = { dst: Interval; ports: Interval[] }[];

const samePorts = (x: readonly Interval[], y: readonly Interval[]): boolean =>
  x.length === y.length && x.every((v, i) => v.lo === y[i].lo && v.hi === y[i].hi);

/** (destination, port) of `a` and of `b` combined: their intersection (`and`) or `a` minus `b` (`minus`). */
function combine2d(a: readonly Box[], b: readonly Box[], op: 'and' | 'minus'): Strips {
  const out: Strips = [];
  sweep(a, b, (x) => x.dst, (s) => {
    const pa = s.a.map((x) => x.port);
    const pb = s.b.map((x) => x.port);
    const ports = op === 'and' ? intersectionOf(pa, pb) : differenceOf(pa, pb);
    if (ports.length === 0) return;
    const last = out[out.length - 1];
    if (last && last.dst.hi + 1 === s.at.lo && samePorts(last.ports, ports)) last.dst = { lo: last.dst.lo, hi: s.at.hi };
    else out.push({ dst: s.at, ports });
  });
  return out;
}

const sameStrips = (x: Strips, y: Strips): boolean =>
  x.length === y.length && x.every((v, i) => v.dst.lo === y[i].dst.lo && v.dst.hi === y[i].dst.hi && samePorts(v.ports, y[i].ports));

/**
 * `a` and `b` combined (`and`: their intersection, `minus`: `a` without `b`) as disjoint boxes,
 * by a sweep along the source axis, then the destination axis, then port interval algebra.
 * Consecutive source segments with the same (destination, port) set are merged, so the result
 * stays as small as its content: the cost grows near-linearly with the boxes, never with their
 * pairwise products (the old box-by-box subtraction fragmented quadratically).
 */
function combine(a: readonly Box[], b: readonly Box[], op: 'and' | 'minus'): Box[] {
  return combineBoth(a, b, op === 'and', op === 'minus')[op === 'and' ? 0 : 1];
}

/** `[a ∩ b, a − b]` in one sweep (each only when asked for; the other is then empty). */
function combineBoth(a: readonly Box[], b: readonly Box[], wantAnd: boolean, wantMinus: boolean): [Box[], Box[]] {
  type Run = { src: Interval; strips: Strips };
  const runs: [Run[], Run[]] = [[], []];
  // Source segments (one per client range, say) mostly repeat the same (destination, port) content.
  const memo = new Map<string, [Strips, Strips]>();
  const key = (xs: readonly Box[]): string => xs.map((x) => `${x.dst.lo} ${x.dst.hi} ${x.port.lo} ${x.port.hi}`).sort().join(',');
  const add = (list: Run[], at: Interval, strips: Strips): void => {
    if (strips.length === 0) return;
    const last = list[list.length - 1];
    if (last && last.src.hi + 1 === at.lo && sameStrips(last.strips, strips)) last.src = { lo: last.src.lo, hi: at.hi };
    else list.push({ src: at, strips });
  };
  sweep(a, b, (x) => x.src, (s) => {
    const k = `${key(s.a)}|${key(s.b)}`;
    let both = memo.get(k);
    if (!both) {
      both = [wantAnd && s.b.length > 0 ? combine2d(s.a, s.b, 'and') : [], wantMinus ? combine2d(s.a, s.b, 'minus') : []];
      memo.set(k, both);
    }
    add(runs[0], s.at, both[0]);
    add(runs[1], s.at, both[1]);
  });
  const boxes = (rs: Run[]): Box[] => {
    const out: Box[] = [];
    for (const r of rs) for (const st of r.strips) for (const port of st.ports) out.push({ src: r.src, dst: st.dst, port });
    return out;
  };
  return [boxes(runs[0]), boxes(runs[1])];
}

/** Splits `boxes` by `cut`: the parts inside it and the parts outside it (both disjoint). */
export function splitBoxes(boxes: readonly Box[], cut: readonly Box[]): { inside: Box[]; outside: Box[] } {
  const [inside, outside] = combineBoth(boxes, cut, true, true);
  return { inside, outside };
}

/** The parts of `boxes` outside `cut`, as disjoint boxes. */
export function subtractRegions(boxes: readonly Box[], cut: readonly Box[]): Box[] {
  return combine(boxes, cut, 'minus');
}

/** The union of boxes, as disjoint boxes. */
export function unionBoxes(boxes: readonly Box[]): Box[] {
  return combine(boxes, [], 'minus');
}

/** The parts two box sets share, as disjoint boxes. */
export function intersectRegions(a: readonly Box[], b: readonly Box[]): Box[] {
  return combine(a, b, 'and');
}

/**
 * A box set indexed for many "does this set meet it?" questions (one per allow rule, say):
 * sorted by source start with a running maximum of source ends, so a question reads only the
 * boxes whose sources can overlap its own. Exact; near-logarithmic when the sources are
 * disjoint, as the region algebra's results are.
 */
export function regionIndex(region: readonly Box[]): (boxes: readonly Box[]) => boolean {
  const sorted = [...region].sort((a, b) => a.src.lo - b.src.lo);
  const maxHi: number[] = [];
  sorted.forEach((x, i) => { maxHi[i] = Math.max(i > 0 ? maxHi[i - 1] : -Infinity, x.src.hi); });
  const meets = (b: Box): boolean => {
    // The last box starting at or before b's source end; walk back while an earlier one may still reach b.
    let lo = 0;
    let hi = sorted.length - 1;
    let last = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].src.lo <= b.src.hi) { last = mid; lo = mid + 1; } else hi = mid - 1;
    }
    for (let i = last; i >= 0 && maxHi[i] >= b.src.lo; i--) if (intersectBox(sorted[i], b)) return true;
    return false;
  };
  return (boxes) => boxes.some(meets);
}

/** True when the two box sets share at least one (source, destination, port). */
export function regionsMeet(a: readonly Box[], b: readonly Box[]): boolean {
  return combine(a, b, 'and').length > 0;
}

/**
 * What two ends of a question both allow. An end that enforces nothing allows all of the
 * question's (source, destination) space, which already bounds the other end's region.
 */
export function bothEnds(inbound: { enforced: boolean; region: readonly Box[] }, outbound: { enforced: boolean; region: readonly Box[] }): Box[] {
  if (!outbound.enforced) return [...inbound.region];
  if (!inbound.enforced) return [...outbound.region];
  return intersectRegions(inbound.region, outbound.region);
}

