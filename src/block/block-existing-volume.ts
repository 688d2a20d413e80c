import { Size } from 'cdk8s';
import { Construct } from 'constructs';
import { BlockDisk } from './block-disk';
import { FS_TYPE } from './provider-schemas';
import { AccessMode } from '../core/access-mode';
import { BackendClaims, BackendRequest } from '../core/backend-claims';
import { checkScope, enumOf, instanceOf, openConstruct, optional, Schema, size } from '../core/checks';
import { ClaimTemplate } from '../core/claim-template';
import { invalid } from '../core/errors';
import { FsType } from '../core/fs-type';
import { VolumeMode } from '../core/policies';
import { sizeInBytes } from '../core/quantity';
import { NAME, VOLUME_MODE } from '../core/schemas';
import { StaticBinding } from '../core/static-binding';
import { VolumeClaim } from '../core/volume-claim';

/**
 * The access modes of a claim on an existing disk. `ReadOnlyMany` is served by
 * GCE disks only (many nodes read one populated disk; the driver attaches it
 * read-only), and only as a Filesystem.
 */
export enum ExistingDiskAccessMode {
  /** Read-write by the pods of one node. */
  READ_WRITE_ONCE = AccessMode.READ_WRITE_ONCE,
  /** Read-write by a single pod. */
  READ_WRITE_ONCE_POD = AccessMode.READ_WRITE_ONCE_POD,
  /** Read-only by many nodes (GCE disks only). */
  READ_ONLY_MANY = AccessMode.READ_ONLY_MANY,
}

/** Props of a `BlockExistingVolume`. */
export interface BlockExistingVolumeProps {
  /** The disk, e.g. `BlockDisk.gcePd({ project, zone, name })`. */
  readonly disk: BlockDisk;
  /** The disk's size. */
  readonly capacity: Size;
  /**
   * The filesystem on the disk, for Filesystem claims (formatted on first use if the disk is blank).
   *
   * @default FsType.EXT4 - Filesystem claims mount the disk as ext4
   */
  readonly fsType?: FsType;
  /**
   * The PV name.
   *
   * @default - the construct id, lower-cased
   */
  readonly name?: string;
}

/** Options of the claim or claim template on an existing disk. */
export interface BlockExistingClaimOptions {
  /**
   * The access mode.
   *
   * @default ExistingDiskAccessMode.READ_WRITE_ONCE - read-write by the pods of one node
   */
  readonly accessMode?: ExistingDiskAccessMode;
  /**
   * A formatted filesystem, or the raw device.
   *
   * @default VolumeMode.FILESYSTEM - a formatted filesystem
   */
  readonly volumeMode?: VolumeMode;
}

/** Props of the claim on an existing disk. */
export interface BlockExistingClaimProps extends BlockExistingClaimOptions {
  /**
   * The PVC name.
   *
   * @default - the construct id, lower-cased
   */
  readonly name?: string;
}

/**
 * A cloud disk that already exists (an EBS volume, a GCE disk, an OCI block
 * volume, an Azure managed disk), as a static PV with the node affinity of the
 * disk's zone, and the one class-less claim pinned to it. `Retain`: the data
 * is not this app's to delete. A disk is one volume: it gets one claim, or one
 * claim template for a StatefulStore of a single replica (for more replicas,
 * make a disk per replica with a `BlockStorageClass`).
 *
 * ```ts
 * const dataset = new BlockExistingVolume(chart, 'dataset', {
 *   disk: BlockDisk.gcePd({ project: 'my-project', zone: 'europe-west1-b', name: 'dataset' }),
 *   capacity: Size.gibibytes(200),
 * });
 * const data = dataset.claim(chart, 'dataset', { accessMode: ExistingDiskAccessMode.READ_ONLY_MANY });
 * ```
 */
export class BlockExistingVolume extends Construct {
  private readonly claims: BackendClaims<BlockExistingClaimOptions>;
  private readonly props: BlockExistingVolumeProps;

  /**
   * @param scope the parent construct, usually a Chart
   * @param id the construct id; lower-cased, it is the default PV name
   * @param props see `BlockExistingVolumeProps`
   */
  public constructor(scope: Construct, id: string, props: BlockExistingVolumeProps) {
    super(checkScope(scope, id, 'BlockExistingVolume'), id);
    const { where, props: checked } = openConstruct(this, 'BlockExistingVolume', props, existingVolumeProps());
    this.props = checked;
    sizeInBytes(checked.capacity, where, 'capacity');
    this.claims = new BackendClaims(where, { schema: BLOCK_EXISTING_CLAIM_OPTIONS, optionsType: 'BlockExistingClaimOptions', propsType: 'BlockExistingClaimProps' },
      (options, claimWhere) => this.request(options, claimWhere),
      { binding: new StaticBinding(this, where, { name: checked.name, labelDomain: 'block.cdk8s-storage.io', oneVolume: true }) });
  }

  /** The one claim bound to the disk's PV, mountable in any cdk8s-plus workload. */
  public claim(scope: Construct, id: string, props: BlockExistingClaimProps = {}): VolumeClaim {
    return this.claims.claim(scope, id, props);
  }

  /**
   * The claim template of a StatefulStore of one replica, bound to the disk's PV
   * (instead of `claim`: a disk attaches to one claim).
   */
  public claimTemplate(name: string, options: BlockExistingClaimOptions = {}): ClaimTemplate {
    return this.claims.claimTemplate(name, options);
  }

  private request(options: BlockExistingClaimOptions, where: string): BackendRequest {
    const source = this.props.disk._source;
    const accessMode = options.accessMode ?? ExistingDiskAccessMode.READ_WRITE_ONCE;
    const volumeMode = options.volumeMode ?? VolumeMode.FILESYSTEM;
    const readOnly = accessMode === ExistingDiskAccessMode.READ_ONLY_MANY;
    if (readOnly && !(source.servesReadOnlyMany && volumeMode === VolumeMode.FILESYSTEM)) {
      throw invalid({
        where,
        prop: 'accessMode',
        value: accessMode,
        allowed: source.readOnlyManyProblem ? `ReadOnlyMany only where the disk serves it (${source.readOnlyManyProblem})`
          : `ReadOnlyMany only on a GCE disk as a Filesystem (${source.driver.label}${volumeMode === VolumeMode.BLOCK ? ', Block' : ''} attaches to one node)`,
        fix: 'use ExistingDiskAccessMode.READ_WRITE_ONCE, or copy the data to a file-storage backend (NFS, EFS) to share it',
      });
    }
    const volume = {
      capacity: this.props.capacity,
      accessMode,
      volumeMode,
      nodeAffinity: source.zones.length === 0 ? undefined : {
        required: { nodeSelectorTerms: [{ matchExpressions: [{ key: source.driver.topologyKey, operator: 'In', values: source.zones }] }] },
      },
      source: {
        csi: {
          driver: source.driver.provisioner,
          volumeHandle: source.volumeHandle,
          fsType: volumeMode === VolumeMode.FILESYSTEM ? this.props.fsType ?? FsType.EXT4 : undefined,
          // A shared dataset disk is attached read-only to every node.
          readOnly: readOnly || undefined,
        },
      },
    };
    return { storageClassName: '', driver: source.driver.provisioner, accessMode, storage: this.props.capacity, volumeMode, volume };
  }
}

const BLOCK_EXISTING_CLAIM_OPTIONS: Schema<BlockExistingClaimOptions> = {
  accessMode: optional(enumOf(ExistingDiskAccessMode, 'ExistingDiskAccessMode')),
  volumeMode: VOLUME_MODE,
};

/** A function, as BlockDisk must be defined before its instanceOf check is built. */
function existingVolumeProps(): Schema<BlockExistingVolumeProps> {
  return {
    disk: instanceOf(BlockDisk, 'BlockDisk', 'use BlockDisk.ebs({ ... }), BlockDisk.gcePd({ ... }), BlockDisk.oci({ ... }) or BlockDisk.azureDisk({ ... })'),
    capacity: size(),
    fsType: FS_TYPE,
    name: NAME,
  };
}
