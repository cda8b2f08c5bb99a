import { TfDocument, TfDocumentForm, TfInstance, TfProblemKind } from '../../terraform/document';
import { InstanceIndex, referencesIn, stringsIn } from '../../terraform/instance-index';
import { AzureNsg } from './network';
import type { NetworkProblem } from '../evaluator';
import { forgottenByRemovedBlocks, ignoredChangesProblems } from '../unstated-values';
import { nsgLabel } from './reader';

/**
 * Fail closed: an element the Azure reader does not model is a problem when it can affect
 * what reaches the estate, decided by what it names or could name, not by a list of types
 * it may be. It names the estate when it references an element that is the estate's (an NSG,
 * its rules, an association of an estate subnet, a data source standing for one), or states an
 * estate NSG's name or subnet's id; it could name it when it writes Azure network security in
 * a way the reader does not read (another provider writing `Microsoft.Network` security
 * objects, an ARM template that holds them, a module, a network manager's admin rules, which
 * Azure applies before any NSG). Elements that cannot change traffic (flow logs, diagnostics,
 * locks, role assignments) are left alone, as are data sources, which read.
 */

/** What the estate is, as the reader found it. */
export interface AzureEstateNames {
  /** Keys of the NSGs the spec names (existing NSGs). */
  readonly nsgKeys: ReadonlySet<string>;
  /** The spec's subnet ids, lower case. */
  readonly subnetIds: readonly string[];
  /** Keys of the NSGs associated with the estate's subnets. */
  readonly associations: readonly string[];
  /** True for an instance the reader models. */
  readonly modeled: (i: TfInstance) => boolean;
  /** Every NSG read. */
  readonly nsgs: ReadonlyMap<string, AzureNsg>;
}

/** Types that always reach the estate when present: Azure Virtual Network Manager's security admin rules apply before NSGs, to whole networks. */
const ALWAYS: ReadonlySet<string> = new Set([
  'azurerm_network_manager_admin_rule', 'azurerm_network_manager_admin_rule_collection',
  'azurerm_network_manager_security_admin_configuration', 'azurerm_network_manager_deployment',
]);

/** Types that name network objects but cannot change what traffic passes. */
const HARMLESS: ReadonlySet<string> = new Set([
  'azurerm_network_watcher_flow_log', 'azurerm_monitor_diagnostic_setting', 'azurerm_management_lock',
  'azurerm_role_assignment', 'azurerm_resource_group', 'azurerm_network_interface',
  'azurerm_public_ip', 'azurerm_route_table', 'azurerm_subnet_route_table_association', 'azurerm_route',
]);

/** ARM types whose objects filter traffic (written by azapi, templates and other providers). */
const SECURITY_TYPES = /microsoft\.network\/(networksecuritygroups|networkinterfaces|virtualnetworks\/subnets|networkmanagers|applicationsecuritygroups)/i;

/** Problems of the elements the reader does not model that can reach the estate. */
export function unmodeledProblems(doc: TfDocument, index: InstanceIndex, estate: AzureEstateNames): NetworkProblem[] {
  const out: NetworkProblem[] = [];
  const estateKeys = new Set([...estate.nsgKeys, ...estate.associations]);
  const names = [...estateKeys].map((k) => nsgLabel(k).split('/')[1]).filter((n) => n && !n.includes('.')).map((n) => n.toLowerCase());
  const estateAddresses = new Set<string>();
  for (const k of estateKeys) {
    const n = estate.nsgs.get(k);
    if (n?.address) estateAddresses.add(n.address);
  }
  const namesEstate = (i: TfInstance): string | undefined => {
    for (const ref of referencesIn(i.values as never)) {
      const t = index.target(ref, i);
      if (t && estateAddresses.has(t.instance.address)) return `it references ${t.instance.address}`;
      if (t && t.instance.mode === 'data' && t.instance.type === 'azurerm_network_security_group') return `it references ${t.instance.address}, an NSG`;
    }
    for (const s of stringsIn(i.values as never)) {
      const lower = s.toLowerCase();
      const subnet = estate.subnetIds.find((id) => lower.includes(id));
      if (subnet) return `it names the estate's subnet ${subnet}`;
      const name = names.find((n) => lower === n || lower.includes(`/networksecuritygroups/${n}`));
      if (name) return `it names the estate's NSG ${name}`;
    }
    return undefined;
  };
  for (const i of doc.instances) {
    if (i.mode !== 'managed' || estate.modeled(i)) continue;
    const azurerm = i.provider.source === 'hashicorp/azurerm';
    let why: string | undefined;
    if (azurerm && i.type === 'azurerm_virtual_network') why = inlineSubnetNsgs(i, index, estate.subnetIds);
    else if (azurerm && ALWAYS.has(i.type)) why = 'Azure Virtual Network Manager security admin rules are evaluated before NSGs, for whole networks, and the check does not model them';
    else if (azurerm && HARMLESS.has(i.type)) why = undefined;
    else {
      const named = namesEstate(i);
      if (named) why = `${named}, and the check does not model ${azurerm ? `the type ${i.type}` : `resources of the provider ${i.provider.source}`}`;
      else if (!azurerm && stringsIn(i.values as never).some((s) => SECURITY_TYPES.test(s))) {
        why = `it writes Azure network security objects through the provider ${i.provider.source}, which the check does not read: they may be the estate's`;
      } else if (i.type === 'azurerm_resource_group_template_deployment' || i.type === 'azurerm_subscription_template_deployment' || i.type === 'azurerm_tenant_template_deployment') {
        if (stringsIn(i.values as never).some((s) => SECURITY_TYPES.test(s))) why = 'an ARM template that writes network security objects, which the check does not read';
      }
    }
    if (why) out.push({ kind: TfProblemKind.UNRESOLVED, element: i.address, message: why, offset: i.offset });
  }
  if (doc.form === TfDocumentForm.CONFIGURATION) {
    for (const m of doc.moduleCalls) {
      out.push({ kind: TfProblemKind.UNRESOLVED, element: m.address, message: `a module (source ${JSON.stringify(m.source)}): what it creates is not in this document, and it may write rules or associations of the estate`, offset: m.offset });
    }
  }
  const security = (type: string): boolean => type.startsWith('azurerm_network_') || type === 'azurerm_subnet' || type.startsWith('azurerm_subnet_');
  out.push(...forgottenByRemovedBlocks(doc, security));
  out.push(...ignoredChangesProblems(doc.instances, (i) => estate.modeled(i) && security(i.type)));
  return out;
}

/** A virtual network whose inline `subnet` blocks give an estate subnet an NSG (`security_group`): an association the reader does not read. */
function inlineSubnetNsgs(i: TfInstance, index: InstanceIndex, subnetIds: readonly string[]): string | undefined {
  const subnets = Array.isArray(i.values.subnet) ? i.values.subnet : i.values.subnet === undefined ? [] : [i.values.subnet];
  const withNsg = subnets.filter((s) => s !== null && typeof s === 'object' && !Array.isArray(s) && (s as Record<string, unknown>).security_group !== undefined);
  if (withNsg.length === 0) return undefined;
  const rg = index.literal(i.values.resource_group_name, i)?.toLowerCase();
  const name = index.literal(i.values.name, i)?.toLowerCase();
  const ours = rg === undefined || name === undefined || subnetIds.some((id) => id.includes(`/resourcegroups/${rg}/providers/microsoft.network/virtualnetworks/${name}/`));
  return ours ? 'its inline subnet blocks give subnets an NSG (security_group), which the check does not read: one may be the estate\'s' : undefined;
}

