import * as ipaddr from 'ipaddr.js';
import type { Interval } from '../util/intervals';

/** An IPv4 block as an inclusive integer interval. */
export interface Ipv4Interval {
  /** First address, as an unsigned 32-bit integer. */
  readonly start: number;
  /** Last address, included. */
  readonly end: number;
}

/** Outcome of reading a CIDR: the canonical text, or why it is not one. */
export type CidrCheck =
  | { readonly ok: true; readonly cidr: string }
  | { readonly ok: false; readonly reason: 'malformed' | 'ipv6' }
  | { readonly ok: false; readonly reason: 'notNetwork'; readonly suggestion: string }
  | { readonly ok: false; readonly reason: 'noPrefix'; readonly suggestion: string };

/** Checks that `text` is a canonical IPv4 CIDR (`10.0.1.0/24`, not `10.0.1.7/24`). */
export function checkIpv4Cidr(text: string): CidrCheck {
  const t = text.trim();
  if (!t.includes('/')) {
    if (ipaddr.IPv4.isValidFourPartDecimal(t)) return { ok: false, reason: 'noPrefix', suggestion: `${t}/32` };
    return { ok: false, reason: ipaddr.IPv6.isValid(t) ? 'ipv6' : 'malformed' };
  }
  // Every part, not `split('/', 2)`: that silently drops a third part ("10.0.0.0/8/5").
  const parts = t.split('/');
  const [addr, prefixText] = parts;
  if (ipaddr.IPv6.isValid(addr) && !ipaddr.IPv4.isValid(addr)) return { ok: false, reason: 'ipv6' };
  if (parts.length !== 2 || !ipaddr.IPv4.isValidFourPartDecimal(addr) || !/^\d{1,2}$/.test(prefixText) || Number(prefixText) > 32) {
    return { ok: false, reason: 'malformed' };
  }
  const prefix = Number(prefixText);
  const start = toInt(addr);
  const network = networkOf(start, prefix);
  const canonical = `${fromInt(network)}/${prefix}`;
  if (network !== start) return { ok: false, reason: 'notNetwork', suggestion: canonical };
  return { ok: true, cidr: canonical };
}

/** The address interval of a canonical IPv4 CIDR. */
export function cidrInterval(cidr: string): Ipv4Interval {
  const [addr, prefixText] = cidr.split('/', 2);
  const prefix = Number(prefixText);
  const start = networkOf(toInt(addr), prefix);
  return { start, end: start + 2 ** (32 - prefix) - 1 };
}

/** The address interval of a canonical IPv4 CIDR, in the `{ lo, hi }` form interval sets use. */
export function cidrSpan(cidr: string): Interval {
  const i = cidrInterval(cidr);
  return { lo: i.start, hi: i.end };
}

/** Number of addresses of a canonical IPv4 CIDR. */
export function cidrSize(cidr: string): number {
  const i = cidrInterval(cidr);
  return i.end - i.start + 1;
}

/** True when `inner` lies wholly in `outer`. */
export function cidrContains(outer: string, inner: string): boolean {
  const o = cidrInterval(outer);
  const i = cidrInterval(inner);
  return i.start >= o.start && i.end <= o.end;
}

/** True when some block of `a` shares an address with some block of `b`. */
export function cidrsOverlap(a: readonly string[], b: readonly string[]): boolean {
  return a.some((x) => b.some((y) => {
    const i = cidrInterval(x);
    const j = cidrInterval(y);
    return i.start <= j.end && j.start <= i.end;
  }));
}

/** Orders CIDRs by first address, then by size (larger first). */
export function compareCidrs(a: string, b: string): number {
  const x = cidrInterval(a);
  const y = cidrInterval(b);
  return x.start - y.start || y.end - x.end;
}

/**
 * The fewest CIDRs covering exactly the union of `cidrs`: contained blocks dropped, adjacent
 * blocks that align merged (`10.0.0.0/25` + `10.0.0.128/25` = `10.0.0.0/24`). Never widens.
 */
export function aggregateCidrs(cidrs: readonly string[]): string[] {
  const intervals = cidrs.map(cidrInterval).sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: { start: number; end: number }[] = [];
  for (const i of intervals) {
    const last = merged[merged.length - 1];
    if (last && i.start <= last.end + 1) last.end = Math.max(last.end, i.end);
    else merged.push({ ...i });
  }
  return merged.flatMap((m) => intervalToCidrs(m.start, m.end));
}

/** Splits an address interval into the fewest aligned CIDR blocks, in address order. */
export function intervalToCidrs(start: number, end: number): string[] {
  const out: string[] = [];
  let cur = start;
  while (cur <= end) {
    let size = cur === 0 ? 2 ** 32 : lowestBit(cur);
    while (cur + size - 1 > end) size /= 2;
    out.push(`${fromInt(cur)}/${32 - Math.log2(size)}`);
    cur += size;
  }
  return out;
}

/** Dotted-quad text of an unsigned 32-bit address. */
export function fromInt(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

/** Unsigned 32-bit value of a dotted-quad address. */
export function toInt(addr: string): number {
  return ipaddr.IPv4.parse(addr).octets.reduce((n, o) => n * 256 + o, 0);
}

function networkOf(addr: number, prefix: number): number {
  const size = 2 ** (32 - prefix);
  return Math.floor(addr / size) * size;
}

function lowestBit(n: number): number {
  let size = 1;
  while (n % (size * 2) === 0 && size < 2 ** 32) size *= 2;
  return size;
}
