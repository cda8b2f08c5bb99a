import { InputProblem } from '../errors';
import type { PlatformInput } from '../input/platform-input';
import type { ResolvedInput } from '../input/resolved';
import { Flow } from '../model/flows';
import { Platform } from '../model/options';
import { Warning } from '../findings/warning';
import type { TfProviderBlock } from '../terraform/stack-document';
import type { ResourceProvider, TfElement, TfOutputElement } from '../terraform/elements';
import type { TerraformEvaluator } from './evaluator';
import type { TfDocument, TfInstance } from '../terraform/document';
import type { InvalidValue } from './validation';
import type { PlatformLive } from './live';

/** What an evaluation knows beyond the document and the spec. */
export interface EvaluationContext {
  /** Terraform addresses of the library's resources for this estate, when the stack is one the library synthesized. */
  readonly libraryAddresses: ReadonlySet<string>;
}

/** What a planner returns: the plan when the estate fits the platform, else the problems. */
export interface Planned<P> {
  /** The plan; absent when there are problems. */
  readonly plan?: P;
  /** Why the estate cannot be rendered (a window, a limit, a name clash); empty when it can. */
  readonly problems: readonly InputProblem[];
  /** Warnings of the rendering. */
  readonly warnings: readonly Warning[];
}

/** What every platform's rule plan carries: the warnings of its rendering. */
export interface PlatformPlan {
  /** Warnings of the rendering (annotations on the platform's construct). */
  readonly warnings: readonly Warning[];
}

/** One estate's plan in a stack, for the checks across the estates of one stack. */
export interface PlanOwner<P> {
  /** Construct path of the platform's construct. */
  readonly path: string;
  /** Its plan. */
  readonly plan: P;
  /** Its estate. */
  readonly spec: ResolvedInput;
}

/**
 * One platform, framework-free: how its spec keys are read, its rules planned, written as
 * Terraform JSON elements, declared to Terraform (the CLI's provider block), evaluated by
 * `check`, and read from the cloud's exports by `audit`. The registry holds one per platform; nothing else switches on the platform.
 */
export interface PlatformModule<P extends PlatformPlan = PlatformPlan> {
  /** The platform. */
  readonly platform: Platform;
  /** Its spec keys: the settings block, the tiers' enforcement keys, its schema. */
  readonly input: PlatformInput;
  /** Construct id of the platform's construct under the estate's (`azure`, `aws`). */
  readonly constructId: string;
  /** The provider of the resource types the writer uses (name and version constraint). */
  readonly resourceProvider: ResourceProvider;
  /** Plans the estate's rules (the spec's settings block for this platform is present). */
  plan(spec: ResolvedInput, flows: readonly Flow[]): Planned<P>;
  /** The plan as Terraform elements, paths relative to the platform's construct. */
  elements(plan: P, spec: ResolvedInput): TfElement[];
  /**
   * The provider configurations the CLI declares for the estate, with the provider's
   * requirement: the default one, then one per named configuration of the settings, by alias.
   */
  providers(spec: ResolvedInput): TfProviderBlock[];
  /** The provider's name, source, version and default configuration (for `AdcsProvider`). */
  readonly providerDefaults: TfProviderBlock;
  /** The provider's full source address, as a module's `required_providers` names it (`hashicorp/azurerm`). */
  readonly registrySource: string;
  /**
   * The outputs of the estate's module (`synth --module`), each named by its one path element:
   * the created NSGs or groups and the rules, as maps.
   */
  moduleOutputs(plan: P, spec: ResolvedInput): TfOutputElement[];
  /** Evaluates a Terraform document (a cdk.tf.json or `terraform show -json`, read) with the platform's semantics. */
  evaluator(doc: TfDocument, spec: ResolvedInput, context: EvaluationContext): TerraformEvaluator;
  /** The values of the document's instances that the platform's provider (or API) would reject. */
  invalidValues(instances: readonly TfInstance[]): InvalidValue[];
  /**
   * Problems between the estates of one stack that write to the same existing enforcement point
   * (the same priority or rule twice, a quota shared): messages, empty when all is well.
   */
  stackClashes(owners: readonly PlanOwner<P>[]): string[];
  /** Its readers of live exports (`audit`, `explain --export`, `audit --adopt`). */
  readonly live: PlatformLive<P>;
}
