import { differenceOf, intersectionOf, Interval } from '../util/intervals';
import { Protocol, TrafficProtocol } from './protocol';

/** Lowest and highest port numbers. */
export const MIN_PORT = 0;
export const MAX_PORT = 65535;

/**
 * A contiguous range of ports of one protocol, for example TCP 49152-65535.
 *
 * Immutable; build it with the static factories (`PortRange.tcp(135)`).
 */
export class PortRange {
  /** One TCP port. */
  public static tcp(port: number): PortRange {
    return new PortRange(Protocol.TCP, port, port);
  }

  /** A range of TCP ports, both ends included. */
  public static tcpRange(from: number, to: number): PortRange {
    return new PortRange(Protocol.TCP, from, to);
  }

  /** One UDP port. */
  public static udp(port: number): PortRange {
    return new PortRange(Protocol.UDP, port, port);
  }

  /** A range of UDP ports, both ends included. */
  public static udpRange(from: number, to: number): PortRange {
    return new PortRange(Protocol.UDP, from, to);
  }

  /** A range of `protocol` ports, both ends included. */
  public static of(protocol: TrafficProtocol, from: number, to: number = from): PortRange {
    return new PortRange(protocol, from, to);
  }

  /**
   * Parses `"N"` or `"N-M"`; returns undefined when the text is not of that form or out of
   * 0-65535 or reversed (callers own the error message).
   */
  public static parse(protocol: TrafficProtocol, text: string): PortRange | undefined {
    const m = /^\s*(\d{1,5})\s*(?:-\s*(\d{1,5})\s*)?$/.exec(text);
    if (!m) return undefined;
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from > MAX_PORT || to > MAX_PORT || from > to) return undefined;
    return new PortRange(protocol, from, to);
  }

  private constructor(
    /** The protocol of every port in the range (on the `other` question, the port axis holds IP protocol numbers). */
    public readonly protocol: TrafficProtocol,
    /** First port, included. */
    public readonly from: number,
    /** Last port, included. */
    public readonly to: number,
  ) {
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < MIN_PORT || to > MAX_PORT || from > to) {
      throw new RangeError(`invalid port range ${from}-${to}: ports are integers in ${MIN_PORT}-${MAX_PORT}, low end first`);
    }
  }

  /** Number of ports in the range. */
  public get size(): number {
    return this.to - this.from + 1;
  }

  /** True when `port` lies in the range. */
  public contains(port: number): boolean {
    return port >= this.from && port <= this.to;
  }

  /** True when every port of `other` (same protocol) lies in this range. */
  public covers(other: PortRange): boolean {
    return other.protocol === this.protocol && other.from >= this.from && other.to <= this.to;
  }

  /** True when the two ranges share at least one port of the same protocol. */
  public overlaps(other: PortRange): boolean {
    return other.protocol === this.protocol && other.from <= this.to && other.to >= this.from;
  }

  /** `"88"` for one port, `"49152-65535"` for a range (no protocol). */
  public toString(): string {
    return this.from === this.to ? `${this.from}` : `${this.from}-${this.to}`;
  }

  /** `"TCP 135"`, `"UDP 88"`: for messages and tables. */
  public toLabel(): string {
    return `${this.protocol.toUpperCase()} ${this.toString()}`;
  }

  /** Value equality. */
  public equals(other: PortRange): boolean {
    return this.protocol === other.protocol && this.from === other.from && this.to === other.to;
  }

  /** Orders by protocol, then low port, then high port. */
  public static compare(a: PortRange, b: PortRange): number {
    if (a.protocol !== b.protocol) return a.protocol < b.protocol ? -1 : 1;
    return a.from - b.from || a.to - b.to;
  }
}

/**
 * Sorts ranges and coalesces those that overlap or touch (same protocol only). The result
 * covers exactly the same ports: merging `88` and `89` gives `88-89`, never more.
 */
export function normalizePortRanges(ranges: readonly PortRange[]): PortRange[] {
  const sorted = [...ranges].sort(PortRange.compare);
  const out: PortRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && last.protocol === r.protocol && r.from <= last.to + 1) {
      if (r.to > last.to) out[out.length - 1] = PortRange.of(r.protocol, last.from, r.to);
    } else {
      out.push(r);
    }
  }
  return out;
}

/** Total number of ports in normalized ranges. */
export function countPorts(ranges: readonly PortRange[]): number {
  return normalizePortRanges(ranges).reduce((n, r) => n + r.size, 0);
}

const toIntervals = (rs: readonly PortRange[]): Interval[] => rs.map((r) => ({ lo: r.from, hi: r.to }));
const toRanges = (protocol: TrafficProtocol, xs: readonly Interval[]): PortRange[] => xs.map((x) => PortRange.of(protocol, x.lo, x.hi));

/** Ports of `a` not in `b` (one protocol, that of `a`), normalized. */
export function differencePorts(a: readonly PortRange[], b: readonly PortRange[]): PortRange[] {
  return a.length === 0 ? [] : toRanges(a[0].protocol, differenceOf(toIntervals(a), toIntervals(b)));
}

/** Intersection of two port lists of one protocol, normalized. */
export function intersectPorts(a: readonly PortRange[], b: readonly PortRange[]): PortRange[] {
  return a.length === 0 ? [] : toRanges(a[0].protocol, intersectionOf(toIntervals(a), toIntervals(b.filter((r) => r.protocol === a[0].protocol))));
}
