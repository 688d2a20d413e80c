import { FsType } from '../core/fs-type';


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
  /** Extreme persistent disk; IOPS are provisioned (`provisionedIops`). */
  PD_EXTREME = 'pd-extreme',
  /** Hyperdisk Balanced; IOPS and throughput are provisioned; multi-writer capable. */
  HYPERDISK_BALANCED = 'hyperdisk-balanced',
  /**
   * Hyperdisk Balanced High Availability (replicated to two zones); multi-writer capable.
   * The driver makes it only when its controller runs with `--allow-hdha-provisioning`
   * (off by default, and set by none of the upstream deploy manifests); otherwise
   * it refuses the class ("parameters contain invalid disk type").
   */
  HYPERDISK_BALANCED_HIGH_AVAILABILITY = 'hyperdisk-balanced-high-availability',
  /** Hyperdisk Throughput; throughput is provisioned. Single-node only. */
  HYPERDISK_THROUGHPUT = 'hyperdisk-throughput',
  /** Hyperdisk Extreme; IOPS are provisioned. Single-node only. */
  HYPERDISK_EXTREME = 'hyperdisk-extreme',
  /** Hyperdisk ML; throughput is provisioned; read-only sharing of a populated disk. */
  HYPERDISK_ML = 'hyperdisk-ml',
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
   * @default GcePdType.PD_STANDARD - the driver's default type, written out since parameters cannot change
   */
  readonly diskType?: GcePdType;
  /**
   * Zonal or regional disks.
   *
   * @default GcePdReplication.NONE - a zonal disk
   */
  readonly replication?: GcePdReplication;
  /**
   * The Cloud KMS key that encrypts the disks.
   *
   * @default - Google-managed keys
   */
  readonly diskEncryptionKmsKey?: string;
  /**
   * Labels of the created disks, at most 64: keys a lower-case letter then up to
   * 62 lower-case letters, digits, "_" or "-"; values up to 63 of those
   * (pkg/convert/convert.go ConvertLabelsStringToMap).
   *
   * @default - none
   */
  readonly labels?: { [key: string]: string };
  /**
   * The filesystem.
   *
   * @default FsType.EXT4 - volumes are formatted ext4
   */
  readonly fsType?: FsType;
  /**
   * IOPS provisioned for each disk (`provisioned-iops-on-create`): pd-extreme,
   * hyperdisk-balanced, hyperdisk-balanced-high-availability and hyperdisk-extreme.
   *
   * @default - the type's default
   */
  readonly provisionedIops?: number;
  /**
   * Throughput in MiB/s provisioned for each disk (`provisioned-throughput-on-create`):
   * the hyperdisk-balanced, hyperdisk-balanced-high-availability, hyperdisk-throughput
   * and hyperdisk-ml types.
   *
   * @default - the type's default
   */
  readonly provisionedThroughputMibps?: number;
}
