import { ConfigExpressions, ExpressionScope, LocalDefinition, withoutNulls } from './config-expression';
import { readProviderBlocks, readRequiredProviders } from './config-providers';
import { readResourceBlock } from './config-resources';
import { TfDocument, TfDocumentForm, TfInstance, TfModuleCall, TfRemovedBlock } from './document';
import { attributeMembers, bodyMembers, HclBlock, unpackBlocks } from './hcl-json-body';
import { JsonMember, JsonNode, plainOf } from './json-tree';
import { compareText, describeNode, isIdentifier, ProblemList } from './reader-support';
import { ArgumentValue, TfUnknown } from './values';

/**
 * A Terraform JSON configuration (a cdk.tf.json, a `*.tf.json`) read as Terraform reads one
 * file of a root module: the top-level block types of terraform internal/configs/parser_config.go
 * `configFileSchema`, each with its labels (hashicorp/hcl json/structure.go), `"//"` ignored in
 * bodies. Resources and data sources become instances; `module` blocks stay calls (what a
 * module creates is not in the file); `removed` blocks are kept for the platform to weigh.
 */

/** The top-level block types Terraform knows, with their label names (terraform internal/configs/parser_config.go configFileSchema). */
export const CONFIG_BLOCK_TYPES: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ['terraform', []], ['required_providers', []], ['provider', ['name']], ['variable', ['name']], ['locals', []],
  ['output', ['name']], ['module', ['name']], ['resource', ['type', 'name']], ['data', ['type', 'name']],
  ['ephemeral', ['type', 'name']], ['action', ['type', 'name']], ['moved', []], ['removed', []], ['import', []], ['check', ['name']],
]);

/** Reads a configuration's root body (an object, or an array of objects) into a document. */
export function readConfiguration(root: JsonNode): TfDocument {
  const problems = new ProblemList();
  const blocks = new Map<string, HclBlock[]>([...CONFIG_BLOCK_TYPES.keys()].map((t) => [t, []]));
  let comment: JsonNode | undefined;
  for (const m of bodyMembers(root, '(root)', problems)) {
    const labels = CONFIG_BLOCK_TYPES.get(m.key);
    if (m.key === '//') comment = m.value;
    else if (labels) unpackBlocks(m.value, m.key, labels, m.key, problems, blocks.get(m.key)!);
    else problems.invalid(m.key, `Extraneous JSON object property: no block type is named "${m.key}" at the top level of a configuration (terraform internal/configs/parser_config.go configFileSchema; Terraform calls it an unsupported block type).`, m.offset);
  }
  const of = (type: string): HclBlock[] => blocks.get(type)!;
  for (const b of of('required_providers')) {
    problems.invalid('required_providers', 'Invalid required_providers block: a "required_providers" block must be nested inside a "terraform" block (terraform internal/configs/parser_config.go).', b.offset);
  }
  const required = readRequiredProviders(of('terraform'), problems);
  const locals = readLocals(of('locals'), problems);
  const exprs = new ConfigExpressions(problems, locals);
  for (const [name, def] of locals) exprs.local(name, `locals.${name}`, def.offset);
  const providerConfigs = readProviderBlocks(of('provider'), exprs, problems);

  const instances: TfInstance[] = [];
  for (const mode of ['managed', 'data'] as const) {
    const seen = new Set<string>();
    for (const block of of(mode === 'managed' ? 'resource' : 'data')) {
      const read = readResourceBlock(block, mode, { exprs, problems, required });
      const key = `${block.labels[0]}.${block.labels[1]}`;
      if (!isIdentifier(block.labels[0]) || !isIdentifier(block.labels[1])) continue;
      if (seen.has(key)) {
        problems.invalid(`${mode === 'data' ? 'data.' : ''}${key}`, `Duplicate ${mode === 'data' ? 'data' : 'resource'} "${block.labels[0]}" configuration: a ${block.labels[0]} ${mode === 'data' ? 'data resource' : 'resource'} named "${block.labels[1]}" was already declared; names must be unique per type in each module (terraform internal/configs/module.go).`, block.offset);
        continue;
      }
      seen.add(key);
      instances.push(...read);
    }
  }
  const moduleCalls = of('module').map((b) => readModuleBlock(b, exprs, problems)).filter((c): c is TfModuleCall => c !== undefined);
  uniqueNames(of('module'), 'Duplicate module call', problems);
  for (const type of ['variable', 'output', 'check']) uniqueNames(of(type), `Duplicate ${type}`, problems);
  for (const b of of('action')) {
    problems.unresolved(`action.${b.labels.join('.')}`, 'An action block: an action invoked by the plan runs a provider operation whose effect is not in the document.', b.offset);
  }
  instances.sort((a, b) => compareText(a.address, b.address));
  const declared = new Set([...of('resource').map((b) => b.labels.join('.')), ...of('module').map((b) => `module.${b.labels[0]}`)]);
  return {
    form: TfDocumentForm.CONFIGURATION,
    instances,
    moduleCalls: moduleCalls.sort((a, b) => compareText(a.address, b.address)),
    providerConfigs,
    removed: of('removed').map((b) => readRemovedBlock(b, declared, problems)).filter((r): r is TfRemovedBlock => r !== undefined),
    problems: problems.sorted(),
    departed: [],
    ...(comment === undefined ? {} : { comment: plainOf(comment) }),
  };
}

/**
 * The local values of all `locals` blocks: each body a single object (dynamic-attributes mode),
 * a name defined twice an error ("Duplicate attribute definition" in one block, "Duplicate local
 * value definition" across blocks; terraform internal/configs/module.go).
 */
function readLocals(blocks: readonly HclBlock[], problems: ProblemList): Map<string, LocalDefinition> {
  const locals = new Map<string, LocalDefinition>();
  for (const block of blocks) {
    const inBlock = new Set<string>();
    for (const m of attributeMembers(block.body, 'locals', problems)) {
      if (m.key === '//') continue;
      if (locals.has(m.key)) {
        problems.invalid(`locals.${m.key}`, inBlock.has(m.key)
          ? `Duplicate attribute definition: the local value "${m.key}" was already set in this locals block (hashicorp/hcl json/structure.go JustAttributes).`
          : `Duplicate local value definition: a local value named "${m.key}" was already defined (terraform internal/configs/module.go).`, m.offset);
        continue;
      }
      inBlock.add(m.key);
      locals.set(m.key, { node: m.value, offset: m.offset });
    }
  }
  return locals;
}

function uniqueNames(blocks: readonly HclBlock[], summary: string, problems: ProblemList): void {
  const seen = new Set<string>();
  for (const b of blocks) {
    const name = b.labels[0];
    if (seen.has(name)) problems.invalid(`${b.type}.${name}`, `${summary}: "${name}" was already defined; names must be unique within a module (terraform internal/configs/module.go).`, b.offset);
    seen.add(name);
  }
}

const MODULE_META = new Set(['source', 'version', 'count', 'for_each', 'depends_on', 'providers', 'ignore_nested_deprecations']);

/** A `module` block: `source` a literal string (required), its other arguments read as values; meta-arguments are not values (terraform internal/configs/module_call.go). */
function readModuleBlock(block: HclBlock, exprs: ConfigExpressions, problems: ProblemList): TfModuleCall | undefined {
  const name = block.labels[0];
  const element = `module.${name}`;
  if (!isIdentifier(name)) {
    problems.invalid(element, `Invalid module instance name: "${name}": a name must start with a letter or underscore and may contain only letters, digits, underscores, and dashes (terraform internal/configs/module_call.go).`, block.labelOffsets[0]);
    return undefined;
  }
  let source: string | undefined;
  let iterated = false;
  const args: JsonMember[] = [];
  for (const m of bodyMembers(block.body, element, problems)) {
    if (m.key === '//') continue;
    if (m.key === 'source') {
      if (m.value.kind === 'string') source = m.value.value as string;
      else problems.invalid(`${element}.source`, `Invalid module source: a literal string is required; found ${describeNode(m.value)}.`, m.value.offset);
    } else if (m.key === 'count' || m.key === 'for_each') iterated = true;
    else if (m.key === '_') {
      const escaped: HclBlock[] = [];
      unpackBlocks(m.value, '_', [], `${element}._`, problems, escaped);
      for (const e of escaped) args.push(...bodyMembers(e.body, `${element}._`, problems).filter((x) => x.key !== '//'));
    } else if (['lifecycle', 'locals', 'provider'].includes(m.key)) {
      problems.invalid(`${element}.${m.key}`, `Reserved block type name in module block: "${m.key}" is reserved for use by Terraform in a future version (terraform internal/configs/module_call.go).`, m.offset);
    } else if (!MODULE_META.has(m.key)) args.push(m);
  }
  if (source === undefined) {
    problems.invalid(`${element}.source`, 'Missing required argument: the argument "source" is required, but no definition was found (terraform internal/configs/module_call.go).', block.offset);
    return undefined;
  }
  const u = new TfUnknown('count.index or each of a module call, known at plan time');
  const scope: ExpressionScope = iterated ? { countIndex: u, eachKey: u, eachValue: u } : {};
  const values = withoutNulls(exprs.readObject(args, scope, element, false)) as { [key: string]: ArgumentValue };
  return { address: element, source, values, offset: block.offset };
}

const ID = '[A-Za-z_][\\w-]*';
/** A `removed` block's `from`: a module (`module.a.module.b`) or a resource under one, without instance keys (terraform internal/addrs/remove_target.go ParseRemoveTarget). */
const REMOVE_TARGET = new RegExp(`^(?:module\\.${ID}\\.)*(?:module\\.${ID}|(data\\.)?${ID}\\.${ID})$`);

/**
 * A `removed` block: `from` a bare traversal naming a module or a managed resource, no instance
 * key, not declared any more (refactoring/remove_statement.go "Removed resource still exists");
 * `lifecycle.destroy` a literal bool (terraform internal/configs/removed.go; destroy defaults to true).
 */
function readRemovedBlock(block: HclBlock, declared: ReadonlySet<string>, problems: ProblemList): TfRemovedBlock | undefined {
  let from: string | undefined;
  let fromWritten = false;
  let destroy: boolean | undefined;
  for (const m of bodyMembers(block.body, 'removed', problems)) {
    if (m.key === '//' || m.key === 'connection' || m.key === 'provisioner') continue;
    if (m.key === 'from') {
      fromWritten = true;
      from = removeTarget(m.value, problems);
    } else if (m.key === 'lifecycle') {
      const lifecycles: HclBlock[] = [];
      unpackBlocks(m.value, 'lifecycle', [], 'removed.lifecycle', problems, lifecycles);
      for (const lc of lifecycles) {
        for (const a of bodyMembers(lc.body, 'removed.lifecycle', problems)) {
          if (a.key === '//') continue;
          const v = a.value.kind === 'object' || a.value.kind === 'array' ? undefined : a.value.value;
          if (a.key !== 'destroy') problems.invalid(`removed.lifecycle.${a.key}`, `Unsupported argument: "${a.key}" is not expected in a removed block's lifecycle (terraform internal/configs/removed.go).`, a.offset);
          else if (typeof v === 'boolean') destroy = v;
          else if (v === 'true' || v === 'false') destroy = v === 'true';
          else problems.invalid('removed.lifecycle.destroy', `Incorrect value type: "destroy" must be a literal bool; found ${describeNode(a.value)}.`, a.value.offset);
        }
      }
    } else problems.invalid(`removed.${m.key}`, `Extraneous JSON object property: no argument or block type is named "${m.key}" in a removed block (terraform internal/configs/removed.go).`, m.offset);
  }
  if (from === undefined) {
    if (!fromWritten) problems.invalid('removed', 'Missing required argument: the argument "from" is required in a removed block (terraform internal/configs/removed.go).', block.offset);
    return undefined;
  }
  if (declared.has(from)) {
    problems.invalid(`removed.${from}`, `Removed ${from.startsWith('module.') && !from.slice(7).includes('.') ? 'module' : 'resource'} still exists: this statement declares that ${from} was removed, but it is still declared in configuration (terraform internal/refactoring/remove_statement.go).`, block.offset);
  }
  return { from, ...(destroy === undefined ? {} : { destroy }), offset: block.offset };
}

/** The address a `removed` block's `from` names, or undefined (with the problem) when it names none. */
function removeTarget(node: JsonNode, problems: ProblemList): string | undefined {
  const text = node.kind === 'string' ? (node.value as string).trim().replace(/\s*\.\s*/g, '.') : undefined;
  const match = text === undefined ? null : REMOVE_TARGET.exec(text);
  if (text === undefined || !match) {
    const keyed = text !== undefined && /\[/.test(text);
    problems.invalid('removed.from', keyed
      ? `Instance keys not allowed: "from" must name a resource or a module, not an instance ("aws_x.y", not "aws_x.y[0]"); found ${JSON.stringify(text)} (terraform internal/addrs/parse_target.go, module.go).`
      : `Invalid expression: "from" must be a bare address such as "azurerm_network_security_rule.old" or "module.legacy"; found ${node.kind === 'string' ? JSON.stringify(node.value) : describeNode(node)} (terraform internal/configs/removed.go).`, node.offset);
    return undefined;
  }
  if (match[1]) {
    problems.invalid('removed.from', `Data source address not allowed: data sources are never destroyed, so they are not valid targets of removed blocks; found ${JSON.stringify(text)} (terraform internal/addrs/remove_target.go).`, node.offset);
    return undefined;
  }
  return text;
}
