import type { JsonMember, JsonNode } from './json-tree';
import { describeNode, ProblemList } from './reader-support';

/**
 * Bodies and blocks of HCL's JSON syntax, as hashicorp/hcl json/structure.go reads them:
 * a body is an object or an array of objects whose properties are visited in order, repeated
 * names kept (`collectDeepAttrs`); a block type's value holds one level of properties per label,
 * each level an object or an array of objects, and after the last label an object is one block,
 * an array one block per element, `null` none (`unpackBlock`).
 */

/** One block: its labels and its body (not yet read: an element of an array may be anything). */
export interface HclBlock {
  /** The block type: `resource`, `lifecycle`. */
  readonly type: string;
  /** Its labels: `['azurerm_subnet', 'ca']`. */
  readonly labels: readonly string[];
  /** Offsets of the properties that gave the labels. */
  readonly labelOffsets: readonly number[];
  /** The body's JSON value. */
  readonly body: JsonNode;
  /** Offset of the body (for an element of an array, of the element). */
  readonly offset: number;
}

/**
 * The properties of a body, in order, repeated names kept: an object's members; an array's
 * elements' members, in order (each element must be an object); `null` none (json/structure.go
 * `collectDeepAttrs`). `"//"` is kept: the caller skips it where the object is a body.
 */
export function bodyMembers(body: JsonNode, element: string, problems: ProblemList, labelName?: string): JsonMember[] {
  if (body.kind === 'object') return [...body.members];
  if (body.kind === 'null') return [];
  const what = labelName ? `to specify ${labelName} labels for this block` : 'to define arguments and child blocks';
  if (body.kind !== 'array') {
    problems.invalid(element, `Incorrect JSON value type: either a JSON object or JSON array of objects is required here, ${what}; found ${describeNode(body)} (hashicorp/hcl json/structure.go collectDeepAttrs).`, body.offset);
    return [];
  }
  const out: JsonMember[] = [];
  for (const item of body.items) {
    if (item.kind === 'object') out.push(...item.members);
    else problems.invalid(element, `Incorrect JSON value type: a JSON object is required here, ${what}; found ${describeNode(item)} (hashicorp/hcl json/structure.go collectDeepAttrs).`, item.offset);
  }
  return out;
}

/**
 * The members of a body read in HCL's dynamic-attributes mode (`locals`, `required_providers`):
 * a single JSON object is required (json/structure.go `JustAttributes`). `"//"` is kept.
 */
export function attributeMembers(body: JsonNode, element: string, problems: ProblemList): JsonMember[] {
  if (body.kind === 'object') return [...body.members];
  problems.invalid(element, `Incorrect JSON value type: a JSON object is required here, setting the arguments for this block; found ${describeNode(body)} (hashicorp/hcl json/structure.go JustAttributes).`, body.offset);
  return [];
}

/**
 * The blocks a block type's value stands for, appended to `out` in order (json/structure.go
 * `unpackBlock`): at each of `labelNames` an object or array of objects whose properties are
 * the labels ("Missing block label" when there is none: `{}`, `[]`, `null`); after the last, an
 * object is one block, an array one block per element, `null` zero blocks.
 */
export function unpackBlocks(value: JsonNode, type: string, labelNames: readonly string[], element: string, problems: ProblemList, out: HclBlock[]): void {
  unpack(value, type, labelNames, [], [], element, problems, out);
}

function unpack(value: JsonNode, type: string, labelsLeft: readonly string[], labels: readonly string[], labelOffsets: readonly number[],
  element: string, problems: ProblemList, out: HclBlock[]): void {
  if (labelsLeft.length > 0) {
    const members = bodyMembers(value, element, problems, labelsLeft[0]);
    if (members.length === 0) {
      // A null, an empty object or array, or a value of another type has no label (collectDeepAttrs returns no property; hcl reports both).
      problems.invalid(element, `Missing block label: at least one object property is required, whose name represents the ${type} block's ${labelsLeft[0]}; found ${describeNode(value)} (hashicorp/hcl json/structure.go unpackBlock).`, value.offset);
      return;
    }
    for (const m of members) unpack(m.value, type, labelsLeft.slice(1), [...labels, m.key], [...labelOffsets, m.offset], `${element}.${m.key}`, problems, out);
    return;
  }
  if (value.kind === 'null') return;
  if (value.kind === 'object') {
    out.push({ type, labels, labelOffsets, body: value, offset: value.offset });
  } else if (value.kind === 'array') {
    for (const item of value.items) out.push({ type, labels, labelOffsets, body: item, offset: item.offset });
  } else {
    problems.invalid(element, `Incorrect JSON value type: either a JSON object or a JSON array is required, representing the contents of one or more "${type}" blocks; found ${describeNode(value)} (hashicorp/hcl json/structure.go unpackBlock).`, value.offset);
  }
}
