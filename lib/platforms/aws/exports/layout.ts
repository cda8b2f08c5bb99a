import type { TierKey } from '../../../model/tiers';
import type { Interval } from '../../../util/intervals';
import type { GroupRef } from '../reader';
import type { LiveAcl } from './nacl';

/**
 * A live estate's layout as `aws ec2` exports show it, beside the rules the evaluator judges:
 * which interfaces (and so which groups, a union, and which subnet's network ACL) guard each
 * tier's addresses, and who the members of a referenced group are.
 */

/** Interfaces of one tier that carry the same groups in the same subnet. */
export interface AwsHostGroup {
  /** The interfaces, as messages name them (`eni-0ca…`, `eni-0dc1…, eni-0dc2…`). */
  readonly label: string;
  /** Their addresses inside the tier. */
  readonly addresses: readonly Interval[];
  /** The groups they carry (a union: any rule of any of them lets traffic through). */
  readonly groups: readonly GroupRef[];
  /** Their subnet. */
  readonly subnet?: string;
  /** Their subnet's network ACL, when ACLs are judged and the export shows it. */
  readonly acl?: LiveAcl;
}

/** What the evaluator needs of a live estate beyond the rules. */
export interface AwsLiveLayout {
  /** Each tier's interfaces, grouped; a tier absent here has none in the exports. */
  readonly hosts: ReadonlyMap<TierKey, readonly AwsHostGroup[]>;
  /** The tiers the spec gives a group (created or existing): what their interfaces let through is judged; the others' only decide flows. */
  readonly claimed: ReadonlySet<TierKey>;
  /** A referenced group's members: the addresses of the interfaces carrying it (only groups whose members are known). */
  readonly members: ReadonlyMap<GroupRef, readonly Interval[]>;
  /** How messages name a group: `pki-ca (sg-0ca…)`. */
  readonly labels: ReadonlyMap<GroupRef, string>;
  /** True when a describe-network-acls export was given: flows then also need their ACLs. */
  readonly aclsJudged: boolean;
  /** Interface addresses by subnet: traffic between two addresses of one subnet never meets its ACL. */
  readonly subnetAddresses: ReadonlyMap<string, readonly Interval[]>;
  /** Each tier's client ephemeral ports (the destination ports of replies to it). */
  readonly ephemeral: ReadonlyMap<TierKey, Interval>;
  /** Every interface of the exports, one each (label: its id), for explaining one packet. */
  readonly interfaces: readonly AwsHostGroup[];
  /** The network ACL of each subnet the ACL export associates. */
  readonly aclOfSubnet: ReadonlyMap<string, LiveAcl>;
}
