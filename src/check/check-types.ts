/**
 * How bad a finding of `StorageCheck` is.
 */
export enum CheckSeverity {
  /** The object is refused, never binds, never starts, or loses data. */
  ERROR = 'error',
  /** It fails in some clusters or on some schedules, or weakens security. */
  WARNING = 'warning',
  /** Worth knowing; nothing fails. */
  INFO = 'info',
}

/**
 * One storage problem `StorageCheck` found in a set of manifests.
 */
export interface CheckFinding {
  /** The rule's id, as used to suppress it (for example `access-mode-unserved`). */
  readonly ruleId: string;
  /** How bad it is. */
  readonly severity: CheckSeverity;
  /** The kind of the object the finding is about. */
  readonly kind: string;
  /**
   * The object's namespace.
   *
   * @default - cluster-scoped, or the namespace the manifests are applied to
   */
  readonly namespace?: string;
  /** The object's name. */
  readonly name: string;
  /** The field at fault, for example `spec.accessModes`. */
  readonly field: string;
  /** What goes wrong in the cluster. */
  readonly message: string;
  /** How to fix it. */
  readonly fix: string;
  /**
   * Where the object was read from ("dir/app.yaml: document 3").
   *
   * @default - the object was passed in by a program
   */
  readonly location?: string;
}

/**
 * Options of a check.
 */
export interface CheckOptions {
  /**
   * Rule ids to skip for every object. An unknown id is an error, so a typo
   * cannot hide that nothing was suppressed.
   *
   * @default - none; objects can still suppress rules with the `cdk8s-storage.io/suppress` annotation
   */
  readonly suppress?: string[];
}

/**
 * A rule of `StorageCheck`, as listed by `StorageCheck.rules()`.
 */
export interface CheckRuleInfo {
  /** The id used in findings and suppressions. */
  readonly id: string;
  /** How bad its findings are. */
  readonly severity: CheckSeverity;
  /** What it finds, in one line. */
  readonly summary: string;
  /** Where the fact it checks comes from (upstream code or documentation). */
  readonly source: string;
}
