import { Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { AzureDiskCachingMode, AzureDiskSku, BlockAccessMode, BlockProvider, BlockStorageClass, EbsOptions, EbsVolumeType, FsType, GcePdReplication, GcePdType, OciAttachmentType, PodVolume, ReclaimPolicy, StatefulStore, VolumeMode } from '../src';
import { find, newChart, PRUNE_PROTECTED, synthValid } from './helpers/manifests';

describe('BlockStorageClass.ociDefault: OKE\'s oci-bv class, as its documentation uses it', () => {
  const chart = newChart();
  const bv = BlockStorageClass.ociDefault();
  const data = bv.claim(chart, 'csi-bvs-pvc', { storage: Size.gibibytes(50) });
  const manifests = synthValid(chart);

  test('creates nothing but the claim, on the pre-installed oci-bv class', () => {
    expect(manifests).toEqual([{
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'csi-bvs-pvc', annotations: PRUNE_PROTECTED },
      spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'oci-bv', volumeMode: 'Filesystem', resources: { requests: { storage: '50Gi' } } },
    }]);
    expect([bv.storageClassName, bv.provider.provisioner, data.accessMode]).toEqual(['oci-bv', 'blockvolume.csi.oraclecloud.com', 'ReadWriteOnce']);
  });

  test('under 50Gi is an error that says the driver would silently enlarge it', () => {
    expect(() => bv.claim(newChart(), 'small', { storage: Size.gibibytes(10) })).toThrow(
      'test/small (VolumeClaim) on BlockStorageClass.fromStorageClassName("oci-bv"): invalid storage "10Gi". ' +
      'Allowed: at least 50Gi: OCI would silently enlarge a smaller volume to 50Gi, so the PV capacity would not match the claim. ' +
      'Fix: ask for 50Gi, or pass roundUpToMinimum: true to have the claim ask for it',
    );
  });

  test('or, when asked, is rounded up visibly', () => {
    const c = newChart();
    const small = bv.claim(c, 'small', { storage: Size.mebibytes(512), roundUpToMinimum: true });
    expect(small.storage.asString()).toBe('50Gi');
    expect(find(synthValid(c), 'PersistentVolumeClaim').spec.resources.requests.storage).toBe('50Gi');
  });

  test('over 32Ti is an error', () => {
    expect(() => bv.claimTemplate('huge', { storage: Size.tebibytes(33) })).toThrow(/invalid storage "33Ti". Allowed: at most 32Ti on OCI Block Volume/);
  });
});

describe('BlockStorageClass', () => {
  test('EBS gp3 with IOPS and throughput, as the driver\'s parameters document shows it', () => {
    const chart = newChart('apps');
    const fast = new BlockStorageClass(chart, 'fast', { provider: BlockProvider.ebs({ volumeType: EbsVolumeType.GP3, iops: 4000, throughput: 250 }) });
    fast.claim(chart, 'data', { storage: Size.gibibytes(100), accessMode: BlockAccessMode.READ_WRITE_ONCE_POD });
    const manifests = synthValid(chart);
    expect(manifests).toMatchSnapshot();
    expect(find(manifests, 'StorageClass')).toEqual({
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'fast', annotations: PRUNE_PROTECTED },
      provisioner: 'ebs.csi.aws.com',
      parameters: { type: 'gp3', iops: '4000', throughput: '250' },
      reclaimPolicy: 'Retain',
      volumeBindingMode: 'WaitForFirstConsumer',
      allowVolumeExpansion: true,
    });
    expect(find(manifests, 'PersistentVolumeClaim').spec).toMatchObject({ storageClassName: 'fast', accessModes: ['ReadWriteOncePod'] });
  });

  test.each<[string, BlockProvider, object]>([
    ['EBS with every parameter', BlockProvider.ebs({
      volumeType: EbsVolumeType.IO2,
      iopsPerGb: 50,
      allowAutoIopsPerGbIncrease: true,
      fsType: FsType.XFS,
      encrypted: true,
      kmsKeyId: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    }), {
      'provisioner': 'ebs.csi.aws.com',
      'type': 'io2',
      'iopsPerGB': '50',
      'allowAutoIOPSPerGBIncrease': 'true',
      'csi.storage.k8s.io/fstype': 'xfs',
      'encrypted': 'true',
      'kmsKeyId': 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    }],
    ['EBS defaults written out', BlockProvider.ebs(), { provisioner: 'ebs.csi.aws.com', type: 'gp3' }],
    ['OCI with every parameter', BlockProvider.oci({ vpusPerGb: 20, attachmentType: OciAttachmentType.PARAVIRTUALIZED, kmsKeyId: 'ocid1.key.oc1..x', fsType: FsType.XFS }), {
      'provisioner': 'blockvolume.csi.oraclecloud.com',
      'vpusPerGB': '20',
      'attachment-type': 'paravirtualized',
      'kms-key-id': 'ocid1.key.oc1..x',
      'csi.storage.k8s.io/fstype': 'xfs',
    }],
    ['GCE PD regional SSD with labels', BlockProvider.gcePd({
      diskType: GcePdType.PD_SSD, replication: GcePdReplication.REGIONAL_PD, diskEncryptionKmsKey: 'projects/p/locations/l/keyRings/r/cryptoKeys/k', labels: { team: 'data', env: 'prod' },
    }), {
      'provisioner': 'pd.csi.storage.gke.io',
      'type': 'pd-ssd',
      'replication-type': 'regional-pd',
      'disk-encryption-kms-key': 'projects/p/locations/l/keyRings/r/cryptoKeys/k',
      'labels': 'team=data,env=prod',
    }],
    ['GCE PD defaults written out', BlockProvider.gcePd(), { provisioner: 'pd.csi.storage.gke.io', type: 'pd-standard' }],
    ['Azure Disk', BlockProvider.azureDisk({ skuName: AzureDiskSku.PREMIUM_ZRS, cachingMode: AzureDiskCachingMode.NONE, fsType: FsType.EXT4 }), {
      'provisioner': 'disk.csi.azure.com', 'skuName': 'Premium_ZRS', 'cachingMode': 'None', 'csi.storage.k8s.io/fstype': 'ext4',
    }],
    ['Azure Disk defaults written out', BlockProvider.azureDisk(), { provisioner: 'disk.csi.azure.com', skuName: 'StandardSSD_LRS' }],
  ])('%s', (_, provider, expected) => {
    const chart = newChart();
    new BlockStorageClass(chart, 'sc', { provider });
    const { provisioner, ...parameters } = expected as { provisioner: string };
    const sc = find(synthValid(chart), 'StorageClass');
    expect(sc.provisioner).toBe(provisioner);
    expect(sc.parameters).toEqual(parameters);
  });

  test('custom name, Delete, no expansion, zones on the driver\'s own key, mount options', () => {
    const chart = newChart();
    const pd = new BlockStorageClass(chart, 'PdZonal', {
      storageClassName: 'pd-zonal',
      provider: BlockProvider.gcePd({ diskType: GcePdType.PD_BALANCED }),
      reclaimPolicy: ReclaimPolicy.DELETE,
      allowVolumeExpansion: false,
      zones: ['europe-west1-b', 'europe-west1-c'],
      mountOptions: ['noatime'],
    });
    const sc = find(synthValid(chart), 'StorageClass');
    expect(pd.storageClassName).toBe('pd-zonal');
    expect(sc).toMatchObject({
      metadata: { name: 'pd-zonal' },
      reclaimPolicy: 'Delete',
      allowVolumeExpansion: false,
      mountOptions: ['noatime'],
      allowedTopologies: [{ matchLabelExpressions: [{ key: 'topology.gke.io/zone', values: ['europe-west1-b', 'europe-west1-c'] }] }],
    });
    const ebsChart = newChart();
    new BlockStorageClass(ebsChart, 'ebs', { provider: BlockProvider.ebs(), zones: ['eu-west-1a'] });
    expect(find(synthValid(ebsChart), 'StorageClass').allowedTopologies).toEqual([{ matchLabelExpressions: [{ key: 'topology.kubernetes.io/zone', values: ['eu-west-1a'] }] }]);
  });

  test('a single node\'s raw device, per replica, in a StatefulStore', () => {
    const chart = newChart();
    const raw = new BlockStorageClass(chart, 'raw', { provider: BlockProvider.ebs({ volumeType: EbsVolumeType.IO2, iops: 10000 }) });
    new StatefulStore(chart, 'db', { image: 'x', replicas: 2, volumes: [{ mountPath: '/dev/data', claim: raw.claimTemplate('data', { storage: Size.gibibytes(10), volumeMode: VolumeMode.BLOCK }) }] });
    const sts = find(synthValid(chart), 'StatefulSet');
    expect(sts.spec.volumeClaimTemplates[0].spec).toMatchObject({ volumeMode: 'Block', accessModes: ['ReadWriteOnce'], storageClassName: 'raw' });
    expect(sts.spec.template.spec.containers[0].volumeDevices).toEqual([{ name: 'data', devicePath: '/dev/data' }]);
  });
});

describe('multi-attach: raw block only, only where the driver serves it', () => {
  test.each<[string, BlockProvider]>([
    ['EBS io2', BlockProvider.ebs({ volumeType: EbsVolumeType.IO2 })],
    ['OCI (Balanced)', BlockProvider.oci()],
    ['GCE PD pd-ssd', BlockProvider.gcePd({ diskType: GcePdType.PD_SSD })],
    ['GCE hyperdisk-balanced', BlockProvider.gcePd({ diskType: GcePdType.HYPERDISK_BALANCED })],
    ['Azure Premium SSD shared by 3', BlockProvider.azureDisk({ skuName: AzureDiskSku.PREMIUM_LRS, maxShares: 3 })],
  ])('%s: a ReadWriteMany Block claim, shared as a device by every replica', (_, provider) => {
    const chart = newChart();
    const cls = new BlockStorageClass(chart, 'shared', { provider });
    expect(provider.supportsMultiAttach).toBe(true);
    const disk = cls.multiAttachClaim(chart, 'quorum', { storage: Size.gibibytes(50) });
    new StatefulStore(chart, 'cluster', { image: 'x', replicas: 3, volumes: [{ mountPath: '/dev/quorum', volume: PodVolume.fromClaim(disk) }] });
    const manifests = synthValid(chart);
    expect(find(manifests, 'PersistentVolumeClaim').spec).toEqual({
      accessModes: ['ReadWriteMany'], volumeMode: 'Block', storageClassName: 'shared', resources: { requests: { storage: '50Gi' } },
    });
    const pod = find(manifests, 'StatefulSet').spec.template.spec;
    expect(pod.volumes).toEqual([{ name: 'quorum', persistentVolumeClaim: { claimName: 'quorum' } }]);
    expect(pod.containers[0].volumeDevices).toEqual([{ name: 'quorum', devicePath: '/dev/quorum' }]);
    expect(pod.containers[0].volumeMounts).toBeUndefined();
  });

  test.each<[string, BlockProvider, RegExp]>([
    ['EBS gp3', BlockProvider.ebs(), /Fix: EBS multi-attach needs io2 volumes; this class makes gp3; use a class that serves it/],
    ['GCE pd-balanced', BlockProvider.gcePd({ diskType: GcePdType.PD_BALANCED }),
      /Fix: GCE shares disks for writing \(multi-writer\) only as pd-ssd, hyperdisk-balanced, hyperdisk-balanced-high-availability; this class makes pd-balanced; use a class/],
    ['GCE hyperdisk-extreme', BlockProvider.gcePd({ diskType: GcePdType.HYPERDISK_EXTREME }), /this class makes hyperdisk-extreme/],
    ['Azure Disk without maxShares', BlockProvider.azureDisk(), /Fix: Azure shares a disk between nodes only with maxShares of 2 or more; this class has 1; use a class/],
  ])('%s refuses', (_, provider, message) => {
    const chart = newChart();
    expect(provider.supportsMultiAttach).toBe(false);
    const cls = new BlockStorageClass(chart, 'sc', { provider });
    expect(() => cls.multiAttachClaim(chart, 'shared', { storage: Size.gibibytes(50) })).toThrow(
      /^test\/shared \(VolumeClaim\) on test\/sc \(BlockStorageClass\): invalid multiAttachClaim "sc". Allowed: raw-block multi-attach on EBS io2, OCI \(not Ultra High Performance\), GCE pd-ssd or hyperdisk-balanced, or Azure with maxShares of 2 or more/,
    );
    expect(() => cls.multiAttachClaim(chart, 'shared', { storage: Size.gibibytes(50) })).toThrow(message);
  });

  test('the OCI minimum applies to multi-attach claims too', () => {
    const shared = BlockStorageClass.fromStorageClassName('oci-shared', BlockProvider.oci());
    expect(() => shared.multiAttachClaim(newChart(), 'q', { storage: Size.gibibytes(1) })).toThrow(/invalid storage "1Gi". Allowed: at least 50Gi/);
    expect(shared.multiAttachClaim(newChart(), 'q', { storage: Size.gibibytes(1), roundUpToMinimum: true }).storage.asString()).toBe('50Gi');
  });

  test('a multi-attach claim is a device: cdk8s-plus cannot mount it as a filesystem', () => {
    const chart = newChart();
    const disk = BlockStorageClass.fromStorageClassName('io2', BlockProvider.ebs({ volumeType: EbsVolumeType.IO2 })).multiAttachClaim(chart, 'q', { storage: Size.gibibytes(4) });
    const pod = new kplus.Pod(chart, 'p', { containers: [{ image: 'x' }] });
    expect(() => pod.containers[0].mount('/q', disk)).toThrow(/invalid volumeMode "Block"/);
  });
});

describe('providers reject parameters the driver would refuse or ignore', () => {
  test.each<[string, EbsOptions, RegExp]>([
    ['iops with iopsPerGb', { iops: 4000, iopsPerGb: 10 }, /invalid iops "4000 with iopsPerGb 10". Allowed: either iops or iopsPerGb/],
    ['iops on gp2', { volumeType: EbsVolumeType.GP2, iops: 4000 }, /invalid iops "gp2". Allowed: provisioned IOPS only with gp3, io1 or io2/],
    ['iopsPerGb on st1', { volumeType: EbsVolumeType.ST1, iopsPerGb: 10 }, /invalid iopsPerGb "st1"/],
    ['throughput on io2', { volumeType: EbsVolumeType.IO2, throughput: 500 }, /invalid throughput "500". Allowed: throughput only with gp3 \(AWS refuses it for io2\)/],
    ['auto IOPS increase without iops or iopsPerGb', { allowAutoIopsPerGbIncrease: true }, /invalid allowAutoIopsPerGbIncrease true. Allowed: allowAutoIopsPerGbIncrease with iops or iopsPerGb/],
    ['fractional IOPS', { iops: 3000.5 }, /invalid iops 3000.5. Allowed: an integer of at least 1. Fix: give iops as a whole number of at least 1$/],
    ['zero throughput', { throughput: 0 }, /invalid throughput 0/],
  ])('EBS: %s', (_, options, message) => {
    expect(() => BlockProvider.ebs(options)).toThrow(/^BlockProvider.ebs\(\): /);
    expect(() => BlockProvider.ebs(options)).toThrow(message);
  });

  test('OCI: vpusPerGb from 0 to 120', () => {
    expect(() => BlockProvider.oci({ vpusPerGb: 130 })).toThrow(/^BlockProvider.oci\(\): invalid vpusPerGb 130. Allowed: an integer from 0 to 120. Fix: give vpusPerGb as a whole number from 0 to 120$/);
    expect(() => BlockProvider.oci({ vpusPerGb: -10 })).toThrow(/invalid vpusPerGb -10/);
    expect(BlockProvider.oci({ vpusPerGb: 0 }).parameters).toEqual({ vpusPerGB: '0' });
  });

  test('zones are not empty', () => {
    expect(() => new BlockStorageClass(newChart(), 'ebs', { provider: BlockProvider.ebs(), zones: [] })).toThrow(/invalid zones \[\]. Allowed: at least one zone/);
  });

  test('an existing class name is checked', () => {
    expect(() => BlockStorageClass.fromStorageClassName('GP3', BlockProvider.ebs())).toThrow(/^BlockStorageClass.fromStorageClassName\("GP3"\): invalid storageClassName "GP3"/);
  });
});

describe('sharing a claim across replicas', () => {
  test('a single-node claim cannot be shared by several replicas', () => {
    const chart = newChart();
    const data = BlockStorageClass.fromStorageClassName('gp3', BlockProvider.ebs()).claim(chart, 'data', { storage: Size.gibibytes(10) });
    expect(() => new StatefulStore(chart, 'web', { image: 'x', replicas: 2, volumes: [{ mountPath: '/d', volume: PodVolume.fromClaim(data) }] })).toThrow(
      /invalid volumes of container "web" "data". Allowed: a claim that many nodes can use \(ReadWriteMany, ReadOnlyMany\) when there are several replicas. Fix: claim "data" is ReadWriteOnce, so 2 replicas cannot all use it: use a claim template/,
    );
    new StatefulStore(chart, 'single', { image: 'x', replicas: 1, volumes: [{ mountPath: '/d', volume: PodVolume.fromClaim(data, { name: 'shared', readOnly: true }) }] });
    expect(find(synthValid(chart), 'StatefulSet').spec.template.spec.volumes).toEqual([{ name: 'shared', persistentVolumeClaim: { claimName: 'data', readOnly: true } }]);
  });

  test('a shared device cannot be mounted read-only or by sub-path', () => {
    const chart = newChart();
    const disk = BlockStorageClass.fromStorageClassName('io2', BlockProvider.ebs({ volumeType: EbsVolumeType.IO2 })).multiAttachClaim(chart, 'q', { storage: Size.gibibytes(4) });
    expect(() => new StatefulStore(chart, 'c', { image: 'x', volumes: [{ mountPath: '/dev/q', volume: PodVolume.fromClaim(disk), readOnly: true }] }))
      .toThrow(/Allowed: a Block device without readOnly or subPath/);
  });
});
