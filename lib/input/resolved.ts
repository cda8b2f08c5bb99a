import { Estate, PriorityWindow } from '../model/estate';
import { Platform } from '../model/options';
import { Warning } from '../model/warnings';

/** Azure settings after validation, defaults filled in. */
export interface ResolvedAzure {
  /** Resource group of created NSGs. */
  readonly resourceGroupName: string;
  /** Region of created NSGs. */
  readonly location: string;
  /** Priorities of created NSGs (and of existing ones without their own window). */
  readonly priorityWindow: PriorityWindow;
  /** Created NSGs get a deny-by-default rule. */
  readonly denyByDefault: boolean;
  /** Tags on created NSGs. */
  readonly tags: Readonly<Record<string, string>>;
}

/** AWS settings after validation, defaults filled in. */
export interface ResolvedAws {
  /** VPC of created groups. */
  readonly vpcId: string;
  /** Provider region, when given. */
  readonly region?: string;
  /** Rules per group and direction. */
  readonly ruleQuota: number;
  /** Created groups get an allow-all egress rule. */
  readonly allowAllEgress: boolean;
  /** Tags on created groups and rules. */
  readonly tags: Readonly<Record<string, string>>;
}

/** A validated spec file or props: the estate, its platform settings and the warnings found on the way. */
export interface ResolvedInput {
  /** The estate the flow model reads. */
  readonly estate: Estate;
  /** Target platform, when the spec names or implies one. */
  readonly platform?: Platform;
  /** Azure settings (platform azure). */
  readonly azure?: ResolvedAzure;
  /** AWS settings (platform aws). */
  readonly aws?: ResolvedAws;
  /** Warnings of the spec and the flow model. */
  readonly warnings: readonly Warning[];
}

/** Default Azure priority window: the whole custom range. */
export const DEFAULT_PRIORITY_WINDOW: PriorityWindow = { first: 100, last: 4096 };
/** Default AWS rules per group and direction. */
export const DEFAULT_AWS_RULE_QUOTA = 60;
/** AWS's ceiling of rules per group and direction. */
export const MAX_AWS_RULE_QUOTA = 1000;

/**
 * The former name of ResolvedInput.
 * @deprecated use ResolvedInput
 */
export type ResolvedSpec = ResolvedInput;
