/**
 * The same day-2 objects (a claim, a VolumeSnapshot of it, and a claim
 * restored from the snapshot) written three ways, for the synthesis
 * benchmark. cdk8s-plus-27 has no snapshot kinds: its typed classes write the
 * claims, a raw ApiObject the snapshot. (Its Kubernetes 1.27 types have no
 * volumeAttributesClassName either, so the claims name none.)
 */
import { ApiObject, Chart, Size } from 'cdk8s';
import { k8s } from 'cdk8s-plus-27';
import { Variant } from './harness';
import { BlockCsiDriver, BlockProvider, BlockSnapshotClass, BlockStorageClass, VolumeSnapshot } from 'cdk8s-storage';

const gp3 = BlockStorageClass.fromStorageClassName('gp3', BlockProvider.ebs());
const snapshots = BlockSnapshotClass.fromSnapshotClassName('ebs-snapshots', BlockCsiDriver.EBS);
const annotations = { 'argocd.argoproj.io/sync-options': 'Prune=false,Delete=false', 'kustomize.toolkit.fluxcd.io/prune': 'disabled' };
const source = (i: number) => ({ apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: `snap-${i}` });
const claimSpec = { storageClassName: 'gp3', accessModes: ['ReadWriteOnce'], volumeMode: 'Filesystem' };

function cdk8sStorage(chart: Chart, i: number): void {
  const data = gp3.claim(chart, `data-${i}`, { storage: Size.gibibytes(20) });
  const snap = VolumeSnapshot.ofClaim(chart, `snap-${i}`, { claim: data, snapshotClass: snapshots });
  gp3.claim(chart, `restored-${i}`, { storage: Size.gibibytes(20), restoreFrom: snap });
}

function snapshotObject(chart: Chart, i: number): void {
  new ApiObject(chart, `snap-${i}`, {
    apiVersion: 'snapshot.storage.k8s.io/v1',
    kind: 'VolumeSnapshot',
    metadata: { name: `snap-${i}`, annotations },
    spec: { volumeSnapshotClassName: 'ebs-snapshots', source: { persistentVolumeClaimName: `data-${i}` } },
  });
}

function rawApiObject(chart: Chart, i: number): void {
  new ApiObject(chart, `data-${i}`, {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: `data-${i}`, annotations },
    spec: { ...claimSpec, resources: { requests: { storage: '20Gi' } } },
  });
  snapshotObject(chart, i);
  new ApiObject(chart, `restored-${i}`, {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: `restored-${i}`, annotations },
    spec: { ...claimSpec, resources: { requests: { storage: '20Gi' } }, dataSource: source(i), dataSourceRef: source(i) },
  });
}

function typedKubeObjects(chart: Chart, i: number): void {
  const storage = { requests: { storage: k8s.Quantity.fromString('20Gi') } };
  new k8s.KubePersistentVolumeClaim(chart, `data-${i}`, { metadata: { name: `data-${i}`, annotations }, spec: { ...claimSpec, resources: storage } });
  snapshotObject(chart, i);
  new k8s.KubePersistentVolumeClaim(chart, `restored-${i}`, {
    metadata: { name: `restored-${i}`, annotations },
    spec: { ...claimSpec, resources: storage, dataSource: source(i), dataSourceRef: source(i) },
  });
}

/** Each variant builds N copies of the objects. */
const times = (one: (chart: Chart, i: number) => void) => (chart: Chart, n: number) => {
  for (let i = 0; i < n; i++) one(chart, i);
};

export const BASELINE = 'cdk8s-plus-27 k8s.KubePersistentVolumeClaim + ApiObject';

export const VARIANTS: { [name: string]: Variant } = {
  'cdk8s-storage claims and VolumeSnapshot': times(cdk8sStorage),
  'raw cdk8s ApiObject': times(rawApiObject),
  [BASELINE]: times(typedKubeObjects),
};
