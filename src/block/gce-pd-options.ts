import { BlockFsType } from './block-access-mode';

/**
 * Persistent disk types (`type`).
 */
export enum GcePdType {
  /** Standard (HDD), the driver's default. */
  PD_STANDARD = 'pd-standard',
  /** Balanced SSD. */
  PD_BALANCED = 'pd-balanced',
  /** Performance SSD. */
  PD_SSD = 'pd-ssd',
  /** Extreme persistent disk. */
  PD_EXTREME = 'pd-extreme',
}

/**
 * Whether a persistent disk lives in one zone or is replicated to two.
 */
export enum GcePdReplication {
  /** A zonal disk. */
  NONE = 'none',
  /** A regional disk, synchronously replicated to two zones. */
  REGIONAL_PD = 'regional-pd',
}

/**
 * Parameters of a GCE persistent disk StorageClass (`pd.csi.storage.gke.io`).
 *
 * @see https://github.com/kubernetes-sigs/gcp-compute-persistent-disk-csi-driver#createvolume-parameters
 */
export interface GcePdOptions {
  /**
   * The disk type. Written out even when it is the default, since class parameters cannot change later.
   *
   * @default GcePdType.PD_STANDARD
   */
  readonly type?: GcePdType;
  /**
   * Zonal or regional disks.
   *
   * @default GcePdReplication.NONE
   */
  readonly replication?: GcePdReplication;
  /**
   * The Cloud KMS key that encrypts the disks.
   *
   * @default - Google-managed keys
   */
  readonly diskEncryptionKmsKey?: string;
  /**
   * Labels of the created disks.
   *
   * @default - none
   */
  readonly labels?: { [key: string]: string };
  /**
   * The filesystem.
   *
   * @default BlockFsType.EXT4
   */
  readonly fsType?: BlockFsType;
}
