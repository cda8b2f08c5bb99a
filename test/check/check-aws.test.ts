import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkPlan } from '../../lib/check/check';
import { resolveSpec } from '../../lib/spec';
import { specAndPlanFiles } from '../support/files';
import { runCli } from '../support/io';
import { modernAws, synthAws } from '../platforms/aws/support/estates';

const props = modernAws({ dcomPort: 10509 });
const spec = resolveSpec(props, 'test');
const fresh = (): any => synthAws(props).json;
const ingress = (json: any): Record<string, any> => json.resource.aws_vpc_security_group_ingress_rule;
const key = (json: any, part: string): string => {
  const k = Object.keys(ingress(json)).find((x) => x.includes(part));
  assert.ok(k, `no ingress rule matching ${part}: ${Object.keys(ingress(json)).join(' ')}`);
  return k;
};

const files = (plan: unknown): { spec: string; plan: string } => specAndPlanFiles(props, plan);

describe('check (AWS)', () => {
  it('passes on the plan the library synthesizes', () => {
    const r = checkPlan(fresh(), spec);
    assert.equal(r.ok, true, JSON.stringify({ flows: r.flows.filter((f) => f.status === 'blocked').map((f) => f.flow.id), extras: r.extras }));
    assert.deepEqual(r.unresolved, []);
  });

  it('fails when one rule is removed, naming the flow', () => {
    // GIVEN the library's plan without the ingress of TCP 443 from the clients' first CIDR to CES
    const plan = fresh();
    delete ingress(plan)[key(plan, 'ces-in-cidr-10-20-0-0_16-tcp-443')];
    // WHEN checked  THEN ces-https is blocked at 443, and nothing else
    const r = checkPlan(plan, spec);
    assert.equal(r.ok, false);
    const blocked = r.flows.filter((f) => f.status === 'blocked');
    assert.deepEqual(blocked.map((f) => `${f.flow.id} ${f.missing.map(String).join()}`), ['ces-https 443']);
  });

  it('fails when a port range is widened, naming the rule and the extra ports', () => {
    const plan = fresh();
    const rule = ingress(plan)[key(plan, 'ca-in-cidr-10-20-0-0_16-tcp-10509')];
    rule.from_port = 10000;
    rule.to_port = 11000;
    const r = checkPlan(plan, spec);
    assert.equal(r.ok, false);
    const over = r.extras.filter((e) => e.kind === 'over-permissive');
    assert.ok(over.some((e) => e.to === 'ca' && e.ports.map(String).join() === '10000-10508,10510-11000'
      && e.rules.some((x) => x.includes('ca-in-cidr-10-20-0-0_16-tcp-10509'))), JSON.stringify(over));
  });

  it('fails when a port is opened to 0.0.0.0/0, naming the rule and the outside source', () => {
    const plan = fresh();
    ingress(plan)[key(plan, 'ces-in-cidr-10-20-0-0_16-tcp-443')].cidr_ipv4 = '0.0.0.0/0';
    const r = checkPlan(plan, spec);
    assert.equal(r.ok, false);
    const over = r.extras.filter((e) => e.kind === 'over-permissive');
    assert.ok(over.some((e) => e.from === 'elsewhere' && e.to === 'ces' && e.ports.map(String).join() === '443'), JSON.stringify(over));
  });

  it('CLI: exit 0, then 1 with the rule named in every format', async () => {
    const good = files(fresh());
    const ok = await runCli(['check', '--spec', good.spec, '--plan', good.plan]);
    assert.equal(ok.code, 0, ok.out + ok.err);
    assert.match(ok.out, /^OK: \d+ of \d+ flows allowed, 0 blocked; 0 over-permissive/m);
    const plan = fresh();
    ingress(plan)[key(plan, 'ces-in-cidr-10-20-0-0_16-tcp-443')].cidr_ipv4 = '0.0.0.0/0';
    const bad = files(plan);
    const table = await runCli(['check', '--spec', bad.spec, '--plan', bad.plan]);
    assert.equal(table.code, 1);
    assert.match(table.out, /FAIL \[ADCS-C002\] aws_vpc_security_group_ingress_rule\.\S*ces-in-cidr-10-20-0-0_16-tcp-443\S* lets elsewhere -> ces TCP 443 through/);
    const gh = await runCli(['check', '--spec', bad.spec, '--plan', bad.plan, '--format', 'github']);
    assert.equal(gh.code, 1);
    assert.match(gh.out, /^::error file=[^,]+plan\.json,line=1,col=\d+,title=ADCS-C002 A rule lets through traffic no flow needs::aws_vpc_security_group_ingress_rule\./m);
  });
});
