/**
 * Values of Terraform arguments as the check reads them: literals, references to other
 * resources (`${azurerm_network_security_group.ca.name}`), and values that cannot be known from
 * the document (an expression the reader does not evaluate, a value known only after apply).
 */

/** A whole-value reference to an attribute of another object (`azurerm_subnet.ca.id`, `data.x.y.id`, `module.m.z`). */
export class TfReference {
  constructor(
    /** The traversal as written: `azurerm_network_security_group.ca.name`. */
    public readonly traversal: string,
  ) {}

  /** `${traversal}`: the reference as Terraform JSON writes it. */
  public toString(): string {
    return `\${${this.traversal}}`;
  }

  /**
   * The referenced object's address (`type.name`, `data.type.name`, `type.name[0]`, and under a
   * module `module.pki.type.name`, as a plan's references inside modules are) and attribute,
   * when the traversal has that shape.
   */
  public parts(): { readonly address: string; readonly attribute: string } | undefined {
    const m = /^((?:module\.[A-Za-z_][\w-]*(?:\[(?:\d+|"[^"]*")\])?\.)*(?:data\.)?[A-Za-z_][\w-]*\.[A-Za-z_][\w-]*(?:\[(?:\d+|"[^"]*")\])?)\.([A-Za-z_][\w-]*)$/.exec(this.traversal);
    return m ? { address: m[1], attribute: m[2] } : undefined;
  }
}

/** A value that cannot be known from the document, and why. */
export class TfUnknown {
  constructor(
    /** Why (`known only after apply`, `the expression "${var.x}"`). */
    public readonly why: string,
  ) {}

  /** The reason, for messages. */
  public toString(): string {
    return this.why;
  }
}

/** An argument's value. */
export type ArgumentValue = null | boolean | number | string | TfReference | TfUnknown | readonly ArgumentValue[] | { readonly [key: string]: ArgumentValue };

/** True for a map (not a list, reference or unknown). */
export function isMap(v: ArgumentValue | undefined): v is { readonly [key: string]: ArgumentValue } {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof TfReference) && !(v instanceof TfUnknown);
}

/** The result of reading a template string: a literal, one whole reference, or an expression not evaluated. */
export type TemplateReading = { readonly literal: string } | { readonly reference: string } | { readonly expression: string };

/**
 * Reads a string of Terraform JSON as a template (hcl hclsyntax/spec.md "Template
 * Expressions"): `$${` and `%%{` are escapes of a literal `${` and `%{`; a string that is
 * exactly one `${ traversal }` is that reference (its value unconverted, as "interpolation
 * unwrapping" says); a string with no interpolation or directive is a literal; anything else
 * (text around an interpolation, a function call, a directive) is an expression the check
 * does not evaluate.
 */
export function readTemplate(text: string): TemplateReading {
  let literal = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if ((c === '$' || c === '%') && text[i + 1] === c && text[i + 2] === '{') {
      literal += `${c}{`;
      i += 2;
    } else if ((c === '$' || c === '%') && text[i + 1] === '{') {
      const whole = /^\$\{\s*((?:data\.)?[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\[(?:\d+|"[^"]*")\])+)\s*\}$/.exec(text);
      return whole && c === '$' ? { reference: whole[1] } : { expression: text };
    } else literal += c;
  }
  return { literal };
}
