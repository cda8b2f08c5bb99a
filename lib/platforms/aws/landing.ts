import type { ResolvedInput } from '../../input/resolved';
import { TfDocument, TfInstance } from '../../terraform/document';
import { InstanceIndex, specValue } from '../../terraform/instance-index';
import { ArgumentValue, TfReference } from '../../terraform/values';
import { awsSettings } from './settings';

/**
 * Where a security group the input creates lands, against where the spec puts a tier's group:
 * its provider configuration (alias), its VPC (`vpc_id`) and its region (provider v6's
 * `region` argument, or the configuration's). Terraform applies a resource under the
 * configuration it names, in the VPC it names: a group elsewhere enforces nothing of the
 * estate; one whose place cannot be known from the input is unresolved.
 */

/**
 * A function telling, for a created group and the alias the spec gives its tier, `undefined`
 * when it lands where the spec says, `?<why>` when that cannot be known, else where it lands.
 */
export function groupLanding(doc: TfDocument, index: InstanceIndex, spec: ResolvedInput): (group: TfInstance, tierAlias: string | undefined) => string | undefined {
  const settings = awsSettings(spec);
  const vpc = specValue(settings.vpcId);
  const configRegion = (key: string): string | undefined => {
    const region = doc.providerConfigs.get(key)?.region;
    return typeof region === 'string' ? region : undefined;
  };
  return (group, tierAlias) => {
    const key = tierAlias ? `aws.${tierAlias}` : 'aws';
    const expectedRegion = configRegion(key) ?? (tierAlias ? undefined : settings.region);
    if ((group.provider.alias ?? '') !== (tierAlias ?? '')) {
      const theirs = configRegion(group.provider.key.replace(/^.*:/, ''));
      if (theirs !== undefined && expectedRegion !== undefined && theirs !== expectedRegion) return `is created under the provider configuration ${group.provider.key}, in ${theirs}`;
      return `?it is created under the provider configuration ${group.provider.key}, the tier's group under ${key}: whether they are one account and region cannot be known`;
    }
    const region = index.literal(group.values.region, group);
    if (region !== undefined && expectedRegion !== undefined && region !== expectedRegion) return `is created in region ${region}, the estate's is ${expectedRegion}`;
    const sameVpc = sameValue(group.values.vpc_id, group, vpc, index);
    if (sameVpc === false) return `is created in VPC ${describe(group.values.vpc_id)}, the estate's is ${settings.vpcId}`;
    if (sameVpc === undefined) return `?its VPC (${describe(group.values.vpc_id)}) cannot be matched to the estate's ${settings.vpcId}`;
    return undefined;
  };
}

/** Whether a value of the input and a value of the spec name the same thing: true, false, or undefined when that cannot be known. */
function sameValue(value: ArgumentValue | undefined, from: TfInstance, spec: ArgumentValue, index: InstanceIndex): boolean | undefined {
  if (value instanceof TfReference && spec instanceof TfReference) {
    const a = index.target(value, from);
    const b = index.target(spec);
    if (a && b && a.instance === b.instance && a.attribute === b.attribute) return true;
  }
  const mine = index.literal(value, from);
  const theirs = index.literal(spec);
  return mine !== undefined && theirs !== undefined ? mine === theirs : undefined;
}

function describe(v: ArgumentValue | undefined): string {
  return v === undefined ? 'unset: the region\'s default VPC' : typeof v === 'string' ? v : String(v);
}
