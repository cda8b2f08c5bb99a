// Types of the adcs-firewall matcher for vitest (`expect.extend({ toSatisfyAdcsEstate })`).
// Add `/// <reference types="adcs-firewall/vitest" />` to a test file or a `.d.ts` of the project,
// or `"types": ["adcs-firewall/vitest"]` to tsconfig.json.
import type { EstateLike } from './stack-check';
import 'vitest';

/** The matcher `expect.extend({ toSatisfyAdcsEstate })` adds. */
interface AdcsMatchers<R = unknown> {
  /**
   * On a stack or an AdcsEnrollmentSecurity: every construct satisfies its own estate in the
   * synthesized stack. On a plan (`Testing.synth(stack)`): it satisfies the estate given
   * (props, `adcs.spec`, or the construct).
   */
  toSatisfyAdcsEstate(estate?: EstateLike): R;
}

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-interface, @typescript-eslint/no-explicit-any
  interface Assertion<T = any> extends AdcsMatchers<T> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-interface
  interface AsymmetricMatchersContaining extends AdcsMatchers {}
}
