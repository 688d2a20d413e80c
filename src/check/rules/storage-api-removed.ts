import { Rule } from '../../analysis/rule';
import { Severity } from '../../analysis/severity';
import { Inventory } from '../../manifests/inventory';

/**
 * Storage API versions the API server no longer serves, with the release
 * that stopped (Kubernetes deprecated API migration guide): applying them fails.
 * Snapshot versions have their own rule (snapshot-api-version).
 */
const REMOVED: ReadonlyArray<{ readonly apiVersion: string; readonly kinds: readonly string[]; readonly removedIn: string; readonly use: string }> = [
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['StorageClass', 'CSIDriver', 'CSINode', 'VolumeAttachment'], removedIn: '1.22', use: 'storage.k8s.io/v1' },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIStorageCapacity'], removedIn: '1.27', use: 'storage.k8s.io/v1' },
  { apiVersion: 'storage.k8s.io/v1alpha1', kinds: ['StorageClass', 'VolumeAttachment', 'CSIStorageCapacity'], removedIn: '1.22', use: 'storage.k8s.io/v1' },
];

/**
 * Every version that any Kubernetes release has served for the storage kinds
 * and the core storage kinds (the API reference of each release): another
 * version fails on every cluster.
 */
const SERVED: { readonly [kind: string]: readonly string[] } = {
  PersistentVolume: ['v1'],
  PersistentVolumeClaim: ['v1'],
  StorageClass: ['storage.k8s.io/v1beta1', 'storage.k8s.io/v1'],
  CSIDriver: ['storage.k8s.io/v1beta1', 'storage.k8s.io/v1'],
  CSINode: ['storage.k8s.io/v1beta1', 'storage.k8s.io/v1'],
  VolumeAttachment: ['storage.k8s.io/v1alpha1', 'storage.k8s.io/v1beta1', 'storage.k8s.io/v1'],
  CSIStorageCapacity: ['storage.k8s.io/v1alpha1', 'storage.k8s.io/v1beta1', 'storage.k8s.io/v1'],
  VolumeAttributesClass: ['storage.k8s.io/v1alpha1', 'storage.k8s.io/v1beta1', 'storage.k8s.io/v1'],
};

export const STORAGE_API_REMOVED: Rule<Inventory> = {
  id: 'storage-api-removed',
  severity: Severity.ERROR,
  summary: 'A storage object on an API version the API server no longer serves (storage.k8s.io/v1beta1 StorageClass, CSIDriver, ...), or never served (a v1 StorageClass): the apply fails.',
  source: 'https://kubernetes.io/docs/reference/using-api/deprecation-guide/ (v1.22: StorageClass, CSIDriver, CSINode, VolumeAttachment; v1.27: CSIStorageCapacity)',
  check: (inv: Inventory) => inv.objects.flatMap(m => {
    const served = SERVED[m.kind!];
    if (served && !served.includes(m.apiVersion!) && !REMOVED.some(r => r.apiVersion === m.apiVersion && r.kinds.includes(m.kind!))) {
      return [{
        object: m,
        field: 'apiVersion',
        message: `${m.kind} ${m.metadata!.name} is ${m.apiVersion ?? 'without an apiVersion'}, which no Kubernetes release serves for ${m.kind}: `
          + 'the apply fails ("no matches for kind")',
        fix: `use apiVersion ${served[served.length - 1]}`,
      }];
    }
    const removed = REMOVED.find(r => r.apiVersion === m.apiVersion && r.kinds.includes(m.kind!));
    return removed ? [{
      object: m,
      field: 'apiVersion',
      message: `${m.kind} ${m.metadata!.name} is ${m.apiVersion}, which Kubernetes ${removed.removedIn} and later no longer serve: the apply fails`,
      fix: `use apiVersion ${removed.use} (its fields are the same)`,
    }] : [];
  }),
};
