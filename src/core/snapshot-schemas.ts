import { Schema, bool, instanceOf, optional, predicate, size, str, text } from './checks';
import { RECLAIM_POLICY, VOLUME_MODE, NAME } from './schemas';
import type { IVolumeSnapshotClass } from './snapshot-class-object';
import { VolumeClaim } from './volume-claim';
import type { ImportedVolumeSnapshotProps, VolumeSnapshotProps } from './volume-snapshot';

/** Runtime schemas of the snapshot props (see checks.ts); not part of the public API. */

/** A snapshot class object: a backend's snapshot class, or one imported by name. */
export const SNAPSHOT_CLASS = predicate('a snapshot class (a backend\'s, such as new BlockSnapshotClass(...), or one imported with fromSnapshotClassName)',
  'pass the snapshot class of the claim\'s backend',
  (v): v is IVolumeSnapshotClass => v !== null && typeof v === 'object'
    && typeof (v as IVolumeSnapshotClass).snapshotClassName === 'string' && typeof (v as IVolumeSnapshotClass).driver === 'string');

export const VOLUME_SNAPSHOT_PROPS: Schema<VolumeSnapshotProps> = {
  claim: instanceOf(VolumeClaim, 'VolumeClaim', 'pass a claim made by a backend (backend.claim(...))'),
  snapshotClass: SNAPSHOT_CLASS,
  name: NAME,
};

export const IMPORTED_SNAPSHOT_PROPS: Schema<ImportedVolumeSnapshotProps> = {
  snapshotHandle: text('the driver\'s id of the snapshot, such as "snap-0123456789abcdef0"'),
  snapshotClass: SNAPSHOT_CLASS,
  restoreSize: size(),
  sourceVolumeMode: VOLUME_MODE,
  allowVolumeModeChange: optional(bool()),
  deletionPolicy: RECLAIM_POLICY,
  name: NAME,
  contentName: optional(str('a VolumeSnapshotContent name')),
};
