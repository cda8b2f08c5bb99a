import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { awsInvalidValues } from '../../lib/platforms/aws/validation';
import { AWS_SCHEMAS } from '../../lib/platforms/aws/validation-rules';
import { azureInvalidValues } from '../../lib/platforms/azure/validation';
import { AZURE_SCHEMAS } from '../../lib/platforms/azure/validation-rules';
import { compareInvalidValues, type InvalidValue } from '../../lib/platforms/validation';
import type { ResourceSchema } from '../../lib/platforms/validation-engine';
import { TfInstanceOrigin, type TfInstance } from '../../lib/terraform/document';
import { TfReference, TfUnknown, type ArgumentValue } from '../../lib/terraform/values';
import { instance } from '../support/tf-instances';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 100);

/** Any argument value, odd shapes included: scalars of every type, references, unknowns, lists and objects of them. */
const anyValue: fc.Arbitrary<ArgumentValue> = fc.letrec<{ value: ArgumentValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<ArgumentValue>(null, true, false, 0, -1, 100, 4096, 65536, 1.5, '', '*', 'Tcp', 'tcp', '-1', '10.0.0.0/8', '10.0.0.5/8', '80-443', 'sg-0123'),
    fc.string({ maxLength: 12 }),
    fc.integer({ min: -70000, max: 70000 }),
    fc.constant(new TfReference('azurerm_network_security_group.ca.id')),
    fc.constant(new TfUnknown('known after apply')),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('name', 'protocol', 'priority', 'cidr_blocks', 'from_port', 'x'), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** Instances of every validated type with random values for their attributes (and a stray key), of a configuration or a plan. */
function instances(schemas: readonly ResourceSchema[]): fc.Arbitrary<TfInstance[]> {
  return fc.array(fc.tuple(fc.constantFrom(...schemas), fc.boolean(), fc.integer({ min: 0, max: 1e6 })).chain(([schema, plan, seed]) =>
    fc.record(Object.fromEntries([...Object.keys(schema.attributes), 'stray'].map((k) => [k, fc.option(anyValue, { nil: undefined })])))
      .map((values) => instance(schema.type, `r${seed}`, Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as { [k: string]: ArgumentValue },
        plan ? { origin: TfInstanceOrigin.PLANNED } : {}))), { maxLength: 4 });
}

function wellFormed(found: readonly InvalidValue[], given: readonly TfInstance[]): void {
  const sorted = [...found].sort(compareInvalidValues);
  assert.deepEqual(found, sorted);
  for (const v of found) {
    assert.ok(given.some((i) => i.address === v.element), v.element);
    assert.ok(v.attribute !== '' && v.rule !== '' && v.source !== '' && v.value !== '', JSON.stringify(v));
  }
}

describe('validation over odd shapes', () => {
  it('never throws, reports only given elements, sorted, and gives the same answer twice', () => {
    for (const [schemas, validate] of [[AZURE_SCHEMAS, azureInvalidValues], [AWS_SCHEMAS, awsInvalidValues]] as const) {
      fc.assert(fc.property(instances(schemas), (given) => {
        const found = validate(given);
        wellFormed(found, given);
        assert.deepEqual(validate([...given].reverse()), found);
      }), { numRuns: RUNS });
    }
  });

  it('a reference or an unknown in place of any one argument is never reported by itself', () => {
    for (const [schemas, validate] of [[AZURE_SCHEMAS, azureInvalidValues], [AWS_SCHEMAS, awsInvalidValues]] as const) {
      for (const schema of schemas) {
        for (const name of Object.keys(schema.attributes)) {
          for (const v of [new TfReference('x.y.z'), new TfUnknown('known after apply')]) {
            const found = validate([instance(schema.type, 'r', { [name]: v })]).filter((f) => f.attribute === name);
            assert.deepEqual(found.filter((f) => !/is also set/.test(f.rule)), [], `${schema.type}.${name}`);
          }
        }
      }
    }
  });
});
