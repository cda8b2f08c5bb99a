import { AdcsInputError, Messages, problem } from '../errors';
import type { Finding } from '../findings/finding';
import { substituteModuleInputs } from '../input/module-inputs';
import { PLATFORM_INPUTS } from '../platforms/registry';
import { annotationOf } from '../findings/text';
import { warningFindings } from '../findings/warning-findings';
import type { EstateProps } from '../input/props';
import type { ResolvedInput } from '../input/resolved';
import { resolveSpec } from '../spec';
import { elementsOf, EstatePlan, planEstate, requireEnforcement } from '../spec/estate-plan';
import { estateRecordMetadata } from '../spec/estate-record';
import type { PlatformModule, PlatformPlan } from '../platforms/platform';
import { aliasOf, isTfRef, ResourceProvider, TfElement, TfValue } from '../terraform/elements';
import { ConstructLike, Framework, ResourceLike } from './framework';
import { registerEstate } from './estates';
import { requireSameFramework } from './framework-check';
import { placeProviders } from './providers';
import { StackRegistry } from './stack-registry';
import { placeTokens, restoreTokens } from './tokens';

/** Props of a platform's construct (AzureNsgRules, AwsSecurityGroupRules): the resolved estate and its plan. */
export interface PlatformRulesProps<P> {
  /** The validated estate and its platform settings. */
  readonly spec: ResolvedInput;
  /** Its plan for the platform (`adcs.azure.plan`, `planAzure(...)`). */
  readonly plan: P;
}

/**
 * Creates one construct per element under `scope` (resources before what references them) and
 * returns the resources by path. References become the framework's attribute tokens.
 */
export function renderElements(
  fw: Framework, scope: ConstructLike, provider: ResourceProvider, elements: readonly TfElement[], originals?: ReadonlyMap<string, string>,
  configurations?: ReadonlyMap<string, object>,
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
    if (e.kind === 'resource') {
      // An element under a named configuration takes the user's provider of that alias.
      const configuration = e.provider === undefined ? undefined : configurations?.get(aliasOf(e.provider));
      if (e.provider !== undefined && configuration === undefined) throw new Error(`internal: no provider for ${e.provider}`);
      made.set(e.path.join('/'), fw.resource(scope, e.path[0], e.type, provider, token(e.attributes) as Record<string, unknown>, configuration));
    }
    else fw.output(scope, e.path[0], token(e.value), e.description);
  }
  return made;
}

/** The planner's warnings of each plan as findings (acknowledgements applied), for its platform construct. */
const PLATFORM_FINDINGS = new WeakMap<object, readonly Finding[]>();

/**
 * A warning finding on a construct: a warning annotation (`[ADCS-W004] dcomPort: ...`), or an
 * info one when acknowledged (with the reason) or a note; and construct metadata
 * `adcs-firewall:finding` with the finding as data (rule id, level, message, acknowledgement).
 */
function annotate(fw: Framework, scope: ConstructLike, f: Finding): void {
  const a = annotationOf(f);
  if (a.level === '@cdktf/warn') fw.warn(scope, a.message);
  else fw.info(scope, a.message);
  scope.node.addMetadata('adcs-firewall:finding', { ...f });
}

/** The tokens behind each construct's resolved spec, put back into the resources' arguments. */
const ORIGINALS = new WeakMap<ResolvedInput, ReadonlyMap<string, string>>();
/** The user's providers behind each construct's resolved spec, by alias. */
const CONFIGURATIONS = new WeakMap<ResolvedInput, ReadonlyMap<string, object>>();

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
  const stack = fw.stackOf(self) as ConstructLike;
  requireSameFramework(fw.name, stack, stack.node.path, source);
  // The user's providers become the aliases a spec would name, declared by name.
  const providers = placeProviders(fw, self, props, source);
  // Tokens become what they stand for before validation: identity never comes from token text.
  const placed = placeTokens(fw, self, providers.props, source);
  const inputs = substituteModuleInputs(placed.props, PLATFORM_INPUTS).inputs;
  if (inputs.length > 0) {
    throw new AdcsInputError(source, [problem(inputs[0].path, Messages.moduleInputOutsideModule(inputs.map((i) => i.path),
      'give the construct the value itself, or a token of your resource (subnet.id, sg.id)'))]);
  }
  const spec = resolveSpec(placed.props, source);
  const planned = planEstate(spec, source, 'AdcsEnrollmentSecurity', props.platform !== undefined);
  requireEnforcement(spec, source);
  // The estate's warnings (and notes of acknowledgements that cover nothing) on the estate's
  // construct; the planner's on the platform construct, which renderPlatform annotates.
  const findings = warningFindings([...spec.warnings, ...planned.warnings], spec.acknowledgements);
  const [n, m] = [spec.warnings.length, planned.warnings.length];
  findings.forEach((f, i) => { if (i < n || i >= n + m) annotate(fw, self, f); });
  PLATFORM_FINDINGS.set(planned.plan, findings.slice(n, n + m));
  ORIGINALS.set(spec, placed.originals);
  CONFIGURATIONS.set(spec, providers.byAlias);
  registerEstate(fw, self, spec);
  // The estate travels with the stack: `check` of the synthesized stack needs no spec.
  fw.stackMetadata(self, 'estate-record', estateRecordMetadata(self.node.path, placed.props as unknown as Record<string, unknown>));
  return { spec, planned };
}


/** The platform constructs of each stack, per platform, for the checks across a stack's estates. */
const OWNERS = new WeakMap<PlatformModule<any>, StackRegistry<{ self: ConstructLike; plan: PlatformPlan; spec: ResolvedInput }>>();

/** What a platform construct's body made: its resources by element path, and the way back from placeholders to tokens. */
export interface RenderedPlatform {
  /** The resources, by element path (`nsg-adcs-ca-nsg`, `ca-security-group`). */
  readonly made: ReadonlyMap<string, ResourceLike>;
  /** A value as the user gave it: a placeholder back to its token, anything else unchanged. */
  restore(value: string): string;
}

/**
 * The body of a platform's construct: the plan's warnings as annotations, its elements (written
 * once, by planEstate) as resources and outputs under `self`, and the platform's check of the
 * existing enforcement points the stack's estates share (reported once, by the stack's first
 * construct of the platform).
 */
export function renderPlatform<P extends PlatformPlan>(
  fw: Framework, self: ConstructLike, platform: PlatformModule<P>, props: PlatformRulesProps<P>,
): RenderedPlatform {
  const { spec, plan } = props;
  for (const f of PLATFORM_FINDINGS.get(plan) ?? warningFindings(plan.warnings, spec.acknowledgements).filter((x) => x.ruleId.startsWith('ADCS-W'))) annotate(fw, self, f);
  const originals = ORIGINALS.get(spec);
  const made = renderElements(fw, self, platform.resourceProvider, elementsOf(platform, plan, spec), originals, CONFIGURATIONS.get(spec));
  let owners = OWNERS.get(platform);
  if (!owners) OWNERS.set(platform, owners = new StackRegistry());
  const stack = fw.stackOf(self);
  owners.add(stack, { self, plan, spec });
  self.node.addValidation({
    validate: () => {
      const all = owners!.of(stack);
      return all[0]?.self !== self ? [] : platform.stackClashes(all.map((o) => ({ path: o.self.node.path, plan: o.plan as P, spec: o.spec })));
    },
  });
  return { made, restore: (value) => restoreTokens(originals, value) };
}
