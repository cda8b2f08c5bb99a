// The CDKTF entry point (`adcs-firewall`): the framework is checked first, so a missing package
// is named, not a bare "Cannot find module". lib/cdktn/ is generated from this folder at build.
import './require-cdktf';
export * from '../public';
export * from './adcs-enrollment-security';
export * from './azure-nsg-rules';
export * from './aws-security-group-rules';
export { AdcsProvider, AdcsProviderProps, AdcsResource } from './resource';
