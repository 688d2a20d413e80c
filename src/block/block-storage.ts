import { Size } from 'cdk8s';
import { Construct } from 'constructs';
import { BlockAccessMode } from './block-access-mode';
import { BlockProvider } from './block-provider';
import { IVolumeAttributesClass } from '../core/attributes-class-object';
import { ClaimTemplate } from '../core/claim-template';
import { VolumeMode } from '../core/policies';
import { VolumeClaim } from '../core/volume-claim';
import { VolumeSnapshot } from '../core/volume-snapshot';

/**
 * Options of a claim or claim template on block storage.
 */
export interface BlockClaimOptions {
  /** The storage requested, within the provider's limits (OCI: 50Gi to 32Ti; EBS per volume type). */
  readonly storage: Size;
  /**
   * The access mode.
   *
   * @default BlockAccessMode.READ_WRITE_ONCE - read-write by the pods of one node
   */
  readonly accessMode?: BlockAccessMode;
  /**
   * A formatted filesystem, or the raw device of a single node.
   *
   * @default VolumeMode.FILESYSTEM - a formatted filesystem
   */
  readonly volumeMode?: VolumeMode;
  /**
   * Where the provider has a minimum size (OCI: 50Gi; EBS: 4Gi for io1/io2,
   * 125Gi for st1/sc1) and the request is smaller: ask for the minimum,
   * visibly, instead of failing.
   *
   * @default false - a request under the minimum is an error (OCI would silently enlarge it; AWS refuses it)
   */
  readonly roundUpToMinimum?: boolean;
  /**
   * Restore the volume from a snapshot (`dataSourceRef`): a snapshot of this
   * driver, in the claim's namespace, in the claim's volume mode (unless the
   * snapshot allows a change), and a claim at least the snapshot's size. In a
   * claim template, every replica starts from the same snapshot.
   *
   * @default - an empty volume
   */
  readonly restoreFrom?: VolumeSnapshot;
  /**
   * Clone another claim (`dataSourceRef`): a claim of this class, in the same
   * namespace and volume mode, and at least its size. The driver copies the
   * volume; EBS, GCE PD and Azure place the clone in the source's zone.
   *
   * @default - an empty volume
   */
  readonly cloneFrom?: VolumeClaim;
  /**
   * The VolumeAttributesClass of the volume (`volumeAttributesClassName`),
   * of this driver. Changing it later modifies the volume in place.
   *
   * @default - the class's own performance settings
   */
  readonly attributesClass?: IVolumeAttributesClass;
}

/**
 * Props of a claim on block storage.
 */
export interface BlockClaimProps extends BlockClaimOptions {
  /**
   * The PVC name.
   *
   * @default - the construct id, lower-cased
   */
  readonly name?: string;
}

/**
 * Props of a raw-block claim attached to several nodes at once.
 */
export interface MultiAttachClaimProps {
  /** The storage requested, within the driver's limits. */
  readonly storage: Size;
  /**
   * See `BlockClaimOptions.roundUpToMinimum`.
   *
   * @default false - a request under the minimum is an error
   */
  readonly roundUpToMinimum?: boolean;
  /**
   * The PVC name.
   *
   * @default - the construct id, lower-cased
   */
  readonly name?: string;
}

/**
 * A block-storage class that mints claims: one this app creates
 * (`new BlockStorageClass`) or one the cluster has
 * (`BlockStorageClass.fromStorageClassName`, `BlockStorageClass.ociDefault`).
 */
export interface IBlockStorage {
  /** The StorageClass name. */
  readonly storageClassName: string;
  /** The driver and its parameters. */
  readonly provider: BlockProvider;

  /** A claim with a filesystem (or a single node's raw device), mountable in any cdk8s-plus workload. */
  claim(scope: Construct, id: string, props: BlockClaimProps): VolumeClaim;

  /** A per-replica claim template for a `StatefulStore`. */
  claimTemplate(name: string, options: BlockClaimOptions): ClaimTemplate;

  /**
   * A `ReadWriteMany` raw-block claim that several nodes attach at once
   * (clustered filesystems, databases with shared-disk clustering). Served by
   * EBS io2, OCI (driver v1.32 and later, not Ultra High Performance), GCE
   * pd-ssd and hyperdisk-balanced(-high-availability), and Azure with
   * `maxShares` of 2 or more; there is no way to share a filesystem on block storage.
   */
  multiAttachClaim(scope: Construct, id: string, props: MultiAttachClaimProps): VolumeClaim;
}
