import { Size } from 'cdk8s';
import { Construct } from 'constructs';
import { SPDK_DRIVER } from './driver-name';
import { SPDK_EXISTING_CLAIM_OPTIONS, SPDK_FS_TYPE } from './schemas';
import { SpdkAccessMode } from './spdk-types';
import { SpdkVolumeTarget } from './spdk-volume-target';
import { BackendClaims, BackendRequest } from '../core/backend-claims';
import { Schema, checkScope, instanceOf, openConstruct, size, str } from '../core/checks';
import { ClaimTemplate } from '../core/claim-template';
import { invalid } from '../core/errors';
import { FsType } from '../core/fs-type';
import { VolumeMode } from '../core/policies';
import { sizeInBytes } from '../core/quantity';
import { NAME } from '../core/schemas';
import { StaticBinding } from '../core/static-binding';
import { VolumeClaim } from '../core/volume-claim';

/** Props of an `SpdkExistingVolume`. */
export interface SpdkExistingVolumeProps {
  /** The logical volume's UUID: the PV's volumeHandle. */
  readonly lvolUuid: string;
  /** Where the volume is exported. */
  readonly target: SpdkVolumeTarget;
  /** The volume's size. */
  readonly capacity: Size;
  /**
   * The filesystem on the volume.
   *
   * @default FsType.EXT4 - the volume holds an ext4 filesystem
   */
  readonly fsType?: FsType;
  /**
   * The PV name.
   *
   * @default - the construct id, lower-cased
   */
  readonly name?: string;
}

/** Options of the claim or claim template on an existing SPDK volume. */
export interface SpdkExistingClaimOptions {
  /**
   * The access mode.
   *
   * @default SpdkAccessMode.READ_WRITE_ONCE - read-write by the pods of one node
   */
  readonly accessMode?: SpdkAccessMode;
}

/** Props of the claim on an existing SPDK volume. */
export interface SpdkExistingClaimProps extends SpdkExistingClaimOptions {
  /**
   * The PVC name.
   *
   * @default - the construct id, lower-cased
   */
  readonly name?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A logical volume that already exists on an SPDK target, as a static PV
 * (`csi.driver: csi.spdk.io`) that exactly one claim binds: `claim`, or
 * `claimTemplate` for a StatefulStore of a single replica. `Retain`: the
 * driver cannot delete static volumes.
 */
export class SpdkExistingVolume extends Construct {
  private readonly claims: BackendClaims<SpdkExistingClaimOptions>;
  private readonly props: SpdkExistingVolumeProps;

  /**
   * @param scope the parent construct, usually a Chart
   * @param id the construct id; lower-cased, it is the default PV name
   * @param props see `SpdkExistingVolumeProps`
   */
  public constructor(scope: Construct, id: string, props: SpdkExistingVolumeProps) {
    super(checkScope(scope, id, 'SpdkExistingVolume'), id);
    const { where, props: checked } = openConstruct(this, 'SpdkExistingVolume', props, existingVolumeProps());
    this.props = checked;
    if (!UUID.test(checked.lvolUuid ?? '')) {
      throw invalid({ where, prop: 'lvolUuid', value: checked.lvolUuid, allowed: 'a UUID', fix: 'copy it from `rpc.py bdev_lvol_get_lvols`' });
    }
    sizeInBytes(checked.capacity, where, 'capacity');
    this.claims = new BackendClaims(where, { schema: SPDK_EXISTING_CLAIM_OPTIONS, optionsType: 'SpdkExistingClaimOptions', propsType: 'SpdkExistingClaimProps' },
      options => this.request(options),
      { binding: new StaticBinding(this, where, { name: checked.name, labelDomain: 'spdk.cdk8s-storage.io', oneVolume: true }) });
  }

  /** The one claim bound to the volume's PV. */
  public claim(scope: Construct, id: string, props: SpdkExistingClaimProps = {}): VolumeClaim {
    return this.claims.claim(scope, id, props);
  }

  /**
   * The claim template of a StatefulStore of one replica, bound to the
   * volume's PV (instead of `claim`: the volume attaches to one claim).
   */
  public claimTemplate(name: string, options: SpdkExistingClaimOptions = {}): ClaimTemplate {
    return this.claims.claimTemplate(name, options);
  }

  private request(options: SpdkExistingClaimOptions): BackendRequest {
    const accessMode = options.accessMode ?? SpdkAccessMode.READ_WRITE_ONCE;
    const volume = {
      capacity: this.props.capacity,
      accessMode,
      source: {
        csi: {
          driver: SPDK_DRIVER,
          volumeHandle: this.props.lvolUuid,
          fsType: this.props.fsType ?? FsType.EXT4,
          volumeAttributes: this.props.target._attributes,
        },
      },
    };
    return { storageClassName: '', accessMode, storage: this.props.capacity, volumeMode: VolumeMode.FILESYSTEM, volume };
  }
}

/** A function, as SpdkVolumeTarget must be defined before its instanceOf check is built. */
function existingVolumeProps(): Schema<SpdkExistingVolumeProps> {
  return {
    lvolUuid: str('the lvol UUID'),
    target: instanceOf(SpdkVolumeTarget, 'SpdkVolumeTarget', 'use SpdkVolumeTarget.nvmf({ ... }) or SpdkVolumeTarget.iscsi({ ... })'),
    capacity: size(),
    fsType: SPDK_FS_TYPE,
    name: NAME,
  };
}
