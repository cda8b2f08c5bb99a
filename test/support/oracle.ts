/**
 * An independent reading of /shared/adcs-flows.md (v2.1), written from the document and NOT from
 * lib/: it takes a spec as the user writes it (plain YAML/JSON data) and says which
 * (flow, from, to, protocol, ports) the estate must get. Tests compare the library's flows and
 * the CLI's JSON against it as sets of port intervals, so grouping and "88" vs "88-88" don't
 * matter, but a missing, extra or wider port does. ICMP flows carry no ports: their key maps to
 * an empty interval list and prints as `key|all`.
 */

/** A CES or CEP instance as written in a spec ("instances: [{ port, authentication }]"). */
export interface OracleInstance {
  port: number;
  authentication?: 'kerberos' | 'usernamePassword' | 'certificate';
}

/** A tier as written in a spec (only the keys the catalogue reads). */
export interface OracleTier {
  cidrs: string[];
  osGeneration?: 'modern' | 'legacy';
  rpcDynamicPorts?: string;
  /** `ces` and `cep` only. */
  instances?: OracleInstance[];
}

/** A custom flow as written in a spec; `icmp` has no `ports` key. */
export interface OracleCustomFlow {
  name: string;
  from: string;
  to: string;
  protocol: 'tcp' | 'udp' | 'icmp';
  ports?: (string | number)[];
  purpose: string;
}

/** A spec as written in a file (only the keys the catalogue reads). */
export interface OracleSpec {
  osGeneration?: 'modern' | 'legacy';
  rpcDynamicPorts?: string;
  dcomPort?: number;
  directEnrollment?: boolean;
  cesAuthentication?: 'kerberos' | 'usernamePassword' | 'certificate';
  dcEnrollment?: boolean;
  clientDirectory?: 'full' | 'minimal';
  domainMemberFlows?: boolean;
  crlPublishing?: 'none' | 'smb';
  ndesHttp?: boolean;
  ocspAutoEnroll?: boolean;
  caSmb?: boolean;
  ocspRemoteAdmin?: boolean;
  webEnrollmentCallback?: boolean;
  tiers: Record<string, OracleTier | undefined>;
  customFlows?: OracleCustomFlow[];
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

/**
 * The instances of `ces` or `cep` with their authentication filled in: "the default is one
 * instance on 443 with the estate's `cesAuthentication` (default `kerberos`), which stays the
 * default authentication of any instance that omits it".
 */
export function oracleInstances(spec: OracleSpec, tier: 'ces' | 'cep'): Required<OracleInstance>[] {
  const auth = spec.cesAuthentication ?? 'kerberos';
  const t = spec.tiers[tier];
  if (t === undefined) return [];
  return (t.instances ?? [{ port: 443 }]).map((i) => ({ port: i.port, authentication: i.authentication ?? auth }));
}

const tcp = (a: number, b = a): PortSpec => ['tcp', [a, b]];
const udp = (a: number, b = a): PortSpec => ['udp', [a, b]];

/**
 * The expected flows, as `id|from|to|protocol` → merged port intervals (empty for ICMP).
 */
export function oracleFlows(spec: OracleSpec): Map<string, Interval[]> {
  const has = (t: string): boolean => spec.tiers[t] !== undefined;
  const direct = spec.directEnrollment ?? true;
  const dcEnrollment = spec.dcEnrollment ?? true;
  const withAuth = (tier: 'ces' | 'cep', a: string): boolean => oracleInstances(spec, tier).some((i) => i.authentication === a);

  // DCOM(CA): TCP 135 plus either DYN of the CA or the static port.
  const dcom: PortSpec[] = [tcp(135), spec.dcomPort !== undefined ? tcp(spec.dcomPort) : ['tcp', oracleDyn(spec, 'ca')]];
  // DIRECTORY: 88 and 464 TCP+UDP, 389 TCP+UDP, 636 TCP, 3268-3269 TCP, 53 TCP+UDP.
  const directory: PortSpec[] = [tcp(88), udp(88), tcp(464), udp(464), tcp(389), udp(389), tcp(636), tcp(3268, 3269), tcp(53), udp(53)];
  // DIRECTORY-MINIMAL: DIRECTORY without 636 and 3269.
  const directoryMinimal: PortSpec[] = [tcp(88), udp(88), tcp(464), udp(464), tcp(389), udp(389), tcp(3268), tcp(53), udp(53)];
  // CLIENT-DIRECTORY: DIRECTORY, or DIRECTORY-MINIMAL with `clientDirectory: minimal`.
  const clientDirectory = spec.clientDirectory === 'minimal' ? directoryMinimal : directory;
  // CA-DC-RPC: TCP 445 and TCP 135 + DYN of the destination ("the `dc` tier's range for
  // `ca-dc-rpc`, the `accountDc` tier's for `cross-forest-rpc`").
  const caDcRpc = (to: 'dc' | 'accountDc'): PortSpec[] => [tcp(445), tcp(135), ['tcp', oracleDyn(spec, to)]];
  // MEMBER toward dc: NTP UDP 123, TCP 135 + DYN of the DC, SMB TCP 445.
  const member: PortSpec[] = [udp(123), tcp(135), ['tcp', oracleDyn(spec, 'dc')], tcp(445)];
  // TCP 135 + DYN of a destination (ocsp-admin-dcom, web-callback).
  const rpc = (to: string): PortSpec[] => [tcp(135), ['tcp', oracleDyn(spec, to)]];
  const servers = ['ca', 'ces', 'cep', 'webEnrollment', 'ndes', 'ocsp'];
  // server-crl sources: ca, ndes, dc, and ces/cep when one of their instances uses certificates.
  const crlSources = ['ca', 'ndes', 'dc', ...(['ces', 'cep'] as const).filter((t) => withAuth(t, 'certificate'))];
  // client-directory: direct enrollment, or webEnrollment, or a present ces/cep with a Kerberos instance.
  const clientDirectoryOn = direct || has('webEnrollment') || withAuth('ces', 'kerberos') || withAuth('cep', 'kerberos');
  // "a shared port gives one rule": the port set is a set.
  const instancePorts = (tier: 'ces' | 'cep'): PortSpec[] => oracleInstances(spec, tier).map((i) => tcp(i.port));

  // The Flows table, row by row: [id, sources, destination, condition, ports]. A row applies
  // only to present sources and a present destination.
  const rows: [string, string[], string, boolean, PortSpec[]][] = [
    ['enroll-dcom', ['clients'], 'ca', direct, dcom],
    ['dc-enroll-dcom', ['dc'], 'ca', dcEnrollment, dcom],
    ['ces-https', ['clients'], 'ces', true, instancePorts('ces')],
    ['cep-https', ['clients'], 'cep', true, instancePorts('cep')],
    ['ces-dcom', ['ces'], 'ca', true, dcom],
    ['web-https', ['clients'], 'webEnrollment', true, [tcp(443)]],
    ['web-dcom', ['webEnrollment'], 'ca', true, dcom],
    ['ndes-https', ['ndesClients'], 'ndes', true, spec.ndesHttp ? [tcp(443), tcp(80)] : [tcp(443)]],
    ['ndes-dcom', ['ndes'], 'ca', true, dcom],
    // "`ocsp` present and `ocspAutoEnroll` on (default)"
    ['ocsp-dcom', ['ocsp'], 'ca', spec.ocspAutoEnroll ?? true, dcom],
    ['admin-dcom', ['admins'], 'ca', true, dcom],
    // "`clients`, and `admins` when present"
    ['ocsp-http', ['clients', 'admins'], 'ocsp', true, [tcp(80)]],
    ['cdp-http', ['clients', 'admins'], 'cdp', true, [tcp(80)]],
    ['ocsp-crl', ['ocsp'], 'cdp', true, [tcp(80)]],
    ['server-crl', crlSources, 'cdp', true, [tcp(80)]],
    ['crl-publish-smb', ['ca'], 'cdp', spec.crlPublishing === 'smb', [tcp(445)]],
    ['directory', servers, 'dc', true, directory],
    ['client-directory', ['clients'], 'dc', clientDirectoryOn, clientDirectory],
    ['admin-directory', ['admins'], 'dc', true, directoryMinimal],
    ['ca-dc-rpc', ['ca'], 'dc', true, caDcRpc('dc')],
    // "`admins` present and `caSmb` on (default off)": TCP 445
    ['ca-smb', ['admins'], 'ca', spec.caSmb === true, [tcp(445)]],
    // "`admins` and `ocsp` present and `ocspRemoteAdmin` on (default off)": TCP 135 + DYN(ocsp)
    ['ocsp-admin-dcom', ['admins'], 'ocsp', spec.ocspRemoteAdmin === true, rpc('ocsp')],
    // "`webEnrollment` present and `webEnrollmentCallback` on (default off)": TCP 135 + DYN(webEnrollment)
    ['web-callback', ['ca'], 'webEnrollment', spec.webEnrollmentCallback === true, rpc('webEnrollment')],
    // "`ca`, `ces`, `cep` (each present)" to accountDc: DIRECTORY
    ['cross-forest-directory', ['ca', 'ces', 'cep'], 'accountDc', true, directory],
    ['cross-forest-rpc', ['ca'], 'accountDc', true, caDcRpc('accountDc')],
    // "`accountDc` present and `dcEnrollment` on": DCOM(CA)
    ['cross-forest-dc-enroll', ['accountDc'], 'ca', dcEnrollment, dcom],
    ['member', servers, 'dc', spec.domainMemberFlows === true, member],
  ];

  const out = new Map<string, Interval[]>();
  const add = (key: string, ivs: Interval[]): void => {
    out.set(key, [...(out.get(key) ?? []), ...ivs]);
  };
  for (const [id, froms, to, when, ports] of rows) {
    if (!when || !has(to)) continue;
    for (const from of froms) {
      if (!has(from)) continue;
      for (const [proto, iv] of ports) add(`${id}|${from}|${to}|${proto}`, [iv]);
    }
  }
  // Custom flows: like catalogue rows; ICMP has no ports (all ICMP types).
  for (const c of spec.customFlows ?? []) {
    const key = `custom:${c.name}|${c.from}|${c.to}|${c.protocol}`;
    add(key, c.protocol === 'icmp' ? [] : (c.ports ?? []).map((p) => rangeText(String(p))));
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
 * the port sets of one (from, to, protocol) are united (the "what counts"). A key
 * without ports prints once: `key|all` for ICMP, `key|none` otherwise (so a port-less TCP or
 * UDP flow cannot vanish from a comparison).
 */
export function portSetLines(groups: Map<string, Interval[]>, withIds = true): string[] {
  const regrouped = new Map<string, Interval[]>();
  for (const [k, v] of groups) {
    const key = withIds ? k : k.split('|').slice(1).join('|');
    regrouped.set(key, [...(regrouped.get(key) ?? []), ...v]);
  }
  const lines: string[] = [];
  for (const [k, v] of regrouped) {
    if (v.length === 0) lines.push(`${k}|${k.endsWith('|icmp') ? 'all' : 'none'}`);
    for (const [a, b] of mergeIntervals(v)) lines.push(`${k}|${a}-${b}`);
  }
  return lines.sort();
}

/** Rich estates for oracle comparisons: every tier, every option, both generations. */
export const ORACLE_ESTATES: Record<string, OracleSpec> = {
  // Every tier; legacy estate but modern DCs (the account forest's DCs keep the estate's
  // legacy range: their DYN is their own); CA pinned; no direct enrollment, but Web
  // Enrollment keeps client-directory on, narrowed to DIRECTORY-MINIMAL; CES on
  // username/password with a second certificate instance on 8443 (so CES fetches CRLs), CEP on
  // the estate's username/password (so it does not); member baseline, SMB publishing, SCEP over
  // HTTP, every opt-in row; custom TCP, UDP and ICMP flows.
  everything: {
    name: 'everything',
    osGeneration: 'legacy',
    dcomPort: 10509,
    directEnrollment: false,
    cesAuthentication: 'usernamePassword',
    clientDirectory: 'minimal',
    domainMemberFlows: true,
    crlPublishing: 'smb',
    ndesHttp: true,
    caSmb: true,
    ocspRemoteAdmin: true,
    webEnrollmentCallback: true,
    tiers: {
      clients: { cidrs: ['10.20.0.0/16', '10.21.0.0/16'] },
      ca: { cidrs: ['10.0.1.0/24'] },
      ces: { cidrs: ['10.0.2.0/24'], instances: [{ port: 443 }, { port: 8443, authentication: 'certificate' }] },
      cep: { cidrs: ['10.0.2.0/24'] },
      dc: { cidrs: ['10.0.0.0/24'], osGeneration: 'modern' },
      webEnrollment: { cidrs: ['10.0.3.0/24'] },
      ndes: { cidrs: ['10.0.4.0/24'] },
      ndesClients: { cidrs: ['10.40.0.0/16'] },
      ocsp: { cidrs: ['10.0.5.0/24'] },
      cdp: { cidrs: ['10.0.6.0/24'] },
      admins: { cidrs: ['10.0.9.0/28'] },
      accountDc: { cidrs: ['10.80.0.0/24'] },
    },
    customFlows: [
      { name: 'rdp', from: 'admins', to: 'ca', protocol: 'tcp', ports: ['3389'], purpose: 'RDP from the PAWs' },
      { name: 'winrm', from: 'admins', to: 'ca', protocol: 'tcp', ports: ['5985', 5986], purpose: 'WinRM' },
      { name: 'snmp', from: 'ca', to: 'ocsp', protocol: 'udp', ports: ['161-162'], purpose: 'monitoring' },
      { name: 'ping', from: 'admins', to: 'dc', protocol: 'icmp', purpose: 'monitoring ping' },
    ],
  },
  // CEP with a Kerberos instance (its authentication omitted, so the estate's kerberos) keeps
  // client-directory on without direct enrollment or Web Enrollment (CES, the enrollment path,
  // is on username/password and would not); the CEP certificate instance
  // on 8443 brings no server-crl (no cdp); DCs get no certificates from this CA; a legacy CA
  // beats the estate's RPC range; the DCs have their own range; NDES without devices; member on.
  cepKerberos: {
    name: 'cep-kerberos',
    rpcDynamicPorts: '5000-5199',
    directEnrollment: false,
    cesAuthentication: 'kerberos',
    dcEnrollment: false,
    domainMemberFlows: true,
    tiers: {
      clients: { cidrs: ['10.20.0.0/16'] },
      ca: { cidrs: ['10.0.1.0/24'], osGeneration: 'legacy' },
      ces: { cidrs: ['10.0.2.0/24'], instances: [{ port: 443, authentication: 'usernamePassword' }] },
      cep: { cidrs: ['10.0.2.0/24'], instances: [{ port: 443 }, { port: 8443, authentication: 'certificate' }] },
      dc: { cidrs: ['10.0.0.0/24'], rpcDynamicPorts: '6000-6199' },
      ndes: { cidrs: ['10.0.4.0/24'] },
      ocsp: { cidrs: ['10.0.5.0/24'] },
      admins: { cidrs: ['10.0.9.0/28'] },
    },
  },
  // Direct enrollment with CES on client certificates (default instance, so CES fetches CRLs);
  // a narrowed CA range holding the static port (legal, warned); legacy DCs; NDES with devices
  // but without HTTP (NDES fetches CRLs); OCSP and CDP; options spelled out at their defaults.
  directWithCertificateCes: {
    name: 'direct-cert',
    dcomPort: 50050,
    cesAuthentication: 'certificate',
    dcEnrollment: true,
    clientDirectory: 'full',
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
  // CES-only enrollment with two Kerberos instances on custom ports (no 443) and a
  // username/password one; CEP with a certificate instance only (CEP fetches CRLs, brings no
  // client-directory); admins with an ICMP custom flow toward the CA; cdp without SMB publishing.
  cesInstances: {
    name: 'ces-instances',
    directEnrollment: false,
    clientDirectory: 'minimal',
    tiers: {
      clients: { cidrs: ['10.20.0.0/16'] },
      ca: { cidrs: ['10.0.1.0/24'] },
      ces: { cidrs: ['10.0.2.0/24'], instances: [{ port: 4443 }, { port: 9443, authentication: 'kerberos' }, { port: 10443, authentication: 'usernamePassword' }] },
      cep: { cidrs: ['10.0.3.0/24'], instances: [{ port: 8443, authentication: 'certificate' }] },
      dc: { cidrs: ['10.0.0.0/24'] },
      cdp: { cidrs: ['10.0.6.0/24'] },
      admins: { cidrs: ['10.0.9.0/28'] },
    },
    customFlows: [
      { name: 'ping-ca', from: 'admins', to: 'ca', protocol: 'icmp', purpose: 'monitoring ping' },
      { name: 'ping-dc', from: 'admins', to: 'dc', protocol: 'icmp', purpose: 'LDAP client ping (KB 179442)' },
    ],
  },
  // Cross-forest enrollment (v2.1): two account-forest DC ranges with a narrowed RPC range of
  // their own, CES and CEP (Kerberos) authenticating the account forest's users, the DCs keeping
  // the modern default; responders whose signing certificates are enrolled by hand
  // (ocspAutoEnroll false: no ocsp-dcom); admins reaching cdp and ocsp on TCP 80.
  crossForest: {
    name: 'cross-forest',
    ocspAutoEnroll: false,
    tiers: {
      clients: { cidrs: ['10.20.0.0/16'] },
      ca: { cidrs: ['10.0.1.0/24'] },
      ces: { cidrs: ['10.0.2.0/24'] },
      cep: { cidrs: ['10.0.2.0/24'] },
      dc: { cidrs: ['10.0.0.0/24'] },
      ocsp: { cidrs: ['10.0.5.0/24'] },
      cdp: { cidrs: ['10.0.6.0/24'] },
      admins: { cidrs: ['10.0.9.0/28'] },
      accountDc: { cidrs: ['10.80.0.0/24', '10.81.0.0/24'], rpcDynamicPorts: '50000-50999' },
    },
  },
  // Key-based renewal as Microsoft's walkthrough deploys it: a username/password and a
  // certificate CES instance on one site and port (49999), CEP likewise; direct enrollment on; the
  // certificate instances make CES and CEP fetch CRLs. A shared port gives one rule.
  keyBasedRenewal: {
    name: 'key-based-renewal',
    tiers: {
      clients: { cidrs: ['10.20.0.0/16'] },
      ca: { cidrs: ['10.0.1.0/24'] },
      ces: { cidrs: ['10.0.2.0/24'], instances: [{ port: 49999, authentication: 'usernamePassword' }, { port: 49999, authentication: 'certificate' }] },
      cep: { cidrs: ['10.0.2.0/24'], instances: [{ port: 49999, authentication: 'certificate' }, { port: 49999, authentication: 'usernamePassword' }, { port: 443 }] },
      dc: { cidrs: ['10.0.0.0/24'] },
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

/**
 * One switch of the catalogue: the same estate with a row (or part of one) on and off. `lines`
 * are hand-written from the document: every one is in the `on` estate's flows and none is in the
 * `off` estate's.
 */
export interface OracleToggle {
  readonly name: string;
  readonly on: OracleSpec;
  readonly off: OracleSpec;
  readonly lines: readonly string[];
}

const CORE_TIERS: Record<string, OracleTier> = {
  clients: { cidrs: ['10.20.0.0/16'] },
  ca: { cidrs: ['10.0.1.0/24'] },
  dc: { cidrs: ['10.0.0.0/24'] },
};
const CDP: OracleTier = { cidrs: ['10.0.6.0/24'] };
/** An estate of the core plus `tiers`, with `options`. */
const estate = (options: Partial<OracleSpec>, tiers: Record<string, OracleTier> = {}): OracleSpec => ({
  name: 'toggle',
  ...options,
  tiers: { ...CORE_TIERS, ...tiers },
});
const MIN_TCP = ['tcp|88-88', 'tcp|464-464', 'tcp|389-389', 'tcp|3268-3268', 'tcp|53-53'];
const MIN_UDP = ['udp|88-88', 'udp|464-464', 'udp|389-389', 'udp|53-53'];
/** DIRECTORY-MINIMAL of one (id, from, to), hand-written. */
const minimal = (prefix: string): string[] => [...MIN_TCP, ...MIN_UDP].map((p) => `${prefix}|${p}`);
/** DIRECTORY of one (id, from, to), hand-written. */
const full = (prefix: string): string[] =>
  ['tcp|88-88', 'tcp|464-464', 'tcp|389-389', 'tcp|636-636', 'tcp|3268-3269', 'tcp|53-53', ...MIN_UDP].map((p) => `${prefix}|${p}`);
const CES_USER: OracleTier = { cidrs: ['10.0.2.0/24'], instances: [{ port: 443, authentication: 'usernamePassword' }] };

const OCSP: OracleTier = { cidrs: ['10.0.5.0/24'] };
const ADMINS: OracleTier = { cidrs: ['10.0.9.0/28'] };
const WEB: OracleTier = { cidrs: ['10.0.3.0/24'] };
const ACCOUNT_DC: OracleTier = { cidrs: ['10.80.0.0/24'] };

/** Every new row of v2 and v2.1 on and off under each option that switches it. */
export const ORACLE_TOGGLES: readonly OracleToggle[] = [
  {
    name: 'ocsp-dcom: ocspAutoEnroll default (true) vs false (signing certificate enrolled by hand)',
    on: estate({}, { ocsp: OCSP }),
    off: estate({ ocspAutoEnroll: false }, { ocsp: OCSP }),
    lines: ['ocsp-dcom|ocsp|ca|tcp|135-135', 'ocsp-dcom|ocsp|ca|tcp|49152-65535'],
  },
  {
    name: 'ocsp-dcom: ocspAutoEnroll true vs false with a pinned CA',
    on: estate({ ocspAutoEnroll: true, dcomPort: 10509 }, { ocsp: OCSP }),
    off: estate({ ocspAutoEnroll: false, dcomPort: 10509 }, { ocsp: OCSP }),
    lines: ['ocsp-dcom|ocsp|ca|tcp|135-135', 'ocsp-dcom|ocsp|ca|tcp|10509-10509'],
  },
  {
    name: 'ocsp-http and cdp-http from admins: admins present vs absent (ocsp and cdp present)',
    on: estate({}, { ocsp: OCSP, cdp: CDP, admins: ADMINS }),
    off: estate({}, { ocsp: OCSP, cdp: CDP }),
    lines: ['ocsp-http|admins|ocsp|tcp|80-80', 'cdp-http|admins|cdp|tcp|80-80'],
  },
  {
    name: 'ocsp-http from admins: ocsp present vs absent (admins present)',
    on: estate({}, { ocsp: OCSP, admins: ADMINS }),
    off: estate({}, { admins: ADMINS }),
    lines: ['ocsp-http|admins|ocsp|tcp|80-80', 'ocsp-http|clients|ocsp|tcp|80-80'],
  },
  {
    name: 'cdp-http from admins: cdp present vs absent (admins present)',
    on: estate({}, { cdp: CDP, admins: ADMINS }),
    off: estate({}, { admins: ADMINS }),
    lines: ['cdp-http|admins|cdp|tcp|80-80', 'cdp-http|clients|cdp|tcp|80-80'],
  },
  {
    name: 'ca-smb: caSmb true vs default (admins present)',
    on: estate({ caSmb: true }, { admins: ADMINS }),
    off: estate({}, { admins: ADMINS }),
    lines: ['ca-smb|admins|ca|tcp|445-445'],
  },
  {
    name: 'ocsp-admin-dcom: ocspRemoteAdmin true vs false, DYN of the responders (their own range)',
    on: estate({ ocspRemoteAdmin: true }, { ocsp: { cidrs: ['10.0.5.0/24'], rpcDynamicPorts: '40000-40999' }, admins: ADMINS }),
    off: estate({ ocspRemoteAdmin: false }, { ocsp: { cidrs: ['10.0.5.0/24'], rpcDynamicPorts: '40000-40999' }, admins: ADMINS }),
    lines: ['ocsp-admin-dcom|admins|ocsp|tcp|135-135', 'ocsp-admin-dcom|admins|ocsp|tcp|40000-40999'],
  },
  {
    name: 'web-callback: webEnrollmentCallback true vs default, DYN of legacy Web Enrollment hosts',
    on: estate({ webEnrollmentCallback: true }, { webEnrollment: { cidrs: ['10.0.3.0/24'], osGeneration: 'legacy' } }),
    off: estate({}, { webEnrollment: { cidrs: ['10.0.3.0/24'], osGeneration: 'legacy' } }),
    lines: ['web-callback|ca|webEnrollment|tcp|135-135', 'web-callback|ca|webEnrollment|tcp|1024-65535'],
  },
  {
    name: 'web-callback: on with a modern estate vs off (Web Enrollment present both times)',
    on: estate({ webEnrollmentCallback: true }, { webEnrollment: WEB }),
    off: estate({ webEnrollmentCallback: false }, { webEnrollment: WEB }),
    lines: ['web-callback|ca|webEnrollment|tcp|135-135', 'web-callback|ca|webEnrollment|tcp|49152-65535'],
  },
  {
    name: 'cross-forest rows: accountDc present vs absent (CES and CEP present)',
    on: estate({}, { ces: { cidrs: ['10.0.2.0/24'] }, cep: { cidrs: ['10.0.2.0/24'] }, accountDc: ACCOUNT_DC }),
    off: estate({}, { ces: { cidrs: ['10.0.2.0/24'] }, cep: { cidrs: ['10.0.2.0/24'] } }),
    lines: [
      ...full('cross-forest-directory|ca|accountDc'), ...full('cross-forest-directory|ces|accountDc'), ...full('cross-forest-directory|cep|accountDc'),
      'cross-forest-rpc|ca|accountDc|tcp|135-135', 'cross-forest-rpc|ca|accountDc|tcp|445-445', 'cross-forest-rpc|ca|accountDc|tcp|49152-65535',
      'cross-forest-dc-enroll|accountDc|ca|tcp|135-135', 'cross-forest-dc-enroll|accountDc|ca|tcp|49152-65535',
    ],
  },
  {
    name: 'cross-forest-dc-enroll: dcEnrollment true vs false (accountDc present)',
    on: estate({ dcEnrollment: true }, { accountDc: ACCOUNT_DC }),
    off: estate({ dcEnrollment: false }, { accountDc: ACCOUNT_DC }),
    lines: ['cross-forest-dc-enroll|accountDc|ca|tcp|135-135', 'cross-forest-dc-enroll|accountDc|ca|tcp|49152-65535'],
  },
  {
    name: 'cross-forest-rpc: the DYN of accountDc is its own (legacy account forest vs modern, the DCs modern both times)',
    on: estate({}, { accountDc: { cidrs: ['10.80.0.0/24'], osGeneration: 'legacy' } }),
    off: estate({}, { accountDc: ACCOUNT_DC }),
    lines: ['cross-forest-rpc|ca|accountDc|tcp|1024-65535'],
  },
  {
    name: 'cross-forest-rpc: the DCs\' own range does not reach accountDc (dc narrowed vs not)',
    on: estate({}, { dc: { cidrs: ['10.0.0.0/24'], rpcDynamicPorts: '6000-6199' }, accountDc: ACCOUNT_DC }),
    off: estate({}, { accountDc: ACCOUNT_DC }),
    lines: ['ca-dc-rpc|ca|dc|tcp|6000-6199'],
  },
  {
    name: 'shared port: a certificate CES instance on the port of the Kerberos one vs the Kerberos one alone',
    on: estate({}, { ces: { cidrs: ['10.0.2.0/24'], instances: [{ port: 443 }, { port: 443, authentication: 'certificate' }] }, cdp: CDP }),
    off: estate({}, { ces: { cidrs: ['10.0.2.0/24'], instances: [{ port: 443 }] }, cdp: CDP }),
    lines: ['server-crl|ces|cdp|tcp|80-80'],
  },
  {
    name: 'dc-enroll-dcom: dcEnrollment default (true) vs false',
    on: estate({}),
    off: estate({ dcEnrollment: false }),
    lines: ['dc-enroll-dcom|dc|ca|tcp|135-135', 'dc-enroll-dcom|dc|ca|tcp|49152-65535'],
  },
  {
    name: 'dc-enroll-dcom: dcEnrollment true vs false with CES-only enrollment, a pinned legacy CA',
    on: estate({ dcEnrollment: true, directEnrollment: false, osGeneration: 'legacy', dcomPort: 20000, cesAuthentication: 'usernamePassword' }, { ces: CES_USER }),
    off: estate({ dcEnrollment: false, directEnrollment: false, osGeneration: 'legacy', dcomPort: 20000, cesAuthentication: 'usernamePassword' }, { ces: CES_USER }),
    lines: ['dc-enroll-dcom|dc|ca|tcp|135-135', 'dc-enroll-dcom|dc|ca|tcp|20000-20000'],
  },
  {
    name: 'server-crl of ca and dc: cdp present vs absent',
    on: estate({}, { cdp: CDP }),
    off: estate({}),
    lines: ['server-crl|ca|cdp|tcp|80-80', 'server-crl|dc|cdp|tcp|80-80'],
  },
  {
    name: 'server-crl of dc does not hang on dcEnrollment: dcEnrollment false, cdp present vs absent',
    on: estate({ dcEnrollment: false }, { cdp: CDP }),
    off: estate({ dcEnrollment: false }),
    lines: ['server-crl|ca|cdp|tcp|80-80', 'server-crl|dc|cdp|tcp|80-80'],
  },
  {
    name: 'server-crl of ndes: ndes with cdp vs ndes without cdp',
    on: estate({}, { ndes: { cidrs: ['10.0.4.0/24'] }, cdp: CDP }),
    off: estate({}, { ndes: { cidrs: ['10.0.4.0/24'] } }),
    lines: ['server-crl|ndes|cdp|tcp|80-80', 'server-crl|ca|cdp|tcp|80-80'],
  },
  {
    name: 'server-crl of ndes: cdp with ndes vs cdp without ndes',
    on: estate({}, { ndes: { cidrs: ['10.0.4.0/24'] }, cdp: CDP }),
    off: estate({}, { cdp: CDP }),
    lines: ['server-crl|ndes|cdp|tcp|80-80'],
  },
  {
    name: 'server-crl of ces: a certificate instance vs Kerberos and username/password instances only',
    on: estate({}, { ces: { cidrs: ['10.0.2.0/24'], instances: [{ port: 443, authentication: 'kerberos' }, { port: 8443, authentication: 'certificate' }] }, cdp: CDP }),
    off: estate({}, { ces: { cidrs: ['10.0.2.0/24'], instances: [{ port: 443, authentication: 'kerberos' }, { port: 8443, authentication: 'usernamePassword' }] }, cdp: CDP }),
    lines: ['server-crl|ces|cdp|tcp|80-80'],
  },
  {
    name: 'server-crl of ces: certificate instance with cdp vs without cdp',
    on: estate({}, { ces: { cidrs: ['10.0.2.0/24'], instances: [{ port: 8443, authentication: 'certificate' }] }, cdp: CDP }),
    off: estate({}, { ces: { cidrs: ['10.0.2.0/24'], instances: [{ port: 8443, authentication: 'certificate' }] } }),
    lines: ['server-crl|ces|cdp|tcp|80-80', 'server-crl|ca|cdp|tcp|80-80', 'server-crl|dc|cdp|tcp|80-80'],
  },
  {
    name: 'server-crl of ces: default instance on cesAuthentication certificate vs kerberos',
    on: estate({ cesAuthentication: 'certificate' }, { ces: { cidrs: ['10.0.2.0/24'] }, cdp: CDP }),
    off: estate({ cesAuthentication: 'kerberos' }, { ces: { cidrs: ['10.0.2.0/24'] }, cdp: CDP }),
    lines: ['server-crl|ces|cdp|tcp|80-80'],
  },
  {
    name: 'server-crl of cep: an instance omitting authentication inherits certificate vs inherits username/password',
    on: estate({ cesAuthentication: 'certificate' }, { cep: { cidrs: ['10.0.3.0/24'], instances: [{ port: 8443 }] }, cdp: CDP }),
    off: estate({ cesAuthentication: 'usernamePassword' }, { cep: { cidrs: ['10.0.3.0/24'], instances: [{ port: 8443 }] }, cdp: CDP }),
    lines: ['server-crl|cep|cdp|tcp|80-80'],
  },
  {
    name: 'server-crl of cep: a certificate instance vs none (CES certificate does not make CEP fetch)',
    on: estate({}, { ces: { cidrs: ['10.0.2.0/24'], instances: [{ port: 443, authentication: 'certificate' }] }, cep: { cidrs: ['10.0.2.0/24'], instances: [{ port: 443, authentication: 'certificate' }] }, cdp: CDP }),
    off: estate({}, { ces: { cidrs: ['10.0.2.0/24'], instances: [{ port: 443, authentication: 'certificate' }] }, cep: { cidrs: ['10.0.2.0/24'], instances: [{ port: 443, authentication: 'kerberos' }] }, cdp: CDP }),
    lines: ['server-crl|cep|cdp|tcp|80-80'],
  },
  {
    name: 'admin-directory: admins present vs absent',
    on: estate({}, { admins: { cidrs: ['10.0.9.0/28'] } }),
    off: estate({}),
    lines: minimal('admin-directory|admins|dc'),
  },
  {
    name: 'admin-directory stays DIRECTORY-MINIMAL under clientDirectory minimal: admins present vs absent',
    on: estate({ clientDirectory: 'minimal' }, { admins: { cidrs: ['10.0.9.0/28'] } }),
    off: estate({ clientDirectory: 'minimal' }),
    lines: minimal('admin-directory|admins|dc'),
  },
  {
    name: 'client-directory: clientDirectory full (default) vs minimal: LDAPS and GC over TLS',
    on: estate({}),
    off: estate({ clientDirectory: 'minimal' }),
    lines: ['client-directory|clients|dc|tcp|636-636', 'client-directory|clients|dc|tcp|3268-3269'],
  },
  {
    name: 'client-directory: clientDirectory full vs minimal with Web Enrollment only (server tiers keep DIRECTORY)',
    on: estate({ clientDirectory: 'full', directEnrollment: false }, { webEnrollment: { cidrs: ['10.0.3.0/24'] } }),
    off: estate({ clientDirectory: 'minimal', directEnrollment: false }, { webEnrollment: { cidrs: ['10.0.3.0/24'] } }),
    lines: ['client-directory|clients|dc|tcp|636-636', 'client-directory|clients|dc|tcp|3268-3269'],
  },
  {
    name: 'client-directory: clientDirectory minimal vs absent client-directory (direct enrollment on vs off, CES username/password)',
    on: estate({ clientDirectory: 'minimal', cesAuthentication: 'usernamePassword' }, { ces: CES_USER }),
    off: estate({ clientDirectory: 'minimal', directEnrollment: false, cesAuthentication: 'usernamePassword' }, { ces: CES_USER }),
    lines: minimal('client-directory|clients|dc'),
  },
  {
    name: 'client-directory: directEnrollment false with webEnrollment present vs absent',
    on: estate({ directEnrollment: false, cesAuthentication: 'usernamePassword' }, { ces: CES_USER, webEnrollment: { cidrs: ['10.0.3.0/24'] } }),
    off: estate({ directEnrollment: false, cesAuthentication: 'usernamePassword' }, { ces: CES_USER }),
    lines: full('client-directory|clients|dc'),
  },
  {
    name: 'client-directory: directEnrollment false, a Kerberos CES instance present vs absent',
    on: estate({ directEnrollment: false }, { ces: { cidrs: ['10.0.2.0/24'], instances: [{ port: 443, authentication: 'usernamePassword' }, { port: 8443, authentication: 'kerberos' }] } }),
    off: estate({ directEnrollment: false }, { ces: { cidrs: ['10.0.2.0/24'], instances: [{ port: 443, authentication: 'usernamePassword' }, { port: 8443, authentication: 'certificate' }] } }),
    lines: full('client-directory|clients|dc'),
  },
  {
    name: 'client-directory: directEnrollment false, a CEP instance omitting authentication (kerberos by default) vs username/password',
    on: estate({ directEnrollment: false, clientDirectory: 'minimal' }, { cep: { cidrs: ['10.0.3.0/24'], instances: [{ port: 443 }] }, ces: CES_USER }),
    off: estate({ directEnrollment: false, clientDirectory: 'minimal' }, { cep: { cidrs: ['10.0.3.0/24'], instances: [{ port: 443, authentication: 'usernamePassword' }] }, ces: CES_USER }),
    lines: minimal('client-directory|clients|dc'),
  },
  {
    name: 'client-directory: directEnrollment false, default CES instance on cesAuthentication kerberos vs certificate',
    on: estate({ directEnrollment: false, cesAuthentication: 'kerberos' }, { ces: { cidrs: ['10.0.2.0/24'] } }),
    off: estate({ directEnrollment: false, cesAuthentication: 'certificate' }, { ces: { cidrs: ['10.0.2.0/24'] } }),
    lines: full('client-directory|clients|dc'),
  },
  {
    name: 'ces-https instance ports: two instances vs the default one (443)',
    on: estate({}, { ces: { cidrs: ['10.0.2.0/24'], instances: [{ port: 443, authentication: 'kerberos' }, { port: 8443, authentication: 'certificate' }] } }),
    off: estate({}, { ces: { cidrs: ['10.0.2.0/24'] } }),
    lines: ['ces-https|clients|ces|tcp|8443-8443'],
  },
  {
    name: 'ces-https instance ports: the default instance vs one instance on 9443 (no 443)',
    on: estate({}, { ces: { cidrs: ['10.0.2.0/24'] } }),
    off: estate({}, { ces: { cidrs: ['10.0.2.0/24'], instances: [{ port: 9443 }] } }),
    lines: ['ces-https|clients|ces|tcp|443-443'],
  },
  {
    name: 'cep-https instance ports: an instance on 9443 vs the default one (443)',
    on: estate({}, { cep: { cidrs: ['10.0.3.0/24'], instances: [{ port: 443 }, { port: 9443, authentication: 'usernamePassword' }] } }),
    off: estate({}, { cep: { cidrs: ['10.0.3.0/24'] } }),
    lines: ['cep-https|clients|cep|tcp|9443-9443'],
  },
  {
    name: 'ICMP custom flow: present vs absent',
    on: estate({ customFlows: [{ name: 'ping', from: 'admins', to: 'dc', protocol: 'icmp', purpose: 'ping' }] }, { admins: { cidrs: ['10.0.9.0/28'] } }),
    off: estate({ customFlows: [{ name: 'rdp', from: 'admins', to: 'ca', protocol: 'tcp', ports: [3389], purpose: 'RDP' }] }, { admins: { cidrs: ['10.0.9.0/28'] } }),
    lines: ['custom:ping|admins|dc|icmp|all'],
  },
];
