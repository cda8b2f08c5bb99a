import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EstateProps } from '../../lib/input/props';
import { resolveSpec } from '../../lib/spec';

function props(extra: Record<string, unknown>, tiers: Record<string, object> = {}): EstateProps {
  return {
    ...extra,
    tiers: { clients: { cidrs: ['10.20.0.0/16'] }, ca: { cidrs: ['10.0.1.0/24'], ...tiers.ca }, dc: { cidrs: ['10.0.0.0/24'], ...tiers.dc } },
  } as unknown as EstateProps;
}

/** `code@path` of each warning. */
function codes(p: EstateProps): string[] {
  return resolveSpec(p, 'test').warnings.map((w) => `${w.ruleId}@${w.path}`);
}

describe('estate warnings', () => {
  it('no settings, no warnings', () => {
    // GIVEN the core estate  THEN silent
    assert.deepEqual(codes(props({})), []);
  });

  it('a static port outside the CA range: only the MS-ICPR note', () => {
    // GIVEN dcomPort 10509 with a modern CA  THEN one warning, about MS-ICPR
    const w = resolveSpec(props({ dcomPort: 10509 }), 'test').warnings;
    assert.deepEqual(w.map((x) => `${x.ruleId}@${x.path}`), ['ADCS-W004@dcomPort']);
    assert.match(w[0].message, /MS-ICPR/);
    assert.match(w[0].message, /\\PIPE\\cert/);
    assert.match(w[0].message, /TCP 445/);
  });

  it('a static port inside the modern range: in-range warning plus the MS-ICPR note', () => {
    // GIVEN dcomPort 50000 with a modern CA  THEN both, naming the range and where it came from
    const w = resolveSpec(props({ dcomPort: 50000 }), 'test').warnings;
    assert.deepEqual(w.map((x) => x.ruleId), ['ADCS-W003', 'ADCS-W004']);
    assert.match(w[0].message, /50000 lies inside the CA's RPC dynamic range 49152-65535 \(from osGeneration\)/);
  });

  it('with a legacy CA every static port is inside the range: a warning, never a refusal', () => {
    // GIVEN a legacy estate and dcomPort 1024 (the lowest accepted)  THEN valid, warned
    assert.deepEqual(codes(props({ dcomPort: 1024, osGeneration: 'legacy' })), ['ADCS-W003@dcomPort', 'ADCS-W004@dcomPort']);
  });

  it('the CA\'s range decides, not the estate\'s or the DCs\'', () => {
    // GIVEN a legacy estate whose CA tier is modern, and dcomPort 10509  THEN not in range
    assert.deepEqual(codes(props({ dcomPort: 10509, osGeneration: 'legacy' }, { ca: { osGeneration: 'modern' } })), ['ADCS-W004@dcomPort']);
    // AND legacy DCs do not matter either
    assert.deepEqual(codes(props({ dcomPort: 10509 }, { dc: { osGeneration: 'legacy' } })), ['ADCS-W004@dcomPort']);
    // AND a CA override range holding the port does
    const w = resolveSpec(props({ dcomPort: 5100 }, { ca: { rpcDynamicPorts: '5000-5199' } }), 'test').warnings;
    assert.equal(w[0].ruleId, 'ADCS-W003');
    assert.match(w[0].message, /5000-5199 \(from tiers\.ca\.rpcDynamicPorts\)/);
  });

  it('an RPC range under 100 ports warns, at the key that set it; 100 ports does not', () => {
    // GIVEN 99-port ranges on the estate and on the DCs, a 100-port range on the CA
    const w = resolveSpec(props({ rpcDynamicPorts: '5000-5098' }, { ca: { rpcDynamicPorts: '6000-6099' }, dc: { rpcDynamicPorts: '7000-7098' } }), 'test').warnings;
    // THEN two warnings, with the size and KB 154596
    assert.deepEqual(w.map((x) => `${x.ruleId}@${x.path}`), ['ADCS-W001@rpcDynamicPorts', 'ADCS-W001@tiers.dc.rpcDynamicPorts']);
    assert.match(w[0].message, /5000-5098 has 99 ports; KB 154596 asks for at least 100/);
  });

  it('overlapping CIDRs between tiers are legal and silent', () => {
    // GIVEN CES and CEP on the same hosts and the CA inside the clients' block
    const p = { tiers: {
      clients: { cidrs: ['10.0.0.0/8'] }, ca: { cidrs: ['10.0.1.0/24'] }, dc: { cidrs: ['10.0.0.0/24'] },
      ces: { cidrs: ['10.0.2.0/24'] }, cep: { cidrs: ['10.0.2.0/24'] },
    } } as unknown as EstateProps;
    // THEN it validates with no warning
    assert.deepEqual(resolveSpec(p, 'test').warnings, []);
  });
});

describe('co-located tiers', () => {
  const SUB = '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/';
  const estate = (cep: Record<string, unknown>): unknown => ({
    platform: 'azure', azure: { resourceGroupName: 'rg', location: 'westeurope' },
    tiers: { clients: { cidrs: ['10.20.0.0/16'] }, ca: { cidrs: ['10.0.1.0/24'] }, dc: { cidrs: ['10.0.0.0/24'] },
      ces: { cidrs: ['10.0.2.0/24'], subnetIds: [`${SUB}web`] }, cep: { cidrs: ['10.0.2.0/24'], ...cep } },
  });

  it('warns when Azure tiers share hosts but not their NSG', () => {
    // GIVEN CEP on the CES hosts without CES's subnet  WHEN resolved  THEN a warning names both tiers
    const w = resolveSpec(estate({}), 't').warnings.filter((x) => x.ruleId === 'ADCS-W101');
    assert.equal(w.length, 1);
    assert.equal(w[0].path, 'tiers.cep');
    assert.match(w[0].message, /tiers "ces" and "cep" share addresses but not their enforcement point/);
  });

  it('is silent when they share the NSG', () => {
    assert.deepEqual(resolveSpec(estate({ subnetIds: [`${SUB}web`] }), 't').warnings.filter((x) => x.ruleId === 'ADCS-W101'), []);
  });
});
