import { AzureDiskCachingMode, AzureDiskOptions, AzureDiskSku } from './azure-disk-options';
import { BlockFsType } from './block-access-mode';
import { EbsFsType, EbsOptions, EbsVolumeType } from './ebs-options';
import { GcePdOptions, GcePdReplication, GcePdType } from './gce-pd-options';
import { OciAttachmentType, OciBlockVolumeOptions } from './oci-options';
import { Schema, bool, enumOf, num, optional, str } from '../core/checks';
import { STRING_MAP } from '../core/schemas';

/**
 * Runtime schemas of the BlockProvider factories' options (see core/checks.ts);
 * apart from schemas.ts, which needs the BlockProvider class that imports these.
 */

const FS_TYPE = optional(enumOf(BlockFsType, 'BlockFsType'));

export const EBS_OPTIONS: Schema<EbsOptions> = {
  type: optional(enumOf(EbsVolumeType, 'EbsVolumeType')),
  iops: optional(num()),
  iopsPerGb: optional(num()),
  allowAutoIopsPerGbIncrease: optional(bool()),
  throughput: optional(num()),
  fsType: optional(enumOf(EbsFsType, 'EbsFsType')),
  encrypted: optional(bool()),
  kmsKeyId: optional(str('a KMS key ARN')),
};

export const OCI_OPTIONS: Schema<OciBlockVolumeOptions> = {
  vpusPerGb: optional(num()),
  attachmentType: optional(enumOf(OciAttachmentType, 'OciAttachmentType')),
  kmsKeyId: optional(str('a KMS key OCID')),
  fsType: FS_TYPE,
};

export const GCE_PD_OPTIONS: Schema<GcePdOptions> = {
  type: optional(enumOf(GcePdType, 'GcePdType')),
  replication: optional(enumOf(GcePdReplication, 'GcePdReplication')),
  diskEncryptionKmsKey: optional(str('a Cloud KMS key name')),
  labels: optional(STRING_MAP),
  fsType: FS_TYPE,
};

export const AZURE_DISK_OPTIONS: Schema<AzureDiskOptions> = {
  skuName: optional(enumOf(AzureDiskSku, 'AzureDiskSku')),
  cachingMode: optional(enumOf(AzureDiskCachingMode, 'AzureDiskCachingMode')),
  fsType: FS_TYPE,
};
