import { CheckFinding, CheckOptions, CheckRuleInfo, CheckSeverity } from './check-types';
import { Inventory } from './inventory';
import { RULES } from './rules';
import { Hit } from './rules/rule';
import { SUPPRESS_ANNOTATION } from '../core/check-suppression';
import { isPlainObject } from '../core/checks';
import { Manifest } from '../guard/manifest';
import { guardInputError, indexManifests, sourceOf } from '../guard/manifest-shape';


const RULE_IDS = RULES.map(r => r.id);
const RANK: { [severity: string]: number } = { [CheckSeverity.ERROR]: 3, [CheckSeverity.WARNING]: 2, [CheckSeverity.INFO]: 1 };

/**
 * Checks any Kubernetes manifests (from Helm, kustomize, cdk8s-plus or this
 * library) against the storage rules this library's constructs enforce:
 * access modes each driver serves, binding modes, sizes, StatefulSet names
 * and Services, claims shared by several pods, reclaim policies, snapshot API
 * versions, credentials and RBAC of CSI drivers, and GitOps prune protection.
 *
 * The rules read the same facts as the constructs (the backends' access-mode
 * enums and driver capabilities), so a construct and the check cannot disagree.
 *
 * It fails closed: input it cannot judge (not a list, an element that is not
 * a Kubernetes object, a field a rule reads in the wrong shape, two objects of
 * one kind, namespace and name, an unknown rule id to suppress) throws a
 * `StorageValidationError` naming where, instead of answering with fewer findings.
 */
export class StorageCheck {
  /**
   * The findings on `manifests`, minus the suppressed ones.
   *
   * @param manifests parsed Kubernetes objects, for example `Testing.synth(chart)` or `chart.toJson()`
   * @param options rule ids to suppress for every object
   */
  public static check(manifests: any[], options: CheckOptions = {}): CheckFinding[] {
    const suppressed = checkRuleIds((options ?? {}).suppress ?? [], 'StorageCheck.check options.suppress');
    const objects = [...indexManifests(manifests, 'StorageCheck.check manifests', 'manifests').values()];
    const perObject = new Map(objects.map(m => [m, suppressionsOf(m)]));
    const inventory = new Inventory(objects);
    return RULES.filter(rule => !suppressed.includes(rule.id)).flatMap(rule => rule.check(inventory)
      .filter(hit => !perObject.get(hit.object)?.includes(rule.id))
      .map(hit => finding(rule.id, rule.severity, hit)));
  }

  /**
   * Whether any finding is at least as bad as `failOn` (what a CI gate should fail on).
   *
   * @param findings the findings of `check`
   * @param failOn the least severity that fails
   */
  public static isBlocking(findings: CheckFinding[], failOn: CheckSeverity = CheckSeverity.WARNING): boolean {
    const rank = RANK[failOn];
    if (rank === undefined) {
      throw guardInputError('StorageCheck.isBlocking', `failOn is ${JSON.stringify(failOn)}, expected one of ${Object.values(CheckSeverity).join(', ')}. Fix: pass a CheckSeverity`);
    }
    return findings.some(f => RANK[f.severity] >= rank);
  }

  /** Every rule: id, severity, what it finds, and the source of its fact. */
  public static rules(): CheckRuleInfo[] {
    return RULES.map(({ id, severity, summary, source }) => ({ id, severity, summary, source }));
  }

  private constructor() {}
}

/** Rule ids, each checked: an unknown id would suppress nothing, silently. */
export function checkRuleIds(ids: unknown, where: string): string[] {
  if (!Array.isArray(ids) || ids.some(id => typeof id !== 'string')) {
    throw guardInputError(where, `expected a list of rule ids, got ${JSON.stringify(ids)}. Fix: pass ids such as ["prune-protection"]`);
  }
  const unknown = ids.filter(id => !RULE_IDS.includes(id));
  if (unknown.length > 0) {
    throw guardInputError(where, `unknown rule id(s) ${unknown.join(', ')}; the rules are ${RULE_IDS.join(', ')}. Fix: correct the spelling`);
  }
  return ids;
}

function suppressionsOf(m: Manifest): string[] {
  const value = isPlainObject(m.metadata?.annotations) ? m.metadata!.annotations![SUPPRESS_ANNOTATION] : undefined;
  if (value === undefined) return [];
  const where = `${sourceOf(m, `${m.kind} ${m.metadata!.name}`)}: annotation ${SUPPRESS_ANNOTATION}`;
  return checkRuleIds(String(value).split(',').map(id => id.trim()).filter(id => id !== ''), where);
}

function finding(ruleId: string, severity: CheckSeverity, hit: Hit): CheckFinding {
  const location = sourceOf(hit.object, '');
  return {
    ruleId,
    severity,
    kind: hit.object.kind!,
    namespace: hit.object.metadata?.namespace,
    name: hit.object.metadata!.name!,
    field: hit.field,
    message: hit.message,
    fix: hit.fix,
    ...(location ? { location } : {}),
  };
}
