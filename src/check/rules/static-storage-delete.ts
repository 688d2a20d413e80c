import { Hit, Rule } from '../../analysis/rule';
import { Severity } from '../../analysis/severity';
import { ReclaimPolicy } from '../../core/policies';
import { Inventory } from '../../manifests/inventory';

/** Set by the PV controller on the PVs a provisioner made (pkg/controller/volume/persistentvolume, annDynamicallyProvisioned). */
const PROVISIONED_BY = 'pv.kubernetes.io/provisioned-by';

export const STATIC_STORAGE_DELETE: Rule<Inventory> = {
  id: 'static-storage-delete',
  severity: Severity.WARNING,
  summary: 'A PV written by hand with reclaim policy Delete: nothing deletes it (only provisioners delete what they made), so it goes Failed when its claim goes, '
    + 'and stays until removed by hand.',
  source: 'kubernetes pkg/controller/volume/persistentvolume/pv_controller.go findDeletablePlugin ("no deletable volume plugin matched"); '
    + 'sig-storage-lib-external-provisioner shouldDelete (pv.kubernetes.io/provisioned-by); https://kubernetes.io/docs/concepts/storage/persistent-volumes/#delete',
  check: (inv: Inventory) => {
    const hits: Hit[] = [];
    for (const pv of inv.ofKind('PersistentVolume')) {
      // Local PVs have a rule of their own (local-volume-delete); a provisioned PV is its provisioner's to delete.
      if (pv.spec?.local !== undefined || pv.metadata?.annotations?.[PROVISIONED_BY] !== undefined) continue;
      if (pv.spec?.persistentVolumeReclaimPolicy !== ReclaimPolicy.DELETE) continue;
      hits.push({
        object: pv,
        field: 'spec.persistentVolumeReclaimPolicy',
        message: `PV ${pv.metadata!.name} was written by hand and is Delete: no provisioner made it, so none deletes it (a CSI driver deletes only the volumes `
          + 'its provisioner made, and the in-tree plugins have no deleter but hostPath under /tmp), so when its claim is deleted the PV goes Failed '
          + '("no deletable volume plugin matched") and keeps its data until someone removes it',
        fix: `set persistentVolumeReclaimPolicy: ${ReclaimPolicy.RETAIN} (the PV default), and delete the volume and the PV by hand when the data is no longer needed`,
      });
    }
    return hits;
  },
};
