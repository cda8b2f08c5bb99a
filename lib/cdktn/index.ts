// The CDK Terrain entry point (`adcs-firewall/cdktn`): the same API as the root, with constructs
// built on `cdktn` and `constructs` only.
import './require-cdktn';
export * from '../public';
export * from './adcs-enrollment-security';
export * from './azure-nsg-rules';
export * from './aws-security-group-rules';
export * from './resource';
