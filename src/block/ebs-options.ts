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
 * Filesystems the EBS driver formats volumes with (case-sensitive in the driver).
 */
export enum EbsFsType {
  /** ext4, the default. */
  EXT4 = 'ext4',
  /** XFS */
  XFS = 'xfs',
  /** ext3 */
  EXT3 = 'ext3',
}

/**
 * Parameters of an EBS StorageClass (`ebs.csi.aws.com`).
 */
export interface EbsOptions {
  /**
   * The volume type. Written out even when it is the default, since class parameters cannot change later.
   *
   * @default EbsVolumeType.GP3
   */
  readonly type?: EbsVolumeType;
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
   * With `iopsPerGb`: raise the IOPS of a volume too small for the type's minimum instead of failing.
   *
   * @default false
   */
  readonly allowAutoIopsPerGbIncrease?: boolean;
  /**
   * Throughput in MiB/s (gp3 only).
   *
   * @default - 125 MiB/s
   */
  readonly throughput?: number;
  /**
   * The filesystem.
   *
   * @default EbsFsType.EXT4
   */
  readonly fsType?: EbsFsType;
  /**
   * Encrypt the volumes.
   *
   * @default false
   */
  readonly encrypted?: boolean;
  /**
   * The full ARN of the KMS key that encrypts the volumes; needs `encrypted: true`.
   *
   * @default - the region's default key, aws/ebs
   */
  readonly kmsKeyId?: string;
}
