/** A reference to an attribute of another element of the same estate (`${type.name.id}` once written). */
export interface TfRef {
  /** Construct ids of the referenced resource below the estate's construct (`['aws', 'ca-security-group']`). */
  readonly ref: readonly string[];
  /** The attribute read (`id`, `name`, `resource_group_name`). */
  readonly attribute: string;
}

/** A value in a planned element's configuration: literals, lists, maps and references. */
export type TfValue = string | number | boolean | TfRef | readonly TfValue[] | { readonly [key: string]: TfValue | undefined };

/** One Terraform resource a platform writes, framework-free. */
export interface TfResourceElement {
  /** Discriminator. */
  readonly kind: 'resource';
  /** Terraform resource type (`azurerm_network_security_rule`). */
  readonly type: string;
  /** Construct ids below the estate's construct: the first is the platform's construct (`azure`, `aws`). */
  readonly path: readonly string[];
  /** Its arguments, as Terraform JSON names them (snake_case); `undefined` members are not written. */
  readonly attributes: { readonly [key: string]: TfValue | undefined };
  /**
   * The provider configuration it is written with, as Terraform's `provider` meta-argument names
   * it (`azurerm.identity`, `aws.shared`); absent: the provider's default configuration.
   */
  readonly provider?: string;
}

/** One Terraform output a platform writes. */
export interface TfOutputElement {
  /** Discriminator. */
  readonly kind: 'output';
  /** Construct ids below the estate's construct. */
  readonly path: readonly string[];
  /** The output's value. */
  readonly value: TfValue;
  /** Its description. */
  readonly description: string;
}

/** What a platform's writer turns a rule plan into: the constructs' and the CLI's common input. */
export type TfElement = TfResourceElement | TfOutputElement;

/** True when `v` is a reference to another element. */
export function isTfRef(v: unknown): v is TfRef {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && Array.isArray((v as TfRef).ref) && typeof (v as TfRef).attribute === 'string';
}

/** A reference to `attribute` of the element at `ref`. */
export function tfRef(ref: readonly string[], attribute: string): TfRef {
  return { ref, attribute };
}

/** The `provider` meta-argument of a resource under the configuration `alias` of provider `name` (`azurerm.identity`); nothing for the default one. */
export function providerReference(name: string, alias: string | undefined): { provider?: string } {
  return alias === undefined ? {} : { provider: `${name}.${alias}` };
}

/** The alias of a `provider` meta-argument (`azurerm.identity` → `identity`). */
export function aliasOf(provider: string): string {
  return provider.slice(provider.indexOf('.') + 1);
}

/** The provider a resource type belongs to (the generator metadata of its resource class). */
export interface ResourceProvider {
  /** Provider name (`azurerm`, `aws`). */
  readonly providerName: string;
  /** Provider versions the arguments are written for (`~> 4.0`). */
  readonly providerVersionConstraint: string;
}
