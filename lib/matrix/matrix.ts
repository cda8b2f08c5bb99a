import { Estate, presentTiers } from '../model/estate';
import { Flow } from '../model/flows';
import { SEED_CORRECTIONS } from '../model/corrections';
import { dynamicRangeOf } from '../model/port-sets';
import { normalizePortRanges } from '../model/port-range';
import { tierInfo } from '../model/tiers';
import { Warning } from '../model/warnings';

/** Output formats of the port matrix. */
export enum MatrixFormat {
  /** The table a firewall team signs off. */
  MARKDOWN = 'markdown',
  /** One row per flow, for spreadsheets. */
  CSV = 'csv',
  /** An array of flow objects, for machines. */
  JSON = 'json',
  /** A Mermaid flowchart: tiers as nodes, flows as labelled edges. */
  MERMAID = 'mermaid',
}

/** One row of the JSON matrix. */
export interface MatrixRow {
  /** Catalogue id, or `custom:<name>`. */
  readonly flow: string;
  /** True for user-declared flows. */
  readonly custom: boolean;
  /** Source tier key. */
  readonly from: string;
  /** Destination tier key. */
  readonly to: string;
  /** `tcp` or `udp`. */
  readonly protocol: string;
  /** `"N"` or `"N-M"` strings. */
  readonly ports: string[];
  /** Why the flow exists. */
  readonly purpose: string;
  /** Where it is documented. */
  readonly reference: string;
}

/** The flows as matrix rows. */
export function matrixRows(flows: readonly Flow[]): MatrixRow[] {
  return flows.map((f) => ({
    flow: f.id, custom: f.custom, from: f.from, to: f.to, protocol: f.protocol,
    ports: f.ports.map(String), purpose: f.purpose, reference: f.reference,
  }));
}

/** Renders the matrix of an estate's flows in one format. */
export function renderMatrix(format: MatrixFormat, estate: Estate, flows: readonly Flow[], warnings: readonly Warning[]): string {
  switch (format) {
    case MatrixFormat.JSON: return `${JSON.stringify(matrixRows(flows), null, 2)}\n`;
    case MatrixFormat.CSV: return csv(flows);
    case MatrixFormat.MERMAID: return mermaid(estate, flows);
    default: return markdown(estate, flows, warnings);
  }
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\r\n|\r|\n/g, ' ');

function markdown(estate: Estate, flows: readonly Flow[], warnings: readonly Warning[]): string {
  const lines = [`# AD CS port matrix: ${estate.name}`, ''];
  const dyn = presentTiers(estate)
    .filter((t) => t.key === 'ca' || t.key === 'dc')
    .map((t) => { const d = dynamicRangeOf(estate, t.key); return `${t.key} TCP ${d.range} (from ${d.from})`; });
  lines.push(
    `- RPC dynamic range of the destination (DYN): ${dyn.join('; ')}`,
    `- DCOM to the CA: TCP 135 + ${estate.dcomPort !== undefined ? `static port ${estate.dcomPort}` : 'the CA\'s DYN'}`,
    `- Direct enrollment: ${estate.directEnrollment ? 'on' : 'off'}; CES/CEP authentication: ${estate.cesAuthentication}; ` +
      `domain-member baseline: ${estate.domainMemberFlows ? 'on' : 'off'}; CRL publishing: ${estate.crlPublishing}; SCEP over HTTP: ${estate.ndesHttp ? 'on' : 'off'}`,
    '- Every flow is one stateful allow from source to destination port; return traffic needs no rule.',
    '',
    '| From | To | Protocol | Ports | Flow | Purpose | Reference |',
    '|---|---|---|---|---|---|---|',
  );
  for (const f of flows) {
    lines.push(`| ${f.from} | ${f.to} | ${f.protocol.toUpperCase()} | ${f.ports.join(', ')} | ${f.id}${f.custom ? ' (custom)' : ''} | ${cell(f.purpose)} | ${cell(f.reference)} |`);
  }
  lines.push('', '## Corrections to the seed table', '', '| The old table says | The fact |', '|---|---|');
  for (const c of SEED_CORRECTIONS) lines.push(`| ${cell(c.seedSays)} | ${cell(c.fact)} |`);
  if (warnings.length > 0) {
    lines.push('', '## Warnings', '');
    for (const w of warnings) lines.push(`- \`${w.path}\`: ${w.message}`);
  }
  lines.push('', `The host half (each tier's Windows Firewall rules, the CA's static DCOM port and the RPC port range, from these flows): \`adcs-firewall host --spec FILE --tier TIER\`.`);
  return `${lines.join('\n')}\n`;
}

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csv(flows: readonly Flow[]): string {
  const rows = [['from', 'to', 'protocol', 'ports', 'flow', 'custom', 'purpose', 'reference']];
  for (const f of flows) {
    rows.push([f.from, f.to, f.protocol, f.ports.join(' '), f.id, String(f.custom), f.purpose, f.reference]);
  }
  return `${rows.map((r) => r.map(csvField).join(',')).join('\n')}\n`;
}

function mermaid(estate: Estate, flows: readonly Flow[]): string {
  const lines = ['flowchart LR'];
  for (const t of presentTiers(estate)) lines.push(`  ${t.key}["${tierInfo(t.key).title}"]`);
  const edges = new Map<string, Flow[]>();
  for (const f of flows) {
    const k = `${f.from} ${f.to}`;
    edges.set(k, [...(edges.get(k) ?? []), f]);
  }
  for (const [k, fs] of edges) {
    const [from, to] = k.split(' ');
    const byProto = ['tcp', 'udp'].map((p) => {
      const ports = normalizePortRanges(fs.filter((f) => f.protocol === p).flatMap((f) => f.ports)).map(String);
      return ports.length ? `${p.toUpperCase()} ${ports.join(', ')}` : '';
    }).filter(Boolean);
    const ids = [...new Set(fs.map((f) => f.id))].join(', ');
    lines.push(`  ${from} -->|"${byProto.join('; ')}<br/>${ids}"| ${to}`);
  }
  return `${lines.join('\n')}\n`;
}
