'use strict';
// The hand-written CDKTF program the bench compares the library against, shared by
// deep-imports.js and root-imports.js (which differ only in how they import the provider
// classes). `node <entry>.js <input.json> <outdir>` declares, for each stack of the input
// (the example estates' resources, planned by the bench beforehand: ../baseline-input.ts),
// the same resources the library declares, one explicit resource per rule, then app.synth().
//
// Plain JavaScript on purpose: kept out of the repository's `tsc` project, so the provider
// packages' type declarations are never type-checked by `npm run build`. It imports nothing of
// the library. Phase times are recorded for the bench's exit report (probe/exit-report.ts).
const { readFileSync } = require('node:fs');

const MARKS = Symbol.for('adcs-firewall.bench.marks');

/** Records a named value for the exit report. */
function mark(name, value) {
  globalThis[MARKS] = { ...globalThis[MARKS], [name]: value };
}

/** Milliseconds since a process.hrtime.bigint() reading. */
function msSince(start) {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function azureStack(cdktf, app, s, c) {
  const stack = new cdktf.TerraformStack(app, s.name);
  new cdktf.LocalBackend(stack, { path: `terraform.${s.name}.tfstate` });
  new c.AzurermProvider(stack, 'azurerm', { features: [{}] });
  for (const n of s.nsgs) {
    let nsgName = n.existing ? n.existing.name : '';
    let rgName = n.existing ? n.existing.resourceGroupName : '';
    if (n.config) {
      const nsg = new c.NetworkSecurityGroup(stack, n.id, n.config);
      nsgName = nsg.name;
      rgName = nsg.resourceGroupName;
      for (const a of n.associations) {
        new c.SubnetNetworkSecurityGroupAssociation(stack, a.id, { subnetId: a.subnetId, networkSecurityGroupId: nsg.id });
      }
    }
    for (const r of n.rules) {
      new c.NetworkSecurityRule(stack, r.id, { ...r.config, networkSecurityGroupName: nsgName, resourceGroupName: rgName });
    }
  }
}

function awsStack(cdktf, app, s, c) {
  const stack = new cdktf.TerraformStack(app, s.name);
  new cdktf.LocalBackend(stack, { path: `terraform.${s.name}.tfstate` });
  new c.AwsProvider(stack, 'aws', s.region ? { region: s.region } : {});
  const ids = new Map();
  for (const g of s.groups) {
    if (g.config) ids.set(g.key, new c.SecurityGroup(stack, g.id, g.config).id);
    else ids.set(g.key, g.securityGroupId);
  }
  for (const r of s.rules) {
    const config = {
      ...r.config,
      securityGroupId: ids.get(r.groupKey),
      ...(r.peerGroupKey ? { referencedSecurityGroupId: ids.get(r.peerGroupKey) } : {}),
    };
    if (r.direction === 'ingress') new c.VpcSecurityGroupIngressRule(stack, r.id, config);
    else new c.VpcSecurityGroupEgressRule(stack, r.id, config);
  }
  for (const o of s.outputs) new cdktf.TerraformOutput(stack, o.id, { value: ids.get(o.groupKey), description: o.description });
}

/**
 * Runs the program: `providers.azure()` and `providers.aws()` return the provider classes
 * (called only when a stack of that platform is declared, as a one-cloud program imports one
 * provider package).
 */
function runProgram(providers) {
  const [inputFile, outdir] = process.argv.slice(2);
  const input = JSON.parse(readFileSync(inputFile, 'utf8'));
  let start = process.hrtime.bigint();
  const cdktf = require('cdktf');
  const azure = input.stacks.some((s) => s.platform === 'azure') ? providers.azure() : undefined;
  const aws = input.stacks.some((s) => s.platform === 'aws') ? providers.aws() : undefined;
  mark('loadMs', msSince(start));
  start = process.hrtime.bigint();
  const app = new cdktf.App({ outdir, stackTraces: false });
  for (const s of input.stacks) {
    if (s.platform === 'azure') azureStack(cdktf, app, s, azure);
    else awsStack(cdktf, app, s, aws);
  }
  mark('buildMs', msSince(start));
  start = process.hrtime.bigint();
  app.synth();
  mark('synthMs', msSince(start));
}

module.exports = { runProgram, mark, msSince };
