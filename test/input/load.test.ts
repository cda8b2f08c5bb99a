import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { AdcsInputError } from '../../lib/errors';
import { CesAuthentication, CrlPublishing, OsGeneration, Platform } from '../../lib/model/options';
import { MAX_SPEC_DEPTH, parseSpecText } from '../../lib/input/load';
import { loadSpecFile } from '../../lib/spec';
import { resolveSpec } from '../../lib/spec';

const tmp = mkdtempSync(path.join(tmpdir(), 'adcs-load-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function write(name: string, text: string | Buffer): string {
  const p = path.join(tmp, name);
  writeFileSync(p, text);
  return p;
}

const CORE_YAML = `tiers:
  clients: { cidrs: [10.21.0.0/16, 10.20.0.0/16] }
  ca: { cidrs: [10.0.1.0/24] }
  dc: { cidrs: [10.0.0.0/24] }
`;

/** The problems of a throwing call, as `path: message` lines. */
function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof AdcsInputError, `expected AdcsInputError, got ${String(e)}`);
    return e.problems.map((p) => `${p.path}: ${p.message}`);
  }
  assert.fail('expected an AdcsInputError');
}

describe('loadSpecFile: YAML', () => {
  it('reads the core estate and fills every default', () => {
    // GIVEN a minimal YAML spec  WHEN loaded
    const spec = loadSpecFile(write('core.yaml', CORE_YAML));
    const e = spec.estate;
    // THEN the defaults of issue 3 apply
    assert.equal(e.name, 'adcs');
    assert.equal(e.osGeneration, OsGeneration.MODERN);
    assert.equal(e.rpcDynamicPorts, undefined);
    assert.equal(e.dcomPort, undefined);
    assert.equal(e.directEnrollment, true);
    assert.equal(e.cesAuthentication, CesAuthentication.KERBEROS);
    assert.equal(e.domainMemberFlows, false);
    assert.equal(e.crlPublishing, CrlPublishing.NONE);
    assert.equal(e.ndesHttp, false);
    assert.deepEqual(e.customFlows, []);
    assert.equal(spec.platform, undefined);
    assert.deepEqual(spec.warnings, []);
    // AND only the given tiers exist, with CIDRs sorted and no enforcement point
    assert.deepEqual(Object.keys(e.tiers).sort(), ['ca', 'clients', 'dc']);
    assert.deepEqual(e.tiers.clients!.cidrs, ['10.20.0.0/16', '10.21.0.0/16']);
    assert.deepEqual(e.tiers.ca!.enforcement, { kind: 'none' });
  });

  it('reads every option and tier override', () => {
    // GIVEN a spec setting everything  WHEN loaded
    const spec = loadSpecFile(write('all.yml', `
name: pki-weu
osGeneration: legacy
rpcDynamicPorts: " 5000 - 5200 "
dcomPort: 10509
directEnrollment: false
cesAuthentication: certificate
domainMemberFlows: true
crlPublishing: smb
ndesHttp: true
tiers:
  clients: { cidrs: [10.20.0.0/16] }
  ca: { cidrs: [10.0.1.0/24], osGeneration: modern, rpcDynamicPorts: "6000-6999" }
  ces: { cidrs: [10.0.2.0/24] }
  dc: { cidrs: [10.0.0.0/24] }
  ndes: { cidrs: [10.0.4.0/24] }
  cdp: { cidrs: [10.0.6.0/24] }
`));
    const e = spec.estate;
    // THEN each value is carried over, typed
    assert.equal(e.name, 'pki-weu');
    assert.equal(e.osGeneration, OsGeneration.LEGACY);
    assert.equal(e.rpcDynamicPorts?.toLabel(), 'TCP 5000-5200');
    assert.equal(e.dcomPort, 10509);
    assert.equal(e.directEnrollment, false);
    assert.equal(e.cesAuthentication, CesAuthentication.CERTIFICATE);
    assert.equal(e.domainMemberFlows, true);
    assert.equal(e.crlPublishing, CrlPublishing.SMB);
    assert.equal(e.ndesHttp, true);
    assert.equal(e.tiers.ca!.osGeneration, OsGeneration.MODERN);
    assert.equal(e.tiers.ca!.rpcDynamicPorts?.toString(), '6000-6999');
  });

  it('reads Azure enforcement points and settings with defaults', () => {
    // GIVEN an Azure spec with created and existing NSGs  WHEN loaded
    const spec = loadSpecFile(write('azure.yaml', `
azure: { resourceGroupName: rg-pki, location: westeurope }
tiers:
  clients: { cidrs: [10.20.0.0/16] }
  ca: { cidrs: [10.0.1.0/24], subnetIds: [/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/snet-b, /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/snet-a, /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/snet-a] }
  dc: { cidrs: [10.0.0.0/24], networkSecurityGroup: { name: nsg-dc, resourceGroupName: rg-net, priorityRange: "3000-3499" } }
`));
    // THEN the platform is inferred, subnets are deduplicated and sorted, windows parsed
    assert.equal(spec.platform, Platform.AZURE);
    assert.deepEqual(spec.estate.tiers.ca!.enforcement, { kind: 'azureSubnets', subnetIds: ['/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/snet-a', '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/snet-b'], nsgName: undefined });
    assert.deepEqual(spec.estate.tiers.dc!.enforcement,
      { kind: 'azureExistingNsg', name: 'nsg-dc', resourceGroupName: 'rg-net', priorityWindow: { first: 3000, last: 3499 }, denyByDefault: false });
    assert.deepEqual(spec.settings, { resourceGroupName: 'rg-pki', location: 'westeurope', priorityWindow: { first: 100, last: 4096 }, denyByDefault: true, tags: {}, providers: {} });
    assert.equal(spec.platform, 'azure');
  });

  it('reads AWS enforcement points and settings with defaults', () => {
    // GIVEN an AWS spec  WHEN loaded
    const spec = loadSpecFile(write('aws.yaml', `
platform: aws
aws: { vpcId: vpc-0abc, region: eu-west-1 }
tiers:
  clients: { cidrs: [10.20.0.0/16] }
  ca: { cidrs: [10.0.1.0/24], createSecurityGroup: true }
  dc: { cidrs: [10.0.0.0/24], securityGroupId: sg-0123456789abcdef0 }
`));
    // THEN groups are created or reused as asked; quota 60, no allow-all egress
    assert.equal(spec.platform, Platform.AWS);
    assert.deepEqual(spec.estate.tiers.ca!.enforcement, { kind: 'awsCreateGroup', groupName: undefined });
    assert.deepEqual(spec.estate.tiers.dc!.enforcement, { kind: 'awsExistingGroup', securityGroupId: 'sg-0123456789abcdef0' });
    assert.deepEqual(spec.settings, { vpcId: 'vpc-0abc', region: 'eu-west-1', ruleQuota: 60, allowAllEgress: false, tags: {}, providers: {} });
  });

  it('infers the platform from tier keys alone', () => {
    // GIVEN tier enforcement keys of one platform and no settings block  WHEN loaded  THEN that platform
    const az = loadSpecFile(write('az-tiers.yaml', CORE_YAML.replace('ca: { cidrs: [10.0.1.0/24] }', 'ca: { cidrs: [10.0.1.0/24], subnetIds: [/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/s] }')));
    const aws = loadSpecFile(write('aws-tiers.yaml', CORE_YAML.replace('ca: { cidrs: [10.0.1.0/24] }', 'ca: { cidrs: [10.0.1.0/24], createSecurityGroup: true }')));
    assert.equal(az.platform, Platform.AZURE);
    assert.equal(aws.platform, Platform.AWS);
  });

  it('accepts a UTF-8 byte order mark, CRLF line ends, comments and anchors', () => {
    // GIVEN a Windows-edited file with a BOM, CRLF and an anchor reused by two tiers
    const text = '\ufeff# from Notepad\r\ntiers:\r\n  clients: { cidrs: [10.20.0.0/16] }\r\n  ces: &web { cidrs: [10.0.2.0/24] }\r\n  cep: *web\r\n  ca: { cidrs: [10.0.1.0/24] }\r\n  dc: { cidrs: [10.0.0.0/24] }\r\n';
    // WHEN loaded  THEN both tiers share the block
    const e = loadSpecFile(write('bom.yaml', Buffer.from(text, 'utf8'))).estate;
    assert.deepEqual(e.tiers.cep!.cidrs, ['10.0.2.0/24']);
    assert.deepEqual(e.tiers.ces!.cidrs, ['10.0.2.0/24']);
  });

  it('takes a leading "---" and a %YAML directive as one document', () => {
    // GIVEN explicit document markers  WHEN loaded  THEN one document, accepted
    assert.equal(loadSpecFile(write('marked.yaml', `%YAML 1.2\n---\n${CORE_YAML}...\n`)).estate.name, 'adcs');
  });

  it('takes nesting up to the depth limit (the limit is not hit by real specs)', () => {
    // GIVEN a value nested MAX_SPEC_DEPTH - 1 levels under tiers  WHEN parsed  THEN parsed, refused later for its shape only
    const doc = parseSpecText(`tiers: ${'['.repeat(MAX_SPEC_DEPTH - 1)}${']'.repeat(MAX_SPEC_DEPTH - 1)}\n`, 'x.yaml');
    assert.ok(doc !== null && typeof doc === 'object');
  });

  it('reads the $schema key editors add', () => {
    // GIVEN a spec pointing at the JSON Schema  WHEN loaded  THEN accepted
    assert.equal(loadSpecFile(write('schema-key.yaml', `$schema: ./schema/adcs-spec.schema.json\n${CORE_YAML}`)).estate.name, 'adcs');
  });
});

describe('loadSpecFile: JSON', () => {
  const json = JSON.stringify({
    name: 'pki-json', dcomPort: 10509,
    tiers: { clients: { cidrs: ['10.20.0.0/16'] }, ca: { cidrs: ['10.0.1.0/24'] }, dc: { cidrs: ['10.0.0.0/24'] }, admins: { cidrs: ['10.0.9.0/28'] } },
    customFlows: [{ name: 'rdp', from: 'admins', to: 'ca', protocol: 'tcp', ports: [3389], purpose: 'RDP' }],
  }, null, 2);

  it('reads a .json file', () => {
    // GIVEN a JSON spec  WHEN loaded  THEN the same model as YAML would give, warnings included
    const spec = loadSpecFile(write('estate.json', json));
    assert.equal(spec.estate.name, 'pki-json');
    assert.equal(spec.estate.customFlows[0].id, 'custom:rdp');
    assert.deepEqual(spec.warnings.map((w) => w.ruleId), ['ADCS-W004']);
  });

  it('treats .JSON like .json and JSON text in a .yaml file as YAML', () => {
    // GIVEN the same text under two names  WHEN loaded  THEN the same estate
    assert.deepEqual(loadSpecFile(write('upper.JSON', json)).estate, loadSpecFile(write('json-in.yaml', json)).estate);
  });

  it('is strict JSON for .json: a YAML document in a .json file is refused', () => {
    // GIVEN YAML text named .json  WHEN loaded  THEN a JSON syntax problem for the document
    const problems = problemsOf(() => loadSpecFile(write('yaml.json', CORE_YAML)));
    assert.equal(problems.length, 1);
    assert.match(problems[0], /^: not valid JSON: /);
  });
});

describe('loader errors', () => {
  it('name the file in the message and report every problem at once', () => {
    // GIVEN problems in three places  WHEN loaded
    const p = write('three.yaml', `dcomPort: 135
tiers:
  clients: { cidrs: [10.20.0.1/16] }
  ca: { cidrs: [10.0.1.0/24] }
  dc: { cidrs: [fd00::/64] }
`);
    // THEN one error lists all three, each line prefixed with the file
    try {
      loadSpecFile(p);
      assert.fail('should throw');
    } catch (e) {
      assert.ok(e instanceof AdcsInputError);
      assert.equal(e.source, p);
      assert.deepEqual(e.problems.map((x) => x.path), ['tiers.clients.cidrs[0]', 'tiers.dc.cidrs[0]', 'dcomPort']);
      assert.deepEqual(e.message.split('\n').map((l) => l.startsWith(`${p}: `)), [true, true, true]);
    }
  });

  it('report shape problems before meaning (one pass each)', () => {
    // GIVEN an unknown key and a meaning problem (smb without cdp)  WHEN resolved
    // THEN only the shape problem is reported: meaning is checked on a well-shaped document
    assert.deepEqual(problemsOf(() => resolveSpec({ crlPublishing: 'smb', colour: 1, tiers: { clients: { cidrs: ['10.20.0.0/16'] }, ca: { cidrs: ['10.0.1.0/24'] }, dc: { cidrs: ['10.0.0.0/24'] } } }, 'x')),
      ['colour: unknown key "colour"; accepted keys: name, platform, osGeneration, rpcDynamicPorts, dcomPort, directEnrollment, cesAuthentication, dcEnrollment, clientDirectory, domainMemberFlows, crlPublishing, ndesHttp, ocspAutoEnroll, caSmb, ocspRemoteAdmin, webEnrollmentCallback, provider, azure, aws, tiers, acknowledgements, customFlows, host']);
  });

  it('parseSpecText refuses several documents and reports YAML errors with their position', () => {
    // GIVEN two documents / a duplicate key  WHEN parsed  THEN a problem each, for the document
    assert.deepEqual(problemsOf(() => parseSpecText('a: 1\n---\nb: 2\n', 'x.yaml')), [': the file holds several YAML documents; a spec is one document']);
    assert.deepEqual(problemsOf(() => parseSpecText('a: 1\na: 2\n', 'x.yaml')), [': not valid YAML: Map keys must be unique at line 2, column 1']);
  });

  it('resolveSpec refuses a non-mapping document without crashing', () => {
    // GIVEN documents that are not mappings  WHEN resolved directly  THEN a problem, not a TypeError
    for (const doc of [null, [], 'x', 42]) {
      assert.deepEqual(problemsOf(() => resolveSpec(doc, 'props')), [`: expected a mapping of keys, got ${JSON.stringify(doc)}`], JSON.stringify(doc));
    }
  });
});
