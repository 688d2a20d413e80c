import { OptionalCheck, optional, predicate } from './checks';

/**
 * The filesystem a volume is formatted with on first use (a class's
 * `csi.storage.k8s.io/fstype`, a PV's `csi.fsType` or `local.fsType`). Each
 * backend accepts the ones its driver formats, and says so when given another.
 */
export enum FsType {
  /** ext4: every driver's default. */
  EXT4 = 'ext4',
  /** XFS. */
  XFS = 'xfs',
  /** ext3: only the EBS driver among this library's backends. */
  EXT3 = 'ext3',
}

/** A check of an optional fsType prop: one of `served`, for the reason `why` ("the filesystems the EBS driver formats"). */
export function fsTypeAmong(served: FsType[], why: string): OptionalCheck {
  const members = served.map(f => `FsType.${f.toUpperCase()} ("${f}")`).join(', ');
  return optional(predicate(`one of ${members}: ${why}`, `use one of ${members}`, v => served.includes(v as FsType)));
}
