import { defineRules, FindingLevel, rule } from './rule';

/**
 * The rules only `audit` raises, beside the check's (`check-rules.ts`): what live exports show
 * that a plan cannot (the spec naming points the estate does not have there, a layer left
 * unjudged, what the verdicts rest on). Platform-neutral: the export readers say what they found.
 */
export const AuditMessages = defineRules({
  liveMismatch: rule('ADCS-C013', FindingLevel.ERROR, 'The spec names an enforcement point the live estate does not have there',
    'audit: the spec\'s subnetIds, NSG name or securityGroupId (or the VPC) disagree with what the exports show where the tier\'s addresses are: a subnet the exports do not show, an NSG or group on no subnet or interface of the tier while another one is. The live points are judged as they are; fix the spec, or the estate.',
    (element: string, detail: string) => `${element}: ${detail}`),
  notJudged: rule('ADCS-C014', FindingLevel.WARNING, 'Part of the live network was not judged',
    'audit: an enforcement layer that can block flows was not in the exports (AWS network ACLs without aws ec2 describe-network-acls): the verdicts hold for what was judged only. Give the export to judge it.',
    (element: string, detail: string) => `${element}: ${detail}`),
  observed: rule('ADCS-N002', FindingLevel.NOTE, 'What the exports show the verdicts rest on',
    'audit: a fact of the live network the verdicts depend on, as an export shows it (what VirtualNetwork holds at a network interface, from its effective rules). Reported, never a failure.',
    (element: string, detail: string) => `${element}: ${detail}`),
});
