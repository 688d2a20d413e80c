import { Rule } from '../../analysis/rule';
import { Severity } from '../../analysis/severity';
import { ReclaimPolicy } from '../../core/policies';
import { Inventory } from '../../manifests/inventory';
import { localVolumes } from '../claims-and-classes';

export const LOCAL_VOLUME_DELETE: Rule<Inventory> = {
  id: 'local-volume-delete',
  severity: Severity.ERROR,
  summary: 'A local PV with reclaim policy Delete: no plugin deletes a local volume, so the PV goes Failed when its claim goes (or the static provisioner wipes the disk).',
  source: 'https://kubernetes.io/docs/concepts/storage/persistent-volumes/#delete; sig-storage-local-static-provisioner docs/faqs.md',
  check: (inv: Inventory) => inv.ofKind('PersistentVolume')
    .filter(pv => pv.spec?.local !== undefined && pv.spec?.persistentVolumeReclaimPolicy === ReclaimPolicy.DELETE)
    .map(pv => ({
      object: pv,
      field: 'spec.persistentVolumeReclaimPolicy',
      message: `local PV ${pv.metadata!.name} is Delete: nothing can delete a local volume, so it goes Failed once its claim is deleted, and under the `
        + 'local static provisioner the disk is wiped',
      fix: `set persistentVolumeReclaimPolicy: ${localVolumes().facts.safeReclaimPolicy} and reclaim the disk by hand`,
    })),
};
