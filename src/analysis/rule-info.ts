import { Severity } from './severity';

/**
 * A rule of `check` or `guard`, as listed by `StorageCheck.rules()`,
 * `StorageGuard.rules()` and `--list-rules`.
 */
export interface RuleInfo {
  /** The id used in findings and suppressions. */
  readonly id: string;
  /** How bad its findings are (a finding may be milder when the rule cannot be sure). */
  readonly severity: Severity;
  /** What it finds, in one line. */
  readonly summary: string;
  /** Where the fact it checks comes from (Kubernetes' or a driver's code, or documentation). */
  readonly source: string;
}
