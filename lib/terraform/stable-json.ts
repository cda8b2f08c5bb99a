/**
 * JSON text with every object's keys in sorted order and two-space indentation, exactly as the
 * frameworks write `cdk.tf.json` and `manifest.json` (json-stable-stringify with `space: 2`:
 * an empty object or list spans two lines; `undefined` members are left out). `replace` may
 * turn an object into another value as it is written (the stack writer's references).
 */
export function stableJson(value: unknown, replace: (v: unknown) => unknown = (v) => v): string {
  return write(value, 0, replace) ?? 'null';
}

const INDENTS: string[] = [];
const indentOf = (level: number): string => INDENTS[level] ?? (INDENTS[level] = `\n${'  '.repeat(level)}`);

function write(node: unknown, level: number, replace: (v: unknown) => unknown): string | undefined {
  const indent = indentOf(level);
  const inner = indentOf(level + 1);
  if (node !== null && typeof node === 'object' && typeof (node as { toJSON?: unknown }).toJSON === 'function') {
    node = (node as { toJSON: () => unknown }).toJSON();
  }
  if (node === undefined) return undefined;
  if (typeof node !== 'object' || node === null) return JSON.stringify(node);
  node = replace(node);
  if (typeof node !== 'object' || node === null) return JSON.stringify(node);
  if (Array.isArray(node)) {
    const out = node.map((x) => inner + (write(x, level + 1, replace) ?? 'null'));
    return `[${out.join(',')}${indent}]`;
  }
  const out: string[] = [];
  for (const key of Object.keys(node).sort()) {
    const v = write((node as Record<string, unknown>)[key], level + 1, replace);
    if (v) out.push(`${inner}${JSON.stringify(key)}: ${v}`);
  }
  return `{${out.join(',')}${indent}}`;
}
