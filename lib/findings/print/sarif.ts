import { createHash } from 'node:crypto';
import { FindingLevel } from '../rule';
import type { Finding } from '../finding';
import type { FindingsReport, SourceLocation } from '../report';

const INFORMATION_URI = 'https://github.com/adcs-firewall/adcs-firewall';

function physical(l: SourceLocation): object {
  return {
    artifactLocation: { uri: l.file.split('\\').join('/') },
    region: { startLine: l.line, startColumn: l.column, charOffset: l.offset },
  };
}

/**
 * A stable fingerprint of a finding for code scanning (partialFingerprints): its rule and what
 * it is about (tier, flow, resources, spec key), never its line, so a finding is tracked across
 * runs while the file around it changes.
 */
export function fingerprint(f: Finding): string {
  const what = [f.ruleId, f.tier ?? '', f.flow ?? '', (f.resources ?? []).join(','), f.specPath ?? '', f.resources || f.tier || f.flow || f.specPath ? '' : f.message];
  return createHash('sha256').update(what.join('\n')).digest('hex').slice(0, 32);
}

/**
 * The report as SARIF 2.1.0: one run of adcs-firewall, every rule used defined in
 * tool.driver.rules with its help, each result at the offending element (resource line of the
 * plan, key of the spec; character offset too) with related locations, a stable partial
 * fingerprint, and acknowledged findings as accepted suppressions with their reason.
 */
export function renderSarif(r: FindingsReport): string {
  const used = [...new Set(r.findings.map((f) => f.ruleId))].sort();
  const index = new Map(used.map((id, i) => [id, i]));
  const rules = used.map((id) => {
    const rule = r.rule(id);
    return {
      id: rule.id,
      name: rule.name,
      shortDescription: { text: rule.title },
      fullDescription: { text: rule.help },
      help: { text: `${rule.title}. ${rule.help}`, markdown: `**${rule.id}: ${rule.title}**\n\n${rule.help}` },
      helpUri: `${INFORMATION_URI}#rule-${rule.id.toLowerCase()}`,
      defaultConfiguration: { level: rule.level },
    };
  });
  const results = r.findings.map((f) => {
    const p = r.places(f);
    return {
      ruleId: f.ruleId,
      ruleIndex: index.get(f.ruleId)!,
      level: f.level === FindingLevel.NOTE ? 'note' : f.level,
      message: { text: f.message },
      ...(p.primary ? { locations: [{ physicalLocation: physical(p.primary), message: { text: p.primary.label } }] } : {}),
      ...(p.related.length > 0 ? { relatedLocations: p.related.map((l, i) => ({ id: i + 1, physicalLocation: physical(l), message: { text: l.label } })) } : {}),
      partialFingerprints: { 'adcsFinding/v1': fingerprint(f) },
      ...(f.acknowledged !== undefined ? { suppressions: [{ kind: 'external', status: 'accepted', justification: f.acknowledged }] } : {}),
      properties: { ...(f.tier ? { tier: f.tier } : {}), ...(f.flow ? { flow: f.flow } : {}), ...(f.resources?.length ? { resources: f.resources } : {}), ...(f.specPath ? { specPath: f.specPath } : {}) },
    };
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'adcs-firewall', version: r.version, informationUri: INFORMATION_URI, rules } },
      invocations: [{ executionSuccessful: true, commandLine: `adcs-firewall ${r.command}` }],
      results,
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
