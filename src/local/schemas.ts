import { LocalAccessMode } from './local-access-mode';
import { LocalDisk } from './local-disk';
import type { LocalClaimOptions, LocalSsdVolumeProps } from './local-ssd-volume';
import { bool, enumOf, listOf, mapOf, optional, Schema, size, str, struct } from '../core/checks';
import { FsType, fsTypeAmong } from '../core/fs-type';
import { NAME, STRING_MAP, VOLUME_MODE } from '../core/schemas';

/** Runtime schemas of the local-disk props (see core/checks.ts); not part of the public API. */

const ACCESS_MODE = optional(enumOf(LocalAccessMode, 'LocalAccessMode'));

export const LOCAL_DISK: Schema<LocalDisk> = {
  node: str('a node name (its kubernetes.io/hostname label)'),
  path: str('an absolute path such as "/mnt/disks/ssd0"'),
  capacity: size(),
  name: NAME,
  accessMode: ACCESS_MODE,
  labels: optional(STRING_MAP),
};

export const LOCAL_SSD_VOLUME_PROPS: Schema<LocalSsdVolumeProps> = {
  storageClassName: NAME,
  isDefault: optional(bool()),
  disks: optional(listOf(struct(LOCAL_DISK, 'LocalDisk'))),
  accessMode: ACCESS_MODE,
  volumeMode: VOLUME_MODE,
  fsType: fsTypeAmong([FsType.EXT4, FsType.XFS], 'the filesystems this library has the kubelet format a local device with'),
};

export const LOCAL_CLAIM_OPTIONS: Schema<LocalClaimOptions> = {
  storage: size(),
  accessMode: ACCESS_MODE,
  volumeMode: VOLUME_MODE,
  // An empty selector selects every disk: leave it out instead.
  diskSelector: optional(mapOf(str(), true)),
};

