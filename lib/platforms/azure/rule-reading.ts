import { checkIpv4Cidr, cidrSpan } from '../../model/cidr';
import { ArgumentValue, TfReference, TfUnknown } from '../../terraform/values';
import { Interval } from '../../util/intervals';
import { AzureAddresses, AzureRule, AzureRuleAuthor, NO_ADDRESSES } from './network';

/**
 * One NSG rule's arguments (an `azurerm_network_security_rule`, or one `security_rule` of an
 * `azurerm_network_security_group`) read into an `AzureRule`. Values are read as Azure means
 * them (enums without regard to case: whether the provider accepts the spelling is the
 * validation's finding, ADCS-C010); a value that cannot be known makes the rule unreadable.
 */

/** A rule read, or why it cannot be. */
export type RuleReading = { readonly rule: AzureRule } | { readonly unreadable: string };

const FULL: Interval = { lo: 0, hi: 2 ** 32 - 1 };
const ALL_PORTS: Interval = { lo: 0, hi: 65535 };

/** Azure's protocols, lower case (`*` is every protocol; `Any` is the API's old name for it). */
const PROTOCOLS = new Set(['*', 'tcp', 'udp', 'icmp', 'esp', 'ah']);

/** The values of a single/plural argument pair (`source_address_prefix` and `source_address_prefixes`). */
function listOf(values: { readonly [key: string]: ArgumentValue }, single: string, plural: string): ArgumentValue[] {
  const out: ArgumentValue[] = [];
  const one = values[single];
  if (one !== undefined && one !== null && one !== '') out.push(one);
  const many = values[plural];
  if (Array.isArray(many)) out.push(...many);
  else if (many !== undefined && many !== null) out.push(many);
  return out;
}

const unknownText = (v: ArgumentValue): string | undefined =>
  (v instanceof TfReference ? `${v} (${v.traversal.startsWith('var.') ? 'a variable, set at plan time' : 'known only after apply'})` : v instanceof TfUnknown ? v.why : undefined);

/** Reads an address prefix list: CIDRs, addresses, `*`, service tags. */
export function readAddresses(list: readonly ArgumentValue[]): AzureAddresses | string {
  const cidrs: Interval[] = [];
  const otherTags: string[] = [];
  const ipv6: string[] = [];
  let any = false;
  let virtualNetwork = false;
  let internet = false;
  let loadBalancer = false;
  for (const v of list) {
    const unknown = unknownText(v);
    if (unknown !== undefined) return `address prefix ${unknown}`;
    if (typeof v !== 'string') return `address prefix ${JSON.stringify(v)} is not text`;
    const text = v.trim();
    const lower = text.toLowerCase();
    if (text === '*' || lower === 'any' || text === '0.0.0.0/0') any = true;
    else if (lower === 'virtualnetwork') virtualNetwork = true;
    else if (lower === 'internet') internet = true;
    else if (lower === 'azureloadbalancer') loadBalancer = true;
    else if (text.includes(':')) ipv6.push(text);
    else if (/^[0-9./]+$/.test(text)) {
      const c = checkIpv4Cidr(text.includes('/') ? text : `${text}/32`);
      // A prefix with host bits is the provider's or Azure's to refuse (ADCS-C010); it would cover its network.
      if (c.ok) cidrs.push(cidrSpan(c.cidr));
      else if (c.reason === 'notNetwork') cidrs.push(cidrSpan(c.suggestion));
      else return `address prefix ${JSON.stringify(text)} is not an IPv4 address or CIDR`;
    } else if (/^[A-Za-z][A-Za-z0-9.-]*$/.test(text)) otherTags.push(lower);
    else return `address prefix ${JSON.stringify(text)} is neither an address, a CIDR nor a service tag`;
  }
  return { ...NO_ADDRESSES, cidrs: any ? [FULL] : cidrs, any, virtualNetwork, internet, loadBalancer, otherTags: [...new Set(otherTags)].sort(), ipv6 };
}

/** Reads port ranges: `*`, `N`, `N-M`. */
export function readPorts(list: readonly ArgumentValue[]): Interval[] | string {
  const out: Interval[] = [];
  for (const v of list) {
    const unknown = unknownText(v);
    if (unknown !== undefined) return `port range ${unknown}`;
    const text = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : undefined;
    if (text === undefined) return `port range ${JSON.stringify(v)} is not text`;
    if (text === '*') { out.push(ALL_PORTS); continue; }
    const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(text);
    const lo = m ? Number(m[1]) : NaN;
    const hi = m ? Number(m[2] ?? m[1]) : NaN;
    if (!m || lo > hi || hi > 65535) return `port range ${JSON.stringify(text)} is not "*", "N" or "N-M" in 0-65535`;
    out.push({ lo, hi });
  }
  return out;
}

/** An enum argument read without regard to case, or why not. */
function enumOf(values: { readonly [key: string]: ArgumentValue }, key: string, accepted: readonly string[]): string | { readonly unreadable: string } {
  const v = values[key] ?? undefined;
  const unknown = v === undefined ? undefined : unknownText(v);
  if (unknown !== undefined) return { unreadable: `${key} ${unknown}` };
  const text = typeof v === 'string' ? v.trim().toLowerCase() : undefined;
  const found = accepted.find((a) => a.toLowerCase() === text);
  return found ?? { unreadable: `${key} ${v === undefined ? 'is not set' : JSON.stringify(v)} is not one of ${accepted.join(', ')}` };
}

/** Reads one rule's arguments; `id` names it in findings. */
export function readRule(id: string, values: { readonly [key: string]: ArgumentValue }, offset: number): RuleReading {
  const direction = enumOf(values, 'direction', ['Inbound', 'Outbound']);
  if (typeof direction !== 'string') return direction;
  const access = enumOf(values, 'access', ['Allow', 'Deny']);
  if (typeof access !== 'string') return access;
  const protocolValue = values.protocol ?? undefined;
  const protocolUnknown = protocolValue === undefined ? undefined : unknownText(protocolValue);
  if (protocolUnknown !== undefined) return { unreadable: `protocol ${protocolUnknown}` };
  const protocol = typeof protocolValue === 'string' ? protocolValue.trim().toLowerCase().replace(/^any$/, '*') : '';
  if (!PROTOCOLS.has(protocol)) return { unreadable: `protocol ${JSON.stringify(protocolValue ?? null)} is not one of *, Tcp, Udp, Icmp, Esp, Ah` };
  const priorityValue = values.priority ?? undefined;
  const priorityUnknown = priorityValue === undefined ? undefined : unknownText(priorityValue);
  if (priorityUnknown !== undefined) return { unreadable: `priority ${priorityUnknown}` };
  const priority = typeof priorityValue === 'number' ? priorityValue : typeof priorityValue === 'string' && /^\d+$/.test(priorityValue.trim()) ? Number(priorityValue) : NaN;
  if (!Number.isInteger(priority) || priority < 100 || priority > 4096) return { unreadable: `priority ${JSON.stringify(priorityValue ?? null)} is not a whole number in 100-4096` };
  const source = readAddresses(listOf(values, 'source_address_prefix', 'source_address_prefixes'));
  if (typeof source === 'string') return { unreadable: `source ${source}` };
  const destination = readAddresses(listOf(values, 'destination_address_prefix', 'destination_address_prefixes'));
  if (typeof destination === 'string') return { unreadable: `destination ${destination}` };
  const ports = readPorts(listOf(values, 'destination_port_range', 'destination_port_ranges'));
  if (typeof ports === 'string') return { unreadable: `destination ${ports}` };
  const sourcePorts = readPorts(listOf(values, 'source_port_range', 'source_port_ranges'));
  if (typeof sourcePorts === 'string') return { unreadable: `source ${sourcePorts}` };
  for (const k of ['source_application_security_group_ids', 'destination_application_security_group_ids']) {
    const asgs = values[k];
    if (asgs instanceof TfUnknown || (Array.isArray(asgs) && asgs.length > 0) || asgs instanceof TfReference) {
      return { unreadable: `${k}: application security groups hold network interfaces the check does not map to tiers` };
    }
  }
  const name = typeof values.name === 'string' ? values.name : id;
  return {
    rule: {
      id, name, direction: direction as AzureRule['direction'], access: access as AzureRule['access'], priority, protocol, source, destination,
      ports, sourcePortsAll: sourcePorts.length === 0 || sourcePorts.some((p) => p.lo === 0 && p.hi === 65535), author: AzureRuleAuthor.FOREIGN, offset,
    },
  };
}
