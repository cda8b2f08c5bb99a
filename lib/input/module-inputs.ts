import type { PlatformInput } from './platform-input';

/** The value that leaves an id or name to the caller of a module (`subnetIds: [input]`). */
export const MODULE_INPUT = 'input';

/** One value a spec leaves to the caller of a module: where it is and the variable it becomes. */
export interface ModuleInput {
  /** Key path in the spec (`tiers.ca.subnetIds[0]`). */
  readonly path: string;
  /** The module variable (`ca_subnet_id`), referenced as `${var.ca_subnet_id}`. */
  readonly variable: string;
}

/** `resourceGroupName` → `resource_group_name`. */
const snake = (key: string): string => key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

/**
 * The variable a module input at `path` becomes: the key path without `tiers.` or the settings
 * block's name, in snake case; a list item is named by the list's key in the singular, numbered
 * when the list holds more than one input (`tiers.ca.subnetIds[0]` → `ca_subnet_id`,
 * `tiers.dc.networkSecurityGroup.resourceGroupName` → `dc_network_security_group_resource_group_name`,
 * `azure.resourceGroupName` → `resource_group_name`).
 */
export function variableName(path: string, settingsBlocks: readonly string[], ordinal?: number): string {
  const parts = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  if (parts[0] === 'tiers' || settingsBlocks.includes(parts[0])) parts.shift();
  if (/^\d+$/.test(parts[parts.length - 1])) {
    parts.pop();
    parts[parts.length - 1] = parts[parts.length - 1].replace(/s$/, '');
    if (ordinal !== undefined) parts.push(String(ordinal));
  }
  return parts.map(snake).join('_');
}

/**
 * The spec with every module input (the value `input` at a key that names one of the caller's
 * resources: an id, a name, a location; the platforms' reference paths) replaced by a reference
 * to the module variable it becomes (`${var.ca_subnet_id}`), and the inputs found. Every other
 * value is kept as it is; a spec without inputs comes back unchanged (the same object).
 */
export function substituteModuleInputs(doc: unknown, platforms: readonly PlatformInput[]): { doc: unknown; inputs: ModuleInput[] } {
  const references = platforms.flatMap((p) => p.referencePaths);
  const blocks = platforms.map((p) => p.platform as string);
  const inputs: ModuleInput[] = [];
  const at = (path: string, key: string | number): string => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);
  const isInput = (value: unknown, path: string): boolean => value === MODULE_INPUT && references.some((r) => r.test(path));
  const walk = (value: unknown, path: string): unknown => {
    if (Array.isArray(value)) {
      const count = value.filter((v, i) => isInput(v, at(path, i))).length;
      let ordinal = 0;
      const out = value.map((v, i) => {
        if (!isInput(v, at(path, i))) return walk(v, at(path, i));
        ordinal++;
        const variable = variableName(at(path, i), blocks, count > 1 ? ordinal : undefined);
        inputs.push({ path: at(path, i), variable });
        return `\${var.${variable}}`;
      });
      return out.some((v, i) => v !== value[i]) ? out : value;
    }
    if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value as Record<string, unknown>);
      const out = entries.map(([k, v]): [string, unknown] => {
        if (!isInput(v, at(path, k))) return [k, walk(v, at(path, k))];
        const variable = variableName(at(path, k), blocks);
        inputs.push({ path: at(path, k), variable });
        return [k, `\${var.${variable}}`];
      });
      return out.some(([, v], i) => v !== entries[i][1]) ? Object.fromEntries(out) : value;
    }
    return value;
  };
  const out = walk(doc, '');
  return { doc: out, inputs };
}

/** Every `${var.NAME}` a string references, by name. */
export function variablesIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\$\{([^}]*)\}/g)) for (const v of m[1].matchAll(/(?<![\w.])var\.([A-Za-z_][A-Za-z0-9_-]*)/g)) out.push(v[1]);
  return out;
}
