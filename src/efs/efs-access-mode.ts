import { AccessMode } from '../core/access-mode';

/**
 * The access modes the EFS CSI driver serves. `ReadOnlyMany` does not exist
 * here: the driver rejects it ("invalid access mode"), at provisioning for
 * dynamic volumes and at mount for static ones.
 */
export enum EfsAccessMode {
  /** Read-write by the pods of one node. */
  READ_WRITE_ONCE = AccessMode.READ_WRITE_ONCE,
  /** Read-write by many nodes: what EFS is for. */
  READ_WRITE_MANY = AccessMode.READ_WRITE_MANY,
}
