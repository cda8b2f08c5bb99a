import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Estate } from '../../lib/model/estate';
import { flowsOf } from '../../lib/model/flows';
import { CesAuthentication, ClientDirectory, CrlPublishing, OsGeneration } from '../../lib/model/options';
import { PortRange } from '../../lib/model/port-range';
import { Protocol } from '../../lib/model/protocol';
import { dcomToCa, dynamicRangeOf, generationRange, rpcTo } from '../../lib/model/port-sets';
import { EstateProps } from '../../lib/input/props';
import { resolveSpec } from '../../lib/spec';

/** A model estate built directly (no spec validation in the way). */
function modelEstate(over: Partial<Estate> = {}, tierOver: Partial<Record<'ca' | 'dc', object>> = {}): Estate {
  const tier = (key: 'clients' | 'ca' | 'dc', cidr: string) => ({ key, cidrs: [cidr], enforcement: { kind: 'none' as const }, ...(tierOver as Record<string, object>)[key] });
  return {
    name: 't', osGeneration: OsGeneration.MODERN, directEnrollment: true, cesAuthentication: CesAuthentication.KERBEROS,
    dcEnrollment: true, clientDirectory: ClientDirectory.FULL,
    domainMemberFlows: false, crlPublishing: CrlPublishing.NONE, ndesHttp: false, customFlows: [],
    ocspAutoEnroll: true, caSmb: false, ocspRemoteAdmin: false, webEnrollmentCallback: false,
    tiers: { clients: tier('clients', '10.20.0.0/16'), ca: tier('ca', '10.0.1.0/24'), dc: tier('dc', '10.0.0.0/24') },
    ...over,
  };
}

const r = (text: string): PortRange => PortRange.parse(Protocol.TCP, text)!;

function props(extra: Record<string, unknown>, tiers: Record<string, object> = {}): EstateProps {
  return {
    ...extra,
    tiers: {
      clients: { cidrs: ['10.20.0.0/16'] }, ca: { cidrs: ['10.0.1.0/24'], ...tiers.ca }, dc: { cidrs: ['10.0.0.0/24'], ...tiers.dc },
      ...(tiers.ces ? { ces: { cidrs: ['10.0.2.0/24'], ...tiers.ces } } : {}),
    },
  } as unknown as EstateProps;
}

/** `id from: ports` of the TCP flows of a spec. */
function tcpFlows(p: EstateProps): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of flowsOf(resolveSpec(p, 'test').estate)) if (f.protocol === 'tcp') out[`${f.id} ${f.from}`] = f.ports.join(',');
  return out;
}

describe('OS generation ranges', () => {
  it('modern is TCP 49152-65535 and legacy TCP 1024-65535', () => {
    // GIVEN the generations  THEN their ranges are the KB values
    assert.equal(generationRange(OsGeneration.MODERN).toLabel(), 'TCP 49152-65535');
    assert.equal(generationRange(OsGeneration.LEGACY).toLabel(), 'TCP 1024-65535');
  });

  it('a legacy estate widens DCOM and RPC to 1024-65535; a modern one does not', () => {
    // GIVEN the same estate, modern then legacy  WHEN flows are computed
    const modern = tcpFlows(props({}));
    const legacy = tcpFlows(props({ osGeneration: 'legacy' }));
    // THEN DCOM to the CA and RPC to the DC follow the generation
    assert.equal(modern['enroll-dcom clients'], '135,49152-65535');
    assert.equal(modern['ca-dc-rpc ca'], '135,445,49152-65535');
    assert.equal(legacy['enroll-dcom clients'], '135,1024-65535');
    assert.equal(legacy['ca-dc-rpc ca'], '135,445,1024-65535');
  });

  it('the dynamic range of a flow is its destination\'s: legacy CA, modern DCs', () => {
    // GIVEN a legacy CA tier in a modern estate  WHEN flows are computed
    const f = tcpFlows(props({}, { ca: { osGeneration: 'legacy' } }));
    // THEN flows toward the CA use 1024-65535, flows toward the DCs 49152-65535
    assert.equal(f['enroll-dcom clients'], '135,1024-65535');
    assert.equal(f['ca-dc-rpc ca'], '135,445,49152-65535');
  });

  it('legacy DCs and a modern CA: only flows toward dc widen', () => {
    // GIVEN legacy DCs, member flows on  WHEN flows are computed
    const f = tcpFlows(props({ domainMemberFlows: true }, { dc: { osGeneration: 'legacy' } }));
    // THEN ca-dc-rpc and member use the DCs' legacy range, DCOM keeps the CA's modern one
    assert.equal(f['ca-dc-rpc ca'], '135,445,1024-65535');
    assert.equal(f['member ca'], '135,445,1024-65535');
    assert.equal(f['enroll-dcom clients'], '135,49152-65535');
  });
});

describe('DYN precedence: tier rpcDynamicPorts > tier osGeneration > estate rpcDynamicPorts > estate osGeneration', () => {
  const cases: [string, Partial<Estate>, object, string, string][] = [
    ['estate osGeneration only (legacy)', { osGeneration: OsGeneration.LEGACY }, {}, '1024-65535', 'osGeneration'],
    ['estate rpcDynamicPorts beats estate osGeneration', { osGeneration: OsGeneration.LEGACY, rpcDynamicPorts: r('5000-5200') }, {}, '5000-5200', 'rpcDynamicPorts'],
    ['tier osGeneration beats estate rpcDynamicPorts', { rpcDynamicPorts: r('5000-5200') }, { osGeneration: OsGeneration.LEGACY }, '1024-65535', 'tiers.ca.osGeneration'],
    ['tier osGeneration (modern) beats estate legacy', { osGeneration: OsGeneration.LEGACY }, { osGeneration: OsGeneration.MODERN }, '49152-65535', 'tiers.ca.osGeneration'],
    ['tier rpcDynamicPorts beats tier osGeneration and both estate settings',
      { osGeneration: OsGeneration.LEGACY, rpcDynamicPorts: r('5000-5200') }, { osGeneration: OsGeneration.LEGACY, rpcDynamicPorts: r('7000-7999') }, '7000-7999', 'tiers.ca.rpcDynamicPorts'],
    ['nothing set: modern', {}, {}, '49152-65535', 'osGeneration'],
  ];
  for (const [name, estateOver, caOver, range, from] of cases) {
    it(name, () => {
      // GIVEN the settings on the estate and on the CA tier
      const e = modelEstate(estateOver, { ca: caOver });
      // WHEN the CA's dynamic range is resolved
      const d = dynamicRangeOf(e, 'ca');
      // THEN the most specific setting wins, and is named
      assert.equal(d.range.toString(), range);
      assert.equal(d.from, from);
      assert.deepEqual(dcomToCa(e).map(String), ['135', range]);
    });
  }

  it('a tier override concerns only that tier', () => {
    // GIVEN an override on the CA only  THEN the DCs keep the estate's range
    const e = modelEstate({ rpcDynamicPorts: r('5000-5200') }, { ca: { rpcDynamicPorts: r('7000-7999') } });
    assert.equal(dynamicRangeOf(e, 'dc').range.toString(), '5000-5200');
    assert.deepEqual(rpcTo(e, 'dc').map(String), ['135', '5000-5200']);
  });

  it('through the spec: the same precedence from YAML-like props', () => {
    // GIVEN an estate range, a legacy CA and a DC range  WHEN flows are computed
    const f = tcpFlows(props({ rpcDynamicPorts: '5000-5199' }, { ca: { osGeneration: 'legacy' }, dc: { rpcDynamicPorts: '6000-6199' } }));
    // THEN DCOM to the CA uses the CA's generation, RPC to the DCs the DCs' range
    assert.equal(f['enroll-dcom clients'], '135,1024-65535');
    assert.equal(f['ca-dc-rpc ca'], '135,445,6000-6199');
  });
});

describe('static DCOM port', () => {
  it('replaces the CA\'s dynamic range on every DCOM flow, keeping TCP 135', () => {
    // GIVEN a pinned CA and every DCOM source  WHEN flows are computed
    const p = { dcomPort: 10509, osGeneration: 'legacy', tiers: {
      clients: { cidrs: ['10.20.0.0/16'] }, ca: { cidrs: ['10.0.1.0/24'] }, dc: { cidrs: ['10.0.0.0/24'] }, ces: { cidrs: ['10.0.2.0/24'] },
      webEnrollment: { cidrs: ['10.0.3.0/24'] }, ndes: { cidrs: ['10.0.4.0/24'] }, ocsp: { cidrs: ['10.0.5.0/24'] }, admins: { cidrs: ['10.0.9.0/28'] },
    } } as unknown as EstateProps;
    const f = tcpFlows(p);
    // THEN each DCOM row is exactly 135 + 10509
    for (const k of ['enroll-dcom clients', 'dc-enroll-dcom dc', 'ces-dcom ces', 'web-dcom webEnrollment', 'ndes-dcom ndes', 'ocsp-dcom ocsp', 'admin-dcom admins']) {
      assert.equal(f[k], '135,10509', k);
    }
  });

  it('does not touch flows toward dc: ca-dc-rpc and member keep the DC\'s DYN', () => {
    // GIVEN a pinned CA, legacy DCs and member flows  WHEN flows are computed
    const f = tcpFlows(props({ dcomPort: 10509, domainMemberFlows: true }, { dc: { osGeneration: 'legacy' } }));
    // THEN RPC toward the DCs is 135 + 1024-65535, never 10509
    assert.equal(f['ca-dc-rpc ca'], '135,445,1024-65535');
    assert.equal(f['member ca'], '135,445,1024-65535');
    assert.equal(f['enroll-dcom clients'], '135,10509');
  });

  it('a pinned port inside the CA range still replaces the range (not added to it)', () => {
    // GIVEN dcomPort 50000 with a modern CA  THEN DCOM is 135 + 50000 only
    assert.equal(tcpFlows(props({ dcomPort: 50000 }))['enroll-dcom clients'], '135,50000');
  });
});
