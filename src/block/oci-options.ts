import { FsType } from '../core/fs-type';


/**
 * How an OCI block volume is attached to the node.
 */
export enum OciAttachmentType {
  /** iSCSI, the driver's default. */
  ISCSI = 'iscsi',
  /** Paravirtualized. */
  PARAVIRTUALIZED = 'paravirtualized',
}

/**
 * Parameters of an OCI Block Volume StorageClass (`blockvolume.csi.oraclecloud.com`).
 *
 * Volumes are at least 50Gi and at most 32Ti.
 *
 * @see https://docs.oracle.com/en-us/iaas/Content/ContEng/Tasks/contengcreatingpersistentvolumeclaim_topic-Provisioning_PVCs_on_BV.htm
 */
export interface OciBlockVolumeOptions {
  /**
   * Volume performance units per GB, 0 to 120 (10 is Balanced; 30 and more is
   * Ultra High Performance, which the driver refuses for every Block-mode claim).
   *
   * @default - 10, the driver's default
   */
  readonly vpusPerGb?: number;
  /**
   * How volumes are attached.
   *
   * @default OciAttachmentType.ISCSI - the driver's default attachment
   */
  readonly attachmentType?: OciAttachmentType;
  /**
   * The OCID of a Vault key that encrypts the volumes.
   *
   * @default - Oracle-managed keys
   */
  readonly kmsKeyId?: string;
  /**
   * The filesystem.
   *
   * @default FsType.EXT4 - volumes are formatted ext4
   */
  readonly fsType?: FsType;
  /**
   * Freeform tags of the created volumes (`oci.oraclecloud.com/initial-freeform-tags-override`).
   * With `definedTags`, they replace the tags the cluster's cloud-provider config sets for block volumes.
   *
   * @default - the cluster's configured tags
   */
  readonly freeformTags?: { [key: string]: string };
  /**
   * Defined tags of the created volumes, by tag namespace then key
   * (`oci.oraclecloud.com/initial-defined-tags-override`). The tag namespaces
   * must exist in the tenancy.
   *
   * @default - the cluster's configured tags
   */
  readonly definedTags?: { [namespace: string]: { [key: string]: string } };
}
