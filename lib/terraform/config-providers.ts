import { ConfigExpressions, withoutNulls } from './config-expression';
import type { TfProviderRef } from './document';
import { attributeMembers, bodyMembers, HclBlock, unpackBlocks } from './hcl-json-body';
import type { JsonMember, JsonNode } from './json-tree';
import { describeNode, isProviderLocalName, ProblemList } from './reader-support';
import type { ArgumentValue } from './values';

/**
 * Providers of a configuration, as Terraform resolves them (terraform internal/configs):
 * `terraform.required_providers` maps local names to sources (provider_requirements.go), a
 * local name nothing declares has the implied source `hashicorp/<name>` (addrs/provider.go
 * `ImpliedProviderForUnqualifiedType`; `terraform` is built in), a resource's `provider`
 * argument is a bare traversal `name` or `name.alias` (resource.go `decodeProviderConfigRef`),
 * and `provider` blocks are configurations keyed `name` or `name.alias` (module.go).
 */

/**
 * A provider source address without its host, lower-cased (`hashicorp/azurerm`): `name`,
 * `namespace/name` or `host/namespace/name` (terraform-registry-address ParseProviderSource,
 * a one-part source in namespace `hashicorp`); undefined when malformed.
 */
export function parseProviderSource(text: string): string | undefined {
  const parts = text.trim().toLowerCase().split('/');
  if (parts.length < 1 || parts.length > 3 || parts.some((p) => p === '')) return undefined;
  const [ns, type] = parts.length === 1 ? ['hashicorp', parts[0]] : parts.slice(-2);
  return isProviderLocalName(ns) && isProviderLocalName(type) ? `${ns}/${type}` : undefined;
}

/** The source Terraform implies for a local name nothing declares: `hashicorp/<name>`, `builtin/terraform` for `terraform`. */
export function impliedSource(localName: string): string {
  return localName === 'terraform' ? 'builtin/terraform' : `hashicorp/${localName}`;
}

/** The local name a resource type implies: its prefix before the first `_` (addrs/resource.go `ImpliedProvider`), lower-cased. */
export function impliedLocalName(type: string): string {
  const under = type.indexOf('_');
  return (under < 0 ? type : type.slice(0, under)).toLowerCase();
}

/** The providers a configuration requires, by local name: their sources. */
export type RequiredSources = ReadonlyMap<string, string>;

/** The provider reference of an instance of a configuration. */
export function providerRefOf(localName: string, alias: string | undefined, required: RequiredSources): TfProviderRef {
  const source = required.get(localName) ?? impliedSource(localName);
  return alias === undefined ? { localName, source, key: localName } : { localName, alias, source, key: `${localName}.${alias}` };
}

/**
 * The sources of `terraform` blocks' `required_providers`: each entry an object with `source`
 * (literal), or a legacy version string (implied source). A module has at most one
 * `required_providers` block (module.go "Duplicate required providers configuration").
 */
export function readRequiredProviders(terraformBlocks: readonly HclBlock[], problems: ProblemList): Map<string, string> {
  const sources = new Map<string, string>();
  const blocks: HclBlock[] = [];
  for (const t of terraformBlocks) {
    for (const m of bodyMembers(t.body, 'terraform', problems)) {
      if (m.key === 'required_providers') unpackBlocks(m.value, 'required_providers', [], 'terraform.required_providers', problems, blocks);
      else if (!['//', 'required_version', 'experiments', 'language', 'backend', 'cloud', 'state_store', 'provider_meta'].includes(m.key)) {
        problems.invalid(`terraform.${m.key}`, `Extraneous JSON object property: no argument or block type is named "${m.key}" in a terraform block (terraform internal/configs/parser_config.go terraformBlockSchema).`, m.offset);
      }
    }
  }
  blocks.forEach((block, n) => {
    if (n > 0) {
      problems.invalid('terraform.required_providers', 'Duplicate required providers configuration: a module may have only one required_providers block (terraform internal/configs/module.go).', block.offset);
      return;
    }
    for (const m of attributeMembers(block.body, 'terraform.required_providers', problems)) {
      if (m.key === '//') continue;
      const element = `terraform.required_providers.${m.key}`;
      if (sources.has(m.key)) {
        problems.invalid(element, `Duplicate attribute definition: "${m.key}" was already set (hashicorp/hcl json/structure.go JustAttributes).`, m.offset);
        continue;
      }
      if (m.value.kind === 'string' || m.value.kind === 'number' || m.value.kind === 'boolean') {
        sources.set(m.key, impliedSource(m.key));
        continue;
      }
      if (!isProviderLocalName(m.key)) {
        problems.invalid(element, `Invalid provider local name: "${m.key}" must be lower case letters, digits and dashes (terraform internal/configs/provider.go checkProviderNameNormalized).`, m.offset);
        continue;
      }
      if (m.value.kind !== 'object') {
        problems.invalid(element, `Invalid required_providers object: entries must be strings or objects; found ${describeNode(m.value)}.`, m.value.offset);
        continue;
      }
      let source = impliedSource(m.key);
      for (const f of m.value.members) {
        if (f.key === 'version' || f.key === 'configuration_aliases') continue;
        if (f.key !== 'source') {
          problems.invalid(`${element}.${f.key}`, `Invalid required_providers object: required_providers objects can only contain "version", "source" and "configuration_aliases" attributes; found "${f.key}" (terraform internal/configs/provider_requirements.go).`, f.offset);
          continue;
        }
        const parsed = f.value.kind === 'string' ? parseProviderSource(f.value.value as string) : undefined;
        if (parsed === undefined) problems.invalid(`${element}.source`, `Invalid provider source: a string "[hostname/]namespace/type" is required; found ${JSON.stringify(f.value.kind === 'string' ? f.value.value : describeNode(f.value))}.`, f.value.offset);
        else source = parsed;
      }
      sources.set(m.key, source);
    }
  });
  return sources;
}

/**
 * A `provider` argument: a bare traversal `name` or `name.alias` in a JSON string (hcl
 * json/structure.go `AsTraversal`, via hclsyntax.ParseTraversalAbs). `"${azurerm.x}"` is not a
 * traversal there, and Terraform rejects it ("Invalid provider configuration reference").
 */
export function readProviderArgument(node: JsonNode, element: string, problems: ProblemList): { readonly localName: string; readonly alias?: string } | undefined {
  const m = node.kind === 'string' ? /^\s*([A-Za-z_][\w-]*)\s*(?:\.\s*([A-Za-z_][\w-]*)\s*)?$/.exec(node.value as string) : null;
  if (!m) {
    const found = node.kind === 'string' ? JSON.stringify(node.value) : describeNode(node);
    problems.invalid(element, `Invalid provider configuration reference: the provider argument requires a provider type name, optionally followed by a period and then a configuration alias, written as a bare traversal ("azurerm.identity", without \${}); found ${found} (terraform internal/configs/resource.go decodeProviderConfigRef).`, node.offset);
    return undefined;
  }
  if (!isProviderLocalName(m[1])) {
    problems.invalid(element, `Invalid provider local name: "${m[1]}" must be lower case letters, digits and dashes (terraform internal/configs/provider.go checkProviderNameNormalized).`, node.offset);
    return undefined;
  }
  return m[2] === undefined ? { localName: m[1] } : { localName: m[1], alias: m[2] };
}

/**
 * The `provider` blocks' arguments by key (`azurerm`, `azurerm.identity`): `alias` a literal
 * string, `version` dropped (a constraint), `"//"` ignored, a `_` block's arguments merged;
 * `count`, `depends_on`, `for_each`, `source`, `lifecycle`, `locals` are reserved (provider.go).
 */
export function readProviderBlocks(blocks: readonly HclBlock[], exprs: ConfigExpressions, problems: ProblemList): Map<string, { readonly [key: string]: ArgumentValue }> {
  const configs = new Map<string, { readonly [key: string]: ArgumentValue }>();
  for (const block of blocks) {
    const name = block.labels[0];
    const element = `provider.${name}`;
    if (!isProviderLocalName(name)) {
      problems.invalid(element, `Invalid provider local name: "${name}" must be lower case letters, digits and dashes (terraform internal/configs/provider.go checkProviderNameNormalized).`, block.labelOffsets[0]);
      continue;
    }
    let alias: string | undefined;
    const args: JsonMember[] = [];
    let escapes = 0;
    for (const m of bodyMembers(block.body, element, problems)) {
      if (m.key === '//' || m.key === 'version') continue;
      if (m.key === 'alias') {
        if (m.value.kind === 'string' && /^[\p{ID_Start}_][\p{ID_Continue}-]*$/u.test(m.value.value as string)) alias = m.value.value as string;
        else problems.invalid(`${element}.alias`, `Invalid provider configuration alias: an alias must be a valid name; found ${m.value.kind === 'string' ? JSON.stringify(m.value.value) : describeNode(m.value)} (terraform internal/configs/provider.go).`, m.value.offset);
      } else if (['count', 'depends_on', 'for_each', 'source', 'lifecycle', 'locals'].includes(m.key)) {
        problems.invalid(`${element}.${m.key}`, `Reserved name in provider block: "${m.key}" is reserved for use by Terraform in a future version (terraform internal/configs/provider.go).`, m.offset);
      } else if (m.key === '_') {
        const escaped: HclBlock[] = [];
        unpackBlocks(m.value, '_', [], `${element}._`, problems, escaped);
        for (const e of escaped) {
          if (++escapes > 1) problems.invalid(`${element}._`, 'Duplicate escaping block: each provider block can have only one "_" block (terraform internal/configs/provider.go).', e.offset);
          else args.push(...bodyMembers(e.body, `${element}._`, problems).filter((x) => x.key !== '//'));
        }
      } else args.push(m);
    }
    const key = alias === undefined ? name : `${name}.${alias}`;
    if (configs.has(key)) {
      problems.invalid(`provider.${key}`, alias === undefined
        ? `Duplicate provider configuration: a default (non-aliased) provider configuration for "${name}" was already given; set "alias" for alternative configurations (terraform internal/configs/module.go).`
        : `Duplicate provider configuration: a provider configuration for "${name}" with alias "${alias}" was already given (terraform internal/configs/module.go).`, block.offset);
      continue;
    }
    configs.set(key, withoutNulls(exprs.readObject(args, {}, `provider.${key}`, false)) as { [key: string]: ArgumentValue });
  }
  return configs;
}
