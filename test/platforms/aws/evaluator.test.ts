import { awsEvaluator } from './support/evaluate';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PortRange } from '../../../lib/model/port-range';
import { Protocol } from '../../../lib/model/protocol';
import { EstateProps } from '../../../lib/input/props';
import { resolveSpec } from '../../../lib/spec';
import { estateProps } from '../../support/fixtures';
import { awsInlineRule } from '../../support/inline-rules';

const DC = 'sg-0123456789abcdef0';
const CA = '${aws_security_group.ca.id}';
const props: EstateProps = estateProps({
  name: 'ev', platform: 'aws', aws: { vpcId: 'vpc-1' },
  tiers: {
    clients: { cidrs: ['10.20.0.0/16', '10.40.0.0/16'] },
    ca: { cidrs: ['10.0.1.0/24'], createSecurityGroup: true },
    dc: { cidrs: ['10.0.0.0/24'], securityGroupId: DC },
    admins: { cidrs: ['10.0.9.0/28'] },
  },
});
const spec = resolveSpec(props, 'test');
const text = (rs: readonly PortRange[]): string => rs.map(String).join(',') || 'nothing';

/** A plan with the CA's group and the given rules (name → resource). */
function plan(resources: Record<string, Record<string, Record<string, unknown>>>): unknown {
  return { resource: { aws_security_group: { ca: { name: 'ev-ca', vpc_id: 'vpc-1' } }, ...resources } };
}
const ingress = (name: string, r: Record<string, unknown>): Record<string, Record<string, unknown>> => ({ [name]: { security_group_id: CA, ...r } });

describe('AwsEvaluator', () => {
  it('allows a port only when the CIDRs allowing it cover every address of the origin tier', () => {
    // GIVEN 135 from one of the clients' two CIDRs, and 443 from both (two rules)
    const ev = awsEvaluator(plan({ aws_vpc_security_group_ingress_rule: {
      ...ingress('half', { ip_protocol: 'tcp', from_port: 135, to_port: 135, cidr_ipv4: '10.20.0.0/16' }),
      ...ingress('a', { ip_protocol: 'tcp', from_port: 443, to_port: 443, cidr_ipv4: '10.20.0.0/16' }),
      ...ingress('b', { ip_protocol: 'tcp', from_port: 443, to_port: 443, cidr_ipv4: '10.40.0.0/16' }),
    } }), spec);
    // WHEN the clients ask for TCP to the CA
    const r = ev.reach({ tier: 'clients' }, 'ca', Protocol.TCP);
    // THEN 443 is allowed for all, 135 only for some (reported, not allowed)
    assert.equal(text(r.inbound.allowed), '443');
    assert.equal(text(r.inbound.anyAllowed), '135,443');
    assert.deepEqual(r.inbound.rules.map((x) => x.split('.')[1]).sort(), ['a', 'b', 'half']);
    assert.deepEqual(ev.unresolved, []);
  });

  it('reads ip_protocol -1 as every protocol and port, and matches referenced groups by membership', () => {
    // GIVEN all traffic from the DCs' group, and TCP 88 from a CIDR that holds the DCs' addresses
    const ev = awsEvaluator(plan({ aws_vpc_security_group_ingress_rule: {
      ...ingress('all', { ip_protocol: '-1', referenced_security_group_id: DC }),
      ...ingress('wide', { ip_protocol: 'tcp', from_port: 88, to_port: 88, cidr_ipv4: '10.0.0.0/16' }),
    } }), spec);
    // THEN the DCs reach every UDP and TCP port of the CA; admins (in 10.0.0.0/16, not in the group) only TCP 88
    assert.equal(text(ev.ingress({ tier: 'dc' }, 'ca', Protocol.UDP).allowed), '0-65535');
    assert.equal(text(ev.ingress({ tier: 'admins' }, 'ca', Protocol.TCP).allowed), '88');
    assert.equal(text(ev.ingress({ tier: 'admins' }, 'ca', Protocol.UDP).anyAllowed), 'nothing');
    // AND addresses outside every tier inside 10.0.0.0/16 get TCP 88, the Internet nothing
    assert.equal(text(ev.ingress({ cidr: '10.0.200.0/24' }, 'ca', Protocol.TCP).allowed), '88');
    assert.equal(text(ev.ingress({ cidr: '192.0.2.0/24' }, 'ca', Protocol.TCP).anyAllowed), 'nothing');
  });

  it('gives a created group no egress unless a rule says so; a tier without a group is not enforced', () => {
    // GIVEN the CA's group with one egress rule to the DCs' group
    const ev = awsEvaluator(plan({ aws_vpc_security_group_egress_rule: {
      out: { security_group_id: CA, ip_protocol: 'udp', from_port: 53, to_port: 53, referenced_security_group_id: DC },
    } }), spec);
    // THEN CA→DC is UDP 53 only at the source; CA→admins nothing; the DCs' group has no rules here, admins no group
    const r = ev.reach({ tier: 'ca' }, 'dc', Protocol.UDP);
    assert.equal(text(r.outbound.allowed), '53');
    assert.equal(r.inbound.enforced, true);
    assert.equal(text(r.inbound.anyAllowed), 'nothing');
    assert.equal(text(ev.egress('ca', { tier: 'admins' }, Protocol.UDP).anyAllowed), 'nothing');
    const open = ev.reach({ tier: 'admins' }, 'clients', Protocol.TCP);
    assert.equal(open.inbound.enforced, false);
    assert.equal(text(open.allowed), '0-65535');
    assert.equal(ev.enforcedAt('clients'), false);
    assert.equal(ev.enforcedAt('ca'), true);
  });

  it('reads aws_security_group_rule (self, cidr_blocks) and inline blocks like AWS would apply them', () => {
    // GIVEN rules written the other ways Terraform allows (the library never writes them)
    const ev = awsEvaluator({ resource: {
      aws_security_group: { ca: { name: 'ev-ca', vpc_id: 'vpc-1', ingress: [awsInlineRule({ protocol: 'tcp', from_port: 3389, to_port: 3389, cidr_blocks: ['10.0.9.0/28'] })] } },
      aws_security_group_rule: {
        self: { type: 'ingress', security_group_id: CA, protocol: '6', from_port: 445, to_port: 445, self: true },
        both: { type: 'ingress', security_group_id: CA, protocol: 'tcp', from_port: 80, to_port: 81, cidr_blocks: ['10.20.0.0/16', '10.40.0.0/16'] },
      },
    } }, spec);
    // THEN each counts
    assert.equal(text(ev.ingress({ tier: 'admins' }, 'ca', Protocol.TCP).allowed), '3389');
    assert.equal(text(ev.ingress({ tier: 'ca' }, 'ca', Protocol.TCP).allowed), '445');
    assert.equal(text(ev.ingress({ tier: 'clients' }, 'ca', Protocol.TCP).allowed), '80-81');
  });

  it('lists what it cannot resolve instead of guessing', () => {
    // GIVEN a missing group reference, a data-source id, a prefix list, non-literal ports and a count from a variable
    const ev = awsEvaluator(plan({ aws_vpc_security_group_ingress_rule: {
      ...ingress('gone', { ip_protocol: 'tcp', from_port: 1, to_port: 1, referenced_security_group_id: '${aws_security_group.gone.id}' }),
      ...ingress('data', { ip_protocol: 'tcp', from_port: 2, to_port: 2, referenced_security_group_id: '${data.aws_security_group.x.id}' }),
      ...ingress('pl', { ip_protocol: 'tcp', from_port: 3, to_port: 3, prefix_list_id: 'pl-123' }),
      ...ingress('var', { ip_protocol: 'tcp', from_port: '${var.port}', to_port: 4, cidr_ipv4: '10.20.0.0/16' }),
      ...ingress('many', { ip_protocol: 'tcp', from_port: 5, to_port: 5, cidr_ipv4: '10.20.0.0/16', count: '${var.n}' }),
    } }), spec);
    // THEN each is listed, and none of their ports is allowed to anyone
    const joined = ev.unresolved.join('\n');
    for (const name of ['gone', 'data', 'pl', 'var', 'many']) assert.match(joined, new RegExp(`\\.${name}`), name);
    assert.equal(text(ev.ingress({ tier: 'clients' }, 'ca', Protocol.TCP).anyAllowed), 'nothing');
  });

  it('finds groups written with terraform show -json too', () => {
    // GIVEN the same kind of rule in the format of `terraform show -json` of the first plan: the group's
    // id known only after apply (after_unknown), the rule's group id named by its configuration's references
    const group = { mode: 'managed', type: 'aws_security_group', name: 'ca', address: 'aws_security_group.ca', provider_name: 'registry.terraform.io/hashicorp/aws' };
    const rule = { mode: 'managed', type: 'aws_vpc_security_group_ingress_rule', name: 'r', address: 'aws_vpc_security_group_ingress_rule.r', provider_name: 'registry.terraform.io/hashicorp/aws' };
    const ev = awsEvaluator({ format_version: '1.2', resource_changes: [
      { ...group, change: { actions: ['create'], before: null, after: { name: 'ev-ca', vpc_id: 'vpc-1', ingress: null, egress: null }, after_unknown: { id: true, ingress: true, egress: true } } },
      { ...rule, change: { actions: ['create'], before: null, after: { ip_protocol: 'tcp', from_port: 443, to_port: 443, cidr_ipv4: '10.0.9.0/28', cidr_ipv6: null }, after_unknown: { id: true, security_group_id: true } } },
    ], configuration: { root_module: { resources: [
      { address: 'aws_security_group.ca', mode: 'managed', type: 'aws_security_group', name: 'ca', provider_config_key: 'aws', expressions: { name: { constant_value: 'ev-ca' }, vpc_id: { constant_value: 'vpc-1' } } },
      { address: 'aws_vpc_security_group_ingress_rule.r', mode: 'managed', type: 'aws_vpc_security_group_ingress_rule', name: 'r', provider_config_key: 'aws',
        expressions: { security_group_id: { references: ['aws_security_group.ca.id', 'aws_security_group.ca'] }, ip_protocol: { constant_value: 'tcp' } } },
    ] } } }, spec);
    // THEN it is evaluated the same way
    assert.equal(text(ev.ingress({ tier: 'admins' }, 'ca', Protocol.TCP).allowed), '443');
  });
});
