import { createHash } from 'node:crypto';

/**
 * A synthesized cdk.tf.json rewritten as `terraform show -json` output of an estate that is
 * already deployed: every resource in `planned_values`, every `${type.name.attr}` replaced by
 * the literal value a real plan shows (ids as Azure resource ids or `sg-…`).
 */
export function asDeployedShowJson(cdk: any): any {
  const byAddress = new Map<string, any>();
  for (const [type, byName] of Object.entries(cdk.resource as Record<string, Record<string, any>>)) {
    for (const [name, values] of Object.entries(byName)) byAddress.set(`${type}.${name}`, { type, name, values });
  }
  const idOf = (address: string): string => {
    const r = byAddress.get(address)!;
    if (r.type === 'azurerm_network_security_group') {
      return `/subscriptions/0/resourceGroups/${r.values.resource_group_name}/providers/Microsoft.Network/networkSecurityGroups/${r.values.name}`;
    }
    return `sg-${createHash('sha256').update(address).digest('hex').slice(0, 17)}`;
  };
  const resolve = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const m = /^\$\{([\w-]+\.[\w-]+)\.(\w+)\}$/.exec(v);
      if (!m) return v;
      return m[2] === 'id' ? idOf(m[1]) : resolve(byAddress.get(m[1])!.values[m[2]]);
    }
    if (Array.isArray(v)) return v.map(resolve);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([k]) => k !== '//').map(([k, x]) => [k, resolve(x)]));
    return v;
  };
  const resources = [...byAddress.entries()].map(([address, r]) => ({
    address, mode: 'managed', type: r.type, name: r.name, provider_name: `registry.terraform.io/hashicorp/${r.type.split('_')[0]}`,
    values: { ...(resolve(r.values) as object), ...(['azurerm_network_security_group', 'aws_security_group'].includes(r.type) ? { id: idOf(address) } : {}) },
  }));
  // Deployed and unchanged: every resource a no-op, its values before and after the same (terraform internal/command/jsonplan).
  const changes = resources.map((r) => ({
    address: r.address, mode: r.mode, type: r.type, name: r.name, provider_name: r.provider_name,
    change: { actions: ['no-op'], before: r.values, after: r.values, after_unknown: {}, before_sensitive: {}, after_sensitive: {} },
  }));
  return { format_version: '1.2', terraform_version: '1.11.0', planned_values: { root_module: { resources } }, resource_changes: changes };
}
