import { Size } from 'cdk8s';
import { LocalAccessMode } from './local-access-mode';

/**
 * One local disk: a path on one node, which becomes one PersistentVolume.
 */
export interface LocalDisk {
  /** The node, as the value of its `kubernetes.io/hostname` label (usually the node name). */
  readonly node: string;
  /** The absolute path of the mounted disk (or, for Block, the device) on the node. */
  readonly path: string;
  /** The disk's capacity. */
  readonly capacity: Size;
  /**
   * The PV name (a DNS-1123 subdomain).
   *
   * @default - `<class>-<node>-<path>`, e.g. `local-storage-raspberrypi-1-mnt-ssd`
   */
  readonly name?: string;
  /**
   * The access mode of this disk's PV.
   *
   * @default - the LocalSsdVolume's `accessMode`
   */
  readonly accessMode?: LocalAccessMode;
  /**
   * Labels for the PV that describe the disk (model, speed, ...), so claims can select them.
   *
   * @default - none
   */
  readonly labels?: { [key: string]: string };
}
