import { Severity } from './severity';
import { SourceLocation } from '../manifests/source-location';

/**
 * One problem that `check` found in a set of manifests, or that `guard`
 * found in a change between two. Both commands report this one type.
 */
export interface Finding {
  /** The rule's id, as listed by `--list-rules` and used to suppress it (for example `access-mode-unserved`). */
  readonly ruleId: string;
  /** How bad it is. */
  readonly severity: Severity;
  /** The kind of the object the finding is about. */
  readonly kind: string;
  /**
   * The object's namespace.
   *
   * @default - cluster-scoped, or the namespace the manifests are applied to
   */
  readonly namespaceName?: string;
  /** The object's name. */
  readonly name: string;
  /** The field at fault, for example `spec.accessModes`, or `(object)` when the object itself is at fault (removed, renamed). */
  readonly field: string;
  /** What goes wrong in the cluster. */
  readonly message: string;
  /** How to fix it, or how to make the change safely. */
  readonly fix: string;
  /**
   * Where the object was read from: file, line and document.
   *
   * @default - the object was passed in by a program
   */
  readonly location?: SourceLocation;
  /**
   * For a change (`guard`): the old value, as JSON.
   *
   * @default - not a change, or the field was not set
   */
  readonly oldValue?: string;
  /**
   * For a change (`guard`): the new value, as JSON.
   *
   * @default - not a change, or the field is not set any more
   */
  readonly newValue?: string;
}
