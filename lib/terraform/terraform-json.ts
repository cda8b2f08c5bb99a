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
        if (isObject(values)) out.push({ type, name, address: `${type}.${name}`, values });
      }
    }
  }
  const list = (v: unknown): any[] => (Array.isArray(v) ? v.filter(isObject) : []);
  const walk = (mod: any): void => {
    if (!isObject(mod)) return;
    for (const r of list(mod.resources)) {
      if (typeof r.type !== 'string' || typeof r.name !== 'string') continue;
      if (r.mode && r.mode !== 'managed') continue;
      out.push({ type: r.type, name: r.name, address: typeof r.address === 'string' ? r.address : `${r.type}.${r.name}`, values: isObject(r.values) ? r.values : {} });
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

/** True when the value looks like a plan this library can read. */
export function isTerraformJson(plan: unknown): boolean {
  return isObject(plan) && (isObject(plan.resource) || isObject(plan.planned_values));
}

function isObject(v: unknown): v is Record<string, any> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
