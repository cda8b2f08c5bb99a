// Builds the baseline program's input from spec files with the library's pure planners, so the
// baseline declares the same resources, with the same content, as the library.
import { planAws } from '../lib/platforms/aws/planner';
import { planAzure } from '../lib/platforms/azure/planner';
import { flowsOf } from '../lib/model/flows';
import { loadSpecFile } from '../lib/spec';
import { ResolvedInput } from '../lib/input/resolved';
import { awsSettings } from '../lib/platforms/aws/settings';
import { BaselineAwsStack, BaselineAzureStack, BaselineInput } from './baseline-format';

/** A copy of `tags` with its keys sorted (as the library writes AWS tags). */
function sortedTags(tags: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(tags).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** `{ single }` for a one-item list, `{ many }` otherwise (Azure's singular and plural attributes). */
function one(list: readonly string[]): { single?: string; many?: string[] } {
  return list.length === 1 ? { single: list[0] } : { many: [...list] };
}

function azureStack(spec: ResolvedInput): BaselineAzureStack {
  const plan = planAzure(spec, flowsOf(spec.estate));
  return {
    platform: 'azure',
    name: spec.estate.name,
    nsgs: plan.nsgs.map((n) => ({
      id: `nsg-${n.key}`,
      ...(n.created
        ? { config: { name: n.name, location: n.location!, resourceGroupName: n.resourceGroupName, tags: { ...n.tags, 'adcs-firewall:tiers': n.tiers.join(' ') } } }
        : { existing: { name: n.name, resourceGroupName: n.resourceGroupName } }),
      associations: n.subnetIds.map((subnetId, i) => ({ id: `${n.key}-assoc-${i}`, subnetId })),
      rules: n.rules.map((r) => {
        const src = one(r.sourceAddressPrefixes);
        const dst = one(r.destinationAddressPrefixes);
        const ports = one(r.destinationPortRanges);
        return {
          id: `${n.key}-${r.id}`,
          config: {
            name: r.name, description: r.description, priority: r.priority, direction: r.direction, access: r.access,
            protocol: r.protocol, sourcePortRange: '*',
            sourceAddressPrefix: src.single, sourceAddressPrefixes: src.many,
            destinationAddressPrefix: dst.single, destinationAddressPrefixes: dst.many,
            destinationPortRange: ports.single, destinationPortRanges: ports.many,
          },
        };
      }),
    })),
  };
}

function awsStack(spec: ResolvedInput): BaselineAwsStack {
  const plan = planAws(spec, flowsOf(spec.estate));
  const { tags, region } = awsSettings(spec);
  return {
    platform: 'aws',
    name: spec.estate.name,
    region,
    groups: plan.groups.map((g) => (g.kind === 'created'
      ? { key: g.key, id: g.id, config: { name: g.name, description: g.description, vpcId: g.vpcId, tags: sortedTags(g.tags) } }
      : { key: g.key, securityGroupId: g.securityGroupId })),
    rules: plan.rules.map((r) => ({
      id: r.id,
      direction: r.direction,
      groupKey: r.groupKey,
      peerGroupKey: r.peer.kind === 'group' ? r.peer.groupKey : undefined,
      config: {
        description: r.description,
        ipProtocol: r.protocol === 'all' ? '-1' : r.protocol,
        ...(r.protocol === 'all' ? {} : { fromPort: r.fromPort, toPort: r.toPort }),
        ...(r.peer.kind === 'cidr' ? { cidrIpv4: r.peer.cidr } : {}),
        ...(Object.keys(tags).length > 0 ? { tags: sortedTags(tags) } : {}),
      },
    })),
    outputs: plan.outputs.map((o) => ({ id: o.id, groupKey: o.groupKey, description: o.description })),
  };
}

/** The baseline's input for these spec files: one stack each, named after the estate. */
export function baselineInput(specFiles: readonly string[]): BaselineInput {
  return {
    stacks: specFiles.map((file) => {
      const spec = loadSpecFile(file);
      return spec.platform === 'azure' ? azureStack(spec) : awsStack(spec);
    }),
  };
}
