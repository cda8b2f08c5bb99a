import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkPlan } from '../../lib/check/check';
import { awsInlineRule, NSG_RULE_NULLS } from '../support/inline-rules';
import { resolveSpec } from '../../lib/spec';
import { estateProps } from '../support/fixtures';

// A small AWS estate: the CA in a group the plan creates, DCs on an existing group, clients by CIDR.
const spec = resolveSpec(estateProps({
  name: 'hand', platform: 'aws', aws: { vpcId: 'vpc-0a1b2c3d4e5f67890' },
  tiers: {
    clients: { cidrs: ['10.20.0.0/16', '10.30.0.0/16'] },
    ca: { cidrs: ['10.50.1.0/28'], createSecurityGroup: true },
    dc: { cidrs: ['10.50.0.0/26'], securityGroupId: 'sg-0123456789abcdef0' },
  },
}), 'test');

const DC = 'sg-0123456789abcdef0';
const tcp = (from: number, to = from) => ({ protocol: 'tcp', from_port: from, to_port: to });
const udp = (from: number) => ({ protocol: 'udp', from_port: from, to_port: from });
const DIRECTORY = [tcp(53), udp(53), tcp(88), udp(88), tcp(389), udp(389), tcp(464), udp(464), tcp(636), tcp(3268, 3269)];

/** A plan written by hand: inline rules, aws_security_group_rule, a prefix list in the plan. */
function handWritten(dcomHigh = 65535): any {
  return {
    resource: {
      aws_ec2_managed_prefix_list: {
        clients: { name: 'clients', address_family: 'IPv4', max_entries: 5, entry: [{ cidr: '10.20.0.0/16' }] },
      },
      aws_ec2_managed_prefix_list_entry: {
        clients2: { prefix_list_id: '${aws_ec2_managed_prefix_list.clients.id}', cidr: '10.30.0.0/16' },
      },
      aws_security_group: {
        ca: {
          name: 'hand-ca', vpc_id: 'vpc-0a1b2c3d4e5f67890', description: 'CA',
          // inline: DCOM from the clients (by prefix list) ...
          ingress: [
            { ...tcp(135), prefix_list_ids: ['${aws_ec2_managed_prefix_list.clients.id}'] },
            { ...tcp(49152, dcomHigh), prefix_list_ids: ['${aws_ec2_managed_prefix_list.clients.id}'] },
            // ... and from the DCs, which enroll for their own certificates
            { ...tcp(135), security_groups: [DC] },
            { ...tcp(49152, 65535), security_groups: [DC] },
          ].map(awsInlineRule),
          // ... and the CA's own traffic to the DCs (RPC over TCP and over named pipes)
          egress: [...DIRECTORY, tcp(135), tcp(445), tcp(49152, 65535)].map((p) => awsInlineRule({ ...p, security_groups: [DC] })),
        },
      },
      aws_security_group_rule: Object.fromEntries([
        ...DIRECTORY.map((p, i) => [`dc_from_ca_${i}`, { type: 'ingress', security_group_id: DC, source_security_group_id: '${aws_security_group.ca.id}', ...p }]),
        ['dc_rpc_from_ca', { type: 'ingress', security_group_id: DC, source_security_group_id: '${aws_security_group.ca.id}', ...tcp(135) }],
        ['dc_dyn_from_ca', { type: 'ingress', security_group_id: DC, source_security_group_id: '${aws_security_group.ca.id}', ...tcp(49152, 65535) }],
        ['dc_smb_from_ca', { type: 'ingress', security_group_id: DC, source_security_group_id: '${aws_security_group.ca.id}', ...tcp(445) }],
        ['dc_enroll_135', { type: 'egress', security_group_id: DC, source_security_group_id: '${aws_security_group.ca.id}', ...tcp(135) }],
        ['dc_enroll_dyn', { type: 'egress', security_group_id: DC, source_security_group_id: '${aws_security_group.ca.id}', ...tcp(49152, 65535) }],
        ...DIRECTORY.flatMap((p, i) => ['10.20.0.0/16', '10.30.0.0/16'].map((c, j) =>
          [`dc_from_clients_${i}_${j}`, { type: 'ingress', security_group_id: DC, cidr_blocks: [c], ...p }])),
      ]),
    },
  };
}

describe('check on hand-written plans', () => {
  it('reads inline rules, aws_security_group_rule, group references and prefix lists defined in the plan', () => {
    // GIVEN a plan written by hand in three styles  WHEN checked  THEN every flow is allowed, nothing unresolved
    const r = checkPlan(handWritten(), spec);
    assert.deepEqual(r.unresolved, []);
    assert.deepEqual(r.flows.filter((f) => f.status !== 'allowed').map((f) => `${f.flow.id} ${f.flow.from}->${f.flow.to} ${f.missing.join()}`), []);
    assert.equal(r.ok, true, JSON.stringify(r.findings.filter((f) => f.level === "error")));
  });

  it('finds the hole in a hand-written plan (DCOM range cut short)', () => {
    const r = checkPlan(handWritten(60000), spec);
    assert.equal(r.ok, false);
    const blocked = r.flows.filter((f) => f.status === 'blocked');
    assert.deepEqual(blocked.map((f) => `${f.flow.id} ${f.missing.join()}`), ['enroll-dcom 60001-65535']);
  });

  it('reports a prefix list that is not in the plan instead of guessing', () => {
    const plan = handWritten();
    delete plan.resource.aws_ec2_managed_prefix_list;
    const r = checkPlan(plan, spec);
    assert.ok(r.unresolved.some((u) => /prefix list/.test(u)), r.unresolved.join('\n'));
    assert.equal(r.flows.find((f) => f.flow.id === 'enroll-dcom')!.status, 'blocked');
  });
});

describe('check on hand-written Azure plans', () => {
  it('reads inline security_rule blocks as the separate rule resources', async () => {
    const { richAzure, synthEstate } = await import('../support/estates');
    // GIVEN the library's plan with the CA NSG's rules moved inline into the NSG resource
    const props = richAzure();
    const plan = synthEstate(props).json;
    const nsgs = plan.resource.azurerm_network_security_group as Record<string, any>;
    const [caKey, ca] = Object.entries(nsgs).find(([, n]) => n.name === 'pki-ca-nsg')!;
    const rules = plan.resource.azurerm_network_security_rule as Record<string, any>;
    ca.security_rule = [];
    for (const [k, r] of Object.entries(rules)) {
      if (r.network_security_group_name !== `\${azurerm_network_security_group.${caKey}.name}`) continue;
      const { network_security_group_name: _n, resource_group_name: _g, '//': _m, ...rule } = r;
      // in JSON each security_rule object lists every attribute, null when unused (attributes as blocks)
      ca.security_rule.push({ ...NSG_RULE_NULLS, ...rule });
      delete rules[k];
    }
    // the CA NSG's 12 rules, by hand: in from clients, dc, ces, webEnrollment, ndes, ocsp, admins (7),
    // out to cdp and to dc TCP/UDP (3), the deny and the probe Allow (2)
    assert.equal(ca.security_rule.length, 12);
    // WHEN checked  THEN the same verdict: every flow allowed, the inline rules named
    const r = checkPlan(plan, resolveSpec(props, 'test'));
    assert.equal(r.ok, true);
    assert.deepEqual(r.unresolved, []);
    assert.ok(r.flows.find((f) => f.flow.id === 'enroll-dcom')!.inbound.some((x) => x.includes(`${caKey}#pki-in-clients-to-ca-tcp`)));
  });
});
