import type { ResolvedInput } from '../input/resolved';
import { ModuleInput, substituteModuleInputs, variablesIn } from '../input/module-inputs';
import { PLATFORM_INPUTS } from '../platforms/registry';
import { aliasOf, TfResourceElement } from '../terraform/elements';
import { moduleCall, ModuleFiles, moduleFiles, ModuleProvider, ModuleVariable, MODULE_TERRAFORM_VERSION } from '../terraform/module-document';
import { EstatePlan, planEstate, requireEnforcement } from './estate-plan';
import { estateRecordMetadata } from './estate-record';
import { resolveSpec } from './spec';
import { appendTo } from '../util/maps';

/** Construct id of the estate in the module, as in the stacks `synth` writes (resource names stay the stack's). */
export const MODULE_ESTATE_ID = 'adcs';

/** An estate as a Terraform module (`synth --module`). */
export interface EstateModule {
  /** The validated estate. */
  readonly spec: ResolvedInput;
  /** Its plan. */
  readonly planned: EstatePlan;
  /** `main.tf.json` and `versions.tf.json`. */
  readonly files: ModuleFiles;
  /** The module's README: what it is, the call, its inputs and outputs. */
  readonly readme: string;
  /** The `module` block that calls it (in the README). */
  readonly call: string;
  /** Its variables, by name. */
  readonly variables: readonly ModuleVariable[];
  /** The provider it requires and the configurations it takes. */
  readonly provider: ModuleProvider;
  /** The values the spec leaves to the caller with `input`. */
  readonly inputs: readonly ModuleInput[];
}

/** Every string of a document with its key path. */
function stringsOf(value: unknown, path: string, out: [string, string][] = []): [string, string][] {
  if (typeof value === 'string') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => stringsOf(v, `${path}[${i}]`, out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) stringsOf(v, path ? `${path}.${k}` : k, out);
  return out;
}

/**
 * A spec as a Terraform module for plain Terraform and OpenTofu root modules: the estate's
 * resources (named as in the stack), a `variable` for every id the spec leaves to the caller
 * (`input`, or a `${var.NAME}` of its own), outputs for the NSGs or groups and the rules, the
 * provider's requirement with its configuration aliases, and the estate record in a `//`
 * comment (`check --plan main.tf.json` reads it). `moduleSource` is the path a root module
 * gives as the module's `source` in the README's call. Throws AdcsInputError naming `file`.
 */
export function estateModule(doc: unknown, file: string, moduleSource: string): EstateModule {
  const { doc: substituted, inputs } = substituteModuleInputs(doc, PLATFORM_INPUTS);
  const spec = resolveSpec(substituted, file);
  const given = substituted as Record<string, unknown>;
  const planned = planEstate(spec, file, 'synth --module', given.platform !== undefined);
  requireEnforcement(spec, file);
  const name = spec.estate.name;
  const platform = planned.platform;

  // Every variable a value references: the inputs, and the spec's own `${var.NAME}`.
  const uses = new Map<string, string[]>();
  for (const [path, text] of stringsOf(substituted, '')) for (const v of variablesIn(text)) appendTo(uses, v, path);
  const variables: ModuleVariable[] = [...uses.keys()].sort().map((v) => ({
    name: v, description: `${uses.get(v)!.join(', ')} of the AD CS estate ${name}${inputs.some((i) => i.variable === v) ? ' (left to the caller with "input")' : ''}`,
  }));

  const resources = planned.elements.filter((e): e is TfResourceElement => e.kind === 'resource');
  const aliases = [...new Set(resources.flatMap((e) => (e.provider === undefined ? [] : [aliasOf(e.provider)])))].sort();
  const provider: ModuleProvider = {
    name: platform.providerDefaults.name, source: platform.registrySource, version: platform.providerDefaults.version,
    aliases, usesDefault: resources.some((e) => e.provider === undefined),
  };
  const outputs = platform.moduleOutputs(planned.plan, spec);
  const files = moduleFiles({
    scope: [MODULE_ESTATE_ID, platform.constructId], elements: resources, outputs, variables, provider,
    metadata: estateRecordMetadata(`${name}/${MODULE_ESTATE_ID}`, given),
  });
  const call = moduleCall(name, moduleSource, provider, variables.map((v) => ({ ...v, placeholder: `<${uses.get(v.name)![0]}>` })));
  const readme = moduleReadme(name, platform.input.owner, provider, call, variables, outputs.map((o) => ({ name: o.path[0], description: o.description })));
  return { spec, planned, files, readme, call, variables, provider, inputs };
}

/** A Markdown table cell: pipes escaped, one line. */
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The module's README.md. */
function moduleReadme(name: string, owner: string, provider: ModuleProvider, call: string, variables: readonly ModuleVariable[], outputs: readonly ModuleVariable[]): string {
  const configurations = [...(provider.usesDefault ? [`\`${provider.name}\` (the default configuration)`] : []), ...provider.aliases.map((a) => `\`${provider.name}.${a}\``)];
  return [
    `# ${name}`,
    '',
    `The AD CS network rules of the estate \`${name}\` on ${owner}, written by \`adcs-firewall synth --module\`: do not edit,`,
    'synthesize again. It declares no backend and no provider configuration: the root module passes',
    `${configurations.join(', ')} (provider \`${provider.source}\` ${provider.version}; Terraform or OpenTofu ${MODULE_TERRAFORM_VERSION}).`,
    '',
    '```hcl',
    call.trimEnd(),
    '```',
    '',
    'Then `terraform init` and `terraform plan` (or `tofu init` and `tofu plan`) in the root module.',
    '',
    '## Inputs',
    '',
    ...(variables.length === 0 ? ['None.'] : ['| name | type | description |', '|---|---|---|', ...variables.map((v) => `| \`${v.name}\` | string | ${cell(v.description)} |`)]),
    '',
    '## Outputs',
    '',
    '| name | description |',
    '|---|---|',
    ...outputs.map((o) => `| \`${o.name}\` | ${cell(o.description)} |`),
    '',
  ].join('\n');
}
