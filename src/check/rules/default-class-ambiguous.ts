import { Rule } from '../../analysis/rule';
import { Severity } from '../../analysis/severity';
import { DEFAULT_CLASS_ANNOTATION } from '../../core/storage-class-object';
import { Inventory } from '../../manifests/inventory';
import { isDefaultClass } from '../../manifests/manifest';


/**
 * Two classes marked default: since Kubernetes 1.26 the newest wins, so
 * which class a claim without storageClassName gets depends on the order the
 * classes were created (before 1.26, such claims were refused).
 */
export const DEFAULT_CLASS_AMBIGUOUS: Rule<Inventory> = {
  id: 'default-class-ambiguous',
  severity: Severity.WARNING,
  summary: 'More than one StorageClass marked default: a claim without a class gets whichever was created last.',
  source: 'https://kubernetes.io/docs/concepts/storage/storage-classes/#default-storageclass',
  check: (inv: Inventory) => {
    const defaults = [...inv.classes.values()].filter(isDefaultClass);
    if (defaults.length < 2) return [];
    const names = defaults.map(c => c.metadata!.name).join(', ');
    return defaults.map(c => ({
      object: c,
      field: `metadata.annotations[${DEFAULT_CLASS_ANNOTATION}]`,
      message: `class ${c.metadata!.name} is one of ${defaults.length} default classes (${names}): a claim without storageClassName gets the newest of them`,
      fix: 'mark one class default, and name the class in claims that need another',
    }));
  },
};
