import { App, LocalBackend, TerraformStack } from 'cdktf';
import { AdcsEnrollmentSecurity } from '../lib/cdktf/adcs-enrollment-security';
import { AdcsProvider } from '../lib/cdktf/resource';
import { EstateProps } from '../lib/input/props';
import { ResolvedInput } from '../lib/input/resolved';
import { PLATFORMS } from '../lib/platforms/registry';

/**
 * The stack the CLI (and the examples) synthesize for a spec: the platform's provider
 * configurations as `AdcsProvider`s (the default one, then one per name under
 * `azure.providers` / `aws.providers`, with its alias), then one AdcsEnrollmentSecurity given the
 * spec as props, each `provider` name replaced by the provider of that alias.
 */
export function estateStack(app: App, doc: Record<string, unknown>, spec: ResolvedInput): AdcsEnrollmentSecurity {
  const stack = new TerraformStack(app, spec.estate.name);
  // Relative to the stack's folder: the default is an absolute path, which breaks byte-identical output.
  new LocalBackend(stack, { path: `terraform.${spec.estate.name}.tfstate` });
  const byAlias = new Map<string, AdcsProvider>();
  if (spec.platform !== undefined) {
    for (const p of PLATFORMS[spec.platform].providers(spec)) {
      const provider = new AdcsProvider(stack, p.alias === undefined ? p.name : `${p.name}-${p.alias}`, { platform: spec.platform, alias: p.alias, config: p.config });
      if (p.alias !== undefined) byAlias.set(p.alias, provider);
    }
  }
  return new AdcsEnrollmentSecurity(stack, 'adcs', constructProps(doc, byAlias));
}

/** A spec document as construct props: `provider` names become the providers, the settings block declares none. */
export function constructProps(doc: Record<string, unknown>, byAlias: ReadonlyMap<string, AdcsProvider>): EstateProps {
  const out: Record<string, unknown> = { ...doc };
  const provider = (name: unknown): unknown => (typeof name === 'string' ? byAlias.get(name) ?? name : name);
  if (out.provider !== undefined) out.provider = provider(out.provider);
  for (const key of Object.keys(PLATFORMS)) {
    const block = out[key] as Record<string, unknown> | undefined;
    if (block?.providers !== undefined) {
      const { providers: _declared, ...rest } = block;
      out[key] = rest;
    }
  }
  const tiers = out.tiers as Record<string, Record<string, unknown>> | undefined;
  if (tiers) out.tiers = Object.fromEntries(Object.entries(tiers).map(([k, t]) => [k, t?.provider === undefined ? t : { ...t, provider: provider(t.provider) }]));
  return out as unknown as EstateProps;
}
