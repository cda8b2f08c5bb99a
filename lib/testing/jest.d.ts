// Types of the adcs-firewall matcher for jest (`expect.extend({ toSatisfyAdcsEstate })`).
// Add `/// <reference types="adcs-firewall/jest" />` to a test file or a `.d.ts` of the project,
// or `"types": ["jest", "adcs-firewall/jest"]` to tsconfig.json.
import type { EstateLike } from './stack-check';

export {};

/** The matcher `expect.extend({ toSatisfyAdcsEstate })` adds. */
interface AdcsMatchers<R> {
  /**
   * On a stack or an AdcsEnrollmentSecurity: every construct satisfies its own estate in the
   * synthesized stack. On a plan (`Testing.synth(stack)`): it satisfies the estate given
   * (props, `adcs.spec`, or the construct).
   */
  toSatisfyAdcsEstate(estate?: EstateLike): R;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    // eslint-disable-next-line @typescript-eslint/no-empty-interface
    interface Matchers<R> extends AdcsMatchers<R> {}
  }
}

declare module 'expect' {
  // `expect` from @jest/globals.
  // eslint-disable-next-line @typescript-eslint/no-empty-interface
  interface Matchers<R> extends AdcsMatchers<R> {}
}
