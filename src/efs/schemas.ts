import { EfsAccessMode } from './efs-access-mode';
import {
  EfsClaimOptions, EfsExistingVolumeProps, EfsFileSystemIdReference, EfsGidRange, EfsMountOptions,
  EfsProvisioningMode, EfsSecretReference, EfsStorageClassProps,
} from './efs-props';
import { Schema, bool, enumOf, num, optional, size, str, struct } from '../core/checks';
import { NAME, RECLAIM_POLICY } from '../core/schemas';

/** Runtime schemas of the EFS props (see core/checks.ts); not part of the public API. */

const MOUNT_OPTIONS: Schema<EfsMountOptions> = { encryptInTransit: optional(bool()), iam: optional(bool()) };
const GID_RANGE: Schema<EfsGidRange> = { start: num(), end: num() };
const SECRET_REFERENCE: Schema<EfsSecretReference> = { name: str('a Secret name'), namespaceName: str('a namespace') };
const FILE_SYSTEM_ID = str('a file system id such as "fs-0123456789abcdef0"');

const FILE_SYSTEM_ID_REFERENCE: Schema<EfsFileSystemIdReference> = { namespaceName: str('a namespace'), name: str('a ConfigMap or Secret name'), key: str('a key') };

export const EFS_STORAGE_CLASS_PROPS: Schema<EfsStorageClassProps> = {
  ...MOUNT_OPTIONS,
  fileSystemId: optional(FILE_SYSTEM_ID),
  fileSystemIdConfigMap: optional(struct(FILE_SYSTEM_ID_REFERENCE, 'EfsFileSystemIdReference')),
  fileSystemIdSecret: optional(struct(FILE_SYSTEM_ID_REFERENCE, 'EfsFileSystemIdReference')),
  provisioningMode: optional(enumOf(EfsProvisioningMode, 'EfsProvisioningMode')),
  enableTagging: optional(bool()),
  directoryPerms: optional(str('octal permissions such as "700"')),
  uid: optional(num()),
  gid: optional(num()),
  gidRange: optional(struct(GID_RANGE, 'EfsGidRange')),
  basePath: optional(str()),
  subPathPattern: optional(str()),
  ensureUniqueDirectory: optional(bool()),
  reuseAccessPoint: optional(bool()),
  az: optional(str('an availability zone such as "us-east-1a"')),
  crossAccountSecret: optional(struct(SECRET_REFERENCE, 'EfsSecretReference')),
  enforceZoneAffinity: optional(bool()),
  fargate: optional(bool()),
  storageClassName: NAME,
  isDefault: optional(bool()),
  reclaimPolicy: RECLAIM_POLICY,
};

export const EFS_EXISTING_VOLUME_PROPS: Schema<EfsExistingVolumeProps> = {
  ...MOUNT_OPTIONS,
  fileSystemId: FILE_SYSTEM_ID,
  accessPointId: optional(str('an access point id such as "fsap-0123456789abcdef0"')),
  subPath: optional(str()),
  mountTargetIp: optional(str('an IP address')),
  name: NAME,
  capacity: optional(size()),
};

export const EFS_CLAIM_OPTIONS: Schema<EfsClaimOptions> = { accessMode: optional(enumOf(EfsAccessMode, 'EfsAccessMode')), storage: optional(size()) };
