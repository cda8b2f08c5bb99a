import { createHash } from 'node:crypto';
import { Annotations, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import type { NetworkSecurityGroup } from '@cdktf/provider-azurerm/lib/network-security-group';
import { Messages } from '../errors';
import { Flow } from '../model/flows';
import { ResolvedSpec } from '../input/resolved';
import { AzurePlan, planAzure, PlannedNsgRule } from '../platforms/azure/planner';
import { StackRegistry } from './stack-registry';

/** Props of AzureNsgRules. */
export interface AzureNsgRulesProps {
  /** The validated estate, platform azure. */
  readonly spec: ResolvedSpec;
  /** The estate's flows. */
  readonly flows: readonly Flow[];
  /**
   * The plan, when the caller made it already.
   * @default - planned from spec and flows
   */
  readonly plan?: AzurePlan;
}

/** Short, stable construct-id fragment of a subnet id: its last segment plus a content hash. */
function subnetKey(subnetId: string): string {
  const last = subnetId.split('/').filter(Boolean).pop() ?? 'subnet';
  return `${last.replace(/[^A-Za-z0-9-]/g, '-').slice(0, 40)}-${createHash('sha256').update(subnetId).digest('hex').slice(0, 8)}`;
}

const REGISTRY = new StackRegistry<AzureNsgRules>();

/**
 * The Azure NSGs, rules and subnet associations of an estate: a thin loop over `planAzure`.
 * Rules are always separate `azurerm_network_security_rule` resources (never inline blocks),
 * so they can share an NSG with rules written elsewhere.
 */
export class AzureNsgRules extends Construct {
  /** The plan the resources were made from. */
  public readonly plan: AzurePlan;
  /** NSGs the library created, by NSG name. */
  public readonly networkSecurityGroups: Readonly<Record<string, NetworkSecurityGroup>>;

  constructor(scope: Construct, id: string, props: AzureNsgRulesProps) {
    super(scope, id);
    // Loaded on use: the provider is an optional peer dependency, and AWS users need not have it.
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { NetworkSecurityGroup } = require('@cdktf/provider-azurerm/lib/network-security-group') as typeof import('@cdktf/provider-azurerm/lib/network-security-group');
    const { NetworkSecurityRule } = require('@cdktf/provider-azurerm/lib/network-security-rule') as typeof import('@cdktf/provider-azurerm/lib/network-security-rule');
    const { SubnetNetworkSecurityGroupAssociation } = require('@cdktf/provider-azurerm/lib/subnet-network-security-group-association') as typeof import('@cdktf/provider-azurerm/lib/subnet-network-security-group-association');
    /* eslint-enable @typescript-eslint/no-require-imports */
    this.plan = props.plan ?? planAzure(props.spec, props.flows);
    const created: Record<string, NetworkSecurityGroup> = {};
    for (const w of this.plan.warnings) Annotations.of(this).addWarning(Messages.warning(w.path, w.message));
    for (const nsg of this.plan.nsgs) {
      let nsgName: string = nsg.name;
      let rgName: string = nsg.resourceGroupName;
      if (nsg.created) {
        const res = new NetworkSecurityGroup(this, `nsg-${nsg.key}`, {
          name: nsg.name, location: nsg.location!, resourceGroupName: nsg.resourceGroupName,
          tags: { ...nsg.tags, 'adcs-firewall:tiers': nsg.tiers.join(' ') },
        });
        created[nsg.key] = res;
        nsgName = res.name;
        rgName = res.resourceGroupName;
        for (const subnetId of nsg.subnetIds) {
          new SubnetNetworkSecurityGroupAssociation(this, `${nsg.key}-assoc-${subnetKey(subnetId)}`, {
            subnetId, networkSecurityGroupId: res.id,
          });
        }
      }
      for (const r of nsg.rules) {
        new NetworkSecurityRule(this, `${nsg.key}-${r.id}`, ruleConfig(r, nsgName, rgName));
      }
    }
    this.networkSecurityGroups = created;
    REGISTRY.add(TerraformStack.of(this), this);
    this.node.addValidation({ validate: () => this.sharedNsgClashes() });
  }

  /**
   * Whole-stack check: other AzureNsgRules of the stack (other sites, say) that write to the
   * same existing NSG must use other priorities and names. Reported once, by the first
   * construct in path order.
   */
  private sharedNsgClashes(): string[] {
    const all = REGISTRY.of(TerraformStack.of(this));
    if (all[0] !== this) return [];
    const seen = new Map<string, string>();
    const errors: string[] = [];
    for (const owner of all) {
      for (const nsg of owner.plan.nsgs.filter((n) => !n.created)) {
        const at = `${nsg.resourceGroupName.toLowerCase()}/${nsg.name.toLowerCase()}`;
        for (const r of nsg.rules) {
          for (const [what, k] of [['priority', `${at} ${r.direction} ${r.priority}`], ['name', `${at} name ${r.name}`]] as const) {
            const first = seen.get(k);
            if (first !== undefined && first !== owner.node.path) {
              errors.push(Messages.existingNsgClash(nsg.name, what === 'priority' ? `${r.direction.toLowerCase()} priority ${r.priority}` : `rule name ${r.name}`, first, owner.node.path));
            } else {
              seen.set(k, owner.node.path);
            }
          }
        }
      }
    }
    return errors;
  }
}

function one(list: readonly string[]): { single?: string; many?: string[] } {
  return list.length === 1 ? { single: list[0] } : { many: [...list] };
}

function ruleConfig(r: PlannedNsgRule, nsgName: string, resourceGroupName: string) {
  const src = one(r.sourceAddressPrefixes);
  const dst = one(r.destinationAddressPrefixes);
  const ports = one(r.destinationPortRanges);
  return {
    name: r.name,
    networkSecurityGroupName: nsgName,
    resourceGroupName,
    description: r.description,
    priority: r.priority,
    direction: r.direction,
    access: r.access,
    protocol: r.protocol,
    sourcePortRange: '*',
    sourceAddressPrefix: src.single,
    sourceAddressPrefixes: src.many,
    destinationAddressPrefix: dst.single,
    destinationAddressPrefixes: dst.many,
    destinationPortRange: ports.single,
    destinationPortRanges: ports.many,
  };
}
