import { TfDocument, TfDocumentForm, TfInstance, TfInstanceOrigin, TfMultiplicity, TfProviderRef } from './document';
import type { JsonNode } from './json-tree';
import { compareText, fieldsOf, modulePathOf, ProblemList, withoutInstanceKeys } from './reader-support';
import { PlanConfiguration, providerOf, readPlanConfiguration } from './show-configuration';
import { attributesOf } from './show-values';

/**
 * `terraform show -json` of a plan or a state, read as the state the apply leaves: each
 * `resource_changes` entry by its actions (terraform internal/command/jsonplan/plan.go
 * `actionString`), instances the plan does not touch as `prior_state` has them, modules
 * expanded (addresses carry `module.x.`); a state's `values.root_module` and its
 * `child_modules`, recursively (jsonstate/state.go).
 */

/** Top-level keys only a plan has (jsonplan/plan.go `plan`); a state has `values`. */
export const PLAN_KEYS: readonly string[] = ['planned_values', 'resource_changes', 'resource_drift', 'prior_state', 'configuration',
  'deferred_changes', 'deferred_action_invocations', 'action_invocations', 'output_changes', 'relevant_attributes', 'applyable', 'complete', 'errored', 'variables'];

/** Actions after which the instance exists, read from `after`; `forget` and `create,forget` leave the prior object in the cloud, unmanaged. */
const AFTER_ACTIONS = new Set(['no-op', 'create', 'update', 'delete,create', 'create,delete', 'read']);

/** Reads `terraform show -json` of a plan (any of `PLAN_KEYS`) or of a state. */
export function readShowJson(root: JsonNode): TfDocument {
  const problems = new ProblemList();
  const fields = root.kind === 'object' ? fieldsOf(root).byName : new Map<string, JsonNode>();
  const isPlan = PLAN_KEYS.some((k) => fields.has(k));
  const config = readPlanConfiguration(fields.get('configuration'), problems);
  const instances: TfInstance[] = [];
  const departed: TfInstance[] = [];
  if (isPlan) readPlan(fields, config, problems, instances, departed);
  else walkValues(fields.get('values'), 'values', problems, (r, f) => instances.push(stateInstance(r, f, TfInstanceOrigin.STATE, config, problems)));
  instances.sort((a, b) => compareText(a.address, b.address));
  departed.sort((a, b) => compareText(a.address, b.address));
  return {
    form: isPlan ? TfDocumentForm.PLAN : TfDocumentForm.STATE,
    instances, moduleCalls: [], providerConfigs: config.providerConfigs, removed: [], problems: problems.sorted(), departed,
  };
}

function readPlan(fields: ReadonlyMap<string, JsonNode>, config: PlanConfiguration, problems: ProblemList, instances: TfInstance[], departed: TfInstance[]): void {
  const errored = fields.get('errored');
  if (errored?.kind === 'boolean' && errored.value) {
    problems.invalid('errored', 'The plan errored: Terraform will not apply it, and what it shows is incomplete.', errored.offset);
  }
  const complete = fields.get('complete');
  if (complete?.kind === 'boolean' && !complete.value) {
    problems.unresolved('complete', 'The plan is incomplete (-target, or changes deferred to a later plan): the apply leaves more to change than it shows.', complete.offset);
  }
  const deferred = fields.get('deferred_changes');
  for (const d of deferred?.kind === 'array' ? deferred.items : []) {
    const df = d.kind === 'object' ? fieldsOf(d).byName : undefined;
    const rc = df?.get('resource_change');
    const address = rc?.kind === 'object' ? fieldsOf(rc).byName.get('address') : undefined;
    const reason = df?.get('reason');
    problems.unresolved(`deferred_changes.${address?.kind === 'string' ? address.value : '?'}`,
      `A change deferred to a later plan (${reason?.kind === 'string' ? reason.value : 'no reason given'}): what it will do is not in this plan.`, d.offset);
  }
  for (const key of ['action_invocations', 'deferred_action_invocations']) {
    const list = fields.get(key);
    for (const a of list?.kind === 'array' ? list.items : []) {
      const address = a.kind === 'object' ? textOf(fieldsOf(a).byName.get('address')) : undefined;
      problems.unresolved(`${key}.${address ?? '?'}`, `An action the ${key === 'action_invocations' ? 'apply invokes' : 'plan defers'}: a provider operation whose effect is not in the plan.`, a.offset);
    }
  }
  // Instances the plan touches, by address and deposed key: those not touched stay as prior_state has them.
  const touched = new Set<string>();
  const changes = fields.get('resource_changes');
  if (changes !== undefined && changes.kind !== 'array') {
    problems.unsupported('resource_changes', 'resource_changes is not an array, as terraform show -json writes it; not read.', changes.offset);
  }
  if (changes?.kind === 'array') {
    for (const entry of changes.items) readChange(entry, config, problems, instances, touched, departed);
  } else {
    const planned = fields.get('planned_values');
    let found = false;
    walkValues(planned, 'planned_values', problems, (r, f) => {
      found = true;
      touched.add(touchKey(f));
      instances.push(stateInstance(r, f, TfInstanceOrigin.PLANNED, config, problems));
    });
    if (found) {
      problems.unresolved('planned_values', 'A plan without resource_changes: planned_values omits an attribute known only after apply as it omits an unset one (terraform internal/command/jsonplan/values.go omitUnknowns), so an absent attribute may be known only after apply.', planned!.offset);
    }
  }
  const prior = fields.get('prior_state');
  const priorValues = prior?.kind === 'object' ? fieldsOf(prior).byName.get('values') : undefined;
  const held = new Set<string>();
  walkValues(priorValues, 'prior_state.values', problems, (r, f) => {
    const shape = resourceShape(f);
    if (shape) held.add(shape.configKey);
    if (!touched.has(touchKey(f))) instances.push(stateInstance(r, f, TfInstanceOrigin.PLANNED, config, problems));
  });
  // A managed resource the configuration declares, without count or for_each, that the plan neither
  // changes nor holds: left out of a targeted plan (-target), whatever `complete` says (Terraform < 1.8 has none).
  if (changes?.kind === 'array') {
    for (const c of changes.items) {
      const shape = c.kind === 'object' ? resourceShape(fieldsOf(c).byName) : undefined;
      if (shape) held.add(shape.configKey);
    }
    for (const [key, r] of config.resources) {
      if (r.mode !== 'managed' || r.counted || held.has(key)) continue;
      problems.unresolved(`configuration.${key}`, 'The configuration declares this resource, but the plan neither changes nor holds it (a plan made with -target leaves it out): what it will do is not in this plan.', r.offset ?? -1);
    }
  }
}

function touchKey(f: ReadonlyMap<string, JsonNode>): string {
  const deposed = f.get('deposed') ?? f.get('deposed_key');
  return `${textOf(f.get('address'))}#${textOf(deposed) ?? ''}`;
}

/** The string a node holds, if it is a string. */
function textOf(node: JsonNode | undefined): string | undefined {
  return node?.kind === 'string' ? node.value as string : undefined;
}

/** The instances one `resource_changes` entry leaves. */
function readChange(entry: JsonNode, config: PlanConfiguration, problems: ProblemList, instances: TfInstance[], touched: Set<string>, departed: TfInstance[]): void {
  const f = entry.kind === 'object' ? fieldsOf(entry).byName : undefined;
  const change = f?.get('change');
  const cf = change?.kind === 'object' ? fieldsOf(change).byName : undefined;
  const actionsNode = cf?.get('actions');
  const actions = actionsNode?.kind === 'array' && actionsNode.items.every((a) => a.kind === 'string') ? actionsNode.items.map((a) => textOf(a)).join(',') : undefined;
  const shape = f && cf && actions !== undefined ? resourceShape(f) : undefined;
  if (!f || !cf || actions === undefined || !shape) {
    const address = f?.get('address');
    problems.unsupported(`resource_changes.${address?.kind === 'string' ? address.value : '?'}`, 'A resource_changes entry without the address, mode, type, name and change.actions terraform show -json writes; not read.', entry.offset);
    return;
  }
  touched.add(touchKey(f));
  const deposed = f.get('deposed')?.kind === 'string';
  const configured = config.resources.get(shape.configKey);
  const provider = providerOf(f.get('provider_name'), configured, config, shape.type);
  const element = `resource_changes.${shape.address}`;
  const ctx = { problems, referencePrefix: shape.module === '' ? '' : `${shape.module}.` };
  const leavesAfter = !deposed && (AFTER_ACTIONS.has(actions) || actions === 'create,forget');
  const leavesBefore = actions === 'forget' || actions === 'create,forget';
  if (leavesAfter) {
    const after = cf.get('after');
    const unknown = cf.get('after_unknown');
    if (after?.kind !== 'object') {
      if (unknown?.kind === 'boolean' && unknown.value) problems.unresolved(element, 'Every attribute of this object is known only after apply.', entry.offset);
      else problems.unsupported(element, `Actions ${JSON.stringify(actions)} without an "after" object; its values are not read.`, entry.offset);
    }
    const indexUnknown = f.get('index_unknown');
    const multiplicity = indexUnknown?.kind === 'boolean' && indexUnknown.value ? TfMultiplicity.UNKNOWN : TfMultiplicity.KNOWN;
    const values = attributesOf(after, unknown, configured?.expressions, ctx, `${element}.after`);
    const expressions = configured?.expressions;
    const set = expressions?.kind === 'object' ? [...new Set(expressions.members.map((m) => m.key))].sort() : undefined;
    instances.push({ ...instanceOf(shape, provider, values, TfInstanceOrigin.PLANNED, multiplicity, entry.offset), ...(set ? { configured: set } : {}) });
  }
  // What the apply replaces or removes, as it was: a computed list may still show it.
  if (actions === 'update' || actions === 'delete' || actions === 'delete,create' || actions === 'create,delete') {
    const before = cf.get('before');
    if (before?.kind === 'object') departed.push(instanceOf(shape, provider, attributesOf(before, undefined, undefined, ctx, `${element}.before`), TfInstanceOrigin.PLANNED, TfMultiplicity.KNOWN, entry.offset));
  }
  if (leavesBefore) {
    const values = attributesOf(cf.get('before'), undefined, undefined, ctx, `${element}.before`);
    instances.push(instanceOf(shape, provider, values, TfInstanceOrigin.FORGOTTEN, TfMultiplicity.KNOWN, entry.offset));
  }
  // "delete" leaves nothing; nor does "delete" or "no-op" on a deposed object (destroyed, or already gone:
  // jsonplan/values.go "if they were gone during refresh then the change becomes a noop").
  if (!leavesAfter && !leavesBefore && !(actions === 'delete' || (deposed && actions === 'no-op'))) {
    problems.unsupported(element, `Actions ${JSON.stringify(actions.split(','))}${deposed ? ' on a deposed object' : ''} are not among those terraform show -json writes (jsonplan/plan.go actionString); not read.`, entry.offset);
  }
}

/** An instance, its members always in one order. */
function instanceOf(shape: ResourceShape, provider: TfProviderRef, values: TfInstance['values'], origin: TfInstanceOrigin, multiplicity: TfMultiplicity, offset: number): TfInstance {
  return { address: shape.address, mode: shape.mode, type: shape.type, name: shape.name, module: shape.module, provider, values, origin, multiplicity, offset };
}

/** The identity of a resource entry and the key of its configuration. */
interface ResourceShape {
  readonly address: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly module: string;
  /** Its configuration's key: module path without instance keys, and address without its key. */
  readonly configKey: string;
}

/** The identity of a resource entry (address, mode, type, name, module) and its configuration's key; undefined when malformed. */
function resourceShape(f: ReadonlyMap<string, JsonNode>): ResourceShape | undefined {
  const address = textOf(f.get('address'));
  const mode = textOf(f.get('mode'));
  const type = textOf(f.get('type'));
  const name = textOf(f.get('name'));
  if (address === undefined || type === undefined || name === undefined || (mode !== 'managed' && mode !== 'data')) return undefined;
  const module = modulePathOf(address);
  const local = `${mode === 'data' ? 'data.' : ''}${type}.${name}`;
  const configPath = withoutInstanceKeys(module);
  return { address, mode, type, name, module, configKey: configPath === '' ? local : `${configPath}.${local}` };
}

/** An instance from a values representation's resource (a state's, `prior_state`'s or `planned_values`'). */
function stateInstance(r: JsonNode, f: ReadonlyMap<string, JsonNode>, origin: TfInstanceOrigin, config: PlanConfiguration, problems: ProblemList): TfInstance {
  const shape = resourceShape(f)!;
  const provider = providerOf(f.get('provider_name'), config.resources.get(shape.configKey), config, shape.type);
  const values = attributesOf(f.get('values'), undefined, undefined, { problems, referencePrefix: '' }, shape.address);
  return instanceOf(shape, provider, values, origin, TfMultiplicity.KNOWN, r.offset);
}

/** Visits each resource of a values representation (`{root_module: {resources, child_modules}}`), modules recursively. */
function walkValues(values: JsonNode | undefined, element: string, problems: ProblemList, visit: (r: JsonNode, f: ReadonlyMap<string, JsonNode>) => void): void {
  if (values?.kind !== 'object') return;
  const stack: JsonNode[] = [];
  const root = fieldsOf(values).byName.get('root_module');
  if (root) stack.push(root);
  while (stack.length > 0) {
    const mod = stack.pop()!;
    if (mod.kind !== 'object') continue;
    const mf = fieldsOf(mod).byName;
    const resources = mf.get('resources');
    for (const r of resources?.kind === 'array' ? resources.items : []) {
      const f = r.kind === 'object' ? fieldsOf(r).byName : undefined;
      if (f && resourceShape(f)) visit(r, f);
      else problems.unsupported(`${element}.${textOf(f?.get('address')) ?? '?'}`, 'A resource without the address, mode, type and name terraform show -json writes; not read.', r.offset);
    }
    const children = mf.get('child_modules');
    for (const c of children?.kind === 'array' ? [...children.items].reverse() : []) stack.push(c);
  }
}
