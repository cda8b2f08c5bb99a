/**
 * An independent reading of /shared/adcs-flows.md, written from the document and NOT from
 * lib/: it takes a spec as the user writes it (plain YAML/JSON data) and says which
 * (flow, from, to, protocol, ports) the estate must get. Tests compare the library's flows and
 * the CLI's JSON against it as sets of port intervals, so grouping and "88" vs "88-88" don't
 * matter, but a missing, extra or wider port does.
 */

/** A spec as written in a file (only the keys the catalogue reads). */
export interface OracleSpec {
  osGeneration?: 'modern' | 'legacy';
  rpcDynamicPorts?: string;
  dcomPort?: number;
  directEnrollment?: boolean;
  cesAuthentication?: 'kerberos' | 'usernamePassword' | 'certificate';
  domainMemberFlows?: boolean;
  crlPublishing?: 'none' | 'smb';
  ndesHttp?: boolean;
  tiers: Record<string, { cidrs: string[]; osGeneration?: 'modern' | 'legacy'; rpcDynamicPorts?: string } | undefined>;
  customFlows?: { name: string; from: string; to: string; protocol: 'tcp' | 'udp'; ports: (string | number)[]; purpose: string }[];
  [other: string]: unknown;
}

type Proto = 'tcp' | 'udp';
type Interval = [number, number];
type PortSpec = [Proto, Interval];

/** "Port sets" section: modern 49152-65535, legacy 1024-65535. */
const MODERN: Interval = [49152, 65535];
const LEGACY: Interval = [1024, 65535];

function rangeText(text: string): Interval {
  const [a, b] = text.split('-').map((x) => Number(x.trim()));
  return [a, b ?? a];
}

/**
 * DYN of a destination tier: "the destination tier's OS generation decides (set for the estate,
 * overridable per tier)"; an override range "for the estate or per tier, replaces both".
 * Most specific first: tier range, tier generation, estate range, estate generation (modern).
 */
export function oracleDyn(spec: OracleSpec, tier: string): Interval {
  const t = spec.tiers[tier];
  if (t?.rpcDynamicPorts) return rangeText(t.rpcDynamicPorts);
  if (t?.osGeneration) return t.osGeneration === 'legacy' ? LEGACY : MODERN;
  if (spec.rpcDynamicPorts) return rangeText(spec.rpcDynamicPorts);
  return spec.osGeneration === 'legacy' ? LEGACY : MODERN;
}

const tcp = (a: number, b = a): PortSpec => ['tcp', [a, b]];
const udp = (a: number, b = a): PortSpec => ['udp', [a, b]];

/**
 * The expected flows, as `id|from|to|protocol` → merged port intervals.
 */
export function oracleFlows(spec: OracleSpec): Map<string, Interval[]> {
  const has = (t: string): boolean => spec.tiers[t] !== undefined;
  const direct = spec.directEnrollment ?? true;
  const kerberos = (spec.cesAuthentication ?? 'kerberos') === 'kerberos';

  // DCOM(CA): TCP 135 plus either DYN of the CA or the static port.
  const dcom: PortSpec[] = [tcp(135), spec.dcomPort !== undefined ? tcp(spec.dcomPort) : ['tcp', oracleDyn(spec, 'ca')]];
  // DIRECTORY: 88 and 464 TCP+UDP, 389 TCP+UDP, 636 TCP, 3268-3269 TCP, 53 TCP+UDP.
  const directory: PortSpec[] = [tcp(88), udp(88), tcp(464), udp(464), tcp(389), udp(389), tcp(636), tcp(3268, 3269), tcp(53), udp(53)];
  // MEMBER toward dc: NTP UDP 123, TCP 135 + DYN of the DC, SMB TCP 445.
  const member: PortSpec[] = [udp(123), tcp(135), ['tcp', oracleDyn(spec, 'dc')], tcp(445)];
  const servers = ['ca', 'ces', 'cep', 'webEnrollment', 'ndes', 'ocsp'];

  // The Flows table, row by row: [id, sources, destination, condition, ports].
  const rows: [string, string[], string, boolean, PortSpec[]][] = [
    ['enroll-dcom', ['clients'], 'ca', direct, dcom],
    ['ces-https', ['clients'], 'ces', true, [tcp(443)]],
    ['cep-https', ['clients'], 'cep', true, [tcp(443)]],
    ['ces-dcom', ['ces'], 'ca', true, dcom],
    ['web-https', ['clients'], 'webEnrollment', true, [tcp(443)]],
    ['web-dcom', ['webEnrollment'], 'ca', true, dcom],
    ['ndes-https', ['ndesClients'], 'ndes', true, spec.ndesHttp ? [tcp(443), tcp(80)] : [tcp(443)]],
    ['ndes-dcom', ['ndes'], 'ca', true, dcom],
    ['ocsp-dcom', ['ocsp'], 'ca', true, dcom],
    ['admin-dcom', ['admins'], 'ca', true, dcom],
    ['ocsp-http', ['clients'], 'ocsp', true, [tcp(80)]],
    ['cdp-http', ['clients'], 'cdp', true, [tcp(80)]],
    ['ocsp-crl', ['ocsp'], 'cdp', true, [tcp(80)]],
    ['crl-publish-smb', ['ca'], 'cdp', spec.crlPublishing === 'smb', [tcp(445)]],
    ['directory', servers, 'dc', true, directory],
    ['client-directory', ['clients'], 'dc', direct || ((has('ces') || has('cep')) && kerberos), directory],
    ['ca-dc-rpc', ['ca'], 'dc', true, [tcp(135), ['tcp', oracleDyn(spec, 'dc')]]],
    ['member', servers, 'dc', spec.domainMemberFlows === true, member],
  ];

  const out = new Map<string, Interval[]>();
  const add = (key: string, iv: Interval): void => {
    out.set(key, [...(out.get(key) ?? []), iv]);
  };
  for (const [id, froms, to, when, ports] of rows) {
    if (!when || !has(to)) continue;
    for (const from of froms) {
      if (!has(from)) continue;
      for (const [proto, iv] of ports) add(`${id}|${from}|${to}|${proto}`, iv);
    }
  }
  for (const c of spec.customFlows ?? []) {
    for (const p of c.ports) add(`custom:${c.name}|${c.from}|${c.to}|${c.protocol}`, rangeText(String(p)));
  }
  for (const [k, v] of out) out.set(k, mergeIntervals(v));
  return out;
}

/** Sorts and merges overlapping or touching intervals (exact union, never wider). */
export function mergeIntervals(ivs: readonly Interval[]): Interval[] {
  const sorted = [...ivs].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Interval[] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** Something with a flow id, ends, protocol and `"N"`/`"N-M"` port strings (a JSON matrix row). */
export interface FlowLike {
  readonly flow: string;
  readonly from: string;
  readonly to: string;
  readonly protocol: string;
  readonly ports: readonly string[];
}

/** Groups flows like `oracleFlows` does: `id|from|to|protocol` → merged intervals. */
export function groupFlows(flows: readonly FlowLike[]): Map<string, Interval[]> {
  const out = new Map<string, Interval[]>();
  for (const f of flows) {
    const key = `${f.flow}|${f.from}|${f.to}|${f.protocol}`;
    out.set(key, [...(out.get(key) ?? []), ...f.ports.map(rangeText)]);
  }
  for (const [k, v] of out) out.set(k, mergeIntervals(v));
  return out;
}

/**
 * The sorted list `key|lo-hi` of a grouping; with `withIds` false the flow id is dropped and
 * the port sets of one (from, to, protocol) are united (the "what counts").
 */
export function portSetLines(groups: Map<string, Interval[]>, withIds = true): string[] {
  const regrouped = new Map<string, Interval[]>();
  for (const [k, v] of groups) {
    const key = withIds ? k : k.split('|').slice(1).join('|');
    regrouped.set(key, [...(regrouped.get(key) ?? []), ...v]);
  }
  const lines: string[] = [];
  for (const [k, v] of regrouped) for (const [a, b] of mergeIntervals(v)) lines.push(`${k}|${a}-${b}`);
  return lines.sort();
}

/** Rich estates for oracle comparisons: every tier, every option, both generations. */
export const ORACLE_ESTATES: Record<string, OracleSpec> = {
  // Every tier; legacy estate but modern DCs; CA pinned; CES with username/password and no
  // direct enrollment (so no client-directory); member baseline, SMB publishing, SCEP over HTTP.
  everything: {
    name: 'everything',
    osGeneration: 'legacy',
    dcomPort: 10509,
    directEnrollment: false,
    cesAuthentication: 'usernamePassword',
    domainMemberFlows: true,
    crlPublishing: 'smb',
    ndesHttp: true,
    tiers: {
      clients: { cidrs: ['10.20.0.0/16', '10.21.0.0/16'] },
      ca: { cidrs: ['10.0.1.0/24'] },
      ces: { cidrs: ['10.0.2.0/24'] },
      cep: { cidrs: ['10.0.2.0/24'] },
      dc: { cidrs: ['10.0.0.0/24'], osGeneration: 'modern' },
      webEnrollment: { cidrs: ['10.0.3.0/24'] },
      ndes: { cidrs: ['10.0.4.0/24'] },
      ndesClients: { cidrs: ['10.40.0.0/16'] },
      ocsp: { cidrs: ['10.0.5.0/24'] },
      cdp: { cidrs: ['10.0.6.0/24'] },
      admins: { cidrs: ['10.0.9.0/28'] },
    },
    customFlows: [
      { name: 'rdp', from: 'admins', to: 'ca', protocol: 'tcp', ports: ['3389'], purpose: 'RDP from the PAWs' },
      { name: 'winrm', from: 'admins', to: 'ca', protocol: 'tcp', ports: ['5985', 5986], purpose: 'WinRM' },
      { name: 'snmp', from: 'ca', to: 'ocsp', protocol: 'udp', ports: ['161-162'], purpose: 'monitoring' },
    ],
  },
  // CEP with Kerberos keeps client-directory on without direct enrollment; a legacy CA beats
  // the estate's RPC range; the DCs have their own range; NDES without devices; member on.
  cepKerberos: {
    name: 'cep-kerberos',
    rpcDynamicPorts: '5000-5199',
    directEnrollment: false,
    cesAuthentication: 'kerberos',
    domainMemberFlows: true,
    tiers: {
      clients: { cidrs: ['10.20.0.0/16'] },
      ca: { cidrs: ['10.0.1.0/24'], osGeneration: 'legacy' },
      cep: { cidrs: ['10.0.2.0/24'] },
      dc: { cidrs: ['10.0.0.0/24'], rpcDynamicPorts: '6000-6199' },
      webEnrollment: { cidrs: ['10.0.3.0/24'] },
      ndes: { cidrs: ['10.0.4.0/24'] },
      ocsp: { cidrs: ['10.0.5.0/24'] },
      admins: { cidrs: ['10.0.9.0/28'] },
    },
  },
  // Direct enrollment with CES on client certificates; a narrowed CA range holding the static
  // port (legal, warned); legacy DCs; NDES with devices but without HTTP; OCSP and CDP.
  directWithCertificateCes: {
    name: 'direct-cert',
    dcomPort: 50050,
    cesAuthentication: 'certificate',
    tiers: {
      clients: { cidrs: ['10.20.0.0/16'] },
      ca: { cidrs: ['10.0.1.0/24'], rpcDynamicPorts: '50000-50099' },
      ces: { cidrs: ['10.0.2.0/24'] },
      dc: { cidrs: ['10.0.0.0/24'], osGeneration: 'legacy' },
      ndes: { cidrs: ['10.0.4.0/24'] },
      ndesClients: { cidrs: ['10.40.0.0/16'] },
      ocsp: { cidrs: ['10.0.5.0/24'] },
      cdp: { cidrs: ['10.0.6.0/24'] },
    },
  },
  // The core only, all defaults.
  core: {
    tiers: {
      clients: { cidrs: ['10.20.0.0/16'] },
      ca: { cidrs: ['10.0.1.0/24'] },
      dc: { cidrs: ['10.0.0.0/24'] },
    },
  },
};
