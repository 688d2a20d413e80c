import { Rule } from '../../analysis/rule';
import { Severity } from '../../analysis/severity';
import { ReclaimPolicy } from '../../core/policies';
import { Inventory } from '../../manifests/inventory';

export const RECYCLE_RECLAIM_POLICY: Rule<Inventory> = {
  id: 'recycle-reclaim-policy',
  severity: Severity.ERROR,
  summary: 'Reclaim policy Recycle: deprecated, served only by the in-tree NFS and hostPath plugins, and it scrubs the data (rm -rf) for the next claim.',
  source: 'https://kubernetes.io/docs/concepts/storage/persistent-volumes/#recycle',
  check: (inv: Inventory) => inv.ofKind('PersistentVolume', 'StorageClass')
    .filter(m => (m.kind === 'StorageClass' ? m.reclaimPolicy : m.spec?.persistentVolumeReclaimPolicy) === 'Recycle')
    .map(m => ({
      object: m,
      field: m.kind === 'StorageClass' ? 'reclaimPolicy' : 'spec.persistentVolumeReclaimPolicy',
      message: `${m.kind} ${m.metadata!.name} is Recycle: the policy is deprecated, a StorageClass may not use it at all, and where it works it deletes `
        + 'every file on the volume when the claim goes',
      fix: `use ${ReclaimPolicy.RETAIN}, and dynamic provisioning where volumes should come and go`,
    })),
};
