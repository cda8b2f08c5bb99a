import { parseProviderSource } from './config-providers';
import type { TfProviderRef } from './document';
import type { JsonNode, JsonObject } from './json-tree';
import { fieldsOf, ProblemList } from './reader-support';
import { expressionsValue } from './show-values';
import { ArgumentValue, isMap } from './values';

/**
 * The `configuration` of a `terraform show -json` plan (terraform internal/command/jsonconfig/
 * config.go): each resource's `provider_config_key` (the provider configuration it uses, passed-in
 * configurations followed back to their origin: `normalizeModuleProviderKeys`) and its
 * `expressions`, by module path (`module_calls.<name>.module`, recursively); and the
 * `provider_config` entries, keyed `azurerm`, `azurerm.identity`, `module.x:azurerm`
 * (`opaqueProviderKey`).
 */

/** A resource of the configuration. */
export interface ConfiguredResource {
  /** Its `provider_config_key`. */
  readonly providerConfigKey?: string;
  /** Its `expressions` (a block representation). */
  readonly expressions?: JsonNode;
  /** `managed` or `data`. */
  readonly mode?: string;
  /** True when it has `count` or `for_each` (it may stand for no instance at all). */
  readonly counted?: boolean;
  /** Offset of its entry. */
  readonly offset?: number;
}

/** What a plan's configuration says about resources and providers. */
export interface PlanConfiguration {
  /** Resources by module path and address without instance keys (`azurerm_subnet.s`, `module.pki.data.azurerm_subnet.s`). */
  readonly resources: ReadonlyMap<string, ConfiguredResource>;
  /** Provider configurations' arguments by key. */
  readonly providerConfigs: Map<string, { readonly [key: string]: ArgumentValue }>;
  /** Provider configurations' sources by key (from `full_name`). */
  readonly providerSources: ReadonlyMap<string, string>;
}

/** Reads a plan's `configuration` (absent: an empty one). */
export function readPlanConfiguration(node: JsonNode | undefined, problems: ProblemList): PlanConfiguration {
  const resources = new Map<string, ConfiguredResource>();
  const providerConfigs = new Map<string, { readonly [key: string]: ArgumentValue }>();
  const providerSources = new Map<string, string>();
  if (node?.kind !== 'object') return { resources, providerConfigs, providerSources };
  const fields = fieldsOf(node).byName;
  const pcs = fields.get('provider_config');
  if (pcs?.kind === 'object') {
    for (const m of pcs.members) {
      if (m.value.kind !== 'object') continue;
      const entry = fieldsOf(m.value).byName;
      const values = expressionsValue(entry.get('expressions'));
      providerConfigs.set(m.key, isMap(values) ? values : {});
      const fullName = entry.get('full_name');
      const source = fullName?.kind === 'string' ? parseProviderSource(fullName.value as string) : undefined;
      if (source) providerSources.set(m.key, source);
    }
  }
  const walk = (mod: JsonNode | undefined, path: string, element: string): void => {
    if (mod?.kind !== 'object') return;
    const f = fieldsOf(mod).byName;
    const list = f.get('resources');
    for (const r of list?.kind === 'array' ? list.items : []) {
      if (r.kind !== 'object') continue;
      const rf = fieldsOf(r).byName;
      const address = rf.get('address');
      if (address?.kind !== 'string') continue;
      const key = `${path === '' ? '' : `${path}.`}${address.value as string}`;
      const pck = rf.get('provider_config_key');
      const mode = rf.get('mode');
      resources.set(key, { providerConfigKey: pck?.kind === 'string' ? pck.value as string : undefined, expressions: rf.get('expressions'),
        mode: mode?.kind === 'string' ? mode.value as string : undefined, counted: rf.has('count_expression') || rf.has('for_each_expression'), offset: r.offset });
      const provisioners = rf.get('provisioners');
      if (provisioners?.kind === 'array' && provisioners.items.length > 0) {
        problems.unresolved(`${element}.${key}`, `${provisioners.items.length} provisioner(s) run when the object is created or destroyed; what they change is not in the document.`, r.offset);
      }
    }
    const calls = f.get('module_calls');
    for (const c of calls?.kind === 'object' ? calls.members : []) {
      walk(c.value.kind === 'object' ? fieldsOf(c.value as JsonObject).byName.get('module') : undefined, `${path === '' ? '' : `${path}.`}module.${c.key}`, element);
    }
  };
  walk(fields.get('root_module'), '', 'configuration');
  return { resources, providerConfigs, providerSources };
}

/** Provider sources by `provider_name`: a plan names a handful of providers thousands of times. */
const sources = new Map<string, string | undefined>();

function sourceOf(providerName: string): string | undefined {
  if (!sources.has(providerName)) {
    if (sources.size > 1000) sources.clear();
    sources.set(providerName, parseProviderSource(providerName));
  }
  return sources.get(providerName);
}

/**
 * The provider of an instance of a plan or state: its source from `provider_name`
 * (`registry.terraform.io/hashicorp/azurerm` → `hashicorp/azurerm`); its local name and alias
 * from the configuration's `provider_config_key` (`azurerm.identity`, `module.x:azurerm`) when
 * the configuration has the resource, else unknown (a state's JSON, a forgotten resource).
 */
export function providerOf(providerName: JsonNode | undefined, configured: ConfiguredResource | undefined, config: PlanConfiguration, type?: string): TfProviderRef {
  const key = configured?.providerConfigKey;
  const named = providerName?.kind === 'string' ? sourceOf(providerName.value as string) : undefined;
  // Terraform always writes provider_name; without it, the provider a resource type implies (its prefix, under hashicorp/).
  const implied = type !== undefined && /^[a-z0-9]+_/.test(type) ? `hashicorp/${type.slice(0, type.indexOf('_'))}` : undefined;
  const source = named ?? (key !== undefined ? config.providerSources.get(key) : undefined) ?? implied ?? '';
  if (key === undefined) {
    return { localName: source.slice(source.indexOf('/') + 1), source, key: '', aliasUnknown: true };
  }
  const local = key.slice(key.lastIndexOf(':') + 1);
  const dot = local.indexOf('.');
  return dot < 0 ? { localName: local, source, key } : { localName: local.slice(0, dot), alias: local.slice(dot + 1), source, key };
}
