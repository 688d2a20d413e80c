import { Schema, checkProps, enumOf, num, optional, requireInteger, str, text } from '../core/checks';
import { invalid } from '../core/errors';

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
   * @default 4420 - the NVMe-oF port
   */
  readonly targetPort?: number;
  /**
   * The transport.
   *
   * @default SpdkNvmfTransport.TCP - NVMe over TCP
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
   * @default 3260 - the iSCSI port
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

const TARGET_ADDRESS = str('the target\'s IP address or host name');

const NVMF_TARGET_OPTIONS: Schema<SpdkNvmfTargetOptions> = {
  nqn: str('an NVMe Qualified Name starting with "nqn."'),
  model: text('the namespace model number the target reports'),
  targetAddress: TARGET_ADDRESS,
  targetPort: optional(num()),
  transport: optional(enumOf(SpdkNvmfTransport, 'SpdkNvmfTransport')),
};

const ISCSI_TARGET_OPTIONS: Schema<SpdkIscsiTargetOptions> = { iqn: str('an iSCSI Qualified Name starting with "iqn."'), targetAddress: TARGET_ADDRESS, targetPort: optional(num()) };

function port(value: number): string {
  requireInteger('SpdkVolumeTarget', 'targetPort', value, { min: 1, max: 65535, allowed: 'a port from 1 to 65535', fix: 'set targetPort as the target listens on it (4420 for NVMe/TCP, 3260 for iSCSI)' });
  return String(value);
}

function check(ok: boolean | undefined, prop: string, value: unknown, allowed: string): void {
  if (!ok) throw invalid({ where: 'SpdkVolumeTarget', prop, value, allowed, fix: `set ${prop} as the target reports it` });
}
