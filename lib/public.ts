// What a user of the library needs, whichever framework: the entry points (`adcs-firewall` for
// CDKTF, `adcs-firewall/cdktn` for CDK Terrain) add their constructs to it. The planners,
// evaluators, writers and platform modules are in `adcs-firewall/internal`; the host half in
// `adcs-firewall/host`.

// Bad input.
export { AdcsInputError, InputProblem } from './errors';
// Enums, the catalogue and the value types of the flow model.
export {
  Platform, OsGeneration, CesAuthentication, ClientDirectory, CrlPublishing, WriteRpcRange, Protocol, TrafficProtocol, OTHER_PROTOCOLS,
  PortRange, TIERS, TIER_KEYS, TierKey, TierInfo, CATALOGUE, CatalogueRow, CatalogueFlowId, OPEN_QUESTIONS, OpenQuestion,
  Flow, flowsOf, Estate, EstateTier, Enforcement, WebServiceInstance, CustomFlowSpec,
} from './model';
// Findings: the rules' levels, warnings.
export { FindingLevel, FindingRule, Warning } from './findings';
// The estate: props (the spec file's keys), reading and validating a spec.
export {
  EstateProps, TierProps, TiersProps, ExistingNsgProps, WebServiceInstanceProps, CustomFlowProps, AzureSettingsProps, AwsSettingsProps, HostProps,
  TerraformProviderProps, AzureProviderConfigurationProps, AwsProviderConfigurationProps, ResolvedInput, readSpecDocument, DEFAULT_ESTATE,
} from './input';
export { resolveSpec, loadSpecFile, SPEC_SCHEMA } from './spec';
// The port matrix.
export { MatrixFormat, MatrixRow, MatrixDocument, renderMatrix, matrixDocument } from './matrix';
// Checking a plan.
export { checkPlan, CheckReport, FlowFinding, ExtraFinding, CheckFormat, renderReport } from './check';
// Testing a stack.
export * from './testing';
