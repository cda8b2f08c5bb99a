import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { resolveSpec } from '../../lib/spec';
import { planEstate } from '../../lib/spec/estate-plan';
import { TfResourceElement } from '../../lib/terraform/elements';
import { awsEstate, azureEstate } from '../support/arbitrary';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 40);

/** The enforcement keys of a tier, as one string: tiers with the same string share their NSG or group. */
const pointOf = (t: any): string | undefined => (t.subnetIds ? `subnets ${[...t.subnetIds].sort().join(' ')}`
  : t.networkSecurityGroup ? `nsg ${t.networkSecurityGroup.resourceGroupName}/${t.networkSecurityGroup.name}`
    : t.securityGroupId ? `sg ${t.securityGroupId}` : t.createSecurityGroup ? `created ${t.cidrs.join()}` : undefined);

/**
 * The estate with one enforcement point (every tier on it: they share it) under the configuration
 * `moved`, declared in the platform's settings block; the point is picked by `pick`.
 */
function moved(props: unknown, platform: 'azure' | 'aws', pick: number): { doc: any; tiers: string[] } {
  const doc = JSON.parse(JSON.stringify(props));
  const points = [...new Set(Object.values<any>(doc.tiers).map(pointOf).filter((p): p is string => p !== undefined))].sort();
  const point = points[pick % points.length];
  const tiers = Object.keys(doc.tiers).filter((k) => pointOf(doc.tiers[k]) === point && !(point.startsWith('created') && k !== Object.keys(doc.tiers).find((x) => pointOf(doc.tiers[x]) === point)));
  for (const k of tiers) doc.tiers[k].provider = 'moved';
  doc[platform].providers = { moved: {} };
  return { doc, tiers };
}

function resources(doc: unknown): Map<string, TfResourceElement> {
  const planned = planEstate(resolveSpec(doc, 'spec'), 'spec', 'test', true);
  return new Map(planned.elements.filter((e): e is TfResourceElement => e.kind === 'resource').map((e) => [e.path.join('/'), e]));
}

describe('a provider configuration moves no other rule (identity is content)', () => {
  it('Azure: the same resources with the same arguments; only the moved NSG\'s carry the provider', () => {
    fc.assert(fc.property(azureEstate(), fc.nat(), (props, pick) => {
      const before = resources(props);
      const { doc } = moved(props, 'azure', pick);
      const after = resources(doc);
      assert.deepEqual([...after.keys()], [...before.keys()]);
      let carried = 0;
      for (const [id, e] of after) {
        assert.deepEqual(e.attributes, before.get(id)!.attributes, id);
        assert.ok(e.provider === undefined || e.provider === 'azurerm.moved', id);
        if (e.provider) carried++;
      }
      assert.ok(carried > 0 || [...after.values()].every((e) => e.provider === undefined));
    }), { numRuns: RUNS });
  });

  it('AWS: rules that neither sit on the moved group nor name it are unchanged; no rule names a group across configurations', () => {
    fc.assert(fc.property(awsEstate(), fc.nat(), (props, pick) => {
      const before = resources(props);
      const { doc, tiers } = moved(props, 'aws', pick);
      const after = resources(doc);
      // the moved group's key: the tier's (created) or the id's fragment (existing), as construct ids start with it
      const t = doc.tiers[tiers[0]];
      const key = t.securityGroupId ?? tiers[0];
      const groupOf = (e: TfResourceElement): string => String(e.attributes.security_group_id ?? '');
      const isMoved = (id: string, e: TfResourceElement): boolean => (t.securityGroupId ? groupOf(e) === key : id.startsWith(`${key}-`));
      const names = (id: string, e: TfResourceElement): boolean => (t.securityGroupId ? e.attributes.referenced_security_group_id === key
        : id.includes(`-${key}-`) && e.attributes.referenced_security_group_id !== undefined);
      for (const [id, e] of before) {
        if (isMoved(id, e) || names(id, e)) continue;
        assert.deepEqual(after.get(id), e, id);
      }
      for (const [id, e] of after) {
        assert.equal(e.provider, isMoved(id, e) ? 'aws.moved' : undefined, id);
        // a group reference stays under one configuration
        if (e.kind === 'resource' && names(id, e)) assert.ok(isMoved(id, e), id);
      }
    }), { numRuns: RUNS });
  });
});
