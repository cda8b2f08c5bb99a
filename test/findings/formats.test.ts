import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import { runCli } from '../support/io';
import { asDeployedShowJson } from '../support/show-json';

// Every output format of check, for a passing and a failing plan (issue 20). The SARIF is
// validated against the SARIF 2.1.0 JSON schema (the rtm.5 revision shipped in the npm package
// @microsoft/jest-sarif, a devDependency: a schema we did not write; draft-04, read with
// ajv-draft-04; its one pattern that is not a unicode regular expression is why unicodeRegExp is
// off), and each result's line is read back from the plan file.
const ROOT = join(__dirname, '..', '..', '..');
const SARIF_SCHEMA = JSON.parse(readFileSync(join(ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
const EXAMPLE = join(ROOT, 'examples', 'azure-estate.yaml');
const WIDENED = 'adcs_azure_pki-weu-ca-nsg-in-clients-ca-tcp';

/** The example stack synthesized by the CLI: a plan that records its estate. */
async function synthesized(): Promise<{ dir: string; plan: string; doc: any }> {
  const dir = mkdtempSync(join(tmpdir(), 'adcs-formats-'));
  const r = await runCli(['synth', '--spec', EXAMPLE, '--out', dir]);
  assert.equal(r.code, 0, r.err);
  const plan = join(dir, 'stacks', 'pki-weu', 'cdk.tf.json');
  return { dir, plan, doc: JSON.parse(readFileSync(plan, 'utf8')) };
}

/** The plan with the clients -> CA TCP rule widened to every port from 1024: over-permissive. */
async function failing(): Promise<{ plan: string; name: string }> {
  const { dir, doc } = await synthesized();
  const rules = doc.resource.azurerm_network_security_rule as Record<string, any>;
  const name = Object.keys(rules).find((k) => k.startsWith(WIDENED))!;
  rules[name].destination_port_ranges = ['135', '1024-65535'];
  const plan = join(dir, 'widened.tf.json');
  writeFileSync(plan, JSON.stringify(doc, null, 2));
  return { plan, name };
}

describe('check formats (issue 20)', () => {
  it('SARIF of a failing plan validates against the SARIF 2.1.0 schema, every result at its resource\'s line', async () => {
    const { plan, name } = await failing();
    const r = await runCli(['check', '--plan', plan, '--format', 'sarif']);
    assert.equal(r.code, 1, r.err);
    const log = JSON.parse(r.out);
    const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(SARIF_SCHEMA);
    assert.equal(validate(log), true, JSON.stringify(validate.errors, null, 2));
    const [run] = log.runs;
    // THEN every result's rule is defined in the driver, with its help
    const ids = run.tool.driver.rules.map((x: any) => x.id);
    for (const res of run.results) {
      assert.equal(ids[res.ruleIndex], res.ruleId);
      assert.ok(run.tool.driver.rules[res.ruleIndex].help.text.length > 40);
    }
    // AND the over-permissive result points at the widened rule's own line of the plan file, and its column and offset agree
    const over = run.results.filter((x: any) => x.ruleId === 'ADCS-C002');
    assert.equal(over.length, 1);
    const region = over[0].locations[0].physicalLocation.region;
    const lines = readFileSync(plan, 'utf8').split('\n');
    assert.equal(lines[region.startLine - 1].trim(), `"${name}": {`);
    assert.equal(readFileSync(plan, 'utf8').slice(region.charOffset, region.charOffset + name.length + 2), `"${name}"`);
    assert.equal(lines[region.startLine - 1].indexOf(`"${name}"`) + 1, region.startColumn);
    assert.equal(over[0].locations[0].physicalLocation.artifactLocation.uri, plan);
    // AND related locations at the CA's NSG (where the rule lets it in) and at the CA's key in the estate the plan records
    assert.equal(lines[over[0].relatedLocations[0].physicalLocation.region.startLine - 1].trim(), '"adcs_azure_nsg-pki-weu-ca-nsg_A726BD4F": {');
    const related = over[0].relatedLocations[1];
    assert.equal(lines[related.physicalLocation.region.startLine - 1].trim(), '"ca": {');
    assert.match(related.message.text, /^estate pki-weu\/adcs, spec key tiers\.ca$/);
    // AND a stable fingerprint that ignores where the line is
    assert.match(over[0].partialFingerprints['adcsFinding/v1'], /^[0-9a-f]{32}$/);
  });

  it('SARIF of a passing plan validates too and holds no result but notes and warnings', async () => {
    const { plan } = await synthesized();
    const r = await runCli(['check', '--plan', plan, '--format', 'sarif']);
    assert.equal(r.code, 0, r.err);
    const log = JSON.parse(r.out);
    assert.equal(new Ajv({ strict: false, unicodeRegExp: false }).compile(SARIF_SCHEMA)(log), true);
    assert.deepEqual(log.runs[0].results.filter((x: any) => x.level === 'error'), []);
  });

  it('terraform show -json is one line: the result\'s offset points at the resource', async () => {
    const { plan, name } = await failing();
    const doc = JSON.parse(readFileSync(plan, 'utf8'));
    // GIVEN the same estate as terraform show -json writes it once deployed (values, not expressions; one line)
    const dir = mkdtempSync(join(tmpdir(), 'adcs-show-'));
    const show = join(dir, 'show.json');
    writeFileSync(show, JSON.stringify(asDeployedShowJson(doc)));
    // WHEN checked against the synthesized stack's record (--stack)
    const stack = join(dirname(plan), 'stacks', 'pki-weu');
    const r = await runCli(['check', '--plan', show, '--stack', stack, '--format', 'sarif']);
    assert.equal(r.code, 1, r.err);
    const over = JSON.parse(r.out).runs[0].results.find((x: any) => x.ruleId === 'ADCS-C002');
    const { startLine, charOffset } = over.locations[0].physicalLocation.region;
    const text = readFileSync(show, 'utf8');
    assert.equal(startLine, 1);
    assert.equal(text[charOffset], '{');
    // (the resource's entry in resource_changes: what the plan does with it)
    assert.equal(text.indexOf('"address"', charOffset), text.indexOf(`"address":"azurerm_network_security_rule.${name}"`, charOffset));
    assert.ok(text.lastIndexOf('"resource_changes"', charOffset) > 0);
  });

  it('github: every annotation has a file and a line, errors first, and the job summary is written', async () => {
    const { plan } = await failing();
    const summary = join(mkdtempSync(join(tmpdir(), 'adcs-gh-')), 'summary.md');
    writeFileSync(summary, '');
    process.env.GITHUB_STEP_SUMMARY = summary;
    let r;
    try {
      r = await runCli(['check', '--plan', plan, '--format', 'github']);
    } finally {
      delete process.env.GITHUB_STEP_SUMMARY;
    }
    assert.equal(r.code, 1);
    const lines = r.out.trim().split('\n');
    const annotations = lines.slice(0, -1);
    // one error, then the 28 findings the example acknowledges about the DCs' NSG (AllowVnetInBound on the identity
    // team's NSG) as notices: 9, and a tenth saying 19 more (GitHub keeps 10 a kind)
    assert.equal(annotations.length, 11);
    assert.match(annotations[10], /^::notice title=adcs-firewall check::19 more notice findings are not annotated/);
    for (const a of annotations.slice(1, 10)) assert.match(a, /^::notice file=[^,]+widened\.tf\.json,line=\d+,col=\d+,title=ADCS-C003 .*\(acknowledged: the DCs' NSG belongs to the identity team/);
    assert.match(annotations[0], /^::error file=[^,]+widened\.tf\.json,line=\d+,col=\d+,title=ADCS-C002 A rule lets through traffic no flow needs::azurerm_network_security_rule\./);
    assert.match(lines[lines.length - 1], /^::notice title=adcs-firewall check::FAILED: 23 of 23 flows allowed, 0 blocked; 1 over-permissive;/);
    const md = readFileSync(summary, 'utf8');
    assert.match(md, /^### adcs-firewall check: failed\n/);
    assert.match(md, /\| error \| ADCS-C002 \| azurerm_network_security_rule\.\S+ lets clients -> ca TCP 1024-10508,10510-65535 through at azurerm_network_security_group\.\S+; no flow needs it \| \S+widened\.tf\.json:\d+ \|/);
  });

  it('junit: a test case per flow and per finding class, failures where the plan fails', async () => {
    const { plan } = await failing();
    const r = await runCli(['check', '--plan', plan, '--format', 'junit']);
    assert.equal(r.code, 1);
    // 23 flows of the example (v2.1), and the check's 10 finding classes that fail or warn (C001-C012 but the notes C004 and C007)
    assert.match(r.out, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="adcs-firewall check" tests="33" failures="1">/);
    assert.match(r.out, /<testsuite name="flows" tests="23" failures="0">/);
    assert.match(r.out, /<testsuite name="findings" tests="10" failures="1">/);
    assert.match(r.out, /<testcase classname="findings" name="ADCS-C002 A rule lets through traffic no flow needs">\n {6}<failure message="azurerm_network_security_rule\./);
    const { plan: good } = await synthesized();
    const ok = await runCli(['check', '--plan', good, '--format', 'junit']);
    assert.equal(ok.code, 0);
    assert.match(ok.out, /tests="33" failures="0"/);
  });

  it('json and markdown name the rule, its title and the location', async () => {
    const { plan } = await failing();
    const json = JSON.parse((await runCli(['check', '--plan', plan, '--format', 'json'])).out);
    const f = json.findings.find((x: any) => x.ruleId === 'ADCS-C002');
    assert.equal(f.title, 'A rule lets through traffic no flow needs');
    assert.equal(f.level, 'error');
    assert.equal(f.tier, 'ca');
    assert.equal(f.location.file, plan);
    assert.match((await runCli(['check', '--plan', plan, '--format', 'markdown'])).out, /^### adcs-firewall check: failed\n\nFAILED: 23 of 23 flows allowed/);
  });
});
