import { PortRange, normalizePortRanges } from '../model/port-range';
import { Protocol } from '../model/protocol';
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

/** Splits `boxes` by `cut`: the parts inside it and the parts outside it (both disjoint). */
export function splitBoxes(boxes: readonly Box[], cut: readonly Box[]): { inside: Box[]; outside: Box[] } {
  const inside: Box[] = [];
  let outside = [...boxes];
  for (const c of cut) {
    const next: Box[] = [];
    for (const b of outside) {
      const i = intersectBox(b, c);
      if (i) {
        inside.push(i);
        next.push(...subtractBox(b, c));
      } else {
        next.push(b);
      }
    }
    outside = next;
  }
  return { inside, outside };
}

/** The ports (of one protocol) that boxes touch: their projection on the port axis. */
export function portsOf(boxes: readonly Box[], protocol: Protocol): PortRange[] {
  return normalizePortRanges(boxes.map((b) => PortRange.of(protocol, b.port.lo, b.port.hi)));
}

/** Ports of `all` that no box of `boxes` touches. */
export function portsMinus(all: readonly PortRange[], boxes: readonly Box[]): PortRange[] {
  return differencePorts(all, boxes.map((b) => PortRange.of(all[0]?.protocol ?? Protocol.TCP, b.port.lo, b.port.hi)));
}

const toIntervals = (rs: readonly PortRange[]): Interval[] => rs.map((r) => ({ lo: r.from, hi: r.to }));
const toRanges = (protocol: Protocol, xs: readonly Interval[]): PortRange[] => xs.map((x) => PortRange.of(protocol, x.lo, x.hi));

/** Ports of `a` not in `b` (one protocol, that of `a`), normalized. */
export function differencePorts(a: readonly PortRange[], b: readonly PortRange[]): PortRange[] {
  return a.length === 0 ? [] : toRanges(a[0].protocol, differenceOf(toIntervals(a), toIntervals(b)));
}

/** Intersection of two port lists of one protocol, normalized. */
export function intersectPorts(a: readonly PortRange[], b: readonly PortRange[]): PortRange[] {
  return a.length === 0 ? [] : toRanges(a[0].protocol, intersectionOf(toIntervals(a), toIntervals(b.filter((r) => r.protocol === a[0].protocol))));
}

/** The parts two box sets share (pairwise intersections; disjoint when each set is). */
export function intersectRegions(a: readonly Box[], b: readonly Box[]): Box[] {
  const out: Box[] = [];
  for (const x of a) for (const y of b) { const i = intersectBox(x, y); if (i) out.push(i); }
  return out;
}

/** True when the two box sets share at least one (source, destination, port). */
export function regionsMeet(a: readonly Box[], b: readonly Box[]): boolean {
  return a.some((x) => b.some((y) => intersectBox(x, y) !== undefined));
}
