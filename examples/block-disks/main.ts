import { App, Chart, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { AzureDiskCachingMode, AzureDiskSku, BlockDisk, BlockExistingVolume, BlockProvider, BlockStorageClass, EbsVolumeType, ExistingDiskAccessMode, FsType, GcePdType, StatefulStore } from 'cdk8s-storage';

/**
 * Block storage on four clouds with the driver options platform teams use, and
 * existing disks as static PVs: a GCE dataset disk that many pods read, and an
 * EBS volume restored from a snapshot that one database mounts.
 */
export function buildApp(app = new App()): App {
  classes(new Chart(app, 'block-classes'));
  datasetReaders(new Chart(app, 'ml', { namespace: 'ml' }));
  restoredDatabase(new Chart(app, 'restore', { namespace: 'restore' }));
  return app;
}

function classes(chart: Chart) {
  // EBS: tags for cost allocation (the PVC's namespace through the driver's template) and XFS made for many small files.
  new BlockStorageClass(chart, 'ebs-tagged', {
    provider: BlockProvider.ebs({
      volumeType: EbsVolumeType.GP3,
      fsType: FsType.XFS,
      kmsKeyId: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      tags: { 'cost-center': 'platform', 'team': '{{ .PVCNamespace }}' },
      formatOptions: { inodeSize: 512 },
    }),
  });
  // GCE Hyperdisk Balanced with provisioned performance; it also serves raw-block multi-writer claims.
  new BlockStorageClass(chart, 'hyperdisk', {
    provider: BlockProvider.gcePd({ diskType: GcePdType.HYPERDISK_BALANCED, provisionedIops: 6000, provisionedThroughputMibps: 290, labels: { team: 'platform' } }),
  });
  // Azure Premium SSD v2 (host caching None), shared by two nodes, in two zones, encrypted with our key.
  new BlockStorageClass(chart, 'azure-shared', {
    provider: BlockProvider.azureDisk({
      skuName: AzureDiskSku.PREMIUM_V2_LRS,
      cachingMode: AzureDiskCachingMode.NONE,
      maxShares: 2,
      diskEncryptionSetId: '/subscriptions/0000/resourceGroups/platform/providers/Microsoft.Compute/diskEncryptionSets/platform-des',
      tags: { 'cost-center': 'platform' },
    }),
    zones: ['westeurope-1', 'westeurope-2'],
  });
  // io2 whose IOPS follow the size (50 per GiB, also when a volume grows); restored volumes initialize at 200 MiB/s
  // and attach only once initialized.
  new BlockStorageClass(chart, 'ebs-io2-scaled', {
    provider: BlockProvider.ebs({
      volumeType: EbsVolumeType.IO2,
      iopsPerGb: 50,
      allowAutoIopsIncreaseOnModify: true,
      volumeInitializationRate: 200,
      blockAttachUntilInitialized: true,
    }),
  });
  // OCI Higher Performance with tag overrides, restricted to one availability domain.
  new BlockStorageClass(chart, 'oci-tagged', {
    provider: BlockProvider.oci({ vpusPerGb: 20, freeformTags: { team: 'platform' }, definedTags: { Operations: { CostCenter: '42' } } }),
    zones: ['PHX-AD-1'],
  });
}

function datasetReaders(chart: Chart) {
  // A populated GCE disk read by three pods at once: ReadOnlyMany, attached read-only to every node.
  const dataset = new BlockExistingVolume(chart, 'imagenet-disk', {
    disk: BlockDisk.gcePd({ project: 'ml-datasets', zone: 'europe-west1-b', name: 'imagenet-2012' }),
    capacity: Size.gibibytes(200),
  });
  const claim = dataset.claim(chart, 'imagenet', { accessMode: ExistingDiskAccessMode.READ_ONLY_MANY });
  const readers = new kplus.Deployment(chart, 'readers', {
    replicas: 3,
    containers: [{ image: 'busybox:1.36', command: ['sh', '-c', 'ls /data && sleep 3600'], securityContext: { user: 1000, group: 1000 } }],
  });
  readers.containers[0].mount('/data', claim, { readOnly: true });
}

function restoredDatabase(chart: Chart) {
  // An EBS volume restored from a snapshot outside Kubernetes, pinned to its zone, as the claim template of a
  // one-replica database: its PV is labelled for the template, which selects it (a disk gets one claim or one template).
  const restored = new BlockExistingVolume(chart, 'orders-restored', {
    disk: BlockDisk.ebs({ volumeId: 'vol-0a1b2c3d4e5f60718', zone: 'eu-west-1a' }),
    capacity: Size.gibibytes(100),
  });
  new StatefulStore(chart, 'orders-db', {
    image: 'postgres:16.4',
    replicas: 1,
    ports: [{ number: 5432, name: 'postgres' }],
    volumes: [{ mountPath: '/var/lib/postgresql/data', claim: restored.claimTemplate('data') }],
  });
}

if (require.main === module) buildApp().synth();
