import type { InputProblem } from '../errors';
import type { FindingRule, RuleMessage } from '../findings/rule';
import type { Enforcement, Estate, EstateTier } from '../model/estate';
import type { Platform } from '../model/options';
import type { PortRange } from '../model/port-range';
import type { TierKey } from '../model/tiers';
import type { Warning } from '../findings/warning';
import type { EstateProps, TierProps } from './props';

/** What a platform's spec keys may use of the reader: where problems go, and the range parser. */
export interface InputContext {
  /** Where problems go. */
  readonly problems: InputProblem[];
  /**
   * Parses `"N-M"` at `path` with both ends in `lo`-`hi`; a problem (the `malformed` message, or
   * out of bounds) and undefined when it is not one.
   */
  range(path: string, text: string, lo: number, hi: number, malformed: (value: string) => RuleMessage): PortRange | undefined;
}

/** A platform's part of the spec's JSON Schema (draft-07 fragments, composed by `specSchema`). */
export interface PlatformSchema {
  /** The settings block (`azure: {...}`). */
  readonly settings: object;
  /** The tier properties that make the platform's enforcement points. */
  readonly tierProperties: Readonly<Record<string, object>>;
  /** Each enforcement point as a schema a tier matches when it gives it (a tier has at most one). */
  readonly enforcementPoints: readonly object[];
  /** Rules between the platform's tier keys (`nsgName` needs `subnetIds`), each a schema every tier satisfies. */
  readonly tierRules: readonly object[];
}

/**
 * What a platform contributes to reading a spec or props: its settings block, the tier keys of
 * its enforcement points and their meaning, its rules across tiers, its warnings and its schema.
 * The reader (`resolveInput`) knows no platform: the registry hands it every platform's part.
 */
export interface PlatformInput {
  /** The platform; also the key of its settings block (`azure:`, `aws:`). */
  readonly platform: Platform;
  /** Its name in messages (`Azure`, `AWS`). */
  readonly owner: string;
  /** Its settings block as a message shows it (`azure: { resourceGroupName, location }`). */
  readonly settingsExample: string;
  /** The tier keys of its enforcement points (they also imply the platform). */
  readonly tierKeys: readonly (keyof TierProps)[];
  /** The keys that give a tier an enforcement point, as a message names them (`subnetIds`, `networkSecurityGroup`). */
  readonly enforcementKeys: readonly string[];
  /** The enforcement keys a tier gives (a flag counts when true): a tier may give one. */
  enforcementKeysOf(tier: TierProps): string[];
  /** The tier's enforcement point, validated (problems under `at`, the tier's key path). */
  enforcement(at: string, tier: TierProps, ctx: InputContext): Enforcement;
  /** Rules across tiers (a subnet has one NSG), checked whenever the estate is on the platform. */
  checkTiers(tiers: Readonly<Partial<Record<TierKey, EstateTier>>>, problems: InputProblem[]): void;
  /** Validates the settings block (present) and fills in its defaults. */
  resolveSettings(props: EstateProps, ctx: InputContext): unknown;
  /** Warnings of an estate on the platform (tiers on the same hosts enforced apart, say). */
  warnings(estate: Estate): Warning[];
  /** Its part of the JSON Schema. */
  readonly schema: PlatformSchema;
  /** Key paths (JSON pointers) whose values the validation checks in its own words, so schema errors there are left to it. */
  readonly valueCheckedPaths: readonly RegExp[];
  /** Props paths where a construct token may stand for one of the user's resources (ids, names, locations). */
  readonly referencePaths: readonly RegExp[];
  /** The same paths as a message names them (`subnetIds`, `azure.location`). */
  readonly referenceKeys: readonly string[];
  /** Props paths passed to Terraform as they are (tags, the provider region): a token there is passed through. */
  readonly passThroughPaths: readonly RegExp[];
  /** The platform's rules of the finding table (its input errors and warnings). */
  readonly rules: readonly FindingRule[];
  /**
   * The key path of the settings block's named provider configurations (`azure.providers`):
   * a mapping of alias to configuration, which a tier's (or the estate's) `provider` names.
   */
  readonly providersKey: string;
  /** The aliases the resolved settings declare under `providersKey`, sorted. */
  providerAliases(settings: unknown): readonly string[];
}
