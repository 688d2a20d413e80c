/**
 * How bad a finding of `check` or `guard` is. One scale for both commands:
 * the first three always block, a warning blocks unless the command is told
 * to fail only on errors, and info never blocks unless asked.
 */
export enum Severity {
  /** The API server refuses the object or the update: the GitOps sync fails. */
  REFUSED = 'refused',
  /** Applying it deletes or orphans data. */
  DATA_LOSS = 'data-loss',
  /** The object is accepted but never binds, never starts, or fails. */
  ERROR = 'error',
  /** It fails in some clusters or on some schedules, or weakens safety. */
  WARNING = 'warning',
  /** Worth knowing; nothing fails. */
  INFO = 'info',
}

/** How a severity ranks against `--fail-on`: refused and data loss are errors that say why. */
const RANK: { readonly [severity: string]: number } = {
  [Severity.REFUSED]: 3,
  [Severity.DATA_LOSS]: 3,
  [Severity.ERROR]: 3,
  [Severity.WARNING]: 2,
  [Severity.INFO]: 1,
};

/** The severities `--fail-on` takes: the three ranks. */
export const FAIL_ON_LEVELS: readonly Severity[] = [Severity.ERROR, Severity.WARNING, Severity.INFO];

/** Whether a finding of `severity` fails a gate set at `failOn`. */
export function blocks(severity: Severity, failOn: Severity): boolean {
  return RANK[severity] >= RANK[failOn];
}

/** Whether `value` is one of the severities. */
export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && RANK[value] !== undefined;
}
