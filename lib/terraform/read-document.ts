import { CONFIG_BLOCK_TYPES, readConfiguration } from './config-reader';
import { TfDocument, TfDocumentForm } from './document';
import { JsonNode, JsonSyntaxError, parseJsonTree, treeOf } from './json-tree';
import { describeNode } from './reader-support';
import { PLAN_KEYS, readShowJson } from './show-reader';

/**
 * The check's entry to Terraform JSON: text or an already parsed value, its form told from its
 * top-level keys, read by the configuration reader or the `terraform show -json` reader.
 * Anything else (not JSON, a number, an export of a cloud CLI) is refused with
 * `NotTerraformJson`, which the CLI maps to its input errors.
 */

/** What the check accepts, for messages. */
export const ACCEPTED_TERRAFORM_JSON = 'a cdk.tf.json or other Terraform JSON configuration, or terraform show -json of a plan or a state';

/** Why an input is not Terraform JSON. */
export enum NotTerraformJsonReason {
  /** Not JSON at all. */
  SYNTAX = 'syntax',
  /** JSON, but not of a form the check reads. */
  SHAPE = 'shape',
}

/** The input is not Terraform JSON the check reads: what was found, and what is accepted. */
export class NotTerraformJson extends Error {
  constructor(
    /** Whether the text is not JSON, or JSON of another shape. */
    public readonly reason: NotTerraformJsonReason,
    message: string,
    /** Offset in the text of a syntax error; -1 otherwise. */
    public readonly offset: number = -1,
  ) {
    super(message);
    this.name = 'NotTerraformJson';
  }
}

/** Keys a `terraform show -json` of an empty state may have besides `format_version`. */
const EMPTY_STATE_KEYS = new Set(['format_version', 'terraform_version', 'checks']);

/** Reads Terraform JSON text (JSON with every repeated property kept); throws NotTerraformJson for anything else. */
export function readTerraformText(text: string): TfDocument {
  return readTerraformTree(jsonTreeOf(text, ACCEPTED_TERRAFORM_JSON));
}

/** Reads an already parsed Terraform JSON value (e.g. `JSON.parse(Testing.synth(stack))`: it has no repeated property). */
export function readTerraformValue(value: unknown): TfDocument {
  return readTerraformTree(treeOf(value));
}

/** Reads a parsed tree, by its form. */
export function readTerraformTree(root: JsonNode): TfDocument {
  return terraformFormOf(root) === TfDocumentForm.CONFIGURATION ? readConfiguration(root) : readShowJson(root);
}

/**
 * The form of a tree: `terraform show -json` (an object with `format_version` and any of its
 * plan keys or `values`, or nothing else than an empty state has) of a plan or a state; a
 * configuration (an object, or an array of objects, with any of Terraform's top-level block
 * types or `"//"`, or `{}`). Throws NotTerraformJson for anything else, `[]` included (an
 * empty body to Terraform, but also what a cloud CLI prints for an empty list).
 */
export function terraformFormOf(root: JsonNode): TfDocumentForm {
  if (root.kind === 'object') {
    const keys = new Set(root.members.map((m) => m.key));
    const version = root.members.find((m) => m.key === 'format_version')?.value;
    const configKeys = [...keys].some((k) => k === '//' || CONFIG_BLOCK_TYPES.has(k));
    if (version !== undefined && !configKeys) {
      const isPlan = PLAN_KEYS.some((k) => keys.has(k));
      if (!isPlan && !keys.has('values') && ![...keys].every((k) => EMPTY_STATE_KEYS.has(k))) throw notTerraform(root, keys);
      if (version.kind !== 'string' || !/^1\.\d+$/.test(version.value as string)) {
        throw new NotTerraformJson(NotTerraformJsonReason.SHAPE, `terraform show -json with format_version ${version.kind === 'string' ? JSON.stringify(version.value) : describeNode(version)}: this reader reads major version 1 ("Reject any input which reports an unsupported major version", Terraform's JSON output format); accepted: ${ACCEPTED_TERRAFORM_JSON}.`);
      }
      return isPlan ? TfDocumentForm.PLAN : TfDocumentForm.STATE;
    }
    if (configKeys || keys.size === 0) return TfDocumentForm.CONFIGURATION;
    throw notTerraform(root, keys);
  }
  if (root.kind === 'array') {
    const keys = new Set(root.items.flatMap((i) => (i.kind === 'object' ? i.members.map((m) => m.key) : [])));
    if ([...keys].some((k) => k === '//' || CONFIG_BLOCK_TYPES.has(k))) return TfDocumentForm.CONFIGURATION;
    throw notTerraform(root, keys);
  }
  throw notTerraform(root, new Set());
}

function notTerraform(root: JsonNode, keys: ReadonlySet<string>): NotTerraformJson {
  const names = [...keys].slice(0, 5).map((k) => JSON.stringify(k)).join(', ') + (keys.size > 5 ? ', …' : '');
  let found: string;
  if (root.kind === 'array') {
    found = root.items.length === 0
      ? 'an empty JSON array (an empty body to Terraform, but also what a cloud CLI prints for an empty list: write {} for an empty configuration)'
      : `a JSON array of ${root.items.length} element(s) with none of Terraform's top-level block types${keys.size > 0 ? ` (their keys: ${names})` : ''}, such as a cloud CLI's export`;
  } else if (root.kind === 'object') {
    found = keys.has('format_version')
      ? `a JSON object with format_version but none of terraform show -json's plan or state keys (found ${names})`
      : `a JSON object with none of Terraform's top-level block types (found ${names})`;
  } else {
    const shown = JSON.stringify(root.value);
    found = `${describeNode(root)} (${shown.length > 60 ? `${shown.slice(0, 57)}…` : shown})`;
  }
  return new NotTerraformJson(NotTerraformJsonReason.SHAPE, `Not Terraform JSON: ${found}; accepted: ${ACCEPTED_TERRAFORM_JSON}.`);
}

/**
 * The state a `terraform show -json` plan starts from (its `prior_state`), as a state document:
 * what is deployed before the apply. A plan without a prior state (the first one) starts from
 * nothing. Throws NotTerraformJson for text that is not a plan.
 */
export function readPriorState(text: string): TfDocument {
  const root = jsonTreeOf(text, 'terraform show -json of a plan');
  const keys = root.kind === 'object' ? new Set(root.members.map((m) => m.key)) : new Set<string>();
  if (!keys.has('format_version') || !PLAN_KEYS.some((k) => keys.has(k))) {
    throw new NotTerraformJson(NotTerraformJsonReason.SHAPE, `found ${describeNode(root)}`);
  }
  const prior = root.kind === 'object' ? root.members.filter((m) => m.key === 'prior_state').pop()?.value : undefined;
  const values = prior?.kind === 'object' ? prior.members.filter((m) => m.key === 'values').pop()?.value : undefined;
  const state: JsonNode = { kind: 'object', offset: prior?.offset ?? -1, members: [
    { key: 'format_version', value: { kind: 'string', value: '1.0', offset: -1 }, offset: -1 },
    ...(values ? [{ key: 'values', value: values, offset: values.offset }] : []),
  ] };
  return readShowJson(state);
}

/** The JSON tree of `text`; NotTerraformJson (syntax, naming what is `accepted`) when it is not JSON. */
function jsonTreeOf(text: string, accepted: string): JsonNode {
  try {
    return parseJsonTree(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) throw new NotTerraformJson(NotTerraformJsonReason.SYNTAX, `Not JSON (${e.message}); accepted: ${accepted}.`, e.offset);
    throw e;
  }
}
