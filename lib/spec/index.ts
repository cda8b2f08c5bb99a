// `adcs-firewall/spec`: reading and validating a spec, framework-free.
export { resolveSpec, loadSpecFile, SPEC_SCHEMA } from './spec';
export { readSpecDocument } from '../input/load';
