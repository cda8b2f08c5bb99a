import './require-cdktf';
export * from './adcs-enrollment-security';
export * from './azure-nsg-rules';
export * from './aws-security-group-rules';
export * from './resource';
