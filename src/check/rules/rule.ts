import { Manifest } from '../../guard/manifest';
import { CheckRuleInfo } from '../check-types';
import { Inventory } from '../inventory';

/** One problem a rule found, before suppressions. */
export interface Hit {
  /** The object to report (and whose annotation can suppress the rule). */
  readonly object: Manifest;
  readonly field: string;
  readonly message: string;
  readonly fix: string;
}

/** A rule: its listing, and the check over all the manifests at once (rules relate objects). */
export interface CheckRule extends CheckRuleInfo {
  readonly check: (inventory: Inventory) => Hit[];
}
