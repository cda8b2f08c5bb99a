// What a user of the library needs, whichever framework: the entry points (`adcs-firewall` for
// CDKTF, `adcs-firewall/cdktn` for CDK Terrain) add their constructs to it. Internals (message
// helpers, address arithmetic, AWS text fitting, JSON readers) stay out.
export { AdcsInputError, InputProblem } from './errors';
export {
  Protocol, PortRange, OsGeneration, CesAuthentication, ClientDirectory, CrlPublishing, Platform, WebServiceInstance,
  OPEN_QUESTIONS, OpenQuestion,
  TierKey, TierInfo, TIERS, TIER_KEYS, CATALOGUE, CatalogueRow, CatalogueFlowId,
  Flow, flowsOf, Estate, EstateTier, Enforcement, CustomFlowSpec, PriorityWindow, Warning,
} from './model';
export {
  EstateProps, TierProps, TiersProps, ExistingNsgProps, CustomFlowProps, AzureSettingsProps, AwsSettingsProps, WebServiceInstanceProps,
  ResolvedInput, ResolvedSpec, ResolvedAzure, ResolvedAws, resolveSpec, loadSpecFile, readSpecDocument, SPEC_SCHEMA, DEFAULT_ESTATE,
} from './input';
export { MatrixFormat, MatrixRow, MatrixDocument, renderMatrix, matrixRows, matrixDocument } from './matrix';
export * from './host';
export {
  AzurePlan, PlannedNsg, PlannedNsgRule, NsgDirection, AZURE_LIMITS, planAzure, planAzureRules,
} from './platforms/azure/planner';
export {
  AwsPlan, PlannedAwsRule, PlannedAwsOutput, RulePeer, RuleDirection, planAws, planAwsRules,
} from './platforms/aws/planner';
export { AwsGroup, CreatedGroup, ExistingGroup } from './platforms/aws/groups';
export { Planned, PlatformModule, PLATFORMS, EstatePlan, planEstate } from './platforms';
export { AzureEvaluator } from './platforms/azure/evaluator';
export { AwsEvaluator } from './platforms/aws/evaluator';
export {
  /** @deprecated the former name of AzureEvaluator */ AzureEvaluator as AzurePlanEvaluator,
} from './platforms/azure/evaluator';
export {
  /** @deprecated the former name of AwsEvaluator */ AwsEvaluator as AwsPlanEvaluator,
} from './platforms/aws/evaluator';
export {
  CheckReport, FlowFinding, ExtraFinding, CheckFormat, checkPlan, renderReport, summary,
  assertPlanSatisfies, checkPlanAgainst, toSatisfyAdcsEstate, MatcherResult,
  assertStackSatisfies, checkStack, renderStackReports, StackEstateReport, EstateLike,
} from './check';
export { TerraformEvaluator, Origin, Reach, EndDecision, Grant, MissingEnforcement } from './platforms/evaluator';
