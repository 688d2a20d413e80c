/**
 * The CSI driver of a block-storage class, for importing a snapshot class or
 * a VolumeAttributesClass the cluster already has.
 */
export enum BlockCsiDriver {
  /** AWS EBS. */
  EBS = 'ebs.csi.aws.com',
  /** OCI Block Volume. */
  OCI = 'blockvolume.csi.oraclecloud.com',
  /** Google Compute Engine persistent disk. */
  GCE_PD = 'pd.csi.storage.gke.io',
  /** Azure managed disk. */
  AZURE_DISK = 'disk.csi.azure.com',
}

/**
 * Snapshot parameters of the EBS driver (aws-ebs-csi-driver pkg/driver/controller.go CreateSnapshot).
 */
export interface EbsSnapshotOptions {
  /**
   * Tags of the EBS snapshot (`tagSpecification_N: key=value`).
   *
   * @default - the driver's own tags only (CSIVolumeSnapshotName, ebs.csi.aws.com/cluster)
   */
  readonly tags?: { [key: string]: string };
  /**
   * Availability zones where Fast Snapshot Restore is enabled for each
   * snapshot (`fastSnapshotRestoreAvailabilityZones`): volumes restored there
   * are at full performance at once. AWS bills FSR per zone and hour.
   *
   * @default - no Fast Snapshot Restore
   */
  readonly fastSnapshotRestoreZones?: string[];
}

/** What a GCE PD snapshot is stored as (`snapshot-type`; the value is case-sensitive). */
export enum GcePdSnapshotType {
  /** A persistent-disk snapshot: the driver's default. */
  SNAPSHOTS = 'snapshots',
  /** A disk image (not for regional disks: "Cannot create backup type images for regional disk"). */
  IMAGES = 'images',
}

/**
 * Snapshot parameters of the GCE PD driver (gcp-compute-persistent-disk-csi-driver
 * pkg/parameters/parameters.go ExtractAndDefaultSnapshotParameters).
 */
export interface GcePdSnapshotOptions {
  /**
   * Snapshots or images.
   *
   * @default GcePdSnapshotType.SNAPSHOTS
   */
  readonly snapshotType?: GcePdSnapshotType;
  /**
   * The one region (`us-east1`) or multi-region (`us`) where snapshots are stored (`storage-locations`).
   *
   * @default - the multi-region nearest the disk
   */
  readonly storageLocation?: string;
  /**
   * The image family of each image (`image-family`); only with `GcePdSnapshotType.IMAGES`.
   *
   * @default - none
   */
  readonly imageFamily?: string;
  /**
   * GCE labels of each snapshot (`labels`).
   *
   * @default - none
   */
  readonly labels?: { [key: string]: string };
}

/**
 * Snapshot parameters of the Azure Disk driver (azuredisk-csi-driver
 * pkg/azuredisk/controllerserver.go CreateSnapshot).
 */
export interface AzureDiskSnapshotOptions {
  /**
   * Incremental snapshots (only the changes since the last one). The driver
   * reads only the exact string "false" as false.
   *
   * @default true
   */
  readonly incremental?: boolean;
  /**
   * The resource group of the snapshots (`resourceGroup`).
   *
   * @default - the source disk's resource group
   */
  readonly resourceGroup?: string;
  /**
   * Another region to copy each snapshot to (`location`); incremental snapshots only.
   *
   * @default - the cluster's region
   */
  readonly location?: string;
  /**
   * Azure tags of each snapshot (`tags`).
   *
   * @default - the driver's own tags only
   */
  readonly tags?: { [key: string]: string };
}

/** What an OCI block volume backup is (`backupType`). */
export enum OciBackupType {
  /** Only the changes since the last backup: the driver's default. */
  INCREMENTAL = 'incremental',
  /** A full copy of the volume. */
  FULL = 'full',
}

/**
 * Snapshot parameters of the OCI Block Volume driver (oci-cloud-controller-manager
 * pkg/csi/driver/bv_controller.go extractSnapshotParameters).
 */
export interface OciSnapshotOptions {
  /**
   * Incremental or full backups.
   *
   * @default OciBackupType.INCREMENTAL
   */
  readonly backupType?: OciBackupType;
  /**
   * OCI free-form tags of each backup (`oci.oraclecloud.com/freeform-tags`).
   *
   * @default - none
   */
  readonly freeformTags?: { [key: string]: string };
}
