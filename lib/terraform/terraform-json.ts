/** One resource of a plan, whatever the plan's format. */
export interface TfResource {
  /** Terraform type, e.g. `azurerm_network_security_rule`. */
  readonly type: string;
  /** Terraform name (logical id). */
  readonly name: string;
  /** `type.name`. */
  readonly address: string;
  /** Its configuration (cdk.tf.json) or planned values (`terraform show -json`). */
  readonly values: Readonly<Record<string, unknown>>;
  /** True when read from `terraform show -json` (planned or prior state values), false for a cdk.tf.json body. */
  readonly state?: boolean;
}

const REF = /^\$\{([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_]+)\}$/;

/** A `${type.name.attr}` reference, parsed. */
export interface TfReference {
  /** Resource address `type.name`. */
  readonly address: string;
  /** Attribute read. */
  readonly attribute: string;
}

/** Parses a whole-string Terraform reference such as `${azurerm_network_security_group.x.id}`. */
export function parseReference(value: unknown): TfReference | undefined {
  if (typeof value !== 'string') return undefined;
  const m = REF.exec(value);
  return m ? { address: `${m[1]}.${m[2]}`, attribute: m[3] } : undefined;
}

/**
 * The resources of a plan: a synthesized `cdk.tf.json` (`resource.<type>.<name>`) or the JSON
 * of `terraform show -json` (`planned_values.root_module`, child modules included).
 */
export function terraformResources(plan: unknown): TfResource[] {
  const out: TfResource[] = [];
  const p = plan as Record<string, any>;
  if (isObject(p?.resource)) {
    for (const [type, byName] of Object.entries(p.resource as Record<string, unknown>)) {
      if (!isObject(byName)) continue;
      for (const [name, values] of Object.entries(byName)) {
        // A literal `count = 0`: the resource does not exist.
        if (isObject(values) && values.count !== 0 && values.count !== '0') out.push({ type, name, address: `${type}.${name}`, values, state: false });
      }
    }
  }
  const list = (v: unknown): any[] => (Array.isArray(v) ? v.filter(isObject) : []);
  const walk = (mod: any): void => {
    if (!isObject(mod)) return;
    for (const r of list(mod.resources)) {
      if (typeof r.type !== 'string' || typeof r.name !== 'string') continue;
      if (r.mode && r.mode !== 'managed') continue;
      out.push({ type: r.type, name: r.name, address: typeof r.address === 'string' ? r.address : `${r.type}.${r.name}`, values: isObject(r.values) ? r.values : {}, state: true });
    }
    for (const c of list(mod.child_modules)) walk(c);
  };
  if (p?.planned_values?.root_module) walk(p.planned_values.root_module);
  // terraform show -json leaves computed values (ids of resources not yet created) out of
  // planned_values; the configuration still names what they reference.
  const refs = new Map<string, Record<string, string>>();
  const walkConfig = (mod: any, prefix: string): void => {
    if (!isObject(mod)) return;
    for (const r of list(mod.resources)) {
      const known: Record<string, string> = {};
      for (const [k, e] of Object.entries((r?.expressions ?? {}) as Record<string, any>)) {
        const ref = Array.isArray(e?.references) ? e.references[0] : undefined;
        if (typeof ref === 'string') known[k] = `\${${prefix}${ref}}`;
      }
      refs.set(`${prefix}${r.address}`, known);
    }
    for (const [name, call] of Object.entries(isObject(mod.module_calls) ? mod.module_calls : {})) walkConfig((call as any)?.module, `${prefix}module.${name}.`);
  };
  if (p?.configuration?.root_module) walkConfig(p.configuration.root_module, '');
  for (let i = 0; i < out.length; i++) {
    const known = refs.get(out[i].address);
    if (!known) continue;
    const values = { ...out[i].values };
    for (const [k, v] of Object.entries(known)) if (values[k] === undefined || values[k] === null) values[k] = v;
    out[i] = { ...out[i], values };
  }
  return out.sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
}

/**
 * The `count`, `for_each` and `dynamic` blocks of cdk.tf.json resources: one body that stands for
 * an unknown number of instances or blocks, so what it allows cannot be read (a literal
 * `count = 0` was dropped as absent). One line per resource; `terraform show -json` lists
 * expanded instances (with `index`) instead, judged like any resource.
 */
export function metaArgumentsOf(r: TfResource): string | undefined {
  if (r.state) return undefined;
  const found: string[] = [];
  if (r.values.count !== undefined) found.push(`count = ${JSON.stringify(r.values.count)}`);
  if (r.values.for_each !== undefined) found.push('for_each');
  const hasDynamic = (v: unknown): boolean => (Array.isArray(v) ? v.some(hasDynamic)
    : isObject(v) ? Object.entries(v).some(([k, x]) => k === 'dynamic' || hasDynamic(x)) : false);
  if (hasDynamic(r.values)) found.push('a dynamic block');
  return found.length === 0 ? undefined
    : `${r.address}: ${found.join(', ')} cannot be evaluated (instances or blocks are known only at plan time; only a literal count = 0 is read, as absent)`;
}

/** True when the value looks like a plan this library can read. */
export function isTerraformJson(plan: unknown): boolean {
  return isObject(plan) && (isObject(plan.resource) || isObject(plan.planned_values));
}

function isObject(v: unknown): v is Record<string, any> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
