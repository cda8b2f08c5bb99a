import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { readExports } from '../../lib/audit/exports';
import { AdcsInputError } from '../../lib/errors';
import { Platform } from '../../lib/model/options';

// Exports are recognised by their shape, all or nothing: every bad file is named with its problem.

const dir = mkdtempSync(path.join(tmpdir(), 'adcs-exports-'));
const file = (name: string, text: string): string => {
  writeFileSync(path.join(dir, name), text);
  return path.join(dir, name);
};

// Shapes as the CLIs print them (az: flattened ARM objects; aws: the operation's result key).
const NSG = { id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/n', name: 'n', securityRules: [], defaultSecurityRules: [] };
const SUBNET = { id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/a', addressPrefix: '10.0.1.0/24', name: 'a' };
const NIC = { id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkInterfaces/nic', ipConfigurations: [], type: 'Microsoft.Network/networkInterfaces' };

function problemOf(files: string[], platform: Platform): string {
  try {
    readExports(files, platform);
  } catch (e) {
    assert.ok(e instanceof AdcsInputError);
    return e.message;
  }
  assert.fail('no error');
}

describe('readExports', () => {
  it('recognises each az export by its shape, in any order, a byte-order mark allowed', () => {
    const files = [file('nics.json', JSON.stringify([NIC])), file('nsg.json', `\uFEFF${JSON.stringify(NSG)}`), file('nsgs.json', JSON.stringify([NSG])),
      file('subnets.json', JSON.stringify([SUBNET])), file('vnets.json', JSON.stringify([{ addressSpace: { addressPrefixes: ['10.0.0.0/16'] }, subnets: [] }])),
      file('eff.json', JSON.stringify({ value: [{ effectiveSecurityRules: [], networkSecurityGroup: { id: NSG.id } }] }))];
    assert.deepEqual(readExports(files, Platform.AZURE).map((e) => e.command), ['az network nic list', 'az network nsg show', 'az network nsg list',
      'az network vnet subnet list', 'az network vnet list', 'az network nic list-effective-nsg']);
  });

  it('recognises each aws ec2 export by its result key', () => {
    const files = [file('sg.json', JSON.stringify({ SecurityGroups: [{ GroupId: 'sg-1', IpPermissions: [], IpPermissionsEgress: [] }] })),
      file('sgr.json', JSON.stringify({ SecurityGroupRules: [{ SecurityGroupRuleId: 'sgr-1', GroupId: 'sg-1', IsEgress: false, IpProtocol: 'tcp' }] })),
      file('eni.json', JSON.stringify({ NetworkInterfaces: [{ NetworkInterfaceId: 'eni-1', Groups: [] }] })),
      file('acl.json', JSON.stringify({ NetworkAcls: [{ NetworkAclId: 'acl-1', Entries: [], Associations: [] }] }))];
    assert.deepEqual(readExports(files, Platform.AWS).map((e) => e.command), ['aws ec2 describe-security-groups', 'aws ec2 describe-security-group-rules',
      'aws ec2 describe-network-interfaces', 'aws ec2 describe-network-acls']);
  });

  it('refuses an ARM REST body, a --query projection, a plan and table output, each naming why', () => {
    assert.match(problemOf([file('rest.json', JSON.stringify({ value: [{ id: NSG.id, properties: { securityRules: [] } }] }))], Platform.AZURE), /an ARM REST body/);
    assert.match(problemOf([file('ids.json', JSON.stringify(['sg-1', 'sg-2']))], Platform.AWS), /a list of strings \(a --query projection\)/);
    assert.match(problemOf([file('plan.json', JSON.stringify({ format_version: '1.2', planned_values: {} }))], Platform.AZURE), /use check --plan for it/);
    assert.match(problemOf([file('table.txt', 'Name    Location\n----    --------\nn       westeurope\n')], Platform.AZURE), /table\.txt: not JSON .*-o json/);
    assert.match(problemOf([file('inst.json', JSON.stringify({ Reservations: [] }))], Platform.AWS), /aws ec2 describe-instances, which holds no rules/);
  });

  it('refuses an export of the other platform, and names every bad file at once', () => {
    assert.match(problemOf([file('a.json', JSON.stringify([NSG]))], Platform.AWS), /the output of az network nsg list, but the estate's platform is aws/);
    const message = problemOf([file('ok.json', JSON.stringify([NSG])), path.join(dir, 'absent.json'), file('bad.json', '{')], Platform.AZURE);
    assert.match(message, /absent\.json: export not found/);
    assert.match(message, /bad\.json: not JSON/);
    assert.doesNotMatch(message, /ok\.json/);
  });
});
