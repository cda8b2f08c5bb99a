import { isTfRef, TfElement, TfResourceElement, TfValue } from './elements';
import { logicalIdOf } from './logical-id';
import { stableJson } from './stable-json';

/** The CDKTF version whose output the writer reproduces (named in the `//` metadata block and the manifest). */
export const CDKTF_VERSION = '0.21.0';

/** One provider configuration the CLI declares for a platform, and the provider's requirement. */
export interface TfProviderBlock {
  /** Provider name (`azurerm`, `aws`). */
  readonly name: string;
  /** Its configuration. */
  readonly config: { readonly [key: string]: TfValue | undefined };
  /** `required_providers` source. */
  readonly source: string;
  /** `required_providers` version constraint (`~> 4.0`: the provider versions the resources are written for). */
  readonly version: string;
  /** The configuration's alias; absent for the default configuration. */
  readonly alias?: string;
}

/** What one stack's `cdk.tf.json` is written from. */
export interface StackDocumentInput {
  /** Stack name (the estate's name). */
  readonly stackName: string;
  /** Construct ids from the stack down to the platform's construct (`['adcs', 'aws']`); element paths are relative to it. */
  readonly scope: readonly string[];
  /** The platform's elements. */
  readonly elements: readonly TfElement[];
  /** The provider configurations the stack declares (one provider: the default one first, then the aliased ones). */
  readonly providers?: readonly TfProviderBlock[];
  /** Path of the local backend's state file, relative to the stack's folder. */
  readonly backendPath: string;
  /** The framework version the metadata block names (`0.21.0`). */
  readonly frameworkVersion: string;
  /** More entries of the `//` metadata block (as the elements' `toMetadata()` add them in CDKTF). */
  readonly metadata?: { readonly [key: string]: unknown };
}

/** How the elements of one estate are named in Terraform, and how a reference between them is written. */
export interface ElementNames {
  /** The Terraform name of the element at `path` (CDKTF's logical id of the construct path). */
  nameOf(path: readonly string[]): string;
  /** A TfRef as the `${type.name.attribute}` text Terraform reads; any other value as it is. */
  refText(v: unknown): unknown;
}

/** The names of the elements below `scope` (construct ids from the stack down to the platform's construct). */
export function elementNames(scope: readonly string[], elements: readonly TfElement[]): ElementNames {
  const byPath = new Map<string, TfResourceElement>();
  for (const e of elements) if (e.kind === 'resource') byPath.set(e.path.join('/'), e);
  const names = new Map<string, string>();
  const nameOf = (path: readonly string[]): string => {
    const key = path.join('/');
    let name = names.get(key);
    if (name === undefined) names.set(key, name = logicalIdOf([...scope, ...path]));
    return name;
  };
  const refText = (v: unknown): unknown => {
    if (!isTfRef(v)) return v;
    const target = byPath.get(v.ref.join('/'));
    if (!target) throw new Error(`internal: reference to unknown element ${v.ref.join('/')}`);
    return `\${${target.type}.${nameOf(target.path)}.${v.attribute}}`;
  };
  return { nameOf, refText };
}

/**
 * The Terraform JSON document of one stack, as CDKTF's `TerraformStack.toTerraform()` builds it
 * for the same elements: the `//` metadata block, outputs, provider, resources (named by
 * `logicalIdOf` their construct path) and the terraform block. References become `${type.name.attr}`.
 */
export function stackDocument(input: StackDocumentInput): Record<string, unknown> {
  return documentOf(input, true).doc;
}

/**
 * The document, with references resolved in place (`deep`) or left as TfRef values for
 * `stableJson`'s `refText` to write (no copy of every argument map).
 */
function documentOf(input: StackDocumentInput, deep: boolean): { doc: Record<string, unknown>; refText: (v: unknown) => unknown } {
  const scope = input.scope;
  const { nameOf, refText } = elementNames(scope, input.elements);
  const resolve = (v: TfValue | undefined): unknown => {
    if (!deep) return v;
    if (v === undefined || typeof v !== 'object') return v;
    if (isTfRef(v)) return refText(v);
    if (Array.isArray(v)) return v.map(resolve);
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolve(x as TfValue | undefined)]));
  };
  const resource: Record<string, Record<string, unknown>> = {};
  const output: Record<string, unknown> = {};
  const outputs: Record<string, unknown> = {};
  for (const e of input.elements) {
    const name = nameOf(e.path);
    const path = [input.stackName, ...scope, ...e.path];
    if (e.kind === 'resource') {
      const byName = resource[e.type] ?? (resource[e.type] = {});
      byName[name] = { ...(resolve(e.attributes) as object), ...(e.provider === undefined ? {} : { provider: e.provider }), '//': { metadata: { path: path.join('/'), uniqueId: name } } };
    } else {
      output[name] = { description: e.description, value: resolve(e.value) };
      let at = outputs;
      path.slice(0, -1).forEach((p) => { at = (at[p] ?? (at[p] = {})) as Record<string, unknown>; });
      at[path[path.length - 1]] = name;
    }
  }
  const providers = input.providers ?? [];
  const first = providers[0];
  const doc: Record<string, unknown> = {
    '//': { metadata: { backend: 'local', stackName: input.stackName, version: input.frameworkVersion, ...input.metadata }, outputs },
    terraform: {
      backend: { local: { path: input.backendPath } },
      ...(first ? { required_providers: { [first.name]: { source: first.source, version: first.version } } } : {}),
    },
  };
  if (first) doc.provider = { [first.name]: providers.map((p) => resolve({ ...p.config, ...(p.alias === undefined ? {} : { alias: p.alias }) })) };
  if (Object.keys(resource).length > 0) doc.resource = resource;
  if (Object.keys(output).length > 0) doc.output = output;
  return { doc, refText };
}

/** `stackDocument` as the text CDKTF writes (sorted keys, two-space indent, no final newline). */
export function stackJson(input: StackDocumentInput): string {
  const { doc, refText } = documentOf(input, false);
  return stableJson(doc, refText);
}
