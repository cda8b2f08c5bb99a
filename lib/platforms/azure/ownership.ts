import { EstateTier, presentTiers } from '../../model/estate';
import { flowsOf } from '../../model/flows';
import type { ResolvedInput } from '../../input/resolved';
import { Interval, unionOf } from '../../util/intervals';
import { AzureAddresses, AzureNetwork, AzureNsg, AzureRule, AzureRuleAuthor } from './network';
import { planAzureRules } from './planner';
import { readRule } from './rule-reading';
import { azureEnforcement } from './settings';
import { appendTo } from '../../util/maps';

/**
 * Which rules of the input are the library's: the rules the planner writes for this estate,
 * recognised by name (an NSG's rule names are unique, and the library's derive from content),
 * by Terraform address, or by content (same NSG, direction, access, protocol, addresses and
 * ports, whatever the rule is called). Every other rule is foreign. At an NSG the estate does
 * not own, a foreign rule is another team's; the library's own rules are judged strictly everywhere.
 */

/** The tiers an NSG of the input enforces, as `ca,dc` (the planner's NSGs are matched by them). */
function tiersOf(network: AzureNetwork, spec: ResolvedInput): Map<string, string> {
  const out = new Map<string, string[]>();
  for (const t of presentTiers(spec.estate) as EstateTier[]) {
    const e = azureEnforcement(t);
    const keys = e.kind === 'azureSubnets' ? e.subnetIds.map((s) => network.subnetNsgs.get(s.toLowerCase()))
      : e.kind === 'azureExistingNsg' ? [network.existingNsgs.get(t.key)] : [];
    for (const k of new Set(keys)) if (k !== undefined) appendTo(out, k, t.key);
  }
  return new Map([...out].map(([k, v]) => [k, v.join(',')]));
}

const intervalsText = (xs: readonly Interval[]): string => unionOf(xs).map((i) => `${i.lo}-${i.hi}`).join(',');
const addressesText = (a: AzureAddresses): string =>
  [a.any ? '*' : intervalsText(a.cidrs), a.virtualNetwork ? 'vnet' : '', a.internet ? 'internet' : '', a.loadBalancer ? 'lb' : '', ...a.otherTags, ...a.ipv6].join(';');

/** A rule's content, for recognising the library's rules whatever they are called. */
export function ruleContent(r: AzureRule): string {
  return [r.direction, r.access, r.protocol, addressesText(r.source), addressesText(r.destination), intervalsText(r.ports), r.sourcePortsAll].join('|');
}

/** The input's network with each rule's author decided: LIBRARY for the planner's rules of this estate, else FOREIGN. */
export function withAuthors(network: AzureNetwork, spec: ResolvedInput, libraryAddresses: ReadonlySet<string> = new Set()): AzureNetwork {
  const planned = planAzureRules(spec, flowsOf(spec.estate)).plan;
  const byTiers = new Map<string, { names: Set<string>; contents: Set<string> }>();
  for (const nsg of planned?.nsgs ?? []) {
    const entry = { names: new Set<string>(), contents: new Set<string>() };
    for (const r of nsg.rules) {
      entry.names.add(r.name.toLowerCase());
      const read = readRule(r.name, {
        name: r.name, priority: r.priority, direction: r.direction, access: r.access, protocol: r.protocol, source_port_range: '*',
        source_address_prefixes: [...r.sourceAddressPrefixes], destination_address_prefixes: [...r.destinationAddressPrefixes],
        destination_port_ranges: [...r.destinationPortRanges],
      }, -1);
      if ('rule' in read) entry.contents.add(ruleContent(read.rule));
    }
    byTiers.set([...nsg.tiers].join(','), entry);
  }
  const tiers = tiersOf(network, spec);
  const nsgs = new Map<string, AzureNsg>();
  for (const [key, nsg] of network.nsgs) {
    const lib = byTiers.get(tiers.get(key) ?? '');
    const rules = nsg.rules.map((r): AzureRule => {
      const mine = libraryAddresses.has(r.id.replace(/#.*$/, '')) && !r.id.includes('#')
        || (lib !== undefined && (lib.names.has(r.name.toLowerCase()) || lib.contents.has(ruleContent(r))));
      return mine ? { ...r, author: AzureRuleAuthor.LIBRARY } : r;
    });
    nsgs.set(key, { ...nsg, rules });
  }
  return { ...network, nsgs };
}
