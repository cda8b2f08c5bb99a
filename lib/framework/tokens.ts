import { AdcsInputError, InputProblem, Messages, problem } from '../errors';
import type { EstateProps } from '../input/props';
import { PLATFORM_INPUTS } from '../platforms/registry';
import type { ConstructLike, Framework } from './framework';

/** Props paths whose value may be a token: ids, names and locations of resources the user owns (each platform's). */
const REFERENCE_PATHS = PLATFORM_INPUTS.flatMap((p) => p.referencePaths);
/** Props paths passed to Terraform as they are, so a token there is simply passed through. */
const PASS_THROUGH_PATHS = PLATFORM_INPUTS.flatMap((p) => p.passThroughPaths);
/** How a message names the reference paths. */
const REFERENCE_KEYS = PLATFORM_INPUTS.flatMap((p) => p.referenceKeys);
/** CIDRs: the rules are computed from them at synth. */
const CIDR_PATH = /^tiers\.[A-Za-z]+\.cidrs(\[\d+\])?$/;

/** The props with every token replaced by what it stands for, and the way back. */
export interface PlacedTokens {
  /** The props, tokens replaced by their resolved `${...}` text (literal tokens by their value). */
  readonly props: EstateProps;
  /** Resolved text → the token it came from (put back in the resources' arguments). */
  readonly originals: ReadonlyMap<string, string>;
}

/**
 * Replaces the tokens of construct props by placeholders before validation: a token in an id,
 * name or location prop becomes what it stands for in the stack (`${azurerm_subnet.ca.id}`),
 * which validation accepts as a Terraform expression and from which identities (construct ids,
 * Terraform addresses) are derived, never from the token's own text (which changes when an
 * unrelated resource is added). A token resolving to a literal becomes that literal, validated
 * as any. A token anywhere else (a CIDR, a port, a name the library creates) is refused with
 * why. Throws one AdcsInputError listing every refused token.
 */
export function placeTokens(fw: Framework, scope: ConstructLike, props: EstateProps, source: string): PlacedTokens {
  const originals = new Map<string, string>();
  const problems: InputProblem[] = [];
  const at = (path: string, key: string | number): string => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);

  const place = (value: unknown, path: string): unknown => {
    if (fw.isToken(value) && (typeof value === 'string' || typeof value === 'number')) return token(value, path);
    if (Array.isArray(value)) {
      if (fw.isToken(value)) {
        problems.push(problem(path, CIDR_PATH.test(path) ? Messages.tokenInCidrs(describe(fw, scope, value)) : Messages.tokenList(path, describe(fw, scope, value))));
        return value;
      }
      return value.map((v, i) => place(v, at(path, i)));
    }
    if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, place(v, at(path, k))]));
    }
    return value;
  };

  const token = (value: string | number, path: string): unknown => {
    let resolved: unknown;
    try {
      resolved = fw.resolveToken(scope, value);
    } catch (e) {
      problems.push(problem(path, CIDR_PATH.test(path) ? Messages.tokenInCidrs(String(value)) : Messages.tokenUnresolvable(String(value), firstLine(e))));
      return value;
    }
    const text = typeof resolved === 'string' ? resolved : JSON.stringify(resolved);
    const literal = typeof resolved === 'string' && !resolved.includes('${');
    if (CIDR_PATH.test(path)) {
      if (literal) return resolved;
      problems.push(problem(path, Messages.tokenInCidrs(text)));
      return value;
    }
    const reference = REFERENCE_PATHS.some((r) => r.test(path)) || PASS_THROUGH_PATHS.some((r) => r.test(path));
    if (!reference) {
      // A literal hidden in a token is a literal: validated as any other value.
      if (literal || (typeof resolved === 'number' && typeof value === 'number')) return resolved;
      problems.push(problem(path, Messages.tokenNotAccepted(path, text, REFERENCE_KEYS)));
      return value;
    }
    if (typeof resolved !== 'string') {
      problems.push(problem(path, Messages.tokenNotAString(text)));
      return value;
    }
    if (literal) return resolved;
    if (typeof value === 'string' && !originals.has(resolved)) originals.set(resolved, value);
    return resolved;
  };

  const placed = place(props, '') as EstateProps;
  if (problems.length > 0) throw new AdcsInputError(source, problems);
  return { props: placed, originals };
}

/** What a token stands for, for a message (its resolved text, else the token itself). */
function describe(fw: Framework, scope: ConstructLike, value: unknown): string {
  try {
    const r = fw.resolveToken(scope, value);
    return typeof r === 'string' ? r : JSON.stringify(r);
  } catch {
    return String(value);
  }
}

const firstLine = (e: unknown): string => String((e as Error)?.message ?? e).split('\n')[0];

/** Puts the tokens back: a string argument that is a placeholder becomes its original token. */
export function restoreTokens(originals: ReadonlyMap<string, string> | undefined, value: string): string {
  return originals?.get(value) ?? value;
}
