import { TfDocument, TfDocumentForm, TfInstance, TfProblemKind } from '../../terraform/document';
import { InstanceIndex, referencesIn, stringsIn } from '../../terraform/instance-index';
import { ArgumentValue } from '../../terraform/values';
import type { NetworkProblem } from '../evaluator';
import { forgottenByRemovedBlocks, ignoredChangesProblems } from '../unstated-values';
import { AWS_SOURCE, GroupRef } from './reader';

/**
 * Fail closed: an element the AWS reader does not model is a problem when it can affect what
 * reaches the estate, decided by what it names or could name. It reaches the estate when it
 * writes to an estate group through another provider (Cloud Control's `awscc`), when it gives
 * a host an estate group together with others (a host's groups are a union: the others'
 * rules widen what the tier's hosts accept), when it attaches groups to an interface the input
 * does not describe, or when it filters the estate's VPC in a way the check does not model
 * (network ACLs, the VPC's default group). A host with exactly one estate group, flow logs and
 * tags are left alone, as are data sources, which read. A module of a configuration is
 * unresolved: what it creates is not in the document.
 */

/** What the estate is, as the reader found it. */
export interface AwsEstateNames {
  /** The tiers' groups: addresses of the input's groups, or literal ids. */
  readonly groups: ReadonlySet<GroupRef>;
  /** The estate's VPC, as the spec gives it. */
  readonly vpc: ArgumentValue;
}

const MODELED: ReadonlySet<string> = new Set(['aws_security_group', 'aws_security_group_rule', 'aws_vpc_security_group_ingress_rule',
  'aws_vpc_security_group_egress_rule', 'aws_ec2_managed_prefix_list', 'aws_ec2_managed_prefix_list_entry']);

/** Types that filter a VPC's traffic in ways the check does not model, when in the estate's VPC. */
const VPC_FILTERS: ReadonlySet<string> = new Set(['aws_default_security_group', 'aws_network_acl', 'aws_default_network_acl', 'aws_network_acl_rule', 'aws_network_acl_association']);

/** Types that name groups but cannot change what traffic passes. */
const HARMLESS: ReadonlySet<string> = new Set(['aws_flow_log', 'aws_ec2_tag', 'aws_vpc_security_group_vpc_association']);

/** Problems of the elements the reader does not model that can reach the estate. */
export function awsUnmodeledProblems(doc: TfDocument, index: InstanceIndex, estate: AwsEstateNames): NetworkProblem[] {
  const out: NetworkProblem[] = [];
  const estateIds = new Set<string>();
  for (const g of estate.groups) {
    if (g.startsWith('sg-')) estateIds.add(g);
    const i = index.at(g);
    const id = i && index.literal(i.values.id, i);
    if (id) estateIds.add(id);
  }
  /** The groups an element names: the estate's (by reference or id) and others. */
  const groupsNamed = (i: TfInstance): { estate: string[]; others: string[] } => {
    const mine = new Set<string>();
    const others = new Set<string>();
    for (const ref of referencesIn(i.values as never)) {
      const t = index.target(ref, i);
      if (!t || t.instance.type !== 'aws_security_group') continue;
      const id = index.literal(t.instance.values.id, t.instance);
      if (estate.groups.has(t.instance.address) || (id !== undefined && estateIds.has(id))) mine.add(t.instance.address);
      else others.add(t.instance.address);
    }
    for (const s of stringsIn(i.values as never)) {
      for (const id of s.match(/\bsg-[0-9a-f]{8,17}\b/g) ?? []) (estateIds.has(id) ? mine : others).add(id);
    }
    return { estate: [...mine].sort(), others: [...others].sort() };
  };
  const inEstateVpc = (i: TfInstance): boolean => {
    const v = i.values.vpc_id;
    const mine = index.literal(v, i);
    const theirs = index.literal(estate.vpc);
    return mine === undefined || theirs === undefined || mine === theirs;
  };
  for (const i of doc.instances) {
    if (i.mode !== 'managed') continue;
    const aws = i.provider.source === AWS_SOURCE;
    if (aws && MODELED.has(i.type)) continue;
    let why: string | undefined;
    if (aws && VPC_FILTERS.has(i.type)) {
      if (i.type === 'aws_network_acl_rule' || i.type === 'aws_network_acl_association' || inEstateVpc(i)) {
        why = `${i.type === 'aws_default_security_group' ? 'the VPC\'s default security group' : 'a network ACL'} filters traffic of the estate's VPC (or one that cannot be told apart from it), and the check does not model it`;
      }
    } else if (aws && i.type === 'aws_network_interface_sg_attachment') {
      why = 'it attaches a security group to a network interface the check does not map to a tier: a host\'s groups are a union, so it may widen what a tier\'s hosts accept';
    } else if (!(aws && HARMLESS.has(i.type))) {
      const named = groupsNamed(i);
      if (named.estate.length > 0 && !aws) why = `it names the estate's group ${named.estate.join(', ')} through the provider ${i.provider.source}, which the check does not read`;
      else if (named.estate.length > 0 && named.estate.length + named.others.length > 1) {
        why = `it gives hosts the estate's group ${named.estate.join(', ')} together with ${[...named.estate.slice(1), ...named.others].join(', ')}: a host's groups are a union, so the others' rules widen what the tier's hosts accept`;
      }
    }
    if (why) out.push({ kind: TfProblemKind.UNRESOLVED, element: i.address, message: why, offset: i.offset });
  }
  if (doc.form === TfDocumentForm.CONFIGURATION) {
    for (const m of doc.moduleCalls) {
      out.push({ kind: TfProblemKind.UNRESOLVED, element: m.address, message: `a module (source ${JSON.stringify(m.source)}): what it creates is not in this document, and it may write rules or attach groups of the estate`, offset: m.offset });
    }
  }
  out.push(...forgottenByRemovedBlocks(doc, (type) => MODELED.has(type) || VPC_FILTERS.has(type) || type === 'aws_network_interface_sg_attachment'));
  out.push(...ignoredChangesProblems(doc.instances, (i) => i.provider.source === AWS_SOURCE && MODELED.has(i.type)));
  return out;
}
