import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkPlan } from '../../lib/check/check';
import { assertStackSatisfies, checkStack, toSatisfyAdcsEstate } from '../../lib/testing';
import { AdcsInputError } from '../../lib/errors';
import type { FrameworkUnderTest } from './construct-suite';

/** Where an unrelated resource of the user goes: none, before the construct, after it, or both. */
export type Unrelated = 'none' | 'before' | 'after' | 'both';

/** The user's own resources (plain TerraformResources: the provider packages are not needed). */
function userResource(fw: FrameworkUnderTest, scope: any, id: string, type: string, args: Record<string, string> = {}): { id: string; name: string; attr(a: string): string } {
  const r = new fw.core.TerraformResource(scope, id, { terraformResourceType: type });
  // The arguments the provider requires (check judges the whole plan: a resource without them is refused, ADCS-C010).
  for (const [k, v] of Object.entries(args)) r.addOverride(k, v);
  return { id: r.getStringAttribute('id'), name: r.getStringAttribute('name'), attr: (a) => r.getStringAttribute(a) };
}

/** An unrelated resource that also allocates tokens (which renumbers every later token). */
function unrelated(fw: FrameworkUnderTest, scope: any, id: string): void {
  const r = userResource(fw, scope, id, 'random_pet');
  new fw.core.TerraformOutput(scope, `${id}-out`, { value: r.id });
}

/** An Azure stack whose resource group, subnets and existing NSG are the user's, passed as tokens. */
export function azureTokenStack(fw: FrameworkUnderTest, where: Unrelated = 'none'): { stack: any; adcs: any; json: any } {
  const app = fw.core.Testing.app({ stackTraces: false });
  const stack = new fw.core.TerraformStack(app, 'site');
  if (where === 'before' || where === 'both') unrelated(fw, stack, 'before');
  const rg = userResource(fw, stack, 'rg', 'azurerm_resource_group', { name: 'rg-pki', location: 'westeurope' });
  const caSubnet = userResource(fw, stack, 'snet-ca', 'azurerm_subnet');
  const webSubnet = userResource(fw, stack, 'snet-web', 'azurerm_subnet');
  const dcNsg = userResource(fw, stack, 'nsg-dc', 'azurerm_network_security_group', { name: 'nsg-identity-dc', resource_group_name: 'rg-identity', location: 'westeurope' });
  const adcs = new fw.lib.AdcsEnrollmentSecurity(stack, 'adcs', {
    name: 'pki',
    platform: 'azure',
    azure: { resourceGroupName: rg.name, location: rg.attr('location') },
    tiers: {
      clients: { cidrs: ['10.20.0.0/16'] },
      ca: { cidrs: ['10.0.1.0/24'], subnetIds: [caSubnet.id] },
      ces: { cidrs: ['10.0.2.0/24'], subnetIds: [webSubnet.id], nsgName: 'pki-web-nsg' },
      cep: { cidrs: ['10.0.2.0/24'], subnetIds: [webSubnet.id], nsgName: 'pki-web-nsg' },
      dc: { cidrs: ['10.0.0.0/24'], networkSecurityGroup: { name: dcNsg.name, resourceGroupName: dcNsg.attr('resource_group_name'), priorityRange: '3000-3499' } },
    },
  });
  if (where === 'after' || where === 'both') unrelated(fw, stack, 'after');
  return { stack, adcs, json: JSON.parse(fw.core.Testing.synth(stack)) };
}

/** An AWS stack whose VPC and one existing security group are the user's, passed as tokens. */
export function awsTokenStack(fw: FrameworkUnderTest, where: Unrelated = 'none'): { stack: any; adcs: any; json: any } {
  const app = fw.core.Testing.app({ stackTraces: false });
  const stack = new fw.core.TerraformStack(app, 'site');
  if (where === 'before' || where === 'both') unrelated(fw, stack, 'before');
  const vpc = userResource(fw, stack, 'vpc', 'aws_vpc');
  const dcSg = userResource(fw, stack, 'dc-sg', 'aws_security_group');
  const adcs = new fw.lib.AdcsEnrollmentSecurity(stack, 'adcs', {
    name: 'pki',
    platform: 'aws',
    aws: { vpcId: vpc.id },
    tiers: {
      clients: { cidrs: ['10.20.0.0/16'] },
      ca: { cidrs: ['10.0.1.0/24'], createSecurityGroup: true },
      ces: { cidrs: ['10.0.2.0/24'], createSecurityGroup: true },
      dc: { cidrs: ['10.0.0.0/24'], securityGroupId: dcSg.id },
    },
  });
  if (where === 'after' || where === 'both') unrelated(fw, stack, 'after');
  return { stack, adcs, json: JSON.parse(fw.core.Testing.synth(stack)) };
}

/** The library's resources and outputs of a synthesized stack (addresses under `adcs`), by address. */
export function libraryElements(json: any): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [type, byName] of Object.entries<any>(json.resource ?? {})) {
    for (const [name, body] of Object.entries<any>(byName)) if (name.startsWith('adcs_')) out[`${type}.${name}`] = body;
  }
  for (const [name, body] of Object.entries<any>(json.output ?? {})) if (name.startsWith('adcs_')) out[`output.${name}`] = body;
  return out;
}

const refused = (fn: () => unknown): AdcsInputError => {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof AdcsInputError, String(e));
    return e;
  }
  assert.fail('not refused');
};

/**
 * The library's resources and outputs in each token stack, counted by hand (catalogue v2).
 * Azure (ca and web for ces+cep created, dc on the user's NSG): 2 NSGs, 2 associations, 25 rules:
 * 13 inbound (clients, dc, ces into ca; clients into ces and cep; ca, ces, cep, clients x TCP+UDP
 * into dc), 8 outbound (ca x 2, ces x 3, cep x 2, dc x 1), a deny and a probe Allow per created NSG.
 * AWS (ca, ces created, dc on the user's group, one client CIDR): 2 groups; 40 ingress (ca 6:
 * 135 and 49152-65535 from clients, dc, ces; ces 1; dc 33); 27 egress (ca->dc 13, ces->ca 2,
 * ces->dc 10, dc->ca 2); and an output with each created group's id: 71.
 * The flows: enroll-dcom, dc-enroll-dcom, ces-https, ces-dcom, directory from ca and ces (TCP,
 * UDP), client-directory (TCP, UDP), ca-dc-rpc: 11 on AWS; Azure adds cep-https and cep's
 * directory (TCP, UDP): 14.
 */
const LIBRARY_ELEMENTS = { Azure: 29, AWS: 71 };

/** Tokens in props on one framework: accepted where they name the user's resources, stable identity, refused with why elsewhere. */
export function tokenSuite(fw: FrameworkUnderTest): void {
  describe(`tokens in props on ${fw.name}`, () => {
    it('Azure: resource group, location, subnet ids and an existing NSG given as tokens reach Terraform as references', () => {
      // GIVEN the user's resource group, subnets and NSG passed as tokens  WHEN synthesized
      const { json, adcs } = azureTokenStack(fw);
      const nsgs = json.resource.azurerm_network_security_group;
      const created = Object.entries<any>(nsgs).filter(([n]) => n.startsWith('adcs_'));
      // THEN the created NSGs sit in the user's resource group and its location
      assert.equal(created.length, 2);
      for (const [, nsg] of created) {
        assert.equal(nsg.resource_group_name, '${azurerm_resource_group.rg.name}');
        assert.equal(nsg.location, '${azurerm_resource_group.rg.location}');
      }
      // AND each subnet is associated by its reference, the DC rules go to the user's NSG
      const assoc = Object.values<any>(json.resource.azurerm_subnet_network_security_group_association).map((a) => a.subnet_id).sort();
      assert.deepEqual(assoc, ['${azurerm_subnet.snet-ca.id}', '${azurerm_subnet.snet-web.id}']);
      const dcRules = Object.values<any>(json.resource.azurerm_network_security_rule).filter((r) => r.network_security_group_name === '${azurerm_network_security_group.nsg-dc.name}');
      // by hand (catalogue v2): inbound from ca, ces, cep and clients, TCP and UDP each (directory,
      // client-directory); outbound dc -> ca TCP (dc-enroll-dcom); no deny on the existing NSG
      assert.deepEqual(dcRules.map((r) => r.name).sort(), ['pki-in-ca-to-dc-tcp', 'pki-in-ca-to-dc-udp', 'pki-in-cep-to-dc-tcp', 'pki-in-cep-to-dc-udp',
        'pki-in-ces-to-dc-tcp', 'pki-in-ces-to-dc-udp', 'pki-in-clients-to-dc-tcp', 'pki-in-clients-to-dc-udp', 'pki-out-dc-to-ca-tcp']);
      assert.ok(dcRules.every((r) => r.resource_group_name === '${azurerm_network_security_group.nsg-dc.resource_group_name}'));
      // AND no token text is left anywhere, and the check passes against the construct's own estate
      assert.doesNotMatch(JSON.stringify(json), /Token\[/);
      assert.equal(checkPlan(json, adcs.spec).ok, true);
    });

    it('AWS: the VPC id and an existing security group id given as tokens reach Terraform as references', () => {
      // GIVEN the user's VPC and DC security group passed as tokens  WHEN synthesized
      const { json, adcs } = awsTokenStack(fw);
      // THEN created groups are in the user's VPC, and the DC rules are on the user's group
      const groups = Object.entries<any>(json.resource.aws_security_group).filter(([n]) => n.startsWith('adcs_'));
      assert.equal(groups.length, 2);
      assert.ok(groups.every(([, g]) => g.vpc_id === '${aws_vpc.vpc.id}'));
      const onDc = Object.values<any>(json.resource.aws_vpc_security_group_ingress_rule).filter((r) => r.security_group_id === '${aws_security_group.dc-sg.id}');
      // by hand: DIRECTORY is TCP 53, 88, 389, 464, 636, 3268-3269 and UDP 53, 88, 389, 464 (10 rules per
      // peer); ca adds ca-dc-rpc's TCP 135, 445 and 49152-65535 (13); ces 10; the one client CIDR 10
      assert.equal(onDc.length, 33);
      assert.ok(Object.values<any>(json.resource.aws_vpc_security_group_egress_rule).some((r) => r.referenced_security_group_id === '${aws_security_group.dc-sg.id}'));
      // AND the construct exposes the user's token for the existing group, and the check passes
      assert.match(adcs.aws.securityGroupIds.dc, /Token\[/);
      assert.doesNotMatch(JSON.stringify(json), /Token\[/);
      assert.equal(checkPlan(json, adcs.spec).ok, true);
    });

    for (const [platform, build] of [['Azure', azureTokenStack], ['AWS', awsTokenStack]] as const) {
      it(`${platform}: an unrelated resource before or after the construct changes no address and no body of the library's resources`, () => {
        // GIVEN the same estate in a stack alone, and with an unrelated resource (that allocates tokens) before, after, both
        const base = libraryElements(build(fw, 'none').json);
        assert.equal(Object.keys(base).length, LIBRARY_ELEMENTS[platform]);
        for (const where of ['before', 'after', 'both'] as const) {
          // WHEN synthesized  THEN every address and body of the library's resources is the same
          assert.deepEqual(libraryElements(build(fw, where).json), base, where);
        }
      });
    }

    it('assertStackSatisfies and the matcher check every construct of a stack against its own estate, tokens resolved', () => {
      for (const build of [azureTokenStack, awsTokenStack]) {
        // GIVEN a stack of the user's resources and the construct, given tokens
        const { stack, adcs, json } = build(fw);
        // THEN the stack, the construct, and the synthesized JSON with the construct or its spec all pass
        assert.doesNotThrow(() => assertStackSatisfies(stack));
        assert.doesNotThrow(() => assertStackSatisfies(adcs));
        // AND the report behind them: the one construct, every flow allowed, as the plan's own check
        const plan = checkPlan(json, adcs.spec);
        for (const reports of [checkStack(stack), checkStack(adcs)]) {
          assert.deepEqual(reports.map((r) => r.path), ['site/adcs']);
          assert.deepEqual(reports[0].report, plan);
        }
        assert.deepEqual(plan.flows.filter((f) => f.status !== 'allowed'), []);
        assert.equal(plan.flows.length, build === azureTokenStack ? 14 : 11);
        assert.equal(toSatisfyAdcsEstate(stack).pass, true);
        assert.equal(toSatisfyAdcsEstate(adcs).pass, true);
        assert.equal(toSatisfyAdcsEstate(json, adcs).pass, true);
        assert.equal(toSatisfyAdcsEstate(JSON.stringify(json), adcs.spec).pass, true);
      }
    });

    it('assertStackSatisfies throws with the report when a resource of the user lets extra traffic in', () => {
      // GIVEN the AWS stack plus the user's own rule opening RDP from anywhere on the CA's group, which the estate creates (owns)
      const { stack, adcs } = awsTokenStack(fw);
      const rdp = new fw.core.TerraformResource(stack, 'rdp-anywhere', { terraformResourceType: 'aws_vpc_security_group_ingress_rule' });
      for (const [k, v] of Object.entries({ security_group_id: adcs.aws.securityGroupIds.ca, cidr_ipv4: '0.0.0.0/0', ip_protocol: 'tcp', from_port: 3389, to_port: 3389 })) rdp.addOverride(k, v);
      // WHEN checked  THEN it throws, naming the construct and the extra traffic
      assert.throws(() => assertStackSatisfies(stack), (e: Error) => /site\/adcs: does not satisfy its estate/.test(e.message) && /3389/.test(e.message));
      assert.equal(toSatisfyAdcsEstate(stack).pass, false);
      // AND a stack without the construct is refused with a message saying what to give
      const empty = new fw.core.TerraformStack(fw.core.Testing.app(), 'empty');
      assert.throws(() => assertStackSatisfies(empty), /no AdcsEnrollmentSecurity found/);
    });

    it('assertStackSatisfies passes, warning, when the user\'s rule is on a group the estate does not own', () => {
      // GIVEN the same RDP rule on the DC's existing group (another team's: issue 19, shared estates)
      const { stack } = awsTokenStack(fw);
      const dcSg = stack.node.findChild('dc-sg');
      const rdp = new fw.core.TerraformResource(stack, 'rdp-anywhere', { terraformResourceType: 'aws_vpc_security_group_ingress_rule' });
      for (const [k, v] of Object.entries({ security_group_id: dcSg.getStringAttribute('id'), cidr_ipv4: '0.0.0.0/0', ip_protocol: 'tcp', from_port: 3389, to_port: 3389 })) rdp.addOverride(k, v);
      // WHEN checked  THEN it passes, and the report warns about the foreign rule (ADCS-C009)
      const reports = checkStack(stack);
      assert.deepEqual(reports.map((r) => r.report.ok), [true]);
      assert.ok(reports[0].report.findings.some((f) => f.ruleId === 'ADCS-C009' && /rdp-anywhere/.test(f.message) && /3389/.test(f.message)));
    });

    it('refuses a token for a CIDR, saying why', () => {
      const app = fw.core.Testing.app({ stackTraces: false });
      const stack = new fw.core.TerraformStack(app, 'site');
      const sn = userResource(fw, stack, 'snet', 'azurerm_subnet');
      // GIVEN a subnet's address prefix as the CA's CIDR  WHEN constructed  THEN refused at that path with the reason
      const e = refused(() => new fw.lib.AdcsEnrollmentSecurity(stack, 'adcs', {
        azure: { resourceGroupName: 'rg', location: 'westeurope' },
        tiers: { clients: { cidrs: ['10.20.0.0/16'] }, ca: { cidrs: [sn.attr('address_prefix')], subnetIds: [sn.id] }, dc: { cidrs: ['10.0.0.0/24'] } },
      }));
      assert.equal(e.problems.length, 1);
      assert.equal(e.problems[0].path, 'tiers.ca.cidrs[0]');
      assert.match(e.problems[0].message, /azurerm_subnet\.snet\.address_prefix.*not accepted for a CIDR: the rules are computed from the addresses at synth/);
      assert.deepEqual(stack.node.findAll().map((n: any) => n.node.path).filter((p: string) => p.startsWith('site/adcs/')), []);
    });

    it('refuses a list token for subnetIds and a token for a port or a created name, naming the path', () => {
      const app = fw.core.Testing.app({ stackTraces: false });
      const stack = new fw.core.TerraformStack(app, 'site');
      const r = new fw.core.TerraformResource(stack, 'vnet', { terraformResourceType: 'azurerm_virtual_network' });
      const e = refused(() => new fw.lib.AdcsEnrollmentSecurity(stack, 'adcs', {
        dcomPort: r.getNumberAttribute('port'),
        azure: { resourceGroupName: 'rg', location: 'westeurope' },
        tiers: {
          clients: { cidrs: ['10.20.0.0/16'] },
          ca: { cidrs: ['10.0.1.0/24'], subnetIds: r.getListAttribute('subnet_ids'), nsgName: r.getStringAttribute('name') },
          dc: { cidrs: ['10.0.0.0/24'] },
        },
      }));
      assert.deepEqual(e.problems.map((p) => p.path), ['dcomPort', 'tiers.ca.subnetIds', 'tiers.ca.nsgName']);
      assert.match(e.problems[0].message, /not accepted for dcomPort: it decides which rules are written/);
      assert.match(e.problems[1].message, /is a list token .*give each id as its own element/);
      assert.match(e.problems[2].message, /azurerm_virtual_network\.vnet\.name.*not accepted for tiers\.ca\.nsgName/);
    });

    it('validates a token that stands for a literal as that literal', () => {
      const app = fw.core.Testing.app({ stackTraces: false });
      const stack = new fw.core.TerraformStack(app, 'site');
      const e = refused(() => new fw.lib.AdcsEnrollmentSecurity(stack, 'adcs', {
        aws: { vpcId: 'vpc-0abc' },
        tiers: { clients: { cidrs: ['10.20.0.0/16'] }, ca: { cidrs: ['10.0.1.0/24'], securityGroupId: fw.core.Token.asString('sg-xyz') }, dc: { cidrs: ['10.0.0.0/24'] } },
      }));
      assert.equal(e.problems[0].path, 'tiers.ca.securityGroupId');
      assert.match(e.problems[0].message, /^"sg-xyz" is not a security group id/);
    });
  });
}
