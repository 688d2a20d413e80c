import { Rule } from '../../analysis/rule';
import { Severity } from '../../analysis/severity';
import { ReclaimPolicy } from '../../core/policies';
import { Inventory } from '../../manifests/inventory';

export const RECYCLE_RECLAIM_POLICY: Rule<Inventory> = {
  id: 'recycle-reclaim-policy',
  severity: Severity.ERROR,
  summary: 'Reclaim policy Recycle: a StorageClass may not have it (refused); on NFS and hostPath PVs it is accepted but deprecated (a warning), '
    + 'and erases every file (rm -rf) when the claim goes.',
  source: 'https://kubernetes.io/docs/concepts/storage/persistent-volumes/#recycle',
  check: (inv: Inventory) => inv.ofKind('PersistentVolume', 'StorageClass')
    .filter(m => (m.kind === 'StorageClass' ? m.reclaimPolicy : m.spec?.persistentVolumeReclaimPolicy) === 'Recycle')
    .map(m => ({
      object: m,
      ...(m.kind === 'StorageClass' ? {} : { severity: Severity.WARNING }),
      field: m.kind === 'StorageClass' ? 'reclaimPolicy' : 'spec.persistentVolumeReclaimPolicy',
      message: m.kind === 'StorageClass'
        ? `class ${m.metadata!.name} is Recycle: deprecated, and a StorageClass may not use it (the API server accepts only Retain and Delete there)`
        : `PV ${m.metadata!.name} is Recycle: deprecated, accepted on NFS and hostPath volumes, where it erases every file on the volume (rm -rf) `
          + 'when its claim goes, for the next claim',
      fix: `use ${ReclaimPolicy.RETAIN}, and dynamic provisioning where volumes should come and go`,
    })),
};
