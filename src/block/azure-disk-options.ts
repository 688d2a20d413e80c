import { FsType } from '../core/fs-type';

/**
 * Azure managed disk SKUs (`skuName`).
 */
export enum AzureDiskSku {
  /** Standard HDD, locally redundant. */
  STANDARD_LRS = 'Standard_LRS',
  /** Standard SSD, locally redundant. */
  STANDARD_SSD_LRS = 'StandardSSD_LRS',
  /** Standard SSD, zone redundant. */
  STANDARD_SSD_ZRS = 'StandardSSD_ZRS',
  /** Premium SSD, locally redundant. */
  PREMIUM_LRS = 'Premium_LRS',
  /** Premium SSD, zone redundant. */
  PREMIUM_ZRS = 'Premium_ZRS',
  /** Premium SSD v2. */
  PREMIUM_V2_LRS = 'PremiumV2_LRS',
  /** Ultra disk. */
  ULTRA_SSD_LRS = 'UltraSSD_LRS',
}

/**
 * Host caching of an Azure disk.
 */
export enum AzureDiskCachingMode {
  /** No caching. */
  NONE = 'None',
  /** Read caching. */
  READ_ONLY = 'ReadOnly',
  /** Read and write caching. */
  READ_WRITE = 'ReadWrite',
}

/**
 * Parameters of an Azure Disk StorageClass (`disk.csi.azure.com`).
 */
export interface AzureDiskOptions {
  /**
   * The disk SKU. Written out even when it is the default, since class parameters cannot change later.
   *
   * @default AzureDiskSku.STANDARD_SSD_LRS - the driver's default SKU, written out since parameters cannot change
   */
  readonly skuName?: AzureDiskSku;
  /**
   * Host caching. PremiumV2_LRS, UltraSSD_LRS and shared disks (maxShares 2 or
   * more) attach only with `None`: the driver refuses other modes for
   * PremiumV2_LRS, and Azure refuses the attach for the others.
   *
   * @default - None for PremiumV2_LRS, UltraSSD_LRS and shared disks (written out, since the driver's
   * default is ReadOnly); otherwise not written, and the driver uses ReadOnly
   */
  readonly cachingMode?: AzureDiskCachingMode;
  /**
   * The filesystem.
   *
   * @default FsType.EXT4 - volumes are formatted ext4
   */
  readonly fsType?: FsType;
  /**
   * How many nodes may attach each disk at once (a shared disk). With 2 or more
   * the class serves `multiAttachClaim` (raw block); filesystems are never shared.
   * Shared disks are Premium SSD, Standard SSD, Premium SSD v2 or Ultra.
   *
   * @default - 1, a disk attaches to one node
   */
  readonly maxShares?: number;
  /**
   * The resource id of a disk encryption set that encrypts the disks with your key:
   * `/subscriptions/{id}/resourceGroups/{group}/providers/Microsoft.Compute/diskEncryptionSets/{name}`.
   *
   * @default - platform-managed keys
   */
  readonly diskEncryptionSetId?: string;
  /**
   * Tags of the created disks. Keys may not hold `<>%&?\/`, "=" or ","; values may not hold ",".
   *
   * @default - only the driver's own tags
   */
  readonly tags?: { [key: string]: string };
}
