/** The transport protocols a flow can use. */
export enum Protocol {
  /** Transmission Control Protocol. */
  TCP = 'tcp',
  /** User Datagram Protocol. */
  UDP = 'udp',
}

/** Every protocol, in canonical order (TCP before UDP). */
export const PROTOCOLS: readonly Protocol[] = [Protocol.TCP, Protocol.UDP];
