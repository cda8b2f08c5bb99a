import { InputProblem } from '../errors';
import type { EstateProps, TierProps } from '../input/props';
import type { ResolvedAws, ResolvedAzure } from '../input/resolved';
import type { EstateTier, PriorityWindow } from '../model/estate';
import type { TierKey } from '../model/tiers';
import type { TerraformEvaluator } from './evaluator';
import type { ResolvedInput } from '../input/resolved';
import { Flow } from '../model/flows';
import { Platform } from '../model/options';
import { Warning } from '../model/warnings';
import type { TfProviderBlock } from '../terraform/stack-document';
import type { ResourceProvider, TfElement } from '../terraform/elements';

/** What a planner returns: the plan when the estate fits the platform, else the problems. */
export interface Planned<P> {
  /** The plan; absent when there are problems. */
  readonly plan?: P;
  /** Why the estate cannot be rendered (a window, a limit, a name clash); empty when it can. */
  readonly problems: readonly InputProblem[];
  /** Warnings of the rendering. */
  readonly warnings: readonly Warning[];
}

/** What settings validation may use of the resolver. */
export interface SettingsContext {
  /** Where problems go. */
  readonly problems: InputProblem[];
  /** Parses a priority range `"N-M"` at `path` (a problem when it is not one). */
  priorityWindow(path: string, text: string): PriorityWindow | undefined;
}

/** A platform's spec keys: which tier keys are its enforcement points, and its settings block. */
export interface PlatformSettings {
  /** The platform's name in messages (`Azure`, `AWS`). */
  readonly owner: string;
  /** The tier keys that make the platform's enforcement points. */
  readonly tierKeys: readonly (keyof TierProps)[];
  /** Rules across tiers (a subnet has one NSG), checked whenever the estate is on the platform. */
  checkTiers(tiers: Partial<Record<TierKey, EstateTier>>, problems: InputProblem[]): void;
  /** Validates the platform's settings block (present) and fills in its defaults. */
  resolve(p: EstateProps, ctx: SettingsContext): { readonly azure?: ResolvedAzure; readonly aws?: ResolvedAws };
}

/**
 * One platform, framework-free: how its rules are planned, written as Terraform JSON elements,
 * declared to Terraform (the CLI's provider block) and evaluated by `check`. The registry
 * (`platforms/index.ts`) holds one per platform; nothing else switches on the platform.
 */
export interface PlatformModule<P = unknown> {
  /** The platform. */
  readonly platform: Platform;
  /** Its spec keys: validation of the settings block and the tiers' enforcement keys. */
  readonly settings: PlatformSettings;
  /** Construct id of the platform's construct under the estate's (`azure`, `aws`). */
  readonly constructId: string;
  /** The provider of the resource types the writer uses (name and version constraint). */
  readonly resourceProvider: ResourceProvider;
  /** Plans the estate's rules (the spec's settings block for this platform is present). */
  plan(spec: ResolvedInput, flows: readonly Flow[]): Planned<P>;
  /** The plan as Terraform elements, paths relative to the platform's construct. */
  elements(plan: P, spec: ResolvedInput): TfElement[];
  /** The provider block and requirement the CLI declares for the estate. */
  provider(spec: ResolvedInput): TfProviderBlock;
  /** The provider's name, source, version and default configuration (for `AdcsProvider`). */
  readonly providerDefaults: TfProviderBlock;
  /** Evaluates Terraform JSON (cdk.tf.json or `terraform show -json`) with the platform's semantics. */
  evaluator(terraformJson: unknown, spec: ResolvedInput): TerraformEvaluator;
}
