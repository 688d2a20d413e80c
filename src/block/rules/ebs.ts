import { Size } from 'cdk8s';
import { BlockDriver, DriverCapabilities, parameterIgnoringCase, ProviderRules, withCapabilities } from './provider-rules';
import { requireInteger } from '../../core/checks';
import { invalid } from '../../core/errors';
import { FsType } from '../../core/fs-type';
import { definedParameters, FS_TYPE_KEY } from '../../core/parameters';
import { EbsFormatOptions, EbsOptions, EbsVolumeType } from '../ebs-options';

const PROVISIONED_IOPS_TYPES = [EbsVolumeType.GP3, EbsVolumeType.IO1, EbsVolumeType.IO2];
const WHERE = 'BlockProvider.ebs()';


/**
 * Volume sizes EC2 CreateVolume accepts per type (the driver passes the size
 * through): Amazon EBS User Guide, "Amazon EBS volume types". gp3 grew to
 * 64 TiB with 80,000 IOPS, which the driver's own error samples quote
 * (pkg/cloud/cloud.go, "maximum is 80000").
 */
const SIZE_LIMITS: { [type: string]: [Size, Size] } = {
  [EbsVolumeType.GP3]: [Size.gibibytes(1), Size.tebibytes(64)],
  [EbsVolumeType.GP2]: [Size.gibibytes(1), Size.tebibytes(16)],
  [EbsVolumeType.IO1]: [Size.gibibytes(4), Size.tebibytes(16)],
  [EbsVolumeType.IO2]: [Size.gibibytes(4), Size.tebibytes(64)],
  [EbsVolumeType.ST1]: [Size.gibibytes(125), Size.tebibytes(16)],
  [EbsVolumeType.SC1]: [Size.gibibytes(125), Size.tebibytes(16)],
  [EbsVolumeType.STANDARD]: [Size.gibibytes(1), Size.tebibytes(1)],
};

/**
 * Tag keys the driver refuses (pkg/driver/validation.go validateExtraTags):
 * CSIVolumeName and CSIVolumeSnapshotName (pkg/cloud/cloud.go), the cluster-name
 * tag, and the `kubernetes.io` and `ebs.csi.aws.com/` prefixes.
 */
const RESERVED_TAG_KEYS = ['CSIVolumeName', 'CSIVolumeSnapshotName', 'ebs.csi.aws.com/cluster-name'];
const RESERVED_TAG_PREFIXES = ['kubernetes.io', 'ebs.csi.aws.com/'];

/**
 * mkfs options, each written under its own name, and the filesystems that refuse them
 * (pkg/driver/constants.go FileSystemConfigs, checked by validateFormattingOption).
 */
/** The filesystems the EBS driver formats (case-sensitive in the driver); the only backend with ext3. */
export const EBS_FS_TYPES = [FsType.EXT4, FsType.XFS, FsType.EXT3];

const FORMAT_PARAMETERS: Array<[keyof EbsFormatOptions, FsType[]]> = [
  ['blockSize', []],
  ['inodeSize', []],
  ['bytesPerInode', [FsType.XFS]],
  ['numberOfInodes', [FsType.XFS]],
  ['ext4BigAlloc', [FsType.XFS, FsType.EXT3]],
  ['ext4ClusterSize', [FsType.XFS, FsType.EXT3]],
  ['ext4EncryptionSupport', [FsType.XFS, FsType.EXT3]],
];

// docs/parameters.md: the zone is topology.kubernetes.io/zone (or the driver's own topology.ebs.csi.aws.com/zone).
export const EBS_DRIVER: BlockDriver = {
  label: 'AWS EBS',
  provisioner: 'ebs.csi.aws.com',
  topologyKey: 'topology.kubernetes.io/zone',
  capabilities: ebsCapabilities,
};

/** What an EBS class serves; controller.go reads the keys lower-cased, and CreateDisk makes gp3 when no type is given (cloud.go). */
function ebsCapabilities(parameters: { [key: string]: string }): DriverCapabilities {
  const type = parameterIgnoringCase(parameters, 'type') ?? EbsVolumeType.GP3;
  const limits = SIZE_LIMITS[type];
  const format = FORMAT_PARAMETERS.map(([key]) => key).filter(key => parameterIgnoringCase(parameters, key) !== undefined);
  return {
    // CreateDisk rounds every request up to whole GiB (util.RoundUpGiB) before it asks AWS.
    minimumSize: limits && { size: limits[0], reason: `AWS refuses ${type} volumes under ${limits[0].asString()}`, roundsUpTo: Size.gibibytes(1) },
    maximumSize: limits?.[1],
    // validateFormattingOption: "Cannot use <option> with block volume".
    blockModeProblem: format.length > 0 ? `the driver refuses mkfs options (${format.join(', ')}) with a Block volume` : undefined,
    // CreateDisk: "multi-attach is only supported for io2 volumes"; the driver serves MULTI_NODE_MULTI_WRITER for Block only.
    multiAttachProblem: type === EbsVolumeType.IO2 ? undefined : `EBS multi-attach needs io2 volumes; this class makes ${type}`,
  };
}

/** AWS EBS CSI, pkg/driver/controller.go CreateVolume and pkg/cloud/cloud.go CreateDisk. */
export function ebsRules(options: EbsOptions): ProviderRules {
  const type = options.type ?? EbsVolumeType.GP3;
  checkIops(options, type);
  checkEncryption(options);
  const format = formatParameters(options.formatOptions ?? {}, options.fsType ?? FsType.EXT4);
  return withCapabilities(EBS_DRIVER, definedParameters([
    ['type', type],
    ['iops', options.iops],
    ['iopsPerGB', options.iopsPerGb],
    ['allowAutoIOPSPerGBIncrease', options.allowAutoIopsPerGbIncrease],
    ['throughput', options.throughput],
    [FS_TYPE_KEY, options.fsType],
    ['encrypted', options.encrypted],
    ['kmsKeyId', options.kmsKeyId],
    ...format,
    ...tagParameters(options.tags ?? {}),
  ]));
}

function checkIops(options: EbsOptions, type: EbsVolumeType): void {
  requireInteger(WHERE, 'iops', options.iops, { min: 1, fix: 'give iops as a whole number of at least 1' });
  requireInteger(WHERE, 'iopsPerGb', options.iopsPerGb, { min: 1, fix: 'give iopsPerGb as a whole number of at least 1' });
  requireInteger(WHERE, 'throughput', options.throughput, { min: 1, fix: 'give throughput as a whole number of at least 1' });
  if (options.iops !== undefined && options.iopsPerGb !== undefined) {
    // CreateDisk: "specify either IOPS or IOPSPerGb, not both".
    reject('iops', `${options.iops} with iopsPerGb ${options.iopsPerGb}`, 'either iops or iopsPerGb (the driver rejects a class with both)', 'keep one of them');
  }
  if ((options.iops ?? options.iopsPerGb) !== undefined && !PROVISIONED_IOPS_TYPES.includes(type)) {
    reject(options.iops !== undefined ? 'iops' : 'iopsPerGb', type, 'provisioned IOPS only with gp3, io1 or io2', 'remove the IOPS setting or choose one of those types');
  }
  // capIOPS raises requested IOPS (from iops or iopsPerGb) to the minimum; with neither there is nothing to raise.
  if (options.allowAutoIopsPerGbIncrease && options.iops === undefined && options.iopsPerGb === undefined) {
    reject('allowAutoIopsPerGbIncrease', true, 'allowAutoIopsPerGbIncrease with iops or iopsPerGb (it raises requested IOPS to the type\'s minimum)',
      'set iops or iopsPerGb, or remove allowAutoIopsPerGbIncrease');
  }
  if (options.throughput !== undefined && type !== EbsVolumeType.GP3) {
    reject('throughput', type, 'throughput only with gp3 (the driver ignores it otherwise)', 'remove throughput or use EbsVolumeType.GP3');
  }
}

/** CreateDisk sets Encrypted whenever a KMS key is given (pkg/cloud/cloud.go), so `encrypted: false` with a key would be a lie. */
function checkEncryption(options: EbsOptions): void {
  const key = options.kmsKeyId;
  if (key !== undefined && (key.trim() === '' || /\s/.test(key))) {
    reject('kmsKeyId', key, 'a KMS key ARN, key id or alias, without spaces', 'copy the key ARN from `aws kms describe-key`');
  }
  if (key !== undefined && options.encrypted === false) {
    reject('encrypted', false, 'encrypted true or unset with a kmsKeyId (the driver encrypts every volume made with a key)', 'remove encrypted: false, or remove kmsKeyId');
  }
}

function formatParameters(format: EbsFormatOptions, fsType: FsType): Array<[string, string | number | boolean | undefined]> {
  const entries: Array<[string, string | number | boolean | undefined]> = [];
  for (const [prop, refusedBy] of FORMAT_PARAMETERS) {
    const value = format[prop];
    if (value === undefined || value === false) continue;
    if (typeof value === 'number') requireInteger(WHERE, `formatOptions.${prop}`, value, { min: 1, fix: `give formatOptions.${prop} as a whole number of at least 1` });
    if (refusedBy.includes(fsType)) {
      reject(`formatOptions.${prop}`, value, `${prop} only with ${EBS_FS_TYPES.filter(f => !refusedBy.includes(f)).join(' or ')} (the driver refuses it with ${fsType})`,
        `remove ${prop}, or change fsType`);
    }
    entries.push([prop, value]);
  }
  // CreateVolume: "Cannot set ext4BigAllocClusterSize when ext4BigAlloc is false".
  if (format.ext4ClusterSize !== undefined && !format.ext4BigAlloc) {
    reject('formatOptions.ext4ClusterSize', format.ext4ClusterSize, 'ext4ClusterSize only with ext4BigAlloc: true', 'set ext4BigAlloc: true, or remove ext4ClusterSize');
  }
  return entries;
}

/** One `tagSpecification_N: "key=value"` per tag, sorted by key; the driver splits at the first "=" (pkg/util/template Evaluate). */
function tagParameters(tags: { [key: string]: string }): Array<[string, string]> {
  return Object.keys(tags).sort().map((key, i) => {
    if (key === '' || key.includes('=')) {
      reject('tags', key, 'non-empty tag keys without "=" (the driver splits "key=value" at the first "=")', `rename the tag ${JSON.stringify(key)}`);
    }
    if (RESERVED_TAG_KEYS.includes(key) || RESERVED_TAG_PREFIXES.some(p => key.startsWith(p))) {
      reject('tags', key, `tag keys other than ${RESERVED_TAG_KEYS.join(', ')} and the prefixes ${RESERVED_TAG_PREFIXES.join(', ')} (the driver reserves them)`,
        `rename the tag ${JSON.stringify(key)}`);
    }
    return [`tagSpecification_${i + 1}`, `${key}=${tags[key]}`];
  });
}

function reject(prop: string, value: unknown, allowed: string, fix: string): never {
  throw invalid({ where: WHERE, prop, value, allowed, fix });
}
