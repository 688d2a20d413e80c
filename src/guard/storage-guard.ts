import { checkAllowList } from './allow-list';
import { Change } from './change';
import { GuardAllowEntry, GuardOptions } from './guard-options';
import { GUARD_RULES } from './rules';
import { checkRuleIds, ruleInfos, runRules } from '../analysis/engine';
import { Finding } from '../analysis/finding';
import { RuleInfo } from '../analysis/rule-info';
import { indexManifests } from '../manifests/shape';

/**
 * Compares two versions of a set of manifests (parsed YAML documents) and
 * finds the changes the API server will refuse on the next sync, and those
 * that risk data: one named rule per file in `rules/`, each citing the
 * Kubernetes validation it follows. Mutable changes (replicas,
 * pod templates, images, a claim growing on an expandable class, mount
 * options) give no finding. Works on any manifests, not only this library's.
 *
 * It fails closed: input it cannot judge (not a list, an element that is not a
 * Kubernetes object, a field a rule reads in the wrong shape, two objects of
 * one kind, namespace and name, a document that expands past a million values,
 * an allow-list entry with an unknown key) throws a `StorageValidationError`
 * naming where, instead of answering with fewer findings.
 */
export class StorageGuard {
  /**
   * The findings of going from `previous` to `current`, minus the suppressed
   * rules and the changes the allow-list matches, in rule order.
   *
   * @param previous the manifests now in the cluster (or in the GitOps repository)
   * @param current the manifests about to replace them
   * @param options an allow-list of changes handled deliberately, and rule ids to suppress
   */
  public static compare(previous: any[], current: any[], options: GuardOptions = {}): Finding[] {
    const before = indexManifests(previous, 'StorageGuard.compare previous', 'previous');
    const after = indexManifests(current, 'StorageGuard.compare current', 'current');
    const allow = checkAllowList((options ?? {}).allow ?? [], 'StorageGuard.compare options.allow');
    const suppress = checkRuleIds(GUARD_RULES, (options ?? {}).suppress ?? [], 'StorageGuard.compare options.suppress');
    return runRules(GUARD_RULES, new Change(before, after), { suppress }).filter(f => !allow.some(entry => allows(entry, f)));
  }

  /** Every rule: id, severity, what it finds, and the Kubernetes validation it follows. */
  public static rules(): RuleInfo[] {
    return ruleInfos(GUARD_RULES);
  }

  private constructor() {}
}

function allows(entry: GuardAllowEntry, f: Finding): boolean {
  return entry.kind === f.kind && entry.name === f.name
    && (entry.namespaceName === undefined || entry.namespaceName === f.namespaceName)
    && (entry.field === undefined || entry.field === f.field);
}
