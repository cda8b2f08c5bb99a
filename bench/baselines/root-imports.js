'use strict';
// BASELINE 2: the same program (program.js) importing the provider packages from their root,
// as the CDKTF documentation shows (`import { networkSecurityRule } from '@cdktf/provider-azurerm'`),
// which loads every resource class of the provider. This file is the ONLY place in the
// repository allowed to import a provider package from its root; everywhere else, import
// provider classes by module path. `node root-imports.js <input.json> <outdir>`.
const { runProgram } = require('./program');

runProgram({
  azure: () => {
    const azurerm = require('@cdktf/provider-azurerm');
    return {
      AzurermProvider: azurerm.provider.AzurermProvider,
      NetworkSecurityGroup: azurerm.networkSecurityGroup.NetworkSecurityGroup,
      NetworkSecurityRule: azurerm.networkSecurityRule.NetworkSecurityRule,
      SubnetNetworkSecurityGroupAssociation: azurerm.subnetNetworkSecurityGroupAssociation.SubnetNetworkSecurityGroupAssociation,
    };
  },
  aws: () => {
    const aws = require('@cdktf/provider-aws');
    return {
      AwsProvider: aws.provider.AwsProvider,
      SecurityGroup: aws.securityGroup.SecurityGroup,
      VpcSecurityGroupIngressRule: aws.vpcSecurityGroupIngressRule.VpcSecurityGroupIngressRule,
      VpcSecurityGroupEgressRule: aws.vpcSecurityGroupEgressRule.VpcSecurityGroupEgressRule,
    };
  },
});
