import { RuleInfo } from './rule-info';
import { Severity } from './severity';
import { Manifest } from '../manifests/manifest';

/** One problem a rule found, before suppressions: the engine adds the rule's id and the object's identity and location. */
export interface Hit {
  /** The object to report (and whose annotation can suppress the rule). */
  readonly object: Manifest;
  readonly field: string;
  readonly message: string;
  readonly fix: string;
  /** Milder than the rule's severity, when the rule cannot be sure. */
  readonly severity?: Severity;
  /** For a change: the old and the new value (undefined when unset). */
  readonly change?: { readonly from: unknown; readonly to: unknown };
}

/**
 * Every rule of both commands has this shape. `I` is what it judges: every
 * manifest at once for `check` (rules relate objects), or a change between
 * two sets of manifests for `guard`.
 */
export interface Rule<I> extends RuleInfo {
  readonly check: (input: I) => Hit[];
}
