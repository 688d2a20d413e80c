import { AccessMode } from '../core/access-mode';

/**
 * The access modes the EFS CSI driver serves. `ReadOnlyMany` does not exist
 * here: the driver rejects it ("invalid access mode"), at provisioning for
 * dynamic volumes and at mount for static ones.
 */
export enum EfsAccessMode {
  /** Read-write by the pods of one node. */
  READ_WRITE_ONCE = AccessMode.READ_WRITE_ONCE,
  /**
   * Read-write by a single pod. The driver lists SINGLE_NODE_WRITER (pkg/driver/node.go
   * volumeCapAccessModes), which the CSI sidecars use for ReadWriteOncePod when a
   * driver has no SINGLE_NODE_SINGLE_WRITER; the scheduler enforces the one pod.
   */
  READ_WRITE_ONCE_POD = AccessMode.READ_WRITE_ONCE_POD,
  /** Read-write by many nodes: what EFS is for. */
  READ_WRITE_MANY = AccessMode.READ_WRITE_MANY,
}
