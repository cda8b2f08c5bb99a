import { Interval, unionOf } from './intervals';

/**
 * Addresses that every rule treats alike. An NSG's first-match evaluation of a question with a
 * thousand client ranges does the same work a thousand times when the rules see those ranges
 * the same way (each rule holds all of a range or none of it). Splitting the question's
 * addresses at every rule's boundaries and grouping the pieces by the rules that hold them
 * gives a few classes: evaluating one representative per class, then copying its result to
 * the other members, gives the same boxes for a fraction of the work.
 */

/** One class: a representative piece and every piece of the class (the representative first). */
export interface AddressClass {
  readonly representative: Interval;
  readonly members: readonly Interval[];
}

/** The question's addresses split by the rules' address sets, grouped by which sets hold each piece. */
export function addressClasses(axis: readonly Interval[], sets: readonly (readonly Interval[])[]): AddressClass[] {
  const pieces = unionOf(axis);
  if (pieces.length === 0) return [];
  // Every boundary of a set that falls inside the question's addresses.
  const cuts: number[] = [];
  for (const set of sets) for (const i of set) { cuts.push(i.lo, i.hi + 1); }
  cuts.sort((a, b) => a - b);
  const segments: Interval[] = [];
  let c = 0;
  for (const p of pieces) {
    let lo = p.lo;
    while (c < cuts.length && cuts[c] <= lo) c++;
    let k = c;
    while (k < cuts.length && cuts[k] <= p.hi) {
      if (cuts[k] > lo) { segments.push({ lo, hi: cuts[k] - 1 }); lo = cuts[k]; }
      k++;
    }
    segments.push({ lo, hi: p.hi });
  }
  // Which sets hold each segment (each segment lies wholly inside or outside every set interval).
  const holders: number[][] = segments.map(() => []);
  sets.forEach((set, n) => {
    for (const i of set) {
      let a = 0;
      let b = segments.length;
      while (a < b) { const m = (a + b) >> 1; if (segments[m].hi < i.lo) a = m + 1; else b = m; }
      for (let s = a; s < segments.length && segments[s].lo <= i.hi; s++) {
        const h = holders[s];
        if (h[h.length - 1] !== n) h.push(n);
      }
    }
  });
  const byKey = new Map<string, Interval[]>();
  segments.forEach((s, n) => {
    const key = holders[n].join(',');
    const list = byKey.get(key);
    if (list) list.push(s); else byKey.set(key, [s]);
  });
  return [...byKey.values()].map((members) => ({ representative: members[0], members }));
}
