// THE BASELINE: a CDKTF program written the way the CDKTF documentation shows, to compare the
// library against. `node baseline.js <input.json> <outdir>` declares, for each stack of the
// input (written by baseline-input.ts from the example estates), the same resources the
// library declares, one explicit resource per rule.
//
// This file is the ONLY place in the repository allowed to import a provider package from its
// root (`@cdktf/provider-azurerm`, `@cdktf/provider-aws`): that loads every resource class of
// the provider, which is exactly the cost being measured. Everywhere else, import provider
// classes by module path (`@cdktf/provider-azurerm/lib/network-security-rule`).
//
// The provider roots are imported when a stack of that platform is declared (a hand-written
// Azure program imports only the azurerm provider); the import itself is the documented one.
// The baseline must not import this library.
import { readFileSync } from 'node:fs';
import { App, LocalBackend, TerraformOutput, TerraformStack } from 'cdktf';
import type { BaselineAwsStack, BaselineAzureStack, BaselineInput } from './baseline-format';
import { mark, msSince } from './probe/marks';

type Azurerm = typeof import('@cdktf/provider-azurerm');
type Aws = typeof import('@cdktf/provider-aws');

function azureStack(app: App, s: BaselineAzureStack, azurerm: Azurerm): void {
  const { networkSecurityGroup, networkSecurityRule, provider, subnetNetworkSecurityGroupAssociation } = azurerm;
  const stack = new TerraformStack(app, s.name);
  new LocalBackend(stack, { path: `terraform.${s.name}.tfstate` });
  new provider.AzurermProvider(stack, 'azurerm', { features: [{}] });
  for (const n of s.nsgs) {
    let nsgName = n.existing?.name ?? '';
    let rgName = n.existing?.resourceGroupName ?? '';
    if (n.config) {
      const nsg = new networkSecurityGroup.NetworkSecurityGroup(stack, n.id, n.config);
      nsgName = nsg.name;
      rgName = nsg.resourceGroupName;
      for (const a of n.associations) {
        new subnetNetworkSecurityGroupAssociation.SubnetNetworkSecurityGroupAssociation(stack, a.id, { subnetId: a.subnetId, networkSecurityGroupId: nsg.id });
      }
    }
    for (const r of n.rules) {
      new networkSecurityRule.NetworkSecurityRule(stack, r.id, {
        ...(r.config as unknown as ConstructorParameters<typeof networkSecurityRule.NetworkSecurityRule>[2]),
        networkSecurityGroupName: nsgName,
        resourceGroupName: rgName,
      });
    }
  }
}

function awsStack(app: App, s: BaselineAwsStack, aws: Aws): void {
  const { provider, securityGroup, vpcSecurityGroupEgressRule, vpcSecurityGroupIngressRule } = aws;
  const stack = new TerraformStack(app, s.name);
  new LocalBackend(stack, { path: `terraform.${s.name}.tfstate` });
  new provider.AwsProvider(stack, 'aws', s.region ? { region: s.region } : {});
  const ids = new Map<string, string>();
  for (const g of s.groups) {
    if (g.config) ids.set(g.key, new securityGroup.SecurityGroup(stack, g.id!, g.config).id);
    else ids.set(g.key, g.securityGroupId!);
  }
  for (const r of s.rules) {
    const config = {
      ...(r.config as unknown as ConstructorParameters<typeof vpcSecurityGroupIngressRule.VpcSecurityGroupIngressRule>[2]),
      securityGroupId: ids.get(r.groupKey)!,
      ...(r.peerGroupKey ? { referencedSecurityGroupId: ids.get(r.peerGroupKey)! } : {}),
    };
    if (r.direction === 'ingress') new vpcSecurityGroupIngressRule.VpcSecurityGroupIngressRule(stack, r.id, config);
    else new vpcSecurityGroupEgressRule.VpcSecurityGroupEgressRule(stack, r.id, config);
  }
  for (const o of s.outputs) new TerraformOutput(stack, o.id, { value: ids.get(o.groupKey)!, description: o.description });
}

async function main(): Promise<void> {
  const [inputFile, outdir] = process.argv.slice(2);
  const input = JSON.parse(readFileSync(inputFile, 'utf8')) as BaselineInput;
  const app = new App({ outdir, stackTraces: false });
  let start = process.hrtime.bigint();
  const azurerm = input.stacks.some((s) => s.platform === 'azure') ? await import('@cdktf/provider-azurerm') : undefined;
  const aws = input.stacks.some((s) => s.platform === 'aws') ? await import('@cdktf/provider-aws') : undefined;
  mark('loadMs', msSince(start));
  start = process.hrtime.bigint();
  for (const s of input.stacks) {
    if (s.platform === 'azure') azureStack(app, s, azurerm!);
    else awsStack(app, s, aws!);
  }
  mark('buildMs', msSince(start));
  start = process.hrtime.bigint();
  app.synth();
  mark('synthMs', msSince(start));
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exitCode = 3;
});
