import { awsEvaluator } from './evaluate';
import { EndDecision } from '../../../../lib/platforms/evaluator';
import { cidrInterval } from '../../../../lib/model/cidr';
import { PortRange } from '../../../../lib/model/port-range';
import { Protocol } from '../../../../lib/model/protocol';
import { TierKey } from '../../../../lib/model/tiers';
import { EstateProps, TierProps } from '../../../../lib/input/props';
import { resolveSpec } from '../../../../lib/spec';
import { mergeIntervals, oracleFlows, OracleSpec } from '../../../support/oracle';

type Iv = [number, number];
const ALL: Iv[] = [[0, 65535]];
/** Outside addresses (no tier of the test estates overlaps them). */
export const OUTSIDE = ['192.0.2.0/24', '10.255.255.0/24'];

/**
 * What AWS must allow for an estate, written from adcs-flows.md and the brief, not from lib/aws:
 * the flows come from the independent oracle of the catalogue; a tier's group is
 * `created:<tier>` or `sg:<id>` as the props say; a rule's peer matches a tier when it is the
 * same tier, the same group, or (peer without a group) a tier whose CIDRs overlap.
 */
export class AwsExpectation {
  /** Oracle flows: `id|from|to|protocol` → intervals. */
  public readonly flows: Map<string, Iv[]>;
  private readonly tiers: Record<string, TierProps>;

  constructor(private readonly props: EstateProps) {
    // ICMP flows have no ports; along the evaluator's port axis (the ICMP type) they are all of it.
    this.flows = new Map([...oracleFlows(props as unknown as OracleSpec)].map(([k, v]) => [k, k.endsWith('|icmp') ? ALL : v]));
    this.tiers = props.tiers as unknown as Record<string, TierProps>;
  }

  /** Present tier keys. */
  public keys(): TierKey[] {
    return Object.keys(this.tiers).filter((k) => this.tiers[k] !== undefined) as TierKey[];
  }

  /** The tier's group, or undefined. */
  public group(t: string): string | undefined {
    const p = this.tiers[t];
    return p?.createSecurityGroup ? `created:${t}` : p?.securityGroupId ? `sg:${p.securityGroupId}` : undefined;
  }

  /** Inbound at `to`'s group from `from` (ALL when `to` has no group). */
  public inbound(from: string, to: string, protocol: string): Iv[] {
    if (!this.group(to)) return ALL;
    return this.union((f, t) => this.onGroupOf(t, to) && this.peerMatches(f, from), protocol);
  }

  /** Outbound at `from`'s group toward `to` (ALL when `from` has no group, or allow-all egress on a created group). */
  public outbound(from: string, to: string, protocol: string): Iv[] {
    if (!this.group(from)) return ALL;
    if (this.props.aws?.allowAllEgress && this.tiers[from].createSecurityGroup) return ALL;
    return this.union((f, t) => this.onGroupOf(f, from) && this.peerMatches(t, to), protocol);
  }

  /** Flow ports of one direction of a pair, united. */
  private union(match: (from: string, to: string) => boolean, protocol: string): Iv[] {
    const out: Iv[] = [];
    for (const [key, ivs] of this.flows) {
      const [, f, t, p] = key.split('|');
      if (p === protocol && match(f, t)) out.push(...ivs);
    }
    return mergeIntervals(out);
  }

  private onGroupOf(flowEnd: string, tier: string): boolean {
    return flowEnd === tier || (this.group(flowEnd) !== undefined && this.group(flowEnd) === this.group(tier));
  }

  private peerMatches(flowEnd: string, tier: string): boolean {
    if (this.onGroupOf(flowEnd, tier)) return true;
    if (this.group(flowEnd) !== undefined) return false;
    return this.tiers[flowEnd].cidrs.some((a) => this.tiers[tier].cidrs.some((b) => {
      const x = cidrInterval(a);
      const y = cidrInterval(b);
      return x.start <= y.end && y.start <= x.end;
    }));
  }
}

const text = (ivs: readonly Iv[]): string => mergeIntervals(ivs).map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(',') || 'nothing';
const ivs = (rs: readonly PortRange[]): Iv[] => rs.map((r) => [r.from, r.to]);
const has = (xs: readonly Iv[], port: number): boolean => xs.some(([a, b]) => a <= port && port <= b);
const intersect = (x: Iv[], y: Iv[]): Iv[] => mergeIntervals(x.flatMap(([a, b]) => y.map(([c, d]): Iv => [Math.max(a, c), Math.min(b, d)]).filter(([lo, hi]) => lo <= hi)));

/**
 * Audits a synthesized plan of `props` with the AWS evaluator; returns every discrepancy (empty
 * when the plan is right): unresolved items; a flow not allowed at every port of every range
 * (ends and just-outside ports spot-checked); for every ordered pair of tiers and each
 * protocol (TCP, UDP, ICMP), inbound and outbound at the groups the library writes to not exactly the flows'
 * ports (for every address and for any address); anything from or to outside addresses.
 */
export function auditAws(json: unknown, props: EstateProps): string[] {
  const spec = resolveSpec(props, 'test');
  const ev = awsEvaluator(json, spec);
  const x = new AwsExpectation(props);
  const out: string[] = ev.unresolved.map((u) => `unresolved: ${u}`);
  const endCheck = (what: string, d: EndDecision, enforced: boolean, expected: Iv[]): void => {
    if (d.enforced !== enforced) out.push(`${what}: enforced ${d.enforced}, expected ${enforced}`);
    for (const [label, got] of [['allowed', d.allowed], ['anyAllowed', d.anyAllowed]] as const) {
      if (text(ivs(got)) !== text(expected)) out.push(`${what} ${label}: ${text(ivs(got))}, expected ${text(expected)}`);
    }
  };
  for (const [key, ranges] of x.flows) {
    const [id, from, to, protocol] = key.split('|');
    const r = ev.reach({ tier: from as TierKey }, to as TierKey, protocol as Protocol);
    const got = ivs(r.allowed);
    const pair = intersect(x.inbound(from, to, protocol), x.outbound(from, to, protocol));
    for (const [a, b] of ranges) {
      if (text(intersect([[a, b]], got)) !== text([[a, b]])) out.push(`${key}: ${a}-${b} not wholly allowed (got ${text(got)})`);
      for (const p of [a, b]) if (!has(got, p)) out.push(`${id} ${from}->${to} ${protocol} ${p} blocked`);
      for (const p of [a - 1, b + 1]) {
        if (p >= 0 && p <= 65535 && has(got, p) !== has(pair, p)) out.push(`${id} ${from}->${to} ${protocol} ${p}: allowed ${has(got, p)}, expected ${has(pair, p)}`);
      }
    }
  }
  for (const from of x.keys()) {
    for (const to of x.keys()) {
      for (const protocol of [Protocol.TCP, Protocol.UDP, Protocol.ICMP]) {
        const r = ev.reach({ tier: from }, to, protocol);
        endCheck(`inbound ${from}->${to} ${protocol}`, r.inbound, x.group(to) !== undefined, x.inbound(from, to, protocol));
        endCheck(`outbound ${from}->${to} ${protocol}`, r.outbound, x.group(from) !== undefined, x.outbound(from, to, protocol));
        const both = intersect(x.inbound(from, to, protocol), x.outbound(from, to, protocol));
        if (text(ivs(r.allowed)) !== text(both)) out.push(`reach ${from}->${to} ${protocol}: ${text(ivs(r.allowed))}, expected ${text(both)}`);
      }
    }
  }
  for (const cidr of OUTSIDE) {
    for (const t of x.keys()) {
      for (const protocol of [Protocol.TCP, Protocol.UDP, Protocol.ICMP]) {
        if (x.group(t)) {
          endCheck(`inbound ${cidr}->${t} ${protocol}`, ev.ingress({ cidr }, t, protocol), true, []);
          const allEgress = props.aws?.allowAllEgress === true && props.tiers[t as 'ca']?.createSecurityGroup === true;
          endCheck(`outbound ${t}->${cidr} ${protocol}`, ev.egress(t, { cidr }, protocol), true, allEgress ? ALL : []);
        }
      }
    }
  }
  return out;
}
