import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { parseSpecText } from '../../lib/input/load';

// The shipped JSON Schema alone (a stock ajv in strict mode, as an editor would run it) on the
// bad-input corpus: every case the schema can express is rejected by the schema alone. The
// rest is listed with the reason JSON Schema cannot say it; those must pass the schema, so the
// list stays exact.

const ROOT = path.resolve(__dirname, '../../..');
const SCHEMA = JSON.parse(readFileSync(path.join(ROOT, 'schema', 'adcs-spec.schema.json'), 'utf8'));
const BAD = path.join(ROOT, 'test', 'input', 'corpus', 'bad');

/** Bad specs JSON Schema cannot reject, and why. */
const NOT_EXPRESSIBLE: Record<string, string> = {
  '101-instance-port-and-authentication-twice.yaml': 'a (port, authentication) pair unique across array items, the authentication given or inherited (JSON Schema has no uniqueness by key)',
  '110-instance-twice-by-default-authentication.yaml': 'an authentication inherited from cesAuthentication, unique across array items',
  '25-cidr-host-bits.yaml': 'host bits are address arithmetic',
  '30-cidr-twice.yaml': 'the same network written two ways (" 10.0.1.0/24")',
  '32-rpc-reversed.yaml': 'the order of the two ends of a range',
  '37-tier-rpc-reversed.yaml': 'the order of the two ends of a range',
  '54-custom-port-reversed.yaml': 'the order of the two ends of a range',
  '58-custom-duplicate-name.yaml': 'a value unique across array items',
  '73-subnet-in-two-lists.yaml': 'equality between the lists of two tiers',
  '88-not-utf8.yaml': 'the file\'s bytes, not its content',
  '95-created-nsg-names-collide.yaml': 'names derived from two tiers',
  '96-shared-existing-nsg-settings-disagree.yaml': 'equality between the settings of two tiers',
  '97-aws-group-shared-by-different-hosts.yaml': 'equality between the CIDRs of two tiers',
  '98-priority-window-too-narrow.yaml': 'a property of the planned rules',
  '121-narrow-window-with-admins-to-cdp.yaml': 'a property of the planned rules',
};

describe('the JSON Schema alone on the bad-input corpus', () => {
  const warnings: string[] = [];
  const logger = { log: (): void => undefined, warn: (...a: unknown[]): void => { warnings.push(a.join(' ')); }, error: (...a: unknown[]): void => { warnings.push(a.join(' ')); } };

  it('compiles in ajv\'s strict mode without a warning (no union types, every required key declared)', () => {
    const compiled = new Ajv({ allErrors: true, strict: true, logger }).compile(SCHEMA);
    assert.deepEqual(warnings, []);
    // AND what it compiled judges: both examples pass, a spec without tiers does not, naming the key
    for (const example of ['azure-estate.yaml', 'aws-estate.yaml']) {
      assert.equal(compiled(parseSpecText(readFileSync(path.join(ROOT, 'examples', example), 'utf8'), example)), true, example);
    }
    assert.equal(compiled({ name: 'x' }), false);
    assert.deepEqual(compiled.errors?.map((e) => [e.keyword, e.params]), [['required', { missingProperty: 'tiers' }]]);
  });

  const validate = new Ajv({ allErrors: true, strict: true, logger }).compile(SCHEMA);
  const files = readdirSync(BAD).filter((f) => /\.(ya?ml|json)$/.test(f)).sort();
  let rejected = 0;

  for (const name of files) {
    it(name, () => {
      // GIVEN a malformed spec that parses to a document (YAML syntax errors are the parser's)
      let doc: unknown;
      try {
        doc = parseSpecText(readFileSync(path.join(BAD, name), 'utf8'), name);
      } catch {
        return;
      }
      // WHEN checked by the schema alone  THEN rejected, unless the schema cannot express it
      const ok = validate(doc);
      if (NOT_EXPRESSIBLE[name]) assert.equal(ok, true, `${name} is listed as not expressible (${NOT_EXPRESSIBLE[name]}) but the schema rejects it: remove it from the list`);
      else {
        assert.equal(ok, false, `${name} passes the schema`);
        rejected++;
      }
    });
  }

  it('rejects most of the corpus by itself', () => {
    // every bad spec (121) but the five the YAML parser refuses (syntax, duplicate key, several
    // documents, alias bomb, tab indentation) and those listed as not expressible
    assert.equal(files.length, 121);
    assert.equal(rejected, files.length - 5 - Object.keys(NOT_EXPRESSIBLE).length, `${rejected} rejected`);
    for (const name of Object.keys(NOT_EXPRESSIBLE)) assert.ok(files.includes(name), name);
  });
});
