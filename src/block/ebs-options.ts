import { FsType } from '../core/fs-type';

/**
 * EBS volume types (`type`).
 *
 * @see https://github.com/kubernetes-sigs/aws-ebs-csi-driver/blob/master/docs/parameters.md
 */
export enum EbsVolumeType {
  /** General purpose SSD, the driver's default; IOPS and throughput are settable. */
  GP3 = 'gp3',
  /** Previous general purpose SSD. */
  GP2 = 'gp2',
  /** Provisioned IOPS SSD. */
  IO1 = 'io1',
  /** Provisioned IOPS SSD; the only type that can be attached to several nodes (raw block). */
  IO2 = 'io2',
  /** Cold HDD. */
  SC1 = 'sc1',
  /** Throughput-optimised HDD. */
  ST1 = 'st1',
  /** Magnetic (previous generation). */
  STANDARD = 'standard',
}

/**
 * Parameters of an EBS StorageClass (`ebs.csi.aws.com`).
 */
export interface EbsOptions {
  /**
   * The volume type. Written out even when it is the default, since class parameters cannot change later.
   *
   * @default EbsVolumeType.GP3 - general-purpose SSD, the driver's default
   */
  readonly volumeType?: EbsVolumeType;
  /**
   * Provisioned IOPS (gp3, io1, io2 only); not with `iopsPerGb`.
   *
   * @default - the type's baseline (3000 for gp3)
   */
  readonly iops?: number;
  /**
   * Provisioned IOPS per GiB of the volume (gp3, io1, io2 only); not with `iops`.
   *
   * @default - not set
   */
  readonly iopsPerGb?: number;
  /**
   * With `iops` or `iopsPerGb`: raise IOPS below the type's minimum to that
   * minimum instead of failing (the driver's capIOPS applies it to both).
   *
   * @default false - IOPS below the type's minimum fail provisioning
   */
  readonly allowAutoIopsPerGbIncrease?: boolean;
  /**
   * Throughput in MiB/s (gp3 only): AWS accepts 125 to 2000.
   *
   * @default - 125 MiB/s
   */
  readonly throughput?: number;
  /**
   * How fast a volume restored from a snapshot is initialized, in MiB/s: AWS
   * accepts 100 to 300, and applies it only to volumes made from a snapshot
   * (not to clones).
   *
   * @default - AWS's default initialization
   */
  readonly volumeInitializationRate?: number;
  /**
   * When a volume of an `iopsPerGb` class grows, raise its IOPS with it
   * (iopsPerGb times the new size), capped at the type's limits.
   *
   * @default false - resizing keeps the IOPS
   */
  readonly allowAutoIopsIncreaseOnModify?: boolean;
  /**
   * For volumes restored from a snapshot: attach only once the volume is
   * initialized, so pods start on a volume at full speed.
   *
   * @default false - the volume attaches while it is still initializing
   */
  readonly blockAttachUntilInitialized?: boolean;
  /**
   * The filesystem.
   *
   * @default FsType.EXT4 - volumes are formatted ext4
   */
  readonly fsType?: FsType;
  /**
   * Encrypt the volumes. A `kmsKeyId` encrypts them whatever this says, so
   * `false` with a key is refused.
   *
   * @default - false, or true when `kmsKeyId` is set
   */
  readonly encrypted?: boolean;
  /**
   * The KMS key that encrypts the volumes: its ARN (the driver's docs ask for
   * one), key id or alias. The driver turns encryption on when a key is given.
   *
   * @default - the region's default key, aws/ebs, if `encrypted`
   */
  readonly kmsKeyId?: string;
  /**
   * Tags of the created volumes, each written as a `tagSpecification_N`
   * parameter. Values may use the driver's `{{ .PVCName }}`,
   * `{{ .PVCNamespace }}` and `{{ .PVName }}` templates. Keys the driver
   * reserves (CSIVolumeName, CSIVolumeSnapshotName, ebs.csi.aws.com/cluster-name,
   * `kubernetes.io*`, `ebs.csi.aws.com/*`) are refused.
   *
   * @default - only the driver's own tags
   */
  readonly tags?: { [key: string]: string };
  /**
   * How the filesystem is formatted (mkfs options). Only for Filesystem
   * claims: the driver refuses them with a Block claim.
   *
   * @default - mkfs defaults
   */
  readonly formatOptions?: EbsFormatOptions;
}

/**
 * mkfs options of an EBS class (aws-ebs-csi-driver docs/parameters.md;
 * pkg/driver/constants.go FileSystemConfigs says which filesystem takes which).
 */
export interface EbsFormatOptions {
  /**
   * The filesystem block size in bytes (ext3, ext4, xfs).
   *
   * @default - mkfs's choice
   */
  readonly blockSize?: number;
  /**
   * The inode size in bytes (ext3, ext4, xfs).
   *
   * @default - mkfs's choice
   */
  readonly inodeSize?: number;
  /**
   * Bytes per inode (ext3, ext4).
   *
   * @default - mkfs's choice
   */
  readonly bytesPerInode?: number;
  /**
   * The number of inodes (ext3, ext4).
   *
   * @default - mkfs's choice
   */
  readonly numberOfInodes?: number;
  /**
   * Clustered block allocation, ext4's `bigalloc` (ext4 only; older kernels may not mount it).
   *
   * @default false - no bigalloc: mkfs's default
   */
  readonly ext4BigAlloc?: boolean;
  /**
   * The bigalloc cluster size in bytes (ext4 with `ext4BigAlloc` only).
   *
   * @default - mkfs's choice
   */
  readonly ext4ClusterSize?: number;
  /**
   * ext4 filesystem-level encryption support (ext4 only; it does not encrypt files by itself).
   *
   * @default false - no encryption support: mkfs's default
   */
  readonly ext4EncryptionSupport?: boolean;
}
