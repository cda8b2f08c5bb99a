import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { flowsOf } from '../../lib/model/flows';
import { resolveSpec } from '../../lib/spec';
import { EstateProps } from '../../lib/input/props';

const core: EstateProps = {
  tiers: { clients: { cidrs: ['10.20.0.0/16'] }, ca: { cidrs: ['10.0.1.0/24'] }, dc: { cidrs: ['10.0.0.0/24'] } },
};

function ports(props: EstateProps, id: string, from: string, protocol = 'tcp'): string[] | undefined {
  const f = flowsOf(resolveSpec(props, 'test').estate).find((x) => x.id === id && x.from === from && x.protocol === protocol);
  return f?.ports.map(String);
}

describe('flowsOf', () => {
  it('opens DCOM to the CA on 135 plus the modern dynamic range by default', () => {
    // GIVEN the core estate  WHEN its flows are computed  THEN enroll-dcom is 135 + 49152-65535
    assert.deepEqual(ports(core, 'enroll-dcom', 'clients'), ['135', '49152-65535']);
  });
});
