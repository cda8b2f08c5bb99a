/** A value the provider (or Terraform, or the cloud's API at plan/apply) would reject. */
export interface InvalidValue {
  /** The instance's address. */
  readonly element: string;
  /** The attribute: `priority`, `security_rule[2].protocol`, `ingress[0].cidr_blocks[1]`. */
  readonly attribute: string;
  /** The value as JSON text, or `(unset)`. */
  readonly value: string;
  /** What is accepted, in the provider's words. */
  readonly rule: string;
  /** Where the rule is written (the provider's source file). */
  readonly source: string;
  /** The instance's offset in the input text; -1 when unknown. */
  readonly offset: number;
}
