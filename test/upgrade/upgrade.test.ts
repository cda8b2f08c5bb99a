import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../support/io';

// Upgrading from 0.1 keeps identity: a user who applied 0.1's output and upgrades gets only new
// resources and in-place updates. The baseline files were written by release 0.1 and are never
// regenerated (see baseline-0.1/README.md).

const BASELINE = join(__dirname, '..', '..', '..', 'test', 'upgrade', 'baseline-0.1');
const SPECS = readdirSync(BASELINE).filter((f) => f.endsWith('.yaml')).sort();

type Resources = Record<string, Record<string, Record<string, unknown>>>;

/**
 * Attributes that may change in place on upgrade, per resource type; every other attribute of
 * a 0.1 resource must keep its value. Azure rules may gain ports (a new flow between the same
 * tiers): `destination_port_range` and `destination_port_ranges` are both updatable in place,
 * and the test checks the new ports cover the old ones.
 */
const MAY_CHANGE: Record<string, readonly string[]> = {
  azurerm_network_security_rule: ['description', 'destination_port_range', 'destination_port_ranges'],
  azurerm_network_security_group: ['tags'],
  aws_security_group: ['tags'],
  aws_vpc_security_group_ingress_rule: ['description', 'tags'],
  aws_vpc_security_group_egress_rule: ['description', 'tags'],
};

async function synth(spec: string): Promise<any> {
  const out = mkdtempSync(join(tmpdir(), 'adcs-upgrade-'));
  const r = await runCli(['synth', '--spec', join(BASELINE, spec), '--out', out]);
  assert.equal(r.code, 0, r.err);
  const [stack] = readdirSync(join(out, 'stacks'));
  return JSON.parse(readFileSync(join(out, 'stacks', stack, 'cdk.tf.json'), 'utf8'));
}

const portsOf = (r: Record<string, unknown>): string[] =>
  [r.destination_port_range, ...((r.destination_port_ranges as string[] | undefined) ?? [])].filter((p): p is string => typeof p === 'string');

/** Every port of `ranges` ("N", "N-M" or "*") as [lo, hi] intervals. */
const intervals = (ranges: readonly string[]): [number, number][] =>
  ranges.map((p) => (p === '*' ? [0, 65535] : (p.split('-').map(Number) as [number, number])).map(Number) as [number, number])
    .map(([a, b]) => [a, b ?? a]);

const covered = (inner: readonly string[], outer: readonly string[]): boolean =>
  intervals(inner).every(([lo, hi]) => {
    // Each old interval lies in the union of the new ones (walk the new ones in order).
    let at = lo;
    for (const [a, b] of intervals(outer).sort((x, y) => x[0] - y[0])) if (a <= at && b >= at) at = b + 1;
    return at > hi;
  });

/** The terraform block without the providers' version requirements (the one part 0.3 relaxes). */
const withoutProviderVersions = (block: any): any => ({
  ...block,
  required_providers: Object.fromEntries(Object.entries<any>(block.required_providers ?? {}).map(([name, { version: _version, ...rest }]) => [name, rest])),
});

/** True when the exact `version` satisfies the constraint `~> M.N` (M.N or later, before M+1). */
function satisfiesPessimistic(version: string, constraint: string): boolean {
  const c = /^~> (\d+)\.(\d+)$/.exec(constraint);
  const v = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!c || !v) return false;
  return Number(v[1]) === Number(c[1]) && Number(v[2]) >= Number(c[2]);
}

describe('upgrade from 0.1 keeps identity', () => {
  it('the relaxed provider requirement holds the version 0.1 pinned (and only that)', () => {
    assert.equal(satisfiesPessimistic('4.55.0', '~> 4.0'), true);
    assert.equal(satisfiesPessimistic('6.25.0', '~> 6.0'), true);
    assert.equal(satisfiesPessimistic('5.0.0', '~> 4.0'), false);
    assert.equal(satisfiesPessimistic('4.55.0', '4.55.0'), false);
  });

  it('has the baseline of every kind of estate the issue names', () => {
    assert.deepEqual(SPECS, ['aws-all-options.yaml', 'aws-example.yaml', 'aws-legacy-static.yaml',
      'azure-all-options.yaml', 'azure-example.yaml', 'azure-legacy-static.yaml']);
  });

  for (const spec of SPECS) {
    it(`${spec}: every 0.1 resource keeps its address and its identifying attributes`, async () => {
      // GIVEN what 0.1 wrote for the spec  WHEN the spec is synthesized now
      const before = JSON.parse(readFileSync(join(BASELINE, spec.replace(/\.yaml$/, '.tf.json')), 'utf8'));
      const after = await synth(spec);
      const old = before.resource as Resources;
      const now = after.resource as Resources;
      let compared = 0;
      for (const [type, byName] of Object.entries(old)) {
        for (const [name, was] of Object.entries(byName)) {
          // THEN the resource is still there under the same Terraform address ...
          const is = now[type]?.[name];
          assert.ok(is, `${type}.${name} is gone (the upgrade would destroy it)`);
          // ... and only attributes Terraform updates in place may differ
          for (const key of new Set([...Object.keys(was), ...Object.keys(is)])) {
            if ((MAY_CHANGE[type] ?? []).includes(key)) continue;
            assert.deepEqual(is[key], was[key], `${type}.${name}.${key} changed`);
          }
          if (type === 'azurerm_network_security_rule') {
            assert.ok(covered(portsOf(was), portsOf(is)), `${type}.${name} lost ports: ${portsOf(was)} -> ${portsOf(is)}`);
          }
          compared++;
        }
      }
      assert.ok(compared > 10, `only ${compared} resources compared`);
      // The provider, backend and outputs are unchanged too, but for one relaxation (0.3, issue 24,
      // in the CHANGELOG): the provider requirement is a constraint now (`~> 4.0`, `~> 6.0`), where
      // 0.1 pinned the exact version of the CDKTF bindings; the pinned version satisfies it, so
      // `terraform init` keeps a lock file's version.
      assert.deepEqual(after.provider, before.provider);
      assert.deepEqual(withoutProviderVersions(after.terraform), withoutProviderVersions(before.terraform));
      for (const [name, p] of Object.entries<any>(before.terraform.required_providers)) {
        assert.ok(satisfiesPessimistic(p.version, after.terraform.required_providers[name].version), `${name} ${p.version} within ${after.terraform.required_providers[name].version}`);
      }
      assert.deepEqual(Object.keys(after.output ?? {}), Object.keys(before.output ?? {}));
    });
  }

  it('Azure rules keep name and priority; the v2 rules only add', async () => {
    // GIVEN the all-options Azure estate  WHEN synthesized now
    const before = JSON.parse(readFileSync(join(BASELINE, 'azure-all-options.tf.json'), 'utf8')).resource.azurerm_network_security_rule;
    const after = (await synth('azure-all-options.yaml')).resource.azurerm_network_security_rule;
    // THEN every 0.1 rule has the same name and priority, and v2 added rules (dc -> ca enrollment, server CRLs, admins -> DCs)
    for (const [k, r] of Object.entries(before) as [string, any][]) {
      assert.equal(after[k].name, r.name);
      assert.equal(after[k].priority, r.priority);
    }
    const added = Object.keys(after).filter((k) => !(k in before));
    for (const name of ['pki-all-in-dc-to-ca-tcp', 'pki-all-out-dc-to-ca-tcp', 'pki-all-in-ca-to-cdp-tcp', 'pki-all-out-admins-to-dc-tcp']) {
      assert.ok(added.some((k) => after[k].name === name) || Object.values(after).some((r: any) => r.name === name), `${name} missing`);
    }
    assert.ok(added.length >= 4, `only ${added.length} rules added`);
  });
});
