// Helpers for users' tests (`adcs-firewall/testing`, also at the package root): check a synthesized
// stack or plan against its estate, in any runner or as a jest/vitest matcher (types in
// `adcs-firewall/jest` and `adcs-firewall/vitest`). Needs no framework of its own.
export { assertStackSatisfies, checkStack, renderStackReports, StackEstateReport, EstateLike } from './stack-check';
export { assertPlanSatisfies, checkPlanAgainst, toSatisfyAdcsEstate, MatcherResult } from './matchers';
