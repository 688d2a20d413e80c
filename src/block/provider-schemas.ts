import { AzureDiskCachingMode, AzureDiskOptions, AzureDiskSku } from './azure-disk-options';
import { EbsFormatOptions, EbsOptions, EbsVolumeType } from './ebs-options';
import { GcePdOptions, GcePdReplication, GcePdType } from './gce-pd-options';
import { OciAttachmentType, OciBlockVolumeOptions } from './oci-options';
import { EBS_FS_TYPES } from './rules/ebs';
import { bool, enumOf, mapOf, num, optional, Schema, str, struct } from '../core/checks';
import { FsType, fsTypeAmong } from '../core/fs-type';
import { STRING_MAP } from '../core/schemas';

/**
 * Runtime schemas of the BlockProvider factories' options (see core/checks.ts);
 * apart from schemas.ts, which needs the BlockProvider class that imports these.
 */

export const FS_TYPE = fsTypeAmong([FsType.EXT4, FsType.XFS], 'the filesystems this library formats block volumes with');

const EBS_FORMAT_OPTIONS: Schema<EbsFormatOptions> = {
  blockSize: optional(num()),
  inodeSize: optional(num()),
  bytesPerInode: optional(num()),
  numberOfInodes: optional(num()),
  ext4BigAlloc: optional(bool()),
  ext4ClusterSize: optional(num()),
  ext4EncryptionSupport: optional(bool()),
};

export const EBS_OPTIONS: Schema<EbsOptions> = {
  volumeType: optional(enumOf(EbsVolumeType, 'EbsVolumeType')),
  iops: optional(num()),
  iopsPerGb: optional(num()),
  allowAutoIopsPerGbIncrease: optional(bool()),
  throughput: optional(num()),
  volumeInitializationRate: optional(num()),
  allowAutoIopsIncreaseOnModify: optional(bool()),
  blockAttachUntilInitialized: optional(bool()),
  fsType: fsTypeAmong(EBS_FS_TYPES, 'the filesystems the EBS driver formats, case-sensitive'),
  encrypted: optional(bool()),
  kmsKeyId: optional(str('a KMS key ARN')),
  tags: optional(STRING_MAP),
  formatOptions: optional(struct(EBS_FORMAT_OPTIONS, 'EbsFormatOptions')),
};

export const OCI_OPTIONS: Schema<OciBlockVolumeOptions> = {
  vpusPerGb: optional(num()),
  attachmentType: optional(enumOf(OciAttachmentType, 'OciAttachmentType')),
  kmsKeyId: optional(str('a KMS key OCID')),
  fsType: FS_TYPE,
  freeformTags: optional(STRING_MAP),
  definedTags: optional(mapOf(STRING_MAP)),
};

export const GCE_PD_OPTIONS: Schema<GcePdOptions> = {
  diskType: optional(enumOf(GcePdType, 'GcePdType')),
  replication: optional(enumOf(GcePdReplication, 'GcePdReplication')),
  diskEncryptionKmsKey: optional(str('a Cloud KMS key name')),
  labels: optional(STRING_MAP),
  fsType: FS_TYPE,
  provisionedIops: optional(num()),
  provisionedThroughputMibps: optional(num()),
};

export const AZURE_DISK_OPTIONS: Schema<AzureDiskOptions> = {
  skuName: optional(enumOf(AzureDiskSku, 'AzureDiskSku')),
  cachingMode: optional(enumOf(AzureDiskCachingMode, 'AzureDiskCachingMode')),
  fsType: FS_TYPE,
  maxShares: optional(num()),
  diskEncryptionSetId: optional(str('a disk encryption set resource id')),
  tags: optional(STRING_MAP),
};
