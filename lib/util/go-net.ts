/**
 * IP addresses and CIDR blocks read as Go's `net.ParseCIDR` reads them (Go 1.22 and later:
 * `net/netip.ParseAddr` for the address, `dtoi` for the prefix length). Providers written in Go
 * validate with it (`validation.IsCIDR`, the AWS provider's `verify.ValidateIPv4CIDRBlock`), so
 * a checker that judges their values must accept exactly what it accepts: dotted IPv4 without
 * leading zeros, IPv6 with at most one `::` that stands for at least one group, no zone, a
 * decimal prefix length up to the address's bit length.
 */

/** An address as Go parses it. */
export interface GoAddress {
  /** 4 for an IPv4 address, 6 for IPv6. */
  readonly family: 4 | 6;
  /** The address bytes: 4 for IPv4, 16 for IPv6. */
  readonly bytes: readonly number[];
  /** True for an IPv6 text that ends in dotted IPv4 (`::ffff:10.0.0.1`), which Go may treat as IPv4. */
  readonly embeddedIpv4: boolean;
}

/** A CIDR block as Go parses it. */
export interface GoCidr extends GoAddress {
  /** The prefix length. */
  readonly prefix: number;
}

/** Go's `netip.ParseAddr` without zones: the address, or undefined when Go rejects the text. */
export function parseGoAddress(text: string): GoAddress | undefined {
  for (const c of text) {
    if (c === '.') {
      const bytes = parseIpv4(text);
      return bytes && { family: 4, bytes, embeddedIpv4: false };
    }
    if (c === ':') return parseIpv6(text);
    if (c === '%') return undefined;
  }
  return undefined;
}

/** Go's `net.ParseCIDR`: the block, or undefined when Go rejects the text. */
export function parseGoCidr(text: string): GoCidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const address = parseGoAddress(text.slice(0, slash));
  const digits = text.slice(slash + 1);
  if (!address || !/^[0-9]+$/.test(digits) || digits.length > 8) return undefined;
  const prefix = Number(digits);
  return prefix <= address.bytes.length * 8 ? { ...address, prefix } : undefined;
}

/** True when a bit after the prefix is set: `10.0.0.5/8` is not a network address. */
export function hasHostBits(cidr: GoCidr): boolean {
  return cidr.bytes.some((byte, i) => {
    const kept = Math.min(8, Math.max(0, cidr.prefix - i * 8));
    return (byte & (0xff >> kept)) !== 0;
  });
}

/** The network address of a block, as text (`10.0.0.5/8` → `10.0.0.0/8`); IPv6 in Go's canonical form. */
export function networkText(cidr: GoCidr): string {
  const masked = cidr.bytes.map((byte, i) => byte & ((0xff << (8 - Math.min(8, Math.max(0, cidr.prefix - i * 8)))) & 0xff));
  return `${cidr.family === 4 ? masked.join('.') : ipv6Text(masked)}/${cidr.prefix}`;
}

/** Dotted decimal, four fields of 0-255, no leading zeros (Go 1.17+). */
function parseIpv4(text: string): number[] | undefined {
  const fields = text.split('.');
  if (fields.length !== 4) return undefined;
  const out: number[] = [];
  for (const f of fields) {
    if (!/^[0-9]{1,3}$/.test(f) || (f.length > 1 && f[0] === '0') || Number(f) > 255) return undefined;
    out.push(Number(f));
  }
  return out;
}

/** Hex groups of 1-4 digits, one `::` at most (standing for one group or more), an optional dotted IPv4 tail. */
function parseIpv6(text: string): GoAddress | undefined {
  if (text.includes('%')) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groupsOf = (half: string): string[] => (half === '' ? [] : half.split(':'));
  const head = groupsOf(halves[0]);
  const tail = halves.length === 2 ? groupsOf(halves[1]) : [];
  const all = [...head, ...tail];
  const last = all[all.length - 1];
  const embeddedIpv4 = last !== undefined && last.includes('.');
  const v4 = embeddedIpv4 ? parseIpv4(last) : undefined;
  if (embeddedIpv4 && !v4) return undefined;
  const hexGroups = embeddedIpv4 ? all.slice(0, -1) : all;
  if (!hexGroups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  const given = hexGroups.length + (embeddedIpv4 ? 2 : 0);
  if (halves.length === 2 ? given > 7 : given !== 8) return undefined;
  const words = hexGroups.map((g) => parseInt(g, 16));
  if (v4) words.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
  const headWords = embeddedIpv4 && tail.length === 0 ? words.length : head.length;
  const filled = [...words.slice(0, headWords), ...Array<number>(8 - words.length).fill(0), ...words.slice(headWords)];
  return { family: 6, bytes: filled.flatMap((w) => [w >> 8, w & 0xff]), embeddedIpv4 };
}

/** RFC 5952 text of 16 bytes, as Go writes it (longest run of two or more zero groups as `::`). */
function ipv6Text(bytes: readonly number[]): string {
  const words = Array.from({ length: 8 }, (_, i) => (bytes[2 * i] << 8) | bytes[2 * i + 1]);
  let best = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLength) [best, bestLength] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  const hex = (ws: number[]): string => ws.map((w) => w.toString(16)).join(':');
  return best < 0 ? hex(words) : `${hex(words.slice(0, best))}::${hex(words.slice(best + bestLength))}`;
}
