import { Finding } from '../finding';
import { RuleInfo } from '../rule-info';
import { Severity } from '../severity';

/**
 * How `check` and `guard` print their findings.
 */
export enum ReportFormat {
  /** For people: one block per finding, `file:line` to jump to, and a count. */
  TEXT = 'text',
  /** The findings as a JSON list. */
  JSON = 'json',
  /** SARIF 2.1.0, which GitHub and GitLab code scanning ingest: rules, help, and a file and line per finding. */
  SARIF = 'sarif',
  /** JUnit XML, which CI test reports show: a test case per rule and per finding. */
  JUNIT = 'junit',
}

/** What a report is made of: one command's rules and findings. */
export interface ReportInput {
  /** `check` or `guard`. */
  readonly command: string;
  /** Every rule of the command (a clean rule is a passing test case in JUnit, and SARIF lists them all). */
  readonly rules: readonly RuleInfo[];
  readonly findings: readonly Finding[];
  /** The least severity that fails: findings below it are reported but do not fail. */
  readonly failOn: Severity;
  /** What was judged, for the text summary: "checked 12 objects". */
  readonly judged: string;
}

/** Where to read more about the tool, for SARIF's driver and rules. */
export const TOOL_URI = 'https://github.com/cdk8s-storage/cdk8s-storage';

/** `Kind namespace/name`, the way kubectl names an object. */
export function objectLabel(f: Finding): string {
  return `${f.kind} ${f.namespaceName ? `${f.namespaceName}/` : ''}${f.name}`;
}
