import type { ResourceProvider } from '../terraform/elements';

/** What the construct layer needs of a construct, whichever framework made it. */
export interface ConstructLike {
  /** The construct's node. */
  readonly node: {
    /** Path from the app (`site/adcs/azure`). */
    readonly path: string;
    /** Registers a check run at synth; it returns error messages. */
    addValidation(validation: { validate(): string[] }): void;
    /** Attaches metadata to the construct (`adcs-firewall:finding` entries). */
    addMetadata(type: string, data: unknown): void;
  };
}

/** A Terraform resource made by a framework: its attributes are read as tokens. */
export interface ResourceLike extends ConstructLike {
  /** A token for one of the resource's attributes (`id`, `name`). */
  getStringAttribute(attribute: string): string;
}

/**
 * The few framework operations the construct layer uses. `lib/cdktf` and `lib/cdktn` each
 * implement it with their own classes; nothing else touches a framework.
 */
export interface Framework {
  /** The framework's name (`cdktf`, `cdktn`): its entry point and messages. */
  readonly name: 'cdktf' | 'cdktn';
  /**
   * Creates one resource of `type` with Terraform JSON arguments (references as tokens), under
   * `configuration` (a TerraformProvider of the user's) when given, else the default configuration.
   */
  resource(scope: ConstructLike, id: string, type: string, provider: ResourceProvider, attributes: Record<string, unknown>, configuration?: object): ResourceLike;
  /** True when `value` is a TerraformProvider (of either framework: they mark theirs alike). */
  isProvider(value: unknown): boolean;
  /** Creates one Terraform output. */
  output(scope: ConstructLike, id: string, value: unknown, description: string): void;
  /** Attaches a warning annotation to a construct. */
  warn(scope: ConstructLike, message: string): void;
  /** Attaches an info annotation to a construct (acknowledged findings, notes). */
  info(scope: ConstructLike, message: string): void;
  /** Adds entries to the stack's `//` metadata block (an element whose metadata it is, under `scope`). */
  stackMetadata(scope: ConstructLike, id: string, metadata: Record<string, unknown>): void;
  /** The stack a construct is in (key of the whole-stack checks). */
  stackOf(scope: ConstructLike): object;
  /** True when `value` is an unresolved token of this framework (a string, number or list token). */
  isToken(value: unknown): boolean;
  /** What a token stands for in the stack of `scope` (`${azurerm_subnet.ca.id}`); throws when it cannot be resolved there. */
  resolveToken(scope: ConstructLike, value: unknown): unknown;
  /** The stack's Terraform JSON as `Testing.synth` writes it (aspects applied, no validations). */
  synthStack(stack: object): unknown;
}
