import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { AdcsInputError } from '../../lib/errors';
import {
  CERTSVC_PROGRAM, CERTSVC_SERVICE, HostBinding, hostConfig, hostFirewallRules, LSASS_PROGRAM, OCSPSVC_PROGRAM, OCSPSVC_SERVICE,
  RPCSS_PROGRAM, RPCSS_SERVICE, SYSTEM_PROGRAM,
} from '../../lib/host/host-config';
import { hostConfigJson } from '../../lib/host/render';
import { renderPowerShell } from '../../lib/host/powershell';
import { Estate, presentTiers } from '../../lib/model/estate';
import { Flow, flowsOf } from '../../lib/model/flows';
import { dynamicRangeOf } from '../../lib/model/port-sets';
import { normalizePortRanges, PortRange } from '../../lib/model/port-range';
import { Protocol } from '../../lib/model/protocol';
import { TierKey } from '../../lib/model/tiers';
import { EstateProps } from '../../lib/input/props';
import { loadSpecFile } from '../../lib/spec';
import { resolveSpec } from '../../lib/spec';
import { AZURE_EXAMPLE_SPEC } from '../../examples/azure';
import { AWS_EXAMPLE_SPEC } from '../../examples/aws';
import { azureEstate, grown, hostEstate } from '../support/arbitrary';
import { richAzure } from '../support/estates';
import { hostProps, tierProps } from '../support/fixtures';
import { parseScript, PsValue } from './support/ps-data';

/** A rule as both outputs carry it, for comparing them. */
interface PlainRule {
  name: string; protocol: string; localPorts: string[]; remoteAddresses: string[]; program?: string; service?: string; description: string;
}

const estateOf = (props: EstateProps): Estate => resolveSpec(props, 'test').estate;
const RUNS = Number(process.env.PROPERTY_RUNS ?? 150);

/** What the rules allow: per source CIDR and protocol, the normalized ports ("" for ICMP); `RPC` is the range `rpc`, which the script checks on the host. */
function allowed(rules: readonly PlainRule[], rpc?: string): Map<string, string> {
  const acc = new Map<string, PortRange[] | null>();
  for (const r of rules) {
    for (const cidr of r.remoteAddresses) {
      const key = `${cidr} ${r.protocol}`;
      if (r.protocol === 'icmp') { assert.deepEqual(r.localPorts, [], `${r.name}: ICMP has no ports`); acc.set(key, null); continue; }
      const proto = r.protocol === 'udp' ? Protocol.UDP : Protocol.TCP;
      const ranges = r.localPorts.map((p) => {
        if (p === 'RPC' && rpc !== undefined) {
          assert.deepEqual([r.program, r.service], [CERTSVC_PROGRAM, CERTSVC_SERVICE], `${r.name}: the RPC keyword only on CertSvc's rule`);
          return PortRange.parse(proto, rpc)!;
        }
        assert.match(p, /^\d+(-\d+)?$/, `${r.name}: numeric ports only, got ${p}`);
        return PortRange.parse(proto, p)!;
      });
      acc.set(key, [...(acc.get(key) ?? []), ...ranges]);
    }
  }
  return new Map([...acc].map(([k, v]) => [k, v === null ? '' : normalizePortRanges(v).join(',')]));
}

/** What the flows toward `tier` need, in the same form. */
function needed(estate: Estate, tier: TierKey, flows: readonly Flow[] = flowsOf(estate)): Map<string, string> {
  const rules: PlainRule[] = flows.filter((f) => f.to === tier).map((f) => ({
    name: f.id, protocol: (f.protocol as string) === 'icmp' ? 'icmp' : f.protocol, localPorts: f.ports.map(String),
    remoteAddresses: [...estate.tiers[f.from]!.cidrs], description: '',
  }));
  return allowed(rules);
}

const sorted = (m: Map<string, string>): [string, string][] => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** The rules of the JSON output. */
function jsonRules(estate: Estate, tier: TierKey): PlainRule[] {
  const doc = JSON.parse(JSON.stringify(hostConfigJson(hostConfig(estate, tier)))) as { firewallRules: any[] };
  return doc.firewallRules.map((r) => {
    assert.equal(r.direction, 'inbound');
    const { name, protocol, localPorts, remoteAddresses, program, service, description } = r;
    return { name, protocol, localPorts, remoteAddresses, ...(program ? { program } : {}), ...(service ? { service } : {}), description };
  });
}

/** The rules of the PowerShell output, parsed back from its data block. */
function psRules(estate: Estate, tier: TierKey): PlainRule[] {
  const script = parseScript(renderPowerShell(hostConfig(estate, tier)));
  const str = (v: PsValue | undefined): string => { assert.equal(typeof v, 'string'); return v as string; };
  const arr = (v: PsValue | undefined): string[] => { assert.ok(Array.isArray(v)); return (v as PsValue[]).map(str); };
  return script.rules.map((r) => {
    const protocol = ({ TCP: 'tcp', UDP: 'udp', ICMPv4: 'icmp' } as Record<string, string>)[str(r.Protocol)];
    assert.ok(protocol, `protocol ${String(r.Protocol)}`);
    return {
      name: str(r.Name), protocol, localPorts: arr(r.LocalPort), remoteAddresses: arr(r.RemoteAddress),
      ...(r.Program !== undefined ? { program: str(r.Program) } : {}), ...(r.Service !== undefined ? { service: str(r.Service) } : {}),
      description: str(r.Description),
    };
  });
}

/** Every host-configuration property of one estate's tiers. */
function assertExact(estate: Estate): void {
  for (const t of presentTiers(estate)) {
    const fromJson = jsonRules(estate, t.key);
    // THEN the JSON rules allow exactly the flows toward the tier (the RPC keyword: the tier's range, which the script checks)
    const keyword = estate.host?.rpcKeyword && t.key === 'ca' && estate.dcomPort === undefined ? String(dynamicRangeOf(estate, 'ca').range) : undefined;
    assert.deepEqual(sorted(allowed(fromJson, keyword)), sorted(needed(estate, t.key)), `tier ${t.key}`);
    // AND the PowerShell carries the same rules
    assert.deepEqual(psRules(estate, t.key), fromJson, `tier ${t.key}: PowerShell and JSON agree`);
    // AND names are unique, the group is the tier's own
    assert.equal(new Set(fromJson.map((r) => r.name)).size, fromJson.length);
    assert.equal(hostConfig(estate, t.key).group, `adcs-firewall ${estate.name} ${t.key}`);
  }
}

describe('host: firewall rules', () => {
  it('allow exactly the flows toward each tier of the examples, in JSON and PowerShell', () => {
    // GIVEN both examples  WHEN every tier's host configuration is rendered  THEN exact, and the same in both formats
    for (const file of [AZURE_EXAMPLE_SPEC, AWS_EXAMPLE_SPEC]) assertExact(loadSpecFile(file).estate);
    assertExact(estateOf(richAzure()));
  });

  it('allow exactly the flows toward each tier of random estates', () => {
    fc.assert(fc.property(hostEstate(), (props) => { assertExact(estateOf(props)); }), { numRuns: RUNS });
  });

  it('bind the DCOM port to certsrv.exe/CertSvc and TCP 135 to svchost.exe/RpcSs, apart from other ports', () => {
    // GIVEN the rich estate with a custom RDP flow admins → ca, without and with a static DCOM port
    for (const dcomPort of [undefined, 10509]) {
      const estate = estateOf(richAzure({ dcomPort }));
      const rules = hostFirewallRules(estate, 'ca');
      const second = dcomPort === undefined ? '49152-65535' : '10509';
      // THEN each DCOM source has a CertSvc rule on the DCOM port and an RpcSs rule on 135
      for (const from of ['clients', 'ces', 'webEnrollment', 'ndes', 'ocsp', 'admins']) {
        const dcom = rules.find((r) => r.name === `adcs-pki-ca-in-${from}-tcp-certsvc`)!;
        assert.deepEqual([dcom.localPorts, dcom.program, dcom.service], [[second], CERTSVC_PROGRAM, CERTSVC_SERVICE], from);
        const epm = rules.find((r) => r.name === `adcs-pki-ca-in-${from}-tcp-rpcss`)!;
        assert.deepEqual([epm.localPorts, epm.program, epm.service], [['135'], RPCSS_PROGRAM, RPCSS_SERVICE], from);
      }
      // AND the custom RDP flow is its own unbound rule
      const rdp = rules.find((r) => r.name === 'adcs-pki-ca-in-admins-tcp')!;
      assert.deepEqual([rdp.localPorts, rdp.program, rdp.service, rdp.flows], [['3389'], undefined, undefined, ['custom:rdp']]);
      // AND the description names the flows
      assert.match(rules.find((r) => r.name === 'adcs-pki-ca-in-clients-tcp-certsvc')!.description, /enroll-dcom/);
    }
  });

  it('toward the DCs: 135 bound to RpcSs, the DCs\' dynamic range to lsass.exe, 445 to System, the directory ports unbound', () => {
    const rules = hostFirewallRules(estateOf(richAzure()), 'dc');
    const fromCa = rules.filter((r) => r.from === 'ca');
    assert.deepEqual(fromCa.map((r) => [r.name, r.localPorts, r.program, r.service, r.flows]), [
      ['adcs-pki-dc-in-ca-tcp-rpcss', ['135'], RPCSS_PROGRAM, RPCSS_SERVICE, ['ca-dc-rpc']],
      ['adcs-pki-dc-in-ca-tcp-lsass', ['49152-65535'], '%SystemRoot%\\System32\\lsass.exe', undefined, ['ca-dc-rpc']],
      ['adcs-pki-dc-in-ca-tcp-system', ['445'], 'System', undefined, ['ca-dc-rpc']],
      ['adcs-pki-dc-in-ca-tcp', ['53', '88', '389', '464', '636', '3268-3269'], undefined, undefined, ['directory']],
      ['adcs-pki-dc-in-ca-udp', ['53', '88', '389', '464'], undefined, undefined, ['directory']],
    ]);
    assert.equal(LSASS_PROGRAM, '%SystemRoot%\\System32\\lsass.exe');
    assert.equal(SYSTEM_PROGRAM, 'System');
    // AND the domain-member baseline's RPC and SMB get the same bindings, from every server tier
    const member = hostFirewallRules(estateOf(richAzure({ domainMemberFlows: true })), 'dc').filter((r) => r.from === 'ocsp');
    assert.deepEqual(member.map((r) => [r.binding, r.localPorts]), [
      [HostBinding.RPCSS, ['135']], [HostBinding.LSASS, ['49152-65535']], [HostBinding.SYSTEM, ['445']],
      [HostBinding.NONE, ['53', '88', '389', '464', '636', '3268-3269']], [HostBinding.NONE, ['53', '88', '123', '389', '464']],
    ]);
    // AND a legacy DC tier binds its own range
    const legacy = estateOf({ ...richAzure(), tiers: { ...richAzure().tiers, dc: tierProps({ cidrs: ['10.0.0.0/24'], osGeneration: 'legacy' }) } });
    assert.deepEqual(hostFirewallRules(legacy, 'dc').find((r) => r.name === 'adcs-pki-dc-in-ca-tcp-lsass')!.localPorts, ['1024-65535']);
  });

  it('TCP 445 toward the CDP hosts (CRL publishing over SMB) is System\'s', () => {
    const rule = hostFirewallRules(estateOf(richAzure()), 'cdp').find((r) => r.flows.includes('crl-publish-smb'))!;
    assert.deepEqual([rule.name, rule.localPorts, rule.program, rule.service], ['adcs-pki-cdp-in-ca-tcp-system', ['445'], 'System', undefined]);
  });

  it('DCOM to an Online Responder binds its dynamic range to ocspsvc.exe/OCSPSvc (a catalogue flow admins -> ocsp, as ocsp-admin-dcom is)', () => {
    // GIVEN the Online Responder Management flow of Catalogue v2.1 (TCP 135 + DYN(ocsp)), as the catalogue will have it
    const estate = estateOf(richAzure());
    const dyn = dynamicRangeOf(estate, 'ocsp').range;
    const flow: Flow = { id: 'ocsp-admin-dcom', custom: false, from: 'admins', to: 'ocsp', protocol: Protocol.TCP,
      ports: [PortRange.tcp(135), dyn], purpose: 'Online Responder Management', reference: '[MS-OCSPA] 2.1' };
    const rules = hostFirewallRules(estate, 'ocsp', [...flowsOf(estate), flow]).filter((r) => r.flows.includes('ocsp-admin-dcom'));
    assert.deepEqual(rules.map((r) => [r.name, r.localPorts, r.program, r.service]), [
      ['adcs-pki-ocsp-in-admins-tcp-rpcss', ['135'], RPCSS_PROGRAM, RPCSS_SERVICE],
      ['adcs-pki-ocsp-in-admins-tcp-ocspsvc', ['49152-65535'], OCSPSVC_PROGRAM, OCSPSVC_SERVICE],
    ]);
    assert.deepEqual([OCSPSVC_PROGRAM, OCSPSVC_SERVICE], ['%SystemRoot%\\System32\\ocspsvc.exe', 'OCSPSvc']);
    // AND no note: the listener is documented
    assert.deepEqual(hostConfig(estate, 'ocsp', [...flowsOf(estate), flow]).notes, []);
  });

  it('where the listener is undocumented (web-callback), the rule is unbound and the script says so', () => {
    // GIVEN the CA's call back to a Web Enrollment host over RPC (TCP 135 + DYN(webEnrollment)), as the catalogue will have it
    const estate = estateOf(richAzure());
    const flow: Flow = { id: 'web-callback', custom: false, from: 'ca', to: 'webEnrollment', protocol: Protocol.TCP,
      ports: [PortRange.tcp(135), dynamicRangeOf(estate, 'webEnrollment').range], purpose: 'callback', reference: 'Gradenegger' };
    const flows = [...flowsOf(estate), flow];
    const config = hostConfig(estate, 'webEnrollment', flows);
    const rules = config.firewallRules.filter((r) => r.from === 'ca');
    // THEN 135 is RpcSs's, the dynamic range has no program
    assert.deepEqual(rules.map((r) => [r.name, r.localPorts, r.program]), [
      ['adcs-pki-webEnrollment-in-ca-tcp-rpcss', ['135'], RPCSS_PROGRAM],
      ['adcs-pki-webEnrollment-in-ca-tcp', ['49152-65535'], undefined],
    ]);
    // AND a note with its rule id names the flow and the rule, in JSON and in the script
    assert.deepEqual(config.notes.map((n) => [n.ruleId, n.message]), [['ADCS-W314',
      'the process that serves web-callback on the webEnrollment hosts is not documented, so rule adcs-pki-webEnrollment-in-ca-tcp is bound to no program: it opens its ports to every program']]);
    assert.deepEqual(parseScript(renderPowerShell(config)).notes, [`[ADCS-W314] tiers.webEnrollment: ${config.notes[0].message}`]);
    // AND the script compares the host's range with the spec's, which the rule opens
    assert.deepEqual(config.rpcRangeCheck, { range: '49152-65535', from: 'osGeneration' });
  });

  it('host.rpcKeyword: the unpinned CA\'s DCOM rule is -LocalPort RPC bound to certsrv.exe; a pinned CA keeps its one port', () => {
    const keyword = estateOf({ ...richAzure(), host: { rpcKeyword: true } });
    const dcom = hostFirewallRules(keyword, 'ca').filter((r) => r.binding === HostBinding.CERTSVC);
    assert.ok(dcom.length > 0);
    for (const r of dcom) assert.deepEqual([r.localPorts, r.program, r.service], [['RPC'], CERTSVC_PROGRAM, CERTSVC_SERVICE], r.name);
    // AND 135 stays numeric, other tiers stay numeric
    assert.ok(hostFirewallRules(keyword, 'ca').filter((r) => r.binding !== HostBinding.CERTSVC).every((r) => !r.localPorts.includes('RPC')));
    assert.ok(hostFirewallRules(keyword, 'dc').every((r) => !r.localPorts.includes('RPC')));
    // AND the script checks the host's range against the CA's
    assert.deepEqual(hostConfig(keyword, 'ca').rpcRangeCheck, { range: '49152-65535', from: 'osGeneration' });
    // AND the PowerShell says RPC
    assert.deepEqual(parseScript(renderPowerShell(hostConfig(keyword, 'ca'))).rules.find((r) => r.Name === 'adcs-pki-ca-in-clients-tcp-certsvc')!.LocalPort, ['RPC']);
    // GIVEN a pinned CA  THEN its one port, and a warning says the keyword changes nothing
    const pinned = resolveSpec({ ...richAzure({ dcomPort: 10509 }), host: { rpcKeyword: true } }, 'test');
    const pinnedDcom = hostFirewallRules(pinned.estate, 'ca').filter((r) => r.binding === HostBinding.CERTSVC);
    assert.ok(pinnedDcom.length > 0 && pinnedDcom.every((r) => r.localPorts.length === 1 && r.localPorts[0] === '10509'));
    assert.deepEqual(pinned.warnings.filter((w) => w.ruleId === 'ADCS-W313').map((w) => [w.path, w.message]),
      [['host.rpcKeyword', 'host.rpcKeyword is true but the CA is pinned to TCP 10509 (dcomPort): its rule keeps that one port, so the keyword changes nothing']]);
  });

  it('render ICMP flows as ICMPv4 without ports (custom flows of Catalogue v2)', () => {
    // GIVEN an ICMP flow admins → dc, as the model will have it (protocol "icmp", no ports)
    const estate = estateOf(richAzure());
    const icmp: Flow = { id: 'custom:ping', custom: true, from: 'admins', to: 'dc', protocol: 'icmp' as Protocol, ports: [], purpose: 'ping', reference: 'KB 179442' };
    const flows = [...flowsOf(estate), icmp];
    // WHEN the DC rules are built from these flows
    const rules = hostFirewallRules(estate, 'dc', flows);
    const rule = rules.find((r) => r.protocol === Protocol.ICMP)!;
    // THEN one ICMP rule from the admins' CIDRs, with no ports, and still exactly the flows
    assert.deepEqual([rule.name, rule.localPorts, rule.remoteAddresses, rule.flows], ['adcs-pki-dc-in-admins-icmp', [], ['10.0.9.0/28'], ['custom:ping']]);
    const plain = rules.map((r) => ({ name: r.name, protocol: r.protocol, localPorts: [...r.localPorts], remoteAddresses: [...r.remoteAddresses], description: '' }));
    assert.deepEqual(sorted(allowed(plain)), sorted(needed(estate, 'dc', flows)));
    // AND PowerShell says ICMPv4 with an empty port list
    const ps = renderPowerShell({ ...hostConfig(estate, 'dc'), firewallRules: rules });
    const line = parseScript(ps).rules.find((r) => r.Name === 'adcs-pki-dc-in-admins-icmp')!;
    assert.deepEqual([line.Protocol, line.LocalPort], ['ICMPv4', []]);
  });

  it('keep their names when a CIDR or a tier is added (names come from content)', () => {
    fc.assert(fc.property(azureEstate(), fc.integer({ min: 1, max: 60 }), (props, n) => {
      const before = estateOf(props);
      const { moreCidrs, moreTiers } = grown(props, n);
      for (const t of presentTiers(before)) {
        const old = hostFirewallRules(before, t.key);
        // GIVEN one more client CIDR  THEN the same rule names
        assert.deepEqual(hostFirewallRules(estateOf(moreCidrs), t.key).map((r) => r.name), old.map((r) => r.name));
        // GIVEN one more tier  THEN every old rule is still there, unchanged
        const after = new Map(hostFirewallRules(estateOf(moreTiers), t.key).map((r) => [r.name, r]));
        for (const r of old) assert.deepEqual(after.get(r.name), r, r.name);
      }
    }), { numRuns: 60 });
  });

  it('keep co-located tiers apart: CEP\'s group and names never touch CES\'s', () => {
    const estate = loadSpecFile(AZURE_EXAMPLE_SPEC).estate;
    const ces = hostConfig(estate, 'ces');
    const cep = hostConfig(estate, 'cep');
    assert.notEqual(ces.group, cep.group);
    const cesNames = new Set(ces.firewallRules.map((r) => r.name));
    // CEP's one inbound flow is cep-https from the clients: one rule, named for CEP, not CES
    assert.deepEqual(cep.firewallRules.map((r) => r.name), ['adcs-pki-weu-cep-in-clients-tcp']);
    assert.ok(cep.firewallRules.every((r) => !cesNames.has(r.name)));
  });

  it('refuse a tier the estate does not have, naming the tiers it has', () => {
    const estate = loadSpecFile(AWS_EXAMPLE_SPEC).estate;
    assert.throws(() => hostConfig(estate, 'ndes'), (e: unknown) => e instanceof AdcsInputError
      && /tier: the estate has no "ndes" tier, so it has no host configuration; give one of its tiers \(clients, ca, ces, cep, dc, admins\)/.test(e.message));
  });
});

const RPC_KEY = 'HKLM\\SOFTWARE\\Microsoft\\Rpc\\Internet';
const APPID_KEY = 'HKLM\\SOFTWARE\\Classes\\AppID\\{D99E6E74-FC88-11D0-B498-00A0C90312F3}';
const RPC_NAMES = ['Ports', 'PortsInternetAvailable', 'UseInternetPorts'];

/** The tiers on which the estate asks for the machine-wide RPC range, by the rule of the catalogue's host half. */
function rpcRangeTiers(estate: Estate): TierKey[] {
  const mode = estate.host?.writeRpcRange ?? 'none';
  const named: TierKey[] = mode === 'ca' ? ['ca'] : mode === 'caAndDc' ? ['ca', 'dc'] : [];
  return named.filter((t) => estate.tiers[t] !== undefined
    && !(t === 'ca' && estate.dcomPort !== undefined)
    && /rpcDynamicPorts$/.test(dynamicRangeOf(estate, t).from));
}

describe('host: registry values', () => {
  it('pin the CA with dcomPort: Endpoints under the CertSrv Request AppID, then a CertSvc restart; no other tier', () => {
    const estate = loadSpecFile(AZURE_EXAMPLE_SPEC).estate;
    const ca = hostConfigJson(hostConfig(estate, 'ca')) as any;
    assert.deepEqual(ca.registry.map((v: any) => [v.path, v.name, v.type, v.value, v.restart, v.createKey]), [
      [APPID_KEY, 'Endpoints', 'REG_MULTI_SZ', ['ncacn_ip_tcp,0,10509'], { kind: 'service', service: 'CertSvc' }, false],
    ]);
    assert.deepEqual(ca.restarts.map((r: any) => [r.kind, r.service]), [['service', 'CertSvc']]);
    assert.equal(ca.pinnedPort, 10509);
    // AND no other tier gets it, or says anything of it
    for (const t of presentTiers(estate).filter((x) => x.key !== 'ca')) {
      const c = hostConfig(estate, t.key);
      assert.deepEqual([c.registry, c.registryAbsent.filter((v) => v.name === 'Endpoints'), c.pinnedPort], [[], [], undefined], t.key);
    }
  });

  it('a CA without dcomPort: Endpoints must be absent, removed where the script recorded writing it, reported otherwise', () => {
    const ca = hostConfigJson(hostConfig(estateOf(richAzure()), 'ca')) as any;
    assert.deepEqual(ca.registry, []);
    assert.deepEqual(ca.registryAbsent.filter((v: any) => v.name === 'Endpoints'), [{
      path: APPID_KEY, name: 'Endpoints', restart: { kind: 'service', service: 'CertSvc' }, ifNotRecorded: 'report',
      reason: 'no dcomPort: the network rules open 135 and the CA\'s dynamic range, so a pin left behind breaks DCOM enrollment',
    }]);
    assert.equal(ca.pinnedPort, undefined);
  });

  it('an estate-wide rpcDynamicPorts writes nothing anywhere by default: every tier has the RPC values absent, and the script compares the range', () => {
    // GIVEN the README's "5000-5200" and no host block
    const estate = estateOf(richAzure({ rpcDynamicPorts: '5000-5200' }));
    for (const t of presentTiers(estate)) {
      const c = hostConfigJson(hostConfig(estate, t.key)) as any;
      // THEN no tier writes the range, and each says its three values must be absent (as far as adcs-firewall wrote them)
      assert.deepEqual(c.registry.filter((v: any) => v.path === RPC_KEY), [], t.key);
      assert.deepEqual(c.registryAbsent.filter((v: any) => v.path === RPC_KEY).map((v: any) => [v.name, v.ifNotRecorded, v.restart.kind]),
        RPC_NAMES.map((n) => [n, 'compareRange', 'reboot']), t.key);
    }
    // AND where the tier's rules open its dynamic range, the script compares the host's range with the spec's
    assert.deepEqual(hostConfig(estate, 'ca').rpcRangeCheck, { range: '5000-5200', from: 'rpcDynamicPorts' });
    assert.deepEqual(hostConfig(estate, 'dc').rpcRangeCheck, { range: '5000-5200', from: 'rpcDynamicPorts' });
    assert.equal(hostConfig(estate, 'clients').rpcRangeCheck, undefined);
    assert.equal(hostConfig(estate, 'cdp').rpcRangeCheck, undefined);
  });

  it('host.writeRpcRange ca: the unpinned CA only; caAndDc: also the DCs, with KB 224196\'s pointer; never elsewhere', () => {
    for (const [mode, tiers] of [['ca', ['ca']], ['caAndDc', ['ca', 'dc']]] as const) {
      const estate = estateOf({ ...richAzure({ rpcDynamicPorts: '5000-5200' }), host: hostProps({ writeRpcRange: mode }) });
      for (const t of presentTiers(estate)) {
        const c = hostConfig(estate, t.key);
        const rpc = c.registry.filter((v) => v.path === RPC_KEY);
        if ((tiers as readonly string[]).includes(t.key)) {
          assert.deepEqual(rpc.map((v) => [v.name, v.type, v.value, v.createKey, v.needs.kind]), [
            ['Ports', 'REG_MULTI_SZ', ['5000-5200'], true, 'reboot'], ['PortsInternetAvailable', 'REG_SZ', ['Y'], true, 'reboot'],
            ['UseInternetPorts', 'REG_SZ', ['Y'], true, 'reboot']], `${mode} ${t.key}`);
          assert.equal(c.rpcRangeCheck, undefined, 'written, not compared');
        } else {
          assert.deepEqual(rpc, [], `${mode} ${t.key}`);
        }
      }
      // AND on the DCs, a note points at KB 224196's per-service ports
      const dcNotes = hostConfig(estate, 'dc').notes.map((n) => n.ruleId);
      assert.deepEqual(dcNotes, mode === 'caAndDc' ? ['ADCS-W312'] : [], mode);
      assert.match(hostConfig(estate, 'dc').registry.map((v) => v.reason).join(' '), mode === 'caAndDc' ? /KB 224196/ : /^$/);
    }
  });

  it('host.writeRpcRange never writes a pinned CA\'s or a default range, and says so', () => {
    // GIVEN caAndDc with a pinned CA and DCs of their OS generation's range
    const r = resolveSpec({ ...richAzure({ dcomPort: 10509, rpcDynamicPorts: '5000-5200' }), tiers: { ...richAzure().tiers, dc: tierProps({ cidrs: ['10.0.0.0/24'], osGeneration: 'modern' }) },
      host: hostProps({ writeRpcRange: 'caAndDc' }) }, 'test');
    // THEN neither is written
    assert.deepEqual(hostConfig(r.estate, 'ca').registry.map((v) => v.name), ['Endpoints']);
    assert.deepEqual(hostConfig(r.estate, 'dc').registry, []);
    // AND two warnings say why
    assert.deepEqual(r.warnings.filter((w) => /^ADCS-W31[01]$/.test(w.ruleId)).map((w) => [w.ruleId, w.path, w.message]), [
      ['ADCS-W311', 'host.writeRpcRange', 'host.writeRpcRange is "caAndDc" but the CA is pinned to TCP 10509 (dcomPort): its DCOM port is set by Endpoints, and KB 154596 restricts the machine-wide range "only if the RPC server does not offer a way to define the server port"; the script writes no RPC range on the CA'],
      ['ADCS-W310', 'host.writeRpcRange', 'host.writeRpcRange is "caAndDc" but the RPC range 49152-65535 of tier dc comes from tiers.dc.osGeneration, the default: there is nothing to narrow, so the script writes no RPC range on dc; give the range its admins chose as rpcDynamicPorts (or tiers.dc.rpcDynamicPorts)'],
    ]);
  });

  it('random estates: no tier gets the RPC range unless asked, and then only the CA (unpinned) and under caAndDc the DCs; a CA without dcomPort removes the pin; the PowerShell carries the same', () => {
    fc.assert(fc.property(hostEstate(), (props) => {
      const estate = estateOf(props);
      const asked = rpcRangeTiers(estate);
      for (const t of presentTiers(estate)) {
        const c = hostConfigJson(hostConfig(estate, t.key)) as any;
        const written = c.registry.filter((v: any) => v.path === RPC_KEY).map((v: any) => v.name);
        const absent = c.registryAbsent.filter((v: any) => v.path === RPC_KEY).map((v: any) => v.name);
        // THEN the range is written exactly where asked, and must be absent everywhere else
        assert.deepEqual([written, absent], asked.includes(t.key) ? [RPC_NAMES, []] : [[], RPC_NAMES], `${t.key} (${JSON.stringify(props.host)})`);
        if (asked.includes(t.key)) assert.deepEqual(c.registry.find((v: any) => v.name === 'Ports').value, [String(dynamicRangeOf(estate, t.key).range)]);
        // AND Endpoints: written on a pinned CA, absent on an unpinned one, nowhere else
        const endpoints = [c.registry.some((v: any) => v.name === 'Endpoints'), c.registryAbsent.some((v: any) => v.name === 'Endpoints')];
        assert.deepEqual(endpoints, t.key !== 'ca' ? [false, false] : estate.dcomPort !== undefined ? [true, false] : [false, true], t.key);
        // AND the script's data block says the same
        const ps = parseScript(renderPowerShell(hostConfig(estate, t.key)));
        assert.deepEqual(ps.registry.map((v) => [v.Path, v.Name, v.Value]), c.registry.map((v: any) => [v.path, v.name, Array.isArray(v.value) ? v.value : [v.value]]));
        assert.deepEqual(ps.absent.map((v) => [v.Path, v.Name, v.IfNotRecorded]), c.registryAbsent.map((v: any) => [v.path, v.name, v.ifNotRecorded === 'report' ? 'Report' : 'CompareRange']));
        assert.equal(ps.vars.CaPort, estate.dcomPort !== undefined && t.key === 'ca' ? String(estate.dcomPort) : '');
      }
    }), { numRuns: RUNS });
  });

  it('PowerShell carries the same registry values and restarts', () => {
    const estate = estateOf({ ...richAzure({ dcomPort: 10509, rpcDynamicPorts: '5000-5200' }), host: hostProps({ writeRpcRange: 'caAndDc' }) });
    assert.deepEqual(parseScript(renderPowerShell(hostConfig(estate, 'ca'))).registry, [
      { Path: APPID_KEY, Name: 'Endpoints', Type: 'MultiString', Value: ['ncacn_ip_tcp,0,10509'], Restart: 'CertSvc', CreateKey: false },
    ]);
    assert.deepEqual(parseScript(renderPowerShell(hostConfig(estate, 'dc'))).registry, [
      { Path: RPC_KEY, Name: 'Ports', Type: 'MultiString', Value: ['5000-5200'], Restart: 'Reboot', CreateKey: true },
      { Path: RPC_KEY, Name: 'PortsInternetAvailable', Type: 'String', Value: ['Y'], Restart: 'Reboot', CreateKey: true },
      { Path: RPC_KEY, Name: 'UseInternetPorts', Type: 'String', Value: ['Y'], Restart: 'Reboot', CreateKey: true },
    ]);
  });
});

describe('host: predefined rule groups', () => {
  const groups = (estate: Estate, tier: TierKey): [string, string, string | undefined][] =>
    hostConfig(estate, tier).predefinedGroups.map((g) => [g.displayGroup, g.disable ? 'disable' : 'report', g.advice]);

  it('by default every group is reported, never disabled; a DC\'s with the DC advice', () => {
    const estate = estateOf(richAzure());
    assert.deepEqual(groups(estate, 'ca'), [
      ['Certification Authority', 'report', 'option'], ['Active Directory Domain Services', 'report', 'dc'],
      ['World Wide Web Services (HTTP)', 'report', 'option'], ['Secure World Wide Web Services (HTTPS)', 'report', 'option'],
    ]);
    assert.ok(groups(estate, 'dc').every(([, action, advice]) => action === 'report' && advice === 'dc'));
  });

  it('host.disablePredefinedRules: the CA\'s group on the CA, the IIS groups whose port the tier\'s rules open; never on a DC', () => {
    const estate = estateOf({ ...richAzure({ domainMemberFlows: true }), host: { disablePredefinedRules: true } });
    assert.deepEqual(groups(estate, 'ca'), [
      ['Certification Authority', 'disable', undefined], ['Active Directory Domain Services', 'report', 'dc'],
      ['World Wide Web Services (HTTP)', 'report', 'uncovered'], ['Secure World Wide Web Services (HTTPS)', 'report', 'uncovered'],
    ]);
    // CES: 443 only; NDES with SCEP over HTTP: 80 and 443; OCSP and CDP: 80
    assert.deepEqual(groups(estate, 'ces').slice(2).map(([, a]) => a), ['report', 'disable']);
    assert.deepEqual(groups(estate, 'ndes').slice(2).map(([, a]) => a), ['disable', 'disable']);
    assert.deepEqual(groups(estate, 'ocsp').slice(2).map(([, a]) => a), ['disable', 'report']);
    assert.deepEqual(groups(estate, 'cdp').slice(2).map(([, a]) => a), ['disable', 'report']);
    assert.deepEqual(groups(estate, 'dc').map(([, a, advice]) => [a, advice]), Array(4).fill(['report', 'dc']));
    // AND the script carries the same, with the report text of each
    const ps = parseScript(renderPowerShell(hostConfig(estate, 'ca')));
    assert.deepEqual(ps.predefined.map((g) => [g.DisplayGroup, g.Names, g.Disable]), [
      ['Certification Authority', 'Microsoft-Windows-CertificateServices-CertSvc-*', true], ['Active Directory Domain Services', '', false],
      ['World Wide Web Services (HTTP)', 'IIS-WebServerRole-HTTP-In-TCP', false], ['Secure World Wide Web Services (HTTPS)', 'IIS-WebServerRole-HTTPS-In-TCP', false],
    ]);
    assert.match(ps.predefined[1].Report as string, /^\[ADCS-W323\] the predefined rule group 'Active Directory Domain Services' has enabled inbound rules \(\{0\}\): .*a DC serves far more than AD CS/);
  });
});
