/**
 * True for a Terraform expression (`${aws_security_group.dc.id}`, a construct token resolved):
 * its value is known at apply, so only literals are checked against a platform's naming rules.
 */
export function isTerraformExpression(value: string): boolean {
  return /\$\{.*\}/s.test(value);
}
