// `adcs-firewall/internal`: the library's working parts, for tools built on it (the CLI uses
// them). No compatibility promise: names and shapes here may change in any release; the package
// root is the API. Framework-free.

// Spec reading, with the platforms as parameters.
export { resolveInput, specSchema, validateShape, PlatformInput, PlatformSchema, InputContext } from './input';
// Platforms: the registry, the contract, planning an estate.
export { PLATFORMS, PLATFORM_INPUTS, platformOf } from './platforms/registry';
export { PlatformModule, PlatformPlan, Planned, PlanOwner } from './platforms/platform';
export { TerraformEvaluator, Origin, Reach, EndDecision, Grant, GrantAuthor, MissingEnforcement, Ipv6Allow, NetworkProblem, ProblemKind, RuleSummary } from './platforms/evaluator';
export { InvalidValue } from './platforms/validation';
// The check's reading of Terraform JSON, and the diff of two plans.
export { TfDocument, TfDocumentForm, TfInstance, TfInstanceOrigin, TfProblem, TfProblemKind } from './terraform/document';
export { readTerraformText, readTerraformValue, readPriorState, NotTerraformJson } from './terraform/read-document';
export { evaluatorFor, PlanProblem } from './check/check';
export { diffPlans, PlanDiff, FlowChange, ExtraChange, RuleChange } from './check/diff';
export { renderDiff, DiffFormat } from './check/diff-report';
export { EstatePlan, planEstate, elementsOf } from './spec/estate-plan';
export { EstateModule, estateModule } from './spec/estate-module';
export { ModuleInput, substituteModuleInputs, MODULE_INPUT } from './input/module-inputs';
export { SPEC_SHAPE } from './spec/spec';
// Azure.
export { AzurePlan, PlannedNsg, PlannedNsgRule, NsgDirection, AZURE_LIMITS, planAzure, planAzureRules } from './platforms/azure/planner';
export { AzureSettings, AzureEnforcement, AzureSubnets, AzureExistingNsg, AzureProviderConfiguration, PriorityWindow, azureSettings, azureEnforcement } from './platforms/azure/settings';
export { AzureEvaluator } from './platforms/azure/evaluator';
export { AzureNetwork, AzureNsg, AzureRule } from './platforms/azure/network';
export { readAzureTerraform } from './platforms/azure/reader';
export { AZURE_PLATFORM } from './platforms/azure/platform';
// AWS.
export { AwsPlan, PlannedAwsRule, PlannedAwsOutput, RulePeer, RuleDirection, planAws, planAwsRules } from './platforms/aws/planner';
export { AwsGroup, CreatedGroup, ExistingGroup } from './platforms/aws/groups';
export { AwsSettings, AwsEnforcement, AwsCreateGroup, AwsExistingGroup, AwsProviderConfiguration, awsSettings, awsEnforcement } from './platforms/aws/settings';
export { AwsEvaluator } from './platforms/aws/evaluator';
export { AwsNetwork, readAwsTerraform } from './platforms/aws/network';
export { AWS_PLATFORM } from './platforms/aws/platform';
// Terraform JSON: the elements the writers emit, and the stack and module documents the CLI writes.
export { TfElement, TfValue, TfRef, stackDocument, stackJson, StackDocumentInput, TfProviderBlock, logicalIdOf, stableJson } from './terraform';
export { moduleFiles, ModuleFiles, ModuleDocumentInput, ModuleProvider, ModuleVariable } from './terraform/module-document';
