import { TfElement, TfOutputElement, TfResourceElement, TfValue } from './elements';
import { stableJson } from './stable-json';
import { elementNames } from './stack-document';

/** A variable of a module: one id or name the caller gives. */
export interface ModuleVariable {
  /** Its name (`ca_subnet_id`). */
  readonly name: string;
  /** What it is, for the caller. */
  readonly description: string;
}

/** The provider a module's resources need, and the configurations it takes from its caller. */
export interface ModuleProvider {
  /** Provider name (`azurerm`, `aws`). */
  readonly name: string;
  /** Its source address (`hashicorp/azurerm`). */
  readonly source: string;
  /** Its version constraint (`~> 4.0`). */
  readonly version: string;
  /** The named configurations the resources use (`identity`): the module's `configuration_aliases`. */
  readonly aliases: readonly string[];
  /** True when some resource uses the provider's default configuration. */
  readonly usesDefault: boolean;
}

/** What a module is written from. */
export interface ModuleDocumentInput {
  /** Construct ids from the stack down to the platform's construct: resources keep the names a stack gives them. */
  readonly scope: readonly string[];
  /** The platform's resources (other elements are left out: a module has outputs of its own). */
  readonly elements: readonly TfElement[];
  /** The module's outputs, each named by its one path element. */
  readonly outputs: readonly TfOutputElement[];
  /** Its variables. */
  readonly variables: readonly ModuleVariable[];
  /** The provider it requires. */
  readonly provider: ModuleProvider;
  /** The `//` comment's metadata (Terraform ignores `//`: the estate record travels there). */
  readonly metadata: Readonly<Record<string, unknown>>;
}

/** The files of a module, as text. */
export interface ModuleFiles {
  /** `main.tf.json`: variables, resources, outputs, and the `//` comment. */
  readonly main: string;
  /** `versions.tf.json`: the required provider with its constraint and configuration aliases. */
  readonly versions: string;
}

/** The Terraform version a module asks for (configuration_aliases came with 0.15; OpenTofu has them from its first release). */
export const MODULE_TERRAFORM_VERSION = '>= 1.0';

/**
 * A Terraform module of the elements, for plain Terraform and OpenTofu root modules: no backend
 * and no provider configuration (the caller passes them), the provider's requirement with its
 * constraint and the configurations the resources need as `configuration_aliases`, a `variable`
 * for each id the caller gives, and the outputs. Resources keep the names the stack gives them
 * (`logicalIdOf` their construct path). Sorted keys, two-space indent, a final newline.
 */
export function moduleFiles(input: ModuleDocumentInput): ModuleFiles {
  const resources = input.elements.filter((e): e is TfResourceElement => e.kind === 'resource');
  const { nameOf, refText } = elementNames(input.scope, resources);
  const resource: Record<string, Record<string, unknown>> = {};
  for (const e of resources) {
    const byName = resource[e.type] ?? (resource[e.type] = {});
    byName[nameOf(e.path)] = { ...e.attributes, ...(e.provider === undefined ? {} : { provider: e.provider }) };
  }
  const main: Record<string, unknown> = { '//': { metadata: input.metadata } };
  if (input.variables.length > 0) {
    main.variable = Object.fromEntries(input.variables.map((v) => [v.name, { description: v.description, type: 'string' }]));
  }
  if (resources.length > 0) main.resource = resource;
  if (input.outputs.length > 0) main.output = Object.fromEntries(input.outputs.map((o) => [o.path[0], { description: o.description, value: o.value as TfValue }]));
  const p = input.provider;
  const versions = {
    terraform: {
      required_version: MODULE_TERRAFORM_VERSION,
      required_providers: {
        [p.name]: { source: p.source, version: p.version, ...(p.aliases.length > 0 ? { configuration_aliases: p.aliases.map((a) => `${p.name}.${a}`) } : {}) },
      },
    },
  };
  return { main: `${stableJson(main, refText)}\n`, versions: `${stableJson(versions)}\n` };
}

/**
 * A construct id as a key of an output's map: a Terraform JSON key is a template, so each
 * `${...}` it holds (an existing NSG named by a variable) becomes its inner name
 * (`existing-${var.rg}-${var.nsg}-in-ca-dc-tcp` → `existing-rg-nsg-in-ca-dc-tcp`).
 */
export function plainKey(id: string): string {
  return id.replace(/\$\{([^}]*)\}/g, (_, inner: string) => inner.replace(/^var\./, '').replace(/[^A-Za-z0-9_.-]/g, '_'));
}

/** A string as an HCL quoted template: escapes, and `${` / `%{` kept literal. */
export function hclString(value: string): string {
  const escaped = value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')
    .replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
  return `"${escaped}"`;
}

/** `name = value` lines with the `=` aligned as `terraform fmt` aligns consecutive attributes. */
function aligned(indent: string, rows: readonly [string, string][]): string[] {
  const width = Math.max(0, ...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${indent}${k.padEnd(width)} = ${v}`);
}

/**
 * The `module` block that calls a module, as `terraform fmt` writes it: its source, the
 * providers it takes (the default configuration when its resources use it, and each alias), and
 * each variable with a placeholder naming what to give.
 */
export function moduleCall(label: string, source: string, provider: ModuleProvider, variables: readonly (ModuleVariable & { placeholder: string })[]): string {
  const lines = [`module ${hclString(label)} {`, ...aligned('  ', [['source', hclString(source)]])];
  const providers: [string, string][] = [
    ...(provider.usesDefault ? [[provider.name, provider.name] as [string, string]] : []),
    ...provider.aliases.map((a): [string, string] => [`${provider.name}.${a}`, `${provider.name}.${a}`]),
  ];
  if (providers.length > 0) lines.push('', '  providers = {', ...aligned('    ', providers), '  }');
  if (variables.length > 0) lines.push('', ...aligned('  ', variables.map((v) => [v.name, hclString(v.placeholder)])));
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
