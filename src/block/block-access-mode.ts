import { AccessMode } from '../core/access-mode';

/**
 * The access modes of a claim on zonal block storage (EBS, OCI Block Volume,
 * GCE PD, Azure Disk). A block volume is attached to one node at a time, so a
 * filesystem on it is never shared: `ReadWriteMany` exists only as an
 * explicit raw-block multi-attach claim (`multiAttachClaim`), and
 * `ReadOnlyMany` only on an existing GCE disk (`BlockExistingVolume`): the GCE
 * driver refuses a new read-only volume without a data source, and the others
 * attach one node at a time.
 */
export enum BlockAccessMode {
  /** Read-write by the pods of one node. */
  READ_WRITE_ONCE = AccessMode.READ_WRITE_ONCE,
  /** Read-write by a single pod. */
  READ_WRITE_ONCE_POD = AccessMode.READ_WRITE_ONCE_POD,
}
