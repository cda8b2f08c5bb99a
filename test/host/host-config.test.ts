import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { AdcsInputError } from '../../lib/errors';
import {
  CERTSVC_PROGRAM, CERTSVC_SERVICE, hostConfig, hostFirewallRules, RPCSS_PROGRAM, RPCSS_SERVICE,
} from '../../lib/host/host-config';
import { hostConfigJson } from '../../lib/host/render';
import { renderPowerShell } from '../../lib/host/powershell';
import { Estate, presentTiers } from '../../lib/model/estate';
import { Flow, flowsOf } from '../../lib/model/flows';
import { normalizePortRanges, PortRange } from '../../lib/model/port-range';
import { Protocol } from '../../lib/model/protocol';
import { TierKey } from '../../lib/model/tiers';
import { EstateProps } from '../../lib/input/props';
import { loadSpecFile } from '../../lib/spec';
import { resolveSpec } from '../../lib/spec';
import { AZURE_EXAMPLE_SPEC } from '../../examples/azure';
import { AWS_EXAMPLE_SPEC } from '../../examples/aws';
import { azureEstate, grown } from '../support/arbitrary';
import { richAzure } from '../support/estates';
import { tierProps } from '../support/fixtures';
import { parseScript, PsValue } from './support/ps-data';

/** A rule as both outputs carry it, for comparing them. */
interface PlainRule {
  name: string; protocol: string; localPorts: string[]; remoteAddresses: string[]; program?: string; service?: string; description: string;
}

const estateOf = (props: EstateProps): Estate => resolveSpec(props, 'test').estate;

/** What the rules allow: per source CIDR and protocol, the normalized ports ("" for ICMP). */
function allowed(rules: readonly PlainRule[]): Map<string, string> {
  const acc = new Map<string, PortRange[] | null>();
  for (const r of rules) {
    for (const cidr of r.remoteAddresses) {
      const key = `${cidr} ${r.protocol}`;
      if (r.protocol === 'icmp') { assert.deepEqual(r.localPorts, [], `${r.name}: ICMP has no ports`); acc.set(key, null); continue; }
      const proto = r.protocol === 'udp' ? Protocol.UDP : Protocol.TCP;
      const ranges = r.localPorts.map((p) => {
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
    // THEN the JSON rules allow exactly the flows toward the tier
    assert.deepEqual(sorted(allowed(fromJson)), sorted(needed(estate, t.key)), `tier ${t.key}`);
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
    fc.assert(fc.property(azureEstate(), (props) => { assertExact(estateOf(props)); }), { numRuns: 150 });
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

  it('toward the DCs: 135 bound to RpcSs, the DCs\' dynamic range and the directory ports unbound', () => {
    const rules = hostFirewallRules(estateOf(richAzure()), 'dc');
    const fromCa = rules.filter((r) => r.from === 'ca');
    assert.deepEqual(fromCa.map((r) => r.name), ['adcs-pki-dc-in-ca-tcp-rpcss', 'adcs-pki-dc-in-ca-tcp', 'adcs-pki-dc-in-ca-udp']);
    assert.deepEqual([fromCa[0].localPorts, fromCa[0].service, fromCa[0].flows], [['135'], RPCSS_SERVICE, ['ca-dc-rpc']]);
    // (the directory ports and the DCs' dynamic range share one unbound rule, whatever else the catalogue adds to it)
    const tcp = fromCa[1];
    for (const p of ['88', '389', '3268-3269', '49152-65535']) assert.ok(tcp.localPorts.includes(p), p);
    assert.ok(!tcp.localPorts.includes('135'));
    assert.deepEqual([tcp.flows.includes('directory'), tcp.flows.includes('ca-dc-rpc'), tcp.program, tcp.service], [true, true, undefined, undefined]);
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

describe('host: registry values', () => {
  it('pin the CA with dcomPort: Endpoints under the CertSrv Request AppID, then a CertSvc restart', () => {
    const estate = loadSpecFile(AZURE_EXAMPLE_SPEC).estate;
    const ca = hostConfigJson(hostConfig(estate, 'ca')) as any;
    assert.deepEqual(ca.registry.map((v: any) => [v.path, v.name, v.type, v.value]), [
      ['HKLM\\SOFTWARE\\Classes\\AppID\\{D99E6E74-FC88-11D0-B498-00A0C90312F3}', 'Endpoints', 'REG_MULTI_SZ', ['ncacn_ip_tcp,0,10509']],
    ]);
    assert.deepEqual(ca.restarts.map((r: any) => [r.kind, r.service]), [['service', 'CertSvc']]);
    // AND no other tier gets it
    for (const t of presentTiers(estate).filter((x) => x.key !== 'ca')) assert.deepEqual(hostConfig(estate, t.key).registry, [], t.key);
    // AND without dcomPort the CA gets none
    assert.deepEqual(hostConfig(estateOf(richAzure()), 'ca').registry, []);
  });

  it('narrow the RPC range of KB 154596 where rpcDynamicPorts decides it, with a reboot', () => {
    // GIVEN an estate range, a DC range of its own, and a CDP tier of legacy servers (its generation wins over the estate range)
    const props = richAzure({ rpcDynamicPorts: '5000-5200' });
    const estate = estateOf({ ...props, tiers: { ...props.tiers, dc: { cidrs: ['10.0.0.0/24'], rpcDynamicPorts: '50000-50999' }, cdp: tierProps({ cidrs: ['10.0.3.0/24'], osGeneration: 'legacy' }) } });
    const rpc = (tier: TierKey): unknown => (hostConfigJson(hostConfig(estate, tier)) as any).registry
      .filter((v: any) => v.path === 'HKLM\\SOFTWARE\\Microsoft\\Rpc\\Internet').map((v: any) => [v.name, v.type, v.value]);
    assert.deepEqual(rpc('ca'), [['Ports', 'REG_MULTI_SZ', ['5000-5200']], ['PortsInternetAvailable', 'REG_SZ', 'Y'], ['UseInternetPorts', 'REG_SZ', 'Y']]);
    assert.deepEqual((rpc('dc') as any)[0], ['Ports', 'REG_MULTI_SZ', ['50000-50999']]);
    assert.deepEqual(rpc('cdp'), []);
    assert.deepEqual(hostConfig(estate, 'ca').restarts.map((r) => r.kind), ['reboot']);
    // AND the range the registry sets is the range the CA's DCOM rules open
    assert.deepEqual(hostFirewallRules(estate, 'ca').find((r) => r.name === 'adcs-pki-ca-in-clients-tcp-certsvc')!.localPorts, ['5000-5200']);
  });

  it('PowerShell carries the same registry values and restarts', () => {
    const estate = estateOf(richAzure({ dcomPort: 10509, rpcDynamicPorts: '5000-5200' }));
    const script = parseScript(renderPowerShell(hostConfig(estate, 'ca')));
    assert.deepEqual(script.registry, [
      { Path: 'HKLM\\SOFTWARE\\Classes\\AppID\\{D99E6E74-FC88-11D0-B498-00A0C90312F3}', Name: 'Endpoints', Type: 'MultiString', Value: ['ncacn_ip_tcp,0,10509'], Restart: 'CertSvc' },
      { Path: 'HKLM\\SOFTWARE\\Microsoft\\Rpc\\Internet', Name: 'Ports', Type: 'MultiString', Value: ['5000-5200'], Restart: 'Reboot' },
      { Path: 'HKLM\\SOFTWARE\\Microsoft\\Rpc\\Internet', Name: 'PortsInternetAvailable', Type: 'String', Value: ['Y'], Restart: 'Reboot' },
      { Path: 'HKLM\\SOFTWARE\\Microsoft\\Rpc\\Internet', Name: 'UseInternetPorts', Type: 'String', Value: ['Y'], Restart: 'Reboot' },
    ]);
  });
});
