import { defineRules, FindingLevel, rule } from './rule';

/**
 * The rules of `check` (and `audit`): what a plan or a deployed estate does against the estate's
 * flows, and the notes of acknowledgements. Platform-neutral: the evaluators say which rules
 * decide; these rules word it.
 */
export const CheckMessages = defineRules({
  flowBlocked: rule('ADCS-C001', FindingLevel.ERROR, 'A flow the estate needs is blocked',
    'An AD CS flow of the catalogue (or a custom flow) is not allowed end to end at some of its ports: enrollment, directory or revocation traffic fails. The finding names the ports and the rules that decide at each end.',
    (flow: string, what: string, ports: string, rules: string) => `flow ${flow} ${what} is blocked at ${ports}${rules}`),
  extraTraffic: rule('ADCS-C002', FindingLevel.ERROR, 'A rule lets through traffic no flow needs',
    'An allow rule of the plan admits traffic (source, destination, protocol, port) that no flow of the estate needs, at an enforcement point the estate owns. Narrow the rule, or add a custom flow when the traffic is wanted.',
    (rules: string, what: string) => `${rules} lets ${what} through; no flow needs it`),
  defaultExtraTraffic: rule('ADCS-C003', FindingLevel.WARNING, 'Only a platform default lets extra traffic in',
    'Traffic no flow needs is admitted by a platform default rule alone (Azure\'s AllowVnetInBound on an NSG without a deny by default). Add a deny-by-default rule (denyByDefault: true) to close it.',
    (rules: string, what: string) => `only the platform default ${rules} lets ${what} through; no flow needs it (add a deny-by-default rule)`),
  requestedExtraTraffic: rule('ADCS-C004', FindingLevel.NOTE, 'Extra traffic the spec asks for',
    'An option of the spec asks for this traffic (aws.allowAllEgress): reported, never a failure.',
    (rules: string, what: string) => `${rules} lets ${what} through, as the spec asks (aws.allowAllEgress)`),
  enforcementMissing: rule('ADCS-C005', FindingLevel.ERROR, 'An enforcement point of the spec is missing',
    'The spec gives a tier an enforcement point (a subnet\'s NSG, a created or existing group, a deny by default) that the plan lacks or narrows: its rules would not apply.',
    (tier: string, detail: string) => `tiers.${tier}: ${detail}`),
  unresolved: rule('ADCS-C006', FindingLevel.ERROR, 'Something the check cannot judge',
    'An element of the plan could change what reaches the estate, but the check does not model it (or cannot resolve it): it is never taken as allowed, and the verdict cannot hold until it is resolved or removed.',
    (detail: string) => detail),
  flowUnenforced: rule('ADCS-C007', FindingLevel.NOTE, 'A flow neither end enforces',
    'Neither the source\'s nor the destination\'s enforcement point is in the plan: the flow is allowed because nothing filters it.',
    (flow: string, what: string) => `flow ${flow} ${what} is allowed: neither end enforces anything`),
  acknowledgementUnused: rule('ADCS-N001', FindingLevel.NOTE, 'An acknowledgement matched nothing',
    'No finding of this run matches the acknowledgement: the finding it was written for is gone (remove the acknowledgement) or its selectors (tier, flow, resource) are off.',
    (at: string, ruleId: string) => `${at}: the acknowledgement of ${ruleId} matched no finding of this run`),
});
