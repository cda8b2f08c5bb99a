import { differencePorts, normalizePortRanges, PortRange } from '../model/port-range';
import type { Box } from '../util/boxes';
import { Protocol, TrafficProtocol } from '../model/protocol';
import { TierKey } from '../model/tiers';

/** Kinds of problems of an input: the reader's (`TfProblemKind`, same values) and the evaluators'. */
export enum ProblemKind {
  /** Something present whose effect cannot be known: a failure. */
  UNRESOLVED = 'unresolved',
  /** A value the provider, Terraform or the API would reject: a failure. */
  INVALID = 'invalid',
  /** A form the reader refuses: a failure. */
  UNSUPPORTED = 'unsupported',
  /** A rule that lands on an enforcement point neither the input declares nor the spec names: it enforces nothing of the estate (a warning: a typo?). */
  ELSEWHERE = 'elsewhere',
  /** The spec names an enforcement point (a subnet, an NSG, a group) that the live estate does not show where the tier's addresses are: a failure. */
  MISMATCH = 'mismatch',
  /** Something the input leaves unjudged that a reviewer should know (network ACLs without their export): a warning. */
  NOT_JUDGED = 'not-judged',
  /** What the input shows about the network that the verdicts rest on (VirtualNetwork as effective rules expand it): a note. */
  OBSERVED = 'observed',
}

/** One problem of the input an evaluator reads: what, where, why. */
export interface NetworkProblem {
  /** Its kind: a `ProblemKind` value. */
  readonly kind: string;
  /** The element: an address, or a spec path. */
  readonly element: string;
  /** Why. */
  readonly message: string;
  /** Offset in the input text; -1 when unknown. */
  readonly offset: number;
}

/** One rule at an enforcement point of the estate, as `diff` compares it. */
export interface RuleSummary {
  /** Its Terraform address (or `address#name` for an inline rule). */
  readonly id: string;
  /** The enforcement point it is on (an NSG's or group's address, or name). */
  readonly point: string;
  /** `inbound` or `outbound`. */
  readonly direction: 'inbound' | 'outbound';
  /** The rule in words: `Allow Tcp 135,10509 from 10.20.0.0/16 to 10.0.1.0/24 (priority 132)`. */
  readonly text: string;
  /**
   * What it admits (an Allow) or denies (a Deny), per protocol (`tcp`, `udp`, `icmp`, `other`), as
   * (source, destination, port) boxes; service tags read as widely as they may be.
   */
  readonly traffic: Readonly<Record<string, readonly Box[]>>;
}

/** Who wrote a rule that let traffic through. */
export enum GrantAuthor {
  /** A rule the library's planner writes for this estate (same address, or same enforcement point, direction and content). */
  LIBRARY = 'library',
  /** Any other rule of the input: another team's, hand-written, widened. */
  FOREIGN = 'foreign',
  /** A platform default rule (Azure's AllowVnetInBound), not written in the input. */
  DEFAULT = 'default',
  /** A rule the spec asks for although no flow needs it (AWS allow-all egress). */
  REQUESTED = 'requested',
}

/** An allow rule of the plan for IPv6 addresses: the estate's tiers are IPv4, so no flow needs it. */
export interface Ipv6Allow {
  /** Terraform address of the rule. */
  readonly rule: string;
  /** The tier whose enforcement point holds it. */
  readonly tier: TierKey;
  /** Inbound (the peer is the source) or outbound (the peer is the destination). */
  readonly direction: 'inbound' | 'outbound';
  /** The rule's IPv6 peers. */
  readonly prefixes: readonly string[];
  /** Its protocol (`OTHER_PROTOCOLS` for any other than TCP, UDP and ICMP) and ports. */
  readonly protocol: TrafficProtocol;
  readonly ports: readonly PortRange[];
  /** Who wrote the rule. @default GrantAuthor.FOREIGN */
  readonly author?: GrantAuthor;
  /** True when the estate owns the enforcement point that holds it. @default true */
  readonly owned?: boolean;
}

/** Where traffic comes from in a reachability question: a tier of the estate, or outside addresses. */
export type Origin =
  | { readonly tier: TierKey }
  /** Some addresses, named by a CIDR. */
  | { readonly cidr: string }
  /** Every address that belongs to no tier (the rest of the network, on-premises, the Internet). */
  | { readonly elsewhere: true };

/** An allow rule and the ports it let through for a question (at least one address pair). */
export interface Grant {
  /** Terraform address of the rule, or the platform default rule's name. */
  readonly rule: string;
  /** True for a platform default rule (Azure's AllowVnetInBound, say), not written in the plan. */
  readonly isDefault: boolean;
  /** Who wrote it. @default GrantAuthor.FOREIGN, or DEFAULT for a default */
  readonly author?: GrantAuthor;
  /** The enforcement point it belongs to: its NSG's or group's Terraform address, or name. */
  readonly point?: string;
  /** True for a rule the spec asked for although no flow needs it (AWS allow-all egress). */
  readonly requested?: boolean;
  /** True for an allow the platform needs and the library expects (Azure health probes from `AzureLoadBalancer`). */
  readonly expected?: boolean;
  /** Ports it allowed. */
  readonly ports: readonly PortRange[];
  /** What it allowed: (source address, destination address, port) boxes. */
  readonly boxes: readonly Box[];
}

/** An enforcement point of the spec that the plan lacks. */
export interface MissingEnforcement {
  /** The tier whose enforcement point is missing. */
  readonly tier: TierKey;
  /** What is missing. */
  readonly detail: string;
}

/** What decided one end of a flow. */
export interface EndDecision {
  /** False when that end has no enforcement point the plan knows of (nothing filters there). */
  readonly enforced: boolean;
  /**
   * True when the estate owns the enforcement point (one it creates, or an existing one it asks
   * to deny by default): everything there is judged strictly. @default true
   */
  readonly owned?: boolean;
  /**
   * True when the spec asks this end to deny by default (Azure: created NSGs unless
   * `denyByDefault: false`, existing NSGs with `denyByDefault: true`): traffic a platform
   * default lets in no flow needs is then a failure, not a warning. @default false
   */
  readonly denyAsked?: boolean;
  /**
   * False when the spec gives this end no enforcement point of its own (a tier without one, whose
   * live NSGs or groups an export shows): they decide whether flows get through, but what they let
   * through beyond the flows is not the estate's to judge. @default true
   */
  readonly claimed?: boolean;
  /**
   * Where this end's hosts are, as exports show them: each group of hosts with the enforcement
   * points on its path (`NSG rg-pki/pki-ca-nsg then NSG rg-pki/nic-ca01-nsg on nic-ca01`) and the
   * ports they let through for every address pair, so a blocked flow names where it is blocked. @default none
   */
  readonly hosts?: readonly HostPoints[];
  /**
   * What a verdict at this end depends on that the input does not show (whether a service tag
   * holds an address), one line each; the safe reading was taken. @default none
   */
  readonly undecided?: readonly string[];
  /** Ports of the question that this end allows for every address pair. */
  readonly allowed: readonly PortRange[];
  /** Ports this end allows for at least one address pair. */
  readonly anyAllowed: readonly PortRange[];
  /** What this end allows, as (source address, destination address, port) boxes: "nothing extra" is judged on it. */
  readonly region: readonly Box[];
  /** Rules (Terraform addresses or platform default rule names) that allowed or denied, in order. */
  readonly rules: readonly string[];
  /** The allow rules that matched, with the ports each let through. */
  readonly grants: readonly Grant[];
}

/** One group of an end's hosts: the enforcement points on its path, and what they let through. */
export interface HostPoints {
  /** The points and the hosts (`NSG rg-pki/pki-ca-nsg on snet-ca`, `sg-0ca... (pki-ca) on eni-0ca...`). */
  readonly point: string;
  /** Ports of the question they allow for every address pair. */
  readonly allowed: readonly PortRange[];
}

/** The answer to "which ports of `protocol` can every host of `from` open on every host of `to`?". */
export interface Reach {
  /** Ports allowed end to end for every address pair (outbound at the source and inbound at the destination). */
  readonly allowed: readonly PortRange[];
  /** Ports allowed end to end for at least one address pair. */
  readonly anyAllowed: readonly PortRange[];
  /** What both ends allow, as (source address, destination address, port) boxes. */
  readonly region: readonly Box[];
  /** The source's outbound decision. */
  readonly outbound: EndDecision;
  /** The destination's inbound decision. */
  readonly inbound: EndDecision;
}

/**
 * A synthesized plan evaluated with a platform's documented semantics. Implemented by the Azure
 * and AWS evaluators; the reachability tests and `check` ask it questions.
 */
export interface TerraformEvaluator {
  /** Ports of `protocol` that every address of `from` may open on every address of tier `to`. */
  reach(from: Origin, to: TierKey, protocol: TrafficProtocol): Reach;
  /** True when the library's plan (or the checked plan) enforces something at this tier. */
  enforcedAt(tier: TierKey): boolean;
  /** The outbound decision at `from`'s enforcement point for traffic to every address of no tier. */
  reachOutside(from: TierKey, protocol: TrafficProtocol): EndDecision;
  /** Enforcement points the spec declares that the plan lacks (a subnet without NSG, a missing group). */
  readonly missing: readonly MissingEnforcement[];
  /** What the evaluator could not resolve, one line each (`element: why`). */
  readonly unresolved: readonly string[];
  /** Problems of the input, as data: unresolved, invalid (the provider or Terraform would reject it), unsupported (a form the reader refuses). */
  readonly problems?: readonly NetworkProblem[];
  /** The rules at the estate's enforcement points, for `diff`. */
  ruleSummaries?(): RuleSummary[];
  /** Rules of the tier's enforcement point that the plan removes (deletes, or replaces under another address). */
  removedAt?(tier: TierKey): readonly string[];
  /** Allow rules for IPv6 peers (none on a plan the library writes). */
  readonly ipv6Allows?: readonly Ipv6Allow[];
  /** Which rules, in which order, decide one packet at each end (an offline IP flow verify). */
  explain?(packet: Packet): PacketVerdict;
}

/** One packet: its source and destination address, protocol and destination port (ICMP: the type; other protocols: the number). */
export interface Packet {
  /** Source address (an IPv4 address as a number). */
  readonly source: number;
  /** Destination address. */
  readonly destination: number;
  readonly protocol: TrafficProtocol;
  /** Destination port. */
  readonly port: number;
}

/** One rule consulted for a packet, in evaluation order. */
export interface PacketStep {
  /** The rule, as findings name it. */
  readonly rule: string;
  /** Allow or Deny. */
  readonly access: string;
  /** `matches`, `no match`, or `depends` (on what a service tag holds; `detail` says which readings). */
  readonly match: string;
  /** Why, when not plain. */
  readonly detail?: string;
}

/** One enforcement point a packet meets at one end: its rules in order, and what it decides. */
export interface PacketPoint {
  /** The point (`NSG rg-pki/pki-ca-nsg`, `security groups of eni-0ca...`, `network ACL acl-...`). */
  readonly point: string;
  /** The rules consulted, in order (for a union of groups: every rule that matches). */
  readonly steps: readonly PacketStep[];
  /** `allow`, `deny`, or `depends`. */
  readonly decision: string;
}

/** What one end decides for a packet. */
export interface PacketEnd {
  /** Where the end is (`tier ca, host nic-ca01 (10.0.1.4)`, `no tier`). */
  readonly where: string;
  /** The points in the order the packet meets them (none: nothing filters there). */
  readonly points: readonly PacketPoint[];
  /** `allow`, `deny`, or `depends`. */
  readonly decision: string;
}

/** The verdict on one packet: the source's outbound end, then the destination's inbound end. */
export interface PacketVerdict {
  readonly outbound: PacketEnd;
  readonly inbound: PacketEnd;
  /** `allow` when both ends allow it, `deny` when one denies, else `depends`. */
  readonly decision: string;
}

/** The packet decisions, as `PacketPoint.decision` and friends spell them. */
export enum PacketDecision {
  ALLOW = 'allow',
  DENY = 'deny',
  DEPENDS = 'depends',
}

/** The decision of points met in order: deny when one denies, depends when one depends, else allow. */
export function decisionOf(decisions: readonly string[]): PacketDecision {
  if (decisions.includes(PacketDecision.DENY)) return PacketDecision.DENY;
  if (decisions.includes(PacketDecision.DEPENDS)) return PacketDecision.DEPENDS;
  return PacketDecision.ALLOW;
}

/** The ports (of one protocol) that boxes touch: their projection on the port axis. */
export function portsOf(boxes: readonly Box[], protocol: TrafficProtocol): PortRange[] {
  return normalizePortRanges(boxes.map((b) => PortRange.of(protocol, b.port.lo, b.port.hi)));
}

/** Ports of `all` that no box of `boxes` touches. */
export function portsMinus(all: readonly PortRange[], boxes: readonly Box[]): PortRange[] {
  return differencePorts(all, boxes.map((b) => PortRange.of(all[0]?.protocol ?? Protocol.TCP, b.port.lo, b.port.hi)));
}
