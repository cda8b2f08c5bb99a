import { differenceOf, Interval, unionOf } from '../../util/intervals';
import { AZURE_LOAD_BALANCER, AzureAddresses, AzureRule } from './network';

/**
 * What Azure's service tags may hold, read every way they can. `VirtualNetwork` is "the virtual
 * network address space ..., all connected on-premises address spaces, peered virtual
 * networks, ... address prefixes used on user-defined routes. This tag might also contain
 * default routes" (Learn, "Virtual network service tags"): offline, only the estate's own
 * subnets are certainly in it. An address the estate does not place in Azure may be in
 * `VirtualNetwork`, in `Internet`, or in neither; the evaluator asks its question in each of
 * these worlds and keeps the safe answer: a flow is allowed when every world allows it, traffic
 * is extra when any world lets it through. Other tags (`Storage`, `AzureCloud`) hold addresses
 * the check cannot know: an Allow from one may admit anything, a Deny is credited with nothing
 * (and the reverse when judging whether a flow gets through).
 */

/** Why a question is asked: whether the estate's flows get through, or whether anything else does. */
export enum Purpose {
  /** Flows: a rule that may match less than it seems is read as matching less. */
  FLOWS = 'flows',
  /** Extra traffic: an Allow that may admit more is read as admitting more; a Deny as denying less. */
  EXTRAS = 'extras',
}

/** One reading of the tags. */
export interface TagWorld {
  /** How the world is named in findings. */
  readonly name: string;
  /** What `VirtualNetwork` holds. */
  readonly virtualNetwork: readonly Interval[];
  /** What `Internet` holds. */
  readonly internet: readonly Interval[];
  /** What other service tags hold (lower case), where an export expands them; the rest are unknown. */
  readonly tags?: ReadonlyMap<string, readonly Interval[]>;
  /** True when the world is what effective rules show (no other reading exists at those hosts). */
  readonly shown?: boolean;
}

const FULL: Interval = { lo: 0, hi: 2 ** 32 - 1 };

/**
 * The worlds for an estate whose Azure subnets hold `certain` (the tiers with an NSG): every
 * other address in `VirtualNetwork`; none of them in it, all in `Internet`; none in either.
 */
export function tagWorlds(certain: readonly Interval[]): TagWorld[] {
  const inside = unionOf([...certain, AZURE_LOAD_BALANCER]);
  const rest = differenceOf([FULL], inside);
  return [
    { name: 'VirtualNetwork holds every address', virtualNetwork: [FULL], internet: [] },
    { name: 'VirtualNetwork holds the estate\'s subnets, Internet the rest', virtualNetwork: inside, internet: rest },
    { name: 'VirtualNetwork holds the estate\'s subnets, Internet nothing of the rest', virtualNetwork: inside, internet: [] },
  ];
}

/**
 * The worlds of hosts whose effective rules expand VirtualNetwork (and perhaps Internet and other
 * tags): that one reading of VirtualNetwork; Internet as expanded, else the rest or nothing.
 */
export function shownWorlds(label: string, virtualNetwork: readonly Interval[], tags: ReadonlyMap<string, readonly Interval[]> = new Map()): TagWorld[] {
  const vnet = unionOf([...virtualNetwork]);
  const internet = tags.get('internet');
  const name = `VirtualNetwork as the effective rules of ${label} show it`;
  if (internet) return [{ name, virtualNetwork: vnet, internet: unionOf([...internet]), tags, shown: true }];
  return [
    { name: `${name}, Internet the rest`, virtualNetwork: vnet, internet: differenceOf([FULL], unionOf([...vnet, AZURE_LOAD_BALANCER])), tags, shown: true },
    { name: `${name}, Internet nothing of the rest`, virtualNetwork: vnet, internet: [], tags, shown: true },
  ];
}

/** The addresses a prefix list stands for in a world, read for a purpose and the rule's access. */
export function addressesIn(a: AzureAddresses, world: TagWorld, purpose: Purpose, access: 'Allow' | 'Deny'): Interval[] {
  if (a.any) return [FULL];
  const parts: Interval[] = [...a.cidrs];
  if (a.virtualNetwork) parts.push(...world.virtualNetwork);
  if (a.internet) parts.push(...world.internet);
  if (a.loadBalancer) parts.push(AZURE_LOAD_BALANCER);
  // An unknown tag may hold anything: wide where that is the unsafe reading, empty where narrow is.
  const unknown = a.otherTags.filter((t) => {
    const shown = world.tags?.get(t);
    if (shown) parts.push(...shown);
    return shown === undefined;
  });
  if (unknown.length > 0 && (purpose === Purpose.EXTRAS) === (access === 'Allow')) parts.push(FULL);
  return unionOf(parts);
}

/**
 * True when the rule is read as matching nothing for this purpose: an Allow restricted to some
 * source ports gets no flow through (clients use ephemeral ports), a Deny restricted to some
 * is credited with nothing when judging extra traffic.
 */
export function skippedFor(rule: AzureRule, purpose: Purpose): boolean {
  if (rule.sourcePortsAll) return false;
  return (purpose === Purpose.FLOWS) === (rule.access === 'Allow');
}

/** True when the rule reads the same for both purposes (no unknown tag, every source port); a world may expand the tags. */
export function purposeIndependent(rule: AzureRule): boolean {
  return rule.sourcePortsAll && rule.source.otherTags.length === 0 && rule.destination.otherTags.length === 0;
}
