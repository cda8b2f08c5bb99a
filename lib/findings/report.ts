import type { Finding } from './finding';
import type { FindingRule } from './rule';

/** A place in a file a finding points at. */
export interface SourceLocation {
  /** The file, as given on the command line (relative paths stay relative). */
  readonly file: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
  /** 0-based character offset (a one-line `terraform show -json` needs it). */
  readonly offset: number;
  /** What is there (`resource azurerm_network_security_rule.x`, `spec key tiers.ca`). */
  readonly label: string;
}

/** Where a finding points: the offending element, and related places (the spec key, the estate's record). */
export interface FindingPlaces {
  readonly primary?: SourceLocation;
  readonly related: readonly SourceLocation[];
}

/** One test case of a JUnit report: a flow, or a finding class. */
export interface ReportCase {
  /** The suite: `flows` or `findings`. */
  readonly suite: string;
  /** The case's name. */
  readonly name: string;
  /** Why it failed; absent when it passed. */
  readonly failure?: string;
}

/** What every printer prints: the findings of one run, the rules they belong to, where they point. */
export interface FindingsReport {
  /** The command (`check`, `validate`, `synth`). */
  readonly command: string;
  /** The library's version (SARIF's tool.driver.version). */
  readonly version: string;
  /** The findings, as found. */
  readonly findings: readonly Finding[];
  /** Whether the run passes. */
  readonly ok: boolean;
  /** One line: the verdict and counts. */
  readonly summary: string;
  /** The rule of an id (every finding's rule is known). */
  rule(ruleId: string): FindingRule;
  /** Where a finding points. */
  places(f: Finding): FindingPlaces;
  /** JUnit cases (a check's flows and finding classes); the findings by rule when absent. */
  readonly cases?: readonly ReportCase[];
}
