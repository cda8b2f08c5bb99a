/** The IP protocols a flow can use. */
export enum Protocol {
  /** Transmission Control Protocol. */
  TCP = 'tcp',
  /** User Datagram Protocol. */
  UDP = 'udp',
  /** ICMP (IPv4), every type and code: custom flows only, never ports. */
  ICMP = 'icmp',
}

/** Every protocol, in canonical order (TCP, UDP, then ICMP). */
export const PROTOCOLS: readonly Protocol[] = [Protocol.TCP, Protocol.UDP, Protocol.ICMP];

/** The protocols that have ports (every catalogue row uses one of them). */
export const PORT_PROTOCOLS: readonly Protocol[] = [Protocol.TCP, Protocol.UDP];

/**
 * What `check` judges beyond the flows' protocols: every other IP protocol (ESP, AH, GRE,
 * ICMPv6 ...) as one question, on which the port axis stands for the IP protocol number. No
 * flow needs any of them.
 */
export const OTHER_PROTOCOLS = 'other';

/** A protocol `check` asks about: one of the flows' protocols, or every other IP protocol. */
export type TrafficProtocol = Protocol | typeof OTHER_PROTOCOLS;

/** The IP protocol numbers of the `OTHER_PROTOCOLS` question: 0-255 without ICMP (1), TCP (6) and UDP (17). */
export const OTHER_PROTOCOL_NUMBERS: readonly { readonly lo: number; readonly hi: number }[] = [
  { lo: 0, hi: 0 }, { lo: 2, hi: 5 }, { lo: 7, hi: 16 }, { lo: 18, hi: 255 },
];
