import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkPlan } from '../../lib/check/check';
import { assertPlanSatisfies, toSatisfyAdcsEstate } from '../../lib/testing/matchers';
import { resolveSpec } from '../../lib/spec';
import { specAndPlanFiles } from '../support/files';
import { runCli } from '../support/io';
import { richAzure, synthEstate } from '../support/estates';

const props = richAzure({ dcomPort: 10509 });
const spec = resolveSpec(props, 'test');
const fresh = (): any => synthEstate(props).json;
const rules = (json: any): Record<string, any> => json.resource.azurerm_network_security_rule;
const key = (json: any, part: string): string => Object.keys(rules(json)).find((k) => k.includes(part))!;

const files = (plan: unknown): { spec: string; plan: string } => specAndPlanFiles(props, plan);

describe('check (Azure)', () => {
  it('passes on the plan the library synthesizes', () => {
    // GIVEN the library's own plan  WHEN checked  THEN every flow is allowed and nothing is over-permissive
    const r = checkPlan(fresh(), spec);
    assert.equal(r.ok, true);
    assert.ok(r.flows.every((f) => f.status === 'allowed'), JSON.stringify(r.flows.filter((f) => f.status !== 'allowed').map((f) => f.flow.id)));
    assert.deepEqual(r.extras.filter((e) => e.kind === 'over-permissive'), []);
  });

  it('fails when one rule is removed, naming the flow and the deny that blocks it', () => {
    const plan = fresh();
    delete rules(plan)[key(plan, '_pki-ca-nsg-in-clients-ca-tcp')];
    const r = checkPlan(plan, spec);
    assert.equal(r.ok, false);
    const blocked = r.flows.filter((f) => f.status === 'blocked');
    assert.deepEqual(blocked.map((f) => `${f.flow.id} ${f.flow.from}->${f.flow.to} ${f.missing.join()}`), ['enroll-dcom clients->ca 135,10509']);
    assert.ok(blocked[0].inbound.some((x) => x.includes('deny-vnet-inbound')));
  });

  it('keeps a flow whose own rule is gone when a co-located tier\'s rule carries the same traffic', () => {
    // GIVEN CES and CEP on the same hosts, and the clients->ces rule removed
    const plan = fresh();
    delete rules(plan)[key(plan, '_pki-ces-nsg-in-clients-ces-tcp')];
    // THEN HTTPS still reaches the hosts through clients->cep: the evaluator judges traffic, not rule names
    assert.equal(checkPlan(plan, spec).flows.find((f) => f.flow.id === 'ces-https')!.status, 'allowed');
  });

  it('fails when a port range is widened, naming the rule and the extra ports', () => {
    const plan = fresh();
    rules(plan)[key(plan, '_pki-ca-nsg-in-clients-ca-tcp')].destination_port_ranges = ['135', '1024-65535'];
    const r = checkPlan(plan, spec);
    assert.equal(r.ok, false);
    const over = r.extras.filter((e) => e.kind === 'over-permissive');
    assert.equal(over.length, 1);
    assert.equal(over[0].from, 'clients');
    assert.equal(over[0].to, 'ca');
    assert.deepEqual(over[0].ports.map(String), ['1024-10508', '10510-65535']);
    assert.ok(over[0].rules[0].includes('ca-nsg-in-clients-ca-tcp'));
  });

  it('fails when a port is opened to *, naming the rule and the outside source', () => {
    const plan = fresh();
    const r0 = rules(plan)[key(plan, '_pki-cdp-nsg-in-clients-cdp-tcp')];
    delete r0.source_address_prefixes;
    r0.source_address_prefix = '*';
    const r = checkPlan(plan, spec);
    assert.equal(r.ok, false);
    const over = r.extras.filter((e) => e.kind === 'over-permissive');
    assert.ok(over.some((e) => e.from === 'elsewhere' && e.to === 'cdp' && e.ports.map(String).join() === '80'), JSON.stringify(over));
    assert.ok(over.every((e) => e.rules.some((x) => x.includes('cdp-nsg-in-clients-cdp-tcp'))));
  });

  it('warns, without failing, on traffic only AllowVnetInBound lets through (an NSG without its own deny)', () => {
    const r = checkPlan(synthEstate(richAzure({ azure: { resourceGroupName: 'rg', location: 'westeurope', denyByDefault: false } })).json,
      resolveSpec(richAzure({ azure: { resourceGroupName: 'rg', location: 'westeurope', denyByDefault: false } }), 't'));
    assert.equal(r.ok, true);
    const warn = r.extras.filter((e) => e.kind === 'platform-default');
    // e.g. from the clients to the CA, whose flow needs TCP 135 and 49152-65535 only: every other TCP
    // port, all UDP, all ICMP, and the other IP protocols (0-255 without ICMP 1, TCP 6 and UDP 17)
    assert.deepEqual(warn.filter((e) => e.from === 'clients' && e.to === 'ca').map((e) => `${e.protocol} ${e.ports.join()}`),
      ['tcp 0-134,136-49151', 'udp 0-65535', 'icmp 0-65535', 'other 0,2-5,7-16,18-255']);
    assert.ok(warn.every((e) => e.rules.includes('AllowVnetInBound')));
  });

  it('reads inline security_rule blocks and terraform show -json plans the same way', () => {
    // GIVEN the plan rewritten as terraform show -json, with computed NSG ids left out as Terraform does
    const json = fresh();
    const resources: any[] = [];
    const config: any[] = [];
    for (const [type, byName] of Object.entries(json.resource as Record<string, Record<string, any>>)) {
      for (const [name, values] of Object.entries(byName)) {
        const v = { ...values };
        delete v['//'];
        const expressions: Record<string, unknown> = {};
        for (const [k, val] of Object.entries(v)) {
          // a plan shows values, not expressions: an id not yet known is left out (after_unknown), any other attribute resolved
          const m = typeof val === 'string' ? /^\$\{(.+)\.(\w+)\}$/.exec(val) : null;
          if (m && m[2] === 'id') { delete v[k]; expressions[k] = { references: [`${m[1]}.id`, m[1]] }; }
          else if (m) v[k] = json.resource.azurerm_network_security_group[m[1].split('.')[1]][m[2]];
        }
        resources.push({ address: `${type}.${name}`, mode: 'managed', type, name, provider_name: 'registry.terraform.io/hashicorp/azurerm', values: v });
        config.push({ address: `${type}.${name}`, type, name, provider_config_key: 'azurerm', expressions });
      }
    }
    // the first plan: every resource created, the ids it references known only after apply (after_unknown)
    const changes = resources.map((r) => ({ address: r.address, mode: r.mode, type: r.type, name: r.name, provider_name: r.provider_name,
      change: { actions: ['create'], before: null, after: r.values,
        after_unknown: Object.fromEntries(Object.keys(config.find((c) => c.address === r.address).expressions).map((k) => [k, true])) } }));
    const show = { format_version: '1.2', planned_values: { root_module: { resources } }, resource_changes: changes, configuration: { root_module: { resources: config } } };
    // WHEN checked  THEN it passes as the cdk.tf.json does
    const r = checkPlan(show, spec);
    assert.deepEqual(r.unresolved, []);
    assert.equal(r.ok, true, JSON.stringify(r.flows.filter((f) => f.status !== 'allowed').map((f) => f.flow.id)));
  });

  it('reads a service tag whose addresses it cannot know the way that is safe for each question', () => {
    // GIVEN the clients -> CA rule's source written as the Storage tag
    const plan = fresh();
    rules(plan)[key(plan, '_pki-ca-nsg-in-clients-ca-tcp')].source_address_prefix = 'Storage';
    delete rules(plan)[key(plan, '_pki-ca-nsg-in-clients-ca-tcp')].source_address_prefixes;
    const r = checkPlan(plan, spec);
    // THEN the flow it should carry is blocked (the tag may not hold the clients), and what it may admit is extra (it may hold anything)
    assert.equal(r.flows.find((f) => f.flow.id === 'enroll-dcom')!.status, 'blocked');
    assert.deepEqual(r.extras.filter((e) => e.kind === 'over-permissive').map((e) => `${e.from}->${e.to} ${e.protocol} ${e.ports.join()}`).sort(),
      ['cdp->ca tcp 135,10509', 'elsewhere->ca tcp 135,10509', 'ndesClients->ca tcp 135,10509']);
    assert.equal(r.ok, false);
  });

  it('offers a matcher and an assertion for users\' own tests', () => {
    assert.equal(toSatisfyAdcsEstate(JSON.stringify(fresh()), props).pass, true);
    const plan = fresh();
    delete rules(plan)[key(plan, '_pki-ca-nsg-in-clients-ca-tcp')];
    const m = toSatisfyAdcsEstate(plan, props);
    assert.equal(m.pass, false);
    assert.match(m.message(), /FAIL enroll-dcom clients -> ca TCP 135,10509: BLOCKED at 135,10509/);
    assert.throws(() => assertPlanSatisfies(plan, props), /plan does not satisfy the AD CS estate/);
  });

  it('CLI: exit 0 on a good plan, 1 on findings (every format), 2 on bad input', async () => {
    const good = files(fresh());
    assert.equal((await runCli(['check', '--spec', good.spec, '--plan', good.plan])).code, 0);
    const plan = fresh();
    rules(plan)[key(plan, '_pki-ca-nsg-in-clients-ca-tcp')].destination_port_ranges = ['135', '1024-65535'];
    const bad = files(plan);
    const table = await runCli(['check', '--spec', bad.spec, '--plan', bad.plan]);
    assert.equal(table.code, 1);
    assert.match(table.out, /FAIL \[ADCS-C002\] azurerm_network_security_rule\.\S+ca-nsg-in-clients-ca-tcp\S+ lets clients -> ca TCP 1024-10508,10510-65535 through at azurerm_network_security_group\.\S+pki-ca-nsg\S+; no flow needs it/);
    const json = await runCli(['check', '--spec', bad.spec, '--plan', bad.plan, '--format', 'json']);
    assert.equal(json.code, 1);
    const doc = JSON.parse(json.out);
    assert.equal(doc.ok, false);
    // AND the JSON says why: the widened clients -> ca rule, over-permissive at exactly the ports no flow needs
    assert.deepEqual(doc.extras.filter((e: any) => e.kind === 'over-permissive').map((e: any) => `${e.from}->${e.to} ${e.protocol} ${e.ports.join()}`),
      ['clients->ca tcp 1024-10508,10510-65535']);
    const gh = await runCli(['check', '--spec', bad.spec, '--plan', bad.plan, '--format', 'github']);
    assert.match(gh.out, /^::error file=[^,]+plan\.json,line=1,col=\d+,title=ADCS-C002 A rule lets through traffic no flow needs::azurerm_network_security_rule\./m);
    const missing = await runCli(['check', '--spec', bad.spec, '--plan', '/nonexistent/plan.json']);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /plan not found: \/nonexistent\/plan\.json/);
    const notPlan = files({ hello: 1 });
    const np = await runCli(['check', '--spec', good.spec, '--plan', notPlan.plan]);
    assert.equal(np.code, 2);
    assert.match(np.err, /not a plan/);
  });
});
