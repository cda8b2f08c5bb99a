import { OPT_IN_ROWS, OptInOption, catalogueRow, isCatalogueFlowId } from '../model/catalogue';
import { Estate, instancesOf, presentTiers } from '../model/estate';
import { Flow, formatPorts } from '../model/flows';
import { SEED_CORRECTIONS } from '../model/corrections';
import { LEGACY_RANGE_NOTE, OPEN_QUESTIONS } from '../model/open-questions';
import { OsGeneration } from '../model/options';
import { dynamicRangeOf, generationRange } from '../model/port-sets';
import { normalizePortRanges } from '../model/port-range';
import { PROTOCOLS } from '../model/protocol';
import { TierKey, tierInfo } from '../model/tiers';
import { Warning } from '../findings/warning';
import { appendTo } from '../util/maps';

/** Output formats of the port matrix. */
export enum MatrixFormat {
  /** The table a firewall team signs off. */
  MARKDOWN = 'markdown',
  /** One row per flow, for spreadsheets. */
  CSV = 'csv',
  /** The estate's settings, its flows and the open questions, for machines. */
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
  /** `tcp`, `udp` or `icmp`. */
  readonly protocol: string;
  /** `"N"` or `"N-M"` strings; empty for ICMP (every type). */
  readonly ports: string[];
  /** Why the flow exists. */
  readonly purpose: string;
  /** Where it is documented. */
  readonly reference: string;
}

/** An opt-in row that is on: its option, its flow id and what Microsoft does not document about it. */
export interface MatrixOptIn {
  /** The spec key that switched it on. */
  readonly option: OptInOption;
  /** The catalogue row. */
  readonly flow: string;
  /** What is unverified. */
  readonly caveat: string;
}

/** The JSON matrix: what decided the ports, the flows, and what the catalogue does not guess. */
export interface MatrixDocument {
  /** The estate's name and the settings that decide ports. */
  readonly estate: {
    readonly name: string;
    /** RPC dynamic range of `ca`, `dc` and each other tier that is the destination of an RPC flow (`accountDc`, ...). */
    readonly dynamicRanges: Readonly<Record<string, { readonly range: string; readonly from: string }>>;
    readonly dcomPort?: number;
    /** A note when some tier's range comes from the `legacy` OS generation. */
    readonly legacyNote?: string;
    /** The opt-in rows that are on, each with what is unverified about it (absent when none is on). */
    readonly optIn?: readonly MatrixOptIn[];
  };
  /** One row per flow. */
  readonly flows: readonly MatrixRow[];
  /** The catalogue's open questions (adcs-flows.md), the same for every estate. */
  readonly openQuestions: readonly string[];
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
    case MatrixFormat.JSON: return `${JSON.stringify(matrixDocument(estate, flows), null, 2)}\n`;
    case MatrixFormat.CSV: return csv(flows);
    case MatrixFormat.MERMAID: return mermaid(estate, flows);
    default: return markdown(estate, flows, warnings);
  }
}

/** The JSON matrix of an estate. */
export function matrixDocument(estate: Estate, flows: readonly Flow[]): MatrixDocument {
  const dynamicRanges = Object.fromEntries(rpcDestinations(estate, flows)
    .map((k) => { const d = dynamicRangeOf(estate, k); return [k, { range: String(d.range), from: d.from }]; }));
  const optIn = optInOn(flows);
  return {
    estate: {
      name: estate.name, dynamicRanges, dcomPort: estate.dcomPort, legacyNote: usesLegacy(estate, flows) ? LEGACY_RANGE_NOTE : undefined,
      optIn: optIn.length > 0 ? optIn : undefined,
    },
    flows: matrixRows(flows),
    openQuestions: OPEN_QUESTIONS.map((q) => q.text),
  };
}

/** The opt-in rows among the flows, in catalogue order. */
function optInOn(flows: readonly Flow[]): MatrixOptIn[] {
  return OPT_IN_ROWS.filter((r) => flows.some((f) => f.id === r.id))
    .map((r) => ({ option: r.optIn.option, flow: r.id, caveat: r.optIn.caveat }));
}

/**
 * Present tiers whose RPC dynamic range some flow opens: the CA and the DCs (always listed), and
 * the destination of every other flow of a row whose ports hold the destination's DYN.
 */
function rpcDestinations(estate: Estate, flows: readonly Flow[]): TierKey[] {
  const dyn = new Set<TierKey>(flows.filter((f) => !f.custom && isCatalogueFlowId(f.id) && catalogueRow(f.id).destinationDyn).map((f) => f.to));
  return presentTiers(estate).map((t) => t.key).filter((k) => k === 'ca' || k === 'dc' || dyn.has(k));
}

/** True when the RPC range of an RPC destination comes from the `legacy` OS generation. */
function usesLegacy(estate: Estate, flows: readonly Flow[]): boolean {
  return rpcDestinations(estate, flows).some((k) => {
    const d = dynamicRangeOf(estate, k);
    return d.from.endsWith('osGeneration') && d.range.equals(generationRange(OsGeneration.LEGACY));
  });
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\r\n|\r|\n/g, ' ');

function markdown(estate: Estate, flows: readonly Flow[], warnings: readonly Warning[]): string {
  const lines = [`# AD CS port matrix: ${estate.name}`, ''];
  const dyn = rpcDestinations(estate, flows).map((k) => { const d = dynamicRangeOf(estate, k); return `${k} TCP ${d.range} (from ${d.from})`; });
  const instances = (['ces', 'cep'] as const).filter((k) => estate.tiers[k])
    .map((k) => `${k} ${instancesOf(estate, k).map((i) => `${i.port} (${i.authentication})`).join(', ')}`);
  const shared = (['ces', 'cep'] as const).filter((k) => instancesOf(estate, k).some((i, n, all) => all.findIndex((j) => j.port === i.port) !== n));
  const optIn = optInOn(flows);
  lines.push(
    `- RPC dynamic range of the destination (DYN): ${dyn.join('; ')}`,
    ...(usesLegacy(estate, flows) ? [`- ${LEGACY_RANGE_NOTE}`] : []),
    `- DCOM to the CA: TCP 135 + ${estate.dcomPort !== undefined ? `static port ${estate.dcomPort}` : 'the CA\'s DYN'}`,
    `- Direct enrollment: ${estate.directEnrollment ? 'on' : 'off'}; DC enrollment: ${estate.dcEnrollment ? 'on' : 'off'}; ` +
      `client directory: ${estate.clientDirectory}; domain-member baseline: ${estate.domainMemberFlows ? 'on' : 'off'}; ` +
      `CRL publishing: ${estate.crlPublishing}; SCEP over HTTP: ${estate.ndesHttp ? 'on' : 'off'}` +
      `${estate.tiers.ocsp ? `; OCSP signing certificate auto-enrollment: ${estate.ocspAutoEnroll ? 'on' : 'off (enrolled by hand: no ocsp-dcom)'}` : ''}`,
    ...(instances.length > 0 ? [`- CES/CEP instances (port, authentication): ${instances.join('; ')}`] : []),
    ...(shared.length > 0 ? [`- Instances sharing a port (one site, one HTTPS binding) give one rule: ${shared.join(', ')}`] : []),
    `- Opt-in rows (default off; practitioners open them, Microsoft documents them little): ` +
      `${OPT_IN_ROWS.map((r) => `${r.id} (${r.optIn.option}): ${optIn.some((o) => o.flow === r.id) ? 'on' : 'off'}`).join('; ')}`,
    ...optIn.map((o) => `- Unverified, ${o.flow} (${o.option} is on): ${o.caveat}`),
    ...(estate.tiers.accountDc ? ['- accountDc: the account forests\' DCs (cross-forest enrollment over a two-way trust); rules are written at their end only where the tier names an enforcement point'] : []),
    '- Every flow is one stateful allow from source to destination port; return traffic needs no rule.',
    '',
    '| From | To | Protocol | Ports | Flow | Purpose | Reference |',
    '|---|---|---|---|---|---|---|',
  );
  for (const f of flows) {
    lines.push(`| ${f.from} | ${f.to} | ${f.protocol.toUpperCase()} | ${formatPorts(f.protocol, f.ports)} | ${f.id}${f.custom ? ' (custom)' : ''} | ${cell(f.purpose)} | ${cell(f.reference)} |`);
  }
  lines.push('', '## Corrections to the seed table', '', '| The old table says | The fact |', '|---|---|');
  for (const c of SEED_CORRECTIONS) lines.push(`| ${cell(c.seedSays)} | ${cell(c.fact)} |`);
  lines.push('', '## What the catalogue does not guess', '');
  for (const q of OPEN_QUESTIONS) lines.push(`- ${q.text}`);
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
    rows.push([f.from, f.to, f.protocol, formatPorts(f.protocol, f.ports, ' '), f.id, String(f.custom), f.purpose, f.reference]);
  }
  return `${rows.map((r) => r.map(csvField).join(',')).join('\n')}\n`;
}

function mermaid(estate: Estate, flows: readonly Flow[]): string {
  const lines = ['flowchart LR'];
  for (const t of presentTiers(estate)) lines.push(`  ${t.key}["${tierInfo(t.key).title}"]`);
  const edges = new Map<string, Flow[]>();
  for (const f of flows) {
    const k = `${f.from} ${f.to}`;
    appendTo(edges, k, f);
  }
  for (const [k, fs] of edges) {
    const [from, to] = k.split(' ');
    const byProto = PROTOCOLS.filter((p) => fs.some((f) => f.protocol === p))
      .map((p) => `${p.toUpperCase()} ${formatPorts(p, normalizePortRanges(fs.filter((f) => f.protocol === p).flatMap((f) => f.ports)))}`);
    const ids = [...new Set(fs.map((f) => f.id))].join(', ');
    lines.push(`  ${from} -->|"${byProto.join('; ')}<br/>${ids}"| ${to}`);
  }
  return `${lines.join('\n')}\n`;
}
