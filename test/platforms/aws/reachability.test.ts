import { awsEvaluator } from './support/evaluate';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { AdcsInputError } from '../../../lib/errors';
import { PortRange } from '../../../lib/model/port-range';
import { EstateProps, TierProps } from '../../../lib/input/props';
import { Protocol } from '../../../lib/model/protocol';
import { CesAuthentication, OsGeneration } from '../../../lib/model/options';
import { resolveSpec } from '../../../lib/spec';
import { EstateInput, estateProps, FlowInput, TierInput, tiersProps } from '../../support/fixtures';
import { auditAws } from './support/audit';
import { AWS, DC_SG, modernAws, richAws, synthAws, WEB_SG } from './support/estates';

/** Synthesizes `props` and asserts the audit finds nothing. */
function proves(props: EstateProps): void {
  // GIVEN the estate synthesized with Testing.synth  WHEN it is evaluated with AWS's semantics
  const { json } = synthAws(props);
  // THEN every flow is allowed at every port and nothing else passes the groups the library writes to
  assert.deepEqual(auditAws(json, props), []);
}

const core = (over: Partial<EstateInput> = {}, tiers: Readonly<Record<string, TierInput>> = {}, customFlows?: readonly FlowInput[]): EstateProps => estateProps({
  name: 'adcs', platform: 'aws', aws: AWS,
  ...over,
  ...(customFlows ? { customFlows } : {}),
  tiers: tiersProps({
    clients: { cidrs: ['10.20.0.0/16'] },
    ca: { cidrs: ['10.0.1.0/24'], createSecurityGroup: true },
    dc: { cidrs: ['10.0.0.0/24'], createSecurityGroup: true },
    ...tiers,
  }),
});

describe('AWS reachability (evaluated with security group semantics)', () => {
  it('modern estate: CA, CES and CEP on created groups, DCs on an existing group, clients by CIDR', () => proves(modernAws()));
  it('legacy estate, DCs created with their own RPC range', () => proves(core({ osGeneration: 'legacy' }, {
    clients: { cidrs: ['10.20.0.0/16', '10.21.0.0/16', '10.40.0.0/24'] },
    dc: { cidrs: ['10.0.0.0/24'], createSecurityGroup: true, rpcDynamicPorts: '50000-50999' },
  })));
  it('static DCOM port with the member baseline', () => proves(modernAws({ dcomPort: 10509, domainMemberFlows: true, aws: { ...AWS, ruleQuota: 100 } })));
  it('CES-only enrollment (directEnrollment false, username/password)', () => proves(core(
    { directEnrollment: false, cesAuthentication: 'usernamePassword' },
    { ces: { cidrs: ['10.0.2.0/24'], createSecurityGroup: true } },
  )));
  it('CES-only enrollment with Kerberos (clients keep the directory flows)', () => proves(core(
    { directEnrollment: false },
    { ces: { cidrs: ['10.0.2.0/24'], createSecurityGroup: true }, dc: { cidrs: ['10.0.0.0/24'], securityGroupId: DC_SG } },
  )));
  it('every optional tier, SMB publishing, shared existing group, custom flows', () => proves(richAws()));
  it('every optional tier with allow-all egress on created groups', () => proves(richAws({ aws: { ...AWS, ruleQuota: 200, allowAllEgress: true } })));
  it('tiers without groups on both ends of some flows', () => proves(core({}, {
    ca: { cidrs: ['10.0.1.0/24'] }, dc: { cidrs: ['10.0.0.0/24'], createSecurityGroup: true },
    cdp: { cidrs: ['10.0.3.0/24'] }, ocsp: { cidrs: ['10.0.4.0/24'], createSecurityGroup: true },
  })));

  it('v2.1: the account forest on its own existing group, every opt-in row, responders enrolled by hand, shared-port instances', () => proves(core(
    { caSmb: true, ocspRemoteAdmin: true, webEnrollmentCallback: true, ocspAutoEnroll: false, aws: { ...AWS, ruleQuota: 100 } },
    {
      admins: { cidrs: ['10.0.9.0/28'] },
      ocsp: { cidrs: ['10.0.4.0/24'], createSecurityGroup: true, rpcDynamicPorts: '40000-40999' },
      cdp: { cidrs: ['10.0.3.0/24'], createSecurityGroup: true },
      webEnrollment: { cidrs: ['10.0.5.0/24'], createSecurityGroup: true, osGeneration: OsGeneration.LEGACY },
      ces: { cidrs: ['10.0.2.0/24'], createSecurityGroup: true,
        instances: [{ port: 49999, authentication: CesAuthentication.USERNAME_PASSWORD }, { port: 49999, authentication: CesAuthentication.CERTIFICATE }] },
      accountDc: { cidrs: ['10.80.0.0/24', '10.81.0.0/24'], securityGroupId: DC_SG.replace(/0$/, '9'), rpcDynamicPorts: '50000-50999' },
    },
  )));
  it('v2.1: the account forest known by its CIDRs only (rules at the CA and CES ends)', () => proves(core({}, {
    ces: { cidrs: ['10.0.2.0/24'], createSecurityGroup: true },
    cep: { cidrs: ['10.0.2.0/24'], createSecurityGroup: true },
    accountDc: { cidrs: ['10.80.0.0/24'], osGeneration: OsGeneration.LEGACY },
  })));

  it('ICMP custom flows (all types) between created groups and to a tier known by CIDR', () => proves(core({}, {
    admins: { cidrs: ['10.0.9.0/28'] },
    ces: { cidrs: ['10.0.2.0/24'], createSecurityGroup: true },
  }, [
    { name: 'ping-dc', from: 'admins', to: 'dc', protocol: 'icmp', purpose: 'the LDAP client pings DCs' },
    { name: 'ping-ca', from: 'ces', to: 'ca', protocol: 'icmp', purpose: 'monitoring' },
  ])));

  it('v2 flows and ICMP as AWS writes them: DCs enroll, servers fetch CRLs, admins reach the DCs; icmp -1/-1', () => {
    // GIVEN created groups for the CA, DCs and CDP, admins by CIDR, an ICMP flow
    const props = core({}, { admins: { cidrs: ['10.0.9.0/28'] }, cdp: { cidrs: ['10.0.3.0/24'], createSecurityGroup: true } },
      [{ name: 'ping', from: 'ca', to: 'dc', protocol: 'icmp', purpose: 'ping' }]);
    const { json } = synthAws(props);
    const ev = awsEvaluator(json, resolveSpec(props, 'test'));
    // THEN the new flows are allowed end to end
    assert.ok(ev.reach({ tier: 'dc' }, 'ca', Protocol.TCP).allowed.some((p) => p.covers(PortRange.tcpRange(49152, 65535))));
    assert.ok(ev.reach({ tier: 'ca' }, 'cdp', Protocol.TCP).allowed.some((p) => p.contains(80)));
    assert.ok(ev.reach({ tier: 'dc' }, 'cdp', Protocol.TCP).allowed.some((p) => p.contains(80)));
    assert.ok(ev.reach({ tier: 'admins' }, 'dc', Protocol.UDP).allowed.some((p) => p.contains(389)));
    assert.ok(ev.reach({ tier: 'ca' }, 'dc', Protocol.TCP).allowed.some((p) => p.contains(445)));
    // AND ICMP is one rule each way with ip_protocol icmp and type/code -1 (never a port range)
    const icmp = ['ingress', 'egress'].flatMap((d) => Object.values<any>(json.resource[`aws_vpc_security_group_${d}_rule`]))
      .filter((r) => r.ip_protocol === 'icmp');
    assert.equal(icmp.length, 2);
    for (const r of icmp) assert.deepEqual([r.from_port, r.to_port], [-1, -1]);
    // every ICMP type, as the ICMP axis 0-65535
    assert.deepEqual(ev.reach({ tier: 'ca' }, 'dc', Protocol.ICMP).allowed.map(String), ['0-65535']);
    assert.deepEqual(ev.reach({ tier: 'clients' }, 'dc', Protocol.ICMP).inbound.anyAllowed, []);
  });

  it('an ICMP rule for one type does not allow an every-type ICMP flow', () => {
    // GIVEN the ICMP ingress rule narrowed to echo request (type 8, code 0)
    const props = core({}, {}, [{ name: 'ping', from: 'ca', to: 'dc', protocol: 'icmp', purpose: 'ping' }]);
    const { json } = synthAws(props);
    const rule = Object.values<any>(json.resource.aws_vpc_security_group_ingress_rule).find((r) => r.ip_protocol === 'icmp');
    Object.assign(rule, { from_port: 8, to_port: 0 });
    // WHEN audited  THEN the flow is reported as not wholly allowed
    assert.ok(auditAws(json, props).some((l) => l.startsWith('custom:ping|ca|dc|icmp')), auditAws(json, props).join('\n'));
  });

  it('the audit can fail: a missing rule, an extra port, a widened rule, an allow-all egress', () => {
    // GIVEN a correct plan
    const props = modernAws();
    const { json } = synthAws(props);
    const ingress = json.resource.aws_vpc_security_group_ingress_rule as Record<string, any>;
    const egress = json.resource.aws_vpc_security_group_egress_rule as Record<string, any>;
    const caRule = Object.keys(ingress).find((k) => k.includes('ca-in-cidr-10-20-0-0_16-tcp-135'))!;
    const mutate = (f: (j: any) => void): string[] => {
      const copy = JSON.parse(JSON.stringify(json));
      f(copy);
      return auditAws(copy, props);
    };
    // WHEN one rule is removed  THEN the flow it carried is reported blocked
    assert.ok(mutate((j) => delete j.resource.aws_vpc_security_group_ingress_rule[caRule]).some((l) => l.includes('enroll-dcom')));
    // WHEN a rule gains a port  THEN the extra port is reported
    assert.ok(mutate((j) => { j.resource.aws_vpc_security_group_ingress_rule[caRule].to_port = 136; }).some((l) => l.includes('136')));
    // WHEN SSH is opened from the clients  THEN it is reported
    assert.ok(mutate((j) => {
      j.resource.aws_vpc_security_group_ingress_rule.ssh = { ...ingress[caRule], from_port: 22, to_port: 22 };
    }).some((l) => l.includes('inbound clients->ca tcp') && l.includes('22')));
    // WHEN a created group gets allow-all egress the spec did not ask for  THEN it is reported
    const sg = egress[Object.keys(egress)[0]].security_group_id;
    assert.ok(mutate((j) => {
      j.resource.aws_vpc_security_group_egress_rule.all = { security_group_id: sg, ip_protocol: '-1', cidr_ipv4: '0.0.0.0/0' };
    }).some((l) => l.startsWith('outbound')));
    // WHEN a referenced group does not exist  THEN it is unresolved, not allowed
    assert.ok(mutate((j) => { j.resource.aws_vpc_security_group_ingress_rule[caRule].security_group_id = '${aws_security_group.gone.id}'; })
      .some((l) => l.startsWith('unresolved')));
  });

  it('holds for random estates (property)', () => {
    const tierKeys = ['ces', 'cep', 'webEnrollment', 'ndes', 'ndesClients', 'ocsp', 'cdp', 'admins', 'accountDc'] as const;
    const enforcement = fc.constantFrom('none', 'create', 'dcGroup', 'webGroup');
    const tier = fc.record({ cidrCount: fc.integer({ min: 1, max: 3 }), enforcement });
    const estate = fc.record({
      optional: fc.subarray([...tierKeys]),
      tiers: fc.dictionary(fc.constantFrom('clients', 'ca', 'dc', ...tierKeys), tier),
      legacy: fc.boolean(), dcomPort: fc.option(fc.constantFrom(10509, 50000), { nil: undefined }),
      direct: fc.boolean(), member: fc.boolean(), allEgress: fc.boolean(), smb: fc.boolean(),
      ocspAutoEnroll: fc.boolean(), caSmb: fc.boolean(), ocspRemoteAdmin: fc.boolean(), webEnrollmentCallback: fc.boolean(),
      custom: fc.array(fc.record({ from: fc.constantFrom('clients', 'ca', 'dc'), to: fc.constantFrom('ca', 'dc'), port: fc.integer({ min: 1, max: 65535 }) }), { maxLength: 3 }),
    });
    fc.assert(fc.property(estate, (e) => {
      const present = ['clients', 'ca', 'dc', ...e.optional];
      const tiers: Record<string, TierProps> = {};
      present.forEach((k, i) => {
        const t = e.tiers[k] ?? { cidrCount: 1, enforcement: 'none' };
        const en = t.enforcement;
        // tiers sharing an existing group are the same hosts (the planner refuses anything else)
        const cidrs = en === 'dcGroup' ? ['10.250.0.0/24'] : en === 'webGroup' ? ['10.251.0.0/24']
          : Array.from({ length: t.cidrCount }, (_, j) => `10.${i + 1}.${j * 2}.0/24`);
        tiers[k] = { cidrs, ...(en === 'create' ? { createSecurityGroup: true } : en === 'dcGroup' ? { securityGroupId: DC_SG } : en === 'webGroup' ? { securityGroupId: WEB_SG } : {}) };
      });
      const props = estateProps({
        name: 'prop', platform: 'aws', aws: { ...AWS, ruleQuota: 1000, allowAllEgress: e.allEgress },
        osGeneration: e.legacy ? 'legacy' : 'modern', dcomPort: e.dcomPort, directEnrollment: e.direct,
        domainMemberFlows: e.member, crlPublishing: e.smb && present.includes('cdp') ? 'smb' : 'none',
        ocspAutoEnroll: e.ocspAutoEnroll,
        caSmb: e.caSmb && present.includes('admins'),
        ocspRemoteAdmin: e.ocspRemoteAdmin && present.includes('admins') && present.includes('ocsp'),
        webEnrollmentCallback: e.webEnrollmentCallback && present.includes('webEnrollment'),
        tiers: tiersProps(tiers),
        customFlows: e.custom.map((c, i) => ({ name: `c${i}`, from: c.from, to: c.to, protocol: 'tcp', ports: [String(c.port)], purpose: 'p' })),
      });
      try {
        resolveSpec(props, 'test');
      } catch (err) {
        if (err instanceof AdcsInputError) return; // a spec the validator refuses is not this property's concern
        throw err;
      }
      if (present.every((k) => (e.tiers[k]?.enforcement ?? 'none') === 'none')) {
        // no tier has an enforcement point: synth refuses the silent no-op (ADCS-E067)
        assert.throws(() => synthAws(props), (err: AdcsInputError) => err.problems.some((p) => p.ruleId === 'ADCS-E067'));
        return;
      }
      const { json } = synthAws(props);
      assert.deepEqual(auditAws(json, props), []);
    }), { numRuns: 100, seed: 20261125 });
  });

  it('reports a created group it cannot find instead of treating the tier as open or closed', () => {
    // GIVEN a plan without the CA's group
    const props = modernAws();
    const { json } = synthAws(props);
    for (const k of Object.keys(json.resource.aws_security_group)) if (k.includes('ca-security-group')) delete json.resource.aws_security_group[k];
    // WHEN it is evaluated
    const ev = awsEvaluator(json, resolveSpec(props, 'test'));
    // THEN the group is listed as missing, every rule on it as unresolved, and the CA is not counted as enforced
    assert.ok(ev.missing.some((m) => m.tier === 'ca' && m.detail.includes('pki-ca')));
    assert.ok(ev.unresolved.some((u) => u.includes('ca-in-')));
    assert.equal(ev.enforcedAt('ca'), false);
  });
});
