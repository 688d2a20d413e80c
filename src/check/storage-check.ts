import { CheckOptions } from './check-options';
import { CHECK_RULES } from './rules';
import { checkRuleIds, ruleInfos, runRules } from '../analysis/engine';
import { Finding } from '../analysis/finding';
import { RuleInfo } from '../analysis/rule-info';
import { SUPPRESS_ANNOTATION } from '../core/check-suppression';
import { isPlainObject } from '../core/checks';
import { Inventory } from '../manifests/inventory';
import { Manifest } from '../manifests/manifest';
import { indexManifests } from '../manifests/shape';
import { sourceOf } from '../manifests/source';

/**
 * Checks any Kubernetes manifests (from Helm, kustomize, cdk8s-plus or this
 * library) against the storage rules this library's constructs enforce:
 * access modes each driver serves, binding modes, sizes, StatefulSet names
 * and Services, claims shared by several pods, reclaim policies, snapshot API
 * versions, credentials and RBAC of CSI drivers, and GitOps prune protection.
 *
 * The rules read the same facts as the constructs (the drivers' registry), so
 * a construct and the check cannot disagree.
 *
 * It fails closed: input it cannot judge (not a list, an element that is not
 * a Kubernetes object, a field a rule reads in the wrong shape, two objects of
 * one kind, namespace and name, an unknown rule id to suppress) throws a
 * `StorageValidationError` naming where, instead of answering with fewer findings.
 */
export class StorageCheck {
  /**
   * The findings on `manifests`, minus the suppressed ones, in rule order.
   *
   * @param manifests parsed Kubernetes objects, for example `Testing.synth(chart)` or `chart.toJson()`
   * @param options rule ids to suppress for every object
   */
  public static check(manifests: any[], options: CheckOptions = {}): Finding[] {
    const suppress = checkRuleIds(CHECK_RULES, (options ?? {}).suppress ?? [], 'StorageCheck.check options.suppress');
    const inventory = new Inventory(indexManifests(manifests, 'StorageCheck.check manifests', 'manifests'));
    const annotated = new Map<Manifest, readonly string[]>();
    const suppressedBy = (m: Manifest) => annotated.get(m) ?? annotated.set(m, suppressionsOf(m)).get(m)!;
    return runRules(CHECK_RULES, inventory, { suppress, suppressedBy });
  }

  /** Every rule: id, severity, what it finds, and the source of its fact. */
  public static rules(): RuleInfo[] {
    return ruleInfos(CHECK_RULES);
  }

  private constructor() {}
}

/** The rule ids an object's annotation suppresses, each checked: a misspelt id suppresses nothing. */
function suppressionsOf(m: Manifest): string[] {
  const value = isPlainObject(m.metadata?.annotations) ? m.metadata!.annotations![SUPPRESS_ANNOTATION] : undefined;
  if (value === undefined) return [];
  const where = `${sourceOf(m, `${m.kind} ${m.metadata!.name}`)}: annotation ${SUPPRESS_ANNOTATION}`;
  return checkRuleIds(CHECK_RULES, String(value).split(',').map(id => id.trim()).filter(id => id !== ''), where);
}
