import {
  Annotations, DefaultTokenResolver, StringConcat, TerraformElement, TerraformOutput, TerraformProvider, TerraformResource, TerraformStack, Testing, Token, Tokenization,
} from 'cdktf';
import { Construct } from 'constructs';
import type { Framework } from '../framework/framework';
import { checkProvider } from '../framework/providers';
import { hclAttributes } from '../framework/hcl';
import { Platform } from '../model/options';
import { PLATFORMS } from '../platforms/registry';
import type { ResourceProvider } from '../terraform/elements';

/**
 * One Terraform resource the library writes, as a CDKTF resource of its own (no provider
 * package needed): the planned arguments as they are, tokens for references.
 */
export class AdcsResource extends TerraformResource {
  constructor(scope: Construct, id: string, type: string, provider: ResourceProvider, private readonly args: Record<string, unknown>, configuration?: TerraformProvider) {
    super(scope, id, { terraformResourceType: type, terraformGeneratorMetadata: { ...provider }, provider: configuration });
  }

  /** The resource's `id` attribute (a token). */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /** The resource's `name` attribute (a token). */
  public get name(): string {
    return this.getStringAttribute('name');
  }

  protected synthesizeAttributes(): { [name: string]: unknown } {
    return { ...this.args };
  }

  protected synthesizeHclAttributes(): { [name: string]: unknown } {
    return hclAttributes(this.args);
  }
}

/** Entries of the stack's `//` metadata block, written by an element of no Terraform content. */
export class AdcsStackMetadata extends TerraformElement {
  constructor(scope: Construct, id: string, private readonly metadata: Record<string, unknown>) {
    super(scope, id);
  }

  public toMetadata(): Record<string, unknown> {
    return this.metadata;
  }
}

/** Props of AdcsProvider. */
export interface AdcsProviderProps {
  /** The platform whose provider to declare. */
  readonly platform: Platform;
  /**
   * The provider's configuration, as Terraform JSON names it (`{ region: 'eu-west-1' }`).
   * @default - azurerm: `{ features: [{}] }`; aws: none
   */
  readonly config?: { [key: string]: unknown };
  /**
   * The configuration's alias (`identity`): resources given this provider are written with
   * `provider = "azurerm.identity"`.
   * @default - the provider's default configuration
   */
  readonly alias?: string;
}

/**
 * The Terraform provider of a platform (azurerm or aws), declared without a provider package:
 * its requirement (source and the version constraint the resources are written for, `~> 4.0`
 * or `~> 6.0`) and its configuration block, default or aliased.
 */
export class AdcsProvider extends TerraformProvider {
  private readonly config: { [key: string]: unknown };
  private configAlias?: string;

  constructor(scope: Construct, id: string, props: AdcsProviderProps) {
    const d = PLATFORMS[props.platform].providerDefaults;
    super(scope, id, { terraformResourceType: d.name, terraformProviderSource: d.source, terraformGeneratorMetadata: { providerName: d.name, providerVersionConstraint: d.version } });
    try {
      checkProvider(CDKTF, this, props.alias);
    } catch (e) {
      scope.node.tryRemoveChild(id);
      throw e;
    }
    this.config = props.config ?? { ...d.config };
    this.configAlias = props.alias;
  }

  /** The configuration's alias, when it is not the default one. */
  public get alias(): string | undefined {
    return this.configAlias;
  }

  public set alias(value: string | undefined) {
    this.configAlias = value;
  }

  protected synthesizeAttributes(): { [name: string]: unknown } {
    return { ...this.config };
  }

  protected synthesizeHclAttributes(): { [name: string]: unknown } {
    return hclAttributes(this.config);
  }
}

/** The construct layer's operations, with CDKTF's classes. */
export const CDKTF: Framework = {
  name: 'cdktf',
  resource: (scope, id, type, provider, args, configuration) =>
    new AdcsResource(scope as Construct, id, type, provider, args, configuration as TerraformProvider | undefined),
  output: (scope, id, value, description) => { new TerraformOutput(scope as Construct, id, { value, description }); },
  warn: (scope, message) => Annotations.of(scope as Construct).addWarning(message),
  info: (scope, message) => Annotations.of(scope as Construct).addInfo(message),
  stackMetadata: (scope, id, metadata) => { new AdcsStackMetadata(scope as Construct, id, metadata); },
  stackOf: (scope) => TerraformStack.of(scope as Construct),
  isToken: (value) => Token.isUnresolved(value),
  isProvider: (value) => TerraformProvider.isTerraformProvider(value),
  resolveToken: (scope, value) => Tokenization.resolve(value, {
    scope: TerraformStack.of(scope as Construct), preparing: false, resolver: new DefaultTokenResolver(new StringConcat()),
  }),
  synthStack: (stack) => JSON.parse(Testing.synth(stack as TerraformStack)),
};
