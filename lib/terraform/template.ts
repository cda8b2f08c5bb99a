import type { ArgumentValue } from './values';

/**
 * Terraform's template strings, as far as the check evaluates them (hashicorp/hcl
 * hclsyntax/spec.md "Template Expressions"): literal text, the escapes `$${` and `%%{`, and
 * interpolations of a single traversal (`${count.index}`, `${local.prefix}`, with `~` strip
 * markers). A template that is exactly one interpolation is that value unconverted
 * ("interpolation unwrapping"); otherwise each interpolated value must be a string, number or
 * bool, converted to a string. Anything else (a function call, an operator, a directive
 * `%{ if }`) is not evaluated.
 */

/** One step of a traversal: an attribute name, or an index (`[0]`, `["key"]`). */
export type TraversalStep = { readonly attribute: string } | { readonly index: string | number };

/** A traversal: its root name (`local`, `var`, `azurerm_subnet`) and the steps after it. */
export interface Traversal {
  readonly root: string;
  readonly steps: readonly TraversalStep[];
}

const IDENT = '[A-Za-z_][\\w-]*';
const STEP = `\\s*(?:\\.\\s*${IDENT}|\\[\\s*(?:\\d+|"[^"\\\\]*")\\s*\\])`;
const TRAVERSAL = new RegExp(`^${IDENT}(?:${STEP})*$`);

/** Parses a traversal written without `${}` (`azurerm_subnet.ca.id`, `each.value["port"]`); undefined when the text is not one. */
export function parseTraversal(text: string): Traversal | undefined {
  const t = text.trim();
  if (!TRAVERSAL.test(t)) return undefined;
  const root = /^[A-Za-z_][\w-]*/.exec(t)![0];
  const steps: TraversalStep[] = [];
  const re = new RegExp(`\\.\\s*(${IDENT})|\\[\\s*(?:(\\d+)|"([^"\\\\]*)")\\s*\\]`, 'g');
  re.lastIndex = root.length;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    if (m[1] !== undefined) steps.push({ attribute: m[1] });
    else if (m[2] !== undefined) steps.push({ index: Number(m[2]) });
    else steps.push({ index: m[3] });
  }
  return { root, steps };
}

/** A traversal written back: `root.a[0]["k"]`. */
export function traversalText(root: string, steps: readonly TraversalStep[]): string {
  return root + steps.map((s) => ('attribute' in s ? `.${s.attribute}` : typeof s.index === 'number' ? `[${s.index}]` : `["${s.index}"]`)).join('');
}

type Part = { readonly literal: string } | { readonly traversal: string; readonly stripBefore: boolean; readonly stripAfter: boolean };

/**
 * Evaluates a template whose interpolations are single traversals, resolving each with
 * `resolve`; undefined when the template has a directive, an interpolation that is not a
 * traversal, or (with text around it) a value that is not a string, number or bool.
 */
export function evaluateTemplate(text: string, resolve: (traversal: string) => ArgumentValue): ArgumentValue | undefined {
  const parts: Part[] = [];
  let literal = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if ((c === '$' || c === '%') && text[i + 1] === c && text[i + 2] === '{') {
      literal += `${c}{`;
      i += 2;
    } else if (c === '%' && text[i + 1] === '{') {
      return undefined;
    } else if (c === '$' && text[i + 1] === '{') {
      const end = text.indexOf('}', i + 2);
      if (end < 0) return undefined;
      const m = /^(~?)\s*([^~]*?)\s*(~?)$/.exec(text.slice(i + 2, end));
      if (!m || parseTraversal(m[2]) === undefined) return undefined;
      if (literal !== '') parts.push({ literal });
      literal = '';
      parts.push({ traversal: m[2], stripBefore: m[1] === '~', stripAfter: m[3] === '~' });
      i = end;
    } else literal += c;
  }
  if (literal !== '') parts.push({ literal });
  if (parts.length === 1 && 'traversal' in parts[0]) return resolve(parts[0].traversal);
  let out = '';
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k];
    if ('literal' in p) {
      let s = p.literal;
      const before = parts[k - 1];
      const after = parts[k + 1];
      if (before && 'traversal' in before && before.stripAfter) s = s.replace(/^\s+/, '');
      if (after && 'traversal' in after && after.stripBefore) s = s.replace(/\s+$/, '');
      out += s;
      continue;
    }
    const v = resolve(p.traversal);
    if (typeof v === 'string') out += v;
    else if (typeof v === 'number' || typeof v === 'boolean') out += String(v);
    else return undefined;
  }
  return out;
}
