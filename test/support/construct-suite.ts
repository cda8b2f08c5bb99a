import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkPlan } from '../../lib/check/check';
import { AdcsInputError } from '../../lib/errors';
import { EstateProps } from '../../lib/input/props';
import { readSpecDocument } from '../../lib/input/load';
import { resolveSpec } from '../../lib/spec';
import { planEstate } from '../../lib/spec/estate-plan';
import { checkStack } from '../../lib/testing/stack-check';
import { richAzure, subnet } from './estates';
import { modernAws, richAws } from '../platforms/aws/support/estates';
import { NOT_PROPS } from './corpus';
import { runCli } from './io';

const ROOT = join(__dirname, '..', '..', '..');
const BAD = join(ROOT, 'test', 'input', 'corpus', 'bad');

/** One framework under test: its core module (`cdktf` or `cdktn`) and the library's entry point for it. */
export interface FrameworkUnderTest {
  /** `cdktf` or `cdktn`. */
  readonly name: string;
  /** The framework module: App, Testing, TerraformStack, LocalBackend. */
  readonly core: any;
  /** The library's entry point for it (`lib` or `lib/cdktn`). */
  readonly lib: any;
}

/** The estate's stack as a user's app builds it: backend, the library's provider, the construct; written by `app.synth()`. */
function appSynth(fw: FrameworkUnderTest, doc: Record<string, unknown>): { json: any; stack: any } {
  const { App, TerraformStack, LocalBackend } = fw.core;
  const app = new App({ outdir: mkdtempSync(join(tmpdir(), `adcs-${fw.name}-`)), stackTraces: false });
  const name = String(doc.name);
  const stack = new TerraformStack(app, name);
  new LocalBackend(stack, { path: `terraform.${name}.tfstate` });
  const platform = String(doc.platform);
  const region = (doc.aws as { region?: string } | undefined)?.region;
  new fw.lib.AdcsProvider(stack, platform === 'azure' ? 'azurerm' : 'aws', { platform, config: region ? { region } : undefined });
  new fw.lib.AdcsEnrollmentSecurity(stack, 'adcs', doc);
  app.synth();
  return { json: JSON.parse(readFileSync(join(app.outdir, 'stacks', name, 'cdk.tf.json'), 'utf8')), stack };
}

/** One estate through `Testing.synth` (no metadata blocks). */
function testingSynth(fw: FrameworkUnderTest, props: EstateProps): { text: string; adcs: any } {
  const app = fw.core.Testing.app({ stackTraces: false });
  const stack = new fw.core.TerraformStack(app, 'test');
  const adcs = new fw.lib.AdcsEnrollmentSecurity(stack, 'adcs', props);
  return { text: fw.core.Testing.synth(stack), adcs };
}

/**
 * The flows check judges for each example, counted by hand as (flow, from, to, protocol) from the
 * catalogue (v2 rows, as 0.2 implements them). Both: enroll-dcom, dc-enroll-dcom, ces-https,
 * cep-https, ces-dcom, admin-dcom, directory from ca, ces, cep (TCP, UDP), client-directory and
 * admin-directory (TCP, UDP each), ca-dc-rpc and the custom rdp-paw: 18. Azure adds its cdp tier:
 * cdp-http, server-crl from ca and dc, crl-publish-smb: 22; catalogue v2.1 adds cdp-http
 * from admins (PKIView checks the CDP and AIA locations): 23.
 */
const EXAMPLE_FLOWS: Record<string, number> = { 'azure-estate.yaml': 23, 'aws-estate.yaml': 18 };

const withoutMetadata = (json: any): any => {
  const { ['//']: _meta, ...rest } = json;
  return rest;
};

/** The construct tests every supported framework passes: synth of both examples, identity, warnings, errors. */
export function constructSuite(fw: FrameworkUnderTest): void {
  describe(`constructs on ${fw.name}`, () => {
    for (const example of ['azure-estate.yaml', 'aws-estate.yaml']) {
      it(`synthesizes examples/${example} as the CLI writes it, and check passes on it`, async () => {
        // GIVEN the example spec as props in an app of this framework  WHEN synthesized
        const file = join(ROOT, 'examples', example);
        const doc = readSpecDocument(file);
        const { json, stack } = appSynth(fw, doc);
        // THEN everything but the metadata block equals the framework-free CLI's cdk.tf.json
        const out = mkdtempSync(join(tmpdir(), 'adcs-cli-'));
        assert.equal((await runCli(['synth', '--spec', file, '--out', out])).code, 0);
        const cli = JSON.parse(readFileSync(join(out, 'stacks', String(doc.name), 'cdk.tf.json'), 'utf8'));
        assert.deepEqual(withoutMetadata(json), withoutMetadata(cli));
        assert.equal(json['//'].metadata.stackName, doc.name);
        // AND check finds every flow allowed and nothing extra
        const report = checkPlan(json, resolveSpec(doc, file));
        assert.equal(report.ok, true);
        assert.deepEqual(report.flows.map((f) => f.status).filter((s) => s !== 'allowed'), []);
        assert.equal(report.flows.length, EXAMPLE_FLOWS[example]);
        // AND the stack-level check, through the entry point, passes on the stack (literal ids)
        assert.doesNotThrow(() => fw.lib.assertStackSatisfies(stack));
        // AND its report is the plan's: one construct, the same verdict on the same flows
        const stackReports = checkStack(stack);
        assert.deepEqual(stackReports.map((r) => [r.path, r.report.ok, r.report.flows.length]), [[`${doc.name}/adcs`, true, EXAMPLE_FLOWS[example]]]);
      });
    }

    it('writes the golden files byte for byte (rule identity: names, addresses, priorities)', () => {
      // GIVEN the rich Azure estate  WHEN synthesized with Testing.synth  THEN it is the reviewed golden file
      const golden = readFileSync(join(ROOT, 'test', 'platforms', 'azure', 'golden', 'rich.tf.json'), 'utf8');
      assert.equal(testingSynth(fw, richAzure()).text, golden);
    });

    it('keeps every AWS rule address when a tier or a CIDR is added', () => {
      // GIVEN the modern AWS estate and the same estate with another client CIDR and an admins tier
      const aws = { vpcId: 'vpc-0a1b2c3d4e5f67890', ruleQuota: 1000 };
      const base = JSON.parse(testingSynth(fw, modernAws({ aws })).text);
      const grown = modernAws({ aws });
      const more = JSON.parse(testingSynth(fw, {
        ...grown, tiers: { ...grown.tiers, clients: { cidrs: [...grown.tiers.clients.cidrs, '192.168.64.0/22'] }, admins: { cidrs: ['10.0.99.0/28'] } },
      }).text);
      // THEN every address of the base estate is still there with the same peer, protocol and ports
      for (const type of ['aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule']) {
        for (const [name, r] of Object.entries<any>(base.resource[type])) {
          const after = more.resource[type][name];
          assert.ok(after, `${type}.${name} kept`);
          assert.deepEqual([after.cidr_ipv4, after.referenced_security_group_id, after.ip_protocol, after.from_port, after.to_port],
            [r.cidr_ipv4, r.referenced_security_group_id, r.ip_protocol, r.from_port, r.to_port]);
        }
      }
      // AND exactly the new ingress rules are added (by hand: the new client CIDR brings 135 and 49152-65535
      // to ca, 443 to ces and to cep, and 10 directory rules to dc; admins bring 135 and 49152-65535 to
      // ca and the 9 DIRECTORY-MINIMAL rules to dc: 14 + 11); neither tier has a group, so no egress
      const count = (json: any, type: string): number => Object.keys(json.resource[type]).length;
      assert.equal(count(more, 'aws_vpc_security_group_ingress_rule') - count(base, 'aws_vpc_security_group_ingress_rule'), 25);
      assert.equal(count(more, 'aws_vpc_security_group_egress_rule'), count(base, 'aws_vpc_security_group_egress_rule'));
    });

    it('exposes the created groups, their id tokens and the existing ids', () => {
      const { adcs } = testingSynth(fw, modernAws());
      assert.deepEqual(Object.keys(adcs.aws.securityGroups).sort(), ['ca', 'cep', 'ces']);
      assert.match(adcs.aws.securityGroupIds.ca, /^\$\{TfToken\[/);
      assert.equal(adcs.azure, undefined);
    });

    it('attaches the warnings as annotations (DCOM port in the dynamic range, deny-by-default on the DCs)', () => {
      const warnings = (adcs: any): string[] => adcs.node.findAll().flatMap((c: any) => c.node.metadata.filter((m: any) => m.type === '@cdktf/warn').map((m: any) => String(m.data)));
      const dcom = warnings(testingSynth(fw, richAzure({ dcomPort: 50000 })).adcs);
      assert.ok(dcom.some((m) => /dcomPort: static DCOM port 50000 lies inside the CA's RPC dynamic range 49152-65535/.test(m)), dcom.join('\n'));
      const dc = warnings(testingSynth(fw, richAzure({ tiers: { ...richAzure().tiers, dc: { cidrs: ['10.0.0.0/24'], subnetIds: [subnet('dc')] } } })).adcs);
      assert.ok(dc.some((m) => /tiers\.dc: NSG pki-dc-nsg of the dc tier denies all other inbound network traffic/.test(m)));
      const quiet = richAzure({ azure: { resourceGroupName: 'rg', location: 'westeurope', denyByDefault: false } });
      assert.deepEqual(warnings(testingSynth(fw, quiet).adcs), []);
    });

    it('refuses bad props with one AdcsInputError naming the construct, and adds nothing', () => {
      // GIVEN the bad-input corpus as props, and an AWS estate over its rule quota
      const cases: [string, Record<string, unknown>][] = [];
      for (const name of readdirSync(BAD).filter((f) => /\.(ya?ml|json)$/.test(f)).sort()) {
        try {
          cases.push([name, readSpecDocument(join(BAD, name))]);
        } catch {
          // not expressible as props
        }
      }
      cases.push(['quota', richAws({ aws: { vpcId: 'vpc-0a1b2c3d4e5f67890', ruleQuota: 1 } }) as unknown as Record<string, unknown>]);
      // every bad spec but the 13 file-level ones (test/support/corpus.ts), and the quota case
      assert.deepEqual(cases.map(([name]) => name), [...readdirSync(BAD).filter((f) => /\.(ya?ml|json)$/.test(f) && !NOT_PROPS.includes(f)).sort(), 'quota']);
      assert.equal(cases.length, 121 - 13 + 1);
      for (const [name, doc] of cases) {
        const app = fw.core.Testing.app({ stackTraces: false });
        const stack = new fw.core.TerraformStack(app, 'site');
        let thrown: unknown;
        try {
          new fw.lib.AdcsEnrollmentSecurity(stack, 'adcs', doc);
        } catch (e) {
          thrown = e;
        }
        // THEN the problems are those of the framework-free pipeline, the source is the construct, the tree has no child
        assert.ok(thrown instanceof AdcsInputError, `${name}: ${String(thrown)}`);
        let expected: unknown;
        try {
          planEstate(resolveSpec(doc, 'x'), 'x', 'AdcsEnrollmentSecurity', doc.platform !== undefined);
        } catch (e) {
          expected = (e as AdcsInputError).problems;
        }
        assert.deepEqual(thrown.problems, expected, name);
        assert.equal(thrown.source, 'AdcsEnrollmentSecurity site/adcs');
        assert.deepEqual(stack.node.findAll().map((n: any) => n.node.path).filter((p: string) => p.startsWith('site/adcs/')), [], name);
      }
    });
  });
}
