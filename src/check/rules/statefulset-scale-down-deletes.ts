import { Rule } from '../../analysis/rule';
import { Severity } from '../../analysis/severity';
import { objectsAt } from '../../manifests/fields';
import { Inventory } from '../../manifests/inventory';
import { storageClassNameOf } from '../../manifests/manifest';

/**
 * A StatefulSet that deletes the claims of the replicas it scales down
 * (persistentVolumeClaimRetentionPolicy.whenScaled: Delete), on a class
 * whose volumes are Delete: the data of every removed replica goes with it.
 */
export const STATEFULSET_SCALE_DOWN_DELETES: Rule<Inventory> = {
  id: 'statefulset-scale-down-deletes',
  severity: Severity.WARNING,
  summary: 'A StatefulSet deletes scaled-down replicas\' claims (whenScaled: Delete) on a class whose volumes are Delete: a scale-down deletes their data.',
  source: 'https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#persistentvolumeclaim-retention',
  check: (inv: Inventory) => inv.ofKind('StatefulSet')
    .filter(sts => sts.spec?.persistentVolumeClaimRetentionPolicy?.whenScaled === 'Delete')
    .flatMap(sts => objectsAt(sts, sts.spec?.volumeClaimTemplates, 'spec.volumeClaimTemplates').flatMap(t => {
      const className = storageClassNameOf(t);
      const cls = className === undefined ? inv.defaultClass : className === '' ? undefined : inv.classes.get(className);
      if (!cls || (cls.reclaimPolicy ?? 'Delete') !== 'Delete') return [];
      return [{
        object: sts,
        field: 'spec.persistentVolumeClaimRetentionPolicy.whenScaled',
        message: `StatefulSet ${sts.metadata!.name} deletes the claims of the replicas it scales down, and template ${t.metadata?.name} uses class `
          + `${cls.metadata!.name}, whose volumes are Delete: a scale-down deletes those replicas' data`,
        fix: 'keep whenScaled: Retain (the default), or use a Retain class if scaled-down data may still be needed',
      }];
    })),
};
