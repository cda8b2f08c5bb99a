import { evaluatorFor } from '../../../lib/check/check';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EndDecision } from '../../../lib/platforms/evaluator';
import { PortRange } from '../../../lib/model/port-range';
import { Protocol } from '../../../lib/model/protocol';
import { EstateProps } from '../../../lib/input/props';
import { resolveSpec } from '../../../lib/spec';

// Every verdict below is derived by hand from Microsoft's documentation, not from the evaluator
// (the last three cases also cite the azurerm and Terraform docs for how the plan is written):
// - NSG overview: "Network security groups overview" (Security rules, Default security rules,
//   Augmented security rules, Azure platform considerations),
//   https://learn.microsoft.com/en-us/azure/virtual-network/network-security-groups-overview
// - How-it-works: "How network security groups filter network traffic" (Inbound traffic,
//   Outbound traffic, Intra-subnet traffic),
//   https://learn.microsoft.com/en-us/azure/virtual-network/network-security-group-how-it-works
// - Service tags: "Virtual network service tags" (VirtualNetwork, AzureLoadBalancer, Internet rows),
//   https://learn.microsoft.com/en-us/azure/virtual-network/service-tags-overview
// A question's answer is per (source address, destination address, port): the first rule by
// priority that matches that triple decides it (NSG overview, Security rules, Priority: "Once
// traffic matches a rule, processing stops"). `allowed` is what every triple of the question
// gets, `anyAllowed` what at least one gets; `rules` are the rules that decided some triple, in
// the order Azure processes them (lowest priority number first; default rules last), each shown
// by the evaluator as `<address or default name> (<access> <priority>)`.
//
// Premise shared by every case: what `VirtualNetwork` holds is not known offline. Only the
// estate's Azure subnets (the tiers with an NSG: ca, dc, ces, admins) and the host's virtual IP
// 168.63.129.16 are certainly in it (Service tags, VirtualNetwork row: "the virtual network
// address space ..., the virtual IP address of the host"); the clients' ranges (on-premises,
// peered) may or may not be, and since the tag "might also contain default routes", so may a
// public range such as 203.0.113.0/24 (TEST-NET-3), which is otherwise in `Internet`. Each
// question is asked in every reading (issue 19, principle 5): `allowed` is what every reading
// lets through (a flow must not depend on the tag's content), `anyAllowed` what some reading
// does, and `rules` the rules that decide in some reading. So wherever AllowVnetInBound would
// admit the clients, DenyAllInBound decides too (the reading in which they are not in the tag),
// and a Deny from `VirtualNetwork` is joined by DenyAllInBound for the same reason. The admins'
// existing NSG holds no rule other than the plan's.

const RG = 'rg-ev';
const subnet = (name: string): string => `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/${name}`;
const CLIENTS = ['10.20.0.0/16', '10.40.0.0/16'];
const CA = '10.0.1.0/24';
const DC = '10.0.0.0/24';
const ADMINS = '10.0.9.0/28';
const CES = '10.0.2.0/24';
const INTERNET = { cidr: '203.0.113.0/24' };
const PROBE = { cidr: '168.63.129.16/32' };

const props: EstateProps = {
  name: 'ev',
  // denyByDefault: false, so that no case depends on the library's own deny-by-default policy:
  // every verdict here is Azure's, on the rules the case writes.
  azure: { resourceGroupName: RG, location: 'westeurope', denyByDefault: false },
  tiers: {
    clients: { cidrs: CLIENTS },
    ca: { cidrs: [CA], subnetIds: [subnet('ca')] },
    dc: { cidrs: [DC], subnetIds: [subnet('dc')] },
    ces: { cidrs: [CES], subnetIds: [subnet('ces-a'), subnet('ces-b')] },
    admins: { cidrs: [ADMINS], networkSecurityGroup: { name: 'nsg-admins', resourceGroupName: 'rg-net' } },
  },
};
const spec = resolveSpec(props, 'test');

type Body = Record<string, unknown>;
/** A copy of `o` without the key `k`. */
const without = <T extends Record<string, unknown>>(o: T, k: string): T => Object.fromEntries(Object.entries(o).filter(([key]) => key !== k)) as T;
const text = (rs: readonly PortRange[]): string => rs.map(String).join(',') || 'nothing';
const ADDRESS = 'azurerm_network_security_rule.';
/** A plan rule by its resource name, a default rule by its name (Terraform address prefix dropped). */
const short = (r: string): string => r.startsWith(ADDRESS) ? r.slice(ADDRESS.length) : r;
/**
 * The rules of a decision: each entry is the rule and its access and priority, `name (Deny 200)`;
 * default rules by Azure's names (the API's and the portal's spelling, `AllowVnetInBound`,
 * `DenyAllInBound`; Learn's table writes `AllowVNetInBound`, `DenyAllInbound`).
 */
const rules = (d: EndDecision): string[] => d.rules.map(short);
/** The grants of a decision as [rule, isDefault, ports]. */
const grants = (d: EndDecision): [string, boolean, string][] => d.grants.map((g) => [short(g.rule), g.isDefault, text(g.ports)]);

const nsg = (name: string): Body => ({ name, location: 'westeurope', resource_group_name: RG });
/** The NSGs the spec's subnets need, each associated with its tier's subnets (ces: both to one NSG). */
const NSGS: Record<string, Body> = { ca: nsg('ev-ca-nsg'), dc: nsg('ev-dc-nsg'), ces: nsg('ev-ces-nsg') };
const assoc = (sub: string, nsgKey: string): Body => ({ subnet_id: subnet(sub), network_security_group_id: `\${azurerm_network_security_group.${nsgKey}.id}` });
const ASSOCIATIONS: Record<string, Body> = { ca: assoc('ca', 'ca'), dc: assoc('dc', 'dc'), ces_a: assoc('ces-a', 'ces'), ces_b: assoc('ces-b', 'ces') };

/** A plan: the NSGs and associations above (or those given) and the given rules (name → body). */
function plan(securityRules: Record<string, Body>, over: { nsgs?: Record<string, Body>; associations?: Record<string, Body> } = {}): unknown {
  // A resource type with no block is left out: `{}` at the name level is "Missing block label" in HCL JSON.
  return { resource: {
    azurerm_network_security_group: over.nsgs ?? NSGS,
    azurerm_subnet_network_security_group_association: over.associations ?? ASSOCIATIONS,
    ...(Object.keys(securityRules).length > 0 ? { azurerm_network_security_rule: securityRules } : {}),
  } };
}

type Direction = 'Inbound' | 'Outbound';
type Access = 'Allow' | 'Deny';
/**
 * A rule on the plan's NSG `on`, referenced the way the library writes it
 * (`${azurerm_network_security_group.<on>.name}` and its resource group). A list of ports or
 * addresses is written as `destination_port_ranges` / `*_address_prefixes`, one value as the
 * singular attribute.
 */
function rule(on: string, direction: Direction, priority: number, access: Access, protocol: string,
  ports: string | string[], from: string | string[], to: string | string[] = '*', name?: string): Record<string, Body> {
  const key = name ?? `${on}_${direction === 'Inbound' ? 'in' : 'out'}_${priority}`;
  return { [key]: {
    name: key, priority, direction, access, protocol,
    network_security_group_name: `\${azurerm_network_security_group.${on}.name}`,
    resource_group_name: `\${azurerm_network_security_group.${on}.resource_group_name}`,
    source_port_range: '*',
    ...(Array.isArray(ports) ? { destination_port_ranges: ports } : { destination_port_range: ports }),
    ...(Array.isArray(from) ? { source_address_prefixes: from } : { source_address_prefix: from }),
    ...(Array.isArray(to) ? { destination_address_prefixes: to } : { destination_address_prefix: to }),
  } };
}
const inbound = (on: string, priority: number, access: Access, protocol: string, ports: string | string[], from: string | string[], to: string | string[] = '*', name?: string): Record<string, Body> =>
  rule(on, 'Inbound', priority, access, protocol, ports, from, to, name);
const outbound = (on: string, priority: number, access: Access, protocol: string, ports: string | string[], from: string | string[], to: string | string[] = '*', name?: string): Record<string, Body> =>
  rule(on, 'Outbound', priority, access, protocol, ports, from, to, name);
/**
 * A rule on the admins' existing NSG (nsg-admins in rg-net), named literally as the plan must
 * name an NSG it does not create. The cases that pin `missing` include it: the evaluator also
 * reports an existing NSG the plan writes no rule to, which is the checker's policy, not Azure's.
 */
const ADMINS_RULE: Record<string, Body> = { admins_rdp: {
  name: 'admins_rdp', priority: 200, direction: 'Inbound', access: 'Allow', protocol: 'Tcp',
  network_security_group_name: 'nsg-admins', resource_group_name: 'rg-net',
  source_port_range: '*', destination_port_range: '3389', source_address_prefix: ADMINS, destination_address_prefix: ADMINS,
} };
/** The usual closing Deny: every protocol and port from `VirtualNetwork`, overriding AllowVnetInBound. */
const denyVnetIn = (on: string, priority = 4096): Record<string, Body> => inbound(on, priority, 'Deny', '*', '*', 'VirtualNetwork', '*', `${on}_deny_vnet`);

describe('AzureEvaluator (verdicts derived from Microsoft Learn)', () => {
  it('applies the default rules when a subnet NSG has no rule of its own', () => {
    // Source: NSG overview, Default security rules: inbound AllowVNetInBound 65000
    // (VirtualNetwork → VirtualNetwork), AllowAzureLoadBalancerInBound 65001, DenyAllInbound 65500;
    // outbound AllowVnetOutBound 65000, AllowInternetOutBound 65001, DenyAllOutBound 65500.
    // GIVEN the NSGs, associated, with no rule
    const ev = evaluatorFor(plan({}), spec);
    // WHEN the clients (inside VirtualNetwork) ask for TCP to the CA
    const r = ev.reach({ tier: 'clients' }, 'ca', Protocol.TCP);
    // THEN AllowVnetInBound admits every port where the clients are in VirtualNetwork, and
    // DenyAllInBound stops them where they are not: every port for some reading, none for all
    assert.equal(text(r.allowed), 'nothing');
    assert.equal(text(r.inbound.anyAllowed), '0-65535');
    assert.equal(r.inbound.enforced, true);
    assert.deepEqual(rules(r.inbound), ['AllowVnetInBound (Allow 65000)', 'DenyAllInBound (Deny 65500)']);
    assert.deepEqual(grants(r.inbound), [['AllowVnetInBound', true, '0-65535']]);
    // AND a public range falls through to DenyAllInBound, unless VirtualNetwork holds a default
    // route: then AllowVnetInBound admits it (so it may get in, and never surely does)
    const web = ev.reach(INTERNET, 'ca', Protocol.TCP);
    assert.equal(text(web.inbound.allowed), 'nothing');
    assert.equal(text(web.inbound.anyAllowed), '0-65535');
    assert.deepEqual(rules(web.inbound), ['AllowVnetInBound (Allow 65000)', 'DenyAllInBound (Deny 65500)']);
    // AND the health probe's address 168.63.129.16 is in VirtualNetwork ("the virtual IP address of
    // the host", Service tags, VirtualNetwork row), so AllowVnetInBound (65000) takes it before
    // AllowAzureLoadBalancerInBound (65001) is reached
    const probe = ev.reach(PROBE, 'ca', Protocol.UDP);
    assert.equal(text(probe.inbound.allowed), '0-65535');
    assert.deepEqual(rules(probe.inbound), ['AllowVnetInBound (Allow 65000)']);
    // AND outbound, the CA reaches the DCs (VirtualNetwork) through AllowVnetOutBound
    const out = ev.reach({ tier: 'ca' }, 'dc', Protocol.TCP);
    assert.deepEqual(rules(out.outbound), ['AllowVnetOutBound (Allow 65000)']);
    assert.deepEqual(ev.unresolved, []);
    assert.equal(text(out.outbound.allowed), '0-65535');
  });

  it('stops at the first match: a Deny at 200 shadows an Allow at 300 for the same traffic', () => {
    // Source: NSG overview, Security rules, Priority ("Rules are processed in priority order ...
    // Once traffic matches a rule, processing stops ... rules with lower priorities (higher
    // numbers) that have the same attributes as rules with higher priorities aren't processed").
    // GIVEN on the CA's NSG a Deny TCP 445 from anywhere at 200 and an Allow TCP 445 from the clients at 300
    // (written in the plan after the Allow: priority, not position, orders them)
    const ev = evaluatorFor(plan({
      ...inbound('ca', 300, 'Allow', 'Tcp', '445', CLIENTS, '*', 'allow445'),
      ...inbound('ca', 200, 'Deny', 'Tcp', '445', '*', '*', 'deny445'),
    }), spec);
    // WHEN the clients ask for TCP to the CA
    const r = ev.reach({ tier: 'clients' }, 'ca', Protocol.TCP);
    // THEN 445 is denied at 200; every other port goes on to AllowVnetInBound at 65000 (or, if
    // the clients are not in VirtualNetwork, to DenyAllInBound); the Allow at 300 decides nothing
    // and is not listed
    assert.equal(text(r.inbound.allowed), 'nothing');
    assert.equal(text(r.inbound.anyAllowed), '0-444,446-65535');
    assert.deepEqual(rules(r.inbound), ['deny445 (Deny 200)', 'AllowVnetInBound (Allow 65000)', 'DenyAllInBound (Deny 65500)']);
    assert.deepEqual(grants(r.inbound), [['AllowVnetInBound', true, '0-444,446-65535']]);
    assert.deepEqual(ev.unresolved, []);
  });

  it('stops at the first match: an Allow at 200 beats a Deny at 300', () => {
    // Source: NSG overview, Security rules, Priority (first match wins, lower number first).
    // GIVEN on the CA's NSG an Allow TCP 445 from the clients at 200 and a Deny of everything from VirtualNetwork at 300
    const ev = evaluatorFor(plan({
      ...inbound('ca', 200, 'Allow', 'Tcp', '445', CLIENTS, '*', 'allow445'),
      ...denyVnetIn('ca', 300),
    }), spec);
    // WHEN the clients ask for TCP, then UDP, to the CA
    const tcp = ev.reach({ tier: 'clients' }, 'ca', Protocol.TCP);
    const udp = ev.reach({ tier: 'clients' }, 'ca', Protocol.UDP);
    // THEN TCP 445 is allowed at 200, every other TCP port denied at 300 (AllowVnetInBound never reached)
    assert.equal(text(tcp.inbound.allowed), '445');
    assert.deepEqual(rules(tcp.inbound), ['allow445 (Allow 200)', 'ca_deny_vnet (Deny 300)', 'DenyAllInBound (Deny 65500)']);
    assert.deepEqual(grants(tcp.inbound), [['allow445', false, '445']]);
    // AND no UDP port: the Tcp allow does not match UDP, the Deny at 300 does (DenyAllInBound where the clients are not in VirtualNetwork)
    assert.equal(text(udp.inbound.anyAllowed), 'nothing');
    assert.deepEqual(rules(udp.inbound), ['ca_deny_vnet (Deny 300)', 'DenyAllInBound (Deny 65500)']);
  });

  it('decides each address pair on its own: a Deny for part of the source shadows the Allow only there', () => {
    // Source: NSG overview, Security rules (a rule matches on source, source port, destination,
    // destination port and protocol; first match wins, per packet, so per source address).
    // GIVEN a Deny TCP 445 from 10.40.0.0/16 at 200, an Allow TCP 445 from both client CIDRs at 300, a Deny from VirtualNetwork at 4096
    const ev = evaluatorFor(plan({
      ...inbound('ca', 200, 'Deny', 'Tcp', '445', '10.40.0.0/16', '*', 'deny_half'),
      ...inbound('ca', 300, 'Allow', 'Tcp', '445', CLIENTS, '*', 'allow_both'),
      ...denyVnetIn('ca'),
    }), spec);
    // WHEN the clients ask for TCP to the CA
    const r = ev.reach({ tier: 'clients' }, 'ca', Protocol.TCP);
    // THEN 445 is allowed from 10.20.0.0/16 only: not for every client, but for some
    assert.equal(text(r.inbound.allowed), 'nothing');
    assert.equal(text(r.inbound.anyAllowed), '445');
    assert.deepEqual(rules(r.inbound), ['deny_half (Deny 200)', 'allow_both (Allow 300)', 'ca_deny_vnet (Deny 4096)', 'DenyAllInBound (Deny 65500)']);
    assert.deepEqual(grants(r.inbound), [['allow_both', false, '445']]);
    // AND a CIDR inside 10.20.0.0/16 gets 445 for all its addresses
    assert.equal(text(ev.reach({ cidr: '10.20.5.0/24' }, 'ca', Protocol.TCP).inbound.allowed), '445');
  });

  it('filters inbound at the destination\'s NSG and outbound at the source\'s, intra-subnet traffic included', () => {
    // Source: How-it-works, Inbound traffic (the subnet's NSG rules are processed for traffic
    // into the subnet), Outbound traffic (the source's subnet NSG processes outbound rules),
    // Intra-subnet traffic ("This includes intra-subnet traffic as well"); an end whose subnet
    // has no NSG filters nothing ("If there's no network security group associated ..., all
    // traffic is allowed"). Defaults: NSG overview, Default security rules.
    // GIVEN the CA lets out TCP 88 to the DCs and denies other outbound traffic to VirtualNetwork;
    // the DCs let in TCP 88 and 464 from the CA and deny the rest of VirtualNetwork
    const ev = evaluatorFor(plan({
      ...outbound('ca', 200, 'Allow', 'Tcp', '88', CA, DC, 'ca_out_kerberos'),
      ...outbound('ca', 300, 'Deny', '*', '*', '*', 'VirtualNetwork', 'ca_out_deny_vnet'),
      ...inbound('dc', 200, 'Allow', 'Tcp', ['88', '464'], CA, DC, 'dc_in_kerberos'),
      ...denyVnetIn('dc', 300),
    }), spec);
    // WHEN the CA asks for TCP to the DCs
    const r = ev.reach({ tier: 'ca' }, 'dc', Protocol.TCP);
    // THEN the CA's outbound rules allow 88, the DCs' inbound rules 88 and 464: end to end 88
    assert.equal(text(r.outbound.allowed), '88');
    assert.deepEqual(rules(r.outbound), ['ca_out_kerberos (Allow 200)', 'ca_out_deny_vnet (Deny 300)']);
    assert.equal(text(r.inbound.allowed), '88,464');
    assert.deepEqual(rules(r.inbound), ['dc_in_kerberos (Allow 200)', 'dc_deny_vnet (Deny 300)']);
    assert.equal(text(r.allowed), '88');
    // AND the other way the CA's outbound rules and the DCs' inbound rules play no part:
    // the DCs' NSG has no outbound rule, the CA's no inbound rule, so the defaults allow all
    const back = ev.reach({ tier: 'dc' }, 'ca', Protocol.TCP);
    assert.equal(text(back.allowed), '0-65535');
    assert.deepEqual(rules(back.outbound), ['AllowVnetOutBound (Allow 65000)']);
    assert.deepEqual(rules(back.inbound), ['AllowVnetInBound (Allow 65000)']);
    // AND CA to CA (same subnet) passes the CA's outbound rules too: 88 goes to the DCs only, so the Deny at 300 stops all
    const self = ev.reach({ tier: 'ca' }, 'ca', Protocol.TCP);
    assert.equal(text(self.allowed), 'nothing');
    assert.deepEqual(rules(self.outbound), ['ca_out_deny_vnet (Deny 300)']);
    // AND the clients have no NSG: their end is not enforced and filters nothing
    const fromClients = ev.reach({ tier: 'clients' }, 'ca', Protocol.TCP);
    assert.equal(fromClients.outbound.enforced, false);
    assert.equal(text(fromClients.outbound.allowed), '0-65535');
    assert.equal(ev.enforcedAt('clients'), false);
    assert.equal(ev.enforcedAt('ca'), true);
  });

  it('lets a Deny from VirtualNetwork override AllowVnetInBound, whatever the tag holds', () => {
    // Source: NSG overview, Default security rules ("You can't remove the default rules, but you
    // can override them by creating rules with higher priorities"); Service tags, VirtualNetwork row.
    // GIVEN only a Deny of every protocol and port from VirtualNetwork at 4096 on the CA's NSG
    const ev = evaluatorFor(plan(denyVnetIn('ca')), spec);
    // THEN the clients get nothing in TCP, UDP or ICMP in any reading: the Deny decides where
    // they are in VirtualNetwork, DenyAllInBound where they are not
    for (const p of [Protocol.TCP, Protocol.UDP, Protocol.ICMP]) {
      const r = ev.reach({ tier: 'clients' }, 'ca', p);
      assert.equal(text(r.inbound.anyAllowed), 'nothing', p);
      assert.deepEqual(rules(r.inbound), ['ca_deny_vnet (Deny 4096)', 'DenyAllInBound (Deny 65500)'], p);
      assert.deepEqual(grants(r.inbound), [], p);
    }
    // AND a public range gets nothing either: the Deny stops it where VirtualNetwork holds it, DenyAllInBound elsewhere
    const web = ev.reach(INTERNET, 'ca', Protocol.TCP);
    assert.equal(text(web.inbound.anyAllowed), 'nothing');
    assert.deepEqual(rules(web.inbound), ['ca_deny_vnet (Deny 4096)', 'DenyAllInBound (Deny 65500)']);
  });

  it('admits Azure\'s health probe from 168.63.129.16 only through an AzureLoadBalancer Allow before the Deny', () => {
    // Source: Service tags, AzureLoadBalancer row (the host's virtual IP 168.63.129.16, where
    // health probes originate) and VirtualNetwork row (which includes the host's virtual IP);
    // NSG overview, Azure platform considerations (168.63.129.16, health probes); Security rules
    // (one service tag per rule side).
    // GIVEN a Deny from VirtualNetwork at 4096 without, then with, an Allow from AzureLoadBalancer at 4095
    const bare = evaluatorFor(plan(denyVnetIn('ca')), spec);
    const withProbe = evaluatorFor(plan({
      ...inbound('ca', 4095, 'Allow', '*', '*', 'AzureLoadBalancer', CA, 'ca_allow_lb'),
      ...denyVnetIn('ca'),
    }), spec);
    // THEN without the Allow the probe address, inside VirtualNetwork, is denied by the Deny
    const denied = bare.reach(PROBE, 'ca', Protocol.TCP);
    assert.equal(text(denied.inbound.anyAllowed), 'nothing');
    assert.deepEqual(rules(denied.inbound), ['ca_deny_vnet (Deny 4096)']);
    // AND with it every TCP port is open to the probe, an expected grant (not a default one)
    const r = withProbe.reach(PROBE, 'ca', Protocol.TCP);
    assert.equal(text(r.inbound.allowed), '0-65535');
    assert.deepEqual(rules(r.inbound), ['ca_allow_lb (Allow 4095)']);
    assert.deepEqual(grants(r.inbound), [['ca_allow_lb', false, '0-65535']]);
    assert.equal(r.inbound.grants[0]?.expected, true);
    // AND the tag is that one address: the clients still meet the Deny (or DenyAllInBound), and
    // the rest of 168.63.129.0/24 (public) meets the Deny or DenyAllInBound
    assert.deepEqual(rules(withProbe.reach({ tier: 'clients' }, 'ca', Protocol.TCP).inbound), ['ca_deny_vnet (Deny 4096)', 'DenyAllInBound (Deny 65500)']);
    const around = withProbe.reach({ cidr: '168.63.129.0/24' }, 'ca', Protocol.TCP);
    assert.equal(text(around.inbound.allowed), 'nothing');
    assert.equal(text(around.inbound.anyAllowed), '0-65535');
    assert.deepEqual(rules(around.inbound), ['ca_allow_lb (Allow 4095)', 'ca_deny_vnet (Deny 4096)', 'DenyAllInBound (Deny 65500)']);
  });

  it('reads one port, a range and a list of ports (destination_port_ranges)', () => {
    // Source: NSG overview, Security rules, Port ranges ("You can specify an individual or range
    // of ports. For example, you could specify 80 or 10000-10005") and Augmented security rules
    // (several ports and ranges in one rule); "Security Rules - Create Or Update" (destinationPortRange:
    // integer or range between 0 and 65535, or '*').
    // GIVEN TCP ["135", "49152-65535"] in one rule, UDP "123" in another, UDP "5000-5002" in a third, then a Deny from VirtualNetwork
    const ev = evaluatorFor(plan({
      ...inbound('ca', 200, 'Allow', 'Tcp', ['135', '49152-65535'], CLIENTS, CA, 'dcom'),
      ...inbound('ca', 210, 'Allow', 'Udp', '123', CLIENTS, CA, 'ntp'),
      ...inbound('ca', 220, 'Allow', 'Udp', '5000-5002', CLIENTS, CA, 'udp_range'),
      ...denyVnetIn('ca'),
    }), spec);
    // THEN the clients get exactly those ports, each protocol from its own rules
    const tcp = ev.reach({ tier: 'clients' }, 'ca', Protocol.TCP);
    assert.equal(text(tcp.allowed), '135,49152-65535');
    assert.deepEqual(rules(tcp.inbound), ['dcom (Allow 200)', 'ca_deny_vnet (Deny 4096)', 'DenyAllInBound (Deny 65500)']);
    assert.deepEqual(grants(tcp.inbound), [['dcom', false, '135,49152-65535']]);
    const udp = ev.reach({ tier: 'clients' }, 'ca', Protocol.UDP);
    assert.equal(text(udp.allowed), '123,5000-5002');
    assert.deepEqual(rules(udp.inbound), ['ntp (Allow 210)', 'udp_range (Allow 220)', 'ca_deny_vnet (Deny 4096)', 'DenyAllInBound (Deny 65500)']);
    assert.deepEqual(ev.unresolved, []);
  });

  it('reads protocol * as TCP, UDP and ICMP, and Tcp, Udp, Icmp as that protocol only', () => {
    // Source: NSG overview, Security rules, Protocol ("TCP, UDP, ICMP, ESP, AH, or Any"); Default
    // security rules (protocol Any covers TCP, UDP and ICMP). The Icmp rule is placed first so
    // that no verdict depends on how a `*` rule's port field applies to ICMP (undocumented).
    // GIVEN from the admins: Icmp at 200, * on port 445 at 210, Tcp 53 at 220, then a Deny from VirtualNetwork
    const ev = evaluatorFor(plan({
      ...inbound('ca', 200, 'Allow', 'Icmp', '*', ADMINS, '*', 'ping'),
      ...inbound('ca', 210, 'Allow', '*', '445', ADMINS, '*', 'any445'),
      ...inbound('ca', 220, 'Allow', 'Tcp', '53', ADMINS, '*', 'tcp53'),
      ...denyVnetIn('ca'),
    }), spec);
    // THEN TCP gets 53 and 445, UDP 445 only, ICMP every type (the whole axis)
    const tcp = ev.reach({ tier: 'admins' }, 'ca', Protocol.TCP);
    assert.equal(text(tcp.inbound.allowed), '53,445');
    assert.deepEqual(rules(tcp.inbound), ['any445 (Allow 210)', 'tcp53 (Allow 220)', 'ca_deny_vnet (Deny 4096)']);
    const udp = ev.reach({ tier: 'admins' }, 'ca', Protocol.UDP);
    assert.equal(text(udp.inbound.allowed), '445');
    assert.deepEqual(rules(udp.inbound), ['any445 (Allow 210)', 'ca_deny_vnet (Deny 4096)']);
    const icmp = ev.reach({ tier: 'admins' }, 'ca', Protocol.ICMP);
    assert.equal(text(icmp.inbound.allowed), '0-65535');
    assert.deepEqual(rules(icmp.inbound), ['ping (Allow 200)']);
    // AND the clients match none of them
    assert.equal(text(ev.reach({ tier: 'clients' }, 'ca', Protocol.ICMP).inbound.anyAllowed), 'nothing');
  });

  it('checks source and destination prefixes together, * matching every address', () => {
    // Source: NSG overview, Security rules, Source or destination ("Any, or an individual IP
    // address, CIDR block ..., service tag, or application security group"), and a rule matches
    // only when every one of its five-tuple fields matches.
    // GIVEN TCP 443 from * to the CA's subnet; TCP 80 from the clients but to 10.99.0.0/24, not the CA;
    // TCP 3389 from the admins to half the CA (10.0.1.0/25); TCP 135 from one client CIDR; then a Deny from VirtualNetwork
    const ev = evaluatorFor(plan({
      ...inbound('ca', 200, 'Allow', 'Tcp', '443', '*', CA, 'https_any'),
      ...inbound('ca', 210, 'Allow', 'Tcp', '80', CLIENTS, '10.99.0.0/24', 'http_elsewhere'),
      ...inbound('ca', 220, 'Allow', 'Tcp', '3389', ADMINS, '10.0.1.0/25', 'rdp_half'),
      ...inbound('ca', 230, 'Allow', 'Tcp', '135', '10.20.0.0/16', CA, 'rpc_one_cidr'),
      ...denyVnetIn('ca'),
    }), spec);
    // THEN the Internet gets 443 (source *), then the Deny (if VirtualNetwork holds a default route) or DenyAllInBound for the rest
    const web = ev.reach(INTERNET, 'ca', Protocol.TCP);
    assert.equal(text(web.inbound.allowed), '443');
    assert.deepEqual(rules(web.inbound), ['https_any (Allow 200)', 'ca_deny_vnet (Deny 4096)', 'DenyAllInBound (Deny 65500)']);
    // AND the clients get 443 for all, 135 for one CIDR only, never 80 (its destination is not the CA)
    const clients = ev.reach({ tier: 'clients' }, 'ca', Protocol.TCP);
    assert.equal(text(clients.inbound.allowed), '443');
    assert.equal(text(clients.inbound.anyAllowed), '135,443');
    assert.deepEqual(rules(clients.inbound), ['https_any (Allow 200)', 'rpc_one_cidr (Allow 230)', 'ca_deny_vnet (Deny 4096)', 'DenyAllInBound (Deny 65500)']);
    // AND the admins get 3389 on half the CA's addresses only
    const admins = ev.reach({ tier: 'admins' }, 'ca', Protocol.TCP);
    assert.equal(text(admins.inbound.allowed), '443');
    assert.equal(text(admins.inbound.anyAllowed), '443,3389');
    assert.deepEqual(rules(admins.inbound), ['https_any (Allow 200)', 'rdp_half (Allow 220)', 'ca_deny_vnet (Deny 4096)']);
  });

  it('judges a tier over its subnets: allowed needs every subnet\'s NSG, anyAllowed one', () => {
    // Source: How-it-works (each subnet's own NSG processes the traffic into that subnet; zero or
    // one NSG per subnet). The tier's hosts are on both subnets, so a port is open to "every host"
    // only when both NSGs open it.
    // GIVEN the CES tier's subnet ces-a on an NSG allowing TCP 443 from the clients, ces-b on another allowing 443 and 8443
    const ev = evaluatorFor(plan({
      ...inbound('ces_a', 200, 'Allow', 'Tcp', '443', CLIENTS, '*', 'a_https'),
      ...denyVnetIn('ces_a'),
      ...inbound('ces_b', 200, 'Allow', 'Tcp', ['443', '8443'], CLIENTS, '*', 'b_https'),
      ...denyVnetIn('ces_b'),
      ...ADMINS_RULE,
    }, {
      nsgs: { ...NSGS, ces_a: nsg('ev-ces-a-nsg'), ces_b: nsg('ev-ces-b-nsg') },
      associations: { ...ASSOCIATIONS, ces_a: assoc('ces-a', 'ces_a'), ces_b: assoc('ces-b', 'ces_b') },
    }), spec);
    // WHEN the clients ask for TCP to the CES
    const r = ev.reach({ tier: 'clients' }, 'ces', Protocol.TCP);
    // THEN 443 is allowed (both NSGs), 8443 only for some hosts (ces-b's)
    assert.equal(text(r.inbound.allowed), '443');
    assert.equal(text(r.inbound.anyAllowed), '443,8443');
    assert.deepEqual(rules(r.inbound).sort(), ['DenyAllInBound (Deny 65500)', 'a_https (Allow 200)', 'b_https (Allow 200)', 'ces_a_deny_vnet (Deny 4096)', 'ces_b_deny_vnet (Deny 4096)']);
    assert.deepEqual(ev.missing, []);
    assert.equal(ev.enforcedAt('ces'), true);
    assert.deepEqual(ev.unresolved, []);
  });

  it('finds a rule\'s NSG by ${...name} reference or by literal name and resource group, not by name alone', () => {
    // Source: NSG overview, Security rules, Name ("A unique name within the network security
    // group") and the NSG's identity as a resource: a name within a resource group
    // ("Security Rules - Create Or Update": .../resourceGroups/{rg}/.../networkSecurityGroups/{name}/securityRules/{rule});
    // azurerm_network_security_rule names its NSG by network_security_group_name and resource_group_name.
    // GIVEN on the CA's NSG (ev-ca-nsg in rg-ev): TCP 443 by reference; TCP 80 by literal name and
    // resource group; TCP 8080 for an NSG of the same name in another resource group; and on the
    // admins' existing NSG (nsg-admins in rg-net, the plan does not create it) TCP 5985 from the CA
    const literal = (name: string, group: string, body: Body): Body => ({
      ...body, network_security_group_name: name, resource_group_name: group,
    });
    const byRef = inbound('ca', 200, 'Allow', 'Tcp', '443', CLIENTS, CA, 'by_ref');
    const byName = inbound('ca', 210, 'Allow', 'Tcp', '80', CLIENTS, CA, 'by_name');
    const otherRg = inbound('ca', 220, 'Allow', 'Tcp', '8080', CLIENTS, CA, 'other_rg');
    const admins = inbound('ca', 200, 'Allow', 'Tcp', '5985', CA, ADMINS, 'admins_winrm');
    const adminsDeny = denyVnetIn('ca');
    const ev = evaluatorFor(plan({
      ...byRef,
      by_name: literal('ev-ca-nsg', RG, byName.by_name!),
      other_rg: literal('ev-ca-nsg', 'rg-other', otherRg.other_rg!),
      ...denyVnetIn('ca'),
      admins_winrm: literal('nsg-admins', 'rg-net', admins.admins_winrm!),
      admins_deny_vnet: literal('nsg-admins', 'rg-net', { ...adminsDeny.ca_deny_vnet!, name: 'admins_deny_vnet' }),
    }), spec);
    // THEN the clients reach 80 and 443 on the CA, not 8080 (that rule is on another NSG)
    const r = ev.reach({ tier: 'clients' }, 'ca', Protocol.TCP);
    assert.equal(text(r.inbound.allowed), '80,443');
    assert.equal(text(r.inbound.anyAllowed), '80,443');
    assert.deepEqual(rules(r.inbound), ['by_ref (Allow 200)', 'by_name (Allow 210)', 'ca_deny_vnet (Deny 4096)', 'DenyAllInBound (Deny 65500)']);
    // AND the admins' existing NSG holds the literal rules: the CA reaches 5985 on the admins
    const a = ev.reach({ tier: 'ca' }, 'admins', Protocol.TCP);
    assert.equal(a.inbound.enforced, true);
    assert.equal(text(a.inbound.allowed), '5985');
    assert.deepEqual(rules(a.inbound), ['admins_winrm (Allow 200)', 'admins_deny_vnet (Deny 4096)']);
    // AND the rule for ev-ca-nsg in rg-other, an NSG neither the plan nor the spec knows, is
    // another NSG: not unresolved (no verdict depends on it), reported as enforcing nothing of the estate
    assert.deepEqual(ev.unresolved.filter((u) => !u.includes('it enforces nothing of the estate')), []);
    assert.ok(ev.unresolved.some((u) => u.startsWith(`${ADDRESS}other_rg: it is written to NSG rg-other/ev-ca-nsg`)), ev.unresolved.join('\n'));
  });

  it('lists what it cannot resolve, and an unresolved Allow allows nothing; an Allow from a tag it cannot know may admit anyone', () => {
    // Source: Service tags (the tags are Microsoft-managed address sets; `Storage` is one whose
    // addresses the plan cannot know); NSG overview, Security rules, Priority (a number 100-4096:
    // a `${var.x}` priority cannot be placed in the order). An Allow whose NSG, peer or place in
    // the order is unknown cannot be shown to admit anything; the Deny that follows still stands.
    // GIVEN Allows on a missing NSG, from the Storage tag, from an application security group,
    // with an unknown priority, and from a subnet's address by reference; then a Deny from VirtualNetwork
    const ev = evaluatorFor(plan({
      ...inbound('gone', 200, 'Allow', 'Tcp', '1', CLIENTS, '*', 'gone'),
      ...inbound('ca', 210, 'Allow', 'Tcp', '2', 'Storage', '*', 'tag'),
      asg: { ...without(inbound('ca', 220, 'Allow', 'Tcp', '3', '*', '*', 'asg').asg!, 'source_address_prefix'),
        source_application_security_group_ids: ['${azurerm_application_security_group.web.id}'] },
      var: { ...inbound('ca', 230, 'Allow', 'Tcp', '4', CLIENTS, '*', 'var').var!, priority: '${var.priority}' },
      ref: { ...inbound('ca', 240, 'Allow', 'Tcp', '5', '*', '*', 'ref').ref!,
        source_address_prefix: '${azurerm_subnet.clients.address_prefixes[0]}' },
      ...denyVnetIn('ca'),
    }), spec);
    // THEN each is listed but the Storage rule, which is read as a tag whose addresses are unknown
    assert.deepEqual(ev.unresolved.map((u) => short(u.split(':')[0]!)).sort(), ['asg', 'gone', 'ref', 'var']);
    assert.match(ev.unresolved.find((u) => u.startsWith(`${ADDRESS}gone:`))!, /azurerm_network_security_group\.gone/);
    // AND none of ports 1, 3, 4 and 5 may reach the CA; port 2 may, from anyone (the Storage tag
    // may hold any address), and from no one surely
    for (const origin of [{ tier: 'clients' as const }, INTERNET, PROBE, { elsewhere: true as const }]) {
      const r = ev.reach(origin, 'ca', Protocol.TCP);
      assert.equal(text(r.inbound.anyAllowed), '2', JSON.stringify(origin));
      assert.equal(text(r.inbound.allowed), 'nothing', JSON.stringify(origin));
    }
  });

  it('reports a subnet without its NSG association as missing, and that subnet as unfiltered', () => {
    // Source: How-it-works ("If there's no network security group associated ..., all traffic is
    // allowed"; a subnet's NSG is processed for traffic into that subnet).
    // GIVEN the CA's NSG exists with a Deny from VirtualNetwork but is associated with no subnet,
    // and the CES's NSG is associated with ces-a only
    const kept = without(without(ASSOCIATIONS, 'ca'), 'ces_b');
    const ev = evaluatorFor(plan({
      ...denyVnetIn('ca'),
      ...inbound('ces', 200, 'Allow', 'Tcp', '443', CLIENTS, '*', 'ces_https'),
      ...denyVnetIn('ces'),
      ...ADMINS_RULE,
    }, { associations: kept }), spec);
    // THEN both are missing, each named by its subnet
    assert.deepEqual(ev.missing.map((m) => m.tier).sort(), ['ca', 'ces']);
    assert.match(ev.missing.find((m) => m.tier === 'ca')!.detail, /subnets\/ca\b/);
    assert.match(ev.missing.find((m) => m.tier === 'ces')!.detail, /ces-b/);
    // AND nothing filters traffic into the CA: the unassociated NSG's Deny applies to no subnet
    const ca = ev.reach({ tier: 'clients' }, 'ca', Protocol.TCP);
    assert.equal(ca.inbound.enforced, false);
    assert.equal(text(ca.allowed), '0-65535');
    assert.equal(ev.enforcedAt('ca'), false);
    // AND the CES hosts on ces-b are open: 443 is open on every host, the rest on some
    const ces = ev.reach({ tier: 'clients' }, 'ces', Protocol.TCP);
    assert.equal(text(ces.inbound.allowed), '443');
    assert.equal(text(ces.inbound.anyAllowed), '0-65535');
    assert.deepEqual(ev.unresolved, []);
  });

  it('judges outbound traffic to addresses of no tier with the Internet tag and AllowInternetOutBound', () => {
    // Source: NSG overview, Default security rules (AllowInternetOutBound 65001, destination
    // Internet); Service tags, Internet row ("the IP address space that's outside the virtual
    // network and reachable by the public internet") and VirtualNetwork row.
    // GIVEN the CA denies outbound traffic to VirtualNetwork at 4000, the DCs allow out TCP 443 to Internet
    // at 200 and deny everything else at 4096
    const ev = evaluatorFor(plan({
      ...outbound('ca', 4000, 'Deny', '*', '*', '*', 'VirtualNetwork', 'ca_out_deny_vnet'),
      ...outbound('dc', 200, 'Allow', 'Tcp', '443', '*', 'Internet', 'dc_out_web'),
      ...outbound('dc', 4096, 'Deny', '*', '*', '*', '*', 'dc_out_deny_all'),
    }), spec);
    // WHEN each asks about TCP to every address of no tier
    const ca = ev.reachOutside('ca', Protocol.TCP);
    const dc = ev.reachOutside('dc', Protocol.TCP);
    // THEN from the CA: private addresses of no tier (VirtualNetwork) meet the Deny, public ones
    // AllowInternetOutBound; so nothing for every address, every port for some. (Which rule
    // decides reserved non-public ranges such as 100.64.0.0/10 is not documented: the tail of the
    // rule list is left unpinned.)
    assert.equal(text(ca.allowed), 'nothing');
    assert.equal(text(ca.anyAllowed), '0-65535');
    assert.deepEqual(rules(ca).slice(0, 2), ['ca_out_deny_vnet (Deny 4000)', 'AllowInternetOutBound (Allow 65001)']);
    assert.deepEqual(grants(ca), [['AllowInternetOutBound', true, '0-65535']]);
    // AND from the DCs: 443 to the public addresses only, the rest denied at 4096
    assert.equal(text(dc.allowed), 'nothing');
    assert.equal(text(dc.anyAllowed), '443');
    assert.deepEqual(rules(dc), ['dc_out_web (Allow 200)', 'dc_out_deny_all (Deny 4096)']);
    assert.deepEqual(grants(dc), [['dc_out_web', false, '443']]);
    assert.deepEqual(ev.unresolved, []);
  });

  it('matches service tags as destinations too: VirtualNetwork holds the tiers, Internet does not', () => {
    // Source: Service tags, VirtualNetwork row and Internet row ("outside the virtual network");
    // NSG overview, Security rules, Source or destination (a service tag on either side).
    // GIVEN inbound on the CA: TCP 443 from the clients to VirtualNetwork, TCP 80 from the clients to Internet, then a Deny from VirtualNetwork
    const ev = evaluatorFor(plan({
      ...inbound('ca', 200, 'Allow', 'Tcp', '443', CLIENTS, 'VirtualNetwork', 'to_vnet'),
      ...inbound('ca', 210, 'Allow', 'Tcp', '80', CLIENTS, 'Internet', 'to_internet'),
      ...denyVnetIn('ca'),
    }), spec);
    // THEN the CA's addresses are in VirtualNetwork and not in Internet: 443 only, and the rule to Internet decides nothing
    const r = ev.reach({ tier: 'clients' }, 'ca', Protocol.TCP);
    assert.equal(text(r.inbound.allowed), '443');
    assert.equal(text(r.inbound.anyAllowed), '443');
    assert.deepEqual(rules(r.inbound), ['to_vnet (Allow 200)', 'ca_deny_vnet (Deny 4096)', 'DenyAllInBound (Deny 65500)']);
    assert.deepEqual(ev.unresolved, []);
  });

  it('reads rules written inline as security_rule blocks of the NSG the same way', () => {
    // Source: NSG overview, Security rules (a rule is the same whatever tool writes it); azurerm
    // docs, azurerm_network_security_group, `security_rule` blocks (the same arguments as
    // azurerm_network_security_rule, less the NSG's name and resource group).
    // GIVEN the CA's NSG with two inline rules: Allow TCP 443 from the clients at 200, Deny from VirtualNetwork at 4096
    const inline = (body: Body): Body => without(without(body, 'network_security_group_name'), 'resource_group_name');
    const ev = evaluatorFor(plan({}, { nsgs: { ...NSGS, ca: { ...nsg('ev-ca-nsg'), security_rule: [
      inline(inbound('ca', 200, 'Allow', 'Tcp', '443', CLIENTS, '*', 'https').https!),
      inline(denyVnetIn('ca').ca_deny_vnet!),
    ] } } }), spec);
    // THEN the clients get TCP 443 and no UDP port, decided by those two rules (named by the NSG's address)
    const tcp = ev.reach({ tier: 'clients' }, 'ca', Protocol.TCP);
    assert.equal(text(tcp.inbound.allowed), '443');
    assert.equal(text(tcp.inbound.anyAllowed), '443');
    assert.deepEqual(tcp.inbound.rules.map((x) => x.replace(/^.*\(/, '(')), ['(Allow 200)', '(Deny 4096)', '(Deny 65500)']);
    assert.ok(tcp.inbound.rules.slice(0, 2).every((x) => x.startsWith('azurerm_network_security_group.ca')), tcp.inbound.rules.join());
    assert.equal(text(ev.reach({ tier: 'clients' }, 'ca', Protocol.UDP).inbound.anyAllowed), 'nothing');
    assert.deepEqual(ev.unresolved, []);
  });

  it('reads terraform show -json of a plan made after apply: literal ids, and the NSG\'s computed copy of its separate rules', () => {
    // Source: NSG overview, Security rules (one rule, however often it is listed, is one rule);
    // azurerm network_security_group_resource.go (Read fills the NSG's computed security_rule with
    // every rule of the NSG, the separate ones included); Terraform "JSON Output Format", Plan
    // Representation (planned_values) and Values Representation (root_module.resources[]).
    // GIVEN an applied estate planned again: the CA's NSG with its id, an association by literal id,
    // one separate rule (Allow TCP 443 from the clients at 200) and a Deny from VirtualNetwork at
    // 4096, both also listed in the NSG's security_rule as the provider reads them back
    const resources = appliedCa();
    const ev = evaluatorFor({ format_version: '1.2', terraform_version: '1.11.0', planned_values: { root_module: { resources } },
      resource_changes: resources.map((r) => ({ ...r, change: { actions: ['no-op'], before: r.values, after: r.values, after_unknown: {} } })) }, spec);
    // THEN the CA is enforced by that NSG and the clients get TCP 443, each rule counted once
    const r = ev.reach({ tier: 'clients' }, 'ca', Protocol.TCP);
    assert.equal(r.inbound.enforced, true);
    assert.equal(text(r.inbound.allowed), '443');
    assert.equal(text(r.inbound.anyAllowed), '443');
    assert.deepEqual(rules(r.inbound), ['https (Allow 200)', 'ca_deny_vnet (Deny 4096)', 'DenyAllInBound (Deny 65500)']);
    assert.deepEqual(ev.unresolved, []);
  });

  it('reads a state from terraform show -json (values.root_module) like the plan made from it', () => {
    // Source: Terraform "JSON Output Format", State Representation ("terraform show -json <state>"
    // prints { "values": <values-representation> }, the form of a plan's prior_state); README,
    // "Checking a plan in CI" (the plan is a cdk.tf.json or `terraform show -json` output, before or after apply).
    // The NSG semantics are those of the previous case; only the document's form differs.
    // GIVEN the same applied resources as a state
    const ev = evaluatorFor({ format_version: '1.0', values: { root_module: { resources: appliedCa() } } }, spec);
    // THEN the same verdict
    const r = ev.reach({ tier: 'clients' }, 'ca', Protocol.TCP);
    assert.equal(r.inbound.enforced, true);
    assert.equal(text(r.inbound.allowed), '443');
    assert.deepEqual(rules(r.inbound), ['https (Allow 200)', 'ca_deny_vnet (Deny 4096)', 'DenyAllInBound (Deny 65500)']);
    assert.deepEqual(ev.missing.map((m) => m.tier).sort(), ['admins', 'ces', 'ces', 'dc']);
  });
});

/**
 * The CA's NSG as `terraform show -json` lists it once applied: NSG with its id and its computed
 * `security_rule` (both separate rules again), the association by literal id, the two separate rules.
 */
function appliedCa(): Record<string, unknown>[] {
  const id = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ev/providers/Microsoft.Network/networkSecurityGroups/ev-ca-nsg';
  const bare = (body: Body): Body => without(without(body, 'network_security_group_name'), 'resource_group_name');
  const https = bare(inbound('ca', 200, 'Allow', 'Tcp', '443', CLIENTS, '*', 'https').https!);
  const deny = bare(denyVnetIn('ca').ca_deny_vnet!);
  const separate = (name: string, body: Body): Record<string, unknown> => ({
    mode: 'managed', type: 'azurerm_network_security_rule', name, address: `azurerm_network_security_rule.${name}`,
    values: { ...body, network_security_group_name: 'ev-ca-nsg', resource_group_name: RG },
  });
  return [
    { mode: 'managed', type: 'azurerm_network_security_group', name: 'ca', address: 'azurerm_network_security_group.ca',
      values: { id, name: 'ev-ca-nsg', resource_group_name: RG, location: 'westeurope', security_rule: [https, deny] } },
    { mode: 'managed', type: 'azurerm_subnet_network_security_group_association', name: 'ca', address: 'azurerm_subnet_network_security_group_association.ca',
      values: { subnet_id: subnet('ca'), network_security_group_id: id } },
    separate('https', https),
    separate('ca_deny_vnet', deny),
  ];
}
