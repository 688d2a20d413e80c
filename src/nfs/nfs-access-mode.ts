import { AccessMode } from '../core/access-mode';

/**
 * The access modes of an existing NFS export mounted through the in-tree
 * `nfs` volume plugin. `ReadWriteOncePod` is served by CSI drivers only.
 */
export enum NfsAccessMode {
  /** Read-write by the pods of one node. */
  READ_WRITE_ONCE = AccessMode.READ_WRITE_ONCE,
  /** Read-only by many nodes. */
  READ_ONLY_MANY = AccessMode.READ_ONLY_MANY,
  /** Read-write by many nodes. */
  READ_WRITE_MANY = AccessMode.READ_WRITE_MANY,
}

/**
 * The access modes of a volume from csi-driver-nfs (`nfs.csi.k8s.io`): the
 * driver serves all four, and no raw block.
 */
export enum NfsCsiAccessMode {
  /** Read-write by the pods of one node. */
  READ_WRITE_ONCE = AccessMode.READ_WRITE_ONCE,
  /** Read-only by many nodes. */
  READ_ONLY_MANY = AccessMode.READ_ONLY_MANY,
  /** Read-write by many nodes. */
  READ_WRITE_MANY = AccessMode.READ_WRITE_MANY,
  /** Read-write by a single pod. */
  READ_WRITE_ONCE_POD = AccessMode.READ_WRITE_ONCE_POD,
}
