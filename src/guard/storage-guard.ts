import { checkAllowList } from './allow-list';
import { GuardAllowEntry, GuardFinding, GuardOptions, GuardSeverity } from './guard-types';
import { Manifest } from './manifest';
import { indexManifests } from './manifest-shape';
import { CHANGE_RULES, REMOVAL_RULES } from './rules';

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
   * The findings of going from `previous` to `current`, minus those the allow-list matches.
   *
   * @param previous the manifests now in the cluster (or in the GitOps repository)
   * @param current the manifests about to replace them
   * @param options an allow-list of changes handled deliberately
   */
  public static compare(previous: any[], current: any[], options: GuardOptions = {}): GuardFinding[] {
    const before = indexManifests(previous, 'StorageGuard.compare previous', 'previous');
    const after = indexManifests(current, 'StorageGuard.compare current', 'current');
    const allow = checkAllowList((options ?? {}).allow ?? [], 'StorageGuard.compare options.allow');
    const findings: GuardFinding[] = [];
    for (const [key, old] of before) {
      const next = after.get(key);
      if (next) findings.push(...compareObject(old, next, after));
    }
    for (const rule of REMOVAL_RULES) findings.push(...rule.check(before, after));
    return findings.filter(f => !allow.some(entry => allows(entry, f)));
  }

  /** Whether any finding is `refused` or `data-loss` (what a CI gate should fail on). */
  public static isBlocking(findings: GuardFinding[]): boolean {
    return findings.some(f => f.severity !== GuardSeverity.WARNING);
  }

  private constructor() {}
}

function compareObject(old: Manifest, next: Manifest, after: Map<string, Manifest>): GuardFinding[] {
  const findings: GuardFinding[] = [];
  for (const rule of CHANGE_RULES) {
    if (rule.kind === old.kind) findings.push(...rule.check(old, next, after));
  }
  return findings;
}

function allows(entry: GuardAllowEntry, f: GuardFinding): boolean {
  return entry.kind === f.kind && entry.name === f.name
    && (entry.namespace === undefined || entry.namespace === f.namespace)
    && (entry.field === undefined || entry.field === f.field);
}
