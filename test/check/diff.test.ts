import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { diffPlans } from '../../lib/check/diff';
import { resolveSpec } from '../../lib/spec';
import { richAzure, synthEstate } from '../support/estates';
import { modernAws, synthAws } from '../platforms/aws/support/estates';
import { runCli } from '../support/io';
import { asDeployedShowJson } from '../support/show-json';
import { specAndPlanFiles } from '../support/files';

// diff (issue 20): what a change of plan does to the estate, flows and rules by effect.

const props = richAzure({ dcomPort: 10509 });
const spec = resolveSpec(props, 'test');
const rules = (json: any): Record<string, any> => json.resource.azurerm_network_security_rule;
const key = (json: any, part: string): string => Object.keys(rules(json)).find((k) => k.includes(part))!;

describe('diff (issue 20)', () => {
  it('names nothing when the plans admit the same traffic, however the rules are renamed', () => {
    // GIVEN the library's plan and the same plan with every rule resource renamed and reordered
    const before = synthEstate(props).json;
    const after = synthEstate(props).json;
    const renamed = Object.fromEntries(Object.entries(rules(after)).reverse().map(([k, v]) => [`x_${k}`, v]));
    after.resource.azurerm_network_security_rule = renamed;
    // WHEN compared  THEN no flow changes, no extra traffic appears; the rules show as removed and added (addresses are Terraform's identity)
    const d = diffPlans(before, after, spec);
    assert.deepEqual(d.flows, []);
    assert.deepEqual(d.extras, []);
    assert.equal(d.rules.filter((r) => r.change === 'added').length, Object.keys(renamed).length);
    assert.ok(d.rules.every((r) => r.change === 'added' || r.change === 'removed'));
  });

  it('names a widened rule, the extra traffic it lets through, and a flow a removed rule blocks', () => {
    // GIVEN the clients -> CA rule widened to 1024-65535 and the admins -> CA rule removed
    const before = synthEstate(props).json;
    const after = synthEstate(props).json;
    rules(after)[key(after, '_pki-ca-nsg-in-clients-ca-tcp')].destination_port_ranges = ['135', '1024-65535'];
    delete rules(after)[key(after, '_pki-ca-nsg-in-admins-ca-tcp')];
    const d = diffPlans(before, after, spec);
    // THEN admin-dcom (admins -> CA, DCOM 135 and the pinned 10509) and the admins' RDP become blocked
    assert.deepEqual(d.flows.map((f) => `${f.flow} ${f.before.status} -> ${f.after.status} ${f.after.blocked.join(',')}`),
      ['admin-dcom allowed -> blocked 135,10509', 'custom:rdp allowed -> blocked 3389']);
    // AND the clients get every TCP port from 1024 but the pin, by the widened rule
    assert.deepEqual(d.extras.map((e) => `${e.change} ${e.kind} ${e.from}->${e.to} ${e.protocol} ${e.ports.join(',')}`),
      ['now over-permissive clients->ca tcp 1024-10508,10510-65535']);
    // AND the rules: the clients' rule widened by exactly those ports, the admins' removed
    const widened = d.rules.find((r) => r.change === 'widened')!;
    assert.match(widened.id, /pki-ca-nsg-in-clients-ca-tcp/);
    assert.deepEqual(widened.gained, ['tcp 1024-10508,10510-65535']);
    assert.deepEqual(widened.lost, []);
    assert.deepEqual(d.rules.map((r) => r.change).sort(), ['removed', 'widened']);
  });

  it('reads one terraform show -json plan as its prior state against its changes', async () => {
    // GIVEN a deployed AWS estate planned again, the plan deleting one ingress rule of the CA's group
    const awsProps = modernAws();
    const show = asDeployedShowJson(synthAws(awsProps).json);
    const gone = show.resource_changes.find((c: any) => c.type === 'aws_vpc_security_group_ingress_rule' && c.address.includes('ca-in-cidr-10-20-0-0_16-tcp-135'));
    show.prior_state = { format_version: '1.0', values: { root_module: { resources: show.planned_values.root_module.resources } } };
    gone.change = { actions: ['delete'], before: gone.change.before, after: null, after_unknown: {} };
    const { spec: specFile, plan } = specAndPlanFiles(awsProps, show);
    // WHEN diffed as one plan
    const r = await runCli(['diff', '--plan', plan, '--spec', specFile, '--format', 'json']);
    assert.equal(r.code, 0, r.err);
    const d = JSON.parse(r.out);
    // THEN the clients' DCOM to the CA loses TCP 135, and the rule is removed
    assert.deepEqual(d.flows.map((f: any) => `${f.flow} ${f.from}->${f.to} ${f.after.status} ${f.after.blocked.join(',')}`), ['enroll-dcom clients->ca blocked 135']);
    assert.deepEqual(d.rules.map((x: any) => `${x.change} ${x.id}`), [`removed ${gone.address}`]);
    assert.equal(d.before.ok, true);
    assert.equal(d.after.ok, false);
  });

  it('refuses one plan that is not terraform show -json of a saved plan, and more than two', async () => {
    const { spec: specFile, plan } = specAndPlanFiles(props, synthEstate(props).json);
    const one = await runCli(['diff', '--plan', plan, '--spec', specFile]);
    assert.equal(one.code, 2);
    assert.match(one.err, /diff of one plan reads terraform show -json of a saved plan \(format_version and resource_changes\); found a JSON object/);
    const three = await runCli(['diff', '--plan', plan, '--plan', plan, '--plan', plan, '--spec', specFile]);
    assert.equal(three.code, 2);
    assert.match(three.err, /diff needs --plan OLD --plan NEW, or --plan PLAN/);
  });

  it('writes markdown for a pull request by default', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'adcs-diff-'));
    const after = synthEstate(props).json;
    rules(after)[key(after, '_pki-ca-nsg-in-clients-ca-tcp')].destination_port_ranges = ['135', '1024-65535'];
    const { spec: specFile, plan: newPlan } = specAndPlanFiles(props, after);
    const oldPlan = join(dir, 'old.json');
    writeFileSync(oldPlan, JSON.stringify(synthEstate(props).json));
    const r = await runCli(['diff', '--plan', oldPlan, '--plan', newPlan, '--spec', specFile]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^### adcs-firewall diff: 0 flows change; 1 rule widened; 1 new extra traffic, 0 gone\n/);
    assert.match(r.out, /\| now gets through \(over-permissive\) \| clients → ca \| TCP 1024-10508,10510-65535 \| azurerm_network_security_rule\.\S+ \|/);
    assert.ok(readFileSync(oldPlan, 'utf8').length > 0);
  });
});
