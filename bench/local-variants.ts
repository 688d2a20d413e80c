/**
 * N nodes with 8 local disks each (8N PersistentVolumes) and N claims, written
 * three ways, for the LocalSsdVolume benchmark.
 */
import { ApiObject, Chart, Size } from 'cdk8s';
import { k8s } from 'cdk8s-plus-27';
import { Variant } from './harness';
import { LocalSsdVolume } from 'cdk8s-storage';

const DISKS_PER_NODE = 8;
const disks = (n: number) => Array.from({ length: n * DISKS_PER_NODE }, (_, i) => ({
  node: `node-${Math.floor(i / DISKS_PER_NODE)}`,
  path: `/mnt/disk${i % DISKS_PER_NODE}`,
  name: `local-node-${Math.floor(i / DISKS_PER_NODE)}-mnt-disk${i % DISKS_PER_NODE}`,
}));

// What LocalSsdVolume writes by default (PruneProtection.GITOPS), written by hand in the other variants.
const annotations = { 'argocd.argoproj.io/sync-options': 'Prune=false,Delete=false', 'kustomize.toolkit.fluxcd.io/prune': 'disabled' };
const classSpec = {
  provisioner: 'kubernetes.io/no-provisioner', reclaimPolicy: 'Retain', volumeBindingMode: 'WaitForFirstConsumer', allowVolumeExpansion: false,
};
const pvSpec = (node: string, path: string) => ({
  accessModes: ['ReadWriteOnce'],
  persistentVolumeReclaimPolicy: 'Retain',
  storageClassName: 'local',
  volumeMode: 'Filesystem',
  local: { path },
  nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] }] } },
});
const claimSpec = { accessModes: ['ReadWriteOnce'], storageClassName: 'local', volumeMode: 'Filesystem' };

function localSsdVolume(chart: Chart, n: number): void {
  const ssd = new LocalSsdVolume(chart, 'local');
  for (const d of disks(n)) ssd.addDisk({ node: d.node, path: d.path, capacity: Size.gibibytes(900) });
  for (let i = 0; i < n; i++) ssd.claim(chart, `claim-${i}`, { storage: Size.gibibytes(100) });
}

function rawApiObjects(chart: Chart, n: number): void {
  new ApiObject(chart, 'class', { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'local', annotations }, ...classSpec });
  for (const d of disks(n)) {
    new ApiObject(chart, d.name, {
      apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: d.name, annotations }, spec: { capacity: { storage: '900Gi' }, ...pvSpec(d.node, d.path) },
    });
  }
  for (let i = 0; i < n; i++) {
    new ApiObject(chart, `claim-${i}`, {
      apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: `claim-${i}`, annotations }, spec: { ...claimSpec, resources: { requests: { storage: '100Gi' } } },
    });
  }
}

function typedKubeObjects(chart: Chart, n: number): void {
  new k8s.KubeStorageClass(chart, 'class', { metadata: { name: 'local', annotations }, ...classSpec });
  for (const d of disks(n)) {
    new k8s.KubePersistentVolume(chart, d.name, {
      metadata: { name: d.name, annotations }, spec: { capacity: { storage: k8s.Quantity.fromString('900Gi') }, ...pvSpec(d.node, d.path) },
    });
  }
  for (let i = 0; i < n; i++) {
    new k8s.KubePersistentVolumeClaim(chart, `claim-${i}`, {
      metadata: { name: `claim-${i}`, annotations }, spec: { ...claimSpec, resources: { requests: { storage: k8s.Quantity.fromString('100Gi') } } },
    });
  }
}

export const BASELINE = 'cdk8s-plus-27 k8s.Kube* typed objects';

export const VARIANTS: { [name: string]: Variant } = {
  'cdk8s-storage LocalSsdVolume': localSsdVolume,
  'raw cdk8s ApiObject': rawApiObjects,
  [BASELINE]: typedKubeObjects,
};
