import { readdirSync } from 'fs';
import { join } from 'path';
import { StorageCheck } from '../src';
import { readManifests } from '../src/manifests/files';

/**
 * StorageCheck on manifests no one here wrote: the deploy and example files
 * of the upstream drivers (test/check-fixtures/upstream/SOURCES.md names each
 * repository, commit and path). Each folder is one set that is applied
 * together. Expected: every finding, as `severity rule kind name field`.
 */
const UPSTREAM = join(__dirname, 'check-fixtures', 'upstream');
const prune = (kind: string, name: string) => `info prune-protection ${kind} ${name} metadata.annotations`;
// (prune-protection judges claims and PVs, not StorageClasses: a class holds no data.)

const EXPECTED: { [folder: string]: string[] } = {
  'aws-ebs-csi-driver/deploy': [],
  'aws-ebs-csi-driver/dynamic-provisioning': [prune('PersistentVolumeClaim', 'ebs-claim')],
  'aws-ebs-csi-driver/snapshot-classes': [],
  'aws-ebs-csi-driver/static-provisioning': [prune('PersistentVolumeClaim', 'ebs-claim'), prune('PersistentVolume', 'test-pv')],
  'aws-efs-csi-driver/deploy': [],
  'azuredisk-csi-driver/deploy': [
    'warning csi-cluster-secrets-access ClusterRole azuredisk-external-snapshotter-role rules[1]',
    'warning csi-cluster-secrets-access ClusterRole csi-azuredisk-controller-secret-role rules[0]',
    'warning csi-cluster-secrets-access ClusterRole csi-azuredisk-node-role rules[0]',
  ],
  'azuredisk-csi-driver/example-claim': [prune('PersistentVolumeClaim', 'pvc-azuredisk')],
  'azuredisk-csi-driver/example-deployment': [prune('PersistentVolumeClaim', 'pvc-azuredisk')],
  'azuredisk-csi-driver/example-statefulset': ['warning statefulset-service-missing StatefulSet statefulset-azuredisk spec.serviceName'],
  'azuredisk-csi-driver/example-static': [prune('PersistentVolume', 'pv-azuredisk'), prune('PersistentVolumeClaim', 'pvc-azuredisk')],
  'csi-driver-nfs/classes': [],
  'csi-driver-nfs/deploy': ['warning csi-cluster-secrets-access ClusterRole nfs-external-provisioner-role rules[10]'],
  'csi-driver-nfs/example-deployment': [prune('PersistentVolumeClaim', 'pvc-deployment-nfs')],
  'csi-driver-nfs/example-statefulset': ['warning statefulset-service-missing StatefulSet statefulset-nfs spec.serviceName'],
  'csi-driver-nfs/example-static': [prune('PersistentVolume', 'pv-nfs'), prune('PersistentVolumeClaim', 'pvc-nfs-static')],
  'gcp-compute-persistent-disk-csi-driver/regional': [],
  'gcp-compute-persistent-disk-csi-driver/shared-pd': [prune('PersistentVolumeClaim', 'podpvc')],
  'gcp-compute-persistent-disk-csi-driver/snapshot-class': ['error snapshot-api-version VolumeSnapshotClass csi-gce-pd-snapshot-class apiVersion'],
  'gcp-compute-persistent-disk-csi-driver/zonal': [
    prune('PersistentVolumeClaim', 'podpvc'),
  ],
  'oci-cloud-controller-manager/deploy': [],
  'spdk-csi/deploy': [
    // No statefulset-service-missing: spdkcsi-controller runs the CSI sidecars, which use the StatefulSet as a singleton, not for DNS names.
    'error csi-plaintext-credentials Secret spdkcsi-secret stringData',
    'warning csi-cluster-secrets-access ClusterRole spdkcsi-provisioner-role rules[0]', prune('PersistentVolumeClaim', 'spdkcsi-pvc'),
  ],
};

const folders = readdirSync(UPSTREAM, { withFileTypes: true }).filter(d => d.isDirectory())
  .flatMap(d => readdirSync(join(UPSTREAM, d.name)).map(sub => `${d.name}/${sub}`)).sort();

test('every vendored folder has its expected findings listed', () => {
  expect(folders).toEqual(Object.keys(EXPECTED).sort());
});

test.each(folders)('%s', folder => {
  const findings = StorageCheck.check(readManifests(join(UPSTREAM, folder)));
  expect(findings.map(f => `${f.severity} ${f.ruleId} ${f.kind} ${f.name} ${f.field}`).sort()).toEqual([...EXPECTED[folder]].sort());
});
