/**
 * How bad a change is.
 */
export enum GuardSeverity {
  /** The API server refuses the update: the sync fails on the second deploy. */
  REFUSED = 'refused',
  /** The change can delete or orphan data. */
  DATA_LOSS = 'data-loss',
  /** Worth a look, but neither refused nor destructive by itself. */
  WARNING = 'warning',
}

/**
 * One change between two versions of the manifests that the cluster will
 * refuse or that risks data.
 */
export interface GuardFinding {
  /** The name of the rule that found it, e.g. `statefulset-immutable-field` (the README lists them). */
  readonly rule: string;
  /** The object's kind. */
  readonly kind: string;
  /**
   * The object's namespace.
   *
   * @default - cluster-scoped, or the namespace the manifests are applied to
   */
  readonly namespace?: string;
  /** The object's name. */
  readonly name: string;
  /** The field that changed, e.g. `spec.volumeClaimTemplates[www]`, or `(object)` when the object itself is gone. */
  readonly field: string;
  /**
   * The old value, as JSON.
   *
   * @default - the field was not set
   */
  readonly oldValue?: string;
  /**
   * The new value, as JSON.
   *
   * @default - the field is not set any more
   */
  readonly newValue?: string;
  /** How bad it is. */
  readonly severity: GuardSeverity;
  /** What happens if the change is applied. */
  readonly message: string;
  /** How to make the change safely. */
  readonly remedy: string;
}

/**
 * A change the user has deliberately handled: findings it matches are dropped.
 */
export interface GuardAllowEntry {
  /** The object's kind. */
  readonly kind: string;
  /** The object's name. */
  readonly name: string;
  /**
   * The object's namespace.
   *
   * @default - any namespace
   */
  readonly namespace?: string;
  /**
   * The field.
   *
   * @default - every field of the object
   */
  readonly field?: string;
}

/** Options of a comparison. */
export interface GuardOptions {
  /**
   * Changes that were handled deliberately.
   *
   * @default - none
   */
  readonly allow?: GuardAllowEntry[];
}
