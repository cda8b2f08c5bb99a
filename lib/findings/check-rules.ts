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
    (rules: string, what: string, at: string) => `${rules} lets ${what} through${at}; no flow needs it`),
  defaultExtraTraffic: rule('ADCS-C003', FindingLevel.WARNING, 'Only a platform default lets extra traffic in',
    'Traffic no flow needs is admitted by a platform default rule alone (Azure\'s AllowVnetInBound) at an enforcement point where the spec does not ask for a deny by default: an existing NSG without denyByDefault, or created NSGs with azure.denyByDefault: false. Ask for the deny by default (denyByDefault: true) to close it.',
    (rules: string, what: string, at: string) => `only the platform default ${rules} lets ${what} through${at}; no flow needs it (add a deny-by-default rule)`),
  requestedExtraTraffic: rule('ADCS-C004', FindingLevel.NOTE, 'Extra traffic the spec asks for',
    'An option of the spec asks for this traffic (aws.allowAllEgress): reported, never a failure.',
    (rules: string, what: string, at: string) => `${rules} lets ${what} through${at}, as the spec asks (aws.allowAllEgress)`),
  enforcementMissing: rule('ADCS-C005', FindingLevel.ERROR, 'An enforcement point of the spec is missing',
    'The spec gives a tier an enforcement point (a subnet\'s NSG, a created or existing group, a deny by default) that the plan lacks or narrows: its rules would not apply.',
    (tier: string, detail: string) => `tiers.${tier}: ${detail}`),
  unresolved: rule('ADCS-C006', FindingLevel.ERROR, 'Something the check cannot judge',
    'An element of the plan could change what reaches the estate, but the check does not model it (or cannot resolve it): it is never taken as allowed, and the verdict cannot hold until it is resolved or removed.',
    (detail: string) => detail),
  flowUnenforced: rule('ADCS-C007', FindingLevel.NOTE, 'A flow neither end enforces',
    'Neither the source\'s nor the destination\'s enforcement point is in the plan: the flow is allowed because nothing filters it.',
    (flow: string, what: string) => `flow ${flow} ${what} is allowed: neither end enforces anything`),
  defaultExtraTrafficOwned: rule('ADCS-C008', FindingLevel.ERROR, 'A platform default lets extra traffic into an enforcement point the estate owns',
    'The estate owns this NSG (it creates it, or asks denyByDefault: true of an existing one), so nothing but its flows may come in; yet a platform default rule (Azure\'s AllowVnetInBound) admits traffic no flow needs, in some reading of what VirtualNetwork holds. The deny by default is missing, too narrow (explicit prefixes where VirtualNetwork is meant, part of the tier\'s addresses) or placed after a rule that lets the traffic through.',
    (rules: string, what: string, at: string) => `the platform default ${rules} lets ${what} through${at}; no flow needs it, and the estate owns this enforcement point (its deny by default does not deny it)`),
  foreignExtraTraffic: rule('ADCS-C009', FindingLevel.WARNING, 'Another team\'s rule lets through traffic no flow needs',
    'At an enforcement point the estate does not own (an existing NSG without denyByDefault, an existing security group), a rule that is not the library\'s admits traffic no flow of the estate needs. It belongs to whoever owns the point: reported, not a failure. Ask for denyByDefault (Azure) or a group of the estate\'s own to make it one.',
    (rules: string, what: string, at: string) => `${rules} (not the library's; the enforcement point is not the estate's) lets ${what} through${at}; no flow needs it`),
  invalidValue: rule('ADCS-C010', FindingLevel.ERROR, 'A value the provider or Terraform would reject',
    'The input sets an attribute outside what the provider (or Terraform, or the cloud\'s API) accepts: the plan would fail, so what it would let through is not judged. The finding names the attribute, the value, the rule and its source.',
    (element: string, detail: string) => `${element}: ${detail}`),
  unsupportedForm: rule('ADCS-C011', FindingLevel.ERROR, 'A form of Terraform JSON the check does not read',
    'The input uses a form of the Terraform JSON syntax (or a `terraform show -json` shape) that the check does not implement; rather than drop it, the check refuses it. Rewrite it in a form the check reads (the message says which), or check the output of terraform show -json instead.',
    (element: string, detail: string) => `${element}: ${detail}`),
  ruleElsewhere: rule('ADCS-C012', FindingLevel.WARNING, 'A rule lands on an enforcement point that is not the estate\'s',
    'The rule is written to an NSG or security group that the input neither creates nor reads and the spec does not name (another resource group, provider configuration or subscription; a name written as an escaped "$${...}"): it enforces nothing of the estate. Usually a typo; when the flows it was meant for are blocked, that is the failure.',
    (element: string, detail: string) => `${element}: ${detail}`),
  acknowledgementUnused: rule('ADCS-N001', FindingLevel.NOTE, 'An acknowledgement matched nothing',
    'No finding of this run matches the acknowledgement: the finding it was written for is gone (remove the acknowledgement) or its selectors (tier, flow, resource) are off.',
    (at: string, ruleId: string) => `${at}: the acknowledgement of ${ruleId} matched no finding of this run`),
});
