/**
 * The annotation by which an object tells `StorageCheck` to skip rules for it:
 * a comma-separated list of rule ids. Constructs of this library use it where
 * they break a rule on purpose, with the reason beside them.
 */
export const SUPPRESS_ANNOTATION = 'cdk8s-storage.io/suppress';
