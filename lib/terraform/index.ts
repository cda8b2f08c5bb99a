export * from './elements';
export * from './logical-id';
export * from './stable-json';
export * from './stack-document';
// The current evaluators' reader (its `TfReference` interface is left out: the values' `TfReference` class replaces it).
export { TfResource, parseReference, terraformResources, metaArgumentsOf, isTerraformJson } from './terraform-json';
// The faithful readers: Terraform JSON text or value to a TfDocument.
export * from './document';
export * from './values';
export { JsonNode, JsonObject, JsonArray, JsonScalar, JsonMember, JsonSyntaxError, parseJsonTree, treeOf, plainOf } from './json-tree';
export { ACCEPTED_TERRAFORM_JSON, NotTerraformJson, NotTerraformJsonReason, readTerraformText, readTerraformValue, readTerraformTree, terraformFormOf } from './read-document';
export { CONFIG_BLOCK_TYPES, readConfiguration } from './config-reader';
export { PLAN_KEYS, readShowJson } from './show-reader';
