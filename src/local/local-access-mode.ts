import { AccessMode } from '../core/access-mode';

/**
 * The access modes a local disk serves. A local disk is attached to one node,
 * so `ReadOnlyMany` and `ReadWriteMany` do not exist here.
 *
 * A claim binds only to a PV that lists its mode, and a PV cannot list
 * `ReadWriteOncePod` beside another mode, so a `ReadWriteOncePod` claim needs
 * disks declared `ReadWriteOncePod` (and the other way round).
 */
export enum LocalAccessMode {
  /** Read-write by the pods of the disk's node. */
  READ_WRITE_ONCE = AccessMode.READ_WRITE_ONCE,
  /** Read-write by a single pod: the scheduler and the kubelet refuse a second one. */
  READ_WRITE_ONCE_POD = AccessMode.READ_WRITE_ONCE_POD,
}
