import type { ArgumentValue } from './values';

/**
 * A Terraform JSON input as the check reads it, whatever its form: the configuration of a
 * cdk.tf.json (HCL JSON syntax), or the JSON output of `terraform show -json` of a plan or a
 * state. Readers model what they can faithfully and say what they cannot: a form they refuse,
 * a value Terraform would reject, an element whose effect cannot be known. They never drop
 * anything silently; what matters to an estate is the platform's reader's call, not theirs.
 */

/** Which form the input has. */
export enum TfDocumentForm {
  /** Terraform's JSON configuration syntax (a cdk.tf.json, a `*.tf.json`): values are expressions. */
  CONFIGURATION = 'configuration',
  /** `terraform show -json` of a saved plan: values after the planned actions. */
  PLAN = 'plan',
  /** `terraform show -json` of a state (top-level `values`). */
  STATE = 'state',
}

/** What one instance stands for, after the plan's actions. */
export enum TfInstanceOrigin {
  /** A block of a configuration: its values are the expressions written. */
  CONFIGURATION = 'configuration',
  /** A resource instance after the planned actions (created, updated, replaced or left as it is). */
  PLANNED = 'planned',
  /** A resource instance of a state. */
  STATE = 'state',
  /**
   * Removed from Terraform's state by the plan (`["forget"]`: a `removed` block with
   * `destroy = false`) but left in the cloud: its prior values still filter traffic.
   */
  FORGOTTEN = 'forgotten',
}

/** The provider configuration an instance is managed with. */
export interface TfProviderRef {
  /** The provider's local name in its module (`azurerm`, `aws`, `azapi`). */
  readonly localName: string;
  /** The configuration's alias (`identity` for `azurerm.identity`); absent: the default configuration. */
  readonly alias?: string;
  /**
   * The provider's source address without the registry host (`hashicorp/azurerm`): from
   * `required_providers`, the plan's `provider_name` / `full_name`, or Terraform's implied
   * `hashicorp/<local name>` when nothing declares it.
   */
  readonly source: string;
  /**
   * The configuration's key as `terraform show -json` writes it (`azurerm`, `azurerm.identity`,
   * `module.pki:azurerm`); in a configuration, `<local name>` or `<local name>.<alias>`; `''`
   * when the document does not say (see `aliasUnknown`).
   */
  readonly key: string;
  /**
   * True when the document does not say which configuration of the provider manages the
   * instance: a state's JSON records only the provider's source, and a plan names the
   * configuration only for resources still in its `configuration` (not for one a `removed`
   * block forgets). `alias` is then absent without meaning the default configuration.
   */
  readonly aliasUnknown?: boolean;
}

/** How many instances one block or resource stands for. */
export enum TfMultiplicity {
  /** Exactly this one (no `count` or `for_each`, a literal `count`, or an expanded instance of a plan or state). */
  KNOWN = 'known',
  /** `count` or `for_each` whose value the reader cannot know: any number, perhaps none. */
  UNKNOWN = 'unknown',
}

/** One resource or data source instance. */
export interface TfInstance {
  /**
   * Its address as Terraform writes it: `azurerm_network_security_rule.x`,
   * `aws_vpc_security_group_ingress_rule.x[0]`, `module.pki.azurerm_subnet_network_security_group_association.ca`,
   * `data.azurerm_network_security_group.dc`.
   */
  readonly address: string;
  /** `managed` for a resource, `data` for a data source. */
  readonly mode: 'managed' | 'data';
  /** Its type: `azurerm_network_security_rule`. */
  readonly type: string;
  /** Its name label: `x`. */
  readonly name: string;
  /** The module path it lives in: `''` for the root, `module.pki` (`module.a.module.b`) below it. */
  readonly module: string;
  /** The provider configuration it is managed with. */
  readonly provider: TfProviderRef;
  /**
   * Its arguments (or attributes, for a plan or state), by name. An argument set to `null`, or an
   * attribute a plan or state writes as `null` (unset), is absent. A value known only after apply
   * is a `TfUnknown`, or the `TfReference` its configuration expression names; a configuration's
   * template strings are read (`readTemplate`): literals, whole references, other expressions unknown.
   * Nested blocks keep their JSON shape (an object, or an array of objects); a `dynamic` block
   * makes its block type's value a `TfUnknown`.
   */
  readonly values: { readonly [key: string]: ArgumentValue };
  /** What the instance stands for. */
  readonly origin: TfInstanceOrigin;
  /** How many instances it stands for. */
  readonly multiplicity: TfMultiplicity;
  /** Offset in the input text of where it is written (its body, or its entry in the plan); -1 when not from text. */
  readonly offset: number;
  /**
   * A plan's instance: the arguments its configuration sets (the keys of its `expressions`);
   * an attribute it does not set is the provider's to compute (an NSG's `security_rule` then
   * lists whatever rules the NSG holds). Undefined when the plan has no configuration for it,
   * and for configurations and states.
   */
  readonly configured?: readonly string[];
  /**
   * A configuration's `lifecycle.ignore_changes`: the arguments Terraform leaves as they are in
   * the cloud when it updates the object (`*` for `all`). Their values in the document are what
   * a new object gets, not what an existing one holds.
   */
  readonly ignoredChanges?: readonly string[];
}

/** A `module` block of a configuration: what it does is not in the document. */
export interface TfModuleCall {
  /** Its address: `module.pki`. */
  readonly address: string;
  /** `source` as written. */
  readonly source: string;
  /** The arguments passed to it. */
  readonly values: { readonly [key: string]: ArgumentValue };
  /** Offset in the input text; -1 when not from text. */
  readonly offset: number;
}

/** A `removed` block of a configuration: an object leaves Terraform's management, destroyed or forgotten. */
export interface TfRemovedBlock {
  /** `from` as written: `azurerm_network_security_rule.old`, `module.legacy`. */
  readonly from: string;
  /**
   * `lifecycle.destroy` as written (a JSON string `"true"`/`"false"` converted, as Terraform
   * converts it); absent when not written, which Terraform reads as `true` (destroy). `false`:
   * the object is forgotten and stays in the cloud.
   */
  readonly destroy?: boolean;
  /** Offset in the input text; -1 when not from text. */
  readonly offset: number;
}

/** Kinds of reader problems. */
export enum TfProblemKind {
  /** Terraform would reject the document (a repeated argument, an unknown block type, a duplicate resource): the plan would never exist. */
  INVALID = 'invalid',
  /** A form of the syntax the reader does not implement: refused, named. */
  UNSUPPORTED = 'unsupported',
  /** Something present whose meaning the reader cannot know. */
  UNRESOLVED = 'unresolved',
}

/** A problem found while reading the document. */
export interface TfProblem {
  readonly kind: TfProblemKind;
  /** The element: an address, or a JSON path such as `resource.azurerm_network_security_rule.x.priority`. */
  readonly element: string;
  /** What is wrong and why it matters, with the rule it breaks (`Duplicate argument`, hashicorp/hcl json/spec.md). */
  readonly message: string;
  /** Offset in the input text; -1 when not known. */
  readonly offset: number;
}

/** A Terraform JSON document, read. */
export interface TfDocument {
  readonly form: TfDocumentForm;
  /** Every resource and data source instance, in address order. */
  readonly instances: readonly TfInstance[];
  /** The configuration's `module` blocks (a plan or state has its modules expanded instead). */
  readonly moduleCalls: readonly TfModuleCall[];
  /**
   * Provider configurations by key (`azurerm`, `azurerm.identity`), with their arguments
   * (`subscription_id`, `region`): a configuration's root `provider` blocks; a plan's
   * `configuration.provider_config`, whose keys for a module's own blocks are `module.x:azurerm`.
   */
  readonly providerConfigs: ReadonlyMap<string, { readonly [key: string]: ArgumentValue }>;
  /** A configuration's `removed` blocks, in the order written (a plan shows their effect in its actions instead). */
  readonly removed: readonly TfRemovedBlock[];
  /** What could not be read as Terraform reads it. */
  readonly problems: readonly TfProblem[];
  /**
   * A plan's objects the apply replaces or removes, with their prior values (`before`): the
   * deleted, the old object of a replacement, the prior version of an update. They filter
   * nothing after apply; they are kept so that a computed list still showing them (an NSG's
   * `security_rule`, a group's `ingress`) can be read for what it is. Empty for configurations and states.
   */
  readonly departed: readonly TfInstance[];
  /** The root's `//` member of a cdk.tf.json, as plain JSON (CDKTF's metadata, the estate record); undefined when absent. */
  readonly comment?: unknown;
}
