import type { ResolvedInput } from '../input/resolved';
import type { ConstructLike, Framework } from './framework';
import { StackRegistry } from './stack-registry';

/** One AdcsEnrollmentSecurity as the stack-level check sees it. */
export interface RegisteredEstate {
  /** The construct. */
  readonly self: ConstructLike;
  /** Its validated estate, tokens resolved to what they stand for (`${azurerm_subnet.ca.id}`). */
  readonly spec: ResolvedInput;
  /** The framework it was built with. */
  readonly fw: Framework;
  /** Its stack. */
  readonly stack: object;
}

const BY_STACK = new StackRegistry<RegisteredEstate>();
const BY_CONSTRUCT = new WeakMap<object, RegisteredEstate>();

/** Records an AdcsEnrollmentSecurity once its estate is resolved and planned. */
export function registerEstate(fw: Framework, self: ConstructLike, spec: ResolvedInput): void {
  const entry: RegisteredEstate = { self, spec, fw, stack: fw.stackOf(self) };
  BY_STACK.add(entry.stack, entry);
  BY_CONSTRUCT.set(self, entry);
}

/**
 * The estates a stack holds, in creation order (for a stack), or the one construct's (for an
 * AdcsEnrollmentSecurity); empty for anything else.
 */
export function registeredEstates(stackOrConstruct: unknown): readonly RegisteredEstate[] {
  if (stackOrConstruct === null || typeof stackOrConstruct !== 'object') return [];
  const one = BY_CONSTRUCT.get(stackOrConstruct);
  return one ? [one] : BY_STACK.of(stackOrConstruct);
}
