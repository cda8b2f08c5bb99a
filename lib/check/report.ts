import { plural } from '../errors';
import { formatPorts } from '../model/flows';
import { CheckReport, ExtraFinding, FlowFinding } from './check';

/** Output formats of `check`. */
export enum CheckFormat {
  /** A readable table. */
  TABLE = 'table',
  /** The report as JSON, for machines. */
  JSON = 'json',
  /** GitHub Actions workflow commands (annotations). */
  GITHUB = 'github',
}

const ports = (f: Pick<ExtraFinding, 'protocol' | 'ports'>): string => formatPorts(f.protocol, f.ports, ',');

function flowLine(f: FlowFinding): string {
  const base = `${f.flow.id} ${f.flow.from} -> ${f.flow.to} ${f.flow.protocol.toUpperCase()} ${ports(f.flow)}`;
  if (f.status === 'blocked') return `${base}: BLOCKED at ${formatPorts(f.flow.protocol, f.missing, ',')}`;
  if (f.status === 'unenforced') return `${base}: allowed (neither end enforces anything)`;
  return `${base}: allowed`;
}

function extraLine(e: ExtraFinding): string {
  const what = `${e.from} -> ${e.to} ${e.protocol.toUpperCase()} ${ports(e)}`;
  if (e.kind === 'over-permissive') return `${e.rules.filter((r) => !/^(Allow|Deny)\w+$/.test(r)).join(', ')} lets ${what} through; no flow needs it`;
  if (e.kind === 'requested') return `${e.rules.join(', ')} lets ${what} through, as the spec asks (aws.allowAllEgress)`;
  return `only the platform default ${e.rules.join(', ')} lets ${what} through; no flow needs it (add a deny-by-default rule)`;
}

/** One-line summary of a report. */
export function summary(r: CheckReport): string {
  const blocked = r.flows.filter((f) => f.status === 'blocked').length;
  const over = r.extras.filter((e) => e.kind === 'over-permissive').length;
  const warn = r.extras.length - over;
  return `${r.ok ? 'OK' : 'FAILED'}: ${r.flows.length - blocked} of ${plural(r.flows.length, 'flow')} allowed, ${blocked} blocked; ${over} over-permissive; `
    + `${plural(r.missing.length, 'missing enforcement point')}; ${r.unresolved.length} unresolved; ${plural(warn, 'warning')}`;
}

/** Renders a check report. */
export function renderReport(r: CheckReport, format: CheckFormat): string {
  if (format === CheckFormat.JSON) {
    return `${JSON.stringify({
      ok: r.ok, platform: r.platform,
      flows: r.flows.map((f) => ({ flow: f.flow.id, custom: f.flow.custom, from: f.flow.from, to: f.flow.to, protocol: f.flow.protocol,
        ports: f.flow.ports.map(String), status: f.status, missing: f.missing.map(String), inbound: f.inbound, outbound: f.outbound })),
      extras: r.extras.map((e) => ({ ...e, ports: e.ports.map(String) })),
      unresolved: r.unresolved,
      missing: r.missing.map((m) => `tiers.${m.tier}: ${m.detail}`),
      summary: summary(r),
    }, null, 2)}\n`;
  }
  if (format === CheckFormat.GITHUB) {
    const esc = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    const lines: string[] = [];
    for (const f of r.flows.filter((x) => x.status === 'blocked')) lines.push(`::error title=AD CS flow blocked: ${f.flow.id}::${esc(flowLine(f))}`);
    for (const e of r.extras) lines.push(`::${e.kind === 'over-permissive' ? 'error' : 'warning'} title=AD CS ${e.kind}::${esc(extraLine(e))}`);
    for (const m of r.missing) lines.push(`::error title=AD CS enforcement point missing::${esc(`tiers.${m.tier}: ${m.detail}`)}`);
    for (const u of r.unresolved) lines.push(`::error title=AD CS check could not resolve::${esc(u)}`);
    lines.push(`::notice title=AD CS check::${summary(r)}`);
    return `${lines.join('\n')}\n`;
  }
  const lines = ['Flows:'];
  for (const f of r.flows) {
    lines.push(`  ${f.status === 'blocked' ? 'FAIL' : 'ok  '} ${flowLine(f)}`);
    if (f.status !== 'unenforced') {
      lines.push(`       inbound: ${f.inbound.join(', ') || 'not enforced'}; outbound: ${f.outbound.join(', ') || 'not enforced'}`);
    }
  }
  const over = r.extras.filter((e) => e.kind === 'over-permissive');
  const warn = r.extras.filter((e) => e.kind !== 'over-permissive');
  if (r.missing.length > 0) lines.push('Missing enforcement points:', ...r.missing.map((m) => `  FAIL tiers.${m.tier}: ${m.detail}`));
  if (r.unresolved.length > 0) lines.push('Could not resolve (never taken as allowed):', ...r.unresolved.map((u) => `  FAIL ${u}`));
  if (over.length > 0) lines.push('Over-permissive rules:', ...over.map((e) => `  FAIL ${extraLine(e)}`));
  if (warn.length > 0) lines.push('Warnings:', ...warn.map((e) => `  warn ${extraLine(e)}`));
  lines.push(summary(r));
  return `${lines.join('\n')}\n`;
}
