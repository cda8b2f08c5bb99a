import { Messages } from '../errors';

/** The framework packages each construct entry point needs, with the versions it supports (package.json's peerDependencies). */
export const FRAMEWORK_PACKAGES = {
  cdktf: { entry: 'adcs-firewall', packages: { cdktf: '^0.21.0', constructs: '^10.4.2' }, other: 'adcs-firewall/cdktn (CDK Terrain)' },
  cdktn: { entry: 'adcs-firewall/cdktn', packages: { cdktn: '^0.24.0', constructs: '^10.4.2' }, other: 'adcs-firewall (CDKTF)' },
} as const;

/** True when `version` satisfies a caret range `^A.B.C` (0.x: same minor; else same major, not lower). */
export function satisfiesCaret(version: string, range: string): boolean {
  const v = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  const r = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(range);
  if (!v || !r) return true;
  const [va, vb, vc] = v.slice(1).map(Number);
  const [ra, rb, rc] = r.slice(1).map(Number);
  if (va !== ra) return false;
  if (ra === 0) return vb === rb && vc >= rc;
  return vb > rb || (vb === rb && vc >= rc);
}

/**
 * Called first by a construct entry point: throws an Error naming the package and version to
 * install when the framework (or `constructs`) is missing or of a version the entry point does
 * not support, instead of a bare `Cannot find module` from deep inside the library.
 */
export function requireFramework(framework: keyof typeof FRAMEWORK_PACKAGES, resolve: (id: string) => string = require.resolve): void {
  const need = FRAMEWORK_PACKAGES[framework];
  const install = Object.entries(need.packages).map(([p, r]) => `${p}@${r}`).join(' ');
  for (const [pkg, range] of Object.entries(need.packages)) {
    try {
      resolve(pkg);
    } catch {
      throw new Error(Messages.frameworkMissing(need.entry, pkg, range, install, need.other).text);
    }
    const found = versionOf(resolve, pkg);
    if (found !== undefined && !satisfiesCaret(found, range)) throw new Error(Messages.frameworkVersion(need.entry, pkg, range, found, install).text);
  }
}

/** The installed version of `pkg`, when its package.json can be read. */
function versionOf(resolve: (id: string) => string, pkg: string): string | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require(resolve(`${pkg}/package.json`)) as { version?: string }).version;
  } catch {
    return undefined;
  }
}
