import { failsRun } from '../finding';
import { FindingLevel } from '../rule';
import type { FindingsReport, ReportCase } from '../report';

const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
  // eslint-disable-next-line no-control-regex
  .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');

/** One case per rule that found something: failing when a finding of it fails the run. */
function casesByRule(r: FindingsReport): ReportCase[] {
  const ids = [...new Set(r.findings.map((f) => f.ruleId))].sort();
  return ids.map((id) => {
    const mine = r.findings.filter((f) => f.ruleId === id);
    const failing = mine.filter((f) => failsRun(f, FindingLevel.ERROR));
    return { suite: 'findings', name: `${id} ${r.rule(id).title}`, failure: failing.length > 0 ? failing.map((f) => f.message).join('\n') : undefined };
  });
}

/** The report as JUnit XML: one test suite per kind of case (flows, finding classes), one test case each. */
export function renderJunit(r: FindingsReport): string {
  const cases = r.cases ?? casesByRule(r);
  const suites = [...new Set(cases.map((c) => c.suite))];
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="${xml(`adcs-firewall ${r.command}`)}" tests="${cases.length}" failures="${cases.filter((c) => c.failure !== undefined).length}">`];
  for (const s of suites) {
    const mine = cases.filter((c) => c.suite === s);
    out.push(`  <testsuite name="${xml(s)}" tests="${mine.length}" failures="${mine.filter((c) => c.failure !== undefined).length}">`);
    for (const c of mine) {
      if (c.failure === undefined) out.push(`    <testcase classname="${xml(s)}" name="${xml(c.name)}"/>`);
      else out.push(`    <testcase classname="${xml(s)}" name="${xml(c.name)}">`, `      <failure message="${xml(c.failure.split('\n')[0])}">${xml(c.failure)}</failure>`, '    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
