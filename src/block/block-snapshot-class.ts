import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { BlockSnapshotProvider } from './block-snapshot-provider';
import { BlockCsiDriver } from './snapshot-options';
import { Schema, bool, checkArg, checkScope, enumOf, instanceOf, openConstruct, optional, str } from '../core/checks';
import { ReclaimPolicy } from '../core/policies';
import { NAME, RECLAIM_POLICY } from '../core/schemas';
import { IVolumeSnapshotClass, addSnapshotClass } from '../core/snapshot-class-object';

/**
 * Props of a `BlockSnapshotClass`.
 */
export interface BlockSnapshotClassProps {
  /** The driver and its snapshot parameters: `BlockSnapshotProvider.ebs({ ... })`. */
  readonly provider: BlockSnapshotProvider;
  /**
   * The VolumeSnapshotClass name.
   *
   * @default - the construct id, lower-cased
   */
  readonly snapshotClassName?: string;
  /**
   * What happens to the snapshot in the cloud when its VolumeSnapshot is deleted.
   *
   * @default ReclaimPolicy.RETAIN - the snapshot is kept: deleting a VolumeSnapshot (or pruning it) loses no backup
   */
  readonly deletionPolicy?: ReclaimPolicy;
  /**
   * Make the class the default of its driver (annotation
   * snapshot.storage.kubernetes.io/is-default-class): snapshots that name no
   * class get it. One default per driver: the snapshot controller refuses a
   * snapshot without a class when its driver has two.
   *
   * @default false
   */
  readonly isDefault?: boolean;
}

const PROPS: Schema<BlockSnapshotClassProps> = {
  provider: instanceOf(BlockSnapshotProvider, 'BlockSnapshotProvider', 'use a factory such as BlockSnapshotProvider.ebs({ ... })'),
  snapshotClassName: NAME,
  deletionPolicy: RECLAIM_POLICY,
  isDefault: optional(bool()),
};

/**
 * A VolumeSnapshotClass (`snapshot.storage.k8s.io/v1`) of a block-storage
 * driver, with that driver's typed snapshot parameters. Snapshots of claims on
 * the driver's classes name it (`VolumeSnapshot.ofClaim`,
 * `StatefulStore.snapshotReplica`).
 *
 * ⚠️ `deletionPolicy` and the parameters are fixed for the snapshots taken with the class.
 */
export class BlockSnapshotClass extends Construct implements IVolumeSnapshotClass {
  /**
   * A VolumeSnapshotClass the cluster already has (EKS, GKE and AKS add-ons install one).
   *
   * @param snapshotClassName its name
   * @param driver its driver
   */
  public static fromSnapshotClassName(snapshotClassName: string, driver: BlockCsiDriver): IVolumeSnapshotClass {
    const where = 'BlockSnapshotClass.fromSnapshotClassName';
    checkArg(where, 'snapshotClassName', snapshotClassName, str('the name of a VolumeSnapshotClass in the cluster'));
    checkArg(where, 'driver', driver, enumOf(BlockCsiDriver, 'BlockCsiDriver'));
    return { snapshotClassName, driver };
  }

  /** The VolumeSnapshotClass name. */
  public readonly snapshotClassName: string;
  /** The CSI driver. */
  public readonly driver: string;
  /** What happens to a snapshot when its VolumeSnapshot is deleted. */
  public readonly deletionPolicy: ReclaimPolicy;
  /** The VolumeSnapshotClass object. */
  public readonly apiObject: ApiObject;

  public constructor(scope: Construct, id: string, props: BlockSnapshotClassProps) {
    super(checkScope(scope, id, 'BlockSnapshotClass'), id);
    const { where, props: checked } = openConstruct(this, 'BlockSnapshotClass', props, PROPS);
    this.driver = checked.provider.driver;
    this.deletionPolicy = checked.deletionPolicy ?? ReclaimPolicy.RETAIN;
    const { apiObject, name } = addSnapshotClass(this, where, {
      snapshotClassName: checked.snapshotClassName,
      driver: this.driver,
      parameters: checked.provider.parameters,
      deletionPolicy: this.deletionPolicy,
      isDefault: checked.isDefault,
    });
    this.apiObject = apiObject;
    this.snapshotClassName = name;
  }
}
