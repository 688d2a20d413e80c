import { Size } from 'cdk8s';
import { BlockDriver, DriverCapabilities, parameterIgnoringCase, ProviderRules, withCapabilities } from './provider-rules';
import { requireInteger } from '../../core/checks';
import { invalid } from '../../core/errors';
import { FsType } from '../../core/fs-type';
import { definedParameters, FS_TYPE_KEY } from '../../core/parameters';
import { ClassProblem } from '../../core/volume-driver';
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
  // pkg/driver/controller.go controllerCaps (429e202): CREATE_DELETE_SNAPSHOT, CLONE_VOLUME (v1.51.0, EC2 CopyVolumes), MODIFY_VOLUME.
  // pkg/driver/controller.go CreateVolume: util.RoundUpBytes.
  roundsToGiB: true,
  snapshots: true,
  cloning: true,
  modifiesVolumes: true,
  topologyKey: 'topology.kubernetes.io/zone',
  capabilities: ebsCapabilities,
  classProblems: ebsClassProblems,
};

/**
 * IOPS limits per type (aws-ebs-csi-driver 429e202e pkg/cloud/cloud.go, the
 * limits table and capIOPS): below the minimum AWS refuses the volume unless
 * allowAutoIOPSPerGBIncrease raises it; above the maximum (AWS's, found by a
 * dry run: gp3 80000) or the per-GiB ratio the driver lowers it silently.
 */
const IOPS_LIMITS: { readonly [type: string]: { readonly min: number; readonly max: number; readonly maxPerGb: number } } = {
  [EbsVolumeType.GP3]: { min: 3000, max: 80000, maxPerGb: 500 },
  [EbsVolumeType.IO1]: { min: 100, max: 64000, maxPerGb: 50 },
  [EbsVolumeType.IO2]: { min: 100, max: 256000, maxPerGb: 1000 },
};
/** CreateVolume throughput range, gp3 only (Amazon EC2 API, CreateVolume Throughput: "Valid Range: 125 - 2000"). */
const THROUGHPUT_RANGE = [125, 2000];
/** CreateVolume VolumeInitializationRate (Amazon EC2 API: "Valid range: 100 - 300 MiB/s", for volumes from snapshots). */
const INITIALIZATION_RATE_RANGE = [100, 300];
/** The parameters the driver parses as int32 (controller.go CreateVolume, strconv.ParseInt(v, 10, 32)). */
const INT32_PARAMETERS = ['iops', 'iopsPerGB', 'throughput', 'volumeInitializationRate'];
/** The fields a tag value's Go template may name (pkg/util/template PVProps), and the functions the driver disables. */
const TAG_TEMPLATE_FIELDS = ['PVCName', 'PVCNamespace', 'PVName'];
const TAG_TEMPLATE_DISABLED = ['html', 'js', 'call', 'urlquery'];

/**
 * What the driver or AWS refuses in an EBS class's parameters (the driver
 * lower-cases the keys, except the case-sensitive tagSpecification prefix).
 */
function ebsClassProblems(parameters: { [key: string]: string }): ClassProblem[] {
  const problems: ClassProblem[] = [];
  const problem = (parameter: string, value: string | undefined, allowed: string, fix: string) => problems.push({ parameter, value, allowed, fix });
  for (const key of INT32_PARAMETERS) {
    const value = parameterIgnoringCase(parameters, key);
    if (value !== undefined && !isInt32(value)) problem(key, value, `a whole number (the driver refuses "Could not parse invalid ${key.toLowerCase()}")`, `write ${key} as digits`);
  }
  const type = parameterIgnoringCase(parameters, 'type') ?? EbsVolumeType.GP3;
  const [iops, iopsPerGb] = [parameterIgnoringCase(parameters, 'iops'), parameterIgnoringCase(parameters, 'iopsPerGB')];
  if (iops !== undefined && iopsPerGb !== undefined) {
    problem('iops', iops, 'either iops or iopsPerGB (the driver refuses "specify either IOPS or IOPSPerGb, not both")', 'keep one of them');
  }
  const limits = IOPS_LIMITS[type];
  const autoIncrease = parameterIgnoringCase(parameters, 'allowAutoIOPSPerGBIncrease') === 'true';
  if (limits && iops !== undefined && isInt32(iops) && Number(iops) < limits.min && !autoIncrease) {
    problem('iops', iops, `at least ${limits.min} for ${type} (AWS refuses fewer), or allowAutoIOPSPerGBIncrease: "true" to raise it`, `ask for ${limits.min} IOPS or more`);
  }
  const throughput = parameterIgnoringCase(parameters, 'throughput');
  if (throughput !== undefined && isInt32(throughput)) {
    const [low, high] = THROUGHPUT_RANGE;
    if (type !== EbsVolumeType.GP3) problem('throughput', throughput, `throughput only with gp3 (AWS refuses it for ${type})`, 'remove throughput, or use type gp3');
    else if (Number(throughput) < low || Number(throughput) > high) problem('throughput', throughput, `${low} to ${high} MiB/s (AWS refuses others)`, `ask for ${low} to ${high} MiB/s`);
  }
  const rate = parameterIgnoringCase(parameters, 'volumeInitializationRate');
  const [lowRate, highRate] = INITIALIZATION_RATE_RANGE;
  if (rate !== undefined && isInt32(rate) && (Number(rate) < lowRate || Number(rate) > highRate)) {
    problem('volumeInitializationRate', rate, `${lowRate} to ${highRate} MiB/s (AWS refuses others)`, `ask for ${lowRate} to ${highRate} MiB/s`);
  }
  for (const [key, value] of Object.entries(parameters).filter(([k]) => k.startsWith('tagSpecification'))) {
    const why = tagProblem(value);
    if (why) problem(key, value, why, 'correct the tag');
  }
  const tagCount = Object.keys(parameters).filter(k => k.startsWith('tagSpecification')).length;
  if (tagCount > 50) problem('tagSpecification_51', undefined, `at most 50 tags (AWS refuses more; this class has ${tagCount})`, 'drop tags');
  return problems;
}

function isInt32(value: string): boolean {
  return /^[+-]?\d+$/.test(value) && Math.abs(Number(value)) <= 2147483647;
}

/** What is wrong with a `key=value` tag: the driver's format, reserved keys and Go template, and AWS's tag rules. */
export function tagProblem(tag: string): string | undefined {
  const at = tag.indexOf('=');
  if (at < 0) return 'key=value (the driver refuses "the key-value pair doesn\'t contain a value")';
  const [key, value] = [tag.slice(0, at), tag.slice(at + 1)];
  if (RESERVED_TAG_KEYS.includes(key) || RESERVED_TAG_PREFIXES.some(p => key.startsWith(p))) {
    return `a key other than ${RESERVED_TAG_KEYS.join(', ')} and the prefixes ${RESERVED_TAG_PREFIXES.join(', ')} (the driver reserves them)`;
  }
  if (key.toLowerCase().startsWith('aws:')) return 'a key that does not start with aws: (AWS reserves the prefix)';
  if (key.length > 128) return 'a key of at most 128 characters (AWS refuses longer)';
  const template = templateProblem(value);
  if (template) return template;
  if (!value.includes('{{') && value.length > 256) return 'a value of at most 256 characters (AWS refuses longer)';
  return undefined;
}

/** The driver runs a tag value as a Go text/template over PVCName, PVCNamespace and PVName ("Error interpolating tag value" otherwise). */
function templateProblem(value: string): string | undefined {
  const opens = value.split('{{').length - 1;
  if (opens !== value.split('}}').length - 1) return 'a value whose {{ }} actions are closed (the driver refuses "Error interpolating tag value: ... unclosed action")';
  for (const [, action] of value.matchAll(/\{\{(.*?)\}\}/g)) {
    const unknown = [...action.matchAll(/(?:^|[\s(|])\.([A-Za-z_]\w*)/g)].map(([, field]) => field).find(field => !TAG_TEMPLATE_FIELDS.includes(field));
    if (unknown) return `a template of ${TAG_TEMPLATE_FIELDS.map(f => `.${f}`).join(', ')} (the driver refuses "can't evaluate field ${unknown}")`;
    const disabled = TAG_TEMPLATE_DISABLED.find(f => new RegExp(`(^|[\\s(|])${f}(\\s|$)`).test(action.trim()));
    if (disabled) return `a template without ${disabled} (the driver refuses "cannot call '${disabled}' function")`;
  }
  return undefined;
}

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
  const type = options.volumeType ?? EbsVolumeType.GP3;
  checkIops(options, type);
  checkEncryption(options);
  const format = formatParameters(options.formatOptions ?? {}, options.fsType ?? FsType.EXT4);
  const parameters = definedParameters([
    ['type', type],
    ['iops', options.iops],
    ['iopsPerGB', options.iopsPerGb],
    ['allowAutoIOPSPerGBIncrease', options.allowAutoIopsPerGbIncrease],
    ['throughput', options.throughput],
    ['volumeInitializationRate', options.volumeInitializationRate],
    ['allowAutoIOPSIncreaseOnModify', options.allowAutoIopsIncreaseOnModify],
    ['blockAttachUntilInitialized', options.blockAttachUntilInitialized],
    [FS_TYPE_KEY, options.fsType],
    ['encrypted', options.encrypted],
    ['kmsKeyId', options.kmsKeyId],
    ...format,
    ...tagParameters(options.tags ?? {}),
  ]);
  for (const problem of ebsClassProblems(parameters)) {
    reject(PROP_OF_PARAMETER[problem.parameter] ?? 'tags', problem.value, problem.allowed, problem.fix);
  }
  return withCapabilities(EBS_DRIVER, parameters);
}

/** The option each parameter comes from, for the construct's message; tags are `tagSpecification_N`. */
const PROP_OF_PARAMETER: { readonly [parameter: string]: string } = {
  iops: 'iops', iopsPerGB: 'iopsPerGb', throughput: 'throughput', volumeInitializationRate: 'volumeInitializationRate',
};

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
  requireInteger(WHERE, 'volumeInitializationRate', options.volumeInitializationRate, { min: 1, fix: 'give volumeInitializationRate in whole MiB/s' });
  const limits = IOPS_LIMITS[type];
  // Above the maximum the driver lowers the IOPS silently: the class would not give what it says.
  if (limits && options.iops !== undefined && options.iops > limits.max) {
    reject('iops', options.iops, `at most ${limits.max} for ${type} (the driver lowers more to that maximum)`, `ask for ${limits.max} IOPS or fewer`);
  }
  if (limits && options.iopsPerGb !== undefined && options.iopsPerGb > limits.maxPerGb) {
    reject('iopsPerGb', options.iopsPerGb, `at most ${limits.maxPerGb} per GiB for ${type} (the driver lowers more to that ratio)`, `ask for ${limits.maxPerGb} or fewer`);
  }
  if (options.allowAutoIopsIncreaseOnModify && options.iopsPerGb === undefined) {
    reject('allowAutoIopsIncreaseOnModify', true, 'allowAutoIopsIncreaseOnModify with iopsPerGb (it keeps IOPS per GiB as a volume grows)',
      'set iopsPerGb, or remove allowAutoIopsIncreaseOnModify');
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
export function tagParameters(tags: { [key: string]: string }, where: string = WHERE): Array<[string, string]> {
  return Object.keys(tags).sort().map((key, i) => {
    if (key === '' || key.includes('=')) {
      throw invalid({ where, prop: 'tags', value: key, allowed: 'non-empty tag keys without "=" (the driver splits "key=value" at the first "=")', fix: `rename the tag ${JSON.stringify(key)}` });
    }
    // Reserved keys and AWS's tag rules are judged on the rendered value, with check, by ebsClassProblems.
    return [`tagSpecification_${i + 1}`, `${key}=${tags[key]}`];
  });
}

function reject(prop: string, value: unknown, allowed: string, fix: string): never {
  throw invalid({ where: WHERE, prop, value, allowed, fix });
}
