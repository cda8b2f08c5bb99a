/**
 * JSON text with every object's keys in sorted order and two-space indentation, exactly as the
 * frameworks write `cdk.tf.json` and `manifest.json` (json-stable-stringify with `space: 2`:
 * an empty object or list spans two lines; `undefined` members are left out).
 */
export function stableJson(value: unknown): string {
  return write(value, 0) ?? 'null';
}

const INDENTS: string[] = [];
const indentOf = (level: number): string => INDENTS[level] ?? (INDENTS[level] = `\n${'  '.repeat(level)}`);

function write(node: unknown, level: number): string | undefined {
  const indent = indentOf(level);
  const inner = indentOf(level + 1);
  if (node !== null && typeof node === 'object' && typeof (node as { toJSON?: unknown }).toJSON === 'function') {
    node = (node as { toJSON: () => unknown }).toJSON();
  }
  if (node === undefined) return undefined;
  if (typeof node !== 'object' || node === null) return JSON.stringify(node);
  if (Array.isArray(node)) {
    const out = node.map((x) => inner + (write(x, level + 1) ?? 'null'));
    return `[${out.join(',')}${indent}]`;
  }
  const out: string[] = [];
  for (const key of Object.keys(node).sort()) {
    const v = write((node as Record<string, unknown>)[key], level + 1);
    if (v) out.push(`${inner}${JSON.stringify(key)}: ${v}`);
  }
  return `{${out.join(',')}${indent}}`;
}
