import type { ResolvedInput } from '../input/resolved';
import { formatPorts } from '../model/flows';
import { differencePorts, normalizePortRanges, PortRange } from '../model/port-range';
import { TrafficProtocol } from '../model/protocol';
import { portsOf, RuleSummary } from '../platforms/evaluator';
import { TfDocument } from '../terraform/document';
import { readTerraformValue } from '../terraform/read-document';
import { Box, subtractRegions } from '../util/boxes';
import { checkPlan, CheckOptions, CheckReport, evaluatorFor, ExtraFinding, FlowFinding } from './check';
import { appendTo } from '../util/maps';

/**
 * What a change of plan does to the estate, as a reviewer signs it off: the flows whose verdict
 * changes, the traffic no flow needs that starts or stops getting through, and the rules added,
 * removed, widened or narrowed at the estate's enforcement points (judged on what they admit,
 * not on how they are written). Both plans are checked as `check` would.
 */

/** A flow's verdict before and after. */
export interface FlowChange {
  /** Flow id (`enroll-dcom`, `custom:rdp`). */
  readonly flow: string;
  readonly from: string;
  readonly to: string;
  readonly protocol: TrafficProtocol;
  /** `allowed`, `blocked` or `unenforced`, and the ports blocked. */
  readonly before: { readonly status: string; readonly blocked: readonly PortRange[] };
  readonly after: { readonly status: string; readonly blocked: readonly PortRange[] };
}

/** Extra traffic that starts (`now`) or stops (`no longer`) getting through. */
export interface ExtraChange {
  /** `now` or `no longer`. */
  readonly change: string;
  /** The finding's kind (`over-permissive`, `foreign`, `platform-default`, ...). */
  readonly kind: string;
  readonly from: string;
  readonly to: string;
  readonly protocol: TrafficProtocol;
  /** The ports that start or stop getting through. */
  readonly ports: readonly PortRange[];
  /** The rules that let it through (after, for `now`; before, for `no longer`). */
  readonly rules: readonly string[];
}

/** A rule of the estate's enforcement points that changed. */
export interface RuleChange {
  /** `added`, `removed`, `widened` (admits more), `narrowed` (admits less) or `changed` (both, or its order or access). */
  readonly change: string;
  readonly id: string;
  readonly point: string;
  readonly before?: string;
  readonly after?: string;
  /** What it admits now and did not, per protocol (`tcp 1024-65535`). */
  readonly gained: readonly string[];
  /** What it admitted and no longer does. */
  readonly lost: readonly string[];
}

/** The difference two plans make to an estate. */
export interface PlanDiff {
  readonly flows: readonly FlowChange[];
  readonly extras: readonly ExtraChange[];
  readonly rules: readonly RuleChange[];
  /** The check of each plan. */
  readonly before: CheckReport;
  readonly after: CheckReport;
}

const docOf = (plan: unknown): TfDocument => (plan !== null && typeof plan === 'object' && Array.isArray((plan as TfDocument).instances) ? plan as TfDocument : readTerraformValue(plan));
const flowKey = (f: FlowFinding): string => `${f.flow.id}|${f.flow.from}|${f.flow.to}|${f.flow.protocol}`;
const extraKey = (e: ExtraFinding): string => `${e.kind}|${e.from}|${e.to}|${e.protocol}|${e.at ?? ''}`;

/** Compares two plans (documents, or Terraform JSON values) of one estate. */
export function diffPlans(beforePlan: unknown, afterPlan: unknown, spec: ResolvedInput, options: CheckOptions = {}): PlanDiff {
  const [beforeDoc, afterDoc] = [docOf(beforePlan), docOf(afterPlan)];
  const before = checkPlan(beforeDoc, spec, options);
  const after = checkPlan(afterDoc, spec, options);
  const old = new Map(before.flows.map((f) => [flowKey(f), f]));
  const flows: FlowChange[] = [];
  for (const f of after.flows) {
    const o = old.get(flowKey(f));
    const was = o ? { status: o.status, blocked: o.missing } : { status: 'absent', blocked: [] };
    const is = { status: f.status, blocked: f.missing };
    if (was.status !== is.status || String(was.blocked) !== String(is.blocked)) {
      flows.push({ flow: f.flow.id, from: f.flow.from, to: f.flow.to, protocol: f.flow.protocol, before: was, after: is });
    }
  }
  return { flows, extras: extraChanges(before.extras, after.extras), rules: ruleChanges(beforeDoc, afterDoc, spec, options), before, after };
}

/** Extra traffic that starts or stops getting through, port by port. */
function extraChanges(before: readonly ExtraFinding[], after: readonly ExtraFinding[]): ExtraChange[] {
  const group = (xs: readonly ExtraFinding[]): Map<string, ExtraFinding[]> => {
    const m = new Map<string, ExtraFinding[]>();
    for (const x of xs) appendTo(m, extraKey(x), x);
    return m;
  };
  const [b, a] = [group(before), group(after)];
  const out: ExtraChange[] = [];
  const ports = (xs: readonly ExtraFinding[] | undefined): PortRange[] => (xs ?? []).flatMap((x) => [...x.ports]);
  for (const key of [...new Set([...b.keys(), ...a.keys()])].sort()) {
    const [kind, from, to, protocol] = key.split('|');
    const gained = differencePorts(ports(a.get(key)), ports(b.get(key)));
    const lost = differencePorts(ports(b.get(key)), ports(a.get(key)));
    const rules = (xs: readonly ExtraFinding[] | undefined): string[] => [...new Set((xs ?? []).flatMap((x) => x.rules))];
    if (gained.length > 0) out.push({ change: 'now', kind, from, to, protocol: protocol as TrafficProtocol, ports: normalizePortRanges(gained), rules: rules(a.get(key)) });
    if (lost.length > 0) out.push({ change: 'no longer', kind, from, to, protocol: protocol as TrafficProtocol, ports: normalizePortRanges(lost), rules: rules(b.get(key)) });
  }
  return out;
}

/** The rules of the estate's enforcement points added, removed or changed, by what they admit. */
function ruleChanges(beforeDoc: TfDocument, afterDoc: TfDocument, spec: ResolvedInput, options: CheckOptions): RuleChange[] {
  const summaries = (doc: TfDocument): Map<string, RuleSummary> => new Map((evaluatorFor(doc, spec, options).ruleSummaries?.() ?? []).map((r) => [r.id, r]));
  const [b, a] = [summaries(beforeDoc), summaries(afterDoc)];
  const out: RuleChange[] = [];
  const diffText = (x: Readonly<Record<string, readonly Box[]>>, y: Readonly<Record<string, readonly Box[]>>): string[] =>
    Object.keys(x).sort().flatMap((p) => {
      const rest = subtractRegions(x[p], y[p] ?? []);
      return rest.length === 0 ? [] : [`${p} ${formatPorts(p as TrafficProtocol, portsOf(rest, p as TrafficProtocol), ',')}`];
    });
  for (const id of [...new Set([...b.keys(), ...a.keys()])].sort()) {
    const [was, is] = [b.get(id), a.get(id)];
    if (!was) out.push({ change: 'added', id, point: is!.point, after: is!.text, gained: diffText(is!.traffic, {}), lost: [] });
    else if (!is) out.push({ change: 'removed', id, point: was.point, before: was.text, gained: [], lost: diffText(was.traffic, {}) });
    else if (was.text !== is.text || was.point !== is.point) {
      const gained = diffText(is.traffic, was.traffic);
      const lost = diffText(was.traffic, is.traffic);
      const change = gained.length > 0 && lost.length === 0 ? 'widened' : lost.length > 0 && gained.length === 0 ? 'narrowed' : 'changed';
      out.push({ change, id, point: is.point, before: was.text, after: is.text, gained, lost });
    }
  }
  return out;
}
