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
  readonly namespaceName?: string;
  /**
   * The field.
   *
   * @default - every field of the object
   */
  readonly field?: string;
}

/** Options of `StorageGuard.compare`. */
export interface GuardOptions {
  /**
   * Changes that were handled deliberately.
   *
   * @default - none
   */
  readonly allow?: GuardAllowEntry[];
  /**
   * Rule ids to skip for every object. An unknown id is an error, so a typo
   * cannot hide that nothing was suppressed.
   *
   * @default - none
   */
  readonly suppress?: string[];
}
