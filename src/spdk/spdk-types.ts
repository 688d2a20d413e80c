import { AccessMode } from '../core/access-mode';

/**
 * How the nodes reach an SPDK target (`targetType` in `config.json`).
 */
export enum SpdkTargetType {
  /** NVMe over TCP (port 4420). */
  NVME_TCP = 'nvme-tcp',
  /** NVMe over RDMA (port 4420). */
  NVME_RDMA = 'nvme-rdma',
  /** iSCSI (port 3260). */
  ISCSI = 'iscsi',
}

/**
 * One SPDK storage node the controller provisions logical volumes on.
 */
export interface SpdkTarget {
  /** A unique name; with literal credentials, the name of its RPC token. */
  readonly name: string;
  /** The SPDK JSON-RPC endpoint, for example `http://192.168.10.118:9009`. */
  readonly rpcUrl: string;
  /** How the nodes connect to the volumes. */
  readonly targetType: SpdkTargetType;
  /** The address the nodes connect to (an IP address or host name). */
  readonly targetAddress: string;
}

/**
 * The target type of an xPU (a SmartNIC or IPU that exposes volumes to the node).
 */
export enum SpdkXpuTargetType {
  /** SMA, NVMe/TCP. */
  SMA_NVMF_TCP = 'xpu-sma-nvmftcp',
  /** SMA, virtio-blk. */
  SMA_VIRTIO_BLK = 'xpu-sma-virtioblk',
  /** SMA, NVMe. */
  SMA_NVME = 'xpu-sma-nvme',
  /** OPI, virtio-blk. */
  OPI_VIRTIO_BLK = 'xpu-opi-virtioblk',
  /** OPI, NVMe. */
  OPI_NVME = 'xpu-opi-nvme',
}

/** The PCI ids of an xPU device. */
export interface SpdkPciIds {
  /** For example `0x0100`. */
  readonly classId: string;
  /** For example `0x1af4`. */
  readonly vendorId: string;
  /** For example `0x1001`. */
  readonly deviceId: string;
}

/**
 * An xPU the node plugin uses (`xpuList` in `nodeserver-config.json`).
 */
export interface SpdkXpu {
  /** A unique name. */
  readonly name: string;
  /** The kind of xPU and protocol. */
  readonly targetType: SpdkXpuTargetType;
  /** `IP:PORT` of the xPU's management endpoint. */
  readonly targetAddress: string;
  /** The PCI ids of the device it exposes. */
  readonly pciIds: SpdkPciIds;
}

/** One RPC credential of an SPDK target. */
export interface SpdkRpcToken {
  /** The name of the target it is for. */
  readonly name: string;
  /** The RPC user. */
  readonly username: string;
  /** The RPC password, in plain text in the synthesized Secret. */
  readonly password: string;
}

/**
 * The access modes SPDK volumes serve: one node at a time. The driver advertises
 * only SINGLE_NODE_WRITER and fails `ReadWriteMany` only when a pod mounts it.
 */
export enum SpdkAccessMode {
  /** Read-write by the pods of one node. */
  READ_WRITE_ONCE = AccessMode.READ_WRITE_ONCE,
  /** Read-write by a single pod. */
  READ_WRITE_ONCE_POD = AccessMode.READ_WRITE_ONCE_POD,
}

/**
 * Container images of the driver. Defaults are those of the current upstream
 * deploy manifests (spdk/spdk-csi deploy/kubernetes controller.yaml and
 * node.yaml at a721360c, the newest commit; the sidecar versions there date
 * from 2023). Upstream publishes no release or versioned driver image:
 * `spdkcsi/spdkcsi:canary` is built on the nodes (`make image`). For
 * production, build the driver image yourself and pin it by digest.
 */
export interface SpdkImages {
  /**
   * The external-provisioner sidecar.
   *
   * @default 'registry.k8s.io/sig-storage/csi-provisioner:v3.5.0' - the upstream pin
   */
  readonly provisioner?: string;
  /**
   * The external-snapshotter sidecar (with `snapshots: true`).
   *
   * @default 'registry.k8s.io/sig-storage/csi-snapshotter:v6.2.2' - the upstream pin
   */
  readonly snapshotter?: string;
  /**
   * The node-driver-registrar sidecar.
   *
   * @default 'registry.k8s.io/sig-storage/csi-node-driver-registrar:v2.8.0' - the upstream pin
   */
  readonly registrar?: string;
  /**
   * The SPDK CSI plugin, controller and node.
   *
   * @default 'spdkcsi/spdkcsi:canary' - the upstream image, built on each node (there is no released image)
   */
  readonly driver?: string;
}
