import { AdcsInputError, InputProblem, Messages, problem, show } from '../errors';
import type { EstateProps } from '../input/props';
import { PROVIDER_ALIAS } from '../input/schema-parts';
import { PLATFORMS } from '../platforms/registry';
import type { ConstructLike, Framework } from './framework';
import { requireSameFramework } from './framework-check';

const ALIAS = new RegExp(`^${PROVIDER_ALIAS}$`);

/** What the construct layer reads of a TerraformProvider of either framework. */
interface ProviderLike extends ConstructLike {
  readonly terraformResourceType: string;
  readonly alias?: string;
}

/**
 * Checks a provider the library declares (`AdcsProvider`): its stack is of the entry point's
 * framework, and its alias, when given, is a Terraform name. Throws one AdcsInputError.
 */
export function checkProvider(fw: Framework, provider: ConstructLike, alias: string | undefined): void {
  const source = `AdcsProvider ${provider.node.path}`;
  const stack = fw.stackOf(provider) as ConstructLike;
  requireSameFramework(fw.name, stack, stack.node.path, source);
  if (alias !== undefined && !ALIAS.test(alias)) throw new AdcsInputError(source, [problem('alias', Messages.providerAliasInvalid(alias))]);
}

/** The props with every provider object replaced by its alias, and the providers by alias. */
export interface PlacedProviders {
  /** The props as a spec would give them: `provider: <alias>`, each alias declared under the platform's `providers` (names only). */
  readonly props: EstateProps;
  /** The user's providers, by alias. */
  readonly byAlias: ReadonlyMap<string, object>;
}

/**
 * Turns the construct's provider props (the estate's and each tier's `provider`: TerraformProvider
 * objects of the user's) into what a spec says: the configuration's alias, declared under the
 * platform's `providers` with its name only (the configuration itself is the user's). A
 * provider's default configuration (no alias) is the same as none. Refused: a value that is no
 * provider, another platform's provider, another stack's, two providers of one alias, and
 * `providers` in the props (the construct declares no provider). Throws one AdcsInputError.
 */
export function placeProviders(fw: Framework, self: ConstructLike, props: EstateProps, source: string): PlacedProviders {
  const problems: InputProblem[] = [];
  const byAlias = new Map<string, object>();
  const given = props as unknown as Record<string, unknown>;
  // The estate's platform: named, or the one whose settings block is given.
  const platform = Object.values(PLATFORMS).find((p) => p.platform === props.platform)
    ?? Object.values(PLATFORMS).find((p) => given[p.platform] !== undefined);
  for (const p of Object.values(PLATFORMS)) {
    const block = given[p.platform] as Record<string, unknown> | undefined;
    if (block !== null && typeof block === 'object' && block.providers !== undefined) problems.push(problem(p.input.providersKey, Messages.providersInConstruct(p.input.providersKey)));
  }
  const place = (value: unknown, path: string): unknown => {
    if (value === undefined || typeof value === 'string') return value;
    if (!fw.isProvider(value)) {
      problems.push(problem(path, Messages.providerNotOfPlatform(show(value), platform?.providerDefaults.name ?? 'azurerm or aws', platform?.input.owner ?? 'Azure or AWS')));
      return undefined;
    }
    const p = value as ProviderLike;
    const wanted = platform?.providerDefaults.name;
    if (wanted !== undefined && p.terraformResourceType !== wanted) {
      problems.push(problem(path, Messages.providerNotOfPlatform(`the provider ${p.node.path} (${p.terraformResourceType})`, wanted, platform!.input.owner)));
      return undefined;
    }
    if (fw.stackOf(p) !== fw.stackOf(self)) {
      problems.push(problem(path, Messages.providerOfOtherStack(p.node.path, (fw.stackOf(self) as ConstructLike).node.path)));
      return undefined;
    }
    const alias = p.alias;
    if (alias === undefined) return undefined;
    if (!ALIAS.test(alias)) {
      problems.push(problem(path, Messages.providerAliasInvalid(alias)));
      return undefined;
    }
    const known = byAlias.get(alias);
    if (known !== undefined && known !== p) problems.push(problem(path, Messages.providerAliasTwice(alias)));
    byAlias.set(alias, p);
    return alias;
  };
  const givenTiers = props.tiers !== null && typeof props.tiers === 'object' ? props.tiers as unknown as Record<string, unknown> : undefined;
  const withProvider = Object.entries(givenTiers ?? {}).filter(([, t]) => t !== null && typeof t === 'object' && 'provider' in t);
  if (!('provider' in given) && withProvider.length === 0) {
    if (problems.length > 0) throw new AdcsInputError(source, problems);
    return { props, byAlias };
  }
  const estateWide = place(props.provider, 'provider');
  const tiers = Object.fromEntries(Object.entries(givenTiers ?? {}).map(([key, t]) => {
    if (!withProvider.some(([k]) => k === key)) return [key, t];
    const { provider, ...rest } = t as Record<string, unknown>;
    const placed = place(provider, `tiers.${key}.provider`);
    return [key, placed === undefined ? rest : { ...rest, provider: placed }];
  }));
  if (problems.length > 0) throw new AdcsInputError(source, problems);
  const { provider: _provider, ...rest } = given;
  const out: Record<string, unknown> = { ...rest, ...(givenTiers === undefined ? {} : { tiers }), ...(estateWide === undefined ? {} : { provider: estateWide }) };
  if (byAlias.size > 0 && platform && out[platform.platform] !== null && typeof out[platform.platform] === 'object') {
    // Declared by name: the configuration itself lives in the user's stack.
    out[platform.platform] = { ...(out[platform.platform] as object), providers: Object.fromEntries([...byAlias.keys()].sort().map((a) => [a, {}])) };
  }
  return { props: out as unknown as EstateProps, byAlias };
}
