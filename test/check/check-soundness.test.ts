import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkPlan } from '../../lib/check/check';
import { resolveSpec } from '../../lib/spec';
import { AWS, modernAws, synthAws } from '../platforms/aws/support/estates';
import { richAzure, synthEstate } from '../support/estates';

// Plans that look harmless but are wrong: check must not pass them (independent review findings).
/** The tiers of richAzure with an enforcement point: subnets (ca, ces, cep, dc, webEnrollment, ndes, cdp) or an existing NSG (ocsp). */
const ENFORCED_AZURE_TIERS = ['ca', 'ces', 'cep', 'dc', 'webEnrollment', 'ndes', 'ocsp', 'cdp'];

describe('check soundness', () => {
  const azure = richAzure();
  const azureSpec = resolveSpec(azure, 'test');

  it('fails a plan that enforces nothing the spec declares (Azure: no NSGs, no associations)', () => {
    const plan = synthEstate(azure).json;
    delete plan.resource.azurerm_subnet_network_security_group_association;
    const r = checkPlan(plan, azureSpec);
    assert.equal(r.ok, false);
    assert.ok(r.missing.some((m) => m.tier === 'ca' && /^subnet \S+\/ca has no NSG associated in the plan$/.test(m.detail)), JSON.stringify(r.missing));
    // AND an empty plan fails for want of every enforcement point the rich estate declares: the
    // seven tiers on subnets (ca, ces, cep, dc, webEnrollment, ndes, cdp) and ocsp's existing NSG
    const empty = checkPlan({ resource: {} }, azureSpec);
    assert.equal(empty.ok, false);
    assert.deepEqual(empty.missing.map((m) => m.tier), ENFORCED_AZURE_TIERS);
    assert.equal(empty.missing.find((m) => m.tier === 'ocsp')!.detail, 'the plan writes no rule to NSG rg-net/nsg-ocsp');
  });

  it('fails an Azure spec checked against an AWS plan, and the reverse', () => {
    const aws = modernAws();
    // GIVEN an AWS plan  WHEN checked against the Azure spec  THEN no enforcement point of the Azure estate is found
    const azureOnAws = checkPlan(synthAws(aws).json, azureSpec);
    assert.equal(azureOnAws.ok, false);
    assert.deepEqual(azureOnAws.missing.map((m) => m.tier), ENFORCED_AZURE_TIERS);
    // AND the reverse: the AWS estate's created groups (ca, ces, cep) are absent, the DCs' group gets no
    // rule; of its 14 flows (enroll-dcom, dc-enroll-dcom, ces-https, cep-https, ces-dcom, directory from
    // ca, ces and cep and client-directory, TCP and UDP each, ca-dc-rpc) the 10 with an end on the DCs'
    // existing group are blocked there, and the 4 between clients and absent groups are unenforced
    const awsOnAzure = checkPlan(synthEstate(azure).json, resolveSpec(aws, 'test'));
    assert.equal(awsOnAzure.ok, false);
    assert.deepEqual(awsOnAzure.missing.map((m) => `${m.tier}: ${m.detail}`), ['ca: no aws_security_group named "pki-ca" in the estate\'s VPC',
      'ces: no aws_security_group named "pki-ces" in the estate\'s VPC', 'cep: no aws_security_group named "pki-cep" in the estate\'s VPC',
      'dc: the plan writes no rule to security group sg-0123456789abcdef0']);
    assert.deepEqual(awsOnAzure.flows.filter((f) => f.status !== 'blocked').map((f) => `${f.flow.id} ${f.status}`),
      ['enroll-dcom unenforced', 'ces-https unenforced', 'cep-https unenforced', 'ces-dcom unenforced']);
    assert.equal(awsOnAzure.flows.filter((f) => f.status === 'blocked').length, 10);
  });

  it('reports a rule whose priority it cannot read instead of ignoring it (Azure)', () => {
    const plan = synthEstate(azure).json;
    const rules = plan.resource.azurerm_network_security_rule as Record<string, any>;
    const k = Object.keys(rules).find((x) => x.includes('ca-nsg-in-clients-ca-tcp'))!;
    rules.evil = { ...rules[k], name: 'evil', priority: '${var.p}', source_address_prefix: '*', destination_port_range: '*' };
    delete rules.evil.source_address_prefixes;
    delete rules.evil.destination_port_ranges;
    const r = checkPlan(plan, azureSpec);
    assert.equal(r.ok, false);
    assert.ok(r.unresolved.some((u) => u.startsWith('azurerm_network_security_rule.evil: priority ${var.p} (a variable, set at plan time)')), r.unresolved.join('\n'));
  });

  it('fails an allow-all egress nobody asked for, toward addresses of no tier (AWS)', () => {
    const props = modernAws({ tiers: { ...modernAws().tiers, clients: { cidrs: ['10.20.0.0/16'], createSecurityGroup: true } },
      aws: { ...AWS, ruleQuota: 200 } });
    const plan = synthAws(props).json;
    const sg = Object.keys(plan.resource.aws_security_group).find((k) => k.includes('ca-security-group'))!;
    plan.resource.aws_vpc_security_group_egress_rule.evil = { security_group_id: `\${aws_security_group.${sg}.id}`, ip_protocol: '-1', cidr_ipv4: '0.0.0.0/0' };
    const r = checkPlan(plan, resolveSpec(props, 'test'));
    assert.equal(r.ok, false);
    assert.ok(r.extras.some((e) => e.kind === 'over-permissive' && e.from === 'ca' && e.to === 'elsewhere' && e.rules.includes('aws_vpc_security_group_egress_rule.evil')));
  });

  it('passes the library\'s own plan with aws.allowAllEgress, reporting the egress as requested', () => {
    const props = modernAws({ aws: { ...AWS, ruleQuota: 100, allowAllEgress: true } });
    const r = checkPlan(synthAws(props).json, resolveSpec(props, 'test'));
    assert.equal(r.ok, true, JSON.stringify(r.extras.filter((e) => e.kind === 'over-permissive')));
    assert.ok(r.extras.some((e) => e.kind === 'requested'));
  });

  it('fails a rule referencing a security group of no tier (AWS): its hosts may have any address', () => {
    const props = modernAws();
    const plan = synthAws(props).json;
    const sg = Object.keys(plan.resource.aws_security_group).find((k) => k.includes('ca-security-group'))!;
    plan.resource.aws_vpc_security_group_ingress_rule.evil = {
      security_group_id: `\${aws_security_group.${sg}.id}`, ip_protocol: '-1', referenced_security_group_id: 'sg-0badbadbadbadbad0' };
    const r = checkPlan(plan, resolveSpec(props, 'test'));
    assert.equal(r.ok, false);
    // THEN the group's hosts are not described by the spec, so they may have any address: the rule
    // may let every protocol in from anywhere, and is over-permissive on the CA's (created) group
    const evil = r.extras.filter((e) => e.kind === 'over-permissive' && e.rules.includes('aws_vpc_security_group_ingress_rule.evil'));
    assert.ok(evil.some((e) => e.from === 'elsewhere' && e.to === 'ca' && e.protocol === 'tcp' && e.ports.join() === '0-65535'), JSON.stringify(evil));
  });
});

describe('check judges every address, and addresses with ports', () => {
  it('catches a rule from a range of no tier anywhere in the address space (Azure)', () => {
    const props = richAzure();
    const plan = synthEstate(props).json;
    const nsg = Object.keys(plan.resource.azurerm_network_security_group).find((k) => k.includes('pki-ca-nsg'))!;
    plan.resource.azurerm_network_security_rule.rdp = {
      name: 'rdp', network_security_group_name: `\${azurerm_network_security_group.${nsg}.name}`, resource_group_name: 'rg-pki',
      priority: 101, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', source_port_range: '*',
      source_address_prefix: '10.99.0.0/16', destination_address_prefix: '10.0.1.0/24', destination_port_range: '3389' };
    const r = checkPlan(plan, resolveSpec(props, 'test'));
    assert.equal(r.ok, false);
    assert.ok(r.extras.some((e) => e.from === 'elsewhere' && e.to === 'ca' && e.ports.join() === '3389' && e.rules.includes('azurerm_network_security_rule.rdp')));
  });

  it('catches egress to a single outside host (AWS)', () => {
    const props = modernAws();
    const plan = synthAws(props).json;
    const sg = Object.keys(plan.resource.aws_security_group).find((k) => k.includes('ca-security-group'))!;
    plan.resource.aws_vpc_security_group_egress_rule.dns = { security_group_id: `\${aws_security_group.${sg}.id}`, ip_protocol: 'udp', from_port: 53, to_port: 53, cidr_ipv4: '8.8.8.8/32' };
    const r = checkPlan(plan, resolveSpec(props, 'test'));
    assert.equal(r.ok, false);
    assert.ok(r.extras.some((e) => e.from === 'ca' && e.to === 'elsewhere' && e.protocol === 'udp' && e.ports.join() === '53'));
  });

  it('does not let a flow of a tier inside a wider one excuse the wider one (AWS, clients 10.0.0.0/8 around the CA)', () => {
    // GIVEN clients spanning 10.0.0.0/8, the CA inside it, SMB publishing from the CA to the CDP
    const props = modernAws({ crlPublishing: 'smb', aws: { ...AWS, ruleQuota: 200 },
      tiers: { ...modernAws().tiers, clients: { cidrs: ['10.0.0.0/8'] }, cdp: { cidrs: ['172.20.0.0/24'], createSecurityGroup: true } } });
    const plan = synthAws(props).json;
    const sg = Object.keys(plan.resource.aws_security_group).find((k) => k.includes('cdp-security-group'))!;
    // WHEN a rule lets every client write to the CRL share
    plan.resource.aws_vpc_security_group_ingress_rule.smb = { security_group_id: `\${aws_security_group.${sg}.id}`, ip_protocol: 'tcp', from_port: 445, to_port: 445, cidr_ipv4: '10.0.0.0/8' };
    const r = checkPlan(plan, resolveSpec(props, 'test'));
    // THEN it is over-permissive: only the CA's addresses need 445
    assert.equal(r.ok, false);
    assert.ok(r.extras.some((e) => e.kind === 'over-permissive' && e.from === 'clients' && e.to === 'cdp' && e.ports.join() === '445'), JSON.stringify(r.extras));
  });
});
