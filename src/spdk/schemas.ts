import type { SpdkClaimOptions } from './spdk-csi-driver';
import type { SpdkExistingClaimOptions } from './spdk-existing-volume';
import { SpdkAccessMode, SpdkImages, SpdkPciIds, SpdkRpcToken, SpdkTarget, SpdkTargetType, SpdkXpu, SpdkXpuTargetType } from './spdk-types';
import { enumOf, optional, Schema, size, str, struct, text } from '../core/checks';
import { FsType, fsTypeAmong } from '../core/fs-type';
import { RESTORE_FROM } from '../core/source-schemas';

/**
 * Runtime schemas of the SPDK props (see core/checks.ts); not part of the
 * public API. Schemas that need a class of this folder (SpdkCredentials,
 * SpdkVolumeTarget) live beside that class, so no module cycle leaves one undefined.
 */

export const SPDK_TARGET: Schema<SpdkTarget> = {
  name: str('a target name'),
  rpcUrl: str('a URL such as "http://10.0.0.1:9009"'),
  targetType: enumOf(SpdkTargetType, 'SpdkTargetType'),
  targetAddress: str('an IP address or host name'),
};

const SPDK_PCI_IDS: Schema<SpdkPciIds> = { classId: str(), vendorId: str(), deviceId: str() };

export const SPDK_XPU: Schema<SpdkXpu> = {
  name: str('an xPU name'),
  targetType: enumOf(SpdkXpuTargetType, 'SpdkXpuTargetType'),
  targetAddress: str('an IP address or host name'),
  pciIds: struct(SPDK_PCI_IDS, 'SpdkPciIds'),
};

export const SPDK_IMAGES: Schema<SpdkImages> = {
  provisioner: optional(text('an image reference')),
  snapshotter: optional(text('an image reference')),
  registrar: optional(text('an image reference')),
  driver: optional(text('an image reference')),
};

export const SPDK_RPC_TOKEN: Schema<SpdkRpcToken> = { name: str('the name of a target'), username: str(), password: str() };

export const SPDK_FS_TYPE = fsTypeAmong([FsType.EXT4, FsType.XFS], 'the filesystems this library formats SPDK volumes with');
const SPDK_ACCESS_MODE = optional(enumOf(SpdkAccessMode, 'SpdkAccessMode'));

export const SPDK_CLAIM_OPTIONS: Schema<SpdkClaimOptions> = { storage: size(), accessMode: SPDK_ACCESS_MODE, restoreFrom: RESTORE_FROM };
export const SPDK_EXISTING_CLAIM_OPTIONS: Schema<SpdkExistingClaimOptions> = { accessMode: SPDK_ACCESS_MODE };

