import { isObject } from '../util/json';

const escape = (k: string): string => k.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * The JSON pointer of each resource of a Terraform JSON document, by address: in a cdk.tf.json
 * `/resource/<type>/<name>`; in `terraform show -json`, the resource's entry in planned_values
 * (or the state's values), else in resource_changes (a resource the plan deletes). For pointing
 * a finding at the resource's line.
 */
export function resourcePointers(doc: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (!isObject(doc)) return out;
  if (isObject(doc.resource)) {
    for (const [type, byName] of Object.entries(doc.resource)) {
      if (!isObject(byName)) continue;
      for (const name of Object.keys(byName)) out.set(`${type}.${name}`, `/resource/${escape(type)}/${escape(name)}`);
    }
  }
  const walk = (mod: unknown, pointer: string): void => {
    if (!isObject(mod)) return;
    if (Array.isArray(mod.resources)) {
      mod.resources.forEach((r: unknown, i: number) => {
        if (isObject(r) && typeof r.address === 'string' && !out.has(r.address)) out.set(r.address, `${pointer}/resources/${i}`);
      });
    }
    if (Array.isArray(mod.child_modules)) mod.child_modules.forEach((c: unknown, i: number) => walk(c, `${pointer}/child_modules/${i}`));
  };
  if (isObject(doc.planned_values)) walk(doc.planned_values.root_module, '/planned_values/root_module');
  if (isObject(doc.values)) walk(doc.values.root_module, '/values/root_module');
  if (Array.isArray(doc.resource_changes)) {
    doc.resource_changes.forEach((r: unknown, i: number) => {
      if (isObject(r) && typeof r.address === 'string' && !out.has(r.address)) out.set(r.address, `/resource_changes/${i}`);
    });
  }
  return out;
}
