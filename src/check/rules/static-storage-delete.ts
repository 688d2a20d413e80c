import { Hit, Rule } from '../../analysis/rule';
import { Severity } from '../../analysis/severity';
import { ReclaimPolicy } from '../../core/policies';
import { Inventory } from '../../manifests/inventory';
import { localVolumes } from '../claims-and-classes';

/** Set by the PV controller on the PVs a provisioner made (pkg/controller/volume/persistentvolume, annDynamicallyProvisioned). */
const PROVISIONED_BY = 'pv.kubernetes.io/provisioned-by';

export const STATIC_STORAGE_DELETE: Rule<Inventory> = {
  id: 'static-storage-delete',
  severity: Severity.ERROR,
  summary: 'Delete on storage nobody provisioned: a hand-written PV that is Delete has its disk or share deleted with its claim, '
    + 'and a class without a provisioner is Delete by default.',
  source: 'https://kubernetes.io/docs/concepts/storage/persistent-volumes/#reclaim-policy; https://kubernetes.io/docs/concepts/storage/storage-classes/#reclaim-policy',
  check: (inv: Inventory) => {
    const hits: Hit[] = [];
    for (const pv of inv.ofKind('PersistentVolume')) {
      // Local PVs have a rule of their own (local-volume-delete).
      if (pv.spec?.local !== undefined || pv.metadata?.annotations?.[PROVISIONED_BY] !== undefined) continue;
      if (pv.spec?.persistentVolumeReclaimPolicy !== ReclaimPolicy.DELETE) continue;
      hits.push({
        object: pv,
        field: 'spec.persistentVolumeReclaimPolicy',
        message: `PV ${pv.metadata!.name} was written by hand and is Delete: when its claim is deleted, a CSI driver deletes the disk or share `
          + '(data that existed before the cluster), and an in-tree volume goes Failed',
        fix: `set persistentVolumeReclaimPolicy: ${ReclaimPolicy.RETAIN} (the PV default)`,
      });
    }
    for (const cls of inv.classes.values()) {
      if (cls.provisioner !== localVolumes().facts.provisioner || (cls.reclaimPolicy ?? ReclaimPolicy.DELETE) !== ReclaimPolicy.DELETE) continue;
      hits.push({
        object: cls,
        field: 'reclaimPolicy',
        message: `class ${cls.metadata!.name} has no provisioner and is Delete${cls.reclaimPolicy ? '' : ' (the default)'}: the local static provisioner gives `
          + 'its PVs the class\'s policy and wipes a disk when its claim is deleted',
        fix: `set reclaimPolicy: ${localVolumes().facts.safeReclaimPolicy} (immutable: recreate the class)`,
      });
    }
    return hits;
  },
};
