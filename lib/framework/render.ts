import { Messages } from '../errors';
import type { EstateProps } from '../input/props';
import type { ResolvedInput } from '../input/resolved';
import { groupWarnings } from '../input/group-warnings';
import { resolveSpec } from '../input/resolve';
import { DEFAULT_AWS_RULE_QUOTA } from '../input/resolved';
import { TierKey } from '../model/tiers';
import { EstatePlan, planEstate } from '../platforms/estate-plan';
import { AWS_PLATFORM } from '../platforms/aws/platform';
import type { AwsPlan } from '../platforms/aws/planner';
import { sharedGroupClashes } from '../platforms/aws/shared-groups';
import { awsElements } from '../platforms/aws/writer';
import { AZURE_PLATFORM } from '../platforms/azure/platform';
import type { AzurePlan } from '../platforms/azure/planner';
import { sharedNsgClashes } from '../platforms/azure/shared-nsgs';
import { azureElements, nsgElementId } from '../platforms/azure/writer';
import { isTfRef, ResourceProvider, TfElement, TfValue } from '../terraform/elements';
import { ConstructLike, Framework, ResourceLike } from './framework';
import { registerEstate } from './estates';
import { StackRegistry } from './stack-registry';
import { placeTokens, restoreTokens } from './tokens';

/** Props of AzureNsgRules: the resolved estate and its Azure plan. */
export interface AzureNsgRulesProps {
  /** The validated estate and its Azure settings. */
  readonly spec: ResolvedInput;
  /** Its Azure plan (`planAzure`). */
  readonly plan: AzurePlan;
}

/** Props of AwsSecurityGroupRules: the resolved estate and its AWS plan. */
export interface AwsSecurityGroupRulesProps {
  /** The validated estate and its AWS settings. */
  readonly spec: ResolvedInput;
  /** Its AWS plan (`planAws`). */
  readonly plan: AwsPlan;
}

/**
 * Creates one construct per element under `scope` (resources before what references them) and
 * returns the resources by path. References become the framework's attribute tokens.
 */
export function renderElements(
  fw: Framework, scope: ConstructLike, provider: ResourceProvider, elements: readonly TfElement[], originals?: ReadonlyMap<string, string>,
): Map<string, ResourceLike> {
  const made = new Map<string, ResourceLike>();
  const token = (v: TfValue | undefined): unknown => {
    if (typeof v === 'string') return restoreTokens(originals, v);
    if (v === undefined || typeof v !== 'object') return v;
    if (isTfRef(v)) {
      const target = made.get(v.ref.join('/'));
      if (!target) throw new Error(`internal: reference to ${v.ref.join('/')} before it exists`);
      return target.getStringAttribute(v.attribute);
    }
    if (Array.isArray(v)) return v.map(token);
    return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => [k, token(x as TfValue)]));
  };
  for (const e of elements) {
    if (e.path.length !== 1) throw new Error(`internal: element ${e.path.join('/')} is not a direct child`);
    if (e.kind === 'resource') made.set(e.path.join('/'), fw.resource(scope, e.path[0], e.type, provider, token(e.attributes) as Record<string, unknown>));
    else fw.output(scope, e.path[0], token(e.value), e.description);
  }
  return made;
}

/** The tokens behind each construct's resolved spec, put back into the resources' arguments. */
const ORIGINALS = new WeakMap<ResolvedInput, ReadonlyMap<string, string>>();

/** What AdcsEnrollmentSecurity is made of: the resolved spec, its flows, its plan. */
export interface RenderedEstate {
  /** The validated estate and platform settings. */
  readonly spec: ResolvedInput;
  /** The estate's plan for its platform. */
  readonly planned: EstatePlan;
}

/**
 * Resolves the props once and plans them, before any child exists (a refused estate leaves
 * nothing in the tree); warnings become annotations. Throws one AdcsInputError naming the construct.
 */
export function resolveEstate(fw: Framework, self: ConstructLike, props: EstateProps): RenderedEstate {
  const source = `AdcsEnrollmentSecurity ${self.node.path}`;
  // Tokens become what they stand for before validation: identity never comes from token text.
  const placed = placeTokens(fw, self, props, source);
  const spec = resolveSpec(placed.props, source);
  for (const w of spec.warnings) fw.warn(self, Messages.warning(w.path, w.message));
  const planned = planEstate(spec, source, 'AdcsEnrollmentSecurity', props.platform !== undefined);
  ORIGINALS.set(spec, placed.originals);
  registerEstate(fw, self, spec);
  return { spec, planned };
}


const AZURE_OWNERS = new StackRegistry<{ self: ConstructLike; plan: AzurePlan }>();

/**
 * The body of AzureNsgRules: the plan's NSGs, associations and rules under `self`, its warnings
 * as annotations, and the whole-stack check of existing NSGs shared between estates (reported
 * once, by the first construct of the stack). Returns the created NSGs by key.
 */
export function renderAzure(fw: Framework, self: ConstructLike, props: AzureNsgRulesProps): Record<string, ResourceLike> {
  const plan = props.plan;
  for (const w of plan.warnings) fw.warn(self, Messages.warning(w.path, w.message));
  const made = renderElements(fw, self, AZURE_PLATFORM.resourceProvider, azureElements(plan), ORIGINALS.get(props.spec));
  const created: Record<string, ResourceLike> = {};
  for (const nsg of plan.nsgs) if (nsg.created) created[nsg.key] = made.get(nsgElementId(nsg.key))!;
  const stack = fw.stackOf(self);
  AZURE_OWNERS.add(stack, { self, plan });
  self.node.addValidation({
    validate: () => {
      const all = AZURE_OWNERS.of(stack);
      return all[0]?.self !== self ? [] : sharedNsgClashes(all.map((o) => ({ path: o.self.node.path, plan: o.plan })));
    },
  });
  return created;
}

/** What AwsSecurityGroupRules exposes. */
export interface RenderedAws {
  /** The groups the library created, by tier. */
  readonly securityGroups: Partial<Record<TierKey, ResourceLike>>;
  /** The security group id of every tier that has a group: a token for created ones, the given id for existing ones. */
  readonly securityGroupIds: Partial<Record<TierKey, string>>;
  /** The rules, by construct id. */
  readonly rules: Record<string, ResourceLike>;
}

const AWS_OWNERS = new StackRegistry<{ self: ConstructLike; plan: AwsPlan; quota: number }>();

/**
 * The body of AwsSecurityGroupRules: the plan's groups, rules and outputs under `self`, its
 * warnings as annotations, and the whole-stack check of existing groups shared between estates.
 */
export function renderAws(fw: Framework, self: ConstructLike, props: AwsSecurityGroupRulesProps): RenderedAws {
  const plan = props.plan;
  const made = renderElements(fw, self, AWS_PLATFORM.resourceProvider, awsElements(plan, props.spec), ORIGINALS.get(props.spec));
  for (const w of groupWarnings(plan.warnings)) fw.warn(self, Messages.warning(w.path, w.message));
  const securityGroups: Partial<Record<TierKey, ResourceLike>> = {};
  const groupIds = new Map<string, string>();
  for (const g of plan.groups) {
    if (g.kind === 'created') {
      securityGroups[g.tiers[0]] = made.get(g.id)!;
      groupIds.set(g.key, made.get(g.id)!.getStringAttribute('id'));
    } else {
      groupIds.set(g.key, restoreTokens(ORIGINALS.get(props.spec), g.securityGroupId));
    }
  }
  const rules: Record<string, ResourceLike> = {};
  for (const r of plan.rules) rules[r.id] = made.get(r.id)!;
  const securityGroupIds = Object.fromEntries(
    Object.entries(plan.byTier).map(([tier, g]) => [tier, groupIds.get(g!.key)!]),
  ) as Partial<Record<TierKey, string>>;
  const stack = fw.stackOf(self);
  AWS_OWNERS.add(stack, { self, plan, quota: props.spec.aws?.ruleQuota ?? DEFAULT_AWS_RULE_QUOTA });
  self.node.addValidation({
    validate: () => {
      const all = AWS_OWNERS.of(stack);
      if (all.length < 2 || all[0].self !== self) return [];
      return sharedGroupClashes(all.map((c) => ({ path: c.self.node.path, plan: c.plan, quota: c.quota })));
    },
  });
  return { securityGroups, securityGroupIds, rules };
}
