import { ReclaimPolicy, VolumeBindingMode } from './policies';

/**
 * What a volume driver serves, stated once by the backend that models it and
 * read both by that backend's constructs and by `StorageCheck`, which judges
 * manifests written by anyone. The access modes are the values of the
 * backend's own access-mode enum, so the enum stays the one statement of them.
 * A backend of your own registers its facts with `DriverRegistry.register`.
 */
export interface DriverFacts {
  /** For messages: "AWS EFS". */
  readonly label: string;
  /** The provisioner (CSI driver) name a StorageClass names. */
  readonly provisioner: string;
  /** The access modes a Filesystem volume of this driver serves. */
  readonly accessModes: string[];
  /**
   * Why Block volumes (`volumeMode: Block`) are not served.
   *
   * @default - Block volumes are served, with the same access modes
   */
  readonly blockModeProblem?: string;
  /**
   * In-tree provisioner names that CSI migration hands to this driver (`kubernetes.io/aws-ebs`).
   *
   * @default - none
   */
  readonly inTreeProvisioners?: string[];
  /**
   * The binding mode this driver's classes need (local volumes: WaitForFirstConsumer).
   *
   * @default - any
   */
  readonly requiredBindingMode?: VolumeBindingMode;
  /**
   * The reclaim policy under which this driver's volumes keep their data (local volumes: Retain).
   *
   * @default - any
   */
  readonly safeReclaimPolicy?: ReclaimPolicy;
  /**
   * Whether the driver takes VolumeSnapshots and restores claims from them
   * (the CSI capability CREATE_DELETE_SNAPSHOT). Without it the
   * external-provisioner refuses a restore: "CSI driver does not support
   * snapshot restore: controller CREATE_DELETE_SNAPSHOT capability is not reported".
   *
   * @default - not known: snapshots of its volumes are not judged
   */
  readonly snapshots?: boolean;
  /**
   * Whether the driver clones a claim into a new one (CLONE_VOLUME). Without
   * it: "CSI driver does not support clone operations: controller
   * CLONE_VOLUME capability is not reported".
   *
   * @default - not known: clones are not judged
   */
  readonly cloning?: boolean;
  /**
   * Whether the driver modifies a volume in place when its claim names
   * another VolumeAttributesClass (MODIFY_VOLUME). Without it: "CSI driver
   * does not support VolumeAttributesClass: controller MODIFY_VOLUME
   * capability is not reported".
   *
   * @default - not known: VolumeAttributesClasses of the driver are not judged
   */
  readonly modifiesVolumes?: boolean;
}
