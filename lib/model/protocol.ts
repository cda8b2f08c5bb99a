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
