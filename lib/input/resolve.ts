import { AdcsInputError, InputProblem, Messages, problem } from '../errors';
import { checkIpv4Cidr, compareCidrs } from '../model/cidr';
import { CustomFlowSpec, Enforcement, Estate, EstateTier, PriorityWindow, WebServiceInstance } from '../model/estate';
import { CesAuthentication, ClientDirectory, CrlPublishing, OsGeneration, Platform } from '../model/options';
import { PortRange, normalizePortRanges } from '../model/port-range';
import { Protocol } from '../model/protocol';
import { TierKey, TIER_KEYS } from '../model/tiers';
import { estateWarnings } from '../model/warnings';
import { HTTPS, MIN_DYNAMIC_PORT } from '../model/well-known-ports';
import { EstateProps, TierProps, WebServiceInstanceProps } from './props';
import { ResolvedInput } from './resolved';
import { validateShape } from './validate';
import { AWS_TIER_KEYS, isSecurityGroupId } from '../platforms/aws/settings';
import { AZURE_NSG_NAME, AZURE_RESOURCE_GROUP, AZURE_TIER_KEYS } from '../platforms/azure/settings';
import { PLATFORMS } from '../platforms/registry';
import { isTerraformExpression } from '../terraform/expression';

/**
 * Validates a spec document (parsed YAML/JSON, or construct props) and turns it into an
 * estate with its platform settings. Throws one AdcsInputError listing every problem.
 */
export function resolveSpec(doc: unknown, source: string): ResolvedInput {
  const shape = validateShape(doc);
  if (shape.length > 0) throw new AdcsInputError(source, shape);
  const props = doc as EstateProps;
  const problems: InputProblem[] = [];
  const r = new Resolver(props, problems);
  const out = r.run();
  if (problems.length > 0) throw new AdcsInputError(source, problems);
  return out!;
}

class Resolver {
  constructor(private readonly p: EstateProps, private readonly problems: InputProblem[]) {}

  run(): ResolvedInput | undefined {
    const p = this.p;
    const platform = this.platform();
    const tiers: Partial<Record<TierKey, EstateTier>> = {};
    for (const key of TIER_KEYS) {
      const t = p.tiers[key as keyof typeof p.tiers] as TierProps | undefined;
      if (t) tiers[key] = this.tier(key, t, platform);
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
      tiers,
      customFlows: this.customFlows(tiers),
    };
    this.contradictions(estate);
    // The platform's own keys: its cross-tier rules, its settings block.
    const settings = platform === undefined ? undefined : PLATFORMS[platform].settings;
    settings?.checkTiers(tiers, this.problems);
    const resolved = settings && p[platform!] ? settings.resolve(p, { problems: this.problems, priorityWindow: (at, text) => this.priorityWindow(at, text) }) : {};
    if (this.problems.length > 0) return undefined;
    return { estate, platform, ...resolved, warnings: estateWarnings(estate) };
  }

  private platform(): Platform | undefined {
    const p = this.p;
    if (p.azure && p.aws && !p.platform) {
      this.problems.push(problem('', Messages.platformSettingsBoth()));
      return undefined;
    }
    const platform = p.platform ?? (p.azure ? Platform.AZURE : p.aws ? Platform.AWS : this.platformFromTiers());
    const azureAt = this.firstTierKey(AZURE_TIER_KEYS);
    const awsAt = this.firstTierKey(AWS_TIER_KEYS);
    if (platform === undefined && azureAt && awsAt) {
      // Azure and AWS enforcement points side by side, and nothing says which platform: refuse.
      this.problems.push(problem('tiers', Messages.mixedPlatformTierKeys(azureAt, awsAt)));
    }
    if (platform === Platform.AZURE && p.aws) this.problems.push(problem('aws', Messages.wrongPlatformKey('aws', platform, 'AWS')));
    if (platform === Platform.AWS && p.azure) this.problems.push(problem('azure', Messages.wrongPlatformKey('azure', platform, 'Azure')));
    if (p.platform && !p[p.platform]) this.problems.push(problem('platform', Messages.platformSettingsMissing(p.platform)));
    return platform;
  }

  private platformFromTiers(): Platform | undefined {
    const azure = this.tierKeysOf(AZURE_TIER_KEYS);
    const aws = this.tierKeysOf(AWS_TIER_KEYS);
    return azure && !aws ? Platform.AZURE : aws && !azure ? Platform.AWS : undefined;
  }

  /** True when some tier sets one of `keys`. */
  private tierKeysOf(keys: readonly (keyof TierProps)[]): boolean {
    return this.firstTierKey(keys) !== undefined;
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

  private tier(key: TierKey, t: TierProps, platform: Platform | undefined): EstateTier {
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
    this.platformKeys(at, t, platform);
    return {
      key,
      cidrs,
      osGeneration: t.osGeneration,
      rpcDynamicPorts: t.rpcDynamicPorts === undefined ? undefined : this.rpcRange(`${at}.rpcDynamicPorts`, t.rpcDynamicPorts),
      enforcement: this.enforcement(at, t),
      instances: key === 'ces' || key === 'cep' ? this.instances(at, t.instances) : undefined,
    };
  }

  /** A CES or CEP tier's instances: given, or one on 443; each with its authentication; no port twice. */
  private instances(at: string, given: readonly WebServiceInstanceProps[] | undefined): WebServiceInstance[] {
    const fallback = this.p.cesAuthentication ?? CesAuthentication.KERBEROS;
    const out: WebServiceInstance[] = [];
    const seen = new Map<number, number>();
    (given ?? [{ port: HTTPS }]).forEach((inst, i) => {
      const path = `${at}.instances[${i}].port`;
      if (inst.port < 1 || inst.port > 65535) {
        this.problems.push(problem(path, Messages.instancePortBounds(inst.port)));
        return;
      }
      const first = seen.get(inst.port);
      if (first !== undefined) {
        this.problems.push(problem(path, Messages.instancePortTwice(inst.port, `${at}.instances[${first}]`)));
        return;
      }
      seen.set(inst.port, i);
      out.push({ port: inst.port, authentication: inst.authentication ?? fallback });
    });
    return out.sort((a, b) => a.port - b.port);
  }

  private platformKeys(at: string, t: TierProps, platform: Platform | undefined): void {
    if (platform === undefined) return;
    // Enforcement keys of every other platform are refused.
    for (const other of Object.values(PLATFORMS).filter((x) => x.platform !== platform)) {
      for (const k of other.settings.tierKeys) if (t[k] !== undefined) this.problems.push(problem(`${at}.${k}`, Messages.wrongPlatformKey(k, platform, other.settings.owner)));
    }
  }

  private enforcement(at: string, t: TierProps): Enforcement {
    const given = (['subnetIds', 'networkSecurityGroup', 'securityGroupId'] as const).filter((k) => t[k] !== undefined);
    if (t.createSecurityGroup === true) given.push('createSecurityGroup' as never);
    if (given.length > 1) {
      this.problems.push(problem(at, Messages.twoEnforcementPoints(given)));
      return { kind: 'none' };
    }
    if (t.nsgName !== undefined && t.subnetIds === undefined) this.problems.push(problem(`${at}.nsgName`, Messages.nsgNameWithoutSubnets()));
    if (t.securityGroupName !== undefined && t.createSecurityGroup !== true) {
      this.problems.push(problem(`${at}.securityGroupName`, Messages.securityGroupNameWithoutCreate()));
    }
    if (t.nsgName !== undefined && !AZURE_NSG_NAME.test(t.nsgName)) this.problems.push(problem(`${at}.nsgName`, Messages.azureNsgNameInvalid(t.nsgName)));
    if (t.subnetIds) return { kind: 'azureSubnets', subnetIds: [...new Set(t.subnetIds)].sort(), nsgName: t.nsgName };
    if (t.networkSecurityGroup) {
      const n = t.networkSecurityGroup;
      if (!isTerraformExpression(n.name) && !AZURE_NSG_NAME.test(n.name)) this.problems.push(problem(`${at}.networkSecurityGroup.name`, Messages.azureNsgNameInvalid(n.name)));
      if (!isTerraformExpression(n.resourceGroupName) && !AZURE_RESOURCE_GROUP.test(n.resourceGroupName)) {
        this.problems.push(problem(`${at}.networkSecurityGroup.resourceGroupName`, Messages.azureResourceGroupInvalid(n.resourceGroupName)));
      }
      return {
        kind: 'azureExistingNsg', name: n.name, resourceGroupName: n.resourceGroupName,
        priorityWindow: n.priorityRange === undefined ? undefined : this.priorityWindow(`${at}.networkSecurityGroup.priorityRange`, n.priorityRange),
        denyByDefault: n.denyByDefault ?? false,
      };
    }
    if (t.securityGroupId !== undefined) {
      if (!isSecurityGroupId(t.securityGroupId)) {
        this.problems.push(problem(`${at}.securityGroupId`, Messages.securityGroupIdMalformed(t.securityGroupId)));
      }
      return { kind: 'awsExistingGroup', securityGroupId: t.securityGroupId };
    }
    if (t.createSecurityGroup) return { kind: 'awsCreateGroup', groupName: t.securityGroupName };
    return { kind: 'none' };
  }

  private range(path: string, text: string, lo: number, hi: number, what: 'port' | 'priority' = 'port'): PortRange | undefined {
    const bounds = `${lo}-${hi}`;
    const r = /^\s*\d+\s*-\s*\d+\s*$/.test(text) ? PortRange.parse(Protocol.TCP, text) : undefined;
    if (!r) {
      this.problems.push(problem(path, what === 'priority' ? Messages.priorityRangeMalformed(text) : Messages.portRangeMalformed(text, `ports in ${bounds}`)));
      return undefined;
    }
    if (r.from < lo || r.to > hi) {
      this.problems.push(problem(path, Messages.portRangeOutOfBounds(text, bounds)));
      return undefined;
    }
    return r;
  }

  private rpcRange(path: string, text: string): PortRange | undefined {
    return this.range(path, text, MIN_DYNAMIC_PORT, 65535);
  }

  private priorityWindow(path: string, text: string): PriorityWindow | undefined {
    const r = this.range(path, text, 100, 4096, 'priority');
    return r && { first: r.from, last: r.to };
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

  private contradictions(e: Estate): void {
    const p = this.p;
    if (p.cesAuthentication !== undefined && !e.tiers.ces && !e.tiers.cep) {
      this.problems.push(problem('cesAuthentication', Messages.cesAuthenticationWithoutCes(p.cesAuthentication)));
    }
    if (e.crlPublishing === CrlPublishing.SMB && !e.tiers.cdp) this.problems.push(problem('crlPublishing', Messages.crlPublishingWithoutCdp()));
    if (p.ndesHttp === true && !e.tiers.ndes) this.problems.push(problem('ndesHttp', Messages.ndesHttpWithoutNdes()));
  }
}
