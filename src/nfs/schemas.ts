import { NfsAccessMode, NfsCsiAccessMode } from './nfs-access-mode';
import type { NfsCsiClaimOptions, NfsCsiStorageClassProps } from './nfs-csi-storage-class';
import { NfsOnDelete } from './nfs-on-delete';
import type { NfsClaimOptions, NfsInlineVolumeOptions, NfsShareProps } from './nfs-share';
import { Schema, bool, enumOf, num, optional, size, str } from '../core/checks';
import { NAME, RECLAIM_POLICY, STRING_LIST } from '../core/schemas';
import { CLONE_FROM, RESTORE_FROM } from '../core/source-schemas';

/** Runtime schemas of the NFS props (see core/checks.ts); not part of the public API. */

const SERVER = str('a host name or an IP address such as "10.0.2.5"');

export const NFS_SHARE_PROPS: Schema<NfsShareProps> = {
  server: SERVER,
  path: str('an exported path such as "/exports/data"'),
  capacity: size(),
  mountOptions: optional(STRING_LIST),
  readOnly: optional(bool()),
  name: NAME,
};

export const NFS_CLAIM_OPTIONS: Schema<NfsClaimOptions> = {
  accessMode: optional(enumOf(NfsAccessMode, 'NfsAccessMode')),
  storage: optional(size()),
};
export const NFS_INLINE_VOLUME_OPTIONS: Schema<NfsInlineVolumeOptions> = { name: NAME, readOnly: optional(bool()) };

export const NFS_CSI_STORAGE_CLASS_PROPS: Schema<NfsCsiStorageClassProps> = {
  server: SERVER,
  share: str('an exported path such as "/exports"'),
  subDir: optional(str()),
  mountPermissions: optional(num()),
  onDelete: optional(enumOf(NfsOnDelete, 'NfsOnDelete')),
  mountOptions: optional(STRING_LIST),
  reclaimPolicy: RECLAIM_POLICY,
  allowVolumeExpansion: optional(bool()),
  storageClassName: NAME,
  isDefault: optional(bool()),
};

export const NFS_CSI_CLAIM_OPTIONS: Schema<NfsCsiClaimOptions> = {
  storage: size(),
  accessMode: optional(enumOf(NfsCsiAccessMode, 'NfsCsiAccessMode')),
  restoreFrom: RESTORE_FROM,
  cloneFrom: CLONE_FROM,
};
