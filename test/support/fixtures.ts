// Typed fixture builders: tests write estates as a spec file spells them (`platform: 'aws'`,
// `osGeneration: 'legacy'`, `protocol: 'icmp'`) and get the library's props types back, the
// strings checked against and turned into the enums. No cast is needed to build a valid estate;
// `invalid()` below is the one documented way to hand validation a value its type refuses.
import { CustomFlowProps, EstateProps, HostProps, TierProps, TiersProps, WebServiceInstanceProps } from '../../lib/input/props';
import { WriteRpcRange } from '../../lib/model/host-settings';
import { CesAuthentication, ClientDirectory, CrlPublishing, OsGeneration, Platform } from '../../lib/model/options';
import { Protocol } from '../../lib/model/protocol';

/** An enum member, or its value as a spec file spells it (`'legacy'` for `OsGeneration.LEGACY`). */
export type Spelt<E extends string> = E | `${E}`;

/** The member of the string enum `values` whose value is `v`; throws on a value the enum lacks. */
function member<E extends string>(values: Record<string, E>, what: string, v: Spelt<E>): E {
  const found = Object.values(values).find((x) => x === v);
  if (found === undefined) throw new Error(`fixture: ${what} ${JSON.stringify(v)} is not one of ${Object.values(values).join(', ')}`);
  return found;
}

/** `'tcp' | 'udp' | 'icmp'` (or the enum) as the library's `Protocol`. */
export const protocolOf = (v: Spelt<Protocol>): Protocol => member(Protocol, 'protocol', v);

/** A CES/CEP instance as a spec spells it. */
export type InstanceInput = Omit<WebServiceInstanceProps, 'authentication'> & { readonly authentication?: Spelt<CesAuthentication> };
/** A tier as a spec spells it. */
export type TierInput = Omit<TierProps, 'osGeneration' | 'instances'> & {
  readonly osGeneration?: Spelt<OsGeneration>;
  readonly instances?: readonly InstanceInput[];
};
/** The tiers as a spec spells them: `clients`, `ca` and `dc` required, as in `TiersProps`. */
export type TiersInput = { readonly [K in keyof TiersProps]: TierInput };
/** A custom flow as a spec spells it. */
export type FlowInput = Omit<CustomFlowProps, 'protocol'> & { readonly protocol: Spelt<Protocol> };
/** The `host` block as a spec spells it. */
export type HostInput = Omit<HostProps, 'writeRpcRange'> & { readonly writeRpcRange?: Spelt<WriteRpcRange> };
/** An estate as a spec spells it. */
export type EstateInput = Omit<EstateProps, 'platform' | 'osGeneration' | 'cesAuthentication' | 'clientDirectory' | 'crlPublishing' | 'tiers' | 'customFlows' | 'host'> & {
  readonly platform?: Spelt<Platform>;
  readonly osGeneration?: Spelt<OsGeneration>;
  readonly cesAuthentication?: Spelt<CesAuthentication>;
  readonly clientDirectory?: Spelt<ClientDirectory>;
  readonly crlPublishing?: Spelt<CrlPublishing>;
  readonly tiers: TiersInput;
  readonly customFlows?: readonly FlowInput[];
  readonly host?: HostInput;
};

/** A tier's props; keys left out stay out. */
export function tierProps(t: TierInput): TierProps {
  const { osGeneration: os, instances, ...rest } = t;
  return {
    ...rest,
    ...(os === undefined ? {} : { osGeneration: member(OsGeneration, 'osGeneration', os) }),
    ...(instances === undefined ? {} : { instances: instances.map(({ authentication, ...i }) => ({
      ...i, ...(authentication === undefined ? {} : { authentication: member(CesAuthentication, 'authentication', authentication) }) })) }),
  };
}

/**
 * The tiers' props, in the order given. Takes the typed tiers, or any record of tiers (a
 * reordered `Object.fromEntries`, say), whose core tiers it checks at run time.
 */
export function tiersProps(t: TiersInput | Readonly<Record<string, TierInput | undefined>>): TiersProps {
  const out: Record<string, TierProps> = {};
  for (const [key, value] of Object.entries(t)) if (value !== undefined) out[key] = tierProps(value);
  const { clients, ca, dc } = out;
  if (!clients || !ca || !dc) throw new Error(`fixture: tiers need clients, ca and dc (got ${Object.keys(out).join(', ')})`);
  return { ...out, clients, ca, dc };
}

/** A custom flow's props. */
export function flowProps(f: FlowInput): CustomFlowProps {
  return { ...f, protocol: protocolOf(f.protocol) };
}

/** The `host` block's props; keys left out stay out. */
export function hostProps(h: HostInput): HostProps {
  const { writeRpcRange, ...rest } = h;
  return { ...rest, ...(writeRpcRange === undefined ? {} : { writeRpcRange: member(WriteRpcRange, 'writeRpcRange', writeRpcRange) }) };
}

/** An estate's props; keys left out stay out. */
export function estateProps(p: EstateInput): EstateProps {
  const { platform, osGeneration: os, cesAuthentication, clientDirectory, crlPublishing, tiers: t, customFlows, host, ...rest } = p;
  return {
    ...rest,
    ...(platform === undefined ? {} : { platform: member(Platform, 'platform', platform) }),
    ...(os === undefined ? {} : { osGeneration: member(OsGeneration, 'osGeneration', os) }),
    ...(cesAuthentication === undefined ? {} : { cesAuthentication: member(CesAuthentication, 'cesAuthentication', cesAuthentication) }),
    ...(clientDirectory === undefined ? {} : { clientDirectory: member(ClientDirectory, 'clientDirectory', clientDirectory) }),
    ...(crlPublishing === undefined ? {} : { crlPublishing: member(CrlPublishing, 'crlPublishing', crlPublishing) }),
    tiers: tiersProps(t),
    ...(customFlows === undefined ? {} : { customFlows: customFlows.map(flowProps) }),
    ...(host === undefined ? {} : { host: hostProps(host) }),
  };
}

/**
 * Input its type refuses, handed on purpose to the validation under test (a misspelt enum
 * value, a missing required key, a wrong type), as a user's untyped JavaScript or JSON would.
 * The one cast of the test fixtures: use it only where a test means the value to be invalid.
 */
export function invalid<T>(value: unknown): T {
  return value as T;
}
