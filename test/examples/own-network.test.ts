import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { App, Testing } from 'cdktf';
import { assertStackSatisfies, checkStack } from '../../lib/testing/stack-check';
import { ownNetworkAws, ownNetworkAzure } from '../../examples/own-network';

function synth(add: (app: App) => any): { stack: any; json: any } {
  const app = Testing.app({ stackTraces: false });
  const adcs = add(app);
  const stack = adcs.node.scope;
  return { stack, json: JSON.parse(Testing.synth(stack)) };
}

/** Each construct's path, verdict, flows, flows allowed and over-permissive findings. */
const summary = (stack: object): [string, boolean, number, number, number][] => checkStack(stack).map((r) => [r.path, r.report.ok,
  r.report.flows.length, r.report.flows.filter((f) => f.status === 'allowed').length, r.report.extras.filter((e) => e.kind === 'over-permissive').length]);

describe('example: a stack that creates its own network', () => {
  it('Azure: the created NSGs live in the user\'s resource group, are associated by subnet reference, and the stack satisfies its estate', () => {
    // GIVEN the example stack (resource group, VNet, subnets and the DCs' NSG of its own)  WHEN synthesized
    const { stack, json } = synth(ownNetworkAzure);
    // THEN the associations point at the user's subnets, the DC rules at the user's NSG
    const assoc = Object.values<any>(json.resource.azurerm_subnet_network_security_group_association).map((a) => a.subnet_id).sort();
    assert.deepEqual(assoc, ['${azurerm_subnet.snet-ca.id}', '${azurerm_subnet.snet-web.id}']);
    const nsgs = Object.entries<any>(json.resource.azurerm_network_security_group).filter(([n]) => n.startsWith('adcs_'));
    assert.deepEqual(nsgs.map(([, n]) => [n.name, n.resource_group_name, n.location]).sort(), [
      ['pki-own-weu-ca-nsg', '${azurerm_resource_group.rg.name}', '${azurerm_resource_group.rg.location}'],
      ['pki-own-weu-web-nsg', '${azurerm_resource_group.rg.name}', '${azurerm_resource_group.rg.location}'],
    ]);
    // by hand (catalogue v2): inbound from ca, ces, cep and clients (TCP, UDP each), outbound dc -> ca TCP
    assert.equal(Object.values<any>(json.resource.azurerm_network_security_rule).filter((r) => r.network_security_group_name === '${azurerm_network_security_group.nsg-dc.name}').length, 9);
    // AND the stack-level check passes
    assert.doesNotThrow(() => assertStackSatisfies(stack));
    // AND its report: one construct, every flow allowed, nothing over-permissive. 14 flows by hand:
    // enroll-dcom, dc-enroll-dcom, ces-https, cep-https, ces-dcom, directory from ca, ces and cep
    // (TCP, UDP), client-directory (TCP, UDP), ca-dc-rpc
    assert.deepEqual(summary(stack), [['own-network-azure/adcs', true, 14, 14, 0]]);
  });

  it('AWS: the created groups are in the user\'s VPC, the DC rules on the user\'s group, and the stack satisfies its estate', () => {
    const { stack, json } = synth(ownNetworkAws);
    const groups = Object.entries<any>(json.resource.aws_security_group).filter(([n]) => n.startsWith('adcs_'));
    assert.equal(groups.length, 2);
    assert.ok(groups.every(([, g]) => g.vpc_id === '${aws_vpc.vpc.id}'));
    // by hand: DIRECTORY (10 rules) from ca, ces and the one client CIDR, and ca-dc-rpc's 135, 445, 49152-65535 from ca
    assert.equal(Object.values<any>(json.resource.aws_vpc_security_group_ingress_rule).filter((r) => r.security_group_id === '${aws_security_group.dc-sg.id}').length, 33);
    assert.doesNotThrow(() => assertStackSatisfies(stack));
    // AND its report: 11 flows by hand (the Azure estate's without cep-https and cep's directory)
    assert.deepEqual(summary(stack), [['own-network-aws/adcs', true, 11, 11, 0]]);
  });
});
