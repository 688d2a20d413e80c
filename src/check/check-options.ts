/**
 * Options of `StorageCheck.check`.
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
