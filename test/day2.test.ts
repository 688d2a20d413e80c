import { Size, Testing, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import {
  AzureDiskSku, BlockAttributesClass, BlockCsiDriver, BlockProvider, BlockSnapshotClass, BlockSnapshotProvider, BlockStorageClass,
  BlockVolumeAttributes, EbsVolumeType, EfsStorageClass, GcePdSnapshotType, GcePdType, LocalSsdVolume, OciBackupType, ReclaimPolicy,
  NfsCsiStorageClass, NfsSnapshotClass, SpdkCsiDriver, SpdkTargetType, StatefulStore, VolumeMode, VolumeSnapshot,
} from '../src';
import { expectValidManifests, find, newChart, synthValid } from './helpers/manifests';

const GI = (n: number) => Size.gibibytes(n);

function ebsSetup(chart: Chart) {
  const gp3 = new BlockStorageClass(chart, 'gp3', { provider: BlockProvider.ebs() });
  const snapshots = new BlockSnapshotClass(chart, 'ebs-snapshots', { provider: BlockSnapshotProvider.ebs() });
  return { gp3, snapshots };
}

describe('BlockSnapshotClass: a VolumeSnapshotClass per block driver, with the driver\'s own snapshot parameters', () => {
  test('EBS: Retain by default, tags as tagSpecification_N, Fast Snapshot Restore zones joined', () => {
    const chart = newChart();
    new BlockSnapshotClass(chart, 'ebs-snapshots', {
      provider: BlockSnapshotProvider.ebs({ tags: { team: 'db', env: 'prod' }, fastSnapshotRestoreZones: ['us-east-1a', 'us-east-1b'] }),
    });
    expect(find(synthValid(chart), 'VolumeSnapshotClass')).toEqual({
      apiVersion: 'snapshot.storage.k8s.io/v1',
      kind: 'VolumeSnapshotClass',
      metadata: { name: 'ebs-snapshots', annotations: expect.objectContaining({ 'argocd.argoproj.io/sync-options': 'Prune=false,Delete=false' }) },
      driver: 'ebs.csi.aws.com',
      deletionPolicy: 'Retain',
      parameters: { tagSpecification_1: 'env=prod', tagSpecification_2: 'team=db', fastSnapshotRestoreAvailabilityZones: 'us-east-1a,us-east-1b' },
    });
  });

  test('GCE PD: snapshot-type written out (snapshots by default), one storage location, images with a family, labels', () => {
    const chart = newChart();
    new BlockSnapshotClass(chart, 'pd', { provider: BlockSnapshotProvider.gcePd({ storageLocation: 'us-east1', labels: { team: 'db' } }), deletionPolicy: ReclaimPolicy.DELETE });
    new BlockSnapshotClass(chart, 'images', { provider: BlockSnapshotProvider.gcePd({ snapshotType: GcePdSnapshotType.IMAGES, imageFamily: 'pg' }) });
    const manifests = synthValid(chart);
    expect(find(manifests, 'VolumeSnapshotClass', 'pd')).toMatchObject({ driver: 'pd.csi.storage.gke.io', deletionPolicy: 'Delete', parameters: { 'snapshot-type': 'snapshots', 'storage-locations': 'us-east1', 'labels': 'team=db' } });
    expect(find(manifests, 'VolumeSnapshotClass', 'images').parameters).toEqual({ 'snapshot-type': 'images', 'image-family': 'pg' });
  });

  test('Azure Disk: incremental written out, resource group, tags, a copy to another region', () => {
    const chart = newChart();
    new BlockSnapshotClass(chart, 'azure', { provider: BlockSnapshotProvider.azureDisk({ resourceGroup: 'backups', location: 'westeurope', tags: { team: 'db' } }) });
    new BlockSnapshotClass(chart, 'full', { provider: BlockSnapshotProvider.azureDisk({ incremental: false }) });
    const manifests = synthValid(chart);
    expect(find(manifests, 'VolumeSnapshotClass', 'azure').parameters).toEqual({ incremental: 'true', resourceGroup: 'backups', location: 'westeurope', tags: 'team=db' });
    expect(find(manifests, 'VolumeSnapshotClass', 'full').parameters).toEqual({ incremental: 'false' });
  });

  test('OCI: backupType, free-form tags as the JSON the driver parses', () => {
    const chart = newChart();
    new BlockSnapshotClass(chart, 'oci', { provider: BlockSnapshotProvider.oci({ backupType: OciBackupType.FULL, freeformTags: { team: 'db', app: 'pg' } }) });
    expect(find(synthValid(chart), 'VolumeSnapshotClass').parameters).toEqual({ 'backupType': 'full', 'oci.oraclecloud.com/freeform-tags': '{"app":"pg","team":"db"}' });
  });

  test('isDefault: the annotation, one default per driver (the snapshot controller refuses a classless snapshot with two)', () => {
    const chart = newChart();
    new BlockSnapshotClass(chart, 'a', { provider: BlockSnapshotProvider.ebs(), isDefault: true });
    new BlockSnapshotClass(chart, 'gce', { provider: BlockSnapshotProvider.gcePd(), isDefault: true });
    expect(find(synthValid(chart), 'VolumeSnapshotClass', 'a').metadata.annotations['snapshot.storage.kubernetes.io/is-default-class']).toBe('true');
    expect(() => new BlockSnapshotClass(chart, 'b', { provider: BlockSnapshotProvider.ebs(), isDefault: true })).toThrow(
      'test/b (BlockSnapshotClass): invalid isDefault true. Allowed: one default snapshot class per driver, and test/a already makes "a" the default of ebs.csi.aws.com.');
  });

  test('parameters the driver would refuse are refused, naming the factory and the driver\'s words', () => {
    expect(() => BlockSnapshotProvider.gcePd({ storageLocation: 'us-east1,us-west1' })).toThrow(
      'BlockSnapshotProvider.gcePd(): invalid storageLocation "us-east1,us-west1". Allowed: one region ("us-east1") or multi-region ("us"), in lower case (the driver refuses "invalid location for snapshot")');
    expect(() => BlockSnapshotProvider.gcePd({ imageFamily: 'pg' })).toThrow('BlockSnapshotProvider.gcePd(): invalid imageFamily "pg". Allowed: an image family with snapshotType IMAGES only');
    expect(() => BlockSnapshotProvider.azureDisk({ incremental: false, location: 'westeurope' })).toThrow(
      'invalid location "westeurope". Allowed: a copy to another region of incremental snapshots only (the driver refuses "could not create snapshot cross region with incremental is false")');
    expect(() => BlockSnapshotProvider.ebs({ tags: { CSIVolumeName: 'x' } })).toThrow('BlockSnapshotProvider.ebs(): invalid tags "CSIVolumeName=x". Allowed: a key other than CSIVolumeName');
    expect(() => BlockSnapshotProvider.ebs({ fastSnapshotRestoreZones: ['east'] })).toThrow('BlockSnapshotProvider.ebs(): invalid fastSnapshotRestoreZones "east"');
    expect(() => BlockSnapshotProvider.oci({ backupType: 'FULL' as any })).toThrow('BlockSnapshotProvider.oci(): invalid backupType "FULL"');
    expect(() => BlockSnapshotProvider.ebs({ tag: {} } as any)).toThrow('BlockSnapshotProvider.ebs(): invalid tag {}. Allowed: the props of EbsSnapshotOptions');
  });

  test('a class the cluster has is imported by name and driver', () => {
    expect(BlockSnapshotClass.fromSnapshotClassName('csi-aws-vsc', BlockCsiDriver.EBS)).toEqual({ snapshotClassName: 'csi-aws-vsc', driver: 'ebs.csi.aws.com' });
    expect(() => BlockSnapshotClass.fromSnapshotClassName('x', 'ebs' as any)).toThrow('BlockSnapshotClass.fromSnapshotClassName: invalid driver "ebs"');
  });
});

describe('VolumeSnapshot: of a claim, of a StatefulStore replica, or imported from another cluster', () => {
  test('of a claim: the claim by name and the class; prune-protected', () => {
    const chart = newChart('db');
    const { gp3, snapshots } = ebsSetup(chart);
    const data = gp3.claim(chart, 'data', { storage: GI(20) });
    const snap = VolumeSnapshot.ofClaim(chart, 'before-upgrade', { claim: data, snapshotClass: snapshots });
    expect(snap.restoreSize.asString()).toBe('20Gi');
    const manifest = find(synthValid(chart), 'VolumeSnapshot');
    expect(manifest.metadata).toMatchObject({ name: 'before-upgrade', namespace: 'db' });
    expect(manifest.metadata.annotations['argocd.argoproj.io/sync-options']).toBe('Prune=false,Delete=false');
    expect(manifest.spec).toEqual({ volumeSnapshotClassName: 'ebs-snapshots', source: { persistentVolumeClaimName: 'data' } });
  });

  test('a class of another driver, a claim no driver snapshots, a claim of another namespace: refused', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'prod', { namespace: 'prod' });
    const { gp3, snapshots } = ebsSetup(chart);
    const efs = new EfsStorageClass(chart, 'efs', { fileSystemId: 'fs-12345678' });
    const shared = efs.claim(chart, 'shared', {});
    expect(() => VolumeSnapshot.ofClaim(chart, 's1', { claim: shared, snapshotClass: snapshots })).toThrow(
      'prod/s1 (VolumeSnapshot): invalid snapshotClass "ebs-snapshots". Allowed: a snapshot class of the claim\'s driver efs.csi.aws.com; "ebs-snapshots" is of ebs.csi.aws.com');
    const ssd = new LocalSsdVolume(chart, 'ssd', { disks: [{ node: 'n1', path: '/mnt/ssd0', capacity: GI(100) }] });
    expect(() => VolumeSnapshot.ofClaim(chart, 's2', { claim: ssd.claim(chart, 'local', { storage: GI(10) }), snapshotClass: snapshots })).toThrow(
      /invalid claim .*Allowed: a claim of a CSI driver that takes snapshots; this one binds a hand-written PV/);
    const staging = new Chart(app, 'staging', { namespace: 'staging' });
    expect(() => VolumeSnapshot.ofClaim(staging, 's3', { claim: gp3.claim(chart, 'data', { storage: GI(10) }), snapshotClass: snapshots })).toThrow(
      'staging/s3 (VolumeSnapshot): invalid claim "data". Allowed: a claim in the snapshot\'s namespace (staging); the claim is in prod');
    expect(() => VolumeSnapshot.ofClaim(chart, 's4', { claim: 'data' as any, snapshotClass: snapshots })).toThrow('prod/s4 (VolumeSnapshot): invalid claim "data". Allowed: a VolumeClaim');
  });

  test('fromSnapshotHandle: a VolumeSnapshotContent naming the driver\'s snapshot, bound both ways to a VolumeSnapshot', () => {
    const chart = newChart('dr');
    const snap = VolumeSnapshot.fromSnapshotHandle(chart, 'nightly', {
      snapshotHandle: 'snap-0123456789abcdef0',
      snapshotClass: BlockSnapshotClass.fromSnapshotClassName('csi-aws-vsc', BlockCsiDriver.EBS),
      restoreSize: GI(100),
      sourceVolumeMode: VolumeMode.BLOCK,
      allowVolumeModeChange: true,
    });
    const manifests = synthValid(chart);
    const content = find(manifests, 'VolumeSnapshotContent');
    expect(content.metadata.name).toBe('dr-nightly');
    expect(content.metadata.namespace).toBeUndefined();
    expect(content.metadata.annotations['snapshot.storage.kubernetes.io/allow-volume-mode-change']).toBe('true');
    expect(content.spec).toEqual({
      deletionPolicy: 'Retain',
      driver: 'ebs.csi.aws.com',
      source: { snapshotHandle: 'snap-0123456789abcdef0' },
      sourceVolumeMode: 'Block',
      volumeSnapshotClassName: 'csi-aws-vsc',
      volumeSnapshotRef: { name: 'nightly', namespace: 'dr' },
    });
    expect(find(manifests, 'VolumeSnapshot').spec).toEqual({ volumeSnapshotClassName: 'csi-aws-vsc', source: { volumeSnapshotContentName: 'dr-nightly' } });
    expect(snap.sourceVolumeMode).toBe(VolumeMode.BLOCK);
  });

  test('fromSnapshotHandle needs a namespace (the content names it) and a size', () => {
    const cls = BlockSnapshotClass.fromSnapshotClassName('csi-aws-vsc', BlockCsiDriver.EBS);
    expect(() => VolumeSnapshot.fromSnapshotHandle(newChart(), 'n', { snapshotHandle: 'snap-1', snapshotClass: cls, restoreSize: GI(1) })).toThrow(
      'test/n (VolumeSnapshot): invalid scope "test". Allowed: a chart with a namespace: the VolumeSnapshotContent names the namespace of the VolumeSnapshot it is bound to');
    expect(() => VolumeSnapshot.fromSnapshotHandle(newChart('dr'), 'n', { snapshotHandle: '', snapshotClass: cls } as any)).toThrow('n (VolumeSnapshot): invalid snapshotHandle ""');
  });
});

describe('restoreFrom and cloneFrom: claims made from a snapshot or a claim, by the provisioner\'s rules', () => {
  test('a restore writes dataSource and dataSourceRef alike (the API server would copy one into the other: drift)', () => {
    const chart = newChart();
    const { gp3, snapshots } = ebsSetup(chart);
    const snap = VolumeSnapshot.ofClaim(chart, 'snap', { claim: gp3.claim(chart, 'data', { storage: GI(20) }), snapshotClass: snapshots });
    gp3.claim(chart, 'restored', { storage: GI(30), restoreFrom: snap });
    const ref = { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: 'snap' };
    expect(find(synthValid(chart), 'PersistentVolumeClaim', 'restored').spec).toMatchObject({ dataSource: ref, dataSourceRef: ref, resources: { requests: { storage: '30Gi' } } });
  });

  test('a restore smaller than the snapshot, in another volume mode, or by another driver is refused', () => {
    const chart = newChart();
    const { gp3, snapshots } = ebsSetup(chart);
    const snap = VolumeSnapshot.ofClaim(chart, 'snap', { claim: gp3.claim(chart, 'data', { storage: GI(20) }), snapshotClass: snapshots });
    expect(() => gp3.claim(chart, 'small', { storage: GI(10), restoreFrom: snap })).toThrow(
      'test/small (VolumeClaim) on test/gp3 (BlockStorageClass): invalid restoreFrom "snap". Allowed: a claim of at least the source\'s 20Gi, and it asks for 10Gi: '
      + 'the provisioner refuses a smaller volume. Fix: ask for 20Gi or more');
    expect(() => gp3.claim(chart, 'raw', { storage: GI(20), volumeMode: VolumeMode.BLOCK, restoreFrom: snap })).toThrow(
      'Allowed: a claim of the source\'s volume mode Filesystem, not Block: the provisioner refuses to change it unless the snapshot content carries snapshot.storage.kubernetes.io/allow-volume-mode-change: "true"');
    const pd = new BlockStorageClass(chart, 'pd', { provider: BlockProvider.gcePd({ diskType: GcePdType.PD_SSD }) });
    expect(() => pd.claim(chart, 'other', { storage: GI(20), restoreFrom: snap })).toThrow(
      'Allowed: a source made by the claim\'s driver pd.csi.storage.gke.io; it was made by ebs.csi.aws.com, and a driver restores and clones only its own volumes');
    expect(() => gp3.claim(chart, 'both', { storage: GI(20), restoreFrom: snap, cloneFrom: gp3.claim(chart, 'x', { storage: GI(1) }) })).toThrow('Allowed: one source: restoreFrom or cloneFrom');
  });

  test('a restore asks for at least the volume the driver made: EBS rounds 1500Mi up to 2Gi, and the snapshot reports 2Gi', () => {
    const chart = newChart();
    const { gp3, snapshots } = ebsSetup(chart);
    const odd = gp3.claim(chart, 'odd', { storage: Size.mebibytes(1500) });
    const snap = VolumeSnapshot.ofClaim(chart, 'odd-snap', { claim: odd, snapshotClass: snapshots });
    expect(snap.restoreSize.asString()).toBe('2Gi');
    expect(() => gp3.claim(chart, 'same-request', { storage: Size.mebibytes(1500), restoreFrom: snap })).toThrow('Allowed: a claim of at least the source\'s 2Gi, and it asks for 1500Mi');
    gp3.claim(chart, 'restored', { storage: GI(2), restoreFrom: snap });
    // A clone is compared with the source's request (external-provisioner reads the source claim's spec).
    gp3.claim(chart, 'clone', { storage: Size.mebibytes(1500), cloneFrom: odd });
    expect(find(synthValid(chart), 'PersistentVolumeClaim', 'clone').spec.resources.requests.storage).toBe('1500Mi');
  });

  test('the content\'s allow-volume-mode-change annotation lets a Block snapshot restore as Filesystem', () => {
    const chart = newChart('dr');
    const gp3 = new BlockStorageClass(chart, 'gp3', { provider: BlockProvider.ebs() });
    const snap = VolumeSnapshot.fromSnapshotHandle(chart, 'n', {
      snapshotHandle: 'snap-1', snapshotClass: BlockSnapshotClass.fromSnapshotClassName('v', BlockCsiDriver.EBS), restoreSize: GI(8), sourceVolumeMode: VolumeMode.BLOCK, allowVolumeModeChange: true,
    });
    gp3.claim(chart, 'fs', { storage: GI(8), restoreFrom: snap });
    expect(find(synthValid(chart), 'PersistentVolumeClaim', 'fs').spec.volumeMode).toBe('Filesystem');
  });

  test('a clone: same class, size and mode; refused in another class, another namespace, or smaller', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'prod', { namespace: 'prod' });
    const { gp3 } = ebsSetup(chart);
    const io2 = new BlockStorageClass(chart, 'io2', { provider: BlockProvider.ebs({ volumeType: EbsVolumeType.IO2, iops: 3000 }) });
    const data = gp3.claim(chart, 'data', { storage: GI(20) });
    gp3.claim(chart, 'copy', { storage: GI(20), cloneFrom: data });
    expect(find(synthValid(chart), 'PersistentVolumeClaim', 'copy').spec.dataSourceRef).toEqual({ kind: 'PersistentVolumeClaim', name: 'data' });
    expect(() => io2.claim(chart, 'faster', { storage: GI(20), cloneFrom: data })).toThrow(
      'Allowed: a clone in the source\'s class "gp3", not "io2": external-provisioner refuses it ("the source PVC and destination PVCs must be in the same storage class for cloning")');
    expect(() => gp3.claim(chart, 'small', { storage: GI(10), cloneFrom: data })).toThrow('a claim of at least the source\'s 20Gi, and it asks for 10Gi');
    const staging = new Chart(app, 'staging', { namespace: 'staging' });
    expect(() => gp3.claim(staging, 'copy', { storage: GI(20), cloneFrom: data })).toThrow(
      'staging/copy (VolumeClaim): invalid cloneFrom "data". Allowed: a source in the claim\'s namespace (staging); the source is in prod');
  });

  test('a StatefulStore seeded from one snapshot of replica 0: every replica restores it; a store of another namespace cannot', () => {
    const app = Testing.app();
    const prod = new Chart(app, 'prod', { namespace: 'prod' });
    const { gp3, snapshots } = ebsSetup(prod);
    const data = gp3.claimTemplate('data', { storage: GI(50) });
    const db = new StatefulStore(prod, 'db', { image: 'postgres:17', replicas: 3, volumes: [{ claim: data, mountPath: '/var/lib/postgresql/data' }] });
    const snap = db.snapshotReplica(prod, 'before-upgrade', { template: data, ordinal: 0, snapshotClass: snapshots });
    const seeded = gp3.claimTemplate('data', { storage: GI(50), restoreFrom: snap });
    new StatefulStore(prod, 'copy', { image: 'postgres:17', replicas: 2, volumes: [{ claim: seeded, mountPath: '/var/lib/postgresql/data' }] });
    const manifests = synthValid(prod);
    expect(find(manifests, 'VolumeSnapshot').spec.source).toEqual({ persistentVolumeClaimName: 'data-db-0' });
    const template = find(manifests, 'StatefulSet', 'copy').spec.volumeClaimTemplates[0];
    expect(template.spec.dataSourceRef).toEqual({ apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: 'before-upgrade' });
    const staging = new Chart(app, 'staging', { namespace: 'staging' });
    expect(() => new StatefulStore(staging, 'db', { image: 'postgres:17', volumes: [{ claim: seeded, mountPath: '/data' }] })).toThrow(
      'claim template "data" on prod/gp3 (BlockStorageClass): invalid restoreFrom "before-upgrade". Allowed: a source in the claim\'s namespace (staging); the source is in prod');
    expect(() => db.snapshotReplica(prod, 'x', { template: data, ordinal: 3, snapshotClass: snapshots })).toThrow('invalid ordinal 3. Allowed: an ordinal of a replica: 0 to 2');
  });
});

describe('BlockAttributesClass: VolumeAttributesClass (storage.k8s.io/v1) per driver that modifies volumes', () => {
  test('EBS: the driver\'s case-sensitive keys; a claim names it; the class must fit the claim\'s volume type', () => {
    const chart = newChart();
    const gp3 = new BlockStorageClass(chart, 'gp3', { provider: BlockProvider.ebs() });
    const fast = new BlockAttributesClass(chart, 'fast', { attributes: BlockVolumeAttributes.ebs({ iops: 6000, throughput: 500 }) });
    gp3.claim(chart, 'data', { storage: GI(100), attributesClass: fast });
    const manifests = synthValid(chart);
    expect(find(manifests, 'VolumeAttributesClass')).toMatchObject({ apiVersion: 'storage.k8s.io/v1', metadata: { name: 'fast' }, driverName: 'ebs.csi.aws.com', parameters: { iops: '6000', throughput: '500' } });
    expect(find(manifests, 'PersistentVolumeClaim').spec.volumeAttributesClassName).toBe('fast');
    const gp2 = new BlockStorageClass(chart, 'gp2', { provider: BlockProvider.ebs({ volumeType: EbsVolumeType.GP2 }) });
    expect(() => gp2.claim(chart, 'old', { storage: GI(100), attributesClass: fast })).toThrow(
      /invalid attributesClass "fast". Allowed: attributes a volume of class "gp2" can take: throughput "500" on the modified volume: throughput only with gp3/);
  });

  test('EBS: the modified volume is the class\'s volume with the attributes applied', () => {
    const chart = newChart();
    const tuned = new BlockStorageClass(chart, 'tuned', { provider: BlockProvider.ebs({ iopsPerGb: 50, throughput: 500 }) });
    const iops = new BlockAttributesClass(chart, 'iops', { attributes: BlockVolumeAttributes.ebs({ iops: 6000 }) });
    const gp2 = new BlockAttributesClass(chart, 'to-gp2', { attributes: BlockVolumeAttributes.ebs({ volumeType: EbsVolumeType.GP2 }) });
    // iops replaces the class's iopsPerGB (the driver takes one of them); the class's throughput stays on gp3.
    tuned.claim(chart, 'a', { storage: GI(100), attributesClass: iops });
    // To gp2, the class's throughput would stay: AWS refuses throughput on gp2.
    expect(() => tuned.claim(chart, 'b', { storage: GI(100), attributesClass: gp2 })).toThrow('throughput "500" on the modified volume: throughput only with gp3');
    expect(find(synthValid(chart), 'PersistentVolumeClaim', 'a').spec.volumeAttributesClassName).toBe('iops');
  });

  test('GCE: Hyperdisk only, throughput as MiB quantity; Azure: IOPS on UltraSSD and PremiumV2 only', () => {
    const chart = newChart();
    const hd = new BlockStorageClass(chart, 'hd', { provider: BlockProvider.gcePd({ diskType: GcePdType.HYPERDISK_BALANCED }) });
    const ssd = new BlockStorageClass(chart, 'ssd', { provider: BlockProvider.gcePd({ diskType: GcePdType.PD_SSD }) });
    const more = new BlockAttributesClass(chart, 'more', { attributes: BlockVolumeAttributes.gcePd({ iops: 6000, throughputMibps: 290 }) });
    hd.claim(chart, 'data', { storage: GI(100), attributesClass: more });
    expect(find(synthValid(chart), 'VolumeAttributesClass').parameters).toEqual({ iops: '6000', throughput: '290Mi' });
    expect(() => ssd.claim(chart, 'x', { storage: GI(100), attributesClass: more })).toThrow('Allowed: attributes a volume of class "ssd" can take: iops on hyperdisk-balanced or hyperdisk-extreme ("Cannot specify IOPS for disk type pd-ssd")');
    const premium = new BlockStorageClass(chart, 'premium', { provider: BlockProvider.azureDisk({ skuName: AzureDiskSku.PREMIUM_LRS }) });
    const iops = new BlockAttributesClass(chart, 'iops', { attributes: BlockVolumeAttributes.azureDisk({ diskIopsReadWrite: 5000 }) });
    expect(() => premium.claim(chart, 'y', { storage: GI(100), attributesClass: iops })).toThrow('IOPS and throughput on UltraSSD_LRS or PremiumV2_LRS disks, and this one is Premium_LRS');
  });

  test('a class of another driver, OCI (no MODIFY_VOLUME), an empty class: refused', () => {
    const chart = newChart();
    const gp3 = new BlockStorageClass(chart, 'gp3', { provider: BlockProvider.ebs() });
    const gce = BlockAttributesClass.fromAttributesClassName('hd-fast', BlockCsiDriver.GCE_PD);
    expect(() => gp3.claim(chart, 'd', { storage: GI(10), attributesClass: gce })).toThrow(
      'invalid attributesClass "hd-fast". Allowed: a VolumeAttributesClass of the claim\'s driver ebs.csi.aws.com; "hd-fast" is of pd.csi.storage.gke.io');
    expect(() => BlockAttributesClass.fromAttributesClassName('x', BlockCsiDriver.OCI)).toThrow('BlockAttributesClass.fromAttributesClassName: invalid driver "blockvolume.csi.oraclecloud.com". Allowed: a driver that modifies volumes');
    expect(() => BlockVolumeAttributes.ebs({})).toThrow('BlockVolumeAttributes.ebs(): invalid attributes {}. Allowed: at least one of volumeType, iops, throughput or tags');
    expect(() => BlockVolumeAttributes.ebs({ iops: 1.5 })).toThrow('BlockVolumeAttributes.ebs(): invalid iops 1.5');
  });
});

describe('the vendored snapshot CRD schemas judge what tests synthesize, with their CEL rules', () => {
  const snapshot = (source: object) => ({ apiVersion: 'snapshot.storage.k8s.io/v1', kind: 'VolumeSnapshot', metadata: { name: 's', namespace: 'n' }, spec: { source } });
  test('a VolumeSnapshot with both sources, or none, is refused as the CRD\'s CEL rule refuses it', () => {
    expect(() => expectValidManifests([snapshot({ persistentVolumeClaimName: 'a', volumeSnapshotContentName: 'b' })])).toThrow(
      'VolumeSnapshot s fails the Kubernetes schema: spec.source: exactly one of volumeSnapshotContentName and persistentVolumeClaimName must be set');
    expect(() => expectValidManifests([snapshot({})])).toThrow('exactly one of volumeSnapshotContentName and persistentVolumeClaimName must be set');
    expect(() => expectValidManifests([snapshot({ persistentVolumeClaimName: 'a' })])).not.toThrow();
  });

  test('a content without its snapshot\'s namespace, and an unknown field, are refused', () => {
    const content = {
      apiVersion: 'snapshot.storage.k8s.io/v1',
      kind: 'VolumeSnapshotContent',
      metadata: { name: 'c' },
      spec: { deletionPolicy: 'Retain', driver: 'ebs.csi.aws.com', source: { snapshotHandle: 'snap-1' }, volumeSnapshotRef: { name: 's' } },
    };
    expect(() => expectValidManifests([content])).toThrow('spec.volumeSnapshotRef: both spec.volumeSnapshotRef.name and spec.volumeSnapshotRef.namespace must be set');
    expect(() => expectValidManifests([{ ...snapshot({ persistentVolumeClaimName: 'a' }), extra: 1 }])).toThrow('must NOT have additional properties');
  });
});

describe('NFS CSI and SPDK: their drivers snapshot (and NFS clones), with each driver\'s own size rule', () => {
  test('NfsSnapshotClass: where the archives go, the driver\'s three keys; a restore and a clone of NFS claims', () => {
    const chart = newChart('files');
    const nfs = new NfsCsiStorageClass(chart, 'nfs', { server: 'nfs.example.com', share: '/exports' });
    const archives = new NfsSnapshotClass(chart, 'nfs-snapshots', { server: 'backup.example.com', share: '/snapshots', mountOptions: ['nfsvers=4.1', 'hard'] });
    const shared = nfs.claim(chart, 'shared', { storage: GI(100) });
    const snap = VolumeSnapshot.ofClaim(chart, 'shared-nightly', { claim: shared, snapshotClass: archives });
    // The snapshot's size is its archive's, so a restore's size is not judged against the claim's; a clone's is.
    nfs.claim(chart, 'restored', { storage: GI(10), restoreFrom: snap });
    nfs.claim(chart, 'copy', { storage: GI(100), cloneFrom: shared });
    const manifests = synthValid(chart);
    expect(find(manifests, 'VolumeSnapshotClass')).toMatchObject({
      driver: 'nfs.csi.k8s.io', deletionPolicy: 'Retain', parameters: { server: 'backup.example.com', share: '/snapshots', mountOptions: 'nfsvers=4.1,hard' },
    });
    expect(find(manifests, 'PersistentVolumeClaim', 'restored').spec.dataSourceRef).toEqual({ apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: 'shared-nightly' });
    expect(find(manifests, 'PersistentVolumeClaim', 'copy').spec.dataSource).toEqual({ kind: 'PersistentVolumeClaim', name: 'shared' });
    expect(() => nfs.claim(chart, 'small', { storage: GI(10), cloneFrom: shared })).toThrow('a claim of at least the source\'s 100Gi, and it asks for 10Gi');
    expect(() => new NfsSnapshotClass(chart, 'bad', { share: '/a/../b' })).toThrow('test/bad (NfsSnapshotClass): invalid share "/a/../b". Allowed: a path without a ".." segment');
    expect(() => new NfsSnapshotClass(chart, 'bad2', { mountOptions: ['a,b'] })).toThrow('invalid mountOptions "a,b". Allowed: one or more options, each without ","');
    expect(NfsSnapshotClass.fromSnapshotClassName('csi-nfs-snapclass')).toEqual({ snapshotClassName: 'csi-nfs-snapclass', driver: 'nfs.csi.k8s.io' });
  });

  test('SPDK: the driver\'s snapshot class; a restore asks exactly the snapshot\'s size (spdk-csi clones the snapshot without growing it)', () => {
    const chart = newChart('db');
    const target = { name: 'spdk-1', rpcUrl: 'http://192.168.10.118:9009', targetType: SpdkTargetType.NVME_TCP, targetAddress: '192.168.10.118' };
    const spdk = new SpdkCsiDriver(chart, 'spdk', { targets: [target], snapshots: true, createNamespace: false });
    expect(new SpdkCsiDriver(newChart(), 'plain', { targets: [target] }).snapshotClass).toBeUndefined();
    const data = spdk.claim(chart, 'data', { storage: GI(20) });
    const snap = VolumeSnapshot.ofClaim(chart, 'before', { claim: data, snapshotClass: spdk.snapshotClass! });
    spdk.claim(chart, 'restored', { storage: GI(20), restoreFrom: snap });
    expect(find(synthValid(chart), 'VolumeSnapshot').spec.volumeSnapshotClassName).toBe('csi-spdk-snapclass');
    expect(() => spdk.claim(chart, 'bigger', { storage: GI(40), restoreFrom: snap })).toThrow(
      'invalid restoreFrom "before". Allowed: a claim of exactly the snapshot\'s 20Gi, and it asks for 40Gi: csi.spdk.io restores a snapshot at its own size and does not grow it');
    expect(() => spdk.claim(chart, 'smaller', { storage: GI(10), restoreFrom: snap })).toThrow('a claim of at least the source\'s 20Gi, and it asks for 10Gi');
  });
});

describe('ClaimTemplate.asEphemeralVolume: scratch space in cdk8s-plus workloads', () => {
  test('a Deployment mounts it: one claim per pod, from the template\'s spec', () => {
    const chart = newChart();
    const gp3 = new BlockStorageClass(chart, 'gp3', { provider: BlockProvider.ebs() });
    const scratch = gp3.claimTemplate('scratch', { storage: GI(50) }).asEphemeralVolume(chart, 'scratch');
    const web = new kplus.Deployment(chart, 'web', { replicas: 3, containers: [{ image: 'nginx', securityContext: { user: 1000 }, portNumber: 8080 }] });
    web.containers[0].mount('/scratch', scratch);
    const pod = find(synthValid(chart), 'Deployment').spec.template.spec;
    expect(pod.volumes).toEqual([{
      name: 'scratch',
      ephemeral: { volumeClaimTemplate: { spec: { storageClassName: 'gp3', accessModes: ['ReadWriteOnce'], volumeMode: 'Filesystem', resources: { requests: { storage: '50Gi' } } } } },
    }]);
    expect(pod.containers[0].volumeMounts).toEqual([{ name: 'scratch', mountPath: '/scratch' }]);
  });

  test('a Block template, one with a VolumeAttributesClass, one restored from another namespace\'s snapshot: refused', () => {
    const app = Testing.app();
    const prod = new Chart(app, 'prod', { namespace: 'prod' });
    const { gp3, snapshots } = ebsSetup(prod);
    expect(() => gp3.claimTemplate('raw', { storage: GI(5), volumeMode: VolumeMode.BLOCK }).asEphemeralVolume(prod, 'raw')).toThrow(
      'claim template "raw" on prod/gp3 (BlockStorageClass): asEphemeralVolume: invalid volumeMode "Block". Allowed: a Filesystem template: cdk8s-plus mounts volumes at paths');
    const fast = new BlockAttributesClass(prod, 'fast', { attributes: BlockVolumeAttributes.ebs({ iops: 4000 }) });
    expect(() => gp3.claimTemplate('tuned', { storage: GI(5), attributesClass: fast }).asEphemeralVolume(prod, 'tuned')).toThrow(
      'invalid attributesClass "fast". Allowed: a template without a VolumeAttributesClass: cdk8s-plus-27 renders pod specs through the Kubernetes 1.27 types, which would drop it');
    const snap = VolumeSnapshot.ofClaim(prod, 'snap', { claim: gp3.claim(prod, 'data', { storage: GI(5) }), snapshotClass: snapshots });
    const seeded = gp3.claimTemplate('seeded', { storage: GI(5), restoreFrom: snap });
    expect(() => seeded.asEphemeralVolume(new Chart(app, 'dev', { namespace: 'dev' }), 'seeded')).toThrow('invalid restoreFrom "snap". Allowed: a source in the claim\'s namespace (dev); the source is in prod');
    expect(seeded.asEphemeralVolume(prod, 'seeded').name).toBe('seeded');
  });
});
