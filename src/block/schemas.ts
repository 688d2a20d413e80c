import { BlockAccessMode } from './block-access-mode';
import { BlockProvider } from './block-provider';
import type { BlockClaimOptions, MultiAttachClaimProps } from './block-storage';
import type { BlockStorageClassProps } from './block-storage-class';
import { Schema, bool, enumOf, instanceOf, optional, size } from '../core/checks';
import { ATTRIBUTES_CLASS, NAME, RECLAIM_POLICY, STRING_LIST, VOLUME_MODE } from '../core/schemas';
import { CLONE_FROM, RESTORE_FROM } from '../core/source-schemas';

/** Runtime schemas of the block-storage props (see core/checks.ts); not part of the public API. */

export const PROVIDER = instanceOf(BlockProvider, 'BlockProvider', 'use a factory such as BlockProvider.ebs({ ... })');

export const BLOCK_STORAGE_CLASS_PROPS: Schema<BlockStorageClassProps> = {
  provider: PROVIDER,
  storageClassName: NAME,
  isDefault: optional(bool()),
  reclaimPolicy: RECLAIM_POLICY,
  allowVolumeExpansion: optional(bool()),
  zones: optional(STRING_LIST),
  mountOptions: optional(STRING_LIST),
};

export const BLOCK_CLAIM_OPTIONS: Schema<BlockClaimOptions> = {
  storage: size(),
  accessMode: optional(enumOf(BlockAccessMode, 'BlockAccessMode')),
  volumeMode: VOLUME_MODE,
  roundUpToMinimum: optional(bool()),
  restoreFrom: RESTORE_FROM,
  cloneFrom: CLONE_FROM,
  attributesClass: optional(ATTRIBUTES_CLASS),
};

export const MULTI_ATTACH_CLAIM_PROPS: Schema<MultiAttachClaimProps> = { storage: size(), roundUpToMinimum: optional(bool()), name: NAME };
