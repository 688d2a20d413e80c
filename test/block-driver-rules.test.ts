import { Size } from 'cdk8s';
import { AzureDiskCachingMode, AzureDiskSku, BlockProvider, BlockStorageClass, EbsOptions, EbsVolumeType, FsType, GcePdOptions, GcePdReplication, GcePdType, StorageCheck, VolumeMode } from '../src';
import { find, newChart, synthValid } from './helpers/manifests';

/**
 * One test per driver rule, with the accepting and the refusing side. Each
 * title names the upstream file the rule follows (read with `fetch`).
 */

const classParameters = (provider: BlockProvider) => {
  const chart = newChart();
  new BlockStorageClass(chart, 'sc', { provider });
  return find(synthValid(chart), 'StorageClass').parameters;
};

describe('OCI (oci-cloud-controller-manager pkg/csi/driver/bv_controller.go CreateVolume)', () => {
  test('Ultra High Performance (vpusPerGb >= 30) refuses every Block claim, not only multi-attach', () => {
    const uhp = BlockStorageClass.fromStorageClassName('oci-uhp', BlockProvider.oci({ vpusPerGb: 30 }));
    const refusal = 'Allowed: Filesystem volumes on this class: OCI refuses Block volumes for Ultra High Performance (vpusPerGb 30 >= 30). ' +
      'Fix: use volumeMode Filesystem, or a class that serves Block volumes';
    expect(() => uhp.claim(newChart(), 'raw', { storage: Size.gibibytes(50), volumeMode: VolumeMode.BLOCK }))
      .toThrow(`test/raw (VolumeClaim) on BlockStorageClass.fromStorageClassName("oci-uhp"): invalid volumeMode "Block". ${refusal}`);
    expect(() => uhp.claimTemplate('raw', { storage: Size.gibibytes(50), volumeMode: VolumeMode.BLOCK })).toThrow(refusal);
    expect(() => uhp.multiAttachClaim(newChart(), 'shared', { storage: Size.gibibytes(50) })).toThrow(`invalid multiAttachClaim "oci-uhp". ${refusal}`);
    // Accepted: Filesystem on UHP, and Block below 30 VPUs.
    expect(uhp.claim(newChart(), 'fs', { storage: Size.gibibytes(50) }).volumeMode).toBe(VolumeMode.FILESYSTEM);
    const balanced = BlockStorageClass.fromStorageClassName('oci-hp', BlockProvider.oci({ vpusPerGb: 20 }));
    expect(balanced.claim(newChart(), 'raw', { storage: Size.gibibytes(50), volumeMode: VolumeMode.BLOCK }).volumeMode).toBe(VolumeMode.BLOCK);
  });

  test('tag overrides are JSON the driver unmarshals; empty keys are refused', () => {
    expect(classParameters(BlockProvider.oci({ freeformTags: { team: 'data', app: 'db' }, definedTags: { Ops: { CostCenter: '42' } } }))).toEqual({
      'oci.oraclecloud.com/initial-freeform-tags-override': '{"app":"db","team":"data"}',
      'oci.oraclecloud.com/initial-defined-tags-override': '{"Ops":{"CostCenter":"42"}}',
    });
    expect(() => BlockProvider.oci({ freeformTags: { ' ': 'x' } })).toThrow(
      'BlockProvider.oci(): invalid freeformTags {" ":"x"}. Allowed: non-empty tag keys. Fix: remove the tag with the empty key');
    expect(() => BlockProvider.oci({ definedTags: { '': { a: 'b' } } })).toThrow(/invalid definedTags \{"":\{"a":"b"\}\}. Allowed: non-empty tag namespaces/);
  });

  test('zones are availability domains on topology.kubernetes.io/zone (bv_node.go NodeGetInfo)', () => {
    const chart = newChart();
    new BlockStorageClass(chart, 'sc', { provider: BlockProvider.oci(), zones: ['PHX-AD-1'] });
    expect(find(synthValid(chart), 'StorageClass').allowedTopologies).toEqual([{ matchLabelExpressions: [{ key: 'topology.kubernetes.io/zone', values: ['PHX-AD-1'] }] }]);
  });
});

describe('GCE PD (gcp-compute-persistent-disk-csi-driver)', () => {
  test('labels follow pkg/convert/convert.go: key ^\\p{Ll}[\\p{Ll}0-9_-]{0,62}$, value ^[\\p{Ll}0-9_-]{0,63}$, at most 64', () => {
    expect(classParameters(BlockProvider.gcePd({ labels: { 'team': 'data', 'cost_center': '', 'é-x': '42' } })).labels).toBe('team=data,cost_center=,é-x=42');
    expect(() => BlockProvider.gcePd({ labels: { Team: 'data' } })).toThrow(
      'BlockProvider.gcePd(): invalid labels {"Team":"data"}. Allowed: keys of a lower-case letter then up to 62 lower-case letters, digits, "_" or "-". ' +
      'Fix: rename the label "Team", for example to "team"');
    expect(() => BlockProvider.gcePd({ labels: { '1st': 'x' } })).toThrow(/rename the label "1st", for example to "st"/);
    expect(() => BlockProvider.gcePd({ labels: { ['k'.repeat(64)]: 'x' } })).toThrow(/invalid labels/);
    expect(() => BlockProvider.gcePd({ labels: { env: 'Prod.EU' } })).toThrow(
      /Allowed: values of up to 63 lower-case letters, digits, "_" or "-". Fix: change the value of "env", for example to "prod-eu"/);
    expect(() => BlockProvider.gcePd({ labels: { a: 'b,c=d' } })).toThrow(/change the value of "a"/);
    const many = Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`l${i}`, 'x']));
    expect(() => BlockProvider.gcePd({ labels: many })).toThrow(/Allowed: at most 64 labels \(this has 65\). Fix: drop some labels/);
    expect(BlockProvider.gcePd({ labels: Object.fromEntries(Object.entries(many).slice(0, 64)) }).parameters.labels.split(',')).toHaveLength(64);
  });

  test('multi-writer only on pd-ssd and hyperdisk-balanced(-high-availability) (controller.go disksWithUnsettableAccessMode; Compute Engine docs)', () => {
    for (const type of [GcePdType.PD_SSD, GcePdType.HYPERDISK_BALANCED, GcePdType.HYPERDISK_BALANCED_HIGH_AVAILABILITY]) {
      expect(BlockProvider.gcePd({ diskType: type }).supportsMultiAttach).toBe(true);
    }
    const singleWriter = [
      GcePdType.PD_STANDARD, GcePdType.PD_BALANCED, GcePdType.PD_EXTREME,
      GcePdType.HYPERDISK_THROUGHPUT, GcePdType.HYPERDISK_EXTREME, GcePdType.HYPERDISK_ML,
    ];
    for (const type of singleWriter) {
      expect(BlockProvider.gcePd({ diskType: type }).supportsMultiAttach).toBe(false);
    }
  });

  test('provisioned IOPS and throughput only on the types that take them; throughput in Mi (ConvertMiStringToInt64)', () => {
    const balanced = BlockProvider.gcePd({ diskType: GcePdType.HYPERDISK_BALANCED, provisionedIops: 6000, provisionedThroughputMibps: 290 });
    expect(classParameters(balanced)).toEqual({
      'type': 'hyperdisk-balanced', 'provisioned-iops-on-create': '6000', 'provisioned-throughput-on-create': '290Mi',
    });
    expect(classParameters(BlockProvider.gcePd({ diskType: GcePdType.PD_EXTREME, provisionedIops: 10000 }))['provisioned-iops-on-create']).toBe('10000');
    expect(classParameters(BlockProvider.gcePd({ diskType: GcePdType.HYPERDISK_ML, provisionedThroughputMibps: 400 }))['provisioned-throughput-on-create']).toBe('400Mi');
    expect(() => BlockProvider.gcePd({ diskType: GcePdType.PD_SSD, provisionedIops: 6000 })).toThrow(
      'BlockProvider.gcePd(): invalid provisionedIops 6000. Allowed: provisionedIops only with pd-extreme, hyperdisk-balanced, hyperdisk-balanced-high-availability, ' +
      'hyperdisk-extreme (this class makes pd-ssd). Fix: remove provisionedIops, or choose one of those types');
    expect(() => BlockProvider.gcePd({ diskType: GcePdType.HYPERDISK_EXTREME, provisionedThroughputMibps: 100 })).toThrow(/invalid provisionedThroughputMibps 100. Allowed: provisionedThroughputMibps only with hyperdisk-balanced/);
    expect(() => BlockProvider.gcePd({ diskType: GcePdType.HYPERDISK_BALANCED, provisionedIops: 0 })).toThrow(/invalid provisionedIops 0. Allowed: an integer of at least 1. Fix: give provisionedIops as a whole number of at least 1$/);
  });
});

describe('Azure Disk (azuredisk-csi-driver pkg/azureutils/azure_disk_utils.go)', () => {
  // azuredisk-csi-driver d983d613: the driver's default caching is ReadOnly; PremiumV2_LRS refuses anything but None (ParseDiskParameters),
  // and Azure refuses to attach UltraSSD_LRS or a shared disk with caching (ControllerPublishVolume passes the mode on).
  test.each([
    [AzureDiskSku.PREMIUM_V2_LRS, 'the driver refuses "cachingMode ReadOnly is not supported for PremiumV2_LRS"'],
    [AzureDiskSku.ULTRA_SSD_LRS, 'Azure refuses to attach UltraSSD_LRS with caching ReadOnly'],
  ])('%s attaches only with cachingMode None, which the class writes when none is given', (sku, why) => {
    expect(() => BlockProvider.azureDisk({ skuName: sku, cachingMode: AzureDiskCachingMode.READ_ONLY })).toThrow(
      `BlockProvider.azureDisk(): invalid cachingMode "ReadOnly". Allowed: cachingMode None (${why}). Fix: set cachingMode: None (AzureDiskCachingMode.NONE), or leave cachingMode out`);
    expect(classParameters(BlockProvider.azureDisk({ skuName: sku, cachingMode: AzureDiskCachingMode.NONE }))).toEqual({ skuName: sku, cachingMode: 'None' });
    expect(classParameters(BlockProvider.azureDisk({ skuName: sku }))).toEqual({ skuName: sku, cachingMode: 'None' });
  });

  test('a shared disk (maxShares 2 or more) attaches only with cachingMode None: written by default, anything else refused', () => {
    expect(classParameters(BlockProvider.azureDisk({ skuName: AzureDiskSku.PREMIUM_LRS, maxShares: 2 }))).toEqual({ skuName: 'Premium_LRS', cachingMode: 'None', maxShares: '2' });
    expect(() => BlockProvider.azureDisk({ skuName: AzureDiskSku.PREMIUM_LRS, maxShares: 3, cachingMode: AzureDiskCachingMode.READ_WRITE })).toThrow(
      'BlockProvider.azureDisk(): invalid cachingMode "ReadWrite". Allowed: cachingMode None (Azure refuses to attach a shared disk (maxShares 3) with caching ReadWrite). '
      + 'Fix: set cachingMode: None (AzureDiskCachingMode.NONE), or leave cachingMode out');
    // One node per disk: the driver's default caching stays (not written).
    expect(classParameters(BlockProvider.azureDisk({ skuName: AzureDiskSku.PREMIUM_LRS }))).toEqual({ skuName: 'Premium_LRS' });
  });

  test('maxShares: an integer of at least 1; 2 or more serves raw-block multi-attach (IsValidVolumeCapabilities); not on Standard HDD', () => {
    expect(BlockProvider.azureDisk({ maxShares: 1 }).supportsMultiAttach).toBe(false);
    expect(() => BlockProvider.azureDisk({ maxShares: 0 })).toThrow(/invalid maxShares 0. Allowed: an integer of at least 1. Fix: give maxShares as a whole number of at least 1$/);
    expect(() => BlockProvider.azureDisk({ skuName: AzureDiskSku.STANDARD_LRS, maxShares: 2 })).toThrow(
      'BlockProvider.azureDisk(): invalid maxShares 2. Allowed: maxShares 1 with Standard_LRS (Azure shares only SSD and Ultra disks). ' +
      'Fix: choose an SSD SKU such as AzureDiskSku.PREMIUM_LRS, or remove maxShares');
    // A shared disk still never shares a filesystem: ReadWriteMany exists only as multiAttachClaim (Block).
    const shared = BlockStorageClass.fromStorageClassName('shared', BlockProvider.azureDisk({ skuName: AzureDiskSku.PREMIUM_LRS, maxShares: 2 }));
    expect(shared.multiAttachClaim(newChart(), 'q', { storage: Size.gibibytes(8) }).volumeMode).toBe(VolumeMode.BLOCK);
  });

  test('diskEncryptionSetId is a disk encryption set resource id (docs/driver-parameters.md)', () => {
    const id = '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des';
    expect(classParameters(BlockProvider.azureDisk({ diskEncryptionSetId: id })).diskEncryptionSetID).toBe(id);
    expect(() => BlockProvider.azureDisk({ diskEncryptionSetId: 'des' })).toThrow(
      /invalid diskEncryptionSetId "des". Allowed: a resource id \/subscriptions\/\{id\}\/resourceGroups\/\{group\}\/providers\/Microsoft.Compute\/diskEncryptionSets\/\{name\}/);
  });

  test('tags as ConvertTagsToMap (pkg/util/util.go) reads them: no <>%&?\\/ in keys, no "," in values, no spaces it would trim', () => {
    expect(classParameters(BlockProvider.azureDisk({ tags: { team: 'data', url: 'a=b' } })).tags).toBe('team=data,url=a=b');
    expect(() => BlockProvider.azureDisk({ tags: { 'a/b': 'x' } })).toThrow(
      'BlockProvider.azureDisk(): invalid tags "a/b". Allowed: non-empty tag keys without <>%&?\\/=, or spaces at either end. Fix: rename the tag "a/b"');
    expect(() => BlockProvider.azureDisk({ tags: { a: 'x,y' } })).toThrow(/invalid tags "x,y". Allowed: tag values without ","/);
    expect(() => BlockProvider.azureDisk({ tags: { ' a': 'x' } })).toThrow(/rename the tag " a"/);
  });

  test('zones on topology.disk.csi.azure.com/zone, named <region>-<n> (azuredisk.go topologyKey; IsValidAvailabilityZone)', () => {
    const chart = newChart();
    new BlockStorageClass(chart, 'sc', { provider: BlockProvider.azureDisk(), zones: ['eastus2-1', 'eastus2-2'] });
    expect(find(synthValid(chart), 'StorageClass').allowedTopologies).toEqual([
      { matchLabelExpressions: [{ key: 'topology.disk.csi.azure.com/zone', values: ['eastus2-1', 'eastus2-2'] }] },
    ]);
    expect(() => new BlockStorageClass(newChart(), 'sc', { provider: BlockProvider.azureDisk(), zones: ['1'] })).toThrow(
      'test/sc (BlockStorageClass): invalid zones "1". Allowed: zone names such as "eastus2-1" (Azure Disk ignores other names and makes the volume without a zone). ' +
      'Fix: write the zone as the node label topology.disk.csi.azure.com/zone shows it, e.g. "eastus2-1"');
  });
});

describe('AWS EBS (aws-ebs-csi-driver pkg/driver/controller.go, pkg/cloud/cloud.go)', () => {
  const gi = Size.gibibytes;
  const ti = Size.tebibytes;
  // The driver rounds a request up to whole GiB before it asks EC2 (cloud.go CreateDisk, util.RoundUpGiB; aws-ebs-csi-driver 429e202e),
  // so a request just under a type's minimum is served when it rounds up to it; what stays under is refused by AWS.
  test.each<[EbsVolumeType, Size, Size, Size, Size | undefined, Size]>([
    [EbsVolumeType.GP3, gi(1), ti(64), Size.mebibytes(500), undefined, ti(65)],
    [EbsVolumeType.GP2, gi(1), ti(16), Size.mebibytes(500), undefined, ti(17)],
    [EbsVolumeType.IO1, gi(4), ti(16), Size.mebibytes(3584), gi(3), ti(17)],
    [EbsVolumeType.IO2, gi(4), ti(64), Size.mebibytes(3073), gi(3), ti(65)],
    [EbsVolumeType.ST1, gi(125), ti(16), Size.mebibytes(124 * 1024 + 1), gi(124), ti(17)],
    [EbsVolumeType.SC1, gi(125), ti(16), Size.mebibytes(124 * 1024 + 512), gi(124), ti(17)],
    [EbsVolumeType.STANDARD, gi(1), ti(1), Size.mebibytes(1), undefined, ti(2)],
  ])('%s volumes: within the sizes of their type (Amazon EBS volume types), after the driver rounds up to whole GiB', (type, min, max, roundsUp, under, over) => {
    const ebs = BlockStorageClass.fromStorageClassName('ebs', BlockProvider.ebs({ volumeType: type }));
    expect(ebs.claim(newChart(), 'min', { storage: min }).storage).toBe(min);
    expect(ebs.claim(newChart(), 'max', { storage: max }).storage).toBe(max);
    expect(ebs.claim(newChart(), 'rounds-up', { storage: roundsUp }).storage).toBe(roundsUp);
    if (under) {
      expect(() => ebs.claim(newChart(), 'small', { storage: under })).toThrow(
        `invalid storage "${under.asString()}". Allowed: at least ${min.asString()}: AWS refuses ${type} volumes under ${min.asString()}. ` +
        `Fix: ask for ${min.asString()}, or pass roundUpToMinimum: true to have the claim ask for it`);
      expect(ebs.claim(newChart(), 'rounded', { storage: under, roundUpToMinimum: true }).storage.asString()).toBe(min.asString());
    }
    expect(() => ebs.claim(newChart(), 'big', { storage: over })).toThrow(`Allowed: at most ${max.asString()} on AWS EBS`);
  });

  test('a kmsKeyId turns encryption on by itself (cloud.go CreateDisk); encrypted: false with a key is refused', () => {
    const arn = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    expect(classParameters(BlockProvider.ebs({ kmsKeyId: arn }))).toEqual({ type: 'gp3', kmsKeyId: arn });
    expect(classParameters(BlockProvider.ebs({ kmsKeyId: 'alias/ebs-data' })).kmsKeyId).toBe('alias/ebs-data');
    expect(() => BlockProvider.ebs({ kmsKeyId: arn, encrypted: false })).toThrow(
      'BlockProvider.ebs(): invalid encrypted false. Allowed: encrypted true or unset with a kmsKeyId (the driver encrypts every volume made with a key). ' +
      'Fix: remove encrypted: false, or remove kmsKeyId');
    expect(() => BlockProvider.ebs({ kmsKeyId: ' ' })).toThrow(/invalid kmsKeyId " ". Allowed: a KMS key ARN, key id or alias, without spaces/);
  });

  test('allowAutoIopsPerGbIncrease raises iops as well as iopsPerGb (cloud.go capIOPS)', () => {
    expect(classParameters(BlockProvider.ebs({ volumeType: EbsVolumeType.IO2, iops: 100, allowAutoIopsPerGbIncrease: true }))).toEqual({
      type: 'io2', iops: '100', allowAutoIOPSPerGBIncrease: 'true',
    });
    expect(classParameters(BlockProvider.ebs({ iopsPerGb: 10, allowAutoIopsPerGbIncrease: true })).allowAutoIOPSPerGBIncrease).toBe('true');
    expect(() => BlockProvider.ebs({ allowAutoIopsPerGbIncrease: true })).toThrow(
      'BlockProvider.ebs(): invalid allowAutoIopsPerGbIncrease true. Allowed: allowAutoIopsPerGbIncrease with iops or iopsPerGb ' +
      '(it raises requested IOPS to the type\'s minimum). Fix: set iops or iopsPerGb, or remove allowAutoIopsPerGbIncrease');
  });

  test('tags become tagSpecification_N "key=value" (docs/tagging.md); reserved keys are refused (validation.go validateExtraTags)', () => {
    expect(classParameters(BlockProvider.ebs({ tags: { team: 'data', owner: '{{ .PVCNamespace }}', note: 'a=b' } }))).toEqual({
      type: 'gp3', tagSpecification_1: 'note=a=b', tagSpecification_2: 'owner={{ .PVCNamespace }}', tagSpecification_3: 'team=data',
    });
    for (const key of ['CSIVolumeName', 'kubernetes.io/cluster/x', 'ebs.csi.aws.com/cluster-name', 'ebs.csi.aws.com/x']) {
      expect(() => BlockProvider.ebs({ tags: { [key]: 'x' } })).toThrow(
        `BlockProvider.ebs(): invalid tags ${JSON.stringify(`${key}=x`)}. Allowed: a key other than CSIVolumeName, CSIVolumeSnapshotName, ebs.csi.aws.com/cluster-name `
        + 'and the prefixes kubernetes.io, ebs.csi.aws.com/ (the driver reserves them)');
    }
    expect(() => BlockProvider.ebs({ tags: { 'a=b': 'x' } })).toThrow(/invalid tags "a=b". Allowed: non-empty tag keys without "="/);
  });

  test('mkfs options go to the parameters; the fsType must take them, and no Block claim (constants.go FileSystemConfigs; validateFormattingOption)', () => {
    const everything = {
      blockSize: 4096,
      inodeSize: 512,
      bytesPerInode: 16384,
      numberOfInodes: 1000000,
      ext4BigAlloc: true,
      ext4ClusterSize: 65536,
      ext4EncryptionSupport: true,
    };
    expect(classParameters(BlockProvider.ebs({ formatOptions: everything }))).toEqual({
      type: 'gp3', blockSize: '4096', inodeSize: '512', bytesPerInode: '16384', numberOfInodes: '1000000', ext4BigAlloc: 'true', ext4ClusterSize: '65536', ext4EncryptionSupport: 'true',
    });
    expect(classParameters(BlockProvider.ebs({ fsType: FsType.XFS, formatOptions: { blockSize: 4096, inodeSize: 512 } }))).toMatchObject({ blockSize: '4096', inodeSize: '512' });
    expect(() => BlockProvider.ebs({ fsType: FsType.XFS, formatOptions: { bytesPerInode: 16384 } })).toThrow(
      'BlockProvider.ebs(): invalid formatOptions.bytesPerInode 16384. Allowed: bytesPerInode only with ext4 or ext3 (the driver refuses it with xfs). Fix: remove bytesPerInode, or change fsType');
    expect(() => BlockProvider.ebs({ fsType: FsType.EXT3, formatOptions: { ext4BigAlloc: true } })).toThrow(/invalid formatOptions.ext4BigAlloc true. Allowed: ext4BigAlloc only with ext4 \(the driver refuses it with ext3\)/);
    expect(() => BlockProvider.ebs({ formatOptions: { ext4ClusterSize: 65536 } })).toThrow(
      /invalid formatOptions.ext4ClusterSize 65536. Allowed: ext4ClusterSize only with ext4BigAlloc: true/);
    expect(() => BlockProvider.ebs({ formatOptions: { blockSize: 0 } })).toThrow(/invalid formatOptions.blockSize 0/);
    const formatted = BlockStorageClass.fromStorageClassName('fmt', BlockProvider.ebs({ formatOptions: { inodeSize: 512 } }));
    expect(() => formatted.claim(newChart(), 'raw', { storage: Size.gibibytes(8), volumeMode: VolumeMode.BLOCK })).toThrow(
      /invalid volumeMode "Block". Allowed: Filesystem volumes on this class: the driver refuses mkfs options \(inodeSize\) with a Block volume/);
    expect(formatted.claim(newChart(), 'fs', { storage: Size.gibibytes(8) }).volumeMode).toBe(VolumeMode.FILESYSTEM);
  });
});

/**
 * EBS limits read from aws-ebs-csi-driver 429e202e (pkg/driver/controller.go
 * CreateVolume, pkg/cloud/cloud.go capIOPS, pkg/util/template) and the EC2
 * CreateVolume API: each accepted and refused by the construct, and the same
 * class written by hand refused by check's class-parameters-refused with the
 * construct's reason.
 */
describe('AWS EBS class parameters (the construct and check agree)', () => {
  const handWritten = (parameters: { [key: string]: string }) => StorageCheck.check([{
    apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'ebs' }, provisioner: 'ebs.csi.aws.com', reclaimPolicy: 'Retain', parameters,
  }]).filter(f => f.ruleId === 'class-parameters-refused').map(f => f.message);
  const reason = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return /Allowed: (.*)\. Fix:/.exec((e as Error).message)![1];
    }
    throw new Error('expected an error');
  };

  test.each<[string, EbsOptions, { [key: string]: string }, EbsOptions]>([
    ['iops under the type minimum without automatic increase (AWS refuses)', { volumeType: EbsVolumeType.GP3, iops: 2000 }, { type: 'gp3', iops: '2000' }, { volumeType: EbsVolumeType.GP3, iops: 3000 }],
    ['io1 iops under 100', { volumeType: EbsVolumeType.IO1, iops: 50 }, { type: 'io1', iops: '50' }, { volumeType: EbsVolumeType.IO1, iops: 50, allowAutoIopsPerGbIncrease: true }],
    ['gp3 throughput under 125 MiB/s', { throughput: 100 }, { type: 'gp3', throughput: '100' }, { throughput: 125 }],
    ['gp3 throughput over 2000 MiB/s', { throughput: 2001 }, { type: 'gp3', throughput: '2001' }, { throughput: 2000 }],
    ['volumeInitializationRate outside 100-300 MiB/s', { volumeInitializationRate: 400 }, { type: 'gp3', volumeInitializationRate: '400' }, { volumeInitializationRate: 300 }],
    ['a tag key with the aws: prefix (AWS reserves it)', { tags: { 'aws:team': 'x' } }, { type: 'gp3', tagSpecification_1: 'aws:team=x' }, { tags: { team: 'x' } }],
    ['a tag key over 128 characters', { tags: { ['k'.repeat(129)]: 'x' } }, { type: 'gp3', tagSpecification_1: `${'k'.repeat(129)}=x` }, { tags: { ['k'.repeat(128)]: 'x' } }],
    ['a tag value over 256 characters', { tags: { team: 'v'.repeat(257) } }, { type: 'gp3', tagSpecification_1: `team=${'v'.repeat(257)}` }, { tags: { team: 'v'.repeat(256) } }],
    ['a tag template naming an unknown field', { tags: { pvc: '{{ .PVCNam }}' } }, { type: 'gp3', tagSpecification_1: 'pvc={{ .PVCNam }}' }, { tags: { pvc: '{{ .PVCName }}' } }],
    ['a tag template left open', { tags: { pvc: '{{ .PVCName' } }, { type: 'gp3', tagSpecification_1: 'pvc={{ .PVCName' }, { tags: { pvc: 'ns-{{ .PVCNamespace }}' } }],
    ['a tag template calling a disabled function', { tags: { pvc: '{{ html .PVName }}' } }, { type: 'gp3', tagSpecification_1: 'pvc={{ html .PVName }}' }, { tags: { pvc: '{{ toUpper .PVName }}' } }],
  ])('%s: refused by both, with one reason; the fixed class is accepted by both', (_, refused, parameters, accepted) => {
    const why = reason(() => BlockProvider.ebs(refused));
    expect(handWritten(parameters)).toEqual([expect.stringMatching(new RegExp(`; allowed: ${why.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`))]);
    const fixed = BlockProvider.ebs(accepted);
    expect(handWritten(classParameters(fixed))).toEqual([]);
  });

  test('the driver\'s own parse errors: a number the driver cannot parse is refused in check (the construct writes only digits)', () => {
    expect(handWritten({ type: 'gp3', iops: '1e9' })).toEqual(['class ebs (AWS EBS) has iops 1e9; allowed: a whole number (the driver refuses "Could not parse invalid iops")']);
    expect(handWritten({ type: 'gp3', iops: '3000', iopsPerGB: '10' })[0]).toMatch(/allowed: either iops or iopsPerGB \(the driver refuses "specify either IOPS or IOPSPerGb, not both"\)$/);
  });

  test('what the driver lowers silently (IOPS over the maximum or the per-GiB ratio) the construct refuses, and check accepts as AWS does', () => {
    expect(() => BlockProvider.ebs({ iops: 1e9 })).toThrow('invalid iops 1000000000. Allowed: at most 80000 for gp3 (the driver lowers more to that maximum)');
    expect(() => BlockProvider.ebs({ volumeType: EbsVolumeType.IO1, iopsPerGb: 51 })).toThrow('invalid iopsPerGb 51. Allowed: at most 50 per GiB for io1 (the driver lowers more to that ratio)');
    expect(classParameters(BlockProvider.ebs({ volumeType: EbsVolumeType.IO2, iopsPerGb: 1000 }))).toMatchObject({ iopsPerGB: '1000' });
    expect(handWritten({ type: 'gp3', iops: '1000000000' })).toEqual([]);
  });

  test('the new parameters: volumeInitializationRate, allowAutoIOPSIncreaseOnModify, blockAttachUntilInitialized', () => {
    const ebs = BlockProvider.ebs({
      volumeType: EbsVolumeType.IO2,
      iopsPerGb: 50,
      allowAutoIopsIncreaseOnModify: true,
      volumeInitializationRate: 200,
      blockAttachUntilInitialized: true,
    });
    expect(classParameters(ebs))
      .toEqual({ type: 'io2', iopsPerGB: '50', allowAutoIOPSIncreaseOnModify: 'true', volumeInitializationRate: '200', blockAttachUntilInitialized: 'true' });
    expect(() => BlockProvider.ebs({ allowAutoIopsIncreaseOnModify: true })).toThrow(
      'invalid allowAutoIopsIncreaseOnModify true. Allowed: allowAutoIopsIncreaseOnModify with iopsPerGb (it keeps IOPS per GiB as a volume grows)');
    expect(() => BlockProvider.ebs({ volumeInitializationRate: 150.5 })).toThrow(/invalid volumeInitializationRate 150.5/);
  });
});

describe('GCE PD regional classes need two zones (pickZonesFromTopology, gcp-compute-persistent-disk-csi-driver b560165c)', () => {
  const why = 'two zones or more for a regional disk (the driver refuses "need 2 zones from topology, only got 1 unique zones")';
  test.each<[string, GcePdOptions]>([
    ['regional-pd', { replication: GcePdReplication.REGIONAL_PD }],
    ['hyperdisk-balanced-high-availability', { diskType: GcePdType.HYPERDISK_BALANCED_HIGH_AVAILABILITY }],
  ])('%s with one zone: refused by the construct and by check, with one reason; two zones or none are accepted', (_, options) => {
    expect(() => new BlockStorageClass(newChart(), 'regional', { provider: BlockProvider.gcePd(options), zones: ['europe-west1-b'] })).toThrow(
      `test/regional (BlockStorageClass): invalid zones ["europe-west1-b"]. Allowed: ${why}. Fix: allow two zones of the region, or leave the zones out`);
    const two = newChart();
    new BlockStorageClass(two, 'regional', { provider: BlockProvider.gcePd(options), zones: ['europe-west1-b', 'europe-west1-c'] });
    const [cls] = synthValid(two).filter(m => m.kind === 'StorageClass');
    const findings = (zones: string[]) => StorageCheck.check([{ ...cls, allowedTopologies: [{ matchLabelExpressions: [{ key: 'topology.gke.io/zone', values: zones }] }] }])
      .filter(f => f.ruleId === 'class-parameters-refused');
    expect(findings(['europe-west1-b']).map(f => [f.field, f.message])).toEqual([['allowedTopologies', `class regional (GCE PD) has allowedTopologies europe-west1-b; allowed: ${why}`]]);
    expect(findings(['europe-west1-b', 'europe-west1-c'])).toEqual([]);
    expect(StorageCheck.check([{ ...cls, allowedTopologies: undefined }]).filter(f => f.ruleId === 'class-parameters-refused')).toEqual([]);
  });

  test('a zonal class with one zone is fine', () => {
    expect(() => new BlockStorageClass(newChart(), 'zonal', { provider: BlockProvider.gcePd({ diskType: GcePdType.PD_SSD }), zones: ['europe-west1-b'] })).not.toThrow();
  });
});
