/**
 * Every public entry point answers bad input from JavaScript or jsii callers
 * (where TypeScript's types do not protect the call) with a
 * StorageValidationError that names where, the prop, the value and a fix;
 * never a TypeError, never silently wrong YAML.
 *
 * Each entry has one valid call; the bad inputs are generated from it: props
 * missing, null or not an object, an unknown prop, and every prop set to null
 * and to a value of the wrong type. Enum strings outside the enum, and the
 * messages of the cases that once went wrong, have cases of their own below.
 */
import { App, Chart, Duration, Size } from 'cdk8s';
import { EmptyDirMedium, EnvValue, PodManagementPolicy } from 'cdk8s-plus-27';
import { AccessMode, AzureDiskSku, BlockAccessMode, BlockDisk, BlockExistingVolume, BlockProvider, BlockStorageClass, EbsVolumeType, EfsAccessMode, EfsExistingVolume, EfsStorageClass, ExistingDiskAccessMode, FsType, GcePdType, LocalAccessMode, LocalSsdVolume, NfsAccessMode, NfsCsiStorageClass, NfsShare, PodVolume, ReclaimPolicy, SpdkCredentials, SpdkCsiDriver, SpdkAccessMode, SpdkExistingVolume, SpdkTargetType, SpdkVolumeTarget, StatefulStore, StorageClass, StorageDefaults, StorageErrors, StoreUpdateStrategy, VolumeMode } from '../src';
import { synthValid } from './helpers/manifests';

const gi = (n: number) => Size.gibibytes(n);
const FS = 'fs-0123456789abcdef0';
const UUID = '8c2b4f3e-2d6a-4b1c-9f0e-1a2b3c4d5e6f';
const target = { name: 't1', rpcUrl: 'http://10.0.0.1:9009', targetType: SpdkTargetType.NVME_TCP, targetAddress: '10.0.0.1' };

const chart = () => new Chart(new App(), 'test');
const local = (c: Chart) => new LocalSsdVolume(c, 'ssd', { disks: [{ node: 'n1', path: '/mnt/a', capacity: gi(100), labels: { tier: 'fast' } }] });
const ebsClass = (c: Chart) => new BlockStorageClass(c, 'ebs', { provider: BlockProvider.ebs({ volumeType: EbsVolumeType.IO2, iops: 3000 }) });
const nfs = (c: Chart) => new NfsShare(c, 'share', { server: '10.0.0.5', path: '/exports/a', capacity: gi(10) });
const nfsCsi = (c: Chart) => new NfsCsiStorageClass(c, 'nfs-csi', { server: '10.0.0.5', share: '/exports' });
const efs = (c: Chart) => new EfsStorageClass(c, 'efs', { fileSystemId: FS });
const efsExisting = (c: Chart) => new EfsExistingVolume(c, 'efs', { fileSystemId: FS });
const spdk = (c: Chart) => new SpdkCsiDriver(c, 'spdk', { targets: [target] });
const standard = StorageClass.fromStorageClassName('standard', { accessModes: [AccessMode.READ_WRITE_ONCE] });
const ebsDisk = () => BlockDisk.ebs({ volumeId: 'vol-0123456789abcdef0', zone: 'eu-west-1a' });
const existingDisk = (c: Chart) => new BlockExistingVolume(c, 'disk', { disk: ebsDisk(), capacity: gi(8) });
const existingSpdk = (c: Chart) => new SpdkExistingVolume(c, 'lvol', { lvolUuid: UUID, target: SpdkVolumeTarget.nvmf({ nqn: 'nqn.x', model: 'm', targetAddress: '10.0.0.2' }), capacity: gi(1) });

interface Entry {
  /** The start of every message: the construct path and type, or the factory. */
  readonly where: string;
  /** Whether the props object itself may be left out. */
  readonly propsOptional?: boolean;
  /** Props whose fields are all optional but not all absent: what leaving them out is refused with. */
  readonly missingProps?: RegExp;
  /** The argument's name in messages, for methods that take one struct (addDisk(disk)). */
  readonly arg?: string;
  readonly valid: { [key: string]: unknown };
  readonly call: (c: Chart, props: any) => unknown;
}

const ENTRIES: { [name: string]: Entry } = {
  'new StorageClass': { where: 'test/sc (StorageClass)', valid: { accessModes: [AccessMode.READ_WRITE_ONCE], provisioner: 'example.com/x', reclaimPolicy: ReclaimPolicy.DELETE, mountOptions: ['ro'], parameters: { a: 'b' }, allowVolumeExpansion: true }, call: (c, p) => new StorageClass(c, 'sc', p) },
  'StorageClass.fromStorageClassName': { where: 'StorageClass.fromStorageClassName("standard")', valid: { accessModes: [AccessMode.READ_WRITE_ONCE], volumeModes: [VolumeMode.BLOCK] }, call: (_, p) => StorageClass.fromStorageClassName('standard', p) },
  'imported StorageClass claim': { where: 'test/data (VolumeClaim) on StorageClass.fromStorageClassName("standard")', valid: { storage: gi(1), accessMode: AccessMode.READ_WRITE_ONCE, name: 'data' }, call: (c, p) => standard.claim(c, 'data', p) },
  'imported StorageClass claimTemplate': { where: 'claim template "data" on StorageClass.fromStorageClassName("standard")', valid: { storage: gi(1), volumeMode: VolumeMode.FILESYSTEM }, call: (_, p) => standard.claimTemplate('data', p) },
  'new StatefulStore': {
    where: 'test/db (StatefulStore)',
    valid: {
      image: 'postgres:16',
      replicas: 1,
      env: { A: EnvValue.fromValue('x') },
      command: ['run'],
      selectorLabels: { app: 'db' },
      terminationGracePeriod: Duration.seconds(5),
      updateStrategy: StoreUpdateStrategy.onDelete(),
      podManagementPolicy: PodManagementPolicy.PARALLEL,
      resources: {},
      sidecars: [{ name: 'side', image: 'busybox' }],
      volumes: [{ mountPath: '/tmp', volume: PodVolume.emptyDir('tmp') }],
      publishNotReadyAddresses: true,
    },
    call: (c, p) => new StatefulStore(c, 'db', p),
  },
  'StatefulStore addVolume': { where: 'test/db (StatefulStore)', arg: 'mount', valid: { mountPath: '/data', claim: standard.claimTemplate('data', { storage: gi(1) }), readOnly: false }, call: (c, p) => new StatefulStore(c, 'db', { image: 'x' }).addVolume(p) },
  'StatefulStore addSidecar': { where: 'test/db (StatefulStore)', arg: 'container', valid: { name: 'side', image: 'busybox', args: ['a'] }, call: (c, p) => new StatefulStore(c, 'db', { image: 'x' }).addSidecar(p) },
  'PodVolume.emptyDir': { where: 'PodVolume.emptyDir("tmp")', propsOptional: true, valid: { medium: EmptyDirMedium.MEMORY, sizeLimit: Size.mebibytes(64) }, call: (_, p) => PodVolume.emptyDir('tmp', p) },
  'PodVolume.configMap': { where: 'PodVolume.configMap("cfg")', propsOptional: true, valid: { items: { a: 'a.conf' }, defaultMode: 0o440, optional: true }, call: (_, p) => PodVolume.configMap('cfg', 'cfg', p) },
  'PodVolume.secret': { where: 'PodVolume.secret("s")', propsOptional: true, valid: { items: { a: 'a' }, defaultMode: 0o400 }, call: (_, p) => PodVolume.secret('s', 's', p) },
  'PodVolume.fromClaim': { where: 'PodVolume.fromClaim("data")', propsOptional: true, valid: { name: 'shared', readOnly: true }, call: (c, p) => PodVolume.fromClaim(standard.claim(c, 'data', { storage: gi(1) }), p) },
  'StoreUpdateStrategy.rollingUpdate': { where: 'StoreUpdateStrategy.rollingUpdate()', propsOptional: true, valid: { partition: 1 }, call: (_, p) => StoreUpdateStrategy.rollingUpdate(p) },
  'new LocalSsdVolume': { where: 'test/ssd (LocalSsdVolume)', propsOptional: true, valid: { storageClassName: 'ssd', disks: [{ node: 'n1', path: '/mnt/a', capacity: gi(1) }], accessMode: LocalAccessMode.READ_WRITE_ONCE, volumeMode: VolumeMode.FILESYSTEM }, call: (c, p) => new LocalSsdVolume(c, 'ssd', p) },
  'LocalSsdVolume addDisk': { where: 'test/ssd (LocalSsdVolume)', arg: 'disk', valid: { node: 'n2', path: '/mnt/b', capacity: gi(1), labels: { tier: 'fast' } }, call: (c, p) => local(c).addDisk(p) },
  'LocalSsdVolume claim': { where: 'test/data (VolumeClaim) on test/ssd (LocalSsdVolume)', valid: { storage: gi(1), diskSelector: { tier: 'fast' }, name: 'data' }, call: (c, p) => local(c).claim(c, 'data', p) },
  'LocalSsdVolume claimTemplate': { where: 'claim template "data" on test/ssd (LocalSsdVolume)', valid: { storage: gi(1), accessMode: LocalAccessMode.READ_WRITE_ONCE }, call: (c, p) => local(c).claimTemplate('data', p) },
  'BlockProvider.ebs': { where: 'BlockProvider.ebs', propsOptional: true, valid: { volumeType: EbsVolumeType.GP3, iops: 3000, throughput: 125, encrypted: true }, call: (_, p) => BlockProvider.ebs(p) },
  'BlockProvider.oci': { where: 'BlockProvider.oci', propsOptional: true, valid: { vpusPerGb: 10, kmsKeyId: 'ocid1.key.oc1..x' }, call: (_, p) => BlockProvider.oci(p) },
  'BlockProvider.gcePd': { where: 'BlockProvider.gcePd', propsOptional: true, valid: { diskType: GcePdType.PD_SSD, labels: { team: 'a' } }, call: (_, p) => BlockProvider.gcePd(p) },
  'BlockProvider.azureDisk': { where: 'BlockProvider.azureDisk', propsOptional: true, valid: { skuName: AzureDiskSku.PREMIUM_LRS }, call: (_, p) => BlockProvider.azureDisk(p) },
  'new BlockStorageClass': { where: 'test/ebs (BlockStorageClass)', valid: { provider: BlockProvider.ebs(), zones: ['us-east-1a'], reclaimPolicy: ReclaimPolicy.RETAIN }, call: (c, p) => new BlockStorageClass(c, 'ebs', p) },
  'BlockStorageClass claim': { where: 'test/data (VolumeClaim) on test/ebs (BlockStorageClass)', valid: { storage: gi(4), accessMode: BlockAccessMode.READ_WRITE_ONCE, volumeMode: VolumeMode.BLOCK }, call: (c, p) => ebsClass(c).claim(c, 'data', p) },
  'BlockStorageClass claimTemplate': { where: 'claim template "data" on test/ebs (BlockStorageClass)', valid: { storage: gi(1), roundUpToMinimum: true }, call: (c, p) => ebsClass(c).claimTemplate('data', p) },
  'BlockStorageClass multiAttachClaim': { where: 'test/data (VolumeClaim) on test/ebs (BlockStorageClass)', valid: { storage: gi(4) }, call: (c, p) => ebsClass(c).multiAttachClaim(c, 'data', p) },
  'BlockDisk.ebs': { where: 'BlockDisk.ebs', valid: { volumeId: 'vol-0123456789abcdef0', zone: 'eu-west-1a' }, call: (_, p) => BlockDisk.ebs(p) },
  'BlockDisk.gcePd': { where: 'BlockDisk.gcePd', valid: { project: 'my-project', zone: 'europe-west1-b', name: 'd' }, call: (_, p) => BlockDisk.gcePd(p) },
  'BlockDisk.gcePdRegional': {
    where: 'BlockDisk.gcePdRegional',
    valid: { project: 'my-project', region: 'europe-west1', replicaZones: ['europe-west1-b', 'europe-west1-c'], name: 'd' },
    call: (_, p) => BlockDisk.gcePdRegional(p),
  },
  'BlockDisk.oci': { where: 'BlockDisk.oci', valid: { volumeId: 'ocid1.volume.oc1.phx.abc123', availabilityDomain: 'PHX-AD-1' }, call: (_, p) => BlockDisk.oci(p) },
  'BlockDisk.azureDisk': { where: 'BlockDisk.azureDisk', valid: { diskUri: '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Compute/disks/d', zone: 'eastus2-1' }, call: (_, p) => BlockDisk.azureDisk(p) },
  'new BlockExistingVolume': { where: 'test/disk (BlockExistingVolume)', valid: { disk: ebsDisk(), capacity: gi(8), name: 'disk' }, call: (c, p) => new BlockExistingVolume(c, 'disk', p) },
  'BlockExistingVolume claim': {
    where: 'test/data (VolumeClaim) on test/disk (BlockExistingVolume)',
    propsOptional: true,
    valid: { accessMode: ExistingDiskAccessMode.READ_WRITE_ONCE, volumeMode: VolumeMode.FILESYSTEM, name: 'data' },
    call: (c, p) => existingDisk(c).claim(c, 'data', p),
  },
  'BlockExistingVolume claimTemplate': {
    where: 'claim template "data" on test/disk (BlockExistingVolume)',
    propsOptional: true,
    valid: { accessMode: ExistingDiskAccessMode.READ_WRITE_ONCE, volumeMode: VolumeMode.BLOCK },
    call: (c, p) => existingDisk(c).claimTemplate('data', p),
  },
  'new NfsShare': { where: 'test/share (NfsShare)', valid: { server: '10.0.0.5', path: '/exports/a', capacity: gi(1), mountOptions: ['nfsvers=4.1'], readOnly: false }, call: (c, p) => new NfsShare(c, 'share', p) },
  'NfsShare claim': { where: 'test/data (VolumeClaim) on test/share (NfsShare)', propsOptional: true, valid: { accessMode: NfsAccessMode.READ_WRITE_MANY, storage: gi(1) }, call: (c, p) => nfs(c).claim(c, 'data', p) },
  'NfsShare claimTemplate': { where: 'claim template "data" on test/share (NfsShare)', valid: { replicas: 2, storage: gi(1) }, call: (c, p) => nfs(c).claimTemplate('data', p) },
  'NfsShare inlineVolume': { where: 'test/vol (Volume)', propsOptional: true, valid: { name: 'vol', readOnly: true }, call: (c, p) => nfs(c).inlineVolume(c, 'vol', p) },
  'new NfsCsiStorageClass': { where: 'test/nfs-csi (NfsCsiStorageClass)', valid: { server: '10.0.0.5', share: '/exports', subDir: 'x', mountPermissions: 0o770, allowVolumeExpansion: true }, call: (c, p) => new NfsCsiStorageClass(c, 'nfs-csi', p) },
  'NfsCsiStorageClass claim': { where: 'test/data (VolumeClaim) on test/nfs-csi (NfsCsiStorageClass)', valid: { storage: gi(1) }, call: (c, p) => nfsCsi(c).claim(c, 'data', p) },
  'NfsCsiStorageClass claimTemplate': { where: 'claim template "data" on test/nfs-csi (NfsCsiStorageClass)', valid: { storage: gi(1) }, call: (c, p) => nfsCsi(c).claimTemplate('data', p) },
  'new EfsStorageClass': {
    where: 'test/efs (EfsStorageClass)',
    valid: { fileSystemId: FS, gidRange: { start: 50000, end: 60000 }, encryptInTransit: true, reclaimPolicy: ReclaimPolicy.RETAIN },
    // Each of its three file system sources is optional; one is required.
    missingProps: /^test\/efs \(EfsStorageClass\): invalid fileSystemId \(not set\). Allowed: exactly one of fileSystemId, fileSystemIdConfigRef, fileSystemIdSecretRef/,
    call: (c, p) => new EfsStorageClass(c, 'efs', p),
  },
  'new EfsExistingVolume': { where: 'test/efs (EfsExistingVolume)', valid: { fileSystemId: FS, capacity: gi(1), accessPointId: 'fsap-0123456789abcdef0' }, call: (c, p) => new EfsExistingVolume(c, 'efs', p) },
  'EfsStorageClass claim': { where: 'test/data (VolumeClaim) on test/efs (EfsStorageClass)', propsOptional: true, valid: { accessMode: EfsAccessMode.READ_WRITE_MANY, storage: gi(1) }, call: (c, p) => efs(c).claim(c, 'data', p) },
  'EfsStorageClass claimTemplate': { where: 'claim template "data" on test/efs (EfsStorageClass)', propsOptional: true, valid: { storage: gi(1) }, call: (c, p) => efs(c).claimTemplate('data', p) },
  'EfsExistingVolume claim': { where: 'test/data (VolumeClaim) on test/efs (EfsExistingVolume)', propsOptional: true, valid: { accessMode: EfsAccessMode.READ_WRITE_MANY, storage: gi(1) }, call: (c, p) => efsExisting(c).claim(c, 'data', p) },
  'EfsExistingVolume claimTemplate': { where: 'claim template "data" on test/efs (EfsExistingVolume)', valid: { storage: gi(1), replicas: 2 }, call: (c, p) => efsExisting(c).claimTemplate('data', p) },
  'new SpdkCsiDriver': { where: 'test/spdk (SpdkCsiDriver)', valid: { targets: [target], images: { driver: 'spdkcsi/spdkcsi:v0.1' }, snapshots: false, credentials: SpdkCredentials.fromExistingSecret('s') }, call: (c, p) => new SpdkCsiDriver(c, 'spdk', p) },
  'SpdkCsiDriver claim': { where: 'test/data (VolumeClaim) on test/spdk (SpdkCsiDriver)', valid: { storage: gi(1), name: 'data' }, call: (c, p) => spdk(c).claim(c, 'data', p) },
  'SpdkCsiDriver claimTemplate': { where: 'claim template "data" on test/spdk (SpdkCsiDriver)', valid: { storage: gi(1) }, call: (c, p) => spdk(c).claimTemplate('data', p) },
  'SpdkVolumeTarget.nvmf': { where: 'SpdkVolumeTarget.nvmf', valid: { nqn: 'nqn.2016-06.io.spdk:cnode1', model: 'm', targetAddress: '10.0.0.2', targetPort: 4420 }, call: (_, p) => SpdkVolumeTarget.nvmf(p) },
  'SpdkVolumeTarget.iscsi': { where: 'SpdkVolumeTarget.iscsi', valid: { iqn: 'iqn.2016-06.io.spdk:disk1', targetAddress: '10.0.0.2' }, call: (_, p) => SpdkVolumeTarget.iscsi(p) },
  'new SpdkExistingVolume': { where: 'test/lvol (SpdkExistingVolume)', valid: { lvolUuid: UUID, target: SpdkVolumeTarget.iscsi({ iqn: 'iqn.x', targetAddress: '10.0.0.2' }), capacity: gi(1) }, call: (c, p) => new SpdkExistingVolume(c, 'lvol', p) },
  'SpdkExistingVolume claim': { where: 'test/data (VolumeClaim) on test/lvol (SpdkExistingVolume)', propsOptional: true, valid: { name: 'data' }, call: (c, p) => existingSpdk(c).claim(c, 'data', p) },
  'SpdkExistingVolume claimTemplate': { where: 'claim template "data" on test/lvol (SpdkExistingVolume)', propsOptional: true, valid: { accessMode: SpdkAccessMode.READ_WRITE_ONCE_POD }, call: (c, p) => existingSpdk(c).claimTemplate('data', p) },
};

/** A value of another type than `value`: what a JavaScript caller might pass by mistake. */
function wrongType(value: unknown): unknown {
  if (typeof value === 'string') return 7;
  if (typeof value === 'number' || typeof value === 'boolean') return 'true';
  if (Array.isArray(value)) return 'x';
  return 10; // a Size, a Duration, an instance or a map
}

function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error, and nothing was thrown');
}

/** One StorageValidationError: where, "invalid <prop> <value>", what is allowed, a fix. */
function expectMessage(error: Error, where: string, prop: string, value: string) {
  expect(StorageErrors.isStorageValidationError(error)).toBe(true);
  expect(error.message.startsWith(where)).toBe(true);
  expect(error.message).toContain(`: invalid ${prop} ${value}. Allowed: `);
  expect(error.message).toMatch(/\. Fix: \S/);
}

describe.each(Object.entries(ENTRIES))('%s', (_, entry) => {
  const arg = entry.arg ?? 'props';
  const prop = (key: string) => (entry.arg ? `${entry.arg}.${key}` : key);
  test('the valid call synthesizes', () => {
    const c = chart();
    entry.call(c, entry.valid);
    synthValid(c);
  });

  test('props left out or null', () => {
    for (const props of [undefined, null]) {
      if (entry.propsOptional) expect(() => entry.call(chart(), props)).not.toThrow();
      else if (entry.missingProps) expect(thrown(() => entry.call(chart(), props)).message).toMatch(entry.missingProps);
      else expectMessage(thrown(() => entry.call(chart(), props)), entry.where, arg, props === null ? 'null' : '(not set)');
    }
  });

  test('props that are not an object', () => {
    expectMessage(thrown(() => entry.call(chart(), 'x')), entry.where, arg, '"x"');
  });

  test('an unknown prop (a misspelling would otherwise be ignored)', () => {
    const error = thrown(() => entry.call(chart(), { ...entry.valid, storageClas: 'x' }));
    expectMessage(error, entry.where, prop('storageClas'), '"x"');
    expect(error.message).toMatch(/Fix: remove storageClas or correct its spelling$/);
  });

  test.each(Object.keys(entry.valid))('%s: null, and a value of the wrong type', key => {
    expectMessage(thrown(() => entry.call(chart(), { ...entry.valid, [key]: null })), entry.where, prop(key), 'null');
    const wrong = wrongType(entry.valid[key]);
    expectMessage(thrown(() => entry.call(chart(), { ...entry.valid, [key]: wrong })), entry.where, prop(key), JSON.stringify(wrong));
  });
});

describe('strings outside an enum are refused, not written into YAML', () => {
  test.each<[string, (c: Chart) => unknown, string, string, RegExp]>([
    ['ReadWriteMany on an EBS claim', c => ebsClass(c).claim(c, 'data', { storage: gi(1), accessMode: 'ReadWriteMany' as any }), 'test/data (VolumeClaim) on test/ebs (BlockStorageClass)', 'accessMode "ReadWriteMany"',
      /Allowed: one of BlockAccessMode\.READ_WRITE_ONCE \("ReadWriteOnce"\), BlockAccessMode\.READ_WRITE_ONCE_POD \("ReadWriteOncePod"\)\. Fix: use a member of BlockAccessMode/],
    ['another backend\'s mode: NFS ReadWriteMany on a local disk', c => local(c).claim(c, 'data', { storage: gi(1), accessMode: NfsAccessMode.READ_WRITE_MANY as any }), 'test/data (VolumeClaim) on test/ssd (LocalSsdVolume)', 'accessMode "ReadWriteMany"', /Allowed: one of LocalAccessMode\./],
    ['a member name instead of its value', c => ebsClass(c).claim(c, 'data', { storage: gi(1), accessMode: 'READ_WRITE_ONCE' as any }), 'test/data (VolumeClaim) on test/ebs (BlockStorageClass)', 'accessMode "READ_WRITE_ONCE"', /Allowed: one of BlockAccessMode/],
    ['Recycle as a reclaim policy', c => new StorageClass(c, 'sc', { accessModes: [AccessMode.READ_WRITE_ONCE], provisioner: 'example.com/x', reclaimPolicy: 'Recycle' as any }), 'test/sc (StorageClass)', 'reclaimPolicy "Recycle"',
      /Allowed: one of ReclaimPolicy\.RETAIN \("Retain"\), ReclaimPolicy\.DELETE \("Delete"\)\. Fix: use a member of ReclaimPolicy/],
    ['an unknown EBS type', () => BlockProvider.ebs({ volumeType: 'gp4' as any }), 'BlockProvider.ebs', 'volumeType "gp4"', /Allowed: one of EbsVolumeType\.GP3 \("gp3"\)/],
    ['an unknown binding mode', c => new SpdkCsiDriver(c, 'spdk', { targets: [target], volumeBindingMode: 'Later' as any }), 'test/spdk (SpdkCsiDriver)', 'volumeBindingMode "Later"', /Allowed: one of VolumeBindingMode\./],
    ['an unknown target type, in a list', c => new SpdkCsiDriver(c, 'spdk', { targets: [{ ...target, targetType: 'fc' as any }] }), 'test/spdk (SpdkCsiDriver)', 'targets[0].targetType "fc"', /Allowed: one of SpdkTargetType\./],
    ['ext3, a member of FsType, where the kubelet is not asked to format it', c => new LocalSsdVolume(c, 'ssd', { fsType: FsType.EXT3 }), 'test/ssd (LocalSsdVolume)', 'fsType "ext3"',
      /Allowed: one of FsType\.EXT4 \("ext4"\), FsType\.XFS \("xfs"\): the filesystems this library has the kubelet format a local device with\. Fix: use one of FsType\.EXT4 \("ext4"\), FsType\.XFS \("xfs"\)$/],
    ['ext3 on OCI', () => BlockProvider.oci({ fsType: FsType.EXT3 }), 'BlockProvider.oci', 'fsType "ext3"', /Allowed: one of FsType\.EXT4 \("ext4"\), FsType\.XFS \("xfs"\): the filesystems this library formats block volumes with/],
    ['ext3 on SPDK', c => new SpdkCsiDriver(c, 'spdk', { targets: [target], fsType: FsType.EXT3 }), 'test/spdk (SpdkCsiDriver)', 'fsType "ext3"', /: the filesystems this library formats SPDK volumes with/],
    ['an unknown prune protection', c => StorageDefaults.setPruneProtection(c, 'argo' as any), 'StorageDefaults.setPruneProtection on test', 'protection "argo"', /Allowed: one of PruneProtection\.GITOPS \("gitops"\)/],
  ])('%s', (_, call, where, propAndValue, allowed) => {
    const error = thrown(() => call(chart()));
    expect(StorageErrors.isStorageValidationError(error)).toBe(true);
    expect(error.message.startsWith(`${where}: invalid ${propAndValue}. `)).toBe(true);
    expect(error.message).toMatch(allowed);
  });
});

describe('positional arguments are checked too', () => {
  test.each<[string, () => unknown, string]>([
    ['StorageClass.fromStorageClassName name', () => StorageClass.fromStorageClassName(7 as any, { accessModes: [AccessMode.READ_WRITE_ONCE] }), 'StorageClass.fromStorageClassName: invalid storageClassName 7. Allowed: the name of a StorageClass in the cluster'],
    ['BlockStorageClass.fromStorageClassName name', () => BlockStorageClass.fromStorageClassName(undefined as any, BlockProvider.ebs()), 'BlockStorageClass.fromStorageClassName: invalid storageClassName (not set). Allowed: the name of a StorageClass in the cluster'],
    ['BlockStorageClass.fromStorageClassName provider', () => BlockStorageClass.fromStorageClassName('gp3', { provisioner: 'ebs.csi.aws.com' } as any), 'BlockStorageClass.fromStorageClassName("gp3"): invalid provider {"provisioner":"ebs.csi.aws.com"}. Allowed: a BlockProvider. Fix: use a factory such as BlockProvider.ebs({ ... })'],
    ['PodVolume.emptyDir name', () => PodVolume.emptyDir(3 as any), 'PodVolume.emptyDir: invalid name 3. Allowed: a volume name such as "config"'],
    ['PodVolume.configMap object name', () => PodVolume.configMap('cfg', null as any), 'PodVolume.configMap("cfg"): invalid configMapName null. Allowed: a ConfigMap name'],
    ['PodVolume.secret object name', () => PodVolume.secret('s', ['s'] as any), 'PodVolume.secret("s"): invalid secretName ["s"]. Allowed: a Secret name'],
    ['PodVolume.fromClaim claim', () => PodVolume.fromClaim({ name: 'data' } as any), 'PodVolume.fromClaim: invalid claim {"name":"data"}. Allowed: a VolumeClaim. Fix: pass a claim from a backend'],
    ['PodVolume.fromKube volume', () => PodVolume.fromKube('data' as any), 'PodVolume.fromKube: invalid volume "data". Allowed: a k8s.Volume object. Fix: pass a k8s.Volume object literal'],
    ['SpdkCredentials.fromExistingSecret', () => SpdkCredentials.fromExistingSecret(undefined as any), 'SpdkCredentials.fromExistingSecret: invalid secretName (not set). Allowed: a Secret name such as "spdkcsi-secret"'],
    ['SpdkCredentials.unsafeLiteralTokens', () => SpdkCredentials.unsafeLiteralTokens('s', [{ name: 't1', username: 'u' }] as any), 'SpdkCredentials.unsafeLiteralTokens: invalid tokens[0].password (not set). Allowed: a value: SpdkRpcToken requires it. Fix: set password'],
    ['setPruneProtection scope', () => StorageDefaults.setPruneProtection(undefined as any, 'gitops' as any), 'StorageDefaults.setPruneProtection: invalid scope (not set). Allowed: an App or a Chart'],
    ['StatefulStore claimName template', () => new StatefulStore(chart(), 'db', { image: 'x' }).claimName('data' as any, 0), 'test/db (StatefulStore): invalid template "data". Allowed: a ClaimTemplate. Fix: pass a template this store mounts'],
    ['StatefulStore claimName ordinal', () => new StatefulStore(chart(), 'db', { image: 'x' }).claimName(standard.claimTemplate('data', { storage: gi(1) }), -1), 'test/db (StatefulStore): invalid ordinal -1. Allowed: an integer of at least 0'],
  ])('%s', (_, call, message) => {
    const error = thrown(call);
    expect(StorageErrors.isStorageValidationError(error)).toBe(true);
    expect(error.message.startsWith(message)).toBe(true);
  });
});

describe('the cases that went wrong before, with their exact messages', () => {
  test('env as plain strings no longer vanishes from the output', () => {
    expect(() => new StatefulStore(chart(), 'db', { image: 'x', env: { A: 'x' } as any })).toThrow(
      'test/db (StatefulStore): invalid env.A "x". Allowed: an EnvValue. Fix: wrap the value: EnvValue.fromValue("x"), or EnvValue.fromSecretValue(...)');
  });

  test('an empty selector is refused, not written', () => {
    expect(() => new StatefulStore(chart(), 'db', { image: 'x', selectorLabels: {} })).toThrow(
      'test/db (StatefulStore): invalid selectorLabels {}. Allowed: a map with at least one entry. Fix: add an entry, or leave selectorLabels out');
    expect(() => local(chart()).claim(chart(), 'data', { storage: gi(1), diskSelector: {} })).toThrow('invalid diskSelector {}. Allowed: a map with at least one entry');
  });

  test('a string where a list belongs is shown as the string, not split into characters', () => {
    expect(() => new NfsShare(chart(), 'share', { server: 'h', path: '/e', capacity: gi(1), mountOptions: 'nfsvers=4.1' as any })).toThrow(
      'test/share (NfsShare): invalid mountOptions "nfsvers=4.1". Allowed: a list. Fix: pass a list (a single value goes in [ ]), not a string');
  });

  test('a Size given as a number or a string', () => {
    expect(() => ebsClass(chart()).claim(chart(), 'data', { storage: 10 as any })).toThrow(
      'test/data (VolumeClaim) on test/ebs (BlockStorageClass): invalid storage 10. Allowed: a cdk8s Size. Fix: pass a Size such as Size.gibibytes(10), not a number or a string');
    expect(() => nfs(chart()).claim(chart(), 'data', { storage: '10Gi' as any })).toThrow('invalid storage "10Gi". Allowed: a cdk8s Size');
  });

  test('a nested prop is named by its path', () => {
    expect(() => new LocalSsdVolume(chart(), 'ssd', { disks: [{ node: 'n1', path: '/mnt/a', capacity: 100 as any }] })).toThrow(
      'test/ssd (LocalSsdVolume): invalid disks[0].capacity 100. Allowed: a cdk8s Size');
    expect(() => new StatefulStore(chart(), 'db', { image: 'x', volumes: [null as any] })).toThrow('invalid volumes[0] null. Allowed: a value. Fix: remove the empty entry 0');
    expect(() => new EfsStorageClass(chart(), 'efs', { fileSystemId: FS, gidRange: { start: 1 } as any })).toThrow(
      'test/efs (EfsStorageClass): invalid gidRange.end (not set). Allowed: a value: EfsGidRange requires it. Fix: set end');
  });

  test('a scope that is not a construct, an id that is not a string', () => {
    expect(() => new StatefulStore(undefined as any, 'db', { image: 'x' })).toThrow(
      'StatefulStore "db": invalid scope (not set). Allowed: a construct (a Chart or a construct in one). Fix: pass the chart, or a construct inside it, as the first argument');
    expect(() => standard.claim(chart(), 7 as any, { storage: gi(1) })).toThrow('test/7 (VolumeClaim): invalid id 7. Allowed: a non-empty string');
  });

  test('a template name that is not a string', () => {
    expect(() => standard.claimTemplate(undefined as any, { storage: gi(1) })).toThrow(
      'StorageClass.fromStorageClassName("standard"): invalid name (not set). Allowed: a template name such as "data". Fix: pass a template name such as "data"');
  });

  test('two SPDK drivers: the fix says what to do, and names no prop that does not exist', () => {
    const c = chart();
    spdk(c);
    expect(() => new SpdkCsiDriver(c, 'spdk2', { targets: [target], namespaceName: 'other' })).toThrow(
      'test/spdk2 (SpdkCsiDriver): invalid CSIDriver name "csi.spdk.io". Allowed: a CSIDriver name (a cluster holds one CSIDriver per name) that no other construct of the app uses, '
      + 'and test/spdk already uses it. Fix: a cluster runs one SPDK CSI driver: its CSIDriver "csi.spdk.io", ClusterRoles and snapshot class have fixed cluster-wide names. '
      + 'Create one SpdkCsiDriver (list every target in its targets) and make every claim from it with claim() or claimTemplate()');
  });

  test.each([
    ['nfs://host', 'drop the scheme: write "host"'],
    ['nfs://10.0.0.5:2049/exports', 'drop the scheme: write "10.0.0.5" (and set a port other than 2049 with a "port=" mount option)'],
    ['nfs.example.com:2049', 'drop the port: write "nfs.example.com" (set a port other than 2049 with a "port=" mount option)'],
    ['bad host!', 'give the server\'s host name or IP address, for example "10.0.2.5"'],
  ])('NFS server %s: the fix works', (server, fix) => {
    expect(() => new NfsShare(chart(), 'share', { server, path: '/e', capacity: gi(1) })).toThrow(`Fix: ${fix}`);
  });

  test('StatefulStore.claimName: an ordinal no replica has, or a template of another store, is refused (the name would never exist)', () => {
    const c = chart();
    const www = standard.claimTemplate('www', { storage: gi(1) });
    const store = new StatefulStore(c, 'web', { image: 'nginx', replicas: 3, ordinalsStart: 1, volumes: [{ claim: www, mountPath: '/data' }] });
    expect(store.claimName(www, 3)).toBe('www-web-3');
    expect(() => store.claimName(www, 4)).toThrow(
      'test/web (StatefulStore): invalid ordinal 4. Allowed: an ordinal of a replica: 1 to 3 (ordinalsStart 1, replicas 3). Fix: pass the ordinal of an existing replica, or raise replicas');
    expect(() => store.claimName(www, 0)).toThrow('invalid ordinal 0. Allowed: an ordinal of a replica: 1 to 3');
    expect(() => store.claimName(standard.claimTemplate('other', { storage: gi(1) }), 1)).toThrow(
      'test/web (StatefulStore): invalid template "other". Allowed: a template this store mounts (www). Fix: mount the template on this store first (volumes, or addVolume), or ask the store that mounts it');
  });

  test('PodVolume.fromKube without a name', () => {
    expect(() => PodVolume.fromKube({ emptyDir: {} } as any)).toThrow(
      'PodVolume.fromKube: invalid volume.name (not set). Allowed: the volume\'s name (a DNS-1123 label). Fix: give the volume a name, for example { name: "cache", emptyDir: {} }');
  });

  test('StorageDefaults.setPruneProtection after a construct exists: our error, not the constructs library\'s', () => {
    const c = chart();
    nfs(c);
    expect(() => StorageDefaults.setPruneProtection(c, 'none' as any)).toThrow(
      'StorageDefaults.setPruneProtection: invalid scope "test". Allowed: an App or a Chart before anything is added to it (it already holds share; '
      + 'construct context cannot change once children exist). Fix: call StorageDefaults.setPruneProtection right after creating the app or the chart');
  });

  test('NfsShare path with "..": the fix does not suggest "/../x"', () => {
    expect(() => new NfsShare(chart(), 'share', { server: 'h', path: '../x', capacity: gi(1) })).toThrow(
      'test/share (NfsShare): invalid path "../x". Allowed: an absolute path (the API rejects others). Fix: write the absolute path the server exports, for example "/exports/data"');
    expect(() => new NfsShare(chart(), 'share', { server: 'h', path: 'exports/x', capacity: gi(1) })).toThrow('Fix: write "/exports/x"');
  });

  test('SPDK: a dotted address that is no IPv4 address, an empty image, an empty model', () => {
    expect(() => new SpdkCsiDriver(chart(), 'spdk', { targets: [{ ...target, targetAddress: '999.999.1.1' }] })).toThrow('invalid targets["t1"].targetAddress "999.999.1.1". Allowed: an IP address or host name');
    expect(() => new SpdkCsiDriver(chart(), 'spdk', { targets: [target], images: { driver: '' } })).toThrow(
      'test/spdk (SpdkCsiDriver): invalid images.driver "". Allowed: an image reference, not empty');
    expect(() => SpdkVolumeTarget.nvmf({ nqn: 'nqn.x', model: '', targetAddress: '10.0.0.2' })).toThrow('invalid model "". Allowed: the namespace model number the target reports, not empty');
  });

  describe('props the API server would refuse are refused at the prop, with Kubernetes\' reason (issue 21)', () => {
    const store = (props: any) => () => synthValid(((c: Chart) => { new StatefulStore(c, 'db', { image: 'postgres:17', ...props }); return c; })(chart()));
    const emptyDir = (name: string) => PodVolume.emptyDir(name);
    test.each([
      ['subPath "../etc"', store({ volumes: [{ volume: emptyDir('tmp'), mountPath: '/d', subPath: '../etc' }] }),
        'test/db (StatefulStore): invalid subPath of the mount at "/d" in container "db" "../etc". Allowed: a relative path inside the volume, without ".."; '
        + 'Kubernetes refuses this one: must not contain \'..\'. Fix: write the path from the volume\'s root, for example "etc"'],
      ['subPath "/etc"', store({ volumes: [{ volume: emptyDir('tmp'), mountPath: '/d', subPath: '/etc' }] }), 'Kubernetes refuses this one: must be a relative path'],
      ['mounts at /a and /a/', store({ volumes: [{ volume: emptyDir('t1'), mountPath: '/a' }, { volume: emptyDir('t2'), mountPath: '/a/' }] }),
        'invalid volumes of container "db" "/a/". Allowed: each mountPath once per container (as a directory: "/a" and "/a/" are one)'],
      ['a selector label key "bad key!"', store({ selectorLabels: { 'bad key!': 'x' } }), 'test/db (StatefulStore): invalid selectorLabels["bad key!"] "bad key!"'],
      ['a pod label value over 63 characters', store({ podLabels: { a: 'x'.repeat(64) } }), 'Kubernetes refuses this one: must be no more than 63 characters'],
      ['replicas 1e12', store({ replicas: 1e12 }), 'invalid replicas 1000000000000. Allowed: an integer from 1 to 2147483647 (apps/v1 holds it as an int32)'],
      ['a ConfigMap item path "../x"', () => PodVolume.configMap('cfg', 'cfg', { items: { key: '../x' } }),
        'PodVolume.configMap("cfg"): invalid items["key"] "../x". Allowed: a relative file path inside the volume, without ".." and not starting with ".."'],
      ['a Secret item path "/abs"', () => PodVolume.secret('creds', 'creds', { items: { key: '/abs' } }), 'Kubernetes refuses this one: must be a relative path'],
      ['a disk label key "bad key!"', () => new LocalSsdVolume(chart(), 'ssd', { disks: [{ node: 'n1', path: '/mnt/a', capacity: gi(1), labels: { 'bad key!': 'x' } }] }),
        'test/ssd (LocalSsdVolume): invalid disks[].labels["bad key!"] "bad key!"'],
      ['an empty zone', () => new BlockStorageClass(chart(), 'b', { provider: BlockProvider.ebs(), zones: [''] }), 'test/b (BlockStorageClass): invalid zones "". Allowed: each zone named once'],
      ['a zone twice', () => new BlockStorageClass(chart(), 'b', { provider: BlockProvider.ebs(), zones: ['eu-west-1a', 'eu-west-1a'] }), 'Fix: list "eu-west-1a" once'],
      ['a topology key "not a key!"', () => new StorageClass(chart(), 'sc', {
        provisioner: 'example.com/x', accessModes: [AccessMode.READ_WRITE_ONCE], allowedTopologies: [{ matchLabelExpressions: [{ key: 'not a key!', values: ['a'] }] }],
      }), 'test/sc (StorageClass): invalid allowedTopologies[].matchLabelExpressions[0].key "not a key!"'],
    ])('%s', (_, make, message) => {
      expect(make).toThrow(message);
    });

    test('what no prop check sees is refused when the object is rendered, naming the construct and the field', () => {
      const c = chart();
      new StatefulStore(c, 'db', { image: 'postgres:17', volumes: [{ volume: PodVolume.fromKube({ name: 'host', hostPath: { path: '/srv/../etc' } }), mountPath: '/h' }] });
      expect(() => synthValid(c)).toThrow('test/db: the API server would refuse the StatefulSet db it renders: '
        + 'spec.template.spec.volumes[0].hostPath.path: Invalid value: "/srv/../etc": must not contain \'..\'. Fix: correct the prop that sets spec.template.spec.volumes[0].hostPath.path');
    });
  });
});
