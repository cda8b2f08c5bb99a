import { defineRules, FindingLevel, rule } from '../../findings/rule';
import { show } from '../../errors';
import { Protocol } from '../../model/protocol';
import { TierKey } from '../../model/tiers';
import { ruleSlot, TIER_SLOTS } from './priorities';

/**
 * What a window needs, said when it is too small: `needed` priorities hold every rule of this NSG
 * in its own slot (and the probe Allow and the deny by default after them, when the NSG denies by
 * default); the larger counts hold every TCP and UDP rule of any estate, and with ICMP.
 */
function windowNeeded(needed: number, first: number, probe: boolean): string {
  // The largest slot is the last tier's to itself (UDP), or in the ICMP block; plus one, plus the deny (and the probe Allow).
  const last = (Object.keys(TIER_SLOTS) as TierKey[]).reduce((a, b) => (TIER_SLOTS[b] > TIER_SLOTS[a] ? b : a));
  const reserved = probe ? 3 : 2;
  const allTcpUdp = ruleSlot(last, last, Protocol.UDP) + reserved;
  const all = ruleSlot(last, last, Protocol.ICMP) + reserved;
  return `widen the priority range to at least ${needed} priorities ("${first}-${first + needed - 1}"), where every rule of this NSG keeps its own slot${probe ? ' before the health-probe Allow and the deny by default' : ''}; ${allTcpUdp} priorities hold every TCP and UDP rule of any estate, ${all} with ICMP custom flows (the default "100-4096" holds everything)`;
}

/** A subnet id for a message: its virtual network and subnet when the whole id is too long to show (`".../virtualNetworks/vnet/subnets/snet-a"`). */
function subnetShown(id: string): string {
  const tail = /\/virtualNetworks\/[^/]+\/subnets\/[^/]+$/i.exec(id);
  return id.length > 60 && tail ? show(`...${tail[0]}`) : show(id);
}

/** The messages of Azure's settings, planner and construct checks. */
export const AzureMessages = defineRules({
  priorityRangeMalformed: rule('ADCS-E101', FindingLevel.ERROR, 'Not a priority range',
    'Write priorities as a quoted "N-M" within 100-4096, low end first.',
    (value: unknown) =>
    `${show(value)} is not a priority range; write "N-M" with priorities in 100-4096, low end first (for example "3000-3499")`),
  nsgNameWithoutSubnets: rule('ADCS-E102', FindingLevel.ERROR, 'nsgName without subnetIds',
    'nsgName names the NSG created for the tier\'s subnetIds.',
    () => '"nsgName" names the NSG created for "subnetIds", but the tier has no subnetIds'),
  subnetInTwoGroups: rule('ADCS-E103', FindingLevel.ERROR, 'A subnet in two NSGs',
    'A subnet has one NSG: co-located tiers list the same subnetIds (and then share the NSG).',
    (subnet: string, a: string, b: string) =>
    `subnet ${subnetShown(subnet)} is listed by tiers "${a}" and "${b}" with different subnet lists; a subnet has one NSG: give co-located tiers the same subnetIds`),
  sharedNsgConflict: rule('ADCS-E104', FindingLevel.ERROR, 'Tiers on one NSG disagree',
    'Every tier on one NSG gives the same priorityRange, denyByDefault, nsgName and provider.',
    (nsg: string, key: string) =>
    `tiers sharing NSG ${nsg} disagree on "${key}"; give every tier on one NSG the same value`),
  sharedHostsSplitEnforcement: rule('ADCS-W101', FindingLevel.WARNING, 'Tiers on the same hosts, different NSGs',
    'A subnet has one NSG: hosts in both tiers need both tiers\' rules; give co-located tiers the same subnetIds or networkSecurityGroup.',
    (a: string, b: string) =>
    `tiers "${a}" and "${b}" share addresses but not their enforcement point; hosts in both tiers need both tiers' rules: give co-located tiers the same subnetIds or networkSecurityGroup, or the NSG's deny-by-default blocks the other tier's flows`),
  azureNsgNameInvalid: rule('ADCS-E105', FindingLevel.ERROR, 'Not an NSG name',
    'Azure takes 1-80 letters, digits, underscores, periods and hyphens, starting with a letter or digit and ending with a letter, digit or underscore.',
    (value: string) =>
    `${show(value)} is not an NSG name; Azure takes 1-80 letters, digits, underscores, periods and hyphens, starting with a letter or digit and ending with a letter, digit or underscore`),
  azureNsgNameTaken: rule('ADCS-E106', FindingLevel.ERROR, 'Two NSGs of one name',
    'NSG names are unique in a resource group, case aside; give one another nsgName.',
    (name: string, a: string, b: string) =>
    `tiers "${a}" and "${b}" would both use NSG ${show(name)} for different subnets (Azure names are unique in a resource group, case aside); give one another nsgName, or give co-located tiers the same subnetIds`),
  azureResourceGroupInvalid: rule('ADCS-E107', FindingLevel.ERROR, 'Not a resource group name',
    'Azure takes 1-90 letters, digits, underscores, parentheses, hyphens and periods, not ending with a period.',
    (value: string) =>
    `${show(value)} is not a resource group name; Azure takes 1-90 letters, digits, underscores, parentheses, hyphens and periods, not ending with a period`),
  priorityCollision: rule('ADCS-E108', FindingLevel.ERROR, 'Two rules need one priority',
    'A narrow priority window folds the fixed slots onto each other; widen it (the message says how far).',
    (nsg: string, direction: string, priority: number, a: string, b: string, needed: number, first: number, probe: boolean) =>
    `NSG ${nsg}: ${direction} rules ${a} and ${b} both need priority ${priority} in the window; ${windowNeeded(needed, first, probe)}`),
  priorityWindowFull: rule('ADCS-E109', FindingLevel.ERROR, 'Priority window too small',
    'The rules need more priorities than the window holds: widen the priority range.',
    (nsg: string, direction: string, needed: number, window: string) =>
    `NSG ${nsg}: ${direction} rules need priority slot ${needed} but the window ${window} is too small; widen the priority range`),
  nsgTooManyRules: rule('ADCS-E110', FindingLevel.ERROR, 'More than 1,000 rules in an NSG',
    'Azure allows 1,000 rules per NSG: split the tiers over more NSGs or aggregate their CIDRs.',
    (nsg: string, count: number) =>
    `NSG ${nsg} would hold ${count} rules; Azure allows 1000 per NSG: split the tiers over more NSGs or aggregate their CIDRs`),
  nsgTooManyAddresses: rule('ADCS-E111', FindingLevel.ERROR, 'More than 4,000 addresses on one side of an NSG',
    'Azure allows 4,000 source and 4,000 destination addresses over an NSG\'s rules: list fewer, larger CIDRs.',
    (nsg: string, side: string, count: number) =>
    `NSG ${nsg} would hold ${count} ${side} addresses over its rules; Azure allows 4000 (adjacent blocks are already merged): list fewer, larger CIDRs or split the tiers over more NSGs`),
  denyOnDomainControllers: rule('ADCS-W102', FindingLevel.WARNING, 'Deny by default on the DCs',
    'DCs serve the whole domain: add custom flows for their other clients, or set denyByDefault: false on their NSG.',
    (nsg: string) =>
    `NSG ${nsg} of the dc tier denies all other inbound network traffic; DCs serve the whole domain, so add custom flows for every other client of the DCs, or set denyByDefault: false`),
  existingNsgClash: rule('ADCS-E112', FindingLevel.ERROR, 'Two estates write one priority or rule name',
    'Estates sharing an existing NSG need distinct names and disjoint priorityRange windows.',
    (nsg: string, what: string, a: string, b: string) =>
    `NSG ${nsg}: ${a} and ${b} both write ${what}; give the estates distinct names and disjoint priorityRange windows on that NSG`),
  azureUnenforcedInsideDeny: rule('ADCS-W103', FindingLevel.WARNING, 'Tier without NSG inside a denying NSG\'s subnet',
    'That NSG filters the tier\'s hosts and blocks its inbound flows; give the tier the same subnetIds or networkSecurityGroup.',
    (tier: string, other: string, nsg: string) =>
    `tier "${tier}" has no NSG of its own, but its addresses lie inside tier "${other}", whose NSG ${nsg} denies by default: that NSG filters those hosts and blocks "${tier}"'s inbound flows; give "${tier}" the same subnetIds or networkSecurityGroup as "${other}", or CIDRs outside it`),
  probePriorityTaken: rule('ADCS-E113', FindingLevel.ERROR, 'No priority for the health-probe Allow',
    'The Allow from AzureLoadBalancer takes the priority just before the deny by default; widen the window.',
    (nsg: string, priority: number, rule: string, window: string, needed: number, example: string) =>
    `NSG ${nsg}: the Allow from AzureLoadBalancer (health probes) needs priority ${priority}, just before the deny by default, but ${rule} takes it in the window ${window}; widen the priority range to at least ${needed} priorities (for example "${example}")`),
  azureSubnetIdInvalid: rule('ADCS-E120', FindingLevel.ERROR, 'Not a subnet id',
    'An Azure subnet id is /subscriptions/<subscription id>/resourceGroups/<resource group>/providers/Microsoft.Network/virtualNetworks/<virtual network>/subnets/<subnet>, or a Terraform reference.',
    (value: string) =>
    `${show(value)} is not a subnet id; Azure subnet ids look like /subscriptions/<subscription id>/resourceGroups/<resource group>/providers/Microsoft.Network/virtualNetworks/<virtual network>/subnets/<subnet> (or a Terraform reference such as \${azurerm_subnet.ca.id}, or the subnet's id token)`),
  azureGuidInvalid: rule('ADCS-E121', FindingLevel.ERROR, 'Not a subscription or tenant id',
    'Azure subscription and tenant ids are GUIDs, or a Terraform expression.',
    (key: string, value: string) =>
    `${show(value)} is not a ${key === 'tenantId' ? 'tenant' : 'subscription'} id; Azure ${key === 'tenantId' ? 'tenant' : 'subscription'} ids are GUIDs such as 00000000-0000-0000-0000-000000000000 (or a Terraform expression such as \${var.${key === 'tenantId' ? 'tenant_id' : 'subscription_id'}})`),
  azureNsgTwoProviders: rule('ADCS-E122', FindingLevel.ERROR, 'One NSG name under two provider configurations',
    'Tiers naming the same existing NSG under different provider configurations name two NSGs whose rules would share their addresses; use one configuration or tell the NSGs apart.',
    (nsg: string, a: string, b: string) =>
    `tiers "${a}" and "${b}" name existing NSG ${nsg} under different provider configurations (two subscriptions' NSGs of one name), whose rules would share their Terraform addresses; give both tiers the same "provider", or split them into two estates`),
});
