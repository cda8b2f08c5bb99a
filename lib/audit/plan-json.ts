/** One resource of a plan, whatever the plan's format. */
export interface PlanResource {
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
export interface PlanReference {
  /** Resource address `type.name`. */
  readonly address: string;
  /** Attribute read. */
  readonly attribute: string;
}

/** Parses a whole-string Terraform reference such as `${azurerm_network_security_group.x.id}`. */
export function parseReference(value: unknown): PlanReference | undefined {
  if (typeof value !== 'string') return undefined;
  const m = REF.exec(value);
  return m ? { address: `${m[1]}.${m[2]}`, attribute: m[3] } : undefined;
}

/**
 * The resources of a plan: a synthesized `cdk.tf.json` (`resource.<type>.<name>`) or the JSON
 * of `terraform show -json` (`planned_values.root_module`, child modules included).
 */
export function planResources(plan: unknown): PlanResource[] {
  const out: PlanResource[] = [];
  const p = plan as Record<string, any>;
  if (p && typeof p.resource === 'object') {
    for (const [type, byName] of Object.entries(p.resource as Record<string, Record<string, unknown>>)) {
      for (const [name, values] of Object.entries(byName ?? {})) {
        out.push({ type, name, address: `${type}.${name}`, values: (values ?? {}) as Record<string, unknown> });
      }
    }
  }
  const walk = (mod: any): void => {
    for (const r of mod?.resources ?? []) {
      if (r?.mode && r.mode !== 'managed') continue;
      out.push({ type: r.type, name: r.name, address: r.address ?? `${r.type}.${r.name}`, values: r.values ?? {} });
    }
    for (const c of mod?.child_modules ?? []) walk(c);
  };
  if (p?.planned_values?.root_module) walk(p.planned_values.root_module);
  return out.sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
}

/** True when the value looks like a plan this library can read. */
export function isPlan(plan: unknown): boolean {
  const p = plan as Record<string, unknown> | null;
  return !!p && typeof p === 'object' && (typeof p.resource === 'object' || typeof p.planned_values === 'object');
}
