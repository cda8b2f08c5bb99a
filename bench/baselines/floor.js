'use strict';
// BASELINE 3, the floor: the same cdk.tf.json content as the other programs, built from the
// same planned layout (<input.json>, planned by the bench beforehand, outside the timing) with
// plain objects and written by JSON.stringify: no framework, no validation, no planning. It is
// the cost of starting Node, reading the layout and writing the output, which no implementation
// can beat. `node floor.js <input.json> <outdir>` writes <outdir>/stacks/<name>/cdk.tf.json and
// <outdir>/manifest.json.
const { mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { mark, msSince } = require('./program');

/** camelCase to snake_case (top-level attribute names only: tag keys are data). */
function snake(key) {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** A config object with snake_case attribute names and undefined members left out. */
function attrs(config) {
  const out = {};
  for (const [k, v] of Object.entries(config)) if (v !== undefined) out[snake(k)] = v;
  return out;
}

function azureDoc(s) {
  const nsgs = {};
  const rules = {};
  const assocs = {};
  for (const n of s.nsgs) {
    const ref = (attr) => `\${azurerm_network_security_group.${n.id}.${attr}}`;
    if (n.config) {
      nsgs[n.id] = attrs(n.config);
      for (const a of n.associations) assocs[a.id] = { network_security_group_id: ref('id'), subnet_id: a.subnetId };
    }
    for (const r of n.rules) {
      rules[r.id] = {
        ...attrs(r.config),
        network_security_group_name: n.config ? ref('name') : n.existing.name,
        resource_group_name: n.config ? ref('resource_group_name') : n.existing.resourceGroupName,
      };
    }
  }
  const resource = {};
  if (Object.keys(nsgs).length > 0) resource.azurerm_network_security_group = nsgs;
  if (Object.keys(rules).length > 0) resource.azurerm_network_security_rule = rules;
  if (Object.keys(assocs).length > 0) resource.azurerm_subnet_network_security_group_association = assocs;
  return {
    provider: { azurerm: [{ features: [{}] }] },
    resource,
    terraform: { backend: { local: { path: `terraform.${s.name}.tfstate` } }, required_providers: { azurerm: { source: 'azurerm' } } },
  };
}

function awsDoc(s) {
  const ids = new Map();
  const groups = {};
  for (const g of s.groups) {
    if (g.config) {
      groups[g.id] = attrs(g.config);
      ids.set(g.key, `\${aws_security_group.${g.id}.id}`);
    } else ids.set(g.key, g.securityGroupId);
  }
  const ingress = {};
  const egress = {};
  for (const r of s.rules) {
    const body = {
      ...attrs(r.config), security_group_id: ids.get(r.groupKey),
      ...(r.peerGroupKey ? { referenced_security_group_id: ids.get(r.peerGroupKey) } : {}),
    };
    (r.direction === 'ingress' ? ingress : egress)[r.id] = body;
  }
  const resource = {};
  if (Object.keys(groups).length > 0) resource.aws_security_group = groups;
  if (Object.keys(ingress).length > 0) resource.aws_vpc_security_group_ingress_rule = ingress;
  if (Object.keys(egress).length > 0) resource.aws_vpc_security_group_egress_rule = egress;
  const output = {};
  for (const o of s.outputs) output[o.id] = { description: o.description, value: ids.get(o.groupKey) };
  return {
    ...(s.outputs.length > 0 ? { output } : {}),
    provider: { aws: [s.region ? { region: s.region } : {}] },
    resource,
    terraform: { backend: { local: { path: `terraform.${s.name}.tfstate` } }, required_providers: { aws: { source: 'aws' } } },
  };
}

function main() {
  const [inputFile, outdir] = process.argv.slice(2);
  const input = JSON.parse(readFileSync(inputFile, 'utf8'));
  const start = process.hrtime.bigint();
  const stacks = {};
  for (const s of input.stacks) {
    const dir = join(outdir, 'stacks', s.name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'cdk.tf.json'), JSON.stringify(s.platform === 'azure' ? azureDoc(s) : awsDoc(s), null, 2));
    stacks[s.name] = { name: s.name, synthesizedStackPath: `stacks/${s.name}/cdk.tf.json`, workingDirectory: `stacks/${s.name}` };
  }
  writeFileSync(join(outdir, 'manifest.json'), JSON.stringify({ stacks, version: 'floor' }, null, 2));
  mark('writeMs', msSince(start));
}

main();
