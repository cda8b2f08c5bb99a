import { Messages } from '../errors';

/**
 * The framework packages each construct entry point needs, with the versions it supports
 * (package.json's peerDependencies: cdktf 0.21; cdktn 0.24 and 0.25), and `constructs` as each
 * framework asks for it (cdktf ^10.4.2; cdktn 0.24 >=10.6, below 10.8, which cdktn's own peer
 * range enforces).
 */
export const FRAMEWORK_PACKAGES = {
  cdktf: { entry: 'adcs-firewall', packages: { cdktf: '^0.21.0', constructs: '^10.4.2' }, other: 'adcs-firewall/cdktn (CDK Terrain)' },
  cdktn: { entry: 'adcs-firewall/cdktn', packages: { cdktn: '^0.24.0 || ^0.25.0', constructs: '^10.6.0' }, other: 'adcs-firewall (CDKTF)' },
} as const;

type Version = [number, number, number];

const parse = (v: string): Version | undefined => {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(v);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
};

const compare = (a: Version, b: Version): number => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** True when `version` satisfies one comparator: `^A.B.C` (0.x: same minor; else same major, not lower), `>=`, `>`, `<=`, `<`, `=` or a bare version. */
function satisfiesComparator(v: Version, comparator: string): boolean {
  const m = /^(\^|>=|<=|>|<|=)?(\d+\.\d+\.\d+)$/.exec(comparator);
  const r = m ? parse(m[2]) : undefined;
  if (!m || !r) return true;
  const c = compare(v, r);
  switch (m[1]) {
    case '^': return c >= 0 && v[0] === r[0] && (r[0] !== 0 || v[1] === r[1]);
    case '>=': return c >= 0;
    case '>': return c > 0;
    case '<=': return c <= 0;
    case '<': return c < 0;
    default: return c === 0;
  }
}

/**
 * True when `version` satisfies `range`: alternatives joined by `||`, each a set of comparators
 * separated by spaces (`^0.24.0 || ^0.25.0`, `>=10.6.0 <10.8.0`). Anything it cannot read passes:
 * npm's own peer check is the authority, this one names the problem early.
 */
export function satisfiesRange(version: string, range: string): boolean {
  const v = parse(version);
  if (!v) return true;
  return range.split('||').some((alt) => alt.trim().split(/\s+/).filter(Boolean).every((c) => satisfiesComparator(v, c)));
}

/** `pkg@range` as a shell word (quoted when the range has spaces or `|`, `<`, `>`). */
const installWord = (pkg: string, range: string): string => (/[\s|<>]/.test(range) ? `'${pkg}@${range}'` : `${pkg}@${range}`);

/**
 * Called first by a construct entry point: throws an Error naming the package and version to
 * install when the framework (or `constructs`) is missing or of a version the entry point does
 * not support, instead of a bare `Cannot find module` from deep inside the library.
 */
export function requireFramework(framework: keyof typeof FRAMEWORK_PACKAGES, resolve: (id: string) => string = require.resolve): void {
  const need = FRAMEWORK_PACKAGES[framework];
  const install = Object.entries(need.packages).map(([p, r]) => installWord(p, r)).join(' ');
  for (const [pkg, range] of Object.entries(need.packages)) {
    try {
      resolve(pkg);
    } catch {
      throw new Error(Messages.frameworkMissing(need.entry, pkg, range, install, need.other).text);
    }
    const found = versionOf(resolve, pkg);
    if (found !== undefined && !satisfiesRange(found, range)) throw new Error(Messages.frameworkVersion(need.entry, pkg, range, found, install).text);
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
