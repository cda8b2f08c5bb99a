import type { TextPosition } from '../util/json-positions';

/**
 * Where each key path of a spec text (`tiers.ca.cidrs[0]`) starts: the position of the key (or
 * the list element), for pointing a finding at its line. YAML and JSON alike (JSON is YAML).
 * Undefined for a path the text does not hold, or a text that does not parse.
 */
export function specPositions(text: string): (keyPath: string) => TextPosition | undefined {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const YAML = require('yaml') as typeof import('yaml');
  const lineCounter = new YAML.LineCounter();
  let doc: import('yaml').Document.Parsed | undefined;
  try {
    doc = YAML.parseDocument(text, { lineCounter, keepSourceTokens: false });
  } catch {
    doc = undefined;
  }
  const position = (offset: number): TextPosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { offset, line, column: col };
  };
  return (keyPath) => {
    if (!doc) return undefined;
    const parts = [...keyPath.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
    let node: unknown = doc.contents;
    let start: number | undefined = (node as { range?: number[] } | null)?.range?.[0];
    for (const p of parts) {
      if (YAML.isMap(node)) {
        const pair = node.items.find((it) => YAML.isScalar(it.key) && String(it.key.value) === String(p));
        if (!pair) return start === undefined ? undefined : position(start);
        start = (pair.key as { range?: number[] }).range?.[0];
        node = pair.value;
      } else if (YAML.isSeq(node) && typeof p === 'number') {
        const item = node.items[p] as { range?: number[] } | undefined;
        if (!item) return start === undefined ? undefined : position(start);
        start = item.range?.[0];
        node = item;
      } else {
        break;
      }
    }
    return start === undefined ? undefined : position(start);
  };
}
