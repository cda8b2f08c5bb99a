/**
 * AWS's text rules for security groups in a VPC: group names, group descriptions and rule
 * descriptions take up to 255 of `a-z A-Z 0-9 space . _ - : / ( ) # , @ [ ] + = & ; { } ! $ *`
 * (Amazon EC2 API reference, CreateSecurityGroup and IpRange/SecurityGroupRule description).
 */
export const AWS_TEXT_MAX = 255;

const DISALLOWED = /[^a-zA-Z0-9. _\-:/()#,@[\]+=&;{}!$*]/g;

/** True when `text` uses only AWS's security group character set and fits 255 characters. */
export function isAwsText(text: string): boolean {
  return text.length <= AWS_TEXT_MAX && text.replace(DISALLOWED, '') === text;
}

/** `text` with every character AWS refuses replaced by `-`, cut to 255 characters. */
export function toAwsText(text: string): string {
  return text.replace(DISALLOWED, '-').slice(0, AWS_TEXT_MAX);
}

/**
 * Joins `items` after `prefix` with `, `; when that exceeds 255 characters, keeps the items
 * that fit and ends with `+N more`. The result is AWS text.
 */
export function fitItems(prefix: string, items: readonly string[]): string {
  const clean = items.map(toAwsText);
  const full = `${toAwsText(prefix)}${clean.join(', ')}`;
  if (full.length <= AWS_TEXT_MAX) return full;
  for (let keep = clean.length - 1; keep >= 0; keep--) {
    const text = `${toAwsText(prefix)}${clean.slice(0, keep).join(', ')}${keep > 0 ? ', ' : ''}+${clean.length - keep} more`;
    if (text.length <= AWS_TEXT_MAX) return text;
  }
  return toAwsText(prefix);
}

/** Construct-id fragment of a CIDR: `10.20.0.0/16` → `cidr-10-20-0-0_16` (survives Terraform's name rules). */
export function cidrFragment(cidr: string): string {
  return `cidr-${cidr.replace(/\./g, '-').replace('/', '_')}`;
}

/**
 * Construct-id fragment of an existing security group id: the id itself (`sg-0123…`), or for a
 * Terraform expression (`${data.aws_security_group.dc.id}`) its inside with `/` and other
 * characters outside `A-Za-z0-9._-` replaced by `_`.
 */
export function groupIdFragment(securityGroupId: string): string {
  const inner = /^\$\{(.*)\}$/.exec(securityGroupId)?.[1] ?? securityGroupId;
  return inner.replace(/[^A-Za-z0-9._-]/g, '_');
}
