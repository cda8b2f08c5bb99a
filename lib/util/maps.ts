/**
 * Appends `values` to the list `map` holds at `key`, starting one (a copy) when it holds none:
 * grouping in one pass, where copying the list on every append grows with its square.
 */
export function appendTo<K, V>(map: Map<K, V[]>, key: K, ...values: readonly V[]): void {
  const list = map.get(key);
  if (list) list.push(...values);
  else map.set(key, [...values]);
}
