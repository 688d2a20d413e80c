import { Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { BlockDisk, BlockExistingVolume, ExistingDiskAccessMode, FsType, GcePdType, StatefulStore, VolumeMode } from '../src';
import { find, newChart, PRUNE_PROTECTED, synthValid } from './helpers/manifests';

const zoneAffinity = (key: string, zones: string[]) => ({
  required: { nodeSelectorTerms: [{ matchExpressions: [{ key, operator: 'In', values: zones }] }] },
});

describe('BlockExistingVolume: an existing disk as a static PV and the one claim pinned to it', () => {
  test('a GCE disk read by many nodes: the seed\'s ~20 raw lines', () => {
    const chart = newChart('ml');
    const dataset = new BlockExistingVolume(chart, 'dataset', {
      disk: BlockDisk.gcePd({ project: 'my-project', zone: 'europe-west1-b', name: 'imagenet' }),
      capacity: Size.gibibytes(200),
    });
    const claim = dataset.claim(chart, 'imagenet', { accessMode: ExistingDiskAccessMode.READ_ONLY_MANY });
    const readers = new kplus.Deployment(chart, 'readers', { replicas: 3, containers: [{ image: 'busybox', securityContext: { user: 1000 } }] });
    readers.containers[0].mount('/data', claim, { readOnly: true });
    const manifests = synthValid(chart);
    expect(find(manifests, 'PersistentVolume')).toEqual({
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: 'dataset', labels: { 'block.cdk8s-storage.io/volume': 'dataset' }, annotations: PRUNE_PROTECTED },
      spec: {
        capacity: { storage: '200Gi' },
        accessModes: ['ReadOnlyMany'],
        volumeMode: 'Filesystem',
        persistentVolumeReclaimPolicy: 'Retain',
        claimRef: { name: 'imagenet', namespace: 'ml' },
        nodeAffinity: zoneAffinity('topology.gke.io/zone', ['europe-west1-b']),
        csi: { driver: 'pd.csi.storage.gke.io', volumeHandle: 'projects/my-project/zones/europe-west1-b/disks/imagenet', fsType: 'ext4', readOnly: true },
      },
    });
    expect(find(manifests, 'PersistentVolumeClaim').spec).toEqual({
      accessModes: ['ReadOnlyMany'],
      volumeMode: 'Filesystem',
      storageClassName: '',
      volumeName: 'dataset',
      selector: { matchLabels: { 'block.cdk8s-storage.io/volume': 'dataset' } },
      resources: { requests: { storage: '200Gi' } },
    });
  });

  test.each<[string, BlockDisk, string, string, string[]]>([
    ['EBS', BlockDisk.ebs({ volumeId: 'vol-0123456789abcdef0', zone: 'eu-west-1a' }), 'ebs.csi.aws.com', 'vol-0123456789abcdef0', ['topology.kubernetes.io/zone', 'eu-west-1a']],
    ['OCI', BlockDisk.oci({ volumeId: 'ocid1.volume.oc1.phx.abyhqljrgvttnlx73nmrwfaux7kcvzfs3s66izvxf2h4lgvyndsdsnoiwr5q', availabilityDomain: 'PHX-AD-1' }),
      'blockvolume.csi.oraclecloud.com', 'ocid1.volume.oc1.phx.abyhqljrgvttnlx73nmrwfaux7kcvzfs3s66izvxf2h4lgvyndsdsnoiwr5q', ['topology.kubernetes.io/zone', 'PHX-AD-1']],
    ['Azure, zonal', BlockDisk.azureDisk({ diskUri: '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Compute/disks/data', zone: 'eastus2-1' }),
      'disk.csi.azure.com', '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Compute/disks/data', ['topology.disk.csi.azure.com/zone', 'eastus2-1']],
    ['GCE regional', BlockDisk.gcePdRegional({ project: 'my-project', region: 'europe-west1', replicaZones: ['europe-west1-b', 'europe-west1-c'], name: 'pg' }),
      'pd.csi.storage.gke.io', 'projects/my-project/regions/europe-west1/disks/pg', ['topology.gke.io/zone', 'europe-west1-b', 'europe-west1-c']],
  ])('%s: the handle the driver expects and the zone it attaches in', (_, disk, driver, volumeHandle, [key, ...zones]) => {
    const chart = newChart();
    new BlockExistingVolume(chart, 'disk', { disk, capacity: Size.gibibytes(50), fsType: FsType.XFS }).claim(chart, 'data');
    const pv = find(synthValid(chart), 'PersistentVolume').spec;
    expect(pv.csi).toEqual({ driver, volumeHandle, fsType: 'xfs' });
    expect(pv.nodeAffinity).toEqual(zoneAffinity(key, zones));
    expect(pv.accessModes).toEqual(['ReadWriteOnce']);
  });

  test('an Azure disk without a zone is pinned to nodes outside zones (zone label ""); a zone-redundant one attaches anywhere', () => {
    const uri = '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Compute/disks/d';
    const affinity = (disk: BlockDisk) => {
      const chart = newChart();
      new BlockExistingVolume(chart, 'disk', { disk, capacity: Size.gibibytes(8) }).claim(chart, 'd');
      return find(synthValid(chart), 'PersistentVolume').spec.nodeAffinity;
    };
    // azuredisk-csi-driver d983d613 NodeGetInfo reports topology.disk.csi.azure.com/zone "" on nodes outside availability zones.
    expect(affinity(BlockDisk.azureDisk({ diskUri: uri }))).toEqual({
      required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'topology.disk.csi.azure.com/zone', operator: 'In', values: [''] }] }] },
    });
    expect(affinity(BlockDisk.azureDisk({ diskUri: uri, zoneRedundant: true }))).toBeUndefined();
    expect(() => BlockDisk.azureDisk({ diskUri: uri, zone: 'eastus2-1', zoneRedundant: true })).toThrow(
      'BlockDisk.azureDisk: invalid zone "eastus2-1". Allowed: no zone on a zone-redundant disk (it has none). Fix: remove zone, or zoneRedundant');
  });

  test('a raw device: Block on the PV and the claim, no fsType; ReadWriteOncePod', () => {
    const chart = newChart();
    const disk = new BlockExistingVolume(chart, 'raw', { disk: BlockDisk.ebs({ volumeId: 'vol-01234567', zone: 'eu-west-1a' }), capacity: Size.gibibytes(100) });
    const claim = disk.claim(chart, 'device', { volumeMode: VolumeMode.BLOCK, accessMode: ExistingDiskAccessMode.READ_WRITE_ONCE_POD });
    const manifests = synthValid(chart);
    expect(find(manifests, 'PersistentVolume').spec).toMatchObject({ volumeMode: 'Block', accessModes: ['ReadWriteOncePod'], csi: { driver: 'ebs.csi.aws.com', volumeHandle: 'vol-01234567' } });
    expect(find(manifests, 'PersistentVolume').spec.csi.fsType).toBeUndefined();
    expect(find(manifests, 'PersistentVolumeClaim').spec).toMatchObject({ volumeMode: 'Block', accessModes: ['ReadWriteOncePod'], storageClassName: '' });
    expect(claim.volumeMode).toBe(VolumeMode.BLOCK);
  });

  test('ReadOnlyMany only on a GCE disk as a Filesystem', () => {
    const ebs = new BlockExistingVolume(newChart(), 'd', { disk: BlockDisk.ebs({ volumeId: 'vol-01234567', zone: 'eu-west-1a' }), capacity: Size.gibibytes(8) });
    expect(() => ebs.claim(newChart(), 'r', { accessMode: ExistingDiskAccessMode.READ_ONLY_MANY })).toThrow(
      'test/r (VolumeClaim) on test/d (BlockExistingVolume): invalid accessMode "ReadOnlyMany". Allowed: ReadOnlyMany only on a GCE disk as a Filesystem (AWS EBS attaches to one node). ' +
      'Fix: use ExistingDiskAccessMode.READ_WRITE_ONCE, or copy the data to a file-storage backend (NFS, EFS) to share it');
    const gce = new BlockExistingVolume(newChart(), 'g', { disk: BlockDisk.gcePd({ project: 'my-project', zone: 'europe-west1-b', name: 'd' }), capacity: Size.gibibytes(8) });
    expect(() => gce.claim(newChart(), 'r', { accessMode: ExistingDiskAccessMode.READ_ONLY_MANY, volumeMode: VolumeMode.BLOCK })).toThrow(/\(GCE PD, Block attaches to one node\)/);
  });

  test('one claim per disk: a second claim or a template too is refused, and the fix never offers a second PV of the disk', () => {
    const chart = newChart();
    const disk = new BlockExistingVolume(chart, 'd', { disk: BlockDisk.ebs({ volumeId: 'vol-01234567', zone: 'eu-west-1a' }), capacity: Size.gibibytes(8) });
    disk.claim(chart, 'first');
    expect(() => disk.claim(chart, 'second')).toThrow(
      'test/second (VolumeClaim) on test/d (BlockExistingVolume): invalid claim "second". Allowed: one claim or claim template per disk, and test/first already binds d. ' +
      'Fix: share that claim between the workloads that need the disk (it attaches to one node at a time)');
    expect(() => disk.claimTemplate('data')).toThrow(
      'claim template "data" on test/d (BlockExistingVolume): invalid claimTemplate "data". Allowed: one claim or claim template per disk, and test/first already binds d. ' +
      'Fix: use that template in one StatefulStore of one replica, or give each replica a disk of its own');
  });

  test('a claim template for a StatefulStore of one replica binds the disk\'s one PV; two replicas fail synthesis', () => {
    const chart = newChart('db');
    const disk = new BlockExistingVolume(chart, 'd', { disk: BlockDisk.ebs({ volumeId: 'vol-01234567', zone: 'eu-west-1a' }), capacity: Size.gibibytes(8) });
    const template = disk.claimTemplate('data', { volumeMode: VolumeMode.BLOCK });
    new StatefulStore(chart, 'pg', { image: 'postgres:16', replicas: 1, volumes: [{ mountPath: '/dev/xvda', claim: template }] });
    const manifests = synthValid(chart);
    expect(find(manifests, 'PersistentVolume').metadata.name).toBe('d-data-0');
    expect(find(manifests, 'PersistentVolume').spec.volumeMode).toBe('Block');
    expect(find(manifests, 'StatefulSet').spec.volumeClaimTemplates[0].spec).toMatchObject({
      storageClassName: '',
      volumeMode: 'Block',
      selector: { matchLabels: { 'block.cdk8s-storage.io/volume': 'd', 'block.cdk8s-storage.io/template': 'data' } },
    });
    expect(() => disk.claim(chart, 'other')).toThrow('invalid claim "other". Allowed: one claim or claim template per disk, and the claim template "data" already binds d');

    const two = newChart();
    const other = new BlockExistingVolume(two, 'd', { disk: BlockDisk.ebs({ volumeId: 'vol-01234567', zone: 'eu-west-1a' }), capacity: Size.gibibytes(8) });
    new StatefulStore(two, 'pg', { image: 'postgres:16', replicas: 2, volumes: [{ mountPath: '/data', claim: other.claimTemplate('data') }] });
    expect(() => synthValid(two)).toThrow(
      'need 2 PVs of the volume, and the template was made for 1. Fix: give the StatefulStore one replica, or make a disk per replica with a dynamic class (a disk attaches to one claim)');
  });

  test.each<[string, () => BlockDisk, string]>([
    ['an EBS id that is not one', () => BlockDisk.ebs({ volumeId: 'vol-123', zone: 'eu-west-1a' }),
      'BlockDisk.ebs: invalid volumeId "vol-123". Allowed: "vol-" and 8 or 17 hex digits, such as "vol-0123456789abcdef0". Fix: copy volumeId from the cloud console or CLI'],
    ['an EBS zone with a space', () => BlockDisk.ebs({ volumeId: 'vol-01234567', zone: 'eu west' }), 'BlockDisk.ebs: invalid zone "eu west"'],
    ['a GCE disk name with capitals', () => BlockDisk.gcePd({ project: 'my-project', zone: 'europe-west1-b', name: 'Data' }), 'BlockDisk.gcePd: invalid name "Data". Allowed: a GCE disk name'],
    ['a GCE project with a slash', () => BlockDisk.gcePd({ project: 'p/x', zone: 'europe-west1-b', name: 'd' }), 'BlockDisk.gcePd: invalid project "p/x"'],
    ['a regional disk in one zone', () => BlockDisk.gcePdRegional({ project: 'my-project', region: 'europe-west1', replicaZones: ['europe-west1-b'], name: 'd' }),
      'BlockDisk.gcePdRegional: invalid replicaZones ["europe-west1-b"]. Allowed: the two distinct zones of region europe-west1 the disk is replicated to'],
    ['a regional disk in another region', () => BlockDisk.gcePdRegional({ project: 'my-project', region: 'europe-west1', replicaZones: ['us-east1-b', 'us-east1-c'], name: 'd' }),
      'invalid replicaZones ["us-east1-b","us-east1-c"]'],
    ['an OCI OCID of something else', () => BlockDisk.oci({ volumeId: 'ocid1.instance.oc1.phx.abc', availabilityDomain: 'PHX-AD-1' }), 'BlockDisk.oci: invalid volumeId "ocid1.instance.oc1.phx.abc"'],
    ['an OCI availability domain with a space', () => BlockDisk.oci({ volumeId: 'ocid1.volume.oc1.phx.abc', availabilityDomain: 'PHX AD 1' }),
      'BlockDisk.oci: invalid availabilityDomain "PHX AD 1". Allowed: a zone name as the nodes\' zone label shows it'],
    ['a regional replica zone with a space', () => BlockDisk.gcePdRegional({ project: 'my-project', region: 'europe-west1', replicaZones: ['europe-west1 b', 'europe-west1-c'], name: 'd' }),
      'BlockDisk.gcePdRegional: invalid replicaZones "europe-west1 b"'],
    ['an Azure disk name without its path', () => BlockDisk.azureDisk({ diskUri: 'data' }), 'BlockDisk.azureDisk: invalid diskUri "data"'],
    ['an Azure zone that is a bare number', () => BlockDisk.azureDisk({ diskUri: '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Compute/disks/d', zone: '1' }),
      'BlockDisk.azureDisk: invalid zone "1". Allowed: a zone such as "eastus2-1" (<region>-<n>)'],
  ])('%s is refused', (_, make, message) => {
    expect(make).toThrow(message);
  });

  test('the props are checked: a disk that is no BlockDisk, a size that is no Size', () => {
    expect(() => new BlockExistingVolume(newChart(), 'd', { disk: {} as BlockDisk, capacity: Size.gibibytes(1) })).toThrow(/test\/d \(BlockExistingVolume\): invalid disk/);
    expect(() => new BlockExistingVolume(newChart(), 'd', { disk: BlockDisk.ebs({ volumeId: 'vol-01234567', zone: 'a' }), capacity: 8 as unknown as Size })).toThrow(/invalid capacity 8/);
  });
});

test('an id already used in the scope is a clear error, not the constructs library\'s', () => {
  const chart = newChart();
  const disk = new BlockExistingVolume(chart, 'raw', { disk: BlockDisk.ebs({ volumeId: 'vol-01234567', zone: 'eu-west-1a' }), capacity: Size.gibibytes(8) });
  expect(() => disk.claim(chart, 'raw', { name: 'raw' })).toThrow(
    'test/raw (VolumeClaim): invalid id "raw". Allowed: an id no other construct in this scope has. Fix: choose another id than "raw" (the name can stay: pass it as name)');
});

describe('ReadOnlyMany on an existing Hyperdisk: only hyperdisk-ml (gcp-compute-persistent-disk-csi-driver b560165c)', () => {
  const disk = (type?: GcePdType) => BlockDisk.gcePd({ project: 'my-project', zone: 'europe-west1-b', name: 'models', diskType: type });
  const readOnly = (type?: GcePdType) => new BlockExistingVolume(newChart(), 'models', { disk: disk(type), capacity: Size.gibibytes(100) })
    .claim(newChart(), 'models', { accessMode: ExistingDiskAccessMode.READ_ONLY_MANY });
  test('a persistent disk and a Hyperdisk ML serve it', () => {
    expect(readOnly().accessMode).toBe('ReadOnlyMany');
    expect(readOnly(GcePdType.HYPERDISK_ML).accessMode).toBe('ReadOnlyMany');
  });
  test('another Hyperdisk is refused, saying why', () => {
    expect(() => readOnly(GcePdType.HYPERDISK_BALANCED)).toThrow(
      'invalid accessMode "ReadOnlyMany". Allowed: ReadOnlyMany only where the disk serves it (of the Hyperdisk types only hyperdisk-ml attaches read-only to many nodes; this disk is hyperdisk-balanced)');
    expect(() => disk('pd-fast' as any)).toThrow(/^BlockDisk.gcePd: invalid diskType "pd-fast". Allowed: one of GcePdType.PD_STANDARD/);
  });
});
