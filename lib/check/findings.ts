import { acknowledge } from '../findings/acknowledge';
import { AuditMessages } from '../findings/audit-rules';
import { CheckMessages } from '../findings/check-rules';
import { Finding } from '../findings/finding';
import { MessageFactory, RuleMessage } from '../findings/rule';
import type { ResolvedInput } from '../input/resolved';
import { formatPorts } from '../model/flows';
import type { MissingEnforcement } from '../platforms/evaluator';
import type { ExtraFinding, FlowFinding, PlanProblem } from './check';
import { ProblemKind } from '../platforms/evaluator';

/** `enroll-dcom clients -> ca TCP 135,49152-65535`: a flow as findings name it. */
function flowWhat(f: FlowFinding): string {
  return `${f.flow.from} -> ${f.flow.to} ${f.flow.protocol.toUpperCase()} ${formatPorts(f.flow.protocol, f.flow.ports, ',')}`;
}

/** A rule as the evaluators name it (`azurerm_network_security_rule.x (Deny 200)`): its Terraform address, or undefined for a platform default. */
export function addressOf(rule: string): string | undefined {
  const address = rule.replace(/ \(.*\)$/, '').replace(/#.*$/, '');
  return address.includes('.') ? address : undefined;
}

const addresses = (rules: readonly string[]): string[] => [...new Set(rules.map(addressOf).filter((a): a is string => a !== undefined))];

/** What a problem about a spec path is about: its tier (`tiers.ca.subnetIds[0]`), else `about`. */
function tierAbout(element: string, about: Omit<Finding, 'ruleId' | 'level' | 'message'>): Omit<Finding, 'ruleId' | 'level' | 'message'> {
  const tier = /^tiers\.([A-Za-z]+)/.exec(element)?.[1];
  return tier === undefined ? about : { ...about, tier, specPath: element };
}

/** A finding of a message, about what `about` says. */
function finding(m: RuleMessage, rule: MessageFactory<any>, about: Omit<Finding, 'ruleId' | 'level' | 'message'>): Finding {
  return { ruleId: m.ruleId, level: rule.rule.level, message: m.text, ...about };
}

/**
 * The findings of a check, as data: a blocked flow, extra traffic (by whom: a rule of the plan,
 * a platform default, an option of the spec), a missing enforcement point, something unresolved,
 * a flow nothing enforces. The spec's acknowledgements of check rules mark what they cover; one
 * that covers nothing is a note.
 */
export function checkFindings(
  parts: { readonly flows: readonly FlowFinding[]; readonly extras: readonly ExtraFinding[]; readonly problems: readonly PlanProblem[]; readonly missing: readonly MissingEnforcement[] },
  spec: ResolvedInput,
): Finding[] {
  const out: Finding[] = [];
  for (const f of parts.flows) {
    const what = flowWhat(f);
    if (f.status === 'blocked') {
      const removed = f.removed ?? [];
      const decided = [f.points && f.points.length > 0 ? ` at ${f.points.join(', ')}` : '',
        f.inbound.length > 0 ? `; inbound: ${f.inbound.join(', ')}` : '', f.outbound.length > 0 ? `; outbound: ${f.outbound.join(', ')}` : '',
        removed.length > 0 ? `; the plan removes ${removed.join(', ')} there` : '',
        f.undecided && f.undecided.length > 0 ? `; ${f.undecided.join('; ')}` : ''].join('');
      const m = CheckMessages.flowBlocked(f.flow.id, what, formatPorts(f.flow.protocol, f.missing, ','), decided);
      out.push(finding(m, CheckMessages.flowBlocked, { flow: f.flow.id, tier: f.flow.to, resources: addresses([...f.inbound, ...f.outbound, ...removed]) }));
    } else if (f.status === 'unenforced') {
      out.push(finding(CheckMessages.flowUnenforced(f.flow.id, what), CheckMessages.flowUnenforced, { flow: f.flow.id, tier: f.flow.to }));
    }
  }
  for (const m of parts.missing) out.push(finding(CheckMessages.enforcementMissing(m.tier, m.detail), CheckMessages.enforcementMissing, { tier: m.tier }));
  for (const p of parts.problems) {
    const about = /^(data\.|module\.)?[A-Za-z0-9_-]+\.[A-Za-z0-9_.\-[\]"]+$/.test(p.element) && !p.element.startsWith('tiers.') ? { resources: [addressOf(p.element) ?? p.element] } : {};
    if (p.kind === ProblemKind.INVALID) out.push(finding(CheckMessages.invalidValue(p.element, p.message), CheckMessages.invalidValue, about));
    else if (p.kind === ProblemKind.UNSUPPORTED) out.push(finding(CheckMessages.unsupportedForm(p.element, p.message), CheckMessages.unsupportedForm, about));
    else if (p.kind === ProblemKind.ELSEWHERE) out.push(finding(CheckMessages.ruleElsewhere(p.element, p.message), CheckMessages.ruleElsewhere, about));
    else if (p.kind === ProblemKind.MISMATCH) out.push(finding(AuditMessages.liveMismatch(p.element, p.message), AuditMessages.liveMismatch, tierAbout(p.element, about)));
    else if (p.kind === ProblemKind.NOT_JUDGED) out.push(finding(AuditMessages.notJudged(p.element, p.message), AuditMessages.notJudged, tierAbout(p.element, about)));
    else if (p.kind === ProblemKind.OBSERVED) out.push(finding(AuditMessages.observed(p.element, p.message), AuditMessages.observed, tierAbout(p.element, about)));
    else out.push(finding(CheckMessages.unresolved(`${p.element}: ${p.message}`), CheckMessages.unresolved, about));
  }
  for (const e of parts.extras) {
    const what = `${e.from} -> ${e.to} ${e.protocol.toUpperCase()} ${formatPorts(e.protocol, e.ports, ',')}`;
    const tier = e.at === 'outbound' ? e.from : e.to;
    const points = e.points ?? [];
    const about = { tier, resources: [...addresses(e.rules), ...points.filter((x) => addressOf(x) !== undefined && !e.rules.includes(x))] };
    const at = points.length > 0 ? ` at ${points.join(', ')}` : '';
    if (e.kind === 'over-permissive') {
      out.push(finding(CheckMessages.extraTraffic(e.rules.join(', '), what, at), CheckMessages.extraTraffic, about));
    } else if (e.kind === 'platform-default-owned') {
      const denies = e.denies && e.denies.length > 0 ? `; the denies it meets, ${e.denies.join(', ')}, do not cover it` : '';
      out.push(finding(CheckMessages.defaultExtraTrafficOwned(e.rules.join(', '), what, `${at}${denies}`), CheckMessages.defaultExtraTrafficOwned, about));
    } else if (e.kind === 'foreign') {
      out.push(finding(CheckMessages.foreignExtraTraffic(e.rules.join(', '), what, at), CheckMessages.foreignExtraTraffic, about));
    } else if (e.kind === 'requested') {
      out.push(finding(CheckMessages.requestedExtraTraffic(e.rules.join(', '), what, at), CheckMessages.requestedExtraTraffic, about));
    } else {
      out.push(finding(CheckMessages.defaultExtraTraffic(e.rules.join(', '), what, at), CheckMessages.defaultExtraTraffic, about));
    }
  }
  const { findings, unused } = acknowledge(out, spec.acknowledgements, (id) => id.startsWith('ADCS-C'));
  return [...findings, ...unused.map((a) => finding(CheckMessages.acknowledgementUnused(a.at, a.ruleId), CheckMessages.acknowledgementUnused, { specPath: a.at }))];
}
