import { instanceOf, optional } from './checks';
import { VolumeClaim } from './volume-claim';
import { VolumeSnapshot } from './volume-snapshot';

/**
 * `restoreFrom` and `cloneFrom` of the claim options of backends whose driver
 * serves them (see claim-source.ts). Apart from snapshot-schemas.ts, which
 * volume-snapshot.ts itself imports.
 */
export const RESTORE_FROM = optional(instanceOf(VolumeSnapshot, 'VolumeSnapshot', 'pass a snapshot made with VolumeSnapshot.ofClaim or VolumeSnapshot.fromSnapshotHandle'));
export const CLONE_FROM = optional(instanceOf(VolumeClaim, 'VolumeClaim', 'pass a claim made by a backend'));
