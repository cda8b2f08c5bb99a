import { AdcsInputError, Messages, problem } from '../errors';
import { FRAMEWORK_PACKAGES } from './require-framework';

/** The jsii type information every class of cdktf and cdktn carries (`{ fqn: 'cdktf.TerraformStack' }`). */
const RTTI = Symbol.for('jsii.rtti');

/**
 * The framework (`cdktf`, `cdktn`) whose class made `value` (a stack, a provider), read from the
 * jsii type information on its class or the nearest base class that has some (a user's
 * `class PkiStack extends TerraformStack` counts as its framework's); undefined for anything
 * else. Both frameworks mark their objects with the same symbols (`cdktf/TerraformStack`), so
 * their own `isStack` cannot tell them apart.
 */
export function frameworkOf(value: unknown): keyof typeof FRAMEWORK_PACKAGES | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  for (let c: unknown = (value as object).constructor; typeof c === 'function'; c = Object.getPrototypeOf(c)) {
    const fqn = (Object.getOwnPropertyDescriptor(c, RTTI)?.value as { fqn?: unknown } | undefined)?.fqn;
    const m = typeof fqn === 'string' ? /^(cdktf|cdktn)\./.exec(fqn) : null;
    if (m) return m[1] as keyof typeof FRAMEWORK_PACKAGES;
  }
  return undefined;
}

/**
 * Refuses a construct of one framework's entry point in a stack of the other (a cdktn `App`
 * given `adcs-firewall`'s constructs fails at synth deep inside the framework otherwise): one
 * AdcsInputError naming both entry points.
 */
export function requireSameFramework(framework: keyof typeof FRAMEWORK_PACKAGES, stack: object, stackPath: string, source: string): void {
  const found = frameworkOf(stack);
  if (found === undefined || found === framework) return;
  throw new AdcsInputError(source, [problem('', Messages.wrongFramework(framework, found, stackPath, FRAMEWORK_PACKAGES[found].entry))]);
}
