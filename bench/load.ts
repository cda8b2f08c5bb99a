// Loading the library: the entry point in a fresh process, Node alone, and what the entry's
// load time is made of (its parts, and the third-party modules they bring, required in turn).
import { join, relative } from 'node:path';
import { REPO_ROOT } from './estates';
import { measure } from './measure';
import { LoadResult, LoadShare } from './results';

/** The library's entry point (package.json `main`). */
export const ENTRY = join(REPO_ROOT, 'dist', 'lib', 'index.js');

const REQUIRE = join(__dirname, 'probe', 'require.js');

/** The parts of the entry point, in the order index.ts exports them. */
const LIBRARY_PARTS = ['errors.js', 'model/index.js', 'input/index.js', 'matrix/index.js', 'platforms/azure/index.js', 'platforms/aws/index.js',
  'cdktf/adcs-enrollment-security.js', 'check/index.js', 'index.js'].map((p) => join(REPO_ROOT, 'dist', 'lib', p));

/** Third-party modules the library loads (provider resources by module path), each on top of the ones before. */
const THIRD_PARTY = ['ipaddr.js', 'yaml', 'ajv', 'constructs', 'cdktf',
  '@cdktf/provider-azurerm/lib/provider', '@cdktf/provider-azurerm/lib/network-security-group',
  '@cdktf/provider-azurerm/lib/network-security-rule', '@cdktf/provider-azurerm/lib/subnet-network-security-group-association',
  '@cdktf/provider-aws/lib/provider', '@cdktf/provider-aws/lib/security-group',
  '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule', '@cdktf/provider-aws/lib/vpc-security-group-egress-rule'];

function shares(modules: readonly string[], reps: number): LoadShare[] {
  const m = measure(REQUIRE, modules, reps);
  const label = (name: string): string => (name.startsWith('/') ? relative(REPO_ROOT, name) : name);
  return modules.map((name, i) => ({
    module: label(name), requireMs: Number(m.marks[`require ${name}`]), after: modules.slice(0, i).map(label),
  }));
}

/** Measures the load of the entry point (and Node alone, and the shares) in fresh processes. */
export function measureLoad(reps: number): LoadResult {
  return {
    entry: measure(REQUIRE, [ENTRY], reps),
    node: measure(REQUIRE, [], reps),
    shares: [...shares(LIBRARY_PARTS, reps), ...shares(THIRD_PARTY, reps)],
  };
}
