import { AdcsInputError, InputProblem, Messages, problem } from '../errors';
import { checkIpv4Cidr, compareCidrs } from '../model/cidr';
import { OPT_IN_ROWS } from '../model/catalogue';
import { CustomFlowSpec, Enforcement, Estate, EstateTier, NO_ENFORCEMENT, WebServiceInstance } from '../model/estate';
import { DEFAULT_HOST_SETTINGS, HostSettings, hostWarnings } from '../model/host-settings';
import { CesAuthentication, ClientDirectory, CrlPublishing, OsGeneration, Platform } from '../model/options';
import { PortRange, normalizePortRanges } from '../model/port-range';
import { Protocol } from '../model/protocol';
import { TierKey, TIER_KEYS } from '../model/tiers';
import { estateWarnings } from '../model/warnings';
import { HTTPS, MIN_DYNAMIC_PORT } from '../model/well-known-ports';
import { EstateProps, TierProps, WebServiceInstanceProps } from './props';
import type { Acknowledgement } from '../findings/acknowledge';
import { CheckMessages } from '../findings/check-rules';
import { rulesOf, RuleMessage } from '../findings/rule';
import { closest } from '../util/suggest';
import type { InputContext, PlatformInput } from './platform-input';
import { substituteModuleInputs } from './module-inputs';
import { ResolvedInput } from './resolved';
import { ShapeCheck, validateShape } from './validate';

/**
 * Validates a spec document (parsed YAML/JSON, or construct props) against `shape` and turns it
 * into an estate with its platform's settings; `platforms` read their own keys. The value
 * `input` at an id or name key reads as the module variable it becomes. Throws one
 * AdcsInputError listing every problem. (`resolveSpec` is this with every registered platform.)
 */
export function resolveInput(given: unknown, source: string, platforms: readonly PlatformInput[], shape: ShapeCheck): ResolvedInput {
  // An id left to a module's caller (`input`) is the module variable it becomes: `${var.ca_subnet_id}`.
  const { doc } = substituteModuleInputs(given, platforms);
  const found = validateShape(doc, shape);
  if (found.length > 0) throw new AdcsInputError(source, found);
  const problems: InputProblem[] = [];
  const out = new Resolver(doc as EstateProps, platforms, problems).run();
  if (problems.length > 0) throw new AdcsInputError(source, problems);
  return out!;
}

class Resolver implements InputContext {
  constructor(private readonly p: EstateProps, private readonly platforms: readonly PlatformInput[], public readonly problems: InputProblem[]) {}

  run(): ResolvedInput | undefined {
    const p = this.p;
    const platform = this.platform();
    const input = this.platforms.find((x) => x.platform === platform);
    const tiers: Partial<Record<TierKey, EstateTier>> = {};
    for (const key of TIER_KEYS) {
      const t = p.tiers[key as keyof typeof p.tiers] as TierProps | undefined;
      if (t) tiers[key] = this.tier(key, t, input);
    }
    const estate: Estate = {
      name: p.name ?? 'adcs',
      osGeneration: p.osGeneration ?? OsGeneration.MODERN,
      rpcDynamicPorts: p.rpcDynamicPorts === undefined ? undefined : this.rpcRange('rpcDynamicPorts', p.rpcDynamicPorts),
      dcomPort: p.dcomPort === undefined ? undefined : this.dcomPort(p.dcomPort),
      directEnrollment: p.directEnrollment ?? true,
      cesAuthentication: p.cesAuthentication ?? CesAuthentication.KERBEROS,
      dcEnrollment: p.dcEnrollment ?? true,
      clientDirectory: p.clientDirectory ?? ClientDirectory.FULL,
      domainMemberFlows: p.domainMemberFlows ?? false,
      crlPublishing: p.crlPublishing ?? CrlPublishing.NONE,
      ndesHttp: p.ndesHttp ?? false,
      ocspAutoEnroll: p.ocspAutoEnroll ?? true,
      caSmb: p.caSmb ?? false,
      ocspRemoteAdmin: p.ocspRemoteAdmin ?? false,
      webEnrollmentCallback: p.webEnrollmentCallback ?? false,
      tiers,
      customFlows: this.customFlows(tiers),
      host: this.hostSettings(),
    };
    this.contradictions(estate);
    // The platform's own keys: its cross-tier rules, its settings block.
    input?.checkTiers(tiers, this.problems);
    const settings = input && this.settingsBlock(input) !== undefined ? input.resolveSettings(p, this) : undefined;
    if (input && settings !== undefined) this.providers(tiers, input, input.providerAliases(settings));
    if (this.problems.length > 0) return undefined;
    return {
      estate, platform, ...(settings === undefined ? {} : { settings }),
      warnings: [...estateWarnings(estate), ...hostWarnings(estate), ...(input?.warnings(estate) ?? [])],
      acknowledgements: this.acknowledgements(),
    };
  }

  /**
   * The acknowledgements: each names a warning or check rule of the table (the estate's, the
   * check's, every platform's) and gives a reason.
   */
  private acknowledgements(): Acknowledgement[] {
    const rules = new Map([...rulesOf(Messages), ...rulesOf(CheckMessages), ...this.platforms.flatMap((p) => p.rules)].map((r) => [r.id, r]));
    const out: Acknowledgement[] = [];
    (this.p.acknowledgements ?? []).forEach((a, i) => {
      const at = `acknowledgements[${i}]`;
      const known = rules.get(a.ruleId);
      if (!known) this.problems.push(problem(`${at}.ruleId`, Messages.acknowledgementUnknownRule(a.ruleId, closest(a.ruleId, [...rules.keys()].filter((id) => /^ADCS-[WC]/.test(id))))));
      else if (known.id.startsWith('ADCS-E')) this.problems.push(problem(`${at}.ruleId`, Messages.acknowledgementOfError(a.ruleId)));
      if (a.reason.trim() === '') this.problems.push(problem(`${at}.reason`, Messages.acknowledgementNoReason()));
      out.push({ ruleId: a.ruleId, reason: a.reason.trim(), tier: a.tier, flow: a.flow, resource: a.resource, at });
    });
    // The first that covers a finding gives its reason: an order of content, never of writing.
    const key = (a: Acknowledgement): string => [a.ruleId, a.tier ?? '', a.flow ?? '', a.resource ?? '', a.reason].join('\n');
    return out.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  }

  /**
   * The provider configuration of each enforcement point: its tier's `provider`, else the
   * estate's, each naming a configuration the settings declare (`azure.providers`). A tier
   * without an enforcement point takes none. Written into the tiers' enforcement (`provider`).
   */
  private providers(tiers: Partial<Record<TierKey, EstateTier>>, input: PlatformInput, declared: readonly string[]): void {
    // Spec files name a configuration; the constructs have turned their TerraformProvider into its alias.
    const nameAt = (value: unknown, path: string): string | undefined => {
      if (value === undefined) return undefined;
      const name = String(value);
      if (declared.includes(name)) return name;
      this.problems.push(problem(path, Messages.providerUndeclared(name, input.providersKey, declared)));
      return undefined;
    };
    const estateWide = nameAt(this.p.provider, 'provider');
    for (const key of TIER_KEYS) {
      const t = tiers[key];
      const given = (this.p.tiers as unknown as Record<string, TierProps | undefined>)[key]?.provider;
      if (!t) continue;
      if (given !== undefined && t.enforcement.kind === 'none') {
        this.problems.push(problem(`tiers.${key}.provider`, Messages.providerWithoutEnforcement(key, input.enforcementKeys.join(' or '))));
        continue;
      }
      const name = given !== undefined ? nameAt(given, `tiers.${key}.provider`) : estateWide;
      if (name !== undefined && t.enforcement.kind !== 'none') tiers[key] = { ...t, enforcement: { ...t.enforcement, provider: name } };
    }
  }

  /** The platform's settings block (`azure:`, `aws:`), when given. */
  private settingsBlock(input: PlatformInput): unknown {
    return (this.p as unknown as Record<string, unknown>)[input.platform];
  }

  /**
   * The platform: `platform`, else the one whose settings block is given, else the one whose
   * tier keys the tiers use. Two settings blocks or two platforms' tier keys with nothing to say
   * which is refused, and so is another platform's settings block.
   */
  private platform(): Platform | undefined {
    const p = this.p;
    const blocks = this.platforms.filter((x) => this.settingsBlock(x) !== undefined);
    if (blocks.length > 1 && !p.platform) {
      this.problems.push(problem('', Messages.platformSettingsBoth(blocks.map((x) => x.platform))));
      return undefined;
    }
    const platform = p.platform ?? blocks[0]?.platform ?? this.platformFromTiers();
    const marked = this.platforms.map((x) => ({ owner: x.owner, at: this.firstTierKey(x.tierKeys) }))
      .filter((m): m is { owner: string; at: string } => m.at !== undefined);
    if (platform === undefined && marked.length > 1) {
      // Two platforms' enforcement points side by side, and nothing says which platform: refuse.
      this.problems.push(problem('tiers', Messages.mixedPlatformTierKeys(marked)));
    }
    for (const other of blocks.filter((x) => x.platform !== platform)) {
      if (platform !== undefined) this.problems.push(problem(other.platform, Messages.wrongPlatformKey(other.platform, platform, other.owner)));
    }
    const named = this.platforms.find((x) => x.platform === p.platform);
    if (named && this.settingsBlock(named) === undefined) this.problems.push(problem('platform', Messages.platformSettingsMissing(named.platform, named.settingsExample)));
    return platform;
  }

  private platformFromTiers(): Platform | undefined {
    const marked = this.platforms.filter((x) => this.firstTierKey(x.tierKeys) !== undefined);
    return marked.length === 1 ? marked[0].platform : undefined;
  }

  /** Key path of the first tier key (canonical tier order) among `keys`, if any tier sets one. */
  private firstTierKey(keys: readonly (keyof TierProps)[]): string | undefined {
    for (const tier of TIER_KEYS) {
      const t = (this.p.tiers as unknown as Record<string, TierProps | undefined>)[tier];
      const k = t && keys.find((x) => t[x] !== undefined);
      if (k) return `tiers.${tier}.${k}`;
    }
    return undefined;
  }

  private tier(key: TierKey, t: TierProps, input: PlatformInput | undefined): EstateTier {
    const at = `tiers.${key}`;
    const seen = new Map<string, number>();
    const cidrs: string[] = [];
    t.cidrs.forEach((raw, i) => {
      const c = checkIpv4Cidr(raw);
      const path = `${at}.cidrs[${i}]`;
      if (!c.ok) {
        this.problems.push(problem(path, c.reason === 'ipv6' ? Messages.cidrIpv6(raw)
          : c.reason === 'notNetwork' ? Messages.cidrNotNetwork(raw, c.suggestion)
            : c.reason === 'noPrefix' ? Messages.cidrNoPrefix(raw, c.suggestion) : Messages.cidrMalformed(raw)));
        return;
      }
      const first = seen.get(c.cidr);
      if (first !== undefined) this.problems.push(problem(path, Messages.cidrDuplicate(c.cidr, first)));
      else {
        seen.set(c.cidr, i);
        cidrs.push(c.cidr);
      }
    });
    cidrs.sort(compareCidrs);
    this.platformKeys(at, t, input);
    return {
      key,
      cidrs,
      osGeneration: t.osGeneration,
      rpcDynamicPorts: t.rpcDynamicPorts === undefined ? undefined : this.rpcRange(`${at}.rpcDynamicPorts`, t.rpcDynamicPorts),
      enforcement: this.enforcement(at, t, input),
      instances: key === 'ces' || key === 'cep' ? this.instances(at, t.instances) : undefined,
    };
  }

  /**
   * A CES or CEP tier's instances: given, or one on 443; each with its authentication. Two may
   * share a port (one site, one HTTPS binding), never a port and an authentication.
   */
  private instances(at: string, given: readonly WebServiceInstanceProps[] | undefined): WebServiceInstance[] {
    const fallback = this.p.cesAuthentication ?? CesAuthentication.KERBEROS;
    const out: WebServiceInstance[] = [];
    const seen = new Map<string, number>();
    (given ?? [{ port: HTTPS }]).forEach((inst, i) => {
      const path = `${at}.instances[${i}]`;
      if (inst.port < 1 || inst.port > 65535) {
        this.problems.push(problem(`${path}.port`, Messages.instancePortBounds(inst.port)));
        return;
      }
      const authentication = inst.authentication ?? fallback;
      const key = `${inst.port} ${authentication}`;
      const first = seen.get(key);
      if (first !== undefined) {
        this.problems.push(problem(path, Messages.instanceTwice(inst.port, authentication, `${at}.instances[${first}]`)));
        return;
      }
      seen.set(key, i);
      out.push({ port: inst.port, authentication });
    });
    const order = Object.values(CesAuthentication) as string[];
    return out.sort((a, b) => a.port - b.port || order.indexOf(a.authentication) - order.indexOf(b.authentication));
  }

  private platformKeys(at: string, t: TierProps, input: PlatformInput | undefined): void {
    if (input === undefined) return;
    // Enforcement keys of every other platform are refused.
    for (const other of this.platforms.filter((x) => x !== input)) {
      for (const k of other.tierKeys) if (t[k] !== undefined) this.problems.push(problem(`${at}.${k}`, Messages.wrongPlatformKey(k, input.platform, other.owner)));
    }
  }

  /** The tier's enforcement point, as its platform reads it; one at most. */
  private enforcement(at: string, t: TierProps, input: PlatformInput | undefined): Enforcement {
    if (input === undefined) return NO_ENFORCEMENT;
    const given = input.enforcementKeysOf(t);
    if (given.length > 1) {
      this.problems.push(problem(at, Messages.twoEnforcementPoints(given)));
      return NO_ENFORCEMENT;
    }
    return input.enforcement(at, t, this);
  }

  /** Parses `"N-M"` at `path` within `lo`-`hi` (InputContext). */
  public range(path: string, text: string, lo: number, hi: number, malformed: (value: string) => RuleMessage): PortRange | undefined {
    const bounds = `${lo}-${hi}`;
    const r = /^\s*\d+\s*-\s*\d+\s*$/.test(text) ? PortRange.parse(Protocol.TCP, text) : undefined;
    if (!r) {
      this.problems.push(problem(path, malformed(text)));
      return undefined;
    }
    if (r.from < lo || r.to > hi) {
      this.problems.push(problem(path, Messages.portRangeOutOfBounds(text, bounds)));
      return undefined;
    }
    return r;
  }

  private rpcRange(path: string, text: string): PortRange | undefined {
    return this.range(path, text, MIN_DYNAMIC_PORT, 65535, (v) => Messages.portRangeMalformed(v, `ports in ${MIN_DYNAMIC_PORT}-65535`));
  }

  private dcomPort(port: number): number | undefined {
    if (port < MIN_DYNAMIC_PORT) this.problems.push(problem('dcomPort', Messages.dcomPortTooLow(port)));
    else if (port > 65535) this.problems.push(problem('dcomPort', Messages.dcomPortTooHigh(port)));
    else return port;
    return undefined;
  }

  private customFlows(tiers: Partial<Record<TierKey, EstateTier>>): CustomFlowSpec[] {
    const out: CustomFlowSpec[] = [];
    const ids = new Map<string, number>();
    (this.p.customFlows ?? []).forEach((f, i) => {
      const at = `customFlows[${i}]`;
      const protocol = f.protocol as Protocol;
      for (const which of ['from', 'to'] as const) {
        if (!tiers[f[which] as TierKey]) this.problems.push(problem(`${at}.${which}`, Messages.customFlowMissingTier(which, f[which])));
      }
      const ports: PortRange[] = [];
      if (protocol === Protocol.ICMP && f.ports !== undefined) {
        this.problems.push(problem(`${at}.ports`, Messages.icmpTakesNoPorts()));
      } else if (protocol !== Protocol.ICMP && f.ports === undefined) {
        this.problems.push(problem(`${at}.ports`, Messages.missingKey('ports', `: a ${protocol} flow needs its destination ports, for example ports: ["3389"]`)));
      }
      (protocol === Protocol.ICMP ? [] : f.ports ?? []).forEach((raw, j) => {
        const r = PortRange.parse(protocol, String(raw));
        if (!r || r.from < 1) this.problems.push(problem(`${at}.ports[${j}]`, Messages.portMalformed(raw)));
        else ports.push(r);
      });
      const norm = normalizePortRanges(ports);
      const id = `custom:${f.name ?? `${f.from}-${f.to}-${protocol}${norm.length > 0 ? `-${norm.map(String).join('_')}` : ''}`}`;
      const first = ids.get(id);
      if (first !== undefined) this.problems.push(problem(`${at}${f.name ? '.name' : ''}`, Messages.customFlowDuplicate(id, first)));
      ids.set(id, i);
      out.push({ id, from: f.from as TierKey, to: f.to as TierKey, protocol, ports: norm, purpose: f.purpose, reference: f.reference ?? 'custom flow' });
    });
    return out;
  }

  /** The `host` block with its defaults (its values are checked by the schema: enum and booleans). */
  private hostSettings(): HostSettings {
    const h = this.p.host ?? {};
    return {
      writeRpcRange: h.writeRpcRange ?? DEFAULT_HOST_SETTINGS.writeRpcRange,
      rpcKeyword: h.rpcKeyword ?? DEFAULT_HOST_SETTINGS.rpcKeyword,
      disablePredefinedRules: h.disablePredefinedRules ?? DEFAULT_HOST_SETTINGS.disablePredefinedRules,
    };
  }

  private contradictions(e: Estate): void {
    const p = this.p;
    if (p.cesAuthentication !== undefined && !e.tiers.ces && !e.tiers.cep) {
      this.problems.push(problem('cesAuthentication', Messages.cesAuthenticationWithoutCes(p.cesAuthentication)));
    }
    if (e.crlPublishing === CrlPublishing.SMB && !e.tiers.cdp) this.problems.push(problem('crlPublishing', Messages.crlPublishingWithoutCdp()));
    if (p.ndesHttp === true && !e.tiers.ndes) this.problems.push(problem('ndesHttp', Messages.ndesHttpWithoutNdes()));
    // Opt-in options whose rows need a tier the estate does not have (adcs-flows.md, notes).
    for (const row of OPT_IN_ROWS) {
      const option = row.optIn.option;
      if (p[option] !== true) continue;
      const missing = [...row.from, row.to].filter((t, i, all) => all.indexOf(t) === i && !e.tiers[t]);
      if (missing.length > 0) this.problems.push(problem(option, Messages.optionWithoutTier(option, missing)));
    }
  }
}
