import { TfDocument, TfInstance } from '../../lib/terraform/document';
import { readTerraformText } from '../../lib/terraform/read-document';
import type { ArgumentValue } from '../../lib/terraform/values';

/** Reads Terraform JSON text written by hand (repeated properties and all). */
export function read(text: string): TfDocument {
  return readTerraformText(text);
}

/** Reads a JavaScript value written as a document. */
export function readJson(value: unknown): TfDocument {
  return readTerraformText(JSON.stringify(value));
}

/** The instances' addresses, in the document's order. */
export function addresses(doc: TfDocument): string[] {
  return doc.instances.map((i) => i.address);
}

/** The problems as `kind element: summary` (the summary is the message up to its first colon, or all of it). */
export function problems(doc: TfDocument): string[] {
  return doc.problems.map((p) => `${p.kind} ${p.element}: ${p.message.includes(':') ? p.message.slice(0, p.message.indexOf(':')) : p.message}`);
}

/** The one instance at an address (fails when there is not exactly one). */
export function instance(doc: TfDocument, address: string): TfInstance {
  const found = doc.instances.filter((i) => i.address === address);
  if (found.length !== 1) throw new Error(`${found.length} instances at ${address}: ${addresses(doc).join(', ')}`);
  return found[0];
}

/** The values of the one instance at an address. */
export function values(doc: TfDocument, address: string): { readonly [key: string]: ArgumentValue } {
  return instance(doc, address).values;
}
