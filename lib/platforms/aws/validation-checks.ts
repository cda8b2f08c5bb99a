import type { ObjectCheck, ObjectView, ValueCheck, Violation } from '../validation-engine';
import { goLength } from '../validation-values';

/**
 * Checks of AWS security group rules that compare attributes: how the provider reads a
 * protocol (`protocolForValue`), the ports the EC2 API requires for a protocol, ICMP's "all
 * types" needing "all codes", and the provider's refusal of ports on an inline `-1` rule. A
 * protocol or port that is not known from the document is never judged.
 */

/** The provider's `protocolForValue`: lower case; `-1` and `all` are `-1`; the numbers 6, 17, 1, 58 (as `strconv.Atoi` reads them) are tcp, udp, icmp, icmpv6, and -1 written otherwise is `all`; anything else as written. */
export function protocolForValue(v: string): string {
  const protocol = v.toLowerCase();
  if (protocol === '-1' || protocol === 'all') return '-1';
  const named: Readonly<Record<string, string>> = { 6: 'tcp', 17: 'udp', 1: 'icmp', 58: 'icmpv6', '-1': 'all' };
  if (['tcp', 'udp', 'icmp', 'icmpv6'].includes(protocol)) return protocol;
  return /^[+-]?[0-9]+$/.test(protocol) ? named[String(Number(protocol))] ?? protocol : protocol;
}

/**
 * The provider's `validSecurityGroupRuleDescription` (the EC2 API's `IpRange` description): at
 * most 255 bytes of `a-z A-Z 0-9`, space and `._-:/()#,@[]+=&;{}!$*`.
 */
export const ruleDescription: ValueCheck = {
  kind: 'value',
  accepts: (v) => typeof v === 'string' && goLength(v) <= 255 && /^[A-Za-z0-9 ._\-:/()#,@[\]+=&;{}!$*]*$/.test(v),
};

/** The protocol as the provider reads it, when known. */
function protocolOf(o: ObjectView, attribute: string): string | undefined {
  const p = o.known(attribute);
  return typeof p === 'string' ? protocolForValue(p) : undefined;
}

/**
 * EC2 `IpPermission`: "For tcp, udp, and icmp, you must specify a port range": with such a
 * protocol, `from_port` and `to_port` are set (the rule resources where they are optional).
 */
export function portsRequiredFor(protocolAttribute: string): ObjectCheck {
  return {
    kind: 'object',
    violations(o) {
      const protocol = protocolOf(o, protocolAttribute);
      if (protocol === undefined || !['tcp', 'udp', 'icmp'].includes(protocol)) return [];
      return ['from_port', 'to_port'].filter((p) => !o.isSet(p)).map((p): Violation => ({ attribute: p, note: `${protocolAttribute} is ${JSON.stringify(o.known(protocolAttribute))}` }));
    },
  };
}

/** EC2 `IpPermission.ToPort`: "If the start port is -1 (all ICMP types), then the end port must be -1 (all ICMP codes)". */
export function icmpAllTypesAllCodes(protocolAttribute: string): ObjectCheck {
  return {
    kind: 'object',
    violations(o) {
      const protocol = protocolOf(o, protocolAttribute);
      if (protocol !== 'icmp' && protocol !== 'icmpv6') return [];
      const to = o.known('to_port');
      return o.known('from_port') === -1 && typeof to === 'number' && to !== -1 ? [{ attribute: 'to_port', note: 'from_port is -1' }] : [];
    },
  };
}

/**
 * The provider's `expandIPPerms` for inline `ingress`/`egress` (at apply): "from_port (%d) and
 * to_port (%d) must both be 0 to use the 'ALL' \"-1\" protocol!".
 */
export const zeroPortsForAllProtocols: ObjectCheck = {
  kind: 'object',
  violations(o) {
    if (protocolOf(o, 'protocol') !== '-1') return [];
    return ['from_port', 'to_port'].filter((p) => typeof o.known(p) === 'number' && o.known(p) !== 0).map((p) => ({ attribute: p, note: `protocol is ${JSON.stringify(o.known('protocol'))}` }));
  },
};
