import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { readExports } from '../../lib/audit/exports';
import { Platform } from '../../lib/model/options';
import { azInventory } from '../../lib/platforms/azure/exports/inventory';

// The real-shaped fixtures (test/audit/fixtures/README.md; each file's source in <file>.source.md),
// written from the REST API specifications and the CLIs' sources, not from our readers.

const DIR = path.resolve(__dirname, '../../../test/audit/fixtures');
const at = (...p: string[]): string => path.join(DIR, ...p);

describe('the real-shaped export fixtures', () => {
  it('each is recognised as the command its source names', () => {
    const azure: [string, string][] = [['nsg-list.json', 'az network nsg list'], ['nsg-list.peculiar.json', 'az network nsg list'], ['nsg-show.pki-ca-nsg.json', 'az network nsg show'],
      ['vnet-list.json', 'az network vnet list'], ['vnet-list.peered.json', 'az network vnet list'], ['subnet-list.vnet-pki.json', 'az network vnet subnet list'],
      ['subnet-list.forced-tunnel.json', 'az network vnet subnet list'], ['nic-list.json', 'az network nic list'], ['nic-list.asg-nicnsg.json', 'az network nic list'],
      ['effective-nsg.nic-ca01.json', 'az network nic list-effective-nsg'], ['effective-nsg.nic-dc01.forced-tunnel.json', 'az network nic list-effective-nsg']];
    assert.deepEqual(readExports(azure.map(([f]) => at('azure', f)), Platform.AZURE).map((e) => e.command), azure.map(([, c]) => c));
    const aws: [string, string][] = [['describe-security-groups.json', 'aws ec2 describe-security-groups'], ['describe-security-groups.peculiar.json', 'aws ec2 describe-security-groups'],
      ['describe-security-group-rules.json', 'aws ec2 describe-security-group-rules'], ['describe-security-group-rules.peculiar.json', 'aws ec2 describe-security-group-rules'],
      ['describe-network-interfaces.json', 'aws ec2 describe-network-interfaces'], ['describe-network-acls.json', 'aws ec2 describe-network-acls'],
      ['describe-network-acls.ipv6.json', 'aws ec2 describe-network-acls']];
    assert.deepEqual(readExports(aws.map(([f]) => at('aws', f)), Platform.AWS).map((e) => e.command), aws.map(([, c]) => c));
  });

  it('Azure: the peculiar NSG list reads every rule with its protocol and ports; its ASG rule needs the nic list', () => {
    const nsgs = { file: 'p.json', command: 'az network nsg list', value: JSON.parse(readFileSync(at('azure', 'nsg-list.peculiar.json'), 'utf8')) };
    const alone = azInventory([nsgs]);
    const rules = [...alone.nsgs.values()].flatMap((n) => n.rules.map((r) => `${r.id.split('/').pop()} ${r.access} ${r.protocol} ${r.ports.map((p) => `${p.lo}-${p.hi}`).join(',')}${r.sourcePortsAll ? '' : ' (source ports)'}`));
    assert.deepEqual(rules, ['AllowAugmented Allow tcp 135-135,49152-65535', 'AllowFrontDoor Allow tcp 443-443', 'AllowPing Allow icmp 0-65535', 'AllowIpsecEsp Allow esp 0-65535',
      'AllowIpsecAh Allow ah 0-65535', 'DenySmbFromInternet Deny tcp 445-445', 'AllowSourcePorts Allow udp 0-65535 (source ports)', 'DenyAllOutToInternet Deny * 0-65535']);
    assert.deepEqual(alone.problems.map((p) => [p.kind, p.element]), [['unresolved', 'rg-pki/nsg-peculiar/AllowFromAsg']]);
    const nics = { file: 'n.json', command: 'az network nic list', value: JSON.parse(readFileSync(at('azure', 'nic-list.asg-nicnsg.json'), 'utf8')) };
    const both = azInventory([nsgs, nics]);
    assert.deepEqual(both.problems, []);
    const asg = [...both.nsgs.values()].flatMap((n) => n.rules).find((r) => r.id.endsWith('/AllowFromAsg'));
    // asg-domain-controllers: the ip configurations of nic-dc01 (10.0.0.4) and nic-dc02 (10.0.0.5)
    assert.deepEqual(asg?.source.cidrs, [{ lo: 0x0a000004, hi: 0x0a000004 }, { lo: 0x0a000005, hi: 0x0a000005 }]);
  });
});
