import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkNsgLimits, PlannedNsgRule } from '../../../lib/platforms/azure/planner';
import { InputProblem } from '../../../lib/errors';
import { AZURE, richAzure, subnet, synthEstate } from '../../support/estates';

const rule = (i: number): PlannedNsgRule => ({
  id: `r${i}`, name: `r${i}`, direction: 'Inbound', access: 'Allow', priority: 100 + i, protocol: 'Tcp',
  sourceAddressPrefixes: ['10.0.0.0/24'], destinationAddressPrefixes: ['10.1.0.0/24'], destinationPortRanges: ['443'],
  description: 'd', flows: [],
});

describe('Azure limits', () => {
  it('refuses more than 1,000 rules in one NSG, naming it', () => {
    // GIVEN 1,001 rules for one NSG  WHEN checked  THEN one problem naming the NSG, the count and the limit
    const problems: InputProblem[] = [];
    checkNsgLimits({ name: 'nsg-x', tiers: ['ca'] }, Array.from({ length: 1001 }, (_, i) => rule(i)), problems);
    assert.deepEqual(problems.map((p) => `${p.path}: ${p.message}`),
      ['tiers.ca: NSG nsg-x would hold 1001 rules; Azure allows 1000 per NSG: split the tiers over more NSGs or aggregate their CIDRs']);
    const ok: InputProblem[] = [];
    checkNsgLimits({ name: 'nsg-x', tiers: ['ca'] }, Array.from({ length: 1000 }, (_, i) => rule(i)), ok);
    assert.deepEqual(ok, []);
  });

  it('refuses a window of a single priority', () => {
    assert.throws(() => synthEstate(richAzure({ azure: { ...AZURE, priorityRange: '200-200' } })),
      /NSG pki-\S+: inbound rules need priority slot 2 but the window 200-200 is too small; widen the priority range/);
  });

  it('refuses co-located tiers that name their shared NSG differently', () => {
    const props = richAzure();
    assert.throws(() => synthEstate({ ...props, tiers: { ...props.tiers,
      ces: { cidrs: ['10.0.2.0/24'], subnetIds: [subnet('web')], nsgName: 'nsg-web' },
      cep: { cidrs: ['10.0.2.0/24'], subnetIds: [subnet('web')], nsgName: 'nsg-other' } } }),
    /tiers\.cep\.nsgName: tiers sharing NSG nsg-web disagree on "nsgName"/);
  });
});
