import { ApiObject, App, Chart, JsonPatch, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import {
  AccessMode, BlockCsiDriver, BlockProvider, BlockSnapshotClass, BlockStorageClass, EbsVolumeType, Findings, GcePdType, NfsCsiAccessMode,
  NfsCsiStorageClass, PodVolume, Severity, StatefulStore, StorageClass, StorageGuard, VolumeMode, VolumeSnapshot,
} from 'cdk8s-storage';

/** The short examples of the top-level README, as one app, so that they are compiled and synthesized by the tests. */
export function buildApp(app = new App()): App {
  existingClass(new Chart(app, 'existing-class', { namespace: 'existing-class' }));
  customClass(new Chart(app, 'custom-class', { namespace: 'custom-class' }));
  escapeHatches(new Chart(app, 'escape-hatches', { namespace: 'escape-hatches' }));
  blockClasses(new Chart(app, 'block-classes', { namespace: 'block-classes' }));
  nfsCsiClass(new Chart(app, 'nfs-csi-class', { namespace: 'nfs-csi-class' }));
  guardInCode(new Chart(app, 'guard', { namespace: 'guard' }));
  dayTwo(new Chart(app, 'day-two', { namespace: 'day-two' }));
  return app;
}

function existingClass(chart: Chart) {
  const standard = StorageClass.fromStorageClassName('standard', { accessModes: [AccessMode.READ_WRITE_ONCE] });
  const claim = standard.claim(chart, 'data', { storage: Size.gibibytes(5) }); // mountable: container.mount('/data', claim)
  const tpl = standard.claimTemplate('www', { storage: Size.gibibytes(1) }); // for StatefulStore
  // standard.claim(chart, 'shared', { storage: Size.gibibytes(5), accessMode: AccessMode.READ_WRITE_MANY }) throws:
  // StorageValidationError: web/shared (VolumeClaim) on StorageClass.fromStorageClassName("standard"): invalid accessMode
  // "ReadWriteMany". Allowed: the accessModes declared for class "standard": ReadWriteOnce. Fix: ...
  new kplus.Pod(chart, 'app', { containers: [{ image: 'busybox', command: ['sleep', '3600'], securityContext: { user: 1000 } }] }).containers[0].mount('/data', claim);
  new StatefulStore(chart, 'web', { image: 'nginx', volumes: [{ mountPath: '/usr/share/nginx/html', claim: tpl }] });
}

function customClass(chart: Chart) {
  const gp3 = new StorageClass(chart, 'gp3', {
    accessModes: [AccessMode.READ_WRITE_ONCE],
    provisioner: 'ebs.csi.aws.com',
    parameters: { type: 'gp3' },
    allowVolumeExpansion: true,
  });
  const data = gp3.claim(chart, 'data', { storage: Size.gibibytes(50) });
  new kplus.Pod(chart, 'app', { containers: [{ image: 'busybox', command: ['sleep', '3600'], securityContext: { user: 1000 } }] }).containers[0].mount('/data', data);
}

function escapeHatches(chart: Chart) {
  const standard = StorageClass.fromStorageClassName('standard', { accessModes: [AccessMode.READ_WRITE_ONCE] });
  const store = new StatefulStore(chart, 'web', { image: 'nginx', volumes: [{ mountPath: '/data', claim: standard.claimTemplate('www', { storage: Size.gibibytes(1) }) }] });
  store.statefulSet.addJsonPatch(JsonPatch.add('/spec/template/spec/nodeSelector', { disk: 'ssd' }));
  ApiObject.of(store.service).metadata.addLabel('team', 'web');
}

function blockClasses(chart: Chart) {
  const fast = new BlockStorageClass(chart, 'fast', { provider: BlockProvider.ebs({ volumeType: EbsVolumeType.GP3, iops: 4000, throughput: 250 }) });
  const other = BlockStorageClass.fromStorageClassName('gp3-encrypted', BlockProvider.ebs({ encrypted: true }));
  fast.claim(chart, 'fast-data', { storage: Size.gibibytes(200) });
  other.claim(chart, 'encrypted-data', { storage: Size.gibibytes(20) });
}

function nfsCsiClass(chart: Chart) {
  const nfs = new NfsCsiStorageClass(chart, 'nfs-csi', { server: 'nfs-server.default.svc.cluster.local', share: '/', mountOptions: ['nfsvers=4.1'] });
  nfs.claim(chart, 'shared', { storage: Size.gibibytes(10), accessMode: NfsCsiAccessMode.READ_WRITE_MANY });
  // A class the driver's Helm chart installed: the same claims and checks, and no StorageClass object.
  const helmNfs = NfsCsiStorageClass.fromStorageClassName('nfs-csi-helm');
  helmNfs.claim(chart, 'reports', { storage: Size.gibibytes(2) });
}

/** The guard as a library call: here on two small versions of a StorageClass, whose reclaim policy may not change. */
function guardInCode(chart: Chart) {
  const previous = [{ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'gp3' }, provisioner: 'ebs.csi.aws.com', reclaimPolicy: 'Retain' }];
  const current = [{ ...previous[0], reclaimPolicy: 'Delete' }];
  try {
    const findings = StorageGuard.compare(previous, current, { allow: [] });
    if (Findings.isBlocking(findings, Severity.ERROR)) throw new Error(findings.map(f => `${f.kind}/${f.name} ${f.field}: ${f.fix}`).join('\n'));
  } catch (e) {
    // Expected here: the example shows the refusal. In CI, let it fail the build.
    chart.node.addMetadata('guard', (e as Error).message);
  }
}

if (require.main === module) buildApp().synth();

function dayTwo(chart: Chart) {
  const balanced = new BlockStorageClass(chart, 'hyperdisk', { provider: BlockProvider.gcePd({ diskType: GcePdType.HYPERDISK_BALANCED }) });
  const source = balanced.claim(chart, 'catalog', { storage: Size.gibibytes(100) });
  // A clone: same class, same volume mode, at least the source's size; GCE makes it in the source's zone.
  const copy = balanced.claim(chart, 'catalog-test', { storage: Size.gibibytes(100), cloneFrom: source });
  // Another cluster's backup, for disaster recovery: a VolumeSnapshotContent and a VolumeSnapshot bound to it.
  const nightly = VolumeSnapshot.fromSnapshotHandle(chart, 'catalog-nightly', {
    snapshotHandle: 'projects/shop-prod/global/snapshots/catalog-2026-12-05',
    snapshotClass: BlockSnapshotClass.fromSnapshotClassName('pd-snapshots', BlockCsiDriver.GCE_PD),
    restoreSize: Size.gibibytes(100),
  });
  const restored = balanced.claim(chart, 'catalog-restored', { storage: Size.gibibytes(100), restoreFrom: nightly });
  // Scratch space: one claim per pod, made when the pod starts and deleted with it.
  const scratch = PodVolume.ephemeral(balanced.claimTemplate('scratch', { storage: Size.gibibytes(200), volumeMode: VolumeMode.FILESYSTEM }));
  // The same in a cdk8s-plus workload.
  const worker = new kplus.Deployment(chart, 'indexer', { containers: [{ image: 'busybox', command: ['sleep', '3600'], securityContext: { user: 1000 } }] });
  worker.containers[0].mount('/scratch', balanced.claimTemplate('scratch', { storage: Size.gibibytes(50) }).asEphemeralVolume(chart, 'indexer-scratch'));
  new StatefulStore(chart, 'catalog-db', {
    image: 'postgres:17.2',
    podSecurityContext: { fsGroup: 999 },
    volumes: [
      { mountPath: '/var/lib/postgresql/data', volume: PodVolume.fromClaim(source) },
      { mountPath: '/var/lib/postgresql/test', volume: PodVolume.fromClaim(copy) },
      { mountPath: '/var/lib/postgresql/restored', volume: PodVolume.fromClaim(restored) },
      { mountPath: '/scratch', volume: scratch },
    ],
  });
}
