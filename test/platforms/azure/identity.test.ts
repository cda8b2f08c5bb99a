import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ruleSlot, TIER_SLOTS } from '../../../lib/platforms/azure/priorities';
import { EstateProps } from '../../../lib/input/props';
import { Protocol } from '../../../lib/model/protocol';
import { AZURE, subnet, synthEstate } from '../../support/estates';
import { estateProps, flowProps } from '../../support/fixtures';

/** Terraform address → [rule name, NSG, direction, priority] of every NSG rule. */
function identities(props: EstateProps): Map<string, string> {
  const rules = synthEstate(props).json.resource.azurerm_network_security_rule as Record<string, any>;
  return new Map(Object.entries(rules).map(([k, r]) => [k, `${r.name} ${r.network_security_group_name} ${r.direction} ${r.priority}`]));
}

const base: EstateProps = estateProps({
  name: 'pki', platform: 'azure', azure: AZURE,
  tiers: {
    clients: { cidrs: ['10.20.0.0/16'] },
    ca: { cidrs: ['10.0.1.0/24'], subnetIds: [subnet('ca')] },
    ces: { cidrs: ['10.0.2.0/24'], subnetIds: [subnet('ces')] },
    dc: { cidrs: ['10.0.0.0/24'], networkSecurityGroup: { name: 'nsg-dc', resourceGroupName: 'rg-id', priorityRange: '3000-3499' } },
  },
});

function keepsEveryExisting(before: Map<string, string>, after: Map<string, string>): void {
  for (const [address, id] of before) assert.equal(after.get(address), id, `rule ${address} kept its name, NSG and priority`);
}

describe('Azure rule identity', () => {
  it('adding a CIDR to clients keeps every rule name, address and priority', () => {
    // GIVEN the estate  WHEN a client CIDR is added  THEN nothing is renamed or renumbered
    const after = identities({ ...base, tiers: { ...base.tiers, clients: { cidrs: ['10.20.0.0/16', '192.168.10.0/24'] } } });
    const before = identities(base);
    keepsEveryExisting(before, after);
    assert.equal(after.size, before.size, 'a CIDR adds addresses to rules, not rules');
  });

  it('adding tiers keeps every rule name, address and priority and only adds rules', () => {
    const before = identities(base);
    const after = identities({ ...base, tiers: { ...base.tiers,
      cep: { cidrs: ['10.0.2.0/24'], subnetIds: [subnet('ces')] },
      ocsp: { cidrs: ['10.0.6.0/24'], subnetIds: [subnet('ocsp')] },
      admins: { cidrs: ['10.0.9.0/28'] } } });
    keepsEveryExisting(before, after);
    // by hand (catalogue v2.1): cep on ces's NSG brings clients -> cep in, cep -> dc TCP/UDP in at dc and out (5);
    // ocsp on its own NSG brings ocsp -> ca in and out, clients -> ocsp in, ocsp -> dc TCP/UDP in and out,
    // and the deny and probe Allow of its NSG (9); admins bring admins -> ca in, admins -> dc TCP/UDP in and
    // admins -> ocsp in (ocsp-http from admins, v2.1) (4)
    assert.equal(after.size - before.size, 18);
  });

  it('a tier joining a pinned NSG (nsgName) keeps the NSG and every rule, whatever its order', () => {
    // GIVEN CEP alone on the web subnet's NSG, pinned by name
    const web = { cidrs: ['10.0.2.0/24'], subnetIds: [subnet('web')], nsgName: 'pki-web-nsg' };
    const { ces: _ces, ...rest } = base.tiers;
    const before = synthEstate({ ...base, tiers: { ...rest, cep: web } }).json;
    // WHEN CES (which sorts first) joins the same hosts and NSG
    const after = synthEstate({ ...base, tiers: { ...rest, cep: web, ces: web } }).json;
    // THEN the NSG keeps its address and name, and every rule its address, name and priority
    assert.deepEqual(Object.keys(after.resource.azurerm_network_security_group).filter((k) => k.includes('web')),
      Object.keys(before.resource.azurerm_network_security_group).filter((k) => k.includes('web')));
    const ids = (json: any): Map<string, string> => new Map(Object.entries(json.resource.azurerm_network_security_rule as Record<string, any>)
      .map(([k, r]) => [k, `${r.name} ${r.direction} ${r.priority}`]));
    keepsEveryExisting(ids(before), ids(after));
  });

  it('adding a custom flow or an option keeps every rule name, address and priority', () => {
    const before = identities(base);
    keepsEveryExisting(before, identities({ ...base, domainMemberFlows: true, dcomPort: 10509,
      customFlows: [flowProps({ from: 'clients', to: 'ces', protocol: 'tcp', ports: ['8443'], purpose: 'alt port' })] }));
  });

  it('pins the priority slots (golden): changing them renumbers every deployed NSG', () => {
    assert.deepEqual(TIER_SLOTS, { clients: 0, ca: 1, ces: 2, cep: 3, dc: 4, webEnrollment: 5, ndes: 6, ndesClients: 7, ocsp: 8, cdp: 9, admins: 10, accountDc: 11 });
    assert.equal(ruleSlot('ca', 'clients', Protocol.TCP), 32);
    assert.equal(ruleSlot('dc', 'ca', Protocol.UDP), 131);
    const ids = identities(base);
    const find = (part: string): string => [...ids.entries()].find(([k]) => k.includes(part))![1];
    assert.match(find('_pki-ca-nsg-in-clients-ca-tcp'), /^pki-in-clients-to-ca-tcp \$\{azurerm_network_security_group\.\S+\.name\} Inbound 132$/);
    assert.match(find('-in-ca-dc-udp'), /^pki-in-ca-to-dc-udp nsg-dc Inbound 3131$/);
  });

  it('accountDc takes the spare slot 11: its rules get priorities of their own, every other rule keeps its own', () => {
    // GIVEN the estate with admins, ocsp and cdp  WHEN the account forest's DCs join (their
    // existing NSG, under the identity team) and the opt-in rows are switched on
    const tiers = { ...base.tiers, admins: { cidrs: ['10.0.9.0/28'], subnetIds: [subnet('admins')] },
      ocsp: { cidrs: ['10.0.6.0/24'], subnetIds: [subnet('ocsp')] }, webEnrollment: { cidrs: ['10.0.4.0/24'], subnetIds: [subnet('web')] } };
    const before = identities({ ...base, tiers });
    const after = identities({ ...base, caSmb: true, ocspRemoteAdmin: true, webEnrollmentCallback: true, tiers: { ...tiers,
      accountDc: { cidrs: ['10.80.0.0/24'], networkSecurityGroup: { name: 'nsg-account-dc', resourceGroupName: 'rg-account' } } } });
    // THEN nothing is renamed or renumbered
    keepsEveryExisting(before, after);
    // AND the new rules sit at their pinned slots: (local × 16 + peer) × 2 + protocol
    const added = [...after.entries()].filter(([k]) => !before.has(k)).map(([, v]) => v).sort();
    assert.equal(ruleSlot('ca', 'accountDc', Protocol.TCP), 54);
    assert.equal(ruleSlot('accountDc', 'ca', Protocol.TCP), 354);
    assert.match(added.join('\n'), /^pki-in-accountDc-to-ca-tcp \$\{azurerm_network_security_group\.\S+\.name\} Inbound 154$/m);
    assert.match(added.join('\n'), /^pki-out-ca-to-accountDc-tcp \$\{azurerm_network_security_group\.\S+\.name\} Outbound 154$/m);
    assert.match(added.join('\n'), /^pki-out-ca-to-accountDc-udp \$\{azurerm_network_security_group\.\S+\.name\} Outbound 155$/m);
    assert.match(added.join('\n'), /^pki-in-ca-to-accountDc-tcp nsg-account-dc Inbound 454$/m);
    assert.match(added.join('\n'), /^pki-out-accountDc-to-ca-tcp nsg-account-dc Outbound 454$/m);
    assert.match(added.join('\n'), /^pki-in-ces-to-accountDc-udp nsg-account-dc Inbound 457$/m);
    // AND of the opt-in rows only web-callback adds rules (a new tier pair): ca-smb and
    // ocsp-admin-dcom add ports to the admins' existing rules toward ca and ocsp (ocsp-http)
    assert.deepEqual(added.filter((v) => /-(admins|ca)-to-(ca|ocsp|webEnrollment)-/.test(v)).map((v) => v.replace(/\$\{[^}]+\}/, 'NSG')), [
      'pki-in-ca-to-webEnrollment-tcp NSG Inbound 262', 'pki-out-ca-to-webEnrollment-tcp NSG Outbound 142',
    ]);
    assert.equal(added.length, 12);
  });
});
