import { Size } from 'cdk8s';
import { Construct } from 'constructs';
import { SPDK_DRIVER } from './driver-name';
import { SPDK_EXISTING_CLAIM_OPTIONS, SPDK_FS_TYPE } from './schemas';
import { SpdkAccessMode } from './spdk-types';
import { BackendClaims, BackendRequest } from '../core/backend-claims';
import { Schema, checkProps, checkScope, enumOf, instanceOf, num, openConstruct, optional, requireInteger, size, str } from '../core/checks';
import { ClaimTemplate } from '../core/claim-template';
import { invalid } from '../core/errors';
import { FsType } from '../core/fs-type';
import { VolumeMode } from '../core/policies';
import { sizeInBytes } from '../core/quantity';
import { NAME } from '../core/schemas';
import { StaticBinding } from '../core/static-binding';
import { VolumeClaim } from '../core/volume-claim';

/** The NVMe-oF transport of an existing volume. */
export enum SpdkNvmfTransport {
  /** NVMe/TCP. */
  TCP = 'TCP',
  /** NVMe/RDMA. */
  RDMA = 'RDMA',
}

/** Where an existing SPDK logical volume is exported over NVMe-oF. */
export interface SpdkNvmfTargetOptions {
  /** The subsystem NQN, `nqn.` followed by the rest. */
  readonly nqn: string;
  /** The model number the subsystem reports for the namespace (the lvol's model). */
  readonly model: string;
  /** The target's IP address or host name. */
  readonly targetAddress: string;
  /**
   * The NVMe-oF port.
   *
   * @default 4420
   */
  readonly targetPort?: number;
  /**
   * The transport.
   *
   * @default SpdkNvmfTransport.TCP
   */
  readonly transport?: SpdkNvmfTransport;
}

/** Where an existing SPDK logical volume is exported over iSCSI. */
export interface SpdkIscsiTargetOptions {
  /** The target IQN, `iqn.` followed by the rest. */
  readonly iqn: string;
  /** The target's IP address or host name. */
  readonly targetAddress: string;
  /**
   * The iSCSI port.
   *
   * @default 3260
   */
  readonly targetPort?: number;
}

/**
 * How the node reaches an existing logical volume: the PV's `volumeAttributes`
 * (spdk-csi docs/static-pvc.md).
 */
export class SpdkVolumeTarget {
  /** Exported over NVMe-oF. */
  public static nvmf(options: SpdkNvmfTargetOptions): SpdkVolumeTarget {
    options = checkProps('SpdkVolumeTarget.nvmf', options, NVMF_TARGET_OPTIONS, 'SpdkNvmfTargetOptions');
    check(options.nqn?.startsWith('nqn.'), 'nqn', options.nqn, 'an NVMe Qualified Name starting with "nqn."');
    return new SpdkVolumeTarget({
      model: options.model,
      nqn: options.nqn,
      targetAddr: options.targetAddress,
      targetPort: port(options.targetPort ?? 4420),
      targetType: options.transport ?? SpdkNvmfTransport.TCP,
    });
  }

  /** Exported over iSCSI. */
  public static iscsi(options: SpdkIscsiTargetOptions): SpdkVolumeTarget {
    options = checkProps('SpdkVolumeTarget.iscsi', options, ISCSI_TARGET_OPTIONS, 'SpdkIscsiTargetOptions');
    check(options.iqn?.startsWith('iqn.'), 'iqn', options.iqn, 'an iSCSI Qualified Name starting with "iqn."');
    return new SpdkVolumeTarget({ iqn: options.iqn, targetAddr: options.targetAddress, targetPort: port(options.targetPort ?? 3260), targetType: 'iscsi' });
  }

  private constructor(private readonly attributes: { [key: string]: string }) {
    check(!!attributes.targetAddr, 'targetAddress', attributes.targetAddr, 'the target\'s IP address or host name');
  }

  /** @internal */
  public get _attributes(): { [key: string]: string } {
    return this.attributes;
  }
}

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
   * @default FsType.EXT4
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
      new StaticBinding(this, where, checked.name, 'spdk.cdk8s-storage.io', true));
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

const TARGET_ADDRESS = str('the target\'s IP address or host name');

const NVMF_TARGET_OPTIONS: Schema<SpdkNvmfTargetOptions> = {
  nqn: str('an NVMe Qualified Name starting with "nqn."'),
  model: str('the namespace model number the target reports'),
  targetAddress: TARGET_ADDRESS,
  targetPort: optional(num()),
  transport: optional(enumOf(SpdkNvmfTransport, 'SpdkNvmfTransport')),
};

const ISCSI_TARGET_OPTIONS: Schema<SpdkIscsiTargetOptions> = { iqn: str('an iSCSI Qualified Name starting with "iqn."'), targetAddress: TARGET_ADDRESS, targetPort: optional(num()) };

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

function port(value: number): string {
  requireInteger('SpdkVolumeTarget', 'targetPort', value, { min: 1, max: 65535, allowed: 'a port from 1 to 65535', fix: 'set targetPort as the target listens on it (4420 for NVMe/TCP, 3260 for iSCSI)' });
  return String(value);
}

function check(ok: boolean | undefined, prop: string, value: unknown, allowed: string): void {
  if (!ok) throw invalid({ where: 'SpdkVolumeTarget', prop, value, allowed, fix: `set ${prop} as the target reports it` });
}
