import { readFileSync, statSync } from 'node:fs';
import { AdcsInputError, Messages, problem } from '../errors';

/** Largest spec file read, in bytes (a spec of 10,000 CIDRs is about 200 KB). */
export const MAX_SPEC_BYTES = 4 * 1024 * 1024;

/** Deepest nesting a spec document may have; a real spec needs 4 (`customFlows[0].ports[0]`). */
export const MAX_SPEC_DEPTH = 64;

/** True when `doc` nests deeper than `max` levels (iterative: safe on any depth). */
function nestsDeeperThan(doc: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[doc, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

/** Parses spec text: JSON for `.json` files, YAML (a superset of JSON) otherwise. */
export function parseSpecText(text: string, source: string): unknown {
  const deep = Messages.tooDeep(MAX_SPEC_DEPTH);
  if (/\.json$/i.test(source)) {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      throw new AdcsInputError(source, [problem('', Messages.jsonSyntax((e as Error).message))]);
    }
    // JSON.parse takes any depth, but reporting on such a value overflows the stack later.
    if (nestsDeeperThan(doc, MAX_SPEC_DEPTH)) throw new AdcsInputError(source, [problem('', deep)]);
    return doc;
  }
  // Loaded here, not at the top: `matrix` without a spec and the constructs never need it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const YAML = require('yaml') as typeof import('yaml');
  const docs = YAML.parseAllDocuments(text, { prettyErrors: true, uniqueKeys: true });
  if (Array.isArray(docs) && docs.length > 1) throw new AdcsInputError(source, [problem('', Messages.multipleDocuments())]);
  const doc = Array.isArray(docs) ? docs[0] : docs;
  if (!doc) return null;
  if (doc.errors.length > 0) {
    // The first line of a pretty error ends with ':' before the code excerpt; drop it.
    throw new AdcsInputError(source, doc.errors.map((e) => problem('', Messages.yamlSyntax(e.message.split('\n')[0].replace(/:$/, '')))));
  }
  try {
    const value: unknown = doc.toJS({ maxAliasCount: 100 });
    if (nestsDeeperThan(value, MAX_SPEC_DEPTH)) throw new AdcsInputError(source, [problem('', deep)]);
    return value;
  } catch (e) {
    if (e instanceof AdcsInputError) throw e;
    // An alias explosion ("billion laughs") throws here: bad input, not an internal error.
    throw new AdcsInputError(source, [problem('', Messages.yamlSyntax((e as Error).message))]);
  }
}

/**
 * Reads and parses a spec file into a mapping, unvalidated (pass it to `resolveSpec`, or as
 * props to `AdcsEnrollmentSecurity`). Throws AdcsInputError naming the file.
 */
export function readSpecDocument(file: string): Record<string, unknown> {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new AdcsInputError(file, [problem('', Messages.fileUnreadable(file, 'it is a directory'))]);
    size = st.size;
  } catch (e) {
    if (e instanceof AdcsInputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new AdcsInputError(file, [problem('', code === 'ENOENT' ? Messages.fileNotFound(file) : Messages.fileUnreadable(file, (e as Error).message))]);
  }
  if (size > MAX_SPEC_BYTES) throw new AdcsInputError(file, [problem('', Messages.fileTooLarge(size, MAX_SPEC_BYTES))]);
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (e) {
    throw new AdcsInputError(file, [problem('', Messages.fileUnreadable(file, (e as Error).message))]);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new AdcsInputError(file, [problem('', Messages.notUtf8())]);
  }
  const doc = parseSpecText(text, file);
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new AdcsInputError(file, [problem('', Messages.notAMapping(doc))]);
  }
  return doc as Record<string, unknown>;
}
