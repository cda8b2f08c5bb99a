import type { Finding } from './finding';

/** An acknowledged finding: the rule, the reason a reviewer accepts, and what it is limited to. */
export interface Acknowledgement {
  /** The rule acknowledged (`ADCS-W004`, `ADCS-C003`). */
  readonly ruleId: string;
  /** Why the finding is accepted (never empty). */
  readonly reason: string;
  /** Only findings about this tier. */
  readonly tier?: string;
  /** Only findings about this flow (`enroll-dcom`, `custom:rdp-paw`). */
  readonly flow?: string;
  /** Only findings about this resource (a Terraform address). */
  readonly resource?: string;
  /** Where the acknowledgement is written (`acknowledgements[2]`), for the note when it matches nothing. */
  readonly at: string;
}

/** True when `a` covers `f`: the same rule, and each selector it gives matches. */
export function covers(a: Acknowledgement, f: Finding): boolean {
  if (a.ruleId !== f.ruleId) return false;
  if (a.tier !== undefined && f.tier !== a.tier && !(f.specPath === `tiers.${a.tier}` || f.specPath?.startsWith(`tiers.${a.tier}.`))) return false;
  if (a.flow !== undefined && f.flow !== a.flow) return false;
  if (a.resource !== undefined && !(f.resources ?? []).includes(a.resource)) return false;
  return true;
}

/**
 * The findings with every one an acknowledgement covers marked with its reason (the first that
 * covers it), and the acknowledgements of `rules` that covered nothing (each becomes a note: the
 * command that raises a rule is the one to judge its acknowledgements).
 */
export function acknowledge(findings: readonly Finding[], acknowledgements: readonly Acknowledgement[], rules: (ruleId: string) => boolean):
  { readonly findings: Finding[]; readonly unused: Acknowledgement[] } {
  const used = new Set<Acknowledgement>();
  const out = findings.map((f) => {
    const a = acknowledgements.find((x) => covers(x, f));
    if (!a) return f;
    used.add(a);
    return { ...f, acknowledged: a.reason };
  });
  return { findings: out, unused: acknowledgements.filter((a) => !used.has(a) && rules(a.ruleId)) };
}
