import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../support/io';

// Upgrading from a release keeps identity: a user who applied 0.1's or 0.2's output and upgrades
// gets only new resources and in-place updates. The baseline files were written by those
// releases and are never regenerated (see baseline-0.1/README.md and baseline-0.2/README.md);
// the upgrade specs are those of baseline-0.1, one spec for every baseline.

const UPGRADE = join(__dirname, '..', '..', '..', 'test', 'upgrade');
const SPEC_DIR = join(UPGRADE, 'baseline-0.1');
const SPECS = readdirSync(SPEC_DIR).filter((f) => f.endsWith('.yaml')).sort();

/** Each release's baseline and the number of resources it wrote per spec (pinned: a truncated baseline fails). */
const BASELINES: Record<string, Record<string, number>> = {
  '0.1': {
    'aws-all-options': 234, 'aws-example': 102, 'aws-legacy-static': 58,
    'azure-all-options': 71, 'azure-example': 32, 'azure-legacy-static': 14,
  },
  '0.2': {
    'aws-all-options': 253, 'aws-example': 117, 'aws-legacy-static': 70,
    'azure-all-options': 89, 'azure-example': 41, 'azure-legacy-static': 19,
  },
};

type Resources = Record<string, Record<string, Record<string, unknown>>>;

/**
 * The upgrade contract: attributes that may change in place on upgrade, per resource type; every
 * other attribute of a released resource must keep its value (Azure rules their name and
 * priority among them). Azure rules may gain ports (a new flow between the same tiers):
 * `destination_port_range` and `destination_port_ranges` are both updatable in place, and the
 * test checks the new ports cover the old ones.
 */
const MAY_CHANGE: Record<string, readonly string[]> = {
  azurerm_network_security_rule: ['description', 'destination_port_range', 'destination_port_ranges'],
  azurerm_network_security_group: ['tags'],
  aws_security_group: ['tags'],
  aws_vpc_security_group_ingress_rule: ['description', 'tags'],
  aws_vpc_security_group_egress_rule: ['description', 'tags'],
};

const synthesized = new Map<string, Promise<any>>();

/** What this release writes for an upgrade spec (synthesized once per spec). */
function synth(spec: string): Promise<any> {
  let p = synthesized.get(spec);
  if (!p) {
    p = (async () => {
      const out = mkdtempSync(join(tmpdir(), 'adcs-upgrade-'));
      const r = await runCli(['synth', '--spec', join(SPEC_DIR, spec), '--out', out]);
      assert.equal(r.code, 0, r.err);
      const [stack] = readdirSync(join(out, 'stacks'));
      return JSON.parse(readFileSync(join(out, 'stacks', stack, 'cdk.tf.json'), 'utf8'));
    })();
    synthesized.set(spec, p);
  }
  return p;
}

const baseline = (release: string, spec: string): any =>
  JSON.parse(readFileSync(join(UPGRADE, `baseline-${release}`, spec.replace(/\.yaml$/, '.tf.json')), 'utf8'));

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

describe('the relaxed provider requirement (0.3, issue 24)', () => {
  it('holds the versions 0.1 and 0.2 pinned, and only such versions', () => {
    assert.equal(satisfiesPessimistic('4.55.0', '~> 4.0'), true);
    assert.equal(satisfiesPessimistic('6.25.0', '~> 6.0'), true);
    assert.equal(satisfiesPessimistic('5.0.0', '~> 4.0'), false);
    assert.equal(satisfiesPessimistic('4.55.0', '4.55.0'), false);
    for (const release of Object.keys(BASELINES)) {
      for (const spec of SPECS) assert.ok(Object.values<any>(baseline(release, spec).terraform.required_providers).every((p) => /^\d+\.\d+\.\d+$/.test(p.version)), `${release} ${spec}`);
    }
  });
});

for (const [release, counts] of Object.entries(BASELINES)) {
  describe(`upgrade from ${release} keeps identity`, () => {
    it('has the baseline of every upgrade spec', () => {
      assert.deepEqual(SPECS, ['aws-all-options.yaml', 'aws-example.yaml', 'aws-legacy-static.yaml',
        'azure-all-options.yaml', 'azure-example.yaml', 'azure-legacy-static.yaml']);
      const files = readdirSync(join(UPGRADE, `baseline-${release}`)).filter((f) => f.endsWith('.tf.json')).sort();
      assert.deepEqual(files, SPECS.map((s) => s.replace(/\.yaml$/, '.tf.json')));
    });

    for (const spec of SPECS) {
      it(`${spec}: every ${release} resource keeps its address and its identifying attributes`, async () => {
        // GIVEN what the release wrote for the spec  WHEN the spec is synthesized now
        const before = baseline(release, spec);
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
              assert.equal(is.name, was.name, `${type}.${name} renamed`);
              assert.equal(is.priority, was.priority, `${type}.${name} renumbered`);
              assert.ok(covered(portsOf(was), portsOf(is)), `${type}.${name} lost ports: ${portsOf(was)} -> ${portsOf(is)}`);
            }
            compared++;
          }
        }
        assert.equal(compared, counts[spec.replace(/\.yaml$/, '')]);
        // The provider, backend and outputs are unchanged too, but for one relaxation (0.3, issue 24,
        // in the CHANGELOG): the provider requirement is a constraint now (`~> 4.0`, `~> 6.0`), where
        // 0.1 and 0.2 pinned the exact version of the CDKTF bindings; the pinned version satisfies
        // it, so `terraform init` keeps a lock file's version.
        assert.deepEqual(after.provider, before.provider);
        assert.deepEqual(withoutProviderVersions(after.terraform), withoutProviderVersions(before.terraform));
        for (const [name, p] of Object.entries<any>(before.terraform.required_providers)) {
          assert.ok(satisfiesPessimistic(p.version, after.terraform.required_providers[name].version), `${name} ${p.version} within ${after.terraform.required_providers[name].version}`);
        }
        assert.deepEqual(Object.keys(after.output ?? {}), Object.keys(before.output ?? {}));
      });
    }
  });
}

describe('what each upgrade adds', () => {
  it('0.1 to now: Azure rules keep name and priority; the v2 rules only add', async () => {
    // GIVEN the all-options Azure estate  WHEN synthesized now
    const before = baseline('0.1', 'azure-all-options.yaml').resource.azurerm_network_security_rule;
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
    assert.equal(added.length, 22);
  });

  it('0.2 to now: the default-on admins -> cdp and ocsp flows (v2.1) add rules to the unchanged spec, renumbering nothing', async () => {
    // GIVEN the all-options Azure spec as 0.2 synthesized it  WHEN synthesized now
    const before = baseline('0.2', 'azure-all-options.yaml').resource.azurerm_network_security_rule as Record<string, any>;
    const after = (await synth('azure-all-options.yaml')).resource.azurerm_network_security_rule as Record<string, any>;
    // THEN the rules added are exactly the admins' TCP 80 toward cdp and ocsp, each end, in their own slots:
    // cdp's created NSG (9 × 16 + 10) × 2 = 308, ocsp's existing window 200-1200 (8 × 16 + 10) × 2 = 276,
    // the admins' created NSG (10 × 16 + 9) × 2 = 338 and (10 × 16 + 8) × 2 = 336
    const added = Object.keys(after).filter((k) => !(k in before)).map((k) => after[k])
      .map((r) => `${r.name} ${r.priority} ${r.destination_port_range ?? r.destination_port_ranges}`).sort();
    assert.deepEqual(added, [
      'pki-all-in-admins-to-cdp-tcp 408 80', 'pki-all-in-admins-to-ocsp-tcp 476 80',
      'pki-all-out-admins-to-cdp-tcp 438 80', 'pki-all-out-admins-to-ocsp-tcp 436 80',
    ]);
    // AND no rule changed its ports (the new flows are a new tier pair)
    for (const [k, r] of Object.entries(before)) assert.deepEqual([after[k].destination_port_range, after[k].destination_port_ranges], [r.destination_port_range, r.destination_port_ranges], k);
  });

  it('0.2 to now on AWS: the admins\' TCP 80 toward cdp and ocsp only adds rules', async () => {
    // GIVEN the all-options AWS spec (admins known by CIDR, cdp created, ocsp on an existing group)
    const types = ['aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule'];
    const before = baseline('0.2', 'aws-all-options.yaml').resource;
    const after = (await synth('aws-all-options.yaml')).resource;
    // THEN the rules added are the ingress of cdp and ocsp from the admins' CIDR on TCP 80
    const added = types.flatMap((t) => Object.keys(after[t]).filter((k) => !(k in before[t])).map((k) => k.replace(/_[0-9A-F]{8}$/, '')));
    assert.deepEqual(added.sort(), [
      'adcs_aws_cdp-in-cidr-10-0-9-0_28-tcp-80', 'adcs_aws_sg-0fedcba9876543210-in-cidr-10-0-9-0_28-tcp-80',
    ]);
  });
});
