import { createHash } from 'node:crypto';

/** Construct ids CDKTF leaves out of a logical id altogether. */
const HIDDEN_ID = 'Default';
/** Construct ids CDKTF leaves out of the readable part (still hashed). */
const HIDDEN_FROM_HUMAN_ID = 'Resource';
const MAX_HUMAN_LEN = 240;
const MAX_ID_LEN = 255;

const clean = (s: string): string => s.replace(/[^A-Za-z0-9_-]/g, '');

/** Drops a component when the previous one ends with it (CDKTF's `removeDupes`). */
function removeDupes(path: readonly string[]): string[] {
  const out: string[] = [];
  for (const c of path) if (out.length === 0 || !out[out.length - 1].endsWith(c)) out.push(c);
  return out;
}

/**
 * The Terraform name CDKTF (and CDK Terrain) gives an element from its construct ids below the
 * stack (`['adcs', 'aws', 'ca-security-group']` → `adcs_aws_ca-security-group_FF96D3C7`): the
 * readable ids joined by `_`, then the first 8 hex digits of the MD5 of the `/`-joined path.
 * A pure copy of their `makeUniqueId`, so a plan written without the framework has the same
 * Terraform addresses.
 */
export function logicalIdOf(components: readonly string[]): string {
  const parts = components.filter((c) => c !== HIDDEN_ID);
  if (parts.length === 0) throw new Error('internal: a logical id needs at least one construct id');
  if (parts.length === 1) {
    const candidate = clean(parts[0]);
    if (candidate.length <= MAX_ID_LEN) return candidate;
  }
  const hash = createHash('md5').update(parts.join('/')).digest('hex').slice(0, 8).toUpperCase();
  const human = removeDupes(parts).filter((c) => c !== HIDDEN_FROM_HUMAN_ID).map(clean).join('_').slice(0, MAX_HUMAN_LEN);
  return `${human}_${hash}`;
}
