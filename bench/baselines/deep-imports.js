'use strict';
// BASELINE 1, the honest competitor: the hand-written CDKTF program (program.js) with each
// provider class imported by its module path, as a careful CDKTF user writes it:
//   import { NetworkSecurityRule } from '@cdktf/provider-azurerm/lib/network-security-rule';
// `node deep-imports.js <input.json> <outdir>`.
const { runProgram } = require('./program');

runProgram({
  azure: () => ({
    AzurermProvider: require('@cdktf/provider-azurerm/lib/provider').AzurermProvider,
    NetworkSecurityGroup: require('@cdktf/provider-azurerm/lib/network-security-group').NetworkSecurityGroup,
    NetworkSecurityRule: require('@cdktf/provider-azurerm/lib/network-security-rule').NetworkSecurityRule,
    SubnetNetworkSecurityGroupAssociation:
      require('@cdktf/provider-azurerm/lib/subnet-network-security-group-association').SubnetNetworkSecurityGroupAssociation,
  }),
  aws: () => ({
    AwsProvider: require('@cdktf/provider-aws/lib/provider').AwsProvider,
    SecurityGroup: require('@cdktf/provider-aws/lib/security-group').SecurityGroup,
    VpcSecurityGroupIngressRule: require('@cdktf/provider-aws/lib/vpc-security-group-ingress-rule').VpcSecurityGroupIngressRule,
    VpcSecurityGroupEgressRule: require('@cdktf/provider-aws/lib/vpc-security-group-egress-rule').VpcSecurityGroupEgressRule,
  }),
});
